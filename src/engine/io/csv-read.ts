/**
 * Shared CSV reading (papaparse): delimiter detection, quoted fields with embedded newlines, a
 * UTF-8 BOM, blank lines. Rows are numbered as a spreadsheet shows them: the header is row 1 and
 * a record whose quoted cell spans three lines is still one row.
 */
import Papa from 'papaparse';
import type { InputIssue } from '../core/util/issues.ts';
import { IssueLog } from '../core/util/issues.ts';
import { fail, readSoFar, resultOf, type Result } from '../core/util/result.ts';
import { guessColumns, guessCsvKind } from './csv-columns.ts';
import type { CsvKind, GuessedColumns } from './csv-columns.ts';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

export interface CsvRecord {
  /** Row as a spreadsheet shows it (header = 1), blank rows included in the count. */
  row: number;
  /** Trimmed cells, padded with '' to the header's width. */
  cells: string[];
}

export interface CsvTable {
  file: string;
  delimiter: CsvDelimiter;
  /** Trimmed header names as written (may be '', e.g. a matrix's top-left cell). */
  headers: string[];
  /** The header's row: 1 unless blank lines come first. */
  headerRow: number;
  /** Data records without blank rows. */
  records: CsvRecord[];
}

export interface ReadCsvOptions {
  /** File name used in issues. */
  file: string;
  /** Force a delimiter. Default: detected among , ; TAB | from the first rows. */
  delimiter?: CsvDelimiter;
  /** Called after each chunk with the fraction of the text read (0..1). */
  onProgress?: (fraction: number) => void;
  /** Characters parsed per chunk; a file shorter than this is parsed in one go. Default 4 MiB. */
  chunkSize?: number;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function isDelimiter(value: string): value is CsvDelimiter {
  return (CSV_DELIMITERS as readonly string[]).includes(value);
}

/**
 * The delimiter giving the most consistent number of cells over the first rows. Guessed in a
 * pass that skips blank lines: papaparse counts a trailing blank line as a one-cell row, which
 * makes a two-column file with one data row look single-column.
 */
function guessDelimiter(content: string): CsvDelimiter {
  const guessed = Papa.parse<string[]>(content, {
    preview: 10,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [...CSV_DELIMITERS],
  }).meta.delimiter;
  return isDelimiter(guessed) ? guessed : ',';
}

interface ParsedRows {
  data: string[][];
  /** Rows numbered from 0 over the whole text, like a one-shot parse. */
  errors: Papa.ParseError[];
  meta: { delimiter: string };
}

/**
 * papaparse over the text in chunks so a million-row file reports progress as it goes. Rows
 * stay whole across chunk boundaries (papaparse carries the partial line over); error rows,
 * which papaparse numbers within their chunk, are shifted to count from the file's start.
 */
function parseInChunks(content: string, delimiter: CsvDelimiter, options: ReadCsvOptions): ParsedRows {
  const chunkSize = options.chunkSize ?? 4 * 2 ** 20;
  const config = { header: false, delimiter, skipEmptyLines: false } as const;
  if (content.length <= chunkSize) {
    const whole = Papa.parse<string[]>(content, config);
    options.onProgress?.(1);
    return whole;
  }
  const data: string[][] = [];
  const errors: Papa.ParseError[] = [];
  let detected: string = delimiter;
  // String input is parsed synchronously: every chunk callback has run when parse returns.
  // (papaparse's types list `chunk` for files only; its string streamer honours it too.)
  Papa.parse<string[]>(content, {
    ...config,
    chunkSize,
    complete: () => undefined,
    chunk: (results: Papa.ParseResult<string[]>) => {
      const offset = data.length;
      for (const error of results.errors) errors.push(error.row === undefined ? error : { ...error, row: error.row + offset });
      for (const row of results.data) data.push(row);
      detected = results.meta.delimiter;
      options.onProgress?.(Math.min(1, results.meta.cursor / content.length));
    },
  });
  return { data, errors, meta: { delimiter: detected } };
}

/** What the CSV importers (edges, people, matrices) pass on to readCsv from their own options. */
export function csvReadOptions(options: { file: string; delimiter?: CsvDelimiter; onReadProgress?: (fraction: number) => void }): ReadCsvOptions {
  return {
    file: options.file,
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
    ...(options.onReadProgress !== undefined ? { onProgress: options.onReadProgress } : {}),
  };
}

/**
 * Reads a CSV into a header and records; never throws. Fails without a table when the file is
 * empty or has no data rows; fails with the table as `partial` when rows have unclosed quotes or
 * extra cells (the importers go on reading it to report every other problem at once).
 */
export function readCsv(text: string, options: ReadCsvOptions): Result<CsvTable> {
  const log = new IssueLog(options.file);
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') {
    log.error('empty-file', 'the file is empty');
    return fail(log.issues);
  }
  const parsed = parseInChunks(content, options.delimiter ?? guessDelimiter(content), options);
  const reported = new Set<number>();
  for (const error of parsed.errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    const row = error.row + 1;
    if (reported.has(row)) continue;
    reported.add(row);
    log.error(
      'bad-quotes',
      error.code === 'MissingQuotes'
        ? 'a cell opens a double quote (") that is never closed, so the rest of the file ran into it; close or remove the quote'
        : 'a quoted cell has text after its closing quote; write a double quote inside a quoted cell as two ("")',
      { row },
    );
  }
  const delimiter: CsvDelimiter = isDelimiter(parsed.meta.delimiter) ? parsed.meta.delimiter : ',';
  const rows = parsed.data.map((cells, index) => ({ row: index + 1, cells }));
  const nonBlank = rows.filter((record) => !isBlank(record.cells));
  const header = nonBlank[0];
  if (header === undefined) {
    log.error('empty-file', 'the file is empty');
    return fail(log.issues);
  }
  const headers = header.cells.map((cell) => cell.trim());
  const seen = new Map<string, number>();
  headers.forEach((name, index) => {
    const key = name.toLowerCase();
    if (key === '') return;
    if (seen.has(key)) {
      log.warn(
        'duplicate-column',
        `two columns are named "${name}" (columns ${(seen.get(key) ?? 0) + 1} and ${index + 1}); only the first is used`,
        { row: header.row, field: name },
      );
    } else {
      seen.set(key, index);
    }
  });
  const records: CsvRecord[] = [];
  for (const record of nonBlank.slice(1)) {
    const cells = record.cells.map((cell) => cell.trim());
    const extra = cells.slice(headers.length).filter((cell) => cell !== '');
    if (extra.length > 0) {
      // Usually a name with an unquoted comma ("Smith, Ann"): reading on would shift columns.
      log.error(
        'extra-cells',
        `this row has ${headers.length + extra.length} cells but the header names ${headers.length} columns ` +
          `(extra: ${extra.map((c) => `"${c}"`).join(', ')}); a cell containing "${delimiter === '\t' ? 'TAB' : delimiter}" must be in double quotes`,
        { row: record.row },
      );
    }
    while (cells.length < headers.length) cells.push('');
    records.push({ row: record.row, cells: cells.slice(0, headers.length) });
  }
  if (records.length === 0) {
    log.error('no-data', 'the file has a header row but no data rows');
    return fail(log.issues);
  }
  return resultOf({ file: options.file, delimiter, headers, headerRow: header.row, records }, log.issues);
}

/** The name to show for column `index`: its header, or `column N` when the header is blank. */
export function columnName(table: CsvTable, index: number): string {
  const header = table.headers[index] ?? '';
  return header === '' ? `column ${index + 1}` : header;
}

export interface CsvPreview {
  delimiter: CsvDelimiter;
  headers: string[];
  /** The first 20 data rows. */
  rows: string[][];
  /** Number of data rows (blank rows not counted). */
  rowCount: number;
  /** True when rowCount counts lines of a big file whose quoted cells may span lines. */
  rowCountApproximate?: boolean;
  guessedKind: CsvKind | 'unknown';
  guessedColumns: GuessedColumns;
  /** Problems found while reading, e.g. an empty file. */
  issues: InputIssue[];
}

/** Whether text[start, end) holds anything trim() would keep (ASCII fast, the rest by \s). */
function hasNonSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 ? c !== 32 && (c < 9 || c > 13) : c < 128 || !/\s/.test(text[i]!)) return true;
  }
  return false;
}

/**
 * Data rows of a CSV counted as non-blank lines after the first, without parsing: exact unless
 * a quoted cell spans lines, which only a file with a double quote can have.
 */
export function countCsvRows(text: string): { rowCount: number; rowCountApproximate: boolean } {
  let lines = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // A line holding only a carriage return or spaces is blank.
    if (hasNonSpace(text, start, end)) lines++;
    start = end + 1;
  }
  return { rowCount: Math.max(0, lines - 1), rowCountApproximate: text.includes('"') };
}

/** What the import dialog shows before import, so the user can say which column is which. */
export function previewCsv(text: string, file: string): CsvPreview {
  const read = readCsv(text, { file });
  const table = readSoFar(read);
  const issues = read.issues;
  if (table === undefined) {
    return {
      delimiter: ',',
      headers: [],
      rows: [],
      rowCount: 0,
      guessedKind: 'unknown',
      guessedColumns: {},
      issues,
    };
  }
  return {
    delimiter: table.delimiter,
    headers: table.headers,
    rows: table.records.slice(0, 20).map((record) => record.cells),
    rowCount: table.records.length,
    guessedKind: guessCsvKind(
      table.headers,
      table.records.map((record) => record.cells[0] ?? ''),
    ),
    guessedColumns: guessColumns(table.headers),
    issues,
  };
}
