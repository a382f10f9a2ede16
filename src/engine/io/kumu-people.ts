/**
 * A Kumu blueprint (https://docs.kumu.io/guides/import/blueprints) read as a people network:
 * elements are people (or organisations: the element type is kept as the attribute `type`),
 * connections are ties, their `type` the relation ("collaborates", "advises"; "connection" when
 * none is given). `direction`: `directed` as given, `mutual` and `undirected` become one
 * undirected tie. Both Kumu shapes are read: the blueprint (`label`, `type`, `from`, `to`) and
 * the export (`_id`, values under `attributes`). Connections name elements by id, internal
 * `_id` or label; messages name them by label. The same file read as a system map is
 * features/systemmap/import-kumu.ts.
 */
import type { AttributeValue, Person, Relation, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { setAttribute } from './attribute-columns.ts';
import { readJsonText } from './graphology-json.ts';
import { parseNumberText } from './numbers.ts';
import { emptyPart, type ImportPart, type TieOrigin } from './types.ts';

export interface KumuPeopleOptions {
  file: string;
}

type JsonObject = Record<string, unknown>;

const ELEMENT_SKIP = new Set(['id', '_id', 'label', 'attributes', 'x', 'y']);
const CONNECTION_SKIP = new Set(['id', '_id', 'from', 'to', 'direction', 'connection direction', 'type', 'connection type', 'strength', 'weight', 'attributes']);

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own keys over those under `attributes` (Kumu's export shape), lower-cased. */
function flatten(item: JsonObject): JsonObject {
  const flat: JsonObject = {};
  if (isObject(item.attributes)) for (const [k, v] of Object.entries(item.attributes)) flat[k.toLowerCase()] = v;
  for (const [k, v] of Object.entries(item)) if (k !== 'attributes') flat[k.toLowerCase()] = v;
  return flat;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function attributeValue(value: unknown): AttributeValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return JSON.stringify(value);
}

/** Whether a JSON text looks like a Kumu blueprint or export: an object with elements or connections lists. */
export function looksLikeKumuJson(textValue: string): boolean {
  const head = textValue.replace(/^\uFEFF/, '').slice(0, 4096);
  return /^\s*\{/.test(head) && /"(elements|connections)"\s*:\s*\[/.test(head);
}

/** Reads a Kumu blueprint as people and ties. Never throws. */
export function parseKumuPeople(content: string, options: KumuPeopleOptions): Result<ImportPart> {
  const file = options.file;
  const part = emptyPart(file);
  const log = new IssueLog(file);
  const done = (): Result<ImportPart> => resultOf(part, log.issues);
  const raw = readJsonText(content, log);
  if (raw === undefined) return done();
  if (!isObject(raw) || (!Array.isArray(raw.elements) && !Array.isArray(raw.connections))) {
    log.error('wrong-format', 'this JSON file is not a Kumu blueprint: it should be an object with "elements" and "connections" lists');
    return done();
  }
  if (typeof raw.name === 'string') part.name = raw.name;
  if (typeof raw.description === 'string') part.description = raw.description;

  // Every name a connection may use (id, internal _id, label) leads to one person id.
  const byName = new Map<string, string>();
  const people = new Map<string, Person>();
  const addPerson = (id: string, label: string): Person => {
    const person: Person = { id, label, attributes: {} };
    people.set(id, person);
    part.people.push(person);
    return person;
  };
  const elements = Array.isArray(raw.elements) ? raw.elements : [];
  for (let index = 0; index < elements.length; index++) {
    const value = elements[index];
    const field = `elements.${index}`;
    if (!isObject(value)) {
      log.error('bad-element', 'an element should be an object ({ "label": ... })', { field });
      continue;
    }
    const item = flatten(value);
    const internal = text(item._id);
    const label = text(item.label) ?? text(item.id) ?? internal;
    if (label === undefined) {
      log.error('missing-id', 'the element has no label (and no id)', { field: `${field}.label` });
      continue;
    }
    // The label is the person's id, as people are known by name; an explicit id wins, and a
    // label used twice takes the internal id so that two people stay two.
    let id = text(item.id) ?? label;
    if (people.has(id)) {
      if (internal !== undefined && !people.has(internal)) id = internal;
      else {
        log.warn('duplicate-element', `"${label}" is listed again; the two were merged`, { field });
        continue;
      }
    }
    const person = addPerson(id, label);
    for (const [key, v] of Object.entries(item)) {
      if (ELEMENT_SKIP.has(key) || v === undefined || v === null || v === '') continue;
      setAttribute(person.attributes, key === 'element type' ? 'type' : key, attributeValue(v));
    }
    for (const name of [id, label, internal, text(item.id)]) if (name !== undefined && !byName.has(name)) byName.set(name, id);
  }

  const relations = new Map<string, Relation>();
  const origins: TieOrigin[] = [];
  const unknown = new Set<string>();
  const connections = Array.isArray(raw.connections) ? raw.connections : [];
  for (let index = 0; index < connections.length; index++) {
    const value = connections[index];
    const field = `connections.${index}`;
    if (!isObject(value)) {
      log.error('bad-connection', 'a connection should be an object ({ "from": ..., "to": ... })', { field });
      continue;
    }
    const item = flatten(value);
    const from = text(item.from);
    const to = text(item.to);
    if (from === undefined || to === undefined) {
      log.error('missing-id', `the connection has no ${from === undefined ? '"from"' : '"to"'}`, { field: `${field}.${from === undefined ? 'from' : 'to'}` });
      continue;
    }
    // Kumu makes an element for a name it does not know; so does netweave (reported once below).
    const resolve = (name: string): string => {
      const known = byName.get(name);
      if (known !== undefined) return known;
      unknown.add(name);
      addPerson(name, name);
      byName.set(name, name);
      return name;
    };
    const source = resolve(from);
    const target = resolve(to);
    const relation = text(item.type) ?? text(item['connection type']) ?? 'connection';
    const direction = (text(item.direction) ?? text(item['connection direction']) ?? 'directed').toLowerCase();
    const directed = direction === 'directed';
    const strengthRaw = item.strength ?? item.weight;
    let weight = 1;
    if (strengthRaw !== undefined && strengthRaw !== null && strengthRaw !== '') {
      const n = typeof strengthRaw === 'number' ? strengthRaw : parseNumberText(String(strengthRaw));
      if (n === undefined || !Number.isFinite(n) || n <= 0) log.warn('bad-strength', `strength ${JSON.stringify(strengthRaw)} is not a positive number; the tie counts 1`, { field: `${field}.strength` });
      else weight = n;
    }
    const tie: Tie = { source, target, relation, directed, weight };
    const attributes: Record<string, AttributeValue> = {};
    for (const [key, v] of Object.entries(item)) {
      if (CONNECTION_SKIP.has(key) || v === undefined || v === null || v === '') continue;
      setAttribute(attributes, key, attributeValue(v));
    }
    if (Object.keys(attributes).length > 0) tie.attributes = attributes;
    part.ties.push(tie);
    origins.push({ file, path: field, sourceField: 'from', targetField: 'to' });
    const known = relations.get(relation);
    if (known === undefined) relations.set(relation, { name: relation, directed });
    else if (known.directed !== directed) known.directed = true;
  }
  part.relations = [...relations.values()];
  part.tieOrigins = origins;
  if (unknown.size > 0) {
    const names = [...unknown];
    log.warn('created-element', `${names.length} ${names.length === 1 ? 'name' : 'names'} in connections ${names.length === 1 ? 'is' : 'are'} not an element (${names.slice(0, 5).map((n) => `"${n}"`).join(', ')}${names.length > 5 ? ', …' : ''}); each was added as a person, as Kumu does`);
  }
  return done();
}

const SIGNS = new Set(['+', '-', '−', '++', '--', '+-', '-+', 'positive', 'negative', 'same', 'opposite']);
const PEOPLE_TYPES = /^(person|people|individual|interviewee|participant|member|leader|staff|organi[sz]ation|org|group|agency|funder|company|stakeholder|actor)s?$/i;

/**
 * What a Kumu blueprint maps, from its content: `system-map` when most typed connections carry
 * a sign (+, -, ++, ...), `people` when its elements are people or organisations and no
 * connection carries a sign, undefined when it cannot tell (the user then chooses).
 */
export function kumuLeaning(content: string): 'people' | 'system-map' | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (!isObject(raw)) return undefined;
  const connections = Array.isArray(raw.connections) ? raw.connections.filter(isObject).map(flatten) : [];
  const elements = Array.isArray(raw.elements) ? raw.elements.filter(isObject).map(flatten) : [];
  const types = connections.map((c) => text(c.type) ?? text(c['connection type'])).filter((t): t is string => t !== undefined);
  const signed = types.filter((t) => SIGNS.has(t.toLowerCase())).length;
  if (types.length > 0 && signed >= types.length / 2) return 'system-map';
  const elementTypes = elements.map((e) => text(e.type) ?? text(e['element type'])).filter((t): t is string => t !== undefined);
  if (signed === 0 && elementTypes.length > 0 && elementTypes.every((t) => PEOPLE_TYPES.test(t))) return 'people';
  return undefined;
}
