/**
 * A text file's bytes as text, whatever wrote it: UTF-8 (with or without BOM), UTF-16 as Excel's
 * "Unicode text" and many Windows tools write it (by BOM, or by its zero bytes when there is
 * none), UTF-32 by BOM, and Windows-1252 for older exports that are not UTF-8 at all. What had to
 * be guessed or repaired is said in `notes`, never silently: text read as Windows-1252, bytes
 * that are not UTF-8 in an otherwise UTF-8 file, NUL characters removed.
 */
import type { InputIssue } from '../core/util/issues.ts';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1252';
  /** Warnings about the decoding, naming the file and the first line concerned. */
  notes: InputIssue[];
}

/** Bytes sampled when guessing a BOM-less UTF-16 file. */
const SNIFF_BYTES = 4096;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM: text in Latin script has a zero byte in every other position. */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function utf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 4; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    // Bounded batches: String.fromCodePoint takes its code points as arguments.
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/**
 * Windows-1252's characters for bytes 0x80-0x9F (the rest is Latin-1). Written out because Node's
 * TextDecoder reads the label as Latin-1, where these bytes are control characters.
 */
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function windows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let from = 0; from < bytes.length; from += 8192) {
    let chunk = '';
    const end = Math.min(bytes.length, from + 8192);
    for (let i = from; i < end; i++) {
      const b = bytes[i] as number;
      chunk += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    }
    parts.push(chunk);
  }
  return parts.join('');
}

/** The 1-based line of a byte offset (counting LF bytes, which every encoding here keeps). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/** The first byte offset where UTF-8 is invalid, and whether any valid multi-byte sequence came first or after. */
function utf8Scan(bytes: Uint8Array): { firstBad: number; multiByte: boolean } {
  let firstBad = -1;
  let multiByte = false;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    // Overlong forms, UTF-16 surrogates (ED A0..BF) and code points past U+10FFFF are invalid too.
    const second = bytes[i + 1] ?? 0;
    if (ok && ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f))) ok = false;
    if (ok) {
      multiByte = true;
      i += need + 1;
    } else {
      if (firstBad < 0) firstBad = i;
      i++;
    }
  }
  return { firstBad, multiByte };
}

function withoutNul(text: string, file: string, notes: InputIssue[]): string {
  const first = text.indexOf('\u0000');
  if (first < 0) return text;
  let count = 0;
  for (let i = first; i < text.length; i++) if (text.charCodeAt(i) === 0) count++;
  let line = 1;
  for (let i = 0; i < first; i++) if (text.charCodeAt(i) === 10) line++;
  notes.push({
    level: 'warning',
    code: 'nul-characters',
    message: `${count} NUL character${count === 1 ? '' : 's'} (invisible, not part of any name) removed; the file may be damaged or saved in an unusual way`,
    file,
    row: line,
  });
  return text.replaceAll('\u0000', '');
}

/** Decodes a text file's bytes; never throws. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const notes: InputIssue[] = [];
  const done = (text: string, encoding: DecodedText['encoding']): DecodedText => ({ text: withoutNul(text, file, notes), encoding, notes });
  if (startsWith(bytes, [0xff, 0xfe, 0, 0])) return done(utf32(bytes, true), 'utf-32le');
  if (startsWith(bytes, [0, 0, 0xfe, 0xff])) return done(utf32(bytes, false), 'utf-32be');
  if (startsWith(bytes, [0xff, 0xfe])) return done(new TextDecoder('utf-16le').decode(bytes), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return done(new TextDecoder('utf-16be').decode(bytes), 'utf-16be');
  if (!startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const utf16 = bomlessUtf16(bytes);
    if (utf16 !== undefined) return done(new TextDecoder(utf16).decode(bytes), utf16);
  }
  const { firstBad, multiByte } = utf8Scan(bytes);
  if (firstBad < 0) return done(new TextDecoder('utf-8').decode(bytes), 'utf-8');
  const row = lineOfByte(bytes, firstBad);
  if (!multiByte) {
    notes.push({
      level: 'warning',
      code: 'not-utf8',
      message: 'the file is not UTF-8; it was read as Windows-1252 (Western European). If names look wrong, save it as UTF-8 (in Excel: "CSV UTF-8")',
      file,
      row,
    });
    return done(windows1252(bytes), 'windows-1252');
  }
  notes.push({
    level: 'warning',
    code: 'invalid-utf8',
    message: 'some bytes are not valid UTF-8 and show as "\uFFFD"; the file may be damaged or mix two encodings',
    file,
    row,
  });
  return done(new TextDecoder('utf-8').decode(bytes), 'utf-8');
}
