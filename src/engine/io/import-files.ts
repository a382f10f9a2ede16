/**
 * The one call the app makes: read every file the user gave, in whatever supported format, and
 * assemble one dataset, or fail with every problem found (file, row and field).
 */
import type { Dataset } from '../core/model/dataset.ts';
import { checkCancelled, type RunHooks } from '../core/util/cancel.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { fail, hasErrors, ok, type Result } from '../core/util/result.ts';
import { assembleDataset } from './assemble-dataset.ts';
import type { EdgeColumns } from './csv-edges.ts';
import type { NodeColumns } from './csv-nodes.ts';
import { detectFormat } from './detect-format.ts';
import type { ImportKind } from './detect-format.ts';
import { formatOf } from './file-formats.ts';
import type { ImportPart, SourceFile } from './types.ts';
import type { KumuTypeRoles } from './kumu-types.ts';
import { appendAll } from '../core/util/append-all.ts';

export type FileColumns = EdgeColumns & NodeColumns;

export interface ImportOptions {
  /** Whether edge-list ties are directed; for matrices, undefined means "decide from symmetry". Default false for edge lists. */
  directed?: boolean;
  /** Ties naming someone absent from the people lists: add them (default) or reject the tie. */
  unknownIds?: 'add' | 'reject';
  /** Dataset name. Default: the saved dataset's name, else the first file's name. */
  name?: string;
  /** Column choices per file name, e.g. `{ 'survey.csv': { source: 'Respondent', target: 'Named' } }`. */
  columns?: Record<string, FileColumns>;
  /** Kind per file name, overriding detection. */
  kinds?: Record<string, ImportKind>;
  /** Separator of multi-valued cells in people lists. Default ';'. */
  multiValueSeparator?: string;
  /** Kumu files: what each element type is read as, per file name (defaults in kumu-types.ts). */
  typeRoles?: Record<string, KumuTypeRoles>;
}

/** Columns chosen for source/target mean a tie list; for id/label, a people list. */
function kindFromColumns(columns: FileColumns | undefined): ImportKind | undefined {
  if (columns === undefined) return undefined;
  if (columns.source !== undefined || columns.target !== undefined) return 'edges';
  if (columns.id !== undefined || columns.label !== undefined) return 'nodes';
  return undefined;
}

/** Reads one file as the given kind. Never throws. */
export function importFile(file: SourceFile, kind: ImportKind, options: ImportOptions = {}, hooks?: RunHooks): Result<ImportPart> {
  const columns = options.columns?.[file.name];
  const typeRoles = options.typeRoles?.[file.name];
  return formatOf(kind).read(file, {
    ...(typeRoles !== undefined ? { typeRoles } : {}),
    ...(hooks?.onProgress ? { onReadProgress: (f: number) => hooks.onProgress?.(`reading ${file.name}`, f) } : {}),
    ...(columns !== undefined ? { columns } : {}),
    ...(options.directed !== undefined ? { directed: options.directed } : {}),
    ...(options.multiValueSeparator !== undefined ? { multiValueSeparator: options.multiValueSeparator } : {}),
  });
}

/**
 * Imports files into one dataset: fails (with every issue, warnings included, and no dataset)
 * when any file has an error; otherwise gives the dataset and the warnings. Never throws on bad
 * input; throws CancelledError when `hooks.isCancelled` says so.
 */
export function importFiles(files: readonly SourceFile[], options: ImportOptions = {}, hooks?: RunHooks): Result<Dataset> {
  if (files.length === 0) {
    return fail([{ level: 'error', code: 'no-files', message: 'no files were given to import' }]);
  }
  const parts: Result<ImportPart>[] = [];
  const issues: InputIssue[] = [];
  for (const file of files) {
    if (file.notes !== undefined) {
      appendAll(issues, file.notes);
      // A file refused before it was read (too large) has nothing to detect or read.
      if (hasErrors(file.notes)) continue;
    }
    let kind = options.kinds?.[file.name] ?? kindFromColumns(options.columns?.[file.name]);
    if (kind === undefined) {
      const detected = detectFormat(file);
      if (detected.kind === 'unknown') {
        if (detected.issues.length > 0) appendAll(issues, detected.issues);
        else issues.push({ level: 'error', code: 'unknown-format', message: detected.reason, file: file.name });
        continue;
      }
      kind = detected.kind;
    }
    hooks?.onProgress?.(`reading ${file.name}`, 0);
    parts.push(importFile(file, kind, options, hooks));
    checkCancelled(hooks);
  }
  hooks?.onProgress?.('checking every record', 0);
  const assembled = assembleDataset(parts, {
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.unknownIds !== undefined ? { unknownIds: options.unknownIds } : {}),
  });
  const all = [...issues, ...assembled.issues];
  // A failed import gives no dataset at all, so nothing half-read can replace the open one.
  if (!assembled.ok || hasErrors(issues)) return fail(all);
  return ok(assembled.value, all);
}
