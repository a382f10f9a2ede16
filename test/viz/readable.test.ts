import { describe, expect, it } from 'vitest';
import { count, measureText, percentileBand, percentileOf, share } from '../../src/viz/format/readable.ts';

describe('readable numbers', () => {
  it('writes counts and shares without raw decimals', () => {
    expect(count(1234.0)).toBe('1,234');
    expect(count(Number.NaN)).toBe('–');
    expect(share(0.3443)).toBe('34%');
    expect(share(0.004)).toBe('under 1%');
    expect(share(0.996)).toBe('over 99%');
    expect(share(1)).toBe('100%');
    expect(share(0)).toBe('0%');
  });

  it('reads scores as percentile bands against everyone else, blanks left out', () => {
    const column = Float64Array.from([0.5, 0.1, 0.2, 0.3, 0.05, 0.01, 0.02, 0.03, 0.04, 0.06, Number.NaN]);
    expect(percentileOf(column, 0.5)).toBe(95);
    expect(percentileBand(percentileOf(column, 0.5))).toBe('top 10%');
    const thousand = Float64Array.from({ length: 1000 }, (_, i) => i);
    expect(percentileBand(percentileOf(thousand, 999))).toBe('top 1%');
    expect(percentileBand(92)).toBe('top 10%');
    expect(percentileBand(50)).toBe('middle');
    expect(percentileBand(20)).toBe('bottom 25%');
    expect(percentileBand(5)).toBe('bottom 10%');
    expect(measureText({ display: 'percentile' }, column, 0)).toBe('top 10%');
    expect(measureText({ display: 'count' }, Float64Array.from([3]), 0)).toBe('3');
    expect(measureText({ display: 'share' }, Float64Array.from([0.25]), 0)).toBe('25%');
    expect(measureText({ display: 'group' }, Float64Array.from([1]), 0)).toBe('Group 1');
    expect(measureText({ display: 'flag' }, Float64Array.from([1]), 0)).toBe('yes');
    expect(measureText({ display: 'percentile' }, column, 10)).toBe('–');
  });
});
