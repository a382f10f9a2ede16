/** The per-format tests look at what a reader read and what it found: its part (what it read so far, when it failed) with the result's issues. */
import type { InputIssue } from '../../../src/engine/core/util/issues.ts';
import { readSoFar, type Result } from '../../../src/engine/core/util/result.ts';
import type { ImportPart } from '../../../src/engine/io/types.ts';
import type { CsvTable } from '../../../src/engine/io/csv-read.ts';

export function partOf(result: Result<ImportPart>): ImportPart & { ok: boolean; issues: InputIssue[] } {
  const part = readSoFar(result);
  if (part === undefined) throw new Error('the reader gave no part');
  return { ...part, ok: result.ok, issues: result.issues };
}

/** A table reader's result as the table it read (what it read so far, when it failed) and the issues it found. */
export function tableRead(result: Result<CsvTable>): { table: CsvTable | undefined; issues: InputIssue[] } {
  return { table: readSoFar(result), issues: result.issues };
}
