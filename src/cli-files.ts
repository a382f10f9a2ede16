/**
 * Reading the files named on the command line: a missing or unreadable file is an input error
 * naming it, never a stack trace; network files (ties, people, GEXF...) read into one dataset.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError, type InputIssue } from './engine/core/util/issues.ts';
import { decodeText } from './engine/io/decode-text.ts';
import { fileTooLargeMessage, MAX_FILE_BYTES } from './engine/io/limits.ts';
import { isWorkbook } from './engine/io/workbook-detect.ts';
import { networkSource } from './engine/io/workbook-as-csv.ts';
import { importFiles } from './engine/io/import-files.ts';
import { orThrow } from './engine/core/util/result.ts';
import type { Dataset } from './engine/core/model/dataset.ts';

/** The file's bytes, or an InputError saying why they cannot be read. */
function readBytes(path: string): Uint8Array {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw new InputError([{ level: 'error', code: 'file-too-large', file: basename(path), message: fileTooLargeMessage(size) }]);
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([
      {
        level: 'error',
        code: 'unreadable-file',
        file: basename(path),
        message: code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code ?? String(error)})`,
      },
    ]);
  }
}

/**
 * A text file, named as the user would recognise it in messages, decoded as `decodeText` does
 * for the app (UTF-16 and older encodings too); `notes` says what was guessed or repaired.
 */
export function readTextFile(path: string): { name: string; text: string; notes?: InputIssue[] } {
  const name = basename(path);
  const { text, notes } = decodeText(readBytes(path), name);
  return { name, text, ...(notes.length > 0 ? { notes } : {}) };
}

/** A file that may be a workbook: its bytes (for XLSX) and its text (for CSV). */
export function readAnyFile(path: string): { name: string; text: string; bytes: Uint8Array; notes?: InputIssue[] } {
  const bytes = readBytes(path);
  const name = basename(path);
  if (isWorkbook({ name, bytes })) return { name, text: '', bytes };
  const { text, notes } = decodeText(bytes, name);
  return { name, text, bytes, ...(notes.length > 0 ? { notes } : {}) };
}

/**
 * Network files named without a flag, read as `netweave analyze` reads them, into one dataset;
 * undefined when none is named. Warnings join `issues`; an error throws an InputError.
 */
export function readNetworkFiles(paths: readonly string[], issues: InputIssue[]): Dataset | undefined {
  if (paths.length === 0) return undefined;
  const files = paths.map((path) => {
    const { name, text, notes, bytes } = orThrow(networkSource(readAnyFile(path))).value;
    return { name, text, ...(text === '' && bytes !== undefined ? { bytes } : {}), ...(notes !== undefined ? { notes } : {}) };
  });
  const network = orThrow(importFiles(files));
  issues.push(...network.issues);
  return network.value;
}
