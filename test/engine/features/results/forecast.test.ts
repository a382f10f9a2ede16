/**
 * The trend of the actuals against numpy.polyfit (test/reference/results_trend.py on the
 * coalition sample's indicators), where it is carried to, when there is none, and the
 * turn-the-curve CSV (spreadsheet-safe, the trend marked as such).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { linearTrend, turnTheCurveCsv, TREND_LABEL } from '../../../../src/engine/features/results/forecast.ts';
import { importResultsFiles } from '../../../../src/engine/features/results/import-results.ts';
import { coalitionResultsFiles, ROOT } from './helpers.ts';

const reference = JSON.parse(readFileSync(`${ROOT}test/reference/results_trend.json`, 'utf8')) as { indicators: Record<string, { slope_per_year: number; fitted: Record<string, number>; ahead: Record<string, number> }> };
// The indicators file alone: the reference fits its rows, not the scorecard's.
const set = orThrow(importResultsFiles(coalitionResultsFiles().filter((f) => f.kind === 'indicators'))).value;

describe('linearTrend', () => {
  it('fits the least-squares line numpy fits, and carries it forward', () => {
    for (const [id, ref] of Object.entries(reference.indicators)) {
      const trend = linearTrend(set.indicators.find((i) => i.id === id)!.points)!;
      expect(trend.label).toBe(TREND_LABEL);
      expect(trend.slopePerYear, id).toBeCloseTo(ref.slope_per_year, 9);
      expect(trend.fitted.map((p) => p.date)).toEqual(Object.keys(ref.fitted).sort());
      for (const p of trend.fitted) expect(p.value, `${id} ${p.date}`).toBeCloseTo(ref.fitted[p.date]!, 9);
      for (const p of trend.forecast.filter((f) => f.date in ref.ahead)) expect(p.value, `${id} ${p.date}`).toBeCloseTo(ref.ahead[p.date]!, 9);
    }
  });

  it('goes to the later targets and three steps of the usual gap past the last actual', () => {
    const asthma = set.indicators.find((i) => i.id.startsWith('Asthma'))!;
    expect(linearTrend(asthma.points)!.forecast.map((p) => p.date)).toEqual(['2025-01-01', '2026-01-01', '2027-01-01']);
    const monthly = linearTrend([{ date: '2024-01-31', actual: 1 }, { date: '2024-03-31', actual: 3 }, { date: '2024-05-31', actual: 4 }], { periods: 2 })!;
    expect(monthly.forecast.map((p) => p.date)).toEqual(['2024-07-31', '2024-09-30']);
    const daily = linearTrend([{ date: '2024-01-01', actual: 1 }, { date: '2024-01-08', actual: 2 }, { date: '2024-01-16', actual: 3 }], { periods: 1 })!;
    // Gaps of 7 and 8 days: the lower median.
    expect(daily.forecast.map((p) => p.date)).toEqual(['2024-01-23']);
  });

  it('has no trend below two actuals on different dates', () => {
    expect(linearTrend([{ date: '2024-01-01', actual: 1 }, { date: '2025-01-01', target: 3 }])).toBeNull();
    expect(linearTrend([])).toBeNull();
  });
});

describe('turnTheCurveCsv', () => {
  it('writes actual, target, baseline and the trend per date, marking the trend carried forward', () => {
    const jobs = set.indicators.find((i) => i.id.startsWith('Clean energy jobs'))!;
    const csv = turnTheCurveCsv({ ...jobs, trend: linearTrend(jobs.points) });
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('indicator,date,actual,target,baseline,trend,trend_note');
    expect(lines[1]).toMatch(/^Clean energy jobs per 1000 workers,2020-01-01,11\.2,,11\.2,[\d.]+,trend line$/);
    expect(lines.at(-1)).toMatch(/^Clean energy jobs per 1000 workers,2027-01-01,,,11\.2,[\d.]+,trend carried forward \(not a prediction\)$/);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const csv = turnTheCurveCsv({ id: '=HYPERLINK("x")', points: [{ date: '2024-01-01', actual: -5 }], trend: null });
    expect(csv.split('\n')[1]).toBe(`"'=HYPERLINK(""x"")",2024-01-01,-5,,,,`);
  });
});
