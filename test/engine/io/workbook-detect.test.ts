import { File } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { isWorkbook, readSourceFile } from '../../../src/engine/io/workbook-detect.ts';
import { makeXlsx } from '../../fixtures/survey/make-xlsx.ts';

const xlsx = makeXlsx([{ name: 'Sheet1', rows: [['name'], ['Ana']] }]);
const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const csv = new TextEncoder().encode('name,team\nAna,a\n');

describe('isWorkbook', () => {
  it('goes by content first: a zip or an old Office file is a workbook whatever its name', () => {
    expect(isWorkbook({ name: 'answers.csv', bytes: xlsx })).toBe(true);
    expect(isWorkbook({ name: 'download', bytes: xlsx })).toBe(true);
    expect(isWorkbook({ name: 'old.csv', bytes: ole })).toBe(true);
  });

  it('goes by name when the bytes are not at hand or are something else', () => {
    expect(isWorkbook({ name: 'Form Responses.XLSX' })).toBe(true);
    expect(isWorkbook({ name: 'macro.xlsm' })).toBe(true);
    expect(isWorkbook({ name: 'old.xls' })).toBe(true);
    expect(isWorkbook({ name: 'ties.csv' })).toBe(false);
    expect(isWorkbook({ name: 'ties.csv', bytes: csv })).toBe(false);
    // A text file misnamed .xlsx goes to the workbook reader, which says it is not a zip.
    expect(isWorkbook({ name: 'misnamed.xlsx', bytes: csv })).toBe(true);
  });
});

describe('readSourceFile', () => {
  it('reads a workbook as bytes, by its first bytes even when named .csv, and anything else as text', async () => {
    const asCsv = await readSourceFile(new File([xlsx], 'answers.csv'));
    expect(asCsv).toEqual({ name: 'answers.csv', text: '', bytes: xlsx });
    const text = await readSourceFile(new File([csv], 'people.csv'));
    expect(text).toEqual({ name: 'people.csv', text: 'name,team\nAna,a\n' });
  });
});
