/**
 * Files built to hurt, on the command line: a survey workbook whose rows jump from 2 to
 * 1,000,000,000 (it used to kill Node listing every blank row), and workbooks and surveys with
 * more rows than a call takes arguments (they used to stop with "Maximum call stack size
 * exceeded"). Each reads, or stops with a message naming the file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netweave } from './helpers/cli.ts';
import { workbook } from './helpers/workbook.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'nw-hostile-'));

describe('hostile workbooks on the command line', () => {
  it('reads a survey whose last answer sits on row 1,000,000,000, counting the blank rows instead of listing them', async () => {
    const dir = tmp();
    const bytes = Buffer.from(workbook([['Name', 'Who do you work with?'], ['Ana Lima', 'Ben Okafor']]));
    // The same workbook with its second row renumbered far down, as a crafted file declares it.
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const files = unzipSync(bytes);
    files['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(files['xl/worksheets/sheet1.xml']!).replace(/r="2"/, 'r="1000000000"').replace(/([AB])2"/g, '$11000000000"'));
    writeFileSync(join(dir, 'far.xlsx'), zipSync(files));
    const out = join(dir, 'report.json');
    const r = await netweave('analyze', '--survey', join(dir, 'far.xlsx'), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { dataset: { people: number }; warnings: Array<{ code: string; message: string }> };
    expect(report.dataset.people).toBe(2);
    expect(report.warnings.filter((w) => w.code === 'blank-row')).toHaveLength(1000);
    expect(report.warnings.find((w) => w.code === 'blank-rows')?.message).toContain('999,998,998 more blank rows');
  });

  it('reads a 150,000-row attendance workbook and a 150,000-row edge-list workbook', async () => {
    const dir = tmp();
    const rows = 150_000;
    const attendance = [['name', 'event'], ...Array.from({ length: rows }, (_, i) => [`Person ${i % 5000}`, `Session ${i % 40}`])];
    writeFileSync(join(dir, 'attendance.xlsx'), workbook(attendance));
    const ties = [['source', 'target'], ...Array.from({ length: rows }, (_, i) => [`p${i % 20000}`, `p${(i * 7 + 1) % 20000}`])];
    writeFileSync(join(dir, 'ties.xlsx'), workbook(ties));
    const out = join(dir, 'report.json');
    const r = await netweave('analyze', '--edges', join(dir, 'ties.xlsx'), '--attendance', join(dir, 'attendance.xlsx'), '--out', out);
    expect(r.stderr).not.toContain('Maximum call stack');
    expect(r.code, r.stderr).toBe(0);
  }, 240_000);
});

describe('hostile surveys on the command line', () => {
  it('reads a survey with a 1,000,000-character answer, naming it as free text (it ran past two minutes)', async () => {
    const dir = tmp();
    const long = 'x'.repeat(1_000_000);
    writeFileSync(join(dir, 'survey.csv'), `Name,Who do you work with?\nAna Lima,Ben Okafor\nBen Okafor,${long} Ana Lima\nCleo Diaz,"Ana Lima, Ben Okafor"\n`);
    const out = join(dir, 'report.json');
    const r = await netweave('analyze', '--survey', join(dir, 'survey.csv'), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { dataset: { people: number } };
    expect(report.dataset.people).toBe(3);
  }, 60_000);
});
