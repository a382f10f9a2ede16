/**
 * Edge lists (one tie per row: source, target, optional weight and relation) from CSV, the shape
 * most survey exports and spreadsheets arrive in.
 */
import type { AttributeValue, Attributes, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { readSoFar, resultOf, type Result } from '../core/util/result.ts';
import { setAttribute, typeAttributeColumn } from './attribute-columns.ts';
import { collectRelations } from './collect-relations.ts';
import {
  DIRECTED_ALIASES,
  RELATION_ALIASES,
  SOURCE_ALIASES,
  TARGET_ALIASES,
  WEIGHT_ALIASES,
  findColumn,
  findNamedColumn,
} from './csv-columns.ts';
import { columnName, csvReadOptions, readCsv } from './csv-read.ts';
import type { CsvDelimiter, CsvTable } from './csv-read.ts';
import { mergeTies } from './merge-ties.ts';
import type { TieDraft } from './merge-ties.ts';
import { parseWeight } from './numbers.ts';
import { emptyPart } from './types.ts';
import type { ImportPart } from './types.ts';
import { appendAll } from '../core/util/append-all.ts';

/** Header names chosen by the user; each overrides detection by alias. */
export interface EdgeColumns {
  source?: string;
  target?: string;
  weight?: string;
  relation?: string;
  /** A column of yes/no, true/false, 1/0 or directed/undirected per row. */
  directed?: string;
}

export interface EdgeListOptions {
  /** File name used in issues. */
  file: string;
  columns?: EdgeColumns;
  /** Whether ties have a direction (source → target). Default false. */
  directed?: boolean;
  /** Relation of rows without a relation column or with an empty relation cell. Default 'tie'. */
  defaultRelation?: string;
  /** Default: detected. */
  delimiter?: CsvDelimiter;
  /** Called as the file is read, with the fraction read (0..1). */
  onReadProgress?: (fraction: number) => void;
}

type Role = keyof EdgeColumns;

const ALIASES: Record<Role, readonly string[]> = {
  source: SOURCE_ALIASES,
  target: TARGET_ALIASES,
  weight: WEIGHT_ALIASES,
  relation: RELATION_ALIASES,
  directed: DIRECTED_ALIASES,
};

const HINTS: Record<Role, string> = {
  source: 'who the tie is from',
  target: 'who the tie is to',
  weight: 'tie weights',
  relation: 'relation names',
  directed: 'directions',
};

const YES = new Set(['true', 'yes', 'y', '1', 'directed']);
const NO = new Set(['false', 'no', 'n', '0', 'undirected', 'mutual']);
const DIRECTIONS = new Set(['directed', 'undirected', 'mutual']);

/** Column index per role; undefined when a required column is missing (issues logged). */
function resolveColumns(
  table: CsvTable,
  columns: EdgeColumns,
  log: IssueLog,
): Partial<Record<Role, number>> | undefined {
  const found: Partial<Record<Role, number>> = {};
  const used = new Set<number>();
  const list = table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ');
  let ok = true;
  for (const role of ['source', 'target', 'weight', 'relation', 'directed'] as const) {
    const chosen = columns[role];
    if (chosen !== undefined) {
      const index = findNamedColumn(table.headers, chosen);
      if (index === undefined) {
        log.error(
          'missing-column',
          `the column "${chosen}" chosen for ${HINTS[role]} is not in the file; its columns are ${list}`,
          { row: table.headerRow },
        );
        ok = false;
        continue;
      }
      found[role] = index;
      used.add(index);
      continue;
    }
    const index = findColumn(table.headers, ALIASES[role], used);
    if (index !== undefined) {
      found[role] = index;
      used.add(index);
    } else if (role === 'source' || role === 'target') {
      log.error(
        'missing-column',
        `no ${role} column (${HINTS[role]}): name one "${ALIASES[role].join('", "')}", or choose it; the columns found are ${list}`,
        { row: table.headerRow },
      );
      ok = false;
    }
  }
  if (ok && found.source === found.target) {
    log.error('missing-column', 'the same column was chosen for source and target', { row: table.headerRow });
    ok = false;
  }
  // Gephi's edge export has `Type` = Directed/Undirected: a direction, not a relation name.
  const relation = found.relation;
  if (relation !== undefined && columns.relation === undefined && found.directed === undefined) {
    const cells = table.records.map((r) => (r.cells[relation] ?? '').toLowerCase()).filter((c) => c !== '');
    if (cells.length > 0 && cells.every((c) => DIRECTIONS.has(c))) {
      found.directed = relation;
      delete found.relation;
    }
  }
  return ok ? found : undefined;
}

/** Reads an edge list. Never throws: problems come back as the result's issues. */
export function parseEdgeListCsv(text: string, options: EdgeListOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const issues: InputIssue[] = [];
  const read = readCsv(text, csvReadOptions(options));
  appendAll(issues, read.issues);
  const table = readSoFar(read);
  if (table === undefined) return resultOf(part, issues);
  const log = new IssueLog(options.file);
  const roles = resolveColumns(table, options.columns ?? {}, log);
  if (roles === undefined) {
    appendAll(issues, log.issues);
    return resultOf(part, issues);
  }
  const directedDefault = options.directed ?? false;
  const defaultRelation = (options.defaultRelation ?? 'tie').trim() || 'tie';
  const decimalComma = table.delimiter === ';';
  const cell = (cells: readonly string[], index: number | undefined): string =>
    index === undefined ? '' : (cells[index] ?? '');

  const roleColumns = new Set(Object.values(roles));
  const attributeColumns = table.headers
    .map((_, index) => index)
    .filter((index) => !roleColumns.has(index))
    // A trailing delimiter leaves an unnamed empty column: not an attribute.
    .filter((index) => table.headers[index] !== '' || table.records.some((r) => r.cells[index] !== ''));
  const typed = new Map<number, AttributeValue[]>(
    attributeColumns.map((index) => [
      index,
      typeAttributeColumn(
        table.records.map((r) => r.cells[index] ?? ''),
        { decimalComma },
      ),
    ]),
  );

  const drafts: TieDraft[] = [];
  table.records.forEach((record, recordIndex) => {
    const at = { row: record.row };
    const source = cell(record.cells, roles.source);
    const target = cell(record.cells, roles.target);
    const sourceField = columnName(table, roles.source as number);
    const targetField = columnName(table, roles.target as number);
    let ok = true;
    if (source === '') {
      log.error('missing-id', `${sourceField} is empty; every row needs both a source and a target`, {
        ...at,
        field: sourceField,
      });
      ok = false;
    }
    if (target === '') {
      log.error('missing-id', `${targetField} is empty; every row needs both a source and a target`, {
        ...at,
        field: targetField,
      });
      ok = false;
    }
    let weight = 1;
    if (roles.weight !== undefined) {
      const field = columnName(table, roles.weight);
      const raw = cell(record.cells, roles.weight);
      if (raw === '') {
        log.warn('missing-weight', `${field} is empty; the tie was given weight 1`, { ...at, field });
      } else {
        const reading = parseWeight(raw, field, { decimalComma });
        if (reading.ok) weight = reading.weight;
        else {
          log.error('bad-weight', reading.message, { ...at, field });
          ok = false;
        }
      }
    }
    let directed = directedDefault;
    if (roles.directed !== undefined) {
      const field = columnName(table, roles.directed);
      const raw = cell(record.cells, roles.directed).toLowerCase();
      if (YES.has(raw)) directed = true;
      else if (NO.has(raw)) directed = false;
      else if (raw !== '') {
        log.error('bad-directed', `${field} should be yes or no: "${raw}"`, { ...at, field });
        ok = false;
      }
    }
    if (!ok) return;
    const relation = cell(record.cells, roles.relation) || defaultRelation;
    const tie: Tie = { source, target, relation, directed, weight };
    if (attributeColumns.length > 0) {
      const attributes: Attributes = {};
      for (const index of attributeColumns) {
        setAttribute(attributes, columnName(table, index), typed.get(index)?.[recordIndex] ?? null);
      }
      tie.attributes = attributes;
    }
    drafts.push({
      tie,
      origin: { file: options.file, row: record.row, sourceField, targetField },
    });
  });

  const merged = mergeTies(drafts);
  const relations = collectRelations(merged.ties, options.file);
  part.ties = merged.ties;
  part.tieOrigins = merged.origins;
  part.relations = relations.relations;
  appendAll(issues, log.issues, merged.issues, relations.issues);
  return resultOf(part, issues);
}
