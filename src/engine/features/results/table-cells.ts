/**
 * What every results table reader shares: finding its columns by aliases (a missing one is an
 * error listing the columns there are, as the ledger and circles readers say it), reading a cell
 * with the spreadsheet-safe apostrophe undone, and reading dates and numbers leniently but never
 * silently: a cell that is not a date or a number is an error naming file, row and field.
 */
import { findColumn } from '../../io/csv-columns.ts';
import { restoreCell } from '../../io/csv-cells.ts';
import { columnName, type CsvRecord, type CsvTable } from '../../io/csv-read.ts';
import { parseNumberText } from '../../io/numbers.ts';
import { parseTimestamp } from '../../io/timestamps.ts';
import type { IssueLog } from '../../core/util/issues.ts';

export interface ColumnSpec {
  aliases: readonly string[];
  required?: boolean;
}

/** Column index per key, or undefined when the column is absent. */
export type Columns<K extends string> = Record<K, number | undefined>;

/**
 * The columns of `specs` found in `table`, each taken once, in the order the specs are listed
 * (list the more specific ones first). Null, with an error, when a required one is missing.
 */
export function findColumns<K extends string>(table: CsvTable, specs: Record<K, ColumnSpec>, what: string, log: IssueLog): Columns<K> | null {
  const taken = new Set<number>();
  const found = {} as Columns<K>;
  for (const key of Object.keys(specs) as K[]) {
    const at = findColumn(table.headers, specs[key].aliases, taken);
    if (at !== undefined) taken.add(at);
    found[key] = at;
  }
  const missing = (Object.keys(specs) as K[]).filter((k) => specs[k].required === true && found[k] === undefined);
  if (missing.length === 0) return found;
  const wanted = (Object.keys(specs) as K[]).filter((k) => specs[k].required === true).join(',');
  const list = table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ');
  log.error('missing-column', `${what} needs the columns ${wanted}; missing ${missing.join(', ')} (its columns are ${list})`, { row: table.headerRow });
  return null;
}

export interface RowReader<K extends string> {
  cell: (record: CsvRecord, key: K) => string;
  field: (key: K) => string;
}

/** One non-blank record of a table, with its reader and whether `1,5` is a number there. */
export interface Row<K extends string> extends RowReader<K> {
  record: CsvRecord;
  decimalComma: boolean;
}

/**
 * The non-blank records of a table whose columns `specs` finds; none (with the error logged)
 * when a required column is missing.
 */
export function* rowsOf<K extends string>(table: CsvTable, specs: Record<K, ColumnSpec>, what: string, log: IssueLog): Generator<Row<K>> {
  const columns = findColumns(table, specs, what, log);
  if (columns === null) return;
  const reader = rowReader(table, columns);
  // A decimal comma is only safe to read where the comma cannot be the delimiter.
  const decimalComma = table.delimiter === ';';
  for (const record of table.records) if (!isBlankRecord(record)) yield { record, ...reader, decimalComma };
}

/** A record's cells by key, trimmed, with `'=x` read back as `=x`; the field names for messages. */
export function rowReader<K extends string>(table: CsvTable, columns: Columns<K>): RowReader<K> {
  return {
    cell: (record, key) => {
      const at = columns[key];
      return at === undefined ? '' : restoreCell((record.cells[at] ?? '').trim());
    },
    field: (key) => {
      const at = columns[key];
      return at === undefined ? key : columnName(table, at);
    },
  };
}

export function isBlankRecord(record: CsvRecord): boolean {
  return record.cells.every((c) => c.trim() === '');
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A day `YYYY-MM-DD` from what spreadsheets and scorecards write: ISO dates, `MM/DD/YYYY` (Clear
 * Impact's format), month names, and the periods indicators are often kept in: a year (`2021`:
 * its first day), a month (`2021-03`) or a quarter (`2021 Q2`, `Q2 2021`: its first day).
 */
export function readDay(text: string): string | undefined {
  const value = text.trim();
  let m = /^(\d{4})$/.exec(value);
  if (m !== null) return `${m[1]}-01-01`;
  m = /^(\d{4})[-/](\d{1,2})$/.exec(value);
  if (m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${pad(Number(m[2]))}-01`;
  m = /^(?:(\d{4})\s*-?\s*q([1-4])|q([1-4])\s*-?\s*(\d{4}))$/i.exec(value);
  if (m !== null) return `${m[1] ?? m[4]}-${pad((Number(m[2] ?? m[3]) - 1) * 3 + 1)}-01`;
  const time = parseTimestamp(value);
  if (time === undefined) return undefined;
  const day = new Date(time).toISOString().slice(0, 10);
  // parseTimestamp builds 2021-02-31 as 3 March; a date that does not round-trip is not one.
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  if (ymd !== null && day !== `${ymd[1]}-${pad(Number(ymd[2]))}-${pad(Number(ymd[3]))}`) return undefined;
  return day;
}

/**
 * A number from a cell: plain decimals, a decimal comma in `;`-separated files, thousands
 * separators (`12,500`), and a `%` or currency sign around it (`45%`, `$1200`). Undefined when
 * the cell holds anything else.
 */
export function readNumber(text: string, decimalComma: boolean): number | undefined {
  const bare = text.trim().replace(/^[$€£]\s*/, '').replace(/\s*%$/, '');
  const grouped = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(bare) && !decimalComma ? bare.replace(/,/g, '') : bare;
  return parseNumberText(grouped, { decimalComma });
}

/** Lower case, `_`/`-`/spaces as one space: how keyword cells (better, direction, status) are compared. */
export function keyword(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** The keyword's value in `table`, or undefined. */
export function fromWords<T extends string>(text: string, table: Record<string, T>): T | undefined {
  return table[keyword(text)];
}
