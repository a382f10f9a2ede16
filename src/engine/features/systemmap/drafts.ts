/**
 * What each system-map importer returns before names are resolved: factors, actors, links and
 * works-on entries as written in one file, each with where it was read so that problems found
 * while joining files (an unknown factor, a duplicate link) can still name file, row and field.
 * `assembleSystemMap` turns one or more parts into a map.
 */
import type { Attributes } from '../../core/model/records.ts';
import { ORGANISATION_TYPES, PERSON_TYPES, kumuTypeRole, type KumuTypeRoles } from '../../io/kumu-types.ts';

export interface DraftOrigin {
  file: string;
  /** CSV row as a spreadsheet shows it (header = 1), or the line of an XML element. */
  row?: number;
  /** A JSON location such as `connections.3`; fields are reported below it. */
  path?: string;
}

export interface FactorDraft {
  /** Explicit id; the label is the id when absent. */
  id?: string;
  /**
   * Another name links may use for it that is not worth showing (Kumu's internal `elem-…` ids):
   * resolved like an id, never used as one.
   */
  alias?: string;
  label: string;
  description?: string;
  tags?: string[];
  attributes?: Attributes;
  origin: DraftOrigin;
  /** The column or key the id (or label) was read from, for messages. */
  field: string;
}

export interface ActorDraft {
  id?: string;
  /** As FactorDraft.alias. */
  alias?: string;
  label: string;
  attributes?: Attributes;
  origin: DraftOrigin;
  field: string;
}

export interface LinkDraft {
  id?: string;
  /** As written: a factor id or label, or several separated by `|` (Kumu style). */
  from: string;
  to: string;
  /**
   * The polarity text as written; undefined when the source has no polarity column at all
   * (then a signed strength decides, else `+` with a warning).
   */
  polarity?: string;
  /**
   * The source gives links a sign but this one has none (a Kumu connection without a type):
   * kept as an uncertain `+`, reported once for all such links.
   */
  unsigned?: boolean;
  /** A non-zero number; a negative one can give the sign when no polarity is written. */
  strength?: number;
  delay?: boolean;
  note?: string;
  attributes?: Attributes;
  origin: DraftOrigin;
  /** Column or key names of each part of the link, for messages. */
  fields: { from: string; to: string; polarity: string; strength?: string };
}

export interface WorksOnDraft {
  /** An actor id or label (created when unknown: actor lists are usually this very file). */
  actor: string;
  /** A factor id or label, or several separated by `|` or `;`. */
  factor: string;
  note?: string;
  origin: DraftOrigin;
  fields: { actor: string; factor: string };
}

/** One file's worth of system-map records; its readers return it as a Reading with the issues found. */
export interface SystemMapPart {
  file: string;
  factors: FactorDraft[];
  actors: ActorDraft[];
  links: LinkDraft[];
  worksOn: WorksOnDraft[];
  /**
   * Whether this file lists the map's factors. When some file does, a link naming anything else
   * names an unknown factor; when none does (links alone), factors are made from the links.
   */
  listsFactors: boolean;
  /** Names (labels, ids) of elements left out by their type (`typeRoles`): links naming them lose that end. */
  leftOut?: string[];
  /** The types of the elements left out, one per element, for the message. */
  leftOutTypes?: string[];
  name?: string;
  description?: string;
}

export function emptySystemMapPart(file: string): SystemMapPart {
  return { file, factors: [], actors: [], links: [], worksOn: [], listsFactors: false };
}

/**
 * Element types (Kumu's `Type`, a `type` column) that mean an actor rather than a factor,
 * compared case-insensitively: the people and organisation types of io/kumu-types.ts, where the
 * defaults live.
 */
export const ACTOR_TYPES: readonly string[] = [...PERSON_TYPES, ...ORGANISATION_TYPES];

/** Connection types that mean "actor works on factor" rather than a causal link. */
export const WORKS_ON_TYPES: readonly string[] = ['works on', 'works_on', 'workson', 'works-on', 'addresses', 'focus', 'focuses on', 'acts on'];

export function isActorType(type: string | undefined, actorTypes: readonly string[] = ACTOR_TYPES): boolean {
  return type !== undefined && actorTypes.includes(type.trim().toLowerCase());
}

/**
 * What an element of this type is in a system map: an actor (a person or an organisation), a
 * factor, or left out. `typeRoles` are the user's choices (kumu-types.ts gives the defaults);
 * `actorTypes` alone replaces the list of actor types.
 */
export function elementRole(type: string | undefined, options: { actorTypes?: readonly string[]; typeRoles?: KumuTypeRoles } = {}): 'actor' | 'factor' | 'leave out' {
  if (options.actorTypes !== undefined && options.typeRoles === undefined) return isActorType(type, options.actorTypes) ? 'actor' : 'factor';
  const role = kumuTypeRole(type, 'system-map', options.typeRoles);
  return role === 'person' || role === 'organisation' ? 'actor' : role;
}

export function isWorksOnType(type: string | undefined): boolean {
  return type !== undefined && WORKS_ON_TYPES.includes(type.trim().toLowerCase().replace(/\s+/g, ' '));
}

/** Issue location for a field of a draft read at `origin`. */
export function locate(origin: DraftOrigin, field: string | undefined): { file: string; row?: number; field?: string } {
  const name = origin.path !== undefined ? (field !== undefined ? `${origin.path}.${field}` : origin.path) : field;
  return {
    file: origin.file,
    ...(origin.row !== undefined ? { row: origin.row } : {}),
    ...(name !== undefined ? { field: name } : {}),
  };
}
