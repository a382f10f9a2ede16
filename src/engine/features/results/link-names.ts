/**
 * Who an action's `by` or a commitment's `who` names: an organisation (an actor of the system
 * map, or a value of the people's organisation attribute; compared ignoring case and spacing),
 * else a person of the project (by id, name or email, with the survey importer's name matching:
 * a typo or a nickname still finds them). A name matching neither is kept as written, unlinked,
 * and listed with its file, row and field, so it links once the person or organisation is added.
 * Without the people network only organisations can be found, and other names are not judged.
 *
 * Organisations are tried first: "Faith org 18" must not be read as a misspelt person.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { SystemMap } from '../../core/model/systemmap.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { lookupPeople, type NamedCell } from '../../people/person-lookup.ts';
import { ORGANIZATION_ATTRIBUTES } from '../systemmap/actors.ts';
import { attributeValues, findAttribute } from './attributes.ts';

export interface LinkedName {
  /** As written. */
  text: string;
  kind: 'person' | 'organization' | null;
  /** The person's id, or the organisation's name as the map or the people write it; null when unlinked. */
  id: string | null;
  label: string;
  /** The map actor it is, if any. */
  actor: string | null;
  /** People of the project it stands for: the person, or the organisation's members. */
  people: string[];
}

export interface NameContext {
  map?: SystemMap | undefined;
  people?: Dataset | undefined;
  /** The people attribute naming each person's organisation. Default: detected. */
  organizationAttribute?: string | undefined;
}

const fold = (text: string): string => text.trim().toLowerCase().replace(/[\s_]+/g, ' ');

/** Organisations by folded name: their name as written and their members. */
export function organizationsOf(context: NameContext): Map<string, { name: string; actor: string | null; people: string[] }> {
  const orgs = new Map<string, { name: string; actor: string | null; people: string[] }>();
  const people = context.people?.people ?? [];
  const attribute = findAttribute(people, context.organizationAttribute, ORGANIZATION_ATTRIBUTES);
  if (attribute !== null) {
    for (const person of people) {
      for (const org of attributeValues(person.attributes[attribute])) {
        const entry = orgs.get(fold(org)) ?? { name: org, actor: null, people: [] };
        if (!entry.people.includes(person.id)) entry.people.push(person.id);
        orgs.set(fold(org), entry);
      }
    }
  }
  const personKeys = new Set(people.flatMap((p) => [fold(p.id), fold(p.label)]));
  for (const actor of context.map?.actors ?? []) {
    // An actor that is a person of the project is that person, not an organisation.
    if (personKeys.has(fold(actor.label)) || personKeys.has(fold(actor.id))) continue;
    const key = orgs.has(fold(actor.label)) ? fold(actor.label) : orgs.has(fold(actor.id)) ? fold(actor.id) : fold(actor.label);
    const entry = orgs.get(key) ?? { name: actor.label, actor: null, people: [] };
    entry.actor = actor.id;
    orgs.set(key, entry);
    if (fold(actor.id) !== key && !orgs.has(fold(actor.id))) orgs.set(fold(actor.id), entry);
  }
  return orgs;
}

/** The names of `cells` linked (aligned with them), and warnings for those matching no one. */
export function linkNames(cells: readonly NamedCell[], context: NameContext): { links: LinkedName[]; unlinked: NamedCell[]; issues: InputIssue[] } {
  const orgs = organizationsOf(context);
  const people = context.people?.people ?? [];
  const labelOf = new Map(people.map((p) => [p.id, p.label]));
  const actorOfPerson = new Map<string, string>();
  for (const actor of context.map?.actors ?? []) {
    const person = people.find((p) => fold(p.id) === fold(actor.id) || fold(p.label) === fold(actor.label));
    if (person !== undefined) actorOfPerson.set(person.id, actor.id);
  }
  const links: Array<LinkedName | null> = cells.map((cell) => {
    const org = orgs.get(fold(cell.text));
    return org === undefined ? null : { text: cell.text, kind: 'organization', id: org.name, label: org.name, actor: org.actor, people: [...org.people] };
  });
  const rest = cells.map((cell, i) => ({ cell, i })).filter(({ i }) => links[i] === null);
  const issues: InputIssue[] = [];
  if (rest.length > 0 && people.length > 0) {
    const lookup = lookupPeople(rest.map((r) => r.cell), { people, unknownNames: 'leave', question: 'results', what: 'results' });
    lookup.entries.forEach((entry, k) => {
      if (entry.person === null) return;
      links[rest[k]!.i] = { text: entry.text, kind: 'person', id: entry.person, label: labelOf.get(entry.person) ?? entry.person, actor: actorOfPerson.get(entry.person) ?? null, people: [entry.person] };
    });
    // Names matching no one are said once below, as unlinked; an ambiguous name keeps the lookup's own warning.
    issues.push(...lookup.issues.filter((i) => i.code === 'ambiguous-name').map((i) => ({ ...i, level: 'warning' as const, message: i.message.replace(/; left out.*$/, '; kept unlinked') })));
  }
  const unlinked: NamedCell[] = [];
  const out = links.map((link, i) => {
    if (link !== null) return link;
    const cell = cells[i]!;
    // Without the people, a name that is no organisation may well be a person: not judged.
    if (context.people !== undefined) unlinked.push(cell);
    return { text: cell.text, kind: null, id: null, label: cell.text, actor: null, people: [] } satisfies LinkedName;
  });
  for (const cell of unlinked) {
    issues.push({
      level: 'warning',
      code: 'unknown-name',
      message: `"${cell.text}" is no person or organisation of the project${context.map !== undefined ? ' or the system map' : ''}; kept as written, unlinked`,
      ...(cell.file !== '' ? { file: cell.file } : {}),
      ...(cell.row > 0 ? { row: cell.row } : {}),
      field: cell.field,
    });
  }
  return { links: out, unlinked, issues };
}
