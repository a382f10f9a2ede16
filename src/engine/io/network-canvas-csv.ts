/**
 * Network Canvas's CSV export: per interview, or for all interviews at once ("unified"), an ego
 * file (`<prefix>_ego.csv`: networkCanvasEgoUUID, networkCanvasCaseID, networkCanvasSessionID,
 * networkCanvasProtocolName, session times, the ego's variables), one attribute list per node type
 * (`<prefix>_attributeList_<Type>.csv`: nodeID, networkCanvasEgoUUID, networkCanvasUUID, the
 * variables) and one edge list per edge type (`<prefix>_edgeList_<Type>.csv`: edgeID, from, to,
 * networkCanvasEgoUUID, networkCanvasUUID, networkCanvasSourceUUID, networkCanvasTargetUUID, the
 * variables). Files are joined by the UUIDs, never by the per-interview nodeID numbers.
 *
 * The files of one export are read together into interviews (network-canvas.ts); a missing UUID
 * column, an empty UUID or an edge naming a node no attribute list has is an error with file, row
 * and field, and the whole export is refused.
 */
import type { AttributeValue, Attributes } from '../core/model/records.ts';
import { IssueLog, type InputIssue } from '../core/util/issues.ts';
import { readSoFar, resultOf, type Reading } from '../core/util/result.ts';
import { setAttribute, typeAttributeColumn } from './attribute-columns.ts';
import { readCsv, type CsvTable } from './csv-read.ts';
import { categoricalGroups, foldCategoricals, isTrueFalseColumn, layoutColumns, NC_BOOKKEEPING, NC_COLUMNS, type NcExport, type NcInterview } from './network-canvas.ts';
import type { SourceFile } from './types.ts';
import { appendAll } from '../core/util/append-all.ts';

export type NcCsvRole = 'ego' | 'nodes' | 'edges';

const MARKERS = [NC_COLUMNS.ego, NC_COLUMNS.uuid, NC_COLUMNS.source, NC_COLUMNS.target];

function headerCells(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(/[,;\t|]/).map((h) => h.trim().replace(/^"|"$/g, ''));
}

/** Whether a table's first line has the columns only Network Canvas writes (networkCanvasEgoUUID...). */
export function looksLikeNetworkCanvasCsv(text: string): boolean {
  const headers = headerCells(text);
  return MARKERS.some((m) => headers.includes(m));
}

/** Which part of an export a file is: the egos, an attribute list (nodes) or an edge list. */
export function networkCanvasCsvRole(name: string, headers: readonly string[]): NcCsvRole {
  if (headers.includes(NC_COLUMNS.source) || headers.includes(NC_COLUMNS.target) || /_edgeList_[^/\\]*$/i.test(name)) return 'edges';
  if (headers.includes(NC_COLUMNS.caseId) || headers.includes(NC_COLUMNS.session) || /_ego\.[a-z]+$/i.test(name)) return 'ego';
  return 'nodes';
}

/** The node or edge type a file's name gives (`..._attributeList_Person.csv` -> `Person`), else its name. */
function typeFromName(name: string, role: NcCsvRole): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const match = (role === 'edges' ? /_edgeList_(.+)\.[^.]+$/i : /_attributeList_(.+)\.[^.]+$/i).exec(base);
  if (match?.[1]) return match[1];
  return base.replace(/\.[^.]+$/, '');
}

/** Every row's variables, typed by column; true/false columns become flags, categoricals lists. */
function variables(table: CsvTable): Attributes[] {
  const layout = layoutColumns(table.headers);
  const columns = table.headers.map((h, i) => ({ name: h, index: i })).filter((c) => c.name !== '' && !NC_BOOKKEEPING.has(c.name) && !layout.has(c.name));
  const typed = columns.map((c) => {
    const values = typeAttributeColumn(table.records.map((r) => r.cells[c.index] ?? ''));
    return isTrueFalseColumn(values) ? values.map((v): AttributeValue => (v === null ? null : String(v).trim().toLowerCase() === 'true')) : values;
  });
  const flags = columns.filter((_, i) => isTrueFalseColumn(typed[i] ?? [])).map((c) => c.name);
  const groups = categoricalGroups(flags);
  return table.records.map((_, r) => {
    const attributes: Attributes = {};
    columns.forEach((c, i) => setAttribute(attributes, c.name, (typed[i] as AttributeValue[])[r] ?? null));
    return foldCategoricals(attributes, groups);
  });
}

interface Context {
  interviews: Map<string, NcInterview>;
  egoFile: boolean;
  issues: InputIssue[];
}

function interviewOf(context: Context, egoUuid: string): NcInterview {
  let interview = context.interviews.get(egoUuid);
  if (interview === undefined) {
    interview = { egoUuid, attributes: {}, alters: [], edges: [] };
    context.interviews.set(egoUuid, interview);
  }
  return interview;
}

/** The column of a required field, or an error saying the file lacks it. */
function required(table: CsvTable, log: IssueLog, column: string, what: string): number | undefined {
  const at = table.headers.indexOf(column);
  if (at >= 0) return at;
  log.error('missing-column', `this ${what} has no "${column}" column, which Network Canvas writes in every export; the file may have been edited or cut short`, { row: table.headerRow, field: column });
  return undefined;
}

function readEgo(table: CsvTable, context: Context, log: IssueLog): void {
  const ego = required(table, log, NC_COLUMNS.ego, 'ego file');
  if (ego === undefined) return;
  const column = (name: string) => table.headers.indexOf(name);
  const [caseId, session, protocol] = [column(NC_COLUMNS.caseId), column(NC_COLUMNS.session), column(NC_COLUMNS.protocol)];
  const vars = variables(table);
  table.records.forEach((record, r) => {
    const uuid = record.cells[ego] ?? '';
    if (uuid === '') return log.error('missing-uuid', 'this interview has no networkCanvasEgoUUID', { row: record.row, field: NC_COLUMNS.ego });
    const interview = interviewOf(context, uuid);
    if (interview.at !== undefined) return log.error('duplicate-interview', `interview ${uuid} is listed twice (first at ${interview.at.file}, row ${interview.at.row})`, { row: record.row, field: NC_COLUMNS.ego });
    interview.at = { file: table.file, row: record.row };
    const cell = (i: number): string | undefined => (i >= 0 && (record.cells[i] ?? '') !== '' ? record.cells[i] : undefined);
    const [c, s, p] = [cell(caseId), cell(session), cell(protocol)];
    if (c !== undefined) interview.caseId = c;
    if (s !== undefined) interview.sessionId = s;
    if (p !== undefined) interview.protocol = p;
    interview.attributes = vars[r] ?? {};
  });
}

function readNodes(table: CsvTable, context: Context, log: IssueLog): void {
  const ego = required(table, log, NC_COLUMNS.ego, 'attribute list');
  const uuid = required(table, log, NC_COLUMNS.uuid, 'attribute list');
  if (ego === undefined || uuid === undefined) return;
  const type = typeFromName(table.file, 'nodes');
  const vars = variables(table);
  table.records.forEach((record, r) => {
    const egoUuid = record.cells[ego] ?? '';
    const id = record.cells[uuid] ?? '';
    if (egoUuid === '') return log.error('missing-uuid', 'this node does not say which interview it is from', { row: record.row, field: NC_COLUMNS.ego });
    if (id === '') return log.error('missing-uuid', 'this node has no networkCanvasUUID; the file may be cut short', { row: record.row, field: NC_COLUMNS.uuid });
    interviewOf(context, egoUuid).alters.push({ uuid: id, type, attributes: vars[r] ?? {}, at: { file: table.file, row: record.row } });
  });
}

function readEdges(table: CsvTable, context: Context, log: IssueLog): void {
  const ego = required(table, log, NC_COLUMNS.ego, 'edge list');
  const source = required(table, log, NC_COLUMNS.source, 'edge list');
  const target = required(table, log, NC_COLUMNS.target, 'edge list');
  if (ego === undefined || source === undefined || target === undefined) return;
  const type = typeFromName(table.file, 'edges');
  const vars = variables(table);
  table.records.forEach((record, r) => {
    const egoUuid = record.cells[ego] ?? '';
    const ends = [
      [record.cells[source] ?? '', NC_COLUMNS.source],
      [record.cells[target] ?? '', NC_COLUMNS.target],
    ] as const;
    if (egoUuid === '') return log.error('missing-uuid', 'this edge does not say which interview it is from', { row: record.row, field: NC_COLUMNS.ego });
    for (const [value, field] of ends) if (value === '') return log.error('missing-uuid', 'this edge is missing one of its ends; the file may be cut short', { row: record.row, field });
    interviewOf(context, egoUuid).edges.push({
      type,
      source: ends[0][0],
      target: ends[1][0],
      attributes: vars[r] ?? {},
      at: { file: table.file, row: record.row },
      sourceField: NC_COLUMNS.source,
      targetField: NC_COLUMNS.target,
    });
  });
}

/**
 * The checks that need every file: edges name nodes of their own interview, nodes are not listed
 * twice, interviews named by nodes are in the ego file (when one was given).
 */
function crossCheck(context: Context): void {
  const at = (place: { file: string; row: number }) => ({ level: 'error' as const, file: place.file, row: place.row });
  for (const interview of context.interviews.values()) {
    const seen = new Map<string, { file: string; row: number }>();
    for (const alter of interview.alters) {
      const first = seen.get(alter.uuid);
      if (first !== undefined) context.issues.push({ ...at(alter.at), code: 'duplicate-node', field: NC_COLUMNS.uuid, message: `node ${alter.uuid} is listed twice in one interview (first at ${first.file}, row ${first.row})` });
      else seen.set(alter.uuid, alter.at);
    }
    if (context.egoFile && interview.at === undefined) {
      const place = interview.alters[0]?.at ?? interview.edges[0]?.at;
      if (place !== undefined) context.issues.push({ ...at(place), code: 'unknown-interview', field: NC_COLUMNS.ego, message: `interview ${interview.egoUuid} is not in the ego file given; were files of two exports mixed?` });
    }
    for (const edge of interview.edges) {
      for (const [end, field] of [[edge.source, edge.sourceField], [edge.target, edge.targetField]] as const) {
        if (!seen.has(end)) context.issues.push({ ...at(edge.at), code: 'unknown-node', field, message: `the edge names node ${end}, which no attribute list given has for this interview; add the attribute lists of this export` });
      }
    }
  }
}

/**
 * Reads the CSV files of one Network Canvas export (any number of ego files, attribute lists and
 * edge lists, per interview or unified) into interviews. Never throws; fails on any error, with
 * what was read as `partial`.
 */
export function readNetworkCanvasCsv(files: readonly SourceFile[]): Reading<NcExport> {
  const context: Context = { interviews: new Map(), egoFile: false, issues: [] };
  const tables: Array<{ table: CsvTable; role: NcCsvRole; log: IssueLog }> = [];
  for (const file of files) {
    const read = readCsv(file.text, { file: file.name });
    appendAll(context.issues, read.issues);
    const table = readSoFar(read);
    if (table === undefined) continue;
    const role = networkCanvasCsvRole(file.name, table.headers);
    if (role === 'ego') context.egoFile = true;
    tables.push({ table, role, log: new IssueLog(file.name) });
  }
  // Egos first, so interviews keep the ego file's order.
  for (const role of ['ego', 'nodes', 'edges'] as const) {
    for (const t of tables.filter((x) => x.role === role)) {
      if (role === 'ego') readEgo(t.table, context, t.log);
      else if (role === 'nodes') readNodes(t.table, context, t.log);
      else readEdges(t.table, context, t.log);
    }
  }
  for (const t of tables) appendAll(context.issues, t.log.issues);
  crossCheck(context);
  if (!context.egoFile && context.interviews.size > 0) {
    context.issues.push({ level: 'warning', code: 'no-ego-file', file: files[0]?.name ?? '', message: 'no ego file (…_ego.csv) was given with this Network Canvas export: each interviewee is known only by their interview' });
  }
  return resultOf({ files: files.map((f) => f.name), interviews: [...context.interviews.values()] }, context.issues);
}
