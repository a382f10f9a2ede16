import { describe, expect, it } from 'vitest';
import { bandRanges, count, measureText, percentileBand, percentileOf, share } from '../../src/viz/format/readable.ts';
import { METRICS, metricDefinition } from '../../src/engine/analysis/metric-registry.ts';

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

  it("reads a percentile band in the measure's own words, so the edge never reads backwards", () => {
    const edge = metricDefinition('peripheryScore')!;
    const core = metricDefinition('coreScore')!;
    const column = Float64Array.from({ length: 100 }, (_, i) => i / 100);
    // The person furthest out, and a core member (lowest periphery score).
    expect(measureText(edge, column, 99)).toBe('furthest out 1%');
    expect(measureText(edge, column, 95)).toBe('furthest out 10%');
    expect(measureText(edge, column, 0)).toBe('furthest in 10%');
    expect(measureText(edge, column, 20)).toBe('furthest in 25%');
    expect(measureText(edge, column, 50)).toBe('middle');
    expect(measureText(core, column, 95)).toBe('most central 10%');
    expect(measureText(core, column, 3)).toBe('furthest out 10%');
    expect(percentileBand(80, { high: 'most central', low: 'furthest out' })).toBe('most central 25%');
    // Measures without words of their own read top and bottom.
    expect(measureText({ display: 'percentile' }, column, 95)).toBe('top 10%');
  });

  it("gives words for both ends to the percentile measures whose top and bottom would read wrong", () => {
    for (const id of ['peripheryScore', 'coreScore', 'constraint']) {
      const ends = metricDefinition(id)!.ends;
      expect(ends, id).toBeDefined();
      expect(ends!.high).not.toBe(ends!.low);
    }
    // Ends only mean something for a band.
    for (const m of METRICS) if ('ends' in m) expect(m.display, m.id).toBe('percentile');
  });

  it('turns each band into the range of raw values its people hold, for the filter', () => {
    const column = Float64Array.from([...Array.from({ length: 20 }, (_, i) => i), Number.NaN]);
    const bands = bandRanges(column, { high: 'furthest out', low: 'furthest in' });
    const byId = Object.fromEntries(bands.map((b) => [b.id, b]));
    // Twenty people: no one is in the top 1% (the best is at 97.5).
    expect(bands.map((b) => b.id)).toEqual(['top10', 'top25', 'middle', 'bottom25', 'bottom10']);
    expect(byId.top10).toMatchObject({ label: 'furthest out 10%', min: 18, max: 19, people: 2 });
    expect(byId.top25).toMatchObject({ min: 15, max: 19, people: 5 });
    expect(byId.middle).toMatchObject({ label: 'middle half', min: 5, max: 14, people: 10 });
    expect(byId.bottom25).toMatchObject({ label: 'furthest in 25%', min: 0, max: 4, people: 5 });
    expect(byId.bottom10).toMatchObject({ min: 0, max: 1, people: 2 });
    // Each band's range holds exactly the people whose percentile is in the band.
    for (const band of bands) {
      for (let i = 0; i < 20; i++) expect(i >= band.min && i <= band.max, `${band.id} ${i}`).toBe(band.holds(percentileOf(column, i)));
    }
    // Ties share one percentile, so a band never splits people with the same value.
    const level = bandRanges(Float64Array.from([1, 1, 1, 1, 2]));
    expect(level.map((b) => [b.id, b.people])).toEqual([['top10', 1], ['top25', 1], ['middle', 4]]);
  });
});
