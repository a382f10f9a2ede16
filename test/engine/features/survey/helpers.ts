/** Shared helpers for the survey tests: fixture tables. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CsvTable } from '../../../../src/engine/io/csv-read.ts';
import { readCsv } from '../../../../src/engine/io/csv-read.ts';
import { readSoFar, type Reading } from '../../../../src/engine/core/util/result.ts';
import type { InputIssue } from '../../../../src/engine/core/util/issues.ts';
import type { SurveyImport } from '../../../../src/engine/features/survey/import-survey.ts';

export const root = fileURLToPath(new URL('../../../../', import.meta.url));
export const fixtures = `${root}test/fixtures/survey/`;

/** A CSV text as a table (throws when it cannot be read: tests give good CSV). */
export function table(text: string, file = 'survey.csv'): CsvTable {
  const read = readCsv(text, { file });
  const table = readSoFar(read);
  if (table === undefined) throw new Error(`cannot read ${file}: ${JSON.stringify(read.issues)}`);
  return table;
}

export function fixture(name: string): CsvTable {
  return table(readFileSync(`${fixtures}${name}`, 'utf8'), name);
}

/** What importSurvey read (what it read so far, when it failed) with the issues it found: what the survey tests look at. */
export function surveyRead(result: Reading<SurveyImport>): SurveyImport & { issues: InputIssue[] } {
  return { ...readSoFar(result), issues: result.issues };
}
