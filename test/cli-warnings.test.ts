/**
 * The command line's warnings and errors scale: issues of one kind print as one line with a
 * count and the first rows, while the JSON report keeps every warning.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/engine/report/types.ts';
import { netweave } from './helpers/cli.ts';



describe('netweave analyze prints issues grouped by kind', () => {
  it('prints 40 reversed duplicate ties as one warning line, and keeps all 40 in the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-'));
    const ties = join(dir, 'ties.csv');
    const rows = ['source,target'];
    for (let i = 0; i < 40; i++) rows.push(`a${i},b${i}`, `b${i},a${i}`);
    rows.push('a0,a0');
    writeFileSync(ties, rows.join('\n') + '\n');
    const out = join(dir, 'report.json');
    const r = await netweave('analyze', '--edges', ties, '--out', out);
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((line) => line.startsWith('warning:'));
    expect(warnings).toEqual([
      'warning: ties.csv: 40 ties also appear in reverse (b – a after a – b); each was merged into the first one and the weights added: rows 3, 5, 7, 9, 11, …',
      'warning: ties.csv, row 82: "a0" is tied to themself (source and target are the same); the tie was kept',
    ]);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.warnings.filter((w) => w.code === 'duplicate-edge')).toHaveLength(40);
  });

  it('prints 30 bad weights as one line with their rows, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-'));
    const ties = join(dir, 'broken.csv');
    const rows = ['source,target,weight'];
    for (let i = 0; i < 30; i++) rows.push(`a${i},b${i},heavy`);
    rows.push('x,,1');
    writeFileSync(ties, rows.join('\n') + '\n');
    const r = await netweave('analyze', '--edges', ties);
    expect(r.code).toBe(1);
    // (A line before it may say the build is older than the sources, in a working tree.)
    expect(r.stderr.slice(r.stderr.indexOf('netweave: the input cannot be used:'))).toBe(
      'netweave: the input cannot be used:\n' +
        'broken.csv, field "weight": 30 weights cannot be used; those ties were not read: rows 2, 3, 4, 5, 6, …\n' +
        'broken.csv, row 32, field "target": target is empty; every row needs both a source and a target\n',
    );
  });
});
