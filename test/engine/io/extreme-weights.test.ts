/**
 * Weights outside WEIGHT_RANGE are refused at import with the file, row and field and a way out
 * (rescale the column), instead of turning PageRank, strength, harmonic or modularity null; at the
 * edges of the range every measure is a number.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/engine/io/import-files.ts';
import { runAnalysis } from '../../../src/engine/analysis/run-analysis.ts';
import { orThrow } from '../../../src/engine/core/util/result.ts';
import { WEIGHT_RANGE } from '../../../src/engine/core/model/records.ts';

const edges = (weights: readonly number[]): string =>
  'source,target,weight\n' + ['a,b', 'b,c', 'c,a', 'c,d', 'd,e', 'e,c'].map((pair, i) => `${pair},${weights[i % weights.length]}`).join('\n');

describe('extreme weights', () => {
  it('refuses 5e-324 and 1e308 naming the file, row and field and what to do', () => {
    for (const [weight, words] of [
      [5e-324, 'multiply the weight column'],
      [1e308, 'divide the weight column'],
    ] as const) {
      const read = importFiles([{ name: 'w.csv', text: edges([1, 1, weight]) }], { kinds: { 'w.csv': 'edges' } });
      expect(read.ok).toBe(false);
      expect(read.issues).toContainEqual(expect.objectContaining({ level: 'error', file: 'w.csv', row: 4, field: 'weight', message: expect.stringContaining(words) }));
    }
  });

  it('analyses weights at both ends of the range with every measure a number', async () => {
    for (const weights of [[WEIGHT_RANGE.min], [WEIGHT_RANGE.max], [WEIGHT_RANGE.min, WEIGHT_RANGE.max, 1]]) {
      const dataset = orThrow(importFiles([{ name: 'w.csv', text: edges(weights) }], { kinds: { 'w.csv': 'edges' } })).value;
      for (const weighting of ['strength', 'distance'] as const) {
        const result = await runAnalysis(dataset, { weighting });
        for (const [id, column] of Object.entries(result.table.columns)) {
          const values = Array.from(column as ArrayLike<number>);
          expect(values.filter((v) => !Number.isFinite(v)), `${id} with ${weights} as ${weighting}`).toEqual([]);
        }
        expect(Number.isFinite(result.figures.modularity)).toBe(true);
      }
    }
  });
});
