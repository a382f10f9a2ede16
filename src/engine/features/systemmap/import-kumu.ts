/**
 * Kumu JSON blueprints (https://docs.kumu.io/guides/import/blueprints):
 *
 * ```json
 * { "elements": [{ "label": "Political will", "type": "Factor", "tags": ["policy"] }],
 *   "connections": [{ "from": "Political will", "to": "Carbon price", "direction": "directed", "type": "+" }] }
 * ```
 *
 * Elements become factors, or actors when their type is an actor type (Organization, Person,
 * Stakeholder, ...). Connections refer to elements by id or label. A connection's polarity is
 * read from `polarity` or `sign` when present, else from its `type`; see `polarity.ts` for how
 * Kumu's `++`, `--`, `+-` and `-+` map to a sign (strong links and ambiguous links). A connection
 * of type "works on" (or one from an actor to a factor) is an actor's works-on entry.
 * A connection without a type (Kumu does not require one) is kept as an uncertain `+`, all
 * such reported in one warning. Elements' internal `_id`s resolve connections but are never
 * shown: the label is the element's id. `direction`: `directed` (default) as given; `mutual` adds the reverse link; `undirected` is
 * read from -> to with a warning. Kumu's JSON export shape (`_id`, values under `attributes`) is
 * read too. Other keys are kept as attributes. Kumu's own drawn loops are not read: netweave
 * finds the loops itself.
 */
import type { Attributes } from '../../core/model/records.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { resultOf, type Reading } from '../../core/util/result.ts';
import { setAttribute } from '../../io/attribute-columns.ts';
import { locateJsonError } from '../../io/json-locate.ts';
import { parseNumberText } from '../../io/numbers.ts';
import type { SourceFile } from '../../io/types.ts';
import { assembleSystemMap } from './assemble.ts';
import type { AssembleOptions, SystemMapImportResult } from './assemble.ts';
import { elementRole, emptySystemMapPart, isWorksOnType } from './drafts.ts';
import { leftOutMessage, type KumuTypeRoles } from '../../io/kumu-types.ts';
import { flattenKumuItem as flatten, isJsonObject as isObject, kumuAttributeValue as attributeValue, kumuNames } from '../../io/kumu-records.ts';
import type { DraftOrigin, LinkDraft, SystemMapPart } from './drafts.ts';
import { jsonArrayItemLines } from './json-item-lines.ts';

export interface KumuOptions {
  /** Element types read as actors, lower case. Default ACTOR_TYPES. */
  actorTypes?: readonly string[];
  /** What each element type is read as (defaults in io/kumu-types.ts); wins over actorTypes. */
  typeRoles?: KumuTypeRoles;
}

type JsonObject = Record<string, unknown>;

const ELEMENT_KEYS = new Set(['id', '_id', 'label', 'type', 'element type', 'description', 'tags', 'attributes']);
const CONNECTION_KEYS = new Set([
  'id',
  '_id',
  'from',
  'to',
  'direction',
  'connection direction',
  'type',
  'connection type',
  'polarity',
  'sign',
  'strength',
  'weight',
  'delay',
  'description',
  'note',
  'attributes',
]);

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function extraAttributes(item: JsonObject, skip: ReadonlySet<string>): Attributes | undefined {
  const attributes: Attributes = {};
  const source = { ...(isObject(item.attributes) ? item.attributes : {}), ...item };
  for (const [key, value] of Object.entries(source)) {
    if (key === 'attributes' || skip.has(key.toLowerCase()) || value === undefined || value === null || value === '') continue;
    setAttribute(attributes, key, attributeValue(value));
  }
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

function tagsOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
  if (typeof value === 'string') {
    const tags = value
      .split(/[|;]/)
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return tags.length > 0 ? tags : undefined;
  }
  return undefined;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'delay', 'delayed', '||']);

/** Reads a Kumu blueprint into a part. Never throws. */
export function parseKumuJson(file: SourceFile, options: KumuOptions = {}): Reading<SystemMapPart> {
  const part = emptySystemMapPart(file.name);
  const log = new IssueLog(file.name);
  const done = (): Reading<SystemMapPart> => resultOf(part, log.issues);
  const content = file.text.replace(/^\uFEFF/, '');
  if (content.trim() === '') {
    log.error('empty-file', 'the file is empty');
    return done();
  }
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    const where = locateJsonError(content);
    if (where === undefined) log.error('not-json', 'the file is not valid JSON');
    else log.error('not-json', `the file is not valid JSON: ${where.message} (line ${where.line}, column ${where.column})`, { row: where.line });
    return done();
  }
  if (!isObject(raw) || (!Array.isArray(raw.elements) && !Array.isArray(raw.connections))) {
    log.error('wrong-format', 'this JSON file is not a Kumu blueprint: it should be an object with "elements" and "connections" lists');
    return done();
  }
  const lines = jsonArrayItemLines(content, ['elements', 'connections']);
  const originOf = (key: 'elements' | 'connections', index: number): DraftOrigin => {
    const row = lines.get(key)?.[index];
    return { file: file.name, path: `${key}.${index}`, ...(row !== undefined ? { row } : {}) };
  };
  if (typeof raw.name === 'string') part.name = raw.name;
  if (typeof raw.description === 'string') part.description = raw.description;

  const elements = Array.isArray(raw.elements) ? raw.elements : [];
  // Without elements, Kumu makes them from the connections; so does netweave.
  part.listsFactors = elements.length > 0;
  elements.forEach((value, index) => {
    const origin = originOf('elements', index);
    if (!isObject(value)) {
      log.error('bad-element', 'an element should be an object ({ "label": ... })', { ...(origin.row !== undefined ? { row: origin.row } : {}), field: origin.path });
      return;
    }
    const item = flatten(value);
    // Kumu's export gives each element an internal `_id` ("elem-BbwUSVEF") that connections use:
    // it resolves links but is never shown, so the label is the id.
    const id = text(item.id);
    const alias = text(item._id);
    const label = text(item.label) || id || alias;
    if (!label) {
      log.error('missing-id', 'the element has no label (and no id)', { ...(origin.row !== undefined ? { row: origin.row } : {}), field: `${origin.path}.label` });
      return;
    }
    const type = text(item.type) ?? text(item['element type']);
    const skip = new Set([...ELEMENT_KEYS].filter((k) => k !== 'type' && k !== 'element type'));
    const attributes = extraAttributes(value, skip);
    const field = item.label !== undefined ? 'label' : 'id';
    const role = elementRole(type, options);
    if (role === 'leave out') {
      (part.leftOut ??= []).push(...new Set([label, id, alias].filter((n): n is string => n !== undefined && n !== '')));
      (part.leftOutTypes ??= []).push(type ?? '');
      return;
    }
    if (role === 'actor') {
      part.actors.push({ ...(id ? { id } : {}), ...(alias ? { alias } : {}), label, ...(attributes ? { attributes } : {}), origin, field });
      return;
    }
    const tags = tagsOf(item.tags);
    const description = text(item.description);
    part.factors.push({
      ...(id ? { id } : {}),
      ...(alias ? { alias } : {}),
      label,
      ...(description ? { description } : {}),
      ...(tags ? { tags } : {}),
      ...(attributes ? { attributes } : {}),
      origin,
      field,
    });
  });

  const connections = Array.isArray(raw.connections) ? raw.connections : [];
  connections.forEach((value, index) => {
    const origin = originOf('connections', index);
    if (!isObject(value)) {
      log.error('bad-connection', 'a connection should be an object ({ "from": ..., "to": ... })', { ...(origin.row !== undefined ? { row: origin.row } : {}), field: origin.path });
      return;
    }
    const item = flatten(value);
    const from = text(item.from) ?? '';
    const to = text(item.to) ?? '';
    const polarityKey = ['polarity', 'sign', 'type', 'connection type'].find((k) => text(item[k]) !== undefined && text(item[k]) !== '');
    const typeText = polarityKey === undefined ? undefined : text(item[polarityKey]);
    const note = text(item.description) ?? text(item.note);
    const attributes = extraAttributes(value, new Set([...CONNECTION_KEYS].filter((k) => k !== 'type' || polarityKey === 'type')));
    const strengthRaw = item.strength ?? item.weight;
    let strength: number | undefined;
    if (strengthRaw !== undefined && strengthRaw !== null && strengthRaw !== '') {
      const n = typeof strengthRaw === 'number' ? strengthRaw : parseNumberText(String(strengthRaw));
      if (n === undefined || !Number.isFinite(n) || n === 0) {
        log.warn('bad-strength', `strength ${JSON.stringify(strengthRaw)} is not a non-zero number; the link was kept without a strength`, {
          ...(origin.row !== undefined ? { row: origin.row } : {}),
          field: `${origin.path}.strength`,
        });
      } else strength = n;
    }
    const delayRaw = item.delay;
    const delay = delayRaw === true || (typeof delayRaw === 'string' && TRUE.has(delayRaw.trim().toLowerCase())) || (typeof delayRaw === 'number' && delayRaw > 0);
    const id = text(item.id) ?? text(item._id);
    if (isWorksOnType(typeText)) {
      part.worksOn.push({ actor: from, factor: to, ...(note ? { note } : {}), origin, fields: { actor: 'from', factor: 'to' } });
      return;
    }
    const fields = { from: 'from', to: 'to', polarity: polarityKey ?? 'type', strength: 'strength' };
    const draft: LinkDraft = {
      ...(id ? { id } : {}),
      from,
      to,
      // Kumu does not require a connection type: one without is kept, unsigned (see LinkDraft).
      polarity: typeText ?? '',
      ...(typeText === undefined ? { unsigned: true } : {}),
      ...(strength !== undefined ? { strength } : {}),
      ...(delay ? { delay: true } : {}),
      ...(note ? { note } : {}),
      ...(attributes ? { attributes } : {}),
      origin,
      fields,
    };
    part.links.push(draft);
    const direction = (text(item.direction) ?? text(item['connection direction']) ?? 'directed').toLowerCase();
    if (direction === 'mutual') {
      part.links.push({ ...draft, id: undefined, from: to, to: from, fields: { ...fields, from: 'to', to: 'from' } });
    } else if (direction === 'undirected') {
      log.warn('undirected-link', `the connection is undirected, but a causal link has a direction; it was read from "${from}" to "${to}"`, {
        ...(origin.row !== undefined ? { row: origin.row } : {}),
        field: `${origin.path}.direction`,
      });
    } else if (direction !== 'directed') {
      log.warn('bad-direction', `direction "${direction}" is not directed, mutual or undirected; it was read as directed`, {
        ...(origin.row !== undefined ? { row: origin.row } : {}),
        field: `${origin.path}.direction`,
      });
    }
  });
  dropLeftOut([part], log);
  if (Array.isArray(raw.loops) && raw.loops.length > 0) {
    log.warn('kumu-loops', `the file lists ${raw.loops.length} loops drawn in Kumu; they were not read, because netweave finds every loop from the links itself`);
  }
  return done();
}

/**
 * The links and works-on entries of `parts` without the elements some part left out by their
 * type (`leftOut`): a `|` list loses those names, an entry left with no end is dropped; one
 * warning says how many elements of which types went, and how many connections with them.
 */
export function dropLeftOut(parts: SystemMapPart[], log: IssueLog): void {
  const names = new Set(parts.flatMap((p) => p.leftOut ?? []));
  const types = parts.flatMap((p) => p.leftOutTypes ?? []);
  if (names.size === 0 && types.length === 0) return;
  const keep = (cell: string): string => kumuNames(cell).filter((n) => !names.has(n)).join('|');
  let dropped = 0;
  /** The entry rebuilt with its ends kept, or none (counted) when an end names only elements left out. */
  const kept = <T>(ends: [string, string], rebuild: (a: string, b: string) => T): T[] => {
    const [a, b] = ends.map(keep) as [string, string];
    if (a !== '' && b !== '') return [rebuild(a, b)];
    dropped++;
    return [];
  };
  for (const part of parts) {
    part.links = part.links.flatMap((link) => kept([link.from, link.to], (from, to) => ({ ...link, from, to })));
    part.worksOn = part.worksOn.flatMap((entry) => kept([entry.actor, entry.factor], (actor, factor) => ({ ...entry, actor, factor })));
  }
  log.warn('left-out-elements', leftOutMessage(types, dropped));
}

/** Reads a Kumu blueprint into a map. Never throws. */
export function importKumuJson(file: SourceFile, options: AssembleOptions & KumuOptions = {}): SystemMapImportResult {
  return assembleSystemMap([parseKumuJson(file, options)], options);
}
