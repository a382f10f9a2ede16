/**
 * Results files added to a project: each file's kind told from its headers (the results
 * templates, or a Clear Impact data-values export), workbooks kept as the CSV of their first
 * sheet, and read together with the files the project already holds (one with the same name is
 * replaced), so adding this year's indicator values alone still finds their results. A file
 * whose kind cannot be told, or any error in any file, adds nothing: the project keeps what it had.
 */
import type { SourceFile } from '../io/types.ts';
import { readCsv } from '../io/csv-read.ts';
import { workbookAsCsv } from '../io/workbook-as-csv.ts';
import { decodeText } from '../io/decode-text.ts';
import { fail, hasErrors, ok, type Result } from '../core/util/result.ts';
import type { InputIssue } from '../core/util/issues.ts';
import type { ResultsSet } from '../core/model/results.ts';
import type { StoredResultsFile } from '../core/model/project-results.ts';
import { guessResultsFileKind, importResultsFiles } from '../features/results/import-results.ts';
import { RESULTS_FILE_KINDS, type ResultsFileKind } from '../features/results/results-file-kinds.ts';

export interface ResultsFilesRead {
  set: ResultsSet;
  /** Every file the set was read from, the new ones included. */
  files: StoredResultsFile[];
}

const isKind = (kind: string): kind is ResultsFileKind => (RESULTS_FILE_KINDS as readonly string[]).includes(kind);

/** One new file as CSV text with its kind, or why it cannot be read. */
function storedFile(file: SourceFile): Result<StoredResultsFile> {
  const asCsv = workbookAsCsv(file);
  if (!asCsv.ok) return fail(asCsv.issues);
  const text = asCsv.value.text === '' && file.bytes !== undefined ? decodeText(file.bytes, file.name).text : asCsv.value.text;
  const table = readCsv(text, { file: file.name });
  if (!table.ok) return fail(table.issues);
  const kind = guessResultsFileKind(table.value.headers);
  if (kind === undefined) {
    return fail([
      {
        level: 'error',
        code: 'unknown-results-file',
        file: file.name,
        message: `is none of the results files: its columns (${table.value.headers.slice(0, 6).join(', ')}) match no template (results, indicators, strategies, actions, commitments) nor a scorecard export (id, date, actual, target)`,
      },
    ]);
  }
  return ok({ name: file.name, kind, text }, asCsv.issues);
}

/** Reads `added` with the files a project holds (`kept`) into one results set. */
export function readResultsFiles(added: readonly SourceFile[], kept: readonly StoredResultsFile[] = []): Result<ResultsFilesRead> {
  const issues: InputIssue[] = [];
  const fresh: StoredResultsFile[] = [];
  for (const file of added) {
    const stored = storedFile(file);
    issues.push(...stored.issues);
    if (stored.ok) fresh.push(stored.value);
  }
  if (hasErrors(issues)) return fail(issues);
  const names = new Set(fresh.map((f) => f.name));
  const files = [...kept.filter((f) => !names.has(f.name)), ...fresh];
  const read = importResultsFiles(files.flatMap((f) => (isKind(f.kind) ? [{ name: f.name, text: f.text, kind: f.kind }] : [])));
  const all = [...issues, ...read.issues];
  return read.ok ? ok({ set: read.value, files }, all) : fail(all);
}
