/** Shared helpers for the survey tests: fixture tables and the shared coalition data. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CsvTable } from '../../../../src/engine/io/csv-read.ts';
import { readCsv } from '../../../../src/engine/io/csv-read.ts';

export const root = fileURLToPath(new URL('../../../../', import.meta.url));
export const fixtures = `${root}test/fixtures/survey/`;
export const coalition = `${root}../shared/data/coalition/`;
export const hasCoalition = existsSync(`${coalition}survey_wave1.csv`) && existsSync(`${coalition}truth/mentions.json`);

/** A CSV text as a table (throws when it cannot be read: tests give good CSV). */
export function table(text: string, file = 'survey.csv'): CsvTable {
  const read = readCsv(text, { file });
  if (read.table === undefined) throw new Error(`cannot read ${file}: ${JSON.stringify(read.issues)}`);
  return read.table;
}

export function fixture(name: string): CsvTable {
  return table(readFileSync(`${fixtures}${name}`, 'utf8'), name);
}
