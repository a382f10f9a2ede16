/**
 * The distance-only search (betweenness: false, up to 32 sources per bit-parallel search) gives
 * the distance sums of the full pass and of one Dijkstra per source, the
 * unweighted search (renumbered rows, path counts and dependencies pulled over whole rows) gives
 * what Dijkstra gives with every tie of length 1, and scratch reused from one pass to the next (of
 * another graph, weighted or not, or after a cancelled pass) never leaks into the next result.
 */
import { describe, expect, it } from 'vitest';
import { csrFromEdgeArrays, toCsr, type Csr } from '../../../../src/engine/core/graph/csr.ts';
import { randomCsr } from './random-csr.ts';
import { shortestPathPass } from '../../../../src/engine/algorithms/metrics/shortest-paths.ts';
import { CancelledError } from '../../../../src/engine/core/util/cancel.ts';
import { loadReference } from '../../../helpers/reference.ts';

const names = ['grid', 'lesmis', 'krackhardt_advice', 'disconnected'];
const csrs = names.map((name) => toCsr(loadReference(name).graph));
const DISTANCE_FIELDS = ['farOut', 'reachOut', 'harmonicOut', 'farIn', 'reachIn', 'harmonicIn'] as const;

/** Within a relative `tolerance` of `expected`, element by element. */
function expectNear(actual: Float64Array, expected: Float64Array, tolerance: number, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((value, i) => expect(Math.abs(actual[i]! - value), `${what}[${i}]`).toBeLessThanOrEqual(tolerance * Math.abs(value)));
}

/** A path of `length` nodes and, apart, a pair: a long thin graph with two components. */
function pathCsr(length: number): Csr {
  const s = Int32Array.from({ length: length }, (_, i) => (i < length - 1 ? i : length));
  const t = Int32Array.from({ length: length }, (_, i) => (i < length - 1 ? i + 1 : length + 1));
  const ids = Array.from({ length: length + 2 }, (_, i) => String(i));
  return csrFromEdgeArrays(ids, s, t, new Float64Array(length).fill(1), false);
}

function unitWeights(csr: Csr): Csr {
  return { ...csr, outWeights: new Float64Array(csr.outWeights.length).fill(1), inWeights: new Float64Array(csr.inWeights.length).fill(1) };
}

describe('shortestPathPass', () => {
  it.each(names)('%s: distance-only passes give the full pass\'s distance sums, from all sources or a sample', (name) => {
    const csr = csrs[names.indexOf(name)]!;
    const mask = new Uint8Array(csr.n).fill(1);
    const sample = Int32Array.from({ length: Math.ceil(csr.n / 3) }, (_, i) => (i * 7) % csr.n);
    for (const sources of [undefined, sample]) {
      const full = shortestPathPass(csr, { componentMask: mask, ...(sources ? { sources } : {}) });
      const distances = shortestPathPass(csr, { componentMask: mask, betweenness: false, ...(sources ? { sources } : {}) });
      // Per-target harmonic sums are added level by level in a group, not source by source.
      for (const field of DISTANCE_FIELDS) {
        if (field === 'harmonicIn') expectNear(distances[field], full[field], 1e-14, field);
        else expect(Array.from(distances[field]), field).toEqual(Array.from(full[field]));
      }
      expect([distances.pathSum, distances.pathPairs, distances.diameter]).toEqual([full.pathSum, full.pathPairs, full.diameter]);
      expect(Array.from(distances.betweenness).every((b) => b === 0)).toBe(true);
    }
  });

  it('gives the same numbers however passes of different graphs interleave, and after a cancelled pass', () => {
    const first = csrs.map((csr) => shortestPathPass(csr, {}));
    let calls = 0;
    expect(() => shortestPathPass(csrs[0]!, {}, { isCancelled: () => ++calls > 2 })).toThrow(CancelledError);
    const again = [...csrs].reverse().map((csr) => shortestPathPass(csr, {})).reverse();
    for (let g = 0; g < csrs.length; g++) {
      expect(Array.from(again[g]!.betweenness)).toEqual(Array.from(first[g]!.betweenness));
      expect(Array.from(again[g]!.farOut)).toEqual(Array.from(first[g]!.farOut));
    }
  });

  it.each(names)('%s: the unweighted pass gives what Dijkstra gives with every tie of length 1, before and after it', (name) => {
    const csr = csrs[names.indexOf(name)]!;
    const unit: Csr = { ...csr, outWeights: new Float64Array(csr.outWeights.length).fill(1), inWeights: new Float64Array(csr.inWeights.length).fill(1) };
    const mask = new Uint8Array(csr.n).fill(1);
    const sample = Int32Array.from({ length: Math.ceil(csr.n / 2) }, (_, i) => (i * 5) % csr.n);
    for (const sources of [undefined, sample]) {
      const options = { componentMask: mask, ...(sources ? { sources } : {}) };
      const dijkstra = shortestPathPass(unit, { ...options, weighting: 'distance' });
      const bfs = shortestPathPass(unit, { ...options, weighting: 'none' });
      for (const field of ['betweenness', ...DISTANCE_FIELDS] as const) {
        const expected = Array.from(dijkstra[field]);
        Array.from(bfs[field]).forEach((value, i) => expect(value, `${field}[${i}]`).toBeCloseTo(expected[i]!, 9));
      }
      expect([bfs.pathSum, bfs.pathPairs, bfs.diameter]).toEqual([dijkstra.pathSum, dijkstra.pathPairs, dijkstra.diameter]);
      const again = shortestPathPass(unit, { ...options, weighting: 'distance' });
      expect(Array.from(again.betweenness)).toEqual(Array.from(dijkstra.betweenness));
    }
  });

  const generated: Array<[string, Csr]> = [
    ['random undirected 300/900', randomCsr(300, 900, false, 7)],
    ['random directed 300/900', randomCsr(300, 900, true, 11)],
    ['a path of 150 and a pair', pathCsr(150)],
    ['lesmis', csrs[1]!],
    ['krackhardt_advice', csrs[2]!],
  ];
  it.each(generated)('%s: searches from up to 32 sources at once (distances, and betweenness from their levels) give what one Dijkstra per source gives, over any range', (_, csr) => {
    const unit = unitWeights(csr);
    const mask = new Uint8Array(csr.n);
    for (let i = 0; i < csr.n; i++) mask[i] = i % 4 === 0 ? 0 : 1;
    // A sample longer than two groups, with repeats (a source may come twice in one group).
    const sample = Int32Array.from({ length: 75 }, (_, i) => (i * 13) % Math.min(csr.n, 60));
    for (const sources of [undefined, sample]) {
      const count = sources ? sources.length : csr.n;
      for (const [from, to] of [[0, count], [5, Math.min(count, 77)]] as const) {
        const options = { componentMask: mask, from, to, ...(sources ? { sources } : {}) };
        const dijkstra = shortestPathPass(unit, { ...options, weighting: 'distance' });
        const lanes = shortestPathPass(csr, { ...options, betweenness: false });
        const full = shortestPathPass(csr, options);
        for (const field of DISTANCE_FIELDS) {
          expectNear(lanes[field], dijkstra[field], 1e-12, `${field} ${from}-${to}`);
          expectNear(full[field], dijkstra[field], 1e-12, `${field} ${from}-${to}, full pass`);
        }
        expectNear(full.betweenness, dijkstra.betweenness, 1e-12, `betweenness ${from}-${to}`);
        expect([lanes.pathSum, lanes.pathPairs, lanes.diameter]).toEqual([dijkstra.pathSum, dijkstra.pathPairs, dijkstra.diameter]);
        expect([full.pathSum, full.pathPairs, full.diameter]).toEqual([dijkstra.pathSum, dijkstra.pathPairs, dijkstra.diameter]);
      }
    }
  });

  it('a cancelled distance-only pass leaves nothing behind for the next one', () => {
    const csr = generated[0]![1];
    const first = shortestPathPass(csr, { betweenness: false });
    let calls = 0;
    expect(() => shortestPathPass(csr, { betweenness: false }, { isCancelled: () => ++calls > 2 })).toThrow(CancelledError);
    const again = shortestPathPass(csr, { betweenness: false });
    for (const field of DISTANCE_FIELDS) expect(Array.from(again[field]), field).toEqual(Array.from(first[field]));
  });
});
