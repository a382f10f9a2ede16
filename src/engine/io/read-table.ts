/**
 * Reading a survey export or roster as a table, whichever it is: an Excel workbook (.xlsx, by
 * its bytes or name) through `readXlsx`, anything else as CSV through `readCsv`.
 */
import { readCsv } from './csv-read.ts';
import type { ReadCsvResult } from './csv-read.ts';
import type { SourceFile } from './types.ts';
import { strFromU8 } from 'fflate';
import { isOleCompound, isZip, readXlsx } from './xlsx-read.ts';

export interface ReadTableOptions {
  /** Workbooks: the sheet to read (name or 0-based position). Default: the first with data. */
  sheet?: string | number;
}

/** True when the file is (or claims to be) an Excel workbook. */
export function isWorkbook(file: SourceFile): boolean {
  if (file.bytes !== undefined && (isZip(file.bytes) || isOleCompound(file.bytes))) return true;
  return /\.(xlsx|xlsm|xls)$/i.test(file.name);
}

/** Reads a CSV or XLSX file into a table; never throws. */
export function readSurveyTable(file: SourceFile, options: ReadTableOptions = {}): ReadCsvResult {
  if (isWorkbook(file)) {
    if (file.bytes === undefined) {
      return {
        table: undefined,
        issues: [{ level: 'error', code: 'not-xlsx', message: 'this workbook was given as text; read it as bytes', file: file.name }],
      };
    }
    const read = readXlsx(file.bytes, { file: file.name, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
    return { table: read.table, issues: read.issues };
  }
  const text = file.bytes !== undefined && file.text === '' ? strFromU8(file.bytes) : file.text;
  return readCsv(text, { file: file.name });
}
