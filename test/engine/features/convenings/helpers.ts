/** Shared helpers for the convenings, mentorship, matching and change tests. */
import { fileURLToPath } from 'node:url';
import type { CsvTable } from '../../../../src/engine/io/csv-read.ts';
import { readCsv } from '../../../../src/engine/io/csv-read.ts';
import { readSoFar, type Reading } from '../../../../src/engine/core/util/result.ts';
import type { InputIssue } from '../../../../src/engine/core/util/issues.ts';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import type { Person, Tie } from '../../../../src/engine/core/model/records.ts';

export const root = fileURLToPath(new URL('../../../../', import.meta.url));
export const reference = `${root}test/reference/bipartite/`;

/** A CSV text as a table (throws when it cannot be read: tests give good CSV). */
export function table(text: string, file = 'attendance.csv'): CsvTable {
  const read = readCsv(text, { file });
  const table = readSoFar(read);
  if (table === undefined) throw new Error(`cannot read ${file}: ${JSON.stringify(read.issues)}`);
  return table;
}

export function person(id: string, attributes: Person['attributes'] = {}, label = id): Person {
  return { id, label, attributes };
}

export function dataset(people: Person[], ties: Array<Partial<Tie> & { source: string; target: string }> = []): Dataset {
  return {
    format: 'netweave-dataset',
    version: 1,
    name: 'test',
    people,
    relations: [],
    ties: ties.map((t) => ({ relation: 'tie', directed: false, weight: 1, ...t })),
    attendance: [],
    mentorships: [],
  };
}

/** What a table reader read (what it read so far, when it failed) with the issues it found: what these tests look at. */
export function withIssues<T extends object>(result: Reading<T>): T & { issues: InputIssue[] } {
  return { ...readSoFar(result), issues: result.issues };
}
