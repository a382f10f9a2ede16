/**
 * The distance-only search (betweenness: false) gives the distance sums of the full pass, the
 * unweighted search (renumbered rows, path counts and dependencies pulled over whole rows) gives
 * what Dijkstra gives with every tie of length 1, and scratch reused from one pass to the next (of
 * another graph, weighted or not, or after a cancelled pass) never leaks into the next result.
 */
import { describe, expect, it } from 'vitest';
import { toCsr, type Csr } from '../../../../src/engine/core/graph/csr.ts';
import { shortestPathPass } from '../../../../src/engine/algorithms/metrics/shortest-paths.ts';
import { CancelledError } from '../../../../src/engine/core/util/cancel.ts';
import { loadReference } from '../../../helpers/reference.ts';

const names = ['grid', 'lesmis', 'krackhardt_advice', 'disconnected'];
const csrs = names.map((name) => toCsr(loadReference(name).graph));
const DISTANCE_FIELDS = ['farOut', 'reachOut', 'harmonicOut', 'farIn', 'reachIn', 'harmonicIn'] as const;

describe('shortestPathPass', () => {
  it.each(names)('%s: distance-only passes give the full pass\'s distance sums, from all sources or a sample', (name) => {
    const csr = csrs[names.indexOf(name)]!;
    const mask = new Uint8Array(csr.n).fill(1);
    const sample = Int32Array.from({ length: Math.ceil(csr.n / 3) }, (_, i) => (i * 7) % csr.n);
    for (const sources of [undefined, sample]) {
      const full = shortestPathPass(csr, { componentMask: mask, ...(sources ? { sources } : {}) });
      const distances = shortestPathPass(csr, { componentMask: mask, betweenness: false, ...(sources ? { sources } : {}) });
      for (const field of DISTANCE_FIELDS) expect(Array.from(distances[field]), field).toEqual(Array.from(full[field]));
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
});
