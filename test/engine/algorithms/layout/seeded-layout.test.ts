/** The seeded layout: the same network and seed give the same positions; progress; cancellation. */
import { describe, expect, it } from 'vitest';
import { seededLayout } from '../../../../src/engine/algorithms/layout/seeded-layout.ts';
import { CancelledError } from '../../../../src/engine/core/util/cancel.ts';

const ring = { n: 30, source: Int32Array.from({ length: 30 }, (_, i) => i), target: Int32Array.from({ length: 30 }, (_, i) => (i + 1) % 30) };

describe('seededLayout', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = seededLayout(ring, { seed: 7, iterations: 50 });
    expect(a).toHaveLength(60);
    expect(a.every(Number.isFinite)).toBe(true);
    expect(seededLayout(ring, { seed: 7, iterations: 50 })).toEqual(a);
    expect(seededLayout(ring, { seed: 8, iterations: 50 })).not.toEqual(a);
  });

  it('reports progress per batch and stops when cancelled', () => {
    const seen: number[] = [];
    seededLayout(ring, { iterations: 30, batch: 10 }, { onProgress: (step, f) => step === 'layout' && seen.push(f) });
    expect(seen).toEqual([0, 1 / 3, 2 / 3, 1]);
    let calls = 0;
    expect(() => seededLayout(ring, { iterations: 100, batch: 10 }, { isCancelled: () => ++calls > 2 })).toThrow(CancelledError);
  });

  it('handles an empty network', () => {
    expect(seededLayout({ n: 0, source: [], target: [] })).toHaveLength(0);
  });
});
