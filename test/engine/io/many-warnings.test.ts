/**
 * Files whose every row is worth a warning (200,000 repeats of one tie, 200,000 self-ties) import
 * with their warnings instead of stopping with "Maximum call stack size exceeded": warnings are
 * appended with loops, never `push(...list)`.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/engine/io/import-files.ts';
import { appendAll } from '../../../src/engine/core/util/append-all.ts';

const ROWS = 200_000;

describe('files with a warning on every row', () => {
  it('import 200,000 repeats of one tie, and 200,000 self-ties, keeping every warning', () => {
    const repeats = 'source,target\n' + 'Ana,Ben\n'.repeat(ROWS);
    const read = importFiles([{ name: 'repeats.csv', text: repeats }], { kinds: { 'repeats.csv': 'edges' } });
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value.ties).toHaveLength(1);
    expect(read.issues.length).toBeGreaterThanOrEqual(ROWS - 1);
    const selfTies = 'source,target\n' + Array.from({ length: ROWS }, (_, i) => `p${i},p${i}`).join('\n');
    const self = importFiles([{ name: 'self.csv', text: selfTies }], { kinds: { 'self.csv': 'edges' } });
    expect(self.ok).toBe(true);
    expect(self.issues.length).toBeGreaterThanOrEqual(ROWS);
  }, 120_000);

  it('appends lists longer than a call takes arguments', () => {
    const long = Array.from({ length: 300_000 }, (_, i) => i);
    expect(appendAll([-1], long, [7])).toHaveLength(300_002);
  });
});
