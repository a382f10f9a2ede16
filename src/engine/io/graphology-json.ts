/**
 * graphology's serialised graph (JSON, what `graph.export()` writes and `Graph.from()` reads):
 *
 * ```json
 * { "attributes": { "name": "..." }, "options": { "type": "mixed", "multi": false },
 *   "nodes": [{ "key": "a", "attributes": { "label": "Ana", ... } }],
 *   "edges": [{ "key": "e1", "source": "a", "target": "b", "attributes": { "weight": 2 }, "undirected": true }] }
 * ```
 *
 * - A person's id is the node's `key`; the label is `attributes.label`, else the key. The other
 *   attributes become person attributes, except where and how a node is drawn (`x`, `y`, `size`,
 *   `color` and sigma's `hidden`, `highlighted`, `forceLabel`, `zIndex`, `fixed`, `rawSize`,
 *   `image`): netweave lays out and colours the map itself. Lists of text stay lists; other
 *   nested values are kept as their JSON text, with one warning.
 * - An edge's weight is `attributes.weight` (a number above 0, default 1). Its relation layer is
 *   the first of `relation`, `type` (Gephi Lite writes a Neo4j-style relationship type there) and
 *   `label`, else "tie". Other attributes become tie attributes (drawing ones left out as above).
 * - Direction: `options.type` "directed" or "undirected" for every edge; "mixed" (graphology's
 *   default, also when `options` is absent) makes an edge undirected only when it says
 *   `"undirected": true`.
 * - A repeated edge (a multi graph) is merged into the first with the weights added, a node
 *   declared twice is merged, and an edge to an undeclared node adds that person; each is warned
 *   about. graphology itself refuses the last two.
 * - The graph's `name` (or `title`) and `description` attributes name the dataset.
 *
 * JSON has no line numbers worth giving (Gephi Lite writes one line), so issues name the JSON
 * path as their field (`edges.12.attributes.weight`), and a syntax error its line.
 */
import type { AttributeValue, Attributes, Person, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { setAttribute } from './attribute-columns.ts';
import { locateJsonError } from './json-locate.ts';
import { mergePerson } from './merge-people.ts';
import { settleTies, type TieDraft } from './merge-ties.ts';
import { parseWeight } from './numbers.ts';
import { emptyPart, type ImportPart } from './types.ts';

export interface GraphologyJsonOptions {
  /** File name used in issues. */
  file: string;
}

/** Node and edge attributes that say how to draw, not what a person or tie is. */
export const GRAPHOLOGY_DRAWING_ATTRIBUTES: ReadonlySet<string> = new Set([
  'x', 'y', 'size', 'color', 'hidden', 'highlighted', 'forceLabel', 'zIndex', 'fixed', 'rawSize',
  'rawWeight', 'image', 'curvature',
]);

/**
 * A cheap test of whether a text is graphology's serialised graph: a JSON object with a `nodes`
 * array whose first entry has a `key`, and no Gephi Lite wrapper. First 4 KB only.
 */
export function looksLikeGraphologyJson(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  if (!head.startsWith('{') || /"type"\s*:\s*"gephi-lite"/.test(head)) return false;
  return /"nodes"\s*:\s*\[\s*(?:\]|\{\s*(?:"[^"]*"\s*:[^{}]*?,\s*)*"key"\s*:)/.test(head);
}

/** The JSON text of a file, or undefined after logging why it is not JSON. */
export function readJsonText(text: string, log: IssueLog): unknown {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') {
    log.error('empty-file', 'the file is empty');
    return undefined;
  }
  try {
    return JSON.parse(content);
  } catch {
    const where = locateJsonError(content);
    const first = content.trimStart()[0];
    const hint = first === '<' ? ' (it looks like XML: GraphML or GEXF?)' : '';
    if (where === undefined) log.error('not-json', `the file is not valid JSON${hint}`);
    else {
      log.error('not-json', `the file is not valid JSON${hint}: ${where.message} (line ${where.line}, column ${where.column})`, {
        row: where.line,
      });
    }
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A node key or an edge end: graphology turns numbers into strings. */
function keyText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Where a serialised graph sits in its file, and the extra data a Gephi Lite project keeps beside it. */
export interface SerializedGraphSource {
  /** JSON path of the graph, '' at the top, e.g. `graphDataset.fullGraph`. */
  path: string;
  /** More attributes of a node or an edge by key (Gephi Lite keeps them outside the graph). */
  nodeData?: (key: string) => Record<string, unknown> | undefined;
  edgeData?: (key: string) => Record<string, unknown> | undefined;
}

interface Reader {
  log: IssueLog;
  warnedNested: boolean;
}

function attributeValue(value: unknown, field: string, reader: Reader): AttributeValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  if (!reader.warnedNested) {
    reader.warnedNested = true;
    reader.log.warn('nested-attribute', 'some attributes hold lists or objects; they were kept as their JSON text', { field });
  }
  return JSON.stringify(value);
}

/** Attributes from one or more records, the later filling in what the earlier lack. */
function gather(...records: Array<Record<string, unknown> | undefined>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const record of records) {
    if (record === undefined) continue;
    for (const [name, value] of Object.entries(record)) if (!out.has(name)) out.set(name, value);
  }
  return out;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/**
 * Fills `part` from a serialised graphology graph (`graph` is what JSON.parse gave). Logs every
 * issue; returns false when the value is not a graph at all.
 */
export function readSerializedGraph(graph: unknown, source: SerializedGraphSource, part: ImportPart, log: IssueLog): boolean {
  const at = (rest: string): string => (source.path === '' ? rest : `${source.path}.${rest}`);
  if (!isObject(graph) || !Array.isArray(graph.nodes)) {
    log.error('wrong-format', 'this JSON file is not a graphology graph: it should be an object with a "nodes" list', {
      field: source.path === '' ? 'nodes' : at('nodes'),
    });
    return false;
  }
  const reader: Reader = { log, warnedNested: false };
  const attributes = isObject(graph.attributes) ? graph.attributes : {};
  const name = textOf(attributes.name) || textOf(attributes.title);
  if (name !== '') part.name = name;
  if (textOf(attributes.description) !== '') part.description = textOf(attributes.description);

  const options = isObject(graph.options) ? graph.options : {};
  const type = options.type === undefined ? 'mixed' : options.type;
  if (type !== 'mixed' && type !== 'directed' && type !== 'undirected') {
    log.warn('bad-graph-type', `options.type should be "directed", "undirected" or "mixed", not ${JSON.stringify(type)}; it was read as mixed`, {
      field: at('options.type'),
    });
  }

  const people: Person[] = [];
  const index = new Map<string, { at: number; path: string }>();
  graph.nodes.forEach((entry, n) => {
    const path = at(`nodes.${n}`);
    const key = isObject(entry) ? keyText(entry.key) : undefined;
    if (key === undefined || key.trim() === '') {
      log.error('missing-id', 'a node has no key', { field: `${path}.key` });
      return;
    }
    const own = isObject(entry) && isObject(entry.attributes) ? entry.attributes : undefined;
    const values = gather(own, source.nodeData?.(key));
    const label = textOf(values.get('label'));
    const personAttributes: Attributes = {};
    for (const [name, value] of values) {
      if (name === 'label' || GRAPHOLOGY_DRAWING_ATTRIBUTES.has(name)) continue;
      setAttribute(personAttributes, name, attributeValue(value, `${path}.attributes.${name}`, reader));
    }
    const person: Person = { id: key, label: label || key, attributes: personAttributes };
    const first = index.get(key);
    if (first === undefined) {
      index.set(key, { at: people.length, path });
      people.push(person);
      return;
    }
    const merged = mergePerson(people[first.at] as Person, person);
    people[first.at] = merged.person;
    const conflicts = merged.conflicts.length > 0 ? `; where they disagree (${merged.conflicts.join(', ')}) the first was kept` : '';
    log.warn('duplicate-node', `node "${key}" is declared twice (first at ${first.path}); the two were merged${conflicts}`, {
      field: `${path}.key`,
    });
  });

  const edges = Array.isArray(graph.edges) ? graph.edges : [];
  if (graph.edges !== undefined && !Array.isArray(graph.edges)) {
    log.error('wrong-format', '"edges" should be a list', { field: at('edges') });
  }
  const drafts: TieDraft[] = [];
  edges.forEach((entry, n) => {
    const path = at(`edges.${n}`);
    if (!isObject(entry)) {
      log.error('bad-edge', 'an edge should be an object with a source and a target', { field: path });
      return;
    }
    let ok = true;
    const ends: string[] = [];
    for (const field of ['source', 'target'] as const) {
      const end = keyText(entry[field]);
      if (end === undefined || end.trim() === '') {
        log.error('missing-id', `an edge has no ${field}`, { field: `${path}.${field}` });
        ok = false;
      }
      ends.push(end ?? '');
    }
    const key = keyText(entry.key);
    const own = isObject(entry.attributes) ? entry.attributes : undefined;
    const values = gather(own, key === undefined ? undefined : source.edgeData?.(key));
    let weight = 1;
    const rawWeight = values.get('weight');
    if (rawWeight !== undefined && rawWeight !== null && rawWeight !== '') {
      const reading =
        typeof rawWeight === 'number' || typeof rawWeight === 'string'
          ? parseWeight(String(rawWeight), 'weight')
          : ({ ok: false, message: `weight is not a number: ${JSON.stringify(rawWeight)}` } as const);
      if (reading.ok) weight = reading.weight;
      else {
        log.error('bad-weight', reading.message, { field: `${path}.attributes.weight` });
        ok = false;
      }
    }
    if (!ok) return;
    let relationKey: string | undefined;
    for (const name of ['relation', 'type', 'label']) {
      if (textOf(values.get(name)) !== '') {
        relationKey = name;
        break;
      }
    }
    const directed = type === 'directed' ? true : type === 'undirected' ? false : entry.undirected !== true;
    const tie: Tie = {
      source: ends[0] as string,
      target: ends[1] as string,
      relation: relationKey === undefined ? 'tie' : textOf(values.get(relationKey)),
      directed,
      weight,
    };
    const tieAttributes: Attributes = {};
    for (const [name, value] of values) {
      if (name === 'weight' || name === relationKey || GRAPHOLOGY_DRAWING_ATTRIBUTES.has(name)) continue;
      setAttribute(tieAttributes, name, attributeValue(value, `${path}.attributes.${name}`, reader));
    }
    if (Object.keys(tieAttributes).length > 0) tie.attributes = tieAttributes;
    for (const [end, field] of [
      [tie.source, 'source'],
      [tie.target, 'target'],
    ] as const) {
      if (index.has(end)) continue;
      index.set(end, { at: people.length, path: `${path}.${field}` });
      people.push({ id: end, label: end, attributes: {} });
      log.warn('unknown-id', `an edge refers to node "${end}", which the file does not declare; it was added as a person`, {
        field: `${path}.${field}`,
      });
    }
    drafts.push({ tie, origin: { file: part.file, path, sourceField: `${path}.source`, targetField: `${path}.target` } });
  });
  part.people = people;
  settleTies(part, drafts, log);
  return true;
}

/** Reads graphology's serialised JSON. Never throws: problems come back as the result's issues. */
export function parseGraphologyJson(text: string, options: GraphologyJsonOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const log = new IssueLog(options.file);
  const data = readJsonText(text, log);
  if (data === undefined) return resultOf(part, log.issues);
  if (isObject(data) && data.type === 'gephi-lite') {
    log.error('wrong-format', 'this is a Gephi Lite project, not a plain graphology graph; read it as a Gephi Lite file', { field: 'type' });
    return resultOf(part, log.issues);
  }
  readSerializedGraph(data, { path: '' }, part, log);
  return resultOf(part, log.issues);
}
