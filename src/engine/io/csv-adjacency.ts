/**
 * Adjacency matrices from CSV (UCINET, R and spreadsheet exports): names across the first row
 * and down the first column, tie weights in the cells, blank or 0 for no tie.
 */
import type { Person, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { readSoFar, resultOf, type Result } from '../core/util/result.ts';
import { collectRelations } from './collect-relations.ts';
import { isUnnamedMatrix } from './csv-columns.ts';
import { columnName, csvReadOptions, readCsv } from './csv-read.ts';
import type { CsvDelimiter, CsvTable } from './csv-read.ts';
import { mergeTies } from './merge-ties.ts';
import type { TieDraft } from './merge-ties.ts';
import { parseNumberText } from './numbers.ts';
import { emptyPart } from './types.ts';
import type { ImportPart } from './types.ts';
import { appendAll } from '../core/util/append-all.ts';

export interface AdjacencyOptions {
  /** File name used in issues. */
  file: string;
  /**
   * Whether a cell in row i, column j is a tie from i to j. Default: undirected when the matrix
   * is symmetric, otherwise directed (with an `asymmetric-matrix` warning).
   */
  directed?: boolean;
  /** Relation name of the ties. Default 'tie'. */
  relation?: string;
  /** Default: detected. */
  delimiter?: CsvDelimiter;
  /** Called as the file is read, with the fraction read (0..1). */
  onReadProgress?: (fraction: number) => void;
}

/** At most this many asymmetric pairs are listed one by one; the rest are counted. */
const MAX_LISTED_PAIRS = 10;

interface Cell {
  value: number;
  row: number;
  field: string;
}

/** A matrix with names across the top only gets them down the side too, in the same order. */
function withRowNames(table: CsvTable): CsvTable {
  const firstColumn = table.records.map((record) => record.cells[0] ?? '');
  if (!isUnnamedMatrix(table.headers, firstColumn)) return table;
  return {
    ...table,
    headers: ['', ...table.headers],
    records: table.records.map((record, i) => ({
      row: record.row,
      cells: [table.headers[i] ?? '', ...record.cells],
    })),
  };
}

/**
 * Reads a square matrix: names across the first row and down the first column (the top-left
 * cell may hold anything), or names across the first row only, rows in the same order. Never throws.
 */
export function parseAdjacencyCsv(text: string, options: AdjacencyOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const issues: InputIssue[] = [];
  const read = readCsv(text, csvReadOptions(options));
  appendAll(issues, read.issues);
  const rows = readSoFar(read);
  if (rows === undefined) return resultOf(part, issues);
  const table = withRowNames(rows);
  const log = new IssueLog(options.file);
  const cornerField = columnName(table, 0);
  const headerRow = table.headerRow;

  // Names across the top, in column order.
  const columnIndex = new Map<string, number>();
  let columnCount = 0;
  for (let c = 1; c < table.headers.length; c++) {
    const name = table.headers[c] ?? '';
    // A trailing delimiter on every line leaves an unnamed, empty last column: not a person.
    if (name === '' && table.records.every((record) => (record.cells[c] ?? '') === '')) continue;
    columnCount++;
    if (name === '') {
      log.error('missing-id', `column ${c + 1} has no name in the header row`, {
        row: headerRow,
        field: columnName(table, c),
      });
    } else if (columnIndex.has(name)) {
      log.error('duplicate-name', `"${name}" heads two columns; each person needs one column`, {
        row: headerRow,
        field: name,
      });
    } else {
      columnIndex.set(name, c);
    }
  }
  // Names down the side.
  const rowOf = new Map<string, number>();
  const records = new Map<string, (typeof table.records)[number]>();
  for (const record of table.records) {
    const name = record.cells[0] ?? '';
    if (name === '') {
      log.error('missing-id', 'this row has no name in the first column', {
        row: record.row,
        field: cornerField,
      });
    } else if (rowOf.has(name)) {
      log.error('duplicate-name', `"${name}" names two rows (first in row ${rowOf.get(name)})`, {
        row: record.row,
        field: cornerField,
      });
    } else {
      rowOf.set(name, record.row);
      records.set(name, record);
    }
  }
  if (table.records.length !== columnCount) {
    log.error(
      'not-square',
      `the matrix has ${table.records.length} rows but ${columnCount} columns of names; it must be square, with the same people down the first column and across the first row`,
    );
  }
  for (const [name, row] of rowOf) {
    if (!columnIndex.has(name)) {
      log.error('name-mismatch', `"${name}" is in the first column but not in the header row`, {
        row,
        field: cornerField,
      });
    }
  }
  for (const name of columnIndex.keys()) {
    if (!rowOf.has(name)) {
      log.error('name-mismatch', `"${name}" is in the header row but not in the first column`, {
        row: headerRow,
        field: name,
      });
    }
  }

  const decimalComma = table.delimiter === ';';
  const cells = new Map<string, Map<string, Cell>>();
  for (const [from, record] of records) {
    const row = new Map<string, Cell>();
    cells.set(from, row);
    for (const [to, c] of columnIndex) {
      const raw = record.cells[c] ?? '';
      const field = to;
      if (raw === '') continue;
      const value = parseNumberText(raw, { decimalComma });
      if (value === undefined) {
        log.error('bad-weight', `the cell for ${from} → ${to} is not a number: "${raw}"`, {
          row: record.row,
          field,
        });
      } else if (!Number.isFinite(value)) {
        log.error('bad-weight', `the cell for ${from} → ${to} is too large to use: "${raw}"`, {
          row: record.row,
          field,
        });
      } else if (value < 0) {
        log.error('bad-weight', `the cell for ${from} → ${to} is negative ("${raw}"); weights must be 0 (no tie) or above`, {
          row: record.row,
          field,
        });
      } else if (value > 0) {
        row.set(to, { value, row: record.row, field });
      }
    }
  }
  const names = [...columnIndex.keys()];
  part.people = names.map((id): Person => ({ id, label: id, attributes: {} }));
  // Each person is named in the header row (and again down the first column).
  part.personOrigins = names.map(() => ({ file: part.file, row: headerRow }));
  if (log.hasErrors) {
    appendAll(issues, log.issues);
    return resultOf(part, issues);
  }

  const at = (from: string, to: string): Cell | undefined => cells.get(from)?.get(to);
  const asymmetric: Array<[Cell | undefined, Cell | undefined, string, string]> = [];
  names.forEach((a, i) => {
    for (const b of names.slice(i + 1)) {
      const ab = at(a, b);
      const ba = at(b, a);
      if ((ab?.value ?? 0) !== (ba?.value ?? 0)) asymmetric.push([ab, ba, a, b]);
    }
  });
  const describePair = ([ab, ba, a, b]: (typeof asymmetric)[number]): string =>
    `row "${a}", column "${b}" is ${ab?.value ?? 0} while row "${b}", column "${a}" is ${ba?.value ?? 0}`;
  let directed = options.directed;
  if (directed === undefined) {
    directed = asymmetric.length > 0;
    const first = asymmetric[0];
    if (first !== undefined) {
      const cell = first[0] ?? first[1];
      log.warn(
        'asymmetric-matrix',
        `the matrix is not symmetric (${describePair(first)}${asymmetric.length > 1 ? `, and ${asymmetric.length - 1} more pairs differ` : ''}), so it was read as directed: each row lists the ties from that row's person`,
        cell === undefined ? {} : { row: cell.row, field: cell.field },
      );
    }
  } else if (!directed && asymmetric.length > 0) {
    for (const pair of asymmetric.slice(0, MAX_LISTED_PAIRS)) {
      const cell = (pair[0] ?? pair[1]) as Cell;
      log.error(
        'asymmetric-matrix',
        `the matrix was to be read as undirected, yet ${describePair(pair)}; make the two cells equal or import the matrix as directed`,
        { row: cell.row, field: cell.field },
      );
    }
    if (asymmetric.length > MAX_LISTED_PAIRS) {
      log.error(
        'asymmetric-matrix',
        `${asymmetric.length - MAX_LISTED_PAIRS} more pairs of cells differ across the diagonal`,
      );
    }
    appendAll(issues, log.issues);
    return resultOf(part, issues);
  }

  const relation = (options.relation ?? 'tie').trim() || 'tie';
  const drafts: TieDraft[] = [];
  // Rows in file order so issues and ties follow the file.
  for (const [from, record] of records) {
    const fromColumn = columnIndex.get(from) ?? 0;
    for (const [to, cell] of cells.get(from) ?? []) {
      const toColumn = columnIndex.get(to) ?? 0;
      // Undirected: each pair once, from the cell on or above the diagonal in column order.
      if (!directed && toColumn < fromColumn) continue;
      const tie: Tie = { source: from, target: to, relation, directed, weight: cell.value };
      drafts.push({
        tie,
        origin: { file: options.file, row: record.row, sourceField: cornerField, targetField: to },
      });
    }
  }
  const merged = mergeTies(drafts);
  const relations = collectRelations(merged.ties, options.file);
  part.ties = merged.ties;
  part.tieOrigins = merged.origins;
  part.relations = relations.relations.length > 0 ? relations.relations : [{ name: relation, directed }];
  appendAll(issues, log.issues, merged.issues, relations.issues);
  return resultOf(part, issues);
}
