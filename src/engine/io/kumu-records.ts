/**
 * A Kumu file as element and connection records, whichever shape it came in: a JSON blueprint
 * (https://docs.kumu.io/guides/import/blueprints; the blueprint's `label`/`type`/`from`/`to` and
 * the export's `_id` with values under `attributes`) or a workbook
 * (https://docs.kumu.io/guides/import/structure-your-data): an Elements sheet (an optional ID,
 * Label, Type, Description, Tags separated by `|`, any other column) and a Connections sheet
 * (From, To, Type, Direction, Strength, any other column; a `|` in From or To lists several
 * elements). The people-network reading (kumu-people.ts) works on these records, so both shapes
 * read alike; each record says where it was read (a JSON path, or a sheet's row and column) for
 * messages, which name elements by label.
 */
import type { AttributeValue, Attributes } from '../core/model/records.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { IssueLog } from '../core/util/issues.ts';
import { fail, ok, readSoFar, type Result } from '../core/util/result.ts';
import { setAttribute, typeAttributeColumn } from './attribute-columns.ts';
import { findColumn } from './csv-columns.ts';
import { columnName, type CsvTable } from './csv-read.ts';
import { readJsonText } from './graphology-json.ts';
import { readSurveyTable } from './read-table.ts';
import type { SourceFile } from './types.ts';
import { isWorkbook } from './workbook-detect.ts';
import { listXlsxSheets } from './xlsx-read.ts';

/** Where a record was read: a JSON path (`elements.3`), or a sheet, its row and the header of each column. */
export interface KumuOrigin {
  path?: string;
  sheet?: string;
  row?: number;
  /** Sheets: the header of each field by its key (`from` -> `From`). */
  columns?: Readonly<Record<string, string>>;
}

export interface KumuElement {
  /** An explicit id (the ID column, `id`); connections name the element by it. */
  id?: string;
  /** Kumu's internal `_id` (`elem-BbwUSVEF`): resolves connections, never shown. */
  alias?: string;
  label: string;
  type?: string;
  /** Every other field (description, tags, custom fields), typed. */
  fields: Attributes;
  origin: KumuOrigin;
}

export interface KumuConnection {
  /** The element named, or several separated by `|` (workbooks). */
  from: string;
  to: string;
  type?: string;
  /** `directed`, `mutual` or `undirected` as written, lower case. */
  direction?: string;
  /** As written: a number, or the text of a cell. */
  strength?: number | string;
  fields: Attributes;
  origin: KumuOrigin;
}

export interface KumuRecords {
  file: string;
  elements: KumuElement[];
  connections: KumuConnection[];
  name?: string;
  description?: string;
}

/** Where a field of a record is, for an issue: the JSON path below the record, or the sheet's column and row. */
export function kumuWhere(origin: KumuOrigin, key?: string): { row?: number; field?: string } {
  if (origin.sheet !== undefined) {
    const column = key === undefined ? undefined : origin.columns?.[key] ?? key;
    return { ...(origin.row !== undefined ? { row: origin.row } : {}), field: column === undefined ? `sheet ${origin.sheet}` : `${column} (sheet ${origin.sheet})` };
  }
  const path = origin.path === undefined ? key : key === undefined ? origin.path : `${origin.path}.${key}`;
  return { ...(origin.row !== undefined ? { row: origin.row } : {}), ...(path !== undefined ? { field: path } : {}) };
}

type JsonObject = Record<string, unknown>;

/** A JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const isObject = isJsonObject;

/** A Kumu item's own keys over those under `attributes` (Kumu's export shape), lower-cased. */
export function flattenKumuItem(item: JsonObject): JsonObject {
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

/** A JSON value as an attribute: text, numbers, booleans and lists of text as they are, anything else as JSON text. */
export function kumuAttributeValue(value: unknown): AttributeValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return JSON.stringify(value);
}

const ELEMENT_KEYS = new Set(['id', '_id', 'label', 'type', 'element type', 'attributes', 'x', 'y']);
const CONNECTION_KEYS = new Set(['id', '_id', 'from', 'to', 'direction', 'connection direction', 'type', 'connection type', 'strength', 'weight', 'attributes']);

function fieldsOf(item: JsonObject, skip: ReadonlySet<string>): Attributes {
  const fields: Attributes = {};
  for (const [key, v] of Object.entries(item)) {
    if (skip.has(key) || v === undefined || v === null || v === '') continue;
    setAttribute(fields, key, kumuAttributeValue(v));
  }
  return fields;
}

/** Whether a JSON text looks like a Kumu blueprint or export: an object with elements or connections lists. */
export function looksLikeKumuJson(textValue: string): boolean {
  const head = textValue.replace(/^\uFEFF/, '').slice(0, 4096);
  return /^\s*\{/.test(head) && /"(elements|connections)"\s*:\s*\[/.test(head);
}

/** A Kumu JSON blueprint (or export) as records. Never throws; fails on what is not a blueprint. */
export function kumuJsonRecords(content: string, file: string): Result<KumuRecords> {
  const log = new IssueLog(file);
  const raw = readJsonText(content, log);
  if (raw === undefined) return fail(log.issues);
  if (!isObject(raw) || (!Array.isArray(raw.elements) && !Array.isArray(raw.connections))) {
    log.error('wrong-format', 'this JSON file is not a Kumu blueprint: it should be an object with "elements" and "connections" lists');
    return fail(log.issues);
  }
  const records: KumuRecords = { file, elements: [], connections: [] };
  if (typeof raw.name === 'string') records.name = raw.name;
  if (typeof raw.description === 'string') records.description = raw.description;
  const elements = Array.isArray(raw.elements) ? raw.elements : [];
  elements.forEach((value, index) => {
    const origin = { path: `elements.${index}` };
    if (!isObject(value)) return log.error('bad-element', 'an element should be an object ({ "label": ... })', kumuWhere(origin));
    const item = flattenKumuItem(value);
    const id = text(item.id);
    const alias = text(item._id);
    const label = text(item.label) ?? id ?? alias;
    if (label === undefined) return log.error('missing-id', 'the element has no label (and no id)', kumuWhere(origin, 'label'));
    const type = text(item.type) ?? text(item['element type']);
    records.elements.push({ ...(id !== undefined ? { id } : {}), ...(alias !== undefined ? { alias } : {}), label, ...(type !== undefined ? { type } : {}), fields: fieldsOf(item, ELEMENT_KEYS), origin });
  });
  const connections = Array.isArray(raw.connections) ? raw.connections : [];
  connections.forEach((value, index) => {
    const origin = { path: `connections.${index}` };
    if (!isObject(value)) return log.error('bad-connection', 'a connection should be an object ({ "from": ..., "to": ... })', kumuWhere(origin));
    const item = flattenKumuItem(value);
    const from = text(item.from);
    const to = text(item.to);
    if (from === undefined || to === undefined) {
      const missing = from === undefined ? 'from' : 'to';
      return log.error('missing-id', `the connection has no "${missing}"`, kumuWhere(origin, missing));
    }
    const type = text(item.type) ?? text(item['connection type']);
    const direction = (text(item.direction) ?? text(item['connection direction']))?.toLowerCase();
    const strengthRaw = item.strength ?? item.weight;
    const strength = typeof strengthRaw === 'number' ? strengthRaw : text(strengthRaw);
    records.connections.push({
      from,
      to,
      ...(type !== undefined ? { type } : {}),
      ...(direction !== undefined ? { direction } : {}),
      ...(strength !== undefined ? { strength } : {}),
      fields: fieldsOf(item, CONNECTION_KEYS),
      origin,
    });
  });
  return log.hasErrors ? fail(log.issues, records) : ok(records, log.issues);
}

/** The two sheets of a Kumu workbook, found by name (any case). */
export interface KumuWorkbookSheets {
  elements?: string;
  connections?: string;
  /** Every sheet, in order, for messages. */
  all: string[];
}

/** The Elements and Connections sheets of a workbook, by name; none when the file is not a workbook. */
export function kumuWorkbookSheets(file: { name: string; bytes?: Uint8Array }): KumuWorkbookSheets {
  const all = file.bytes !== undefined && isWorkbook(file) ? listXlsxSheets(file.bytes) : [];
  const named = (name: string): string | undefined => all.find((s) => s.trim().toLowerCase() === name);
  const elements = named('elements');
  const connections = named('connections');
  return { all, ...(elements !== undefined ? { elements } : {}), ...(connections !== undefined ? { connections } : {}) };
}

/** Whether a file is a Kumu workbook: an Excel workbook whose sheets include Elements and Connections. */
export function isKumuWorkbook(file: { name: string; bytes?: Uint8Array }): boolean {
  const sheets = kumuWorkbookSheets(file);
  return sheets.elements !== undefined && sheets.connections !== undefined;
}

/**
 * The Elements (when there is one) and Connections sheets of a workbook as tables. Fails when
 * there is no Connections sheet, naming the sheets there are.
 */
export function readKumuWorkbookTables(file: SourceFile): Result<{ elements?: CsvTable; connections: CsvTable }> {
  const sheets = kumuWorkbookSheets(file);
  if (sheets.connections === undefined) {
    const have = sheets.all.length === 0 ? 'no sheets that could be read' : sheets.all.map((s) => `"${s}"`).join(', ');
    return fail([{ level: 'error', code: 'no-connections-sheet', file: file.name, message: `a Kumu workbook has a sheet named Connections (and one named Elements); this one has ${have}` }]);
  }
  const issues: InputIssue[] = [];
  const read = (sheet: string): CsvTable | undefined => {
    const reading = readSurveyTable(file, { sheet });
    issues.push(...reading.issues);
    return readSoFar(reading);
  };
  const elements = sheets.elements === undefined ? undefined : read(sheets.elements);
  const connections = read(sheets.connections);
  if (connections === undefined || issues.some((i) => i.level === 'error')) return fail(issues);
  return ok({ ...(elements !== undefined ? { elements } : {}), connections }, issues);
}

/** A column's cells typed: TRUE/FALSE as booleans (as spreadsheets write them), numbers, `|` lists (Kumu's), text. */
function typedCells(cells: readonly string[]): AttributeValue[] {
  const filled = cells.map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
  if (filled.length > 0 && filled.every((c) => c === 'true' || c === 'false')) return cells.map((c) => (c.trim() === '' ? null : c.trim().toLowerCase() === 'true'));
  return typeAttributeColumn(cells, { multiValueSeparator: '|' });
}

/** Each column of a sheet by its role, the rest typed (numbers, `|` lists) as fields. */
function sheetColumns(table: CsvTable, roles: Record<string, readonly string[]>): { at: Record<string, number | undefined>; columns: Record<string, string>; fields: (recordIndex: number) => Attributes } {
  const used = new Set<number>();
  const at: Record<string, number | undefined> = {};
  const columns: Record<string, string> = {};
  for (const [role, aliases] of Object.entries(roles)) {
    const index = findColumn(table.headers, aliases, used);
    at[role] = index;
    if (index !== undefined) {
      used.add(index);
      columns[role] = columnName(table, index);
    }
  }
  // Kumu's own fields keep their Kumu name; other columns keep their header.
  const kumuName: Record<string, string> = { description: 'description', tags: 'tags' };
  const rest = table.headers.map((_, i) => i).filter((i) => !used.has(i) && (table.headers[i] !== '' || table.records.some((r) => (r.cells[i] ?? '') !== '')));
  const typed = new Map(rest.map((i) => [i, typedCells(table.records.map((r) => r.cells[i] ?? ''))]));
  for (const i of rest) columns[kumuName[table.headers[i]!.trim().toLowerCase()] ?? columnName(table, i)] = columnName(table, i);
  const fields = (recordIndex: number): Attributes => {
    const out: Attributes = {};
    for (const i of rest) {
      const value = typed.get(i)![recordIndex] ?? null;
      if (value !== null) setAttribute(out, kumuName[table.headers[i]!.trim().toLowerCase()] ?? columnName(table, i), value);
    }
    return out;
  };
  return { at, columns, fields };
}

/** The sheets of a Kumu workbook (as tables) as records. Never throws. */
export function kumuSheetRecords(file: string, tables: { elements?: CsvTable; connections: CsvTable }, sheetNames: { elements?: string; connections?: string } = {}): Result<KumuRecords> {
  const log = new IssueLog(file);
  const records: KumuRecords = { file, elements: [], connections: [] };
  const cell = (cells: readonly string[], index: number | undefined): string | undefined => (index === undefined ? undefined : (cells[index] ?? '').trim() || undefined);
  if (tables.elements !== undefined) {
    const table = tables.elements;
    const sheet = sheetNames.elements ?? 'Elements';
    const { at, columns, fields } = sheetColumns(table, { id: ['id'], label: ['label', 'name'], type: ['type', 'element type'] });
    if (at.label === undefined && at.id === undefined) {
      log.error('missing-column', `the Elements sheet needs a Label column; its columns are ${table.headers.map((h) => `"${h}"`).join(', ')}`, { row: table.headerRow, field: `sheet ${sheet}` });
    } else {
      table.records.forEach((record, index) => {
        const origin: KumuOrigin = { sheet, row: record.row, columns };
        const id = cell(record.cells, at.id);
        const label = cell(record.cells, at.label) ?? id;
        if (label === undefined) return log.error('missing-id', 'the element has no label', kumuWhere(origin, 'label'));
        const type = cell(record.cells, at.type);
        records.elements.push({ ...(id !== undefined ? { id } : {}), label, ...(type !== undefined ? { type } : {}), fields: fields(index), origin });
      });
    }
  }
  const table = tables.connections;
  const sheet = sheetNames.connections ?? 'Connections';
  const { at, columns, fields } = sheetColumns(table, {
    from: ['from', 'source'],
    to: ['to', 'target'],
    type: ['type', 'connection type'],
    direction: ['direction', 'connection direction'],
    strength: ['strength', 'weight'],
  });
  for (const role of ['from', 'to'] as const) {
    if (at[role] === undefined) {
      log.error('missing-column', `the Connections sheet needs a ${role === 'from' ? 'From' : 'To'} column; its columns are ${table.headers.map((h) => `"${h}"`).join(', ')}`, { row: table.headerRow, field: `sheet ${sheet}` });
    }
  }
  if (at.from !== undefined && at.to !== undefined) {
    table.records.forEach((record, index) => {
      const origin: KumuOrigin = { sheet, row: record.row, columns };
      const from = cell(record.cells, at.from);
      const to = cell(record.cells, at.to);
      if (from === undefined || to === undefined) {
        const missing = from === undefined ? 'from' : 'to';
        return log.error('missing-id', `the connection has no ${missing === 'from' ? 'From' : 'To'}`, kumuWhere(origin, missing));
      }
      const type = cell(record.cells, at.type);
      const direction = cell(record.cells, at.direction)?.toLowerCase();
      const strength = cell(record.cells, at.strength);
      records.connections.push({ from, to, ...(type !== undefined ? { type } : {}), ...(direction !== undefined ? { direction } : {}), ...(strength !== undefined ? { strength } : {}), fields: fields(index), origin });
    });
  }
  return log.hasErrors ? fail(log.issues, records) : ok(records, log.issues);
}

/** A Kumu workbook (Elements and Connections sheets) as records. Never throws. */
export function kumuWorkbookRecords(file: SourceFile): Result<KumuRecords> {
  const tables = readKumuWorkbookTables(file);
  if (!tables.ok) return fail(tables.issues);
  const sheets = kumuWorkbookSheets(file);
  const records = kumuSheetRecords(file.name, tables.value, sheets);
  return records.ok ? ok(records.value, [...tables.issues, ...records.issues]) : fail([...tables.issues, ...records.issues], readSoFar(records));
}

/** Any Kumu file, JSON blueprint or workbook, as records. Never throws. */
export function kumuRecords(file: SourceFile): Result<KumuRecords> {
  return isWorkbook(file) ? kumuWorkbookRecords(file) : kumuJsonRecords(file.text, file.name);
}

/** A `|` list of element names (workbooks: `A|B` names two), trimmed. */
export function kumuNames(cell: string): string[] {
  return cell
    .split('|')
    .map((n) => n.trim())
    .filter((n) => n !== '');
}
