/**
 * Whether a file is an Excel workbook: the one test every reader and the app use.
 *
 * By content first: a file whose first bytes are a zip signature (`PK\x03\x04`: every .xlsx and
 * .xlsm is a zip archive) or an OLE compound signature (old .xls files and password-protected
 * workbooks, which `readXlsx` refuses with a message saying how to save them) is a workbook
 * whatever its name. By name as the fallback, when the bytes are not at hand or are something
 * else: `.xlsx`, `.xlsm` and `.xls` files are workbooks, so a text file misnamed `.xlsx` is
 * refused by `readXlsx` ("does not start like a zip archive") instead of being read as CSV.
 */
import type { SourceFile } from './types.ts';
import { decodeText } from './decode-text.ts';
import { fileTooLargeMessage, MAX_BROWSER_FILE_BYTES } from './limits.ts';

/** File name endings read as workbooks when the content does not say (lower case, no dot). */
export const WORKBOOK_EXTENSIONS = ['xlsx', 'xlsm', 'xls'] as const;

/** How many leading bytes `isWorkbook` looks at. */
export const WORKBOOK_SIGNATURE_BYTES = 8;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORKBOOK_NAME = new RegExp(`\\.(${WORKBOOK_EXTENSIONS.join('|')})$`, 'i');

/** True when the bytes start like a zip archive (every .xlsx is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True for the old binary Office format (.xls, or an encrypted .xlsx), which is not read. */
export function isOleCompound(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * True when the file is an Excel workbook (see the module comment): by its bytes when given (the
 * first `WORKBOOK_SIGNATURE_BYTES` are enough), else, or when they are not a workbook's, by name.
 */
export function isWorkbook(file: { name: string; bytes?: Uint8Array }): boolean {
  if (file.bytes !== undefined && (isZip(file.bytes) || isOleCompound(file.bytes))) return true;
  return WORKBOOK_NAME.test(file.name);
}

/** What the app reads a dropped or picked file through (a browser `File` fits). */
export interface FileLike {
  name: string;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
  /** Bytes, when known (a browser `File` knows): checked against MAX_BROWSER_FILE_BYTES before reading. */
  size?: number;
}

/**
 * A file the user gave, ready for the importers: a workbook (by its first bytes, else its name)
 * as bytes, anything else as text decoded by `decodeText` (UTF-16 and older encodings too).
 */
export async function readSourceFile(file: FileLike): Promise<SourceFile> {
  // Refused before reading: a file past the limit would exhaust the tab's memory.
  if (file.size !== undefined && file.size > MAX_BROWSER_FILE_BYTES) {
    return { name: file.name, text: '', notes: [{ level: 'error', code: 'file-too-large', message: fileTooLargeMessage(file.size, MAX_BROWSER_FILE_BYTES), file: file.name }] };
  }
  const head = new Uint8Array(await file.slice(0, WORKBOOK_SIGNATURE_BYTES).arrayBuffer());
  if (isWorkbook({ name: file.name, bytes: head })) return { name: file.name, text: '', bytes: new Uint8Array(await file.arrayBuffer()) };
  const decoded = decodeText(new Uint8Array(await file.arrayBuffer()), file.name);
  return { name: file.name, text: decoded.text, ...(decoded.notes.length > 0 ? { notes: decoded.notes } : {}) };
}
