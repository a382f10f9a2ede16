/**
 * Key players (greedy two-step coverage) against brute force on small graphs, and its curve.
 */
import { describe, expect, it } from 'vitest';
import { toCsr } from '../../../../src/engine/core/graph/csr.ts';
import { keyPlayers } from '../../../../src/engine/algorithms/reach/key-players.ts';
import { stepReach } from '../../../../src/engine/algorithms/reach/step-reach.ts';
import { createRng } from '../../../../src/engine/core/util/rng.ts';
import { graphOf, loadFixture } from '../periphery/fixtures.ts';

function randomGraph(seed: number, n: number, p: number) {
  const rng = createRng(seed);
  const ids = Array.from({ length: n }, (_, i) => `v${i}`);
  const edges: Array<[string, string, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng() < p) edges.push([ids[i]!, ids[j]!, 1]);
  return toCsr(graphOf(ids, edges, false));
}

describe('key players', () => {
  it.each([1, 2, 3, 4])('matches a plain greedy over two-step balls (seed %i)', (seed) => {
    const csr = randomGraph(seed, 40, 0.05);
    const result = keyPlayers(csr, { minPlayers: 10, targetShare: 1 });
    // Plain greedy: recompute every gain each round; ties to more contacts, then lower index.
    const ball = (v: number): Set<number> => {
      const out = new Set([v]);
      for (const u of neighbours(v)) {
        out.add(u);
        for (const w of neighbours(u)) out.add(w);
      }
      return out;
    };
    const neighbours = (v: number): number[] => Array.from(csr.outTargets.subarray(csr.outOffsets[v]!, csr.outOffsets[v + 1]!));
    const covered = new Set<number>();
    const expected: number[] = [];
    while (expected.length < result.players.length) {
      let best = -1;
      let bestGain = -1;
      for (let v = 0; v < csr.n; v++) {
        const gain = [...ball(v)].filter((u) => !covered.has(u)).length;
        const deg = neighbours(v).length;
        const bestDeg = best < 0 ? -1 : neighbours(best).length;
        if (gain > bestGain || (gain === bestGain && deg > bestDeg)) {
          best = v;
          bestGain = gain;
        }
      }
      expected.push(best);
      for (const u of ball(best)) covered.add(u);
    }
    expect(result.players.map((p) => p.node)).toEqual(expected);
    const gains = result.players.map((p) => p.added);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    expect(result.players.at(-1)!.shareReached).toBeCloseTo(covered.size / csr.n, 12);
  });

  it('reaches the target share and reports how many it takes', () => {
    const { csr } = loadFixture('karate');
    const result = keyPlayers(csr, { targetShare: 0.9 });
    expect(result.setSize).not.toBeNull();
    expect(result.players[result.setSize! - 1]!.shareReached).toBeGreaterThanOrEqual(0.9);
    if (result.setSize! > 1) expect(result.players[result.setSize! - 2]!.shareReached).toBeLessThan(0.9);
    expect(result.players.length).toBeGreaterThanOrEqual(Math.min(10, result.setSize!));
    // The first player is someone who reaches the most people within two steps.
    const reach2 = stepReach(csr, { maxSteps: 2 }).counts[1]!;
    expect(reach2[result.players[0]!.node]).toBe(Math.max(...reach2));
    expect(result.players[0]!.added).toBe(Math.max(...reach2) + 1);
  });

  it('uses known reach counts without changing the answer', () => {
    const { csr } = loadFixture('krackhardt_advice');
    const reach = stepReach(csr, { maxSteps: 2 });
    expect(keyPlayers(csr, { knownReach: reach.counts[1] })).toEqual(keyPlayers(csr));
  });
});
