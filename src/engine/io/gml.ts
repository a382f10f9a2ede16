/**
 * GML (Graph Modelling Language: networkx, igraph, yEd, Gephi, Newman's network data): a tree of
 * `key value` pairs where a value is a number, a "quoted string" or a `[ ... ]` list.
 *
 * What is read, from the first `graph [ ... ]` (keys before it such as `Creator` are skipped):
 * - `directed 1` makes every tie directed (default undirected); `label`, `name` or `title` of the
 *   graph becomes the dataset's name.
 * - `node [ id ... ]`: the id (a number or a string) is the person's id; the label is `label`,
 *   else `name` (igraph writes the vertex name there), else the id. Every other key with a number
 *   or a string becomes a person attribute; lists inside a node (yEd's `graphics [ ... ]`,
 *   `LabelGraphics [ ... ]`) are drawing instructions and are skipped.
 * - `edge [ source ... target ... ]`: the weight is `weight`, else `value` (Newman's files), and
 *   must be a number above 0. The relation layer is the first of `relation`, `type` and `label`
 *   that the edge has (else "tie"). Other keys become tie attributes, except networkx's
 *   multigraph `key` and an edge `id` (Gephi numbers its edges). A repeated edge (a multigraph) is merged into the first with the weights
 *   added, and reported, as every importer does.
 * - Strings may span lines and hold `&quot;`, `&amp;`, `&lt;`, `&gt;`, `&apos;` and numeric
 *   character references (`&#1062;`, `&#x416;`), which networkx writes for anything not ASCII.
 *   Lines starting with `#` are comments. `inf` and `nan` (any case, signed) are numbers.
 * - A second `graph` is skipped with a warning; a node declared twice is merged; an edge naming
 *   an undeclared node adds that person; both are warned about.
 *
 * The reader walks the text once with an explicit stack (no recursion), keeping only the graph's,
 * the nodes' and the edges' own values, so its time and memory grow with the file's length, and
 * refuses lists nested deeper than MAX_DEPTH (real files nest 5 deep: graph, edge, graphics,
 * Line, point).
 */
import type { Attributes, Person, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { setAttribute } from './attribute-columns.ts';
import { parseWeight } from './numbers.ts';
import { emptyPart, type ImportPart } from './types.ts';
import { fillXmlGraph, type XmlEdgeDraft, type XmlNodeDraft } from './xml-graph.ts';

export interface GmlOptions {
  /** File name used in issues. */
  file: string;
}

/** Lists nested deeper than this are refused as hostile or broken. */
export const MAX_GML_DEPTH = 64;

type GmlScalar = string | number;

interface KeyValue {
  key: string;
  value: GmlScalar;
  line: number;
}

type FrameKind = 'top' | 'graph' | 'node' | 'edge' | 'skip';

interface Frame {
  kind: FrameKind;
  key: string;
  line: number;
  values: KeyValue[];
}

/** `Creator "..."` and `Version 1` lines, comments and blank lines, then `graph [`. */
const GML_START =
  /^\uFEFF?\s*(?:(?:#[^\n]*|[A-Za-z_][A-Za-z0-9_]*[ \t]+(?:"[^"]*"|[-+]?[0-9][0-9.eE+-]*|[A-Za-z_][A-Za-z0-9_]*))\s*)*graph\s*\[/;

/**
 * A cheap test of whether a text is GML: after comments and top-level `key value` lines (such
 * as `Creator "..."`, `Version 1`) it opens a `graph [` list. Looks at the first 8 KB only.
 */
export function looksLikeGml(text: string): boolean {
  return GML_START.test(text.slice(0, 8192));
}

const NAMED_ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00A0' };

/** Decodes the character references GML writers use; an unknown `&name;` is left as it is. */
export function decodeGmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Lone surrogates and out-of-range code points would make invalid text.
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const IS_KEY_START = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const IS_KEY_PART = (c: number): boolean => IS_KEY_START(c) || (c >= 48 && c <= 57);
const IS_SPACE = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
const NUMBER = /[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const SPECIAL_NUMBER = /^[+-]?(?:inf|infinity|nan)$/i;

/** The id a node or an edge end is known by: numbers in their plain form, so `07` is `7`. */
function idText(value: GmlScalar): string {
  return typeof value === 'number' ? String(value) : value.trim();
}

function describe(c: string): string {
  if (c === '{') return '"{" (a JSON file?)';
  if (c === '<') return '"<" (an XML file such as GraphML or GEXF?)';
  return `"${c}"`;
}

interface GraphRead {
  directed: boolean;
  name?: string;
  nodes: Frame[];
  edges: Frame[];
}

/**
 * Walks the text once. Returns the graph's own values, its nodes and edges (each with its own
 * scalar values), or undefined after a fatal syntax error (logged).
 */
function scan(text: string, log: IssueLog): GraphRead | undefined {
  const stack: Frame[] = [{ kind: 'top', key: '', line: 1, values: [] }];
  const graph: GraphRead = { directed: false, nodes: [], edges: [] };
  const graphValues: KeyValue[] = [];
  let graphs = 0;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let pendingKey: string | undefined;
  let pendingLine = 1;
  let warnedBareWord = false;
  const n = text.length;

  let seenKey = false;
  const assign = (value: GmlScalar): void => {
    const frame = stack[stack.length - 1] as Frame;
    const key = pendingKey as string;
    pendingKey = undefined;
    if (frame.kind === 'graph') graphValues.push({ key, value, line: pendingLine });
    else if (frame.kind === 'node' || frame.kind === 'edge') frame.values.push({ key, value, line: pendingLine });
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (IS_SPACE(c)) {
      i++;
      continue;
    }
    if (c === 35) {
      // A comment runs to the end of the line.
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
      continue;
    }
    if (c === 91) {
      // [
      if (pendingKey === undefined) {
        log.error('bad-gml', 'a list "[" has no key before it (GML is written as key [ ... ])', { row: line });
        return undefined;
      }
      if (stack.length > MAX_GML_DEPTH) {
        log.error('too-deep', `lists are nested more than ${MAX_GML_DEPTH} deep, which no graph needs; the file was not read`, {
          row: line,
        });
        return undefined;
      }
      const parent = stack[stack.length - 1] as Frame;
      let kind: FrameKind = 'skip';
      if (parent.kind === 'top' && pendingKey === 'graph') {
        graphs++;
        if (graphs === 1) kind = 'graph';
        else if (graphs === 2) log.warn('extra-graph', 'the file holds several graphs; only the first was read', { row: line });
      } else if (parent.kind === 'graph' && (pendingKey === 'node' || pendingKey === 'edge')) {
        kind = pendingKey;
      }
      stack.push({ kind, key: pendingKey, line: pendingLine, values: [] });
      pendingKey = undefined;
      i++;
      continue;
    }
    if (c === 93) {
      // ]
      if (pendingKey !== undefined) {
        log.error('missing-value', `"${pendingKey}" has no value before "]"`, { row: line, field: pendingKey });
        return undefined;
      }
      if (stack.length === 1) {
        log.error('unbalanced', 'a "]" closes a list that was never opened', { row: line });
        return undefined;
      }
      const frame = stack.pop() as Frame;
      if (frame.kind === 'node') graph.nodes.push(frame);
      else if (frame.kind === 'edge') graph.edges.push(frame);
      i++;
      continue;
    }
    if (c === 34) {
      // "string": may span lines; no escapes, quotes are written as &quot;
      const end = text.indexOf('"', i + 1);
      if (end < 0) {
        log.error('unclosed-string', 'a text in double quotes is never closed (the file may be cut short)', { row: line });
        return undefined;
      }
      const raw = text.slice(i + 1, end);
      const at = line;
      for (let k = raw.indexOf('\n'); k >= 0; k = raw.indexOf('\n', k + 1)) line++;
      i = end + 1;
      if (pendingKey === undefined) {
        log.error('bad-gml', `a text ("${raw.slice(0, 40)}") has no key before it`, { row: at });
        return undefined;
      }
      assign(decodeGmlEntities(raw));
      continue;
    }
    if (IS_KEY_START(c) || ((c === 43 || c === 45) && IS_KEY_START(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < n && IS_KEY_PART(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      i = j;
      if (pendingKey === undefined) {
        if (c === 43 || c === 45) {
          log.error('bad-gml', `"${word}" is not a key (a key starts with a letter)`, { row: line });
          return undefined;
        }
        pendingKey = word;
        pendingLine = line;
        seenKey = true;
        continue;
      }
      if (SPECIAL_NUMBER.test(word)) {
        assign(/nan/i.test(word) ? Number.NaN : word.startsWith('-') ? -Infinity : Infinity);
        continue;
      }
      // A bare word where a value belongs: some writers leave text unquoted.
      if (!warnedBareWord) {
        warnedBareWord = true;
        log.warn('unquoted-text', `"${pendingKey}" has the unquoted value ${word}; GML text goes in double quotes, it was read as text`, {
          row: line,
          field: pendingKey,
        });
      }
      assign(word);
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number !== null && number[0] !== '+' && number[0] !== '-') {
      i += number[0].length;
      if (pendingKey === undefined) {
        log.error('bad-gml', `the number ${number[0]} has no key before it`, { row: line });
        return undefined;
      }
      assign(Number(number[0]));
      continue;
    }
    const found = String.fromCodePoint(text.codePointAt(i) as number);
    const first = !seenKey;
    log.error(
      first ? 'wrong-format' : 'bad-gml',
      first
        ? `this is not a GML file: it starts with ${describe(found)}, where GML has key value pairs and a graph [ ... ] list`
        : `unexpected ${describe(found)}`,
      { row: line },
    );
    return undefined;
  }
  if (pendingKey !== undefined) {
    log.error('missing-value', `the file ends after "${pendingKey}", before its value (it may be cut short)`, {
      row: line,
      field: pendingKey,
    });
    return undefined;
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1] as Frame;
    log.error(
      'unbalanced',
      `the file ends before the "${open.key}" list opened on line ${open.line} is closed with "]" (it may be cut short, or a "]" is missing)`,
      { row: line },
    );
    return undefined;
  }
  if (graphs === 0) {
    log.error('no-graph', 'the file has no graph [ ... ] list, so there is no network in it');
    return undefined;
  }
  for (const { key, value, line: at } of graphValues) {
    if (key === 'directed') {
      if (value === 1) graph.directed = true;
      else if (value !== 0) {
        log.warn('bad-directed', `"directed" should be 0 or 1, not ${JSON.stringify(value)}; the ties were read as undirected`, {
          row: at,
          field: 'directed',
        });
      }
    } else if ((key === 'label' || key === 'name' || key === 'title') && graph.name === undefined && typeof value === 'string' && value.trim() !== '') {
      graph.name = value.trim();
    }
  }
  return graph;
}

/** A value as an attribute: numbers that are not finite (inf, nan) have no place in a table, so they read as empty. */
function attributeValue(value: GmlScalar): string | number | null {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function firstOf(values: readonly KeyValue[], key: string): KeyValue | undefined {
  for (const entry of values) if (entry.key === key) return entry;
  return undefined;
}

/** Reads a GML file. Never throws: problems come back as the result's issues. */
export function parseGml(text: string, options: GmlOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const log = new IssueLog(options.file);
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    log.error('empty-file', 'the file is empty');
    return resultOf(part, log.issues);
  }
  const graph = scan(text, log);
  if (graph === undefined) return resultOf(part, log.issues);
  if (graph.name !== undefined) part.name = graph.name;

  const warned = new Set<string>();
  const warnRepeated = (key: string, at: number): void => {
    if (warned.has(key)) return;
    warned.add(key);
    log.warn('repeated-key', `"${key}" is given more than once in a node or edge; only the first value was kept`, {
      row: at,
      field: key,
    });
  };

  const nodes: XmlNodeDraft[] = [];
  for (const frame of graph.nodes) {
    const idEntry = firstOf(frame.values, 'id');
    const id = idEntry === undefined ? '' : idText(idEntry.value);
    if (id === '') {
      log.error('missing-id', 'a node has no id', { row: frame.line, field: 'id' });
      continue;
    }
    const labelEntry = firstOf(frame.values, 'label');
    const nameEntry = labelEntry === undefined ? firstOf(frame.values, 'name') : undefined;
    const labelFrom = labelEntry ?? nameEntry;
    const label = labelFrom === undefined ? '' : idText(labelFrom.value);
    const attributes: Attributes = {};
    const seen = new Set<string>();
    for (const entry of frame.values) {
      if (entry === idEntry || entry === labelFrom) continue;
      if (seen.has(entry.key)) {
        warnRepeated(entry.key, entry.line);
        continue;
      }
      seen.add(entry.key);
      if (entry.key === 'id' || (labelFrom !== undefined && entry.key === labelFrom.key)) continue;
      setAttribute(attributes, entry.key, attributeValue(entry.value));
    }
    const person: Person = { id, label: label === '' ? id : label, attributes };
    nodes.push({ person, line: frame.line });
  }

  const edges: XmlEdgeDraft[] = [];
  for (const frame of graph.edges) {
    const where = { row: frame.line };
    let ok = true;
    const ends: string[] = [];
    for (const field of ['source', 'target'] as const) {
      const entry = firstOf(frame.values, field);
      const end = entry === undefined ? '' : idText(entry.value);
      if (end === '') {
        log.error('missing-id', `an edge has no ${field}`, { ...where, field });
        ok = false;
      }
      ends.push(end);
    }
    const weightEntry = firstOf(frame.values, 'weight') ?? firstOf(frame.values, 'value');
    let weight = 1;
    if (weightEntry !== undefined) {
      const reading = parseWeight(String(weightEntry.value), weightEntry.key);
      if (reading.ok) weight = reading.weight;
      else {
        log.error('bad-weight', reading.message, { row: weightEntry.line, field: weightEntry.key });
        ok = false;
      }
    }
    let relationEntry: KeyValue | undefined;
    for (const key of ['relation', 'type', 'label']) {
      const entry = firstOf(frame.values, key);
      if (entry !== undefined && idText(entry.value) !== '') {
        relationEntry = entry;
        break;
      }
    }
    if (!ok) continue;
    const attributes: Attributes = {};
    const seen = new Set<string>();
    for (const entry of frame.values) {
      if (seen.has(entry.key)) {
        warnRepeated(entry.key, entry.line);
        continue;
      }
      seen.add(entry.key);
      if (entry.key === 'source' || entry.key === 'target' || entry.key === 'key' || entry.key === 'id') continue;
      if (entry === weightEntry || entry === relationEntry) continue;
      setAttribute(attributes, entry.key, attributeValue(entry.value));
    }
    const tie: Tie = {
      source: ends[0] as string,
      target: ends[1] as string,
      relation: relationEntry === undefined ? 'tie' : idText(relationEntry.value),
      directed: graph.directed,
      weight,
    };
    if (Object.keys(attributes).length > 0) tie.attributes = attributes;
    edges.push({ tie, line: frame.line });
  }
  fillXmlGraph(part, nodes, edges, log);
  return resultOf(part, log.issues);
}
