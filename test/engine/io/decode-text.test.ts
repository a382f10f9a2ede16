/**
 * Text files as their tools write them: UTF-8 with and without BOM, UTF-16 (Excel's "Unicode
 * text") and UTF-32 by BOM, BOM-less UTF-16 by its zero bytes, Windows-1252 when the bytes are not
 * UTF-8; what was guessed or repaired is a warning with the file and line.
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/engine/io/decode-text.ts';
import { readSourceFile } from '../../../src/engine/io/workbook-detect.ts';

const TEXT = 'source,target\nJosé Núñez,Zoë Ødegaard\n北京,Ana\n';

function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    at = 2;
  }
  for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), littleEndian);
  return out;
}

function utf32(text: string, littleEndian: boolean): Uint8Array {
  const points = [0xfeff, ...Array.from(text, (c) => c.codePointAt(0) as number)];
  const out = new Uint8Array(points.length * 4);
  const view = new DataView(out.buffer);
  points.forEach((p, i) => view.setUint32(i * 4, p, littleEndian));
  return out;
}

describe('decodeText', () => {
  it('reads UTF-8 with or without BOM, UTF-16 and UTF-32 by BOM, and BOM-less UTF-16, all to the same text without notes', () => {
    const utf8 = new TextEncoder().encode(TEXT);
    const cases: Array<[Uint8Array, string]> = [
      [utf8, 'utf-8'],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'utf-8'],
      [utf16(TEXT, true), 'utf-16le'],
      [utf16(TEXT, false), 'utf-16be'],
      [utf16(TEXT, true, false), 'utf-16le'],
      [utf16(TEXT, false, false), 'utf-16be'],
      [utf32(TEXT, true), 'utf-32le'],
      [utf32(TEXT, false), 'utf-32be'],
    ];
    for (const [bytes, encoding] of cases) {
      expect(decodeText(bytes, 'ties.csv')).toEqual({ text: TEXT, encoding, notes: [] });
    }
  });

  it('reads a file that is not UTF-8 as Windows-1252 and says so with the first line concerned', () => {
    const latin = new Uint8Array([...new TextEncoder().encode('source,target\nAna,Ben\n'), 0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x80, 0x0a]);
    const decoded = decodeText(latin, 'old.csv');
    expect(decoded.text).toBe('source,target\nAna,Ben\nJosé,€\n');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.notes).toEqual([expect.objectContaining({ level: 'warning', code: 'not-utf8', file: 'old.csv', row: 3 })]);
  });

  it('keeps a UTF-8 file with one damaged byte as UTF-8 and names the line; surrogates encoded in UTF-8 are damage too', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a,José\n'), 0xff, 0x0a, 0xed, 0xa0, 0x80]);
    const decoded = decodeText(bytes, 'mixed.csv');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith('a,José\n\uFFFD\n')).toBe(true);
    expect(decoded.notes).toEqual([expect.objectContaining({ code: 'invalid-utf8', row: 2 })]);
    expect(decodeText(new Uint8Array([...new TextEncoder().encode('é'), 0xed, 0xa0, 0x80]), 's.csv').notes).toEqual([expect.objectContaining({ code: 'invalid-utf8', row: 1 })]);
  });

  it('removes NUL characters with a warning naming how many and the first line', () => {
    const decoded = decodeText(new TextEncoder().encode('source,target\nA\u0000na,Ben\u0000\n'), 'nul.csv');
    expect(decoded.text).toBe('source,target\nAna,Ben\n');
    expect(decoded.notes).toEqual([expect.objectContaining({ code: 'nul-characters', row: 2, message: expect.stringContaining('2 NUL characters') })]);
  });
});

describe('readSourceFile (a file dropped on the app)', () => {
  it('decodes a UTF-16 CSV and carries the notes of a guessed encoding', async () => {
    const wide = await readSourceFile(new File([utf16(TEXT, true)], 'ties.csv'));
    expect(wide).toEqual({ name: 'ties.csv', text: TEXT });
    const old = await readSourceFile(new File([new Uint8Array([0x4a, 0x6f, 0x73, 0xe9])], 'old.csv'));
    expect(old.text).toBe('José');
    expect(old.notes).toEqual([expect.objectContaining({ code: 'not-utf8', file: 'old.csv' })]);
  });
});
