/**
 * XLSX reading (src/engine/io/xlsx-read.ts): workbooks become the same table as CSV, cell
 * values read as text as a spreadsheet shows them, formulas never run.
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../src/engine/io/csv-read.ts';
import { readSoFar } from '../../../../src/engine/core/util/result.ts';
import { excelSerialToIso, listXlsxSheets, readXlsx } from '../../../../src/engine/io/xlsx-read.ts';
import { importSurvey } from '../../../../src/engine/features/survey/import-survey.ts';
import { readSurveyTable } from '../../../../src/engine/io/read-table.ts';
import { makeXlsx } from '../../../fixtures/survey/make-xlsx.ts';
import { fixtures, root, surveyRead } from './helpers.ts';

describe('readXlsx', () => {
  it('reads strings, numbers, dates, booleans and keeps row numbers', () => {
    const bytes = makeXlsx([
      {
        name: 'Form Responses 1',
        rows: [
          ['Timestamp', 'Your name', 'Who do you work with?', 'Score', 'Done'],
          [{ date: 45735.335416666667 }, '  Maria  López ', 'Jin Chen\nBob Smith & Ana', 0.1 + 0.2, true],
          [],
          [{ date: 45736, format: 'date' }, { inline: '李小龙' }, 'Мария Иванова; محمد علي', 3, false],
        ],
      },
    ]);
    const read = readXlsx(bytes, { file: 'form.xlsx' });
    expect(read.issues).toEqual([]);
    expect(readSoFar(read)?.sheet).toBe('Form Responses 1');
    expect(readSoFar(read)?.table.headers).toEqual(['Timestamp', 'Your name', 'Who do you work with?', 'Score', 'Done']);
    expect(readSoFar(read)?.table.records).toEqual([
      { row: 2, cells: ['2025-03-19 08:03:00', 'Maria  López', 'Jin Chen\nBob Smith & Ana', '0.3', 'TRUE'] },
      { row: 4, cells: ['2025-03-20', '李小龙', 'Мария Иванова; محمد علي', '3', 'FALSE'] },
    ]);
  });

  it('reads formulas as their saved values and never runs them; formula-like text stays text', () => {
    const bytes = makeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['Name', 'Who?', 'Total'],
          ['=HYPERLINK("http://example.org")', '+Maria Lopez', { formula: 'SUM(1,2)', cached: 3 }],
          ['@Jin Chen', '-Ana Okafor', { formula: 'A2&B2', cached: 'joined text' }],
          ['Bob Smith', { formula: 'CONCAT("Maria"," Lopez")' }, 'x'],
        ],
      },
    ]);
    const read = readXlsx(bytes, { file: 'f.xlsx' });
    expect(readSoFar(read)?.table.records.map((r) => r.cells)).toEqual([
      ['=HYPERLINK("http://example.org")', '+Maria Lopez', '3'],
      ['@Jin Chen', '-Ana Okafor', 'joined text'],
      ['Bob Smith', '', 'x'],
    ]);
    expect(read.issues.map((i) => i.code)).toEqual(['formula-without-value']);
    expect(read.issues[0]?.message).toContain('B4');
  });

  it('chooses sheets: the first with data by default, or by name or position', () => {
    const bytes = makeXlsx([
      { name: 'Cover', rows: [] },
      { name: 'Hidden', rows: [['a'], ['1']], hidden: true },
      { name: 'Answers', rows: [['Name'], ['Maria Lopez']] },
      { name: 'Notes', rows: [['Note'], ['hello']] },
    ]);
    expect(listXlsxSheets(bytes)).toEqual(['Cover', 'Hidden', 'Answers', 'Notes']);
    const first = readXlsx(bytes, { file: 'w.xlsx' });
    expect(readSoFar(first)?.sheet).toBe('Answers');
    expect(first.issues.map((i) => i.code)).toEqual(['other-sheets']);
    expect(readSoFar(readXlsx(bytes, { file: 'w.xlsx', sheet: 'notes' }))?.table.records[0]?.cells).toEqual(['hello']);
    expect(readSoFar(readXlsx(bytes, { file: 'w.xlsx', sheet: 1 }))?.table.headers).toEqual(['a']);
    expect(readXlsx(bytes, { file: 'w.xlsx', sheet: 'Nope' }).issues[0]?.code).toBe('missing-sheet');
  });

  it('reports what it cannot read, without throwing', () => {
    expect(readXlsx(new Uint8Array(), { file: 'a.xlsx' }).issues[0]?.code).toBe('empty-file');
    expect(readXlsx(strToU8('name,email\n'), { file: 'a.xlsx' }).issues[0]?.code).toBe('not-xlsx');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(readXlsx(ole, { file: 'old.xls' }).issues[0]?.message).toMatch(/old Excel \.xls/);
    expect(readXlsx(zipSync({ 'word/document.xml': strToU8('<w/>') }), { file: 'a.xlsx' }).issues[0]?.message).toMatch(/not an Excel workbook/);
    expect(readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { file: 'a.xlsx' }).issues[0]?.code).toBe('not-xlsx');
    const big = makeXlsx([{ name: 'S', rows: [['Name'], ['x'.repeat(5000)]] }]);
    expect(readXlsx(big, { file: 'a.xlsx', maxUnpackedBytes: 1000 }).issues[0]?.message).toMatch(/unpacks to more/);
    expect(readXlsx(makeXlsx([{ name: 'S', rows: [['Only a header']] }]), { file: 'a.xlsx' }).issues[0]?.code).toBe('no-data');
  });

  it('converts serial dates in both date systems', () => {
    expect(excelSerialToIso(45735)).toBe('2025-03-19');
    expect(excelSerialToIso(45735.5, false, true)).toBe('2025-03-19 12:00:00');
    expect(excelSerialToIso(44273, true)).toBe('2025-03-19');
  });

  it('gives the same survey import as the CSV of the same answers', () => {
    const csvText = readFileSync(`${fixtures}google-forms.csv`, 'utf8');
    const csv = readSoFar(readCsv(csvText, { file: 'google-forms.csv' }));
    if (csv === undefined) throw new Error('fixture');
    const rows = [csv.headers, ...csv.records.map((r) => r.cells)];
    const bytes = makeXlsx([{ name: 'Form Responses 1', rows }]);
    const xlsx = readSoFar(readSurveyTable({ name: 'google-forms.xlsx', text: '', bytes }));
    if (xlsx === undefined) throw new Error('xlsx');
    const fromCsv = surveyRead(importSurvey({ surveys: [{ file: 'survey', table: csv }] }));
    const fromXlsx = surveyRead(importSurvey({ surveys: [{ file: 'survey', table: xlsx }] }));
    expect(fromXlsx.dataset.ties).toEqual(fromCsv.dataset.ties);
    expect(fromXlsx.resolution.map((e) => [e.written, e.person])).toEqual(fromCsv.resolution.map((e) => [e.written, e.person]));
  });

  it('uses a library that runs in a browser Worker: fflate browser build, no Node built-ins', () => {
    const pkg = JSON.parse(readFileSync(`${root}node_modules/fflate/package.json`, 'utf8')) as { exports: Record<string, Record<string, { default: string }>> };
    const browserEntry = pkg.exports['.']?.['import']?.default;
    expect(browserEntry).toBe('./esm/browser.js');
    const code = readFileSync(`${root}node_modules/fflate/${browserEntry}`, 'utf8');
    expect(code).not.toMatch(/from ['"]node:|require\(|worker_threads/);
    const reader = readFileSync(`${root}src/engine/io/xlsx-read.ts`, 'utf8');
    expect(reader).not.toMatch(/from ['"]node:/);
  });
});
