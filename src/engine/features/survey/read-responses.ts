/**
 * Applying a layout to a survey table: the submissions with their identity, time, attributes and
 * names given. The parts every layout shares live here (identity, time, attributes, checking the
 * layout against the table); the names come from `free-recall.ts`, `roster-grid.ts` and
 * `long-format.ts`.
 */
import type { CsvTable } from '../../io/csv-read.ts';
import type { SurveyLayout } from '../../core/model/survey.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { resultOf, type Reading } from '../../core/util/result.ts';
import { freeRecallReader } from './free-recall.ts';
import { readLongFormat } from './long-format.ts';
import type { SurveyResponse } from './responses.ts';
import { gridReader } from './roster-grid.ts';
import { recordReader } from './table-reader.ts';
import type { RowContext } from './table-reader.ts';

export interface SurveyResponses {
  responses: SurveyResponse[];
  /** Rows left blank between answers (spreadsheet numbering): the first MAX_BLANK_ROWS_LISTED of them. */
  blankRows: number[];
  /** How many rows were blank in all (a workbook can jump from row 2 to row 1,000,000,000). */
  blankRowCount: number;
}

/** Blank rows listed one by one; the rest are counted. */
export const MAX_BLANK_ROWS_LISTED = 1000;

/** Rows missing between the header and the last answer: blank lines in the file. */
function blankRowsOf(table: CsvTable, headerRows: number): { blankRows: number[]; blankRowCount: number } {
  const blank: number[] = [];
  let count = 0;
  let previous = headerRows > 1 ? (table.records[0]?.row ?? 0) - 1 : table.headerRow;
  for (const { row } of table.records) {
    for (let r = previous + 1; r < row && blank.length < MAX_BLANK_ROWS_LISTED; r++) blank.push(r);
    count += Math.max(0, row - previous - 1);
    previous = row;
  }
  return { blankRows: blank, blankRowCount: count };
}

/** Reads every submission of a (header-normalised) survey table under a layout. */
export function readResponses(table: CsvTable, layout: SurveyLayout, options: { file: string; wave?: string }): Reading<SurveyResponses> {
  const log = new IssueLog(options.file);
  const context: RowContext = { table, layout, log, ...(options.wave !== undefined ? { wave: options.wave } : {}) };
  const identity = layout.identity;
  if (identity.name === undefined && identity.email === undefined && identity.id === undefined && (identity.firstName === undefined || identity.lastName === undefined)) {
    log.error(
      'no-identity-column',
      `no column says who answered: choose the column with the respondent's name or email (the columns are ${table.headers.map((h, i) => `"${h || `column ${i + 1}`}"`).join(', ')})`,
      { row: table.headerRow },
    );
    return resultOf({ responses: [], blankRows: [], blankRowCount: 0 }, log.issues);
  }
  if (layout.kind !== 'long' && layout.questions.length === 0) {
    log.error('no-question', 'the layout has no relationship question: mark the columns in which respondents named people', { row: table.headerRow });
    return resultOf({ responses: [], blankRows: [], blankRowCount: 0 }, log.issues);
  }
  const reader = recordReader(context);
  let responses: SurveyResponse[];
  if (layout.kind === 'long') {
    responses = readLongFormat(context, reader);
  } else {
    // A layout may mix free-recall and grid questions: each question's columns say which it is.
    const free = freeRecallReader(context);
    const grid = gridReader(context);
    responses = table.records.map((record, recordIndex) => ({
      file: options.file,
      ...(options.wave !== undefined ? { wave: options.wave } : {}),
      row: record.row,
      identity: reader.identity(record),
      ...reader.time(record),
      attributes: reader.attributes(recordIndex),
      nominations: [...free(record), ...grid(record)],
    }));
  }
  return resultOf({ responses, ...blankRowsOf(table, layout.headerRows) }, log.issues);
}
