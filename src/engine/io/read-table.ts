/**
 * Reading a survey export or roster as a table, whichever it is: an Excel workbook (by its bytes,
 * else its name: `isWorkbook`) through `readXlsx`, anything else as CSV through `readCsv`.
 */
import { readCsv } from './csv-read.ts';
import type { CsvTable } from './csv-read.ts';
import type { SourceFile } from './types.ts';
import { decodeText } from './decode-text.ts';
import { readXlsx } from './xlsx-read.ts';
import { isWorkbook } from './workbook-detect.ts';
import { fail, mapResult, withIssuesBefore, type Result } from '../core/util/result.ts';

export interface ReadTableOptions {
  /** Workbooks: the sheet to read (name or 0-based position). Default: the first with data. */
  sheet?: string | number;
}

/** Reads a CSV or XLSX file into a table; never throws. */
export function readSurveyTable(file: SourceFile, options: ReadTableOptions = {}): Result<CsvTable> {
  if (isWorkbook(file)) {
    if (file.bytes === undefined) {
      return fail([{ level: 'error', code: 'not-xlsx', message: 'this workbook was given as text; read it as bytes', file: file.name }]);
    }
    const read = readXlsx(file.bytes, { file: file.name, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
    return mapResult(read, (sheet) => sheet.table);
  }
  if (file.bytes !== undefined && file.text === '') {
    const decoded = decodeText(file.bytes, file.name);
    return withIssuesBefore(readCsv(decoded.text, { file: file.name }), decoded.notes);
  }
  return withIssuesBefore(readCsv(file.text, { file: file.name }), file.notes ?? []);
}
