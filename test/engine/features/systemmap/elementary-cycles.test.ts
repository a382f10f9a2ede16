/**
 * The cycle enumerator against a brute-force search on random graphs (fast-check), and its
 * behaviour on maps with millions of loops: the count limit stops it quickly, and it can be
 * cancelled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../../src/engine/core/util/cancel.ts';
import { createRng } from '../../../../src/engine/core/util/rng.ts';
import { elementaryCycles } from '../../../../src/engine/features/systemmap/elementary-cycles.ts';
import { findFeedbackLoops } from '../../../../src/engine/features/systemmap/loops.ts';
import { emptySystemMap } from '../../../../src/engine/core/model/systemmap.ts';
import type { SystemMap } from '../../../../src/engine/core/model/systemmap.ts';

function csr(n: number, arcs: ReadonlyArray<readonly [number, number]>): { offsets: Int32Array; targets: Int32Array } {
  const unique = [...new Map(arcs.map(([u, v]) => [u * n + v, [u, v] as const])).values()];
  const offsets = new Int32Array(n + 1);
  for (const [u] of unique) offsets[u + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(unique.length);
  for (const [u, v] of unique) targets[cursor[u]!++] = v;
  return { offsets, targets };
}

/** Every simple cycle by depth-first search from each start over larger vertices only. */
function bruteForce(n: number, arcs: ReadonlyArray<readonly [number, number]>): string[] {
  const out = Array.from({ length: n }, () => new Set<number>());
  for (const [u, v] of arcs) out[u]!.add(v);
  const found: string[] = [];
  for (let s = 0; s < n; s++) {
    const path = [s];
    const visit = (v: number): void => {
      for (const w of out[v]!) {
        if (w === s) found.push(path.join(','));
        else if (w > s && !path.includes(w)) {
          path.push(w);
          visit(w);
          path.pop();
        }
      }
    };
    visit(s);
  }
  return found.sort();
}

const graphArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 24 }),
  }),
);

function denseSignedMap(n: number, p: number, seed: number): SystemMap {
  const rng = createRng(seed);
  const map = emptySystemMap('dense');
  map.factors = Array.from({ length: n }, (_, i) => ({ id: `F${i}`, label: `Factor ${i}`, description: '', tags: [], attributes: {} }));
  for (let u = 0; u < n; u++) {
    for (let v = 0; v < n; v++) {
      if (u !== v && rng() < p) map.links.push({ id: `${u}-${v}`, from: `F${u}`, to: `F${v}`, polarity: rng() < 0.5 ? '-' : '+', delay: false });
    }
  }
  return map;
}

describe('elementaryCycles', () => {
  it('finds exactly the cycles a brute-force search finds, each starting at its smallest vertex', () => {
    fc.assert(
      fc.property(graphArb, ({ n, arcs }) => {
        const { offsets, targets } = csr(n, arcs);
        const got = elementaryCycles(n, offsets, targets);
        for (const cycle of got.cycles) expect(cycle[0]).toBe(Math.min(...cycle));
        expect(got.cycles.map((c) => c.join(',')).sort()).toEqual(bruteForce(n, arcs));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('with a length limit finds exactly the brute-force cycles that short', () => {
    fc.assert(
      fc.property(graphArb, fc.integer({ min: 1, max: 8 }), ({ n, arcs }, limit) => {
        const { offsets, targets } = csr(n, arcs);
        const got = elementaryCycles(n, offsets, targets, { maxLength: limit });
        const want = bruteForce(n, arcs).filter((c) => c.split(',').length <= limit);
        expect(got.cycles.map((c) => c.join(',')).sort()).toEqual(want);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('handles a long single cycle without recursion', () => {
    const n = 20_000;
    const arcs = Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as const);
    const { offsets, targets } = csr(n, arcs);
    const got = elementaryCycles(n, offsets, targets);
    expect(got.cycles).toHaveLength(1);
    expect(got.cycles[0]).toHaveLength(n);
  });
});

describe('maps with millions of loops', () => {
  it('a dense 30-factor signed map stops at the count limit and says so', () => {
    const map = denseSignedMap(30, 0.5, 42);
    const result = findFeedbackLoops(map, { maxLoops: 5000 });
    expect(result.loops).toHaveLength(5000);
    expect(result.complete).toBe(false);
    expect(result.limits.countLimitHit).toBe(true);
    expect(result.notes[0]!.message).toMatch(/stopped after 5,000 loops/);
    expect(result.reinforcing + result.balancing).toBe(5000);
  });

  it('with a length limit the dense map lists its short loops completely', () => {
    const map = denseSignedMap(30, 0.5, 42);
    const result = findFeedbackLoops(map, { maxLength: 3, maxLoops: 1_000_000 });
    expect(result.limits.countLimitHit).toBe(false);
    expect(result.limits.lengthLimitMayHide).toBe(true);
    expect(result.notes.map((n) => n.code)).toEqual(['loop-length-limit']);
    expect(result.loops.every((l) => l.length <= 3)).toBe(true);
    // Every 2-cycle of the map is there.
    const pairs = map.links.filter((l) => map.links.some((m) => m.from === l.to && m.to === l.from)).length / 2;
    expect(result.loops.filter((l) => l.length === 2)).toHaveLength(pairs);
  });

  it('can be cancelled, and reports progress', () => {
    const map = denseSignedMap(30, 0.6, 3);
    let calls = 0;
    const fractions: number[] = [];
    expect(() =>
      findFeedbackLoops(map, { maxLoops: 10_000_000 }, {
        isCancelled: () => ++calls > 20,
        onProgress: (step, fraction) => {
          if (step === 'feedback loops') fractions.push(fraction);
        },
      }),
    ).toThrow(CancelledError);
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
  });
});
