/**
 * Lets every CSV importer read an Excel workbook: the sheet is read (cached cell values only,
 * formulas never evaluated) and written back as CSV text. Row numbers in later messages count
 * data rows the way the sheet shows them as long as the sheet has no blank rows above the data.
 * A Kumu workbook (Elements and Connections sheets) is the exception: its reader reads both
 * sheets, so it stays a workbook (`networkSource`).
 */
import Papa from 'papaparse';
import { readSurveyTable } from './read-table.ts';
import { isWorkbook } from './workbook-detect.ts';
import { isKumuWorkbook } from './kumu-records.ts';
import { mapResult, ok, type Result } from '../core/util/result.ts';
import type { SourceFile } from './types.ts';

/** A workbook becomes a CSV source file of the same name; any other file passes unchanged. */
export function workbookAsCsv(file: SourceFile): Result<SourceFile> {
  if (!isWorkbook(file)) return ok(file);
  return mapResult(readSurveyTable(file), (table) => ({
    name: file.name,
    text: Papa.unparse({ fields: table.headers, data: table.records.map((r) => r.cells) }, { newline: '\n' }),
  }));
}

/**
 * A file as the network readers take it: a workbook to be read as Kumu (`kind` 'kumu', or no
 * kind given and its sheets include Elements and Connections) stays a workbook; any other
 * workbook becomes CSV of its first sheet (`workbookAsCsv`).
 */
export function networkSource(file: SourceFile, kind?: string): Result<SourceFile> {
  if (isWorkbook(file) && (kind === 'kumu' || (kind === undefined && isKumuWorkbook(file)))) return ok(file);
  return workbookAsCsv(file);
}
