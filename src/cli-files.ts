/**
 * Reading the files named on the command line: a missing or unreadable file is an input error
 * naming it, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from './engine/core/util/issues.ts';

/** The file's bytes, or an InputError saying why they cannot be read. */
function readBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
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

/** A text file, named as the user would recognise it in messages. */
export function readTextFile(path: string): { name: string; text: string } {
  return { name: basename(path), text: new TextDecoder('utf-8').decode(readBytes(path)) };
}

/** A file that may be a workbook: its bytes (for XLSX) and its text (for CSV). */
export function readAnyFile(path: string): { name: string; text: string; bytes: Uint8Array } {
  const bytes = readBytes(path);
  return { name: basename(path), text: new TextDecoder('utf-8').decode(bytes), bytes };
}
