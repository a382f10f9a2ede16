/**
 * Lets every CSV importer read an Excel workbook: the sheet is read (cached cell values only,
 * formulas never evaluated) and written back as CSV text. Row numbers in later messages count
 * data rows the way the sheet shows them as long as the sheet has no blank rows above the data.
 */
import Papa from 'papaparse';
import { readSurveyTable, isWorkbook } from './read-table.ts';
import type { InputIssue } from '../core/util/issues.ts';
import type { SourceFile } from './types.ts';

export interface WorkbookText {
  file: SourceFile;
  issues: InputIssue[];
}

/** A workbook becomes a CSV source file of the same name; any other file passes unchanged. */
export function workbookAsCsv(file: SourceFile): WorkbookText {
  if (!isWorkbook(file)) return { file, issues: [] };
  const read = readSurveyTable(file);
  if (read.table === undefined) return { file: { name: file.name, text: '' }, issues: read.issues };
  const text = Papa.unparse({ fields: read.table.headers, data: read.table.records.map((r) => r.cells) }, { newline: '\n' });
  return { file: { name: file.name, text }, issues: read.issues };
}
