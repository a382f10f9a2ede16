/**
 * An indicator's curve: the actuals as a line, the targets as diamonds, the baseline as a dashed
 * rule and the trend of the actuals as a dashed line carried forward, each named in the legend
 * (the trend as a trend, never a prediction). The same points are in a table beside it.
 */
import type { Markish } from '@observablehq/plot';
import type { IndicatorReport } from '../../engine/features/results/analyze-results.ts';
import { CATEGORY_COLORS } from '../map/palette.ts';
import { accessibleChart, useChart } from './chart.ts';
import { value, when } from './results-words.ts';

const ACTUAL = CATEGORY_COLORS[0];
const TARGET = CATEGORY_COLORS[1];
const TREND = CATEGORY_COLORS[2];

const day = (date: string): Date => new Date(`${date}T00:00:00Z`);

export function IndicatorCurve({ indicator }: { indicator: IndicatorReport }) {
  const host = useChart((Plot) => {
    const actuals = indicator.points.filter((p) => p.actual !== undefined).map((p) => ({ date: day(p.date), value: p.actual! }));
    const targets = indicator.points.filter((p) => p.target !== undefined).map((p) => ({ date: day(p.date), value: p.target! }));
    const trend = indicator.trend ? [...indicator.trend.fitted, ...indicator.trend.forecast].map((p) => ({ date: day(p.date), value: p.value })) : [];
    const marks: Markish[] = [
      ...(indicator.baseline !== null ? [Plot.ruleY([indicator.baseline], { stroke: '#777777', strokeDasharray: '2 3' })] : []),
      Plot.line(trend, { x: 'date', y: 'value', stroke: TREND, strokeDasharray: '6 4', strokeWidth: 1.5 }),
      Plot.line(actuals, { x: 'date', y: 'value', stroke: ACTUAL, strokeWidth: 2 }),
      Plot.dot(actuals, { x: 'date', y: 'value', fill: ACTUAL, r: 3 }),
      Plot.dot(targets, { x: 'date', y: 'value', stroke: TARGET, fill: 'white', symbol: 'diamond', r: 5, strokeWidth: 2 }),
    ];
    const chart = Plot.plot({
      width: 420,
      height: 220,
      marginLeft: 44,
      x: { type: 'utc', label: null },
      y: { label: indicator.id, grid: true, nice: true },
      marks,
      ariaLabel: `${indicator.id}: actuals, targets${indicator.baseline !== null ? ', baseline' : ''}${indicator.trend ? ' and the trend of the actuals' : ''} over time; the table below lists them`,
    });
    return accessibleChart(chart);
  }, [indicator]);
  return (
    <figure class="indicator-curve">
      <div class="chart" ref={host} />
      <figcaption class="curve-legend">
        <span class="key" style={{ background: ACTUAL }} /> actual <span class="key diamond" style={{ borderColor: TARGET }} /> target
        {indicator.baseline !== null && (
          <>
            {' '}
            <span class="key dashed" /> baseline {value(indicator.baseline)}
          </>
        )}
        {indicator.trend && (
          <>
            {' '}
            <span class="key dashed" style={{ borderColor: TREND }} /> trend of the actuals: where the curve goes if nothing changes, not a prediction
          </>
        )}
      </figcaption>
    </figure>
  );
}

/** The curve's points as a table: date, actual, target, and the trend where it is drawn. */
export function CurveTable({ indicator }: { indicator: IndicatorReport }) {
  const trend = new Map([...(indicator.trend?.fitted ?? []), ...(indicator.trend?.forecast ?? [])].map((p) => [p.date, p.value]));
  const byDate = new Map(indicator.points.map((p) => [p.date, p]));
  const dates = [...new Set([...byDate.keys(), ...trend.keys()])].sort();
  return (
    <table class="metrics curve-table">
      <caption>{indicator.id}: the values behind the curve</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Actual</th>
          <th scope="col">Target</th>
          <th scope="col">Trend</th>
        </tr>
      </thead>
      <tbody>
        {dates.map((d) => {
          const p = byDate.get(d);
          const t = trend.get(d);
          return (
            <tr key={d}>
              <th scope="row">{when(d)}</th>
              <td>{p?.actual !== undefined ? value(p.actual) : ''}</td>
              <td>{p?.target !== undefined ? value(p.target) : ''}</td>
              <td>{t !== undefined ? value(t) : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
