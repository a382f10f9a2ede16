/**
 * Upstream factors and the sign of their effect, against test/reference/results_upstream.json
 * (networkx all_simple_paths in test/reference/results_upstream.py): every factor of the
 * coalition map and of three seeded random signed maps as the target, K = 1 to 4.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distancesTo, factorIdOf, upstreamFactors } from '../../../../src/engine/features/results/upstream.ts';
import { mapFrom, ROOT } from './helpers.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { importSystemMapFiles } from '../../../../src/engine/features/systemmap/import-files.ts';

interface Reference {
  steps: number[];
  maps: Record<string, { file: string; upstream: Record<string, Record<string, Record<string, { steps: number; positive: number; negative: number; effect: string }>>> }>;
}
const reference = JSON.parse(readFileSync(`${ROOT}test/reference/results_upstream.json`, 'utf8')) as Reference;

describe('upstreamFactors', () => {
  for (const [name, ref] of Object.entries(reference.maps)) {
    it(`matches networkx on ${name} for every target and K = ${reference.steps.join(', ')}`, () => {
      const map = mapFrom([['map-links', ref.file]]);
      const label = new Map(map.factors.map((f) => [f.id, f.label]));
      for (const k of reference.steps) {
        const expected = ref.upstream[String(k)]!;
        const targets = Object.keys(expected).map((t) => factorIdOf(map, t)!);
        const got = upstreamFactors(map, targets, { steps: k });
        got.forEach((up, i) => {
          expect(up.complete).toBe(true);
          const byLabel = Object.fromEntries(up.factors.map((f) => [label.get(f.factor), { steps: f.steps, positive: f.positivePaths, negative: f.negativePaths, effect: f.effect }]));
          expect(byLabel, `${name}, K=${k}, target ${Object.keys(expected)[i]}`).toEqual(expected[Object.keys(expected)[i]!]);
        });
      }
    });
  }

  it('counts a link of uncertain sign (+-) as both signs, so what comes through it is mixed', () => {
    const map = orThrow(importSystemMapFiles([{ kind: 'map-links', name: 'links.csv', text: 'from,to,polarity\nA,B,+-\nB,C,-\nD,C,+\nC,C,+\n' }])).value;
    const [up] = upstreamFactors(map, ['C']);
    expect(up!.factors.map((f) => [f.factor, f.steps, f.effect, f.positivePaths, f.negativePaths])).toEqual([['B', 1, 'down', 0, 1], ['D', 1, 'up', 1, 0], ['A', 2, 'mixed', 1, 1]]);
  });

  it('says when the path limit stopped the search', () => {
    const map = mapFrom([['map-links', reference.maps.coalition!.file]]);
    const [up] = upstreamFactors(map, [factorIdOf(map, 'Coal generation share')!], { steps: 4, maxPaths: 5 });
    expect(up!.complete).toBe(false);
  });

  it('finds the shortest distance at any length, and none for a factor with no path', () => {
    const map = mapFrom([['map-links', reference.maps.coalition!.file]]);
    const dist = distancesTo(map, factorIdOf(map, 'Community health impacts')!);
    expect(dist.get(factorIdOf(map, 'Coal plant emissions')!)).toBe(1);
    expect(dist.get(factorIdOf(map, 'Media coverage')!)).toBeGreaterThan(4);
    expect(dist.has(factorIdOf(map, 'Foundation funding for advocacy')!)).toBe(true);
  });
});
