import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { histogram, niceStep } from '../../src/viz/components/histogram.ts';

describe('histogram', () => {
  it('bins whole numbers in nice widths, never narrower than one', () => {
    expect(histogram(Float64Array.from([0, 1, 1, 2, 5]), { bins: 20, integers: true })).toEqual([0, 1, 2, 3, 4, 5].map((x) => ({ x1: x, x2: x + 1, count: [1, 2, 1, 0, 0, 1][x] })));
    const wide = histogram(Float64Array.from([3, 17, 250, 773]), { bins: 20, integers: true });
    expect(wide[0]).toEqual({ x1: 0, x2: 50, count: 2 });
    expect(wide.at(-1)).toEqual({ x1: 750, x2: 800, count: 1 });
  });

  it('uses 1, 2 or 5 times a power of ten', () => {
    expect([niceStep(773, 20), niceStep(1, 20), niceStep(0.9, 4), niceStep(0, 20)]).toEqual([50, 0.05, 0.5, 1]);
  });

  it('counts every finite value once, in the bin that holds it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constant(Number.NaN)), { maxLength: 200 }), (values) => {
        const bins = histogram(Float64Array.from(values), { bins: 20, integers: true });
        const finite = values.filter(Number.isFinite);
        expect(bins.reduce((a, b) => a + b.count, 0)).toBe(finite.length);
        for (const v of finite) expect(bins.some((b) => b.x1 <= v && v < b.x2 && b.count > 0)).toBe(true);
      }),
    );
  });

  it('is empty without values', () => {
    expect(histogram(new Float64Array(0))).toEqual([]);
  });
});
