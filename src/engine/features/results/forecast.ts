/**
 * The trend of an indicator's actuals: the least-squares line through (date, actual), dates in
 * years, carried forward a few periods. It is labelled as a trend wherever it is shown: it says
 * where the curve goes if nothing changes (RBA's "forecast" baseline), not what will happen.
 * And the turn-the-curve table of one indicator as spreadsheet-safe CSV.
 */
import { toCsv } from '../../io/csv-cells.ts';
import type { DataPoint } from '../../core/model/results.ts';

export const TREND_LABEL = 'Trend of the actuals (least-squares line): where the curve goes if nothing changes, not a prediction';

export interface TrendPoint {
  date: string;
  value: number;
}

export interface Trend {
  method: 'least-squares-line';
  label: string;
  /** Change per year, in the indicator's units. */
  slopePerYear: number;
  /** Actuals the line was fitted to. */
  basis: number;
  /** The line at each actual's date. */
  fitted: TrendPoint[];
  /** The line carried forward: at the later targets' dates and `periods` steps past the last actual. */
  forecast: TrendPoint[];
}

export interface TrendOptions {
  /** Steps past the last actual, each the usual gap between actuals. Default 3. */
  periods?: number;
}

export const DEFAULT_FORECAST_PERIODS = 3;

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.2425;
const toYears = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS / YEAR_DAYS;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** `date` moved by `months` calendar months: the same day of the month, or the month's last day when it is shorter. */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
  return iso(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

/** The usual step between dates: whole months when every date is on the same day of the month, else days. */
function nextDates(dates: readonly string[], periods: number): string[] {
  const last = dates.at(-1)!;
  const sameDay = dates.every((d) => d.slice(8) === last.slice(8));
  const gaps: number[] = [];
  for (let i = 1; i < dates.length; i++) {
    const [a, b] = [dates[i - 1]!, dates[i]!];
    gaps.push(sameDay ? (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7)) : (Date.parse(b) - Date.parse(a)) / DAY_MS);
  }
  gaps.sort((x, y) => x - y);
  const step = Math.max(1, gaps[Math.floor((gaps.length - 1) / 2)]!);
  return Array.from({ length: periods }, (_, k) => (sameDay ? addMonths(last, step * (k + 1)) : iso(Date.parse(`${last}T00:00:00Z`) + step * (k + 1) * DAY_MS)));
}

/** The least-squares trend of the actuals; null with fewer than two actuals on different dates. */
export function linearTrend(points: readonly DataPoint[], options: TrendOptions = {}): Trend | null {
  const periods = options.periods ?? DEFAULT_FORECAST_PERIODS;
  const actuals = points.filter((p): p is DataPoint & { actual: number } => p.actual !== undefined);
  if (actuals.length < 2) return null;
  const xs = actuals.map((p) => toYears(p.date));
  const meanX = xs.reduce((s, x) => s + x, 0) / xs.length;
  const meanY = actuals.reduce((s, p) => s + p.actual, 0) / actuals.length;
  let sxx = 0;
  let sxy = 0;
  actuals.forEach((p, i) => {
    sxx += (xs[i]! - meanX) ** 2;
    sxy += (xs[i]! - meanX) * (p.actual - meanY);
  });
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const at = (date: string): TrendPoint => ({ date, value: meanY + slope * (toYears(date) - meanX) });
  const last = actuals.at(-1)!.date;
  const later = points.filter((p) => p.date > last && p.target !== undefined).map((p) => p.date);
  const ahead = [...new Set([...later, ...nextDates(actuals.map((p) => p.date), periods)])].sort();
  return { method: 'least-squares-line', label: TREND_LABEL, slopePerYear: slope, basis: actuals.length, fitted: actuals.map((p) => at(p.date)), forecast: ahead.map(at) };
}

/** The indicator the turn-the-curve table is made from. */
export interface CurveInput {
  id: string;
  baseline?: number | null;
  points: readonly DataPoint[];
  trend: Trend | null;
}

export const TURN_THE_CURVE_COLUMNS = ['indicator', 'date', 'actual', 'target', 'baseline', 'trend', 'trend_note'] as const;

/**
 * One row per date: the actual and target, the baseline, and the trend (fitted at the actuals'
 * dates, carried forward after them, marked so in `trend_note`). Text cells a spreadsheet could
 * run as formulas are neutralised.
 */
export function turnTheCurveCsv(indicator: CurveInput): string {
  const trend = new Map<string, { value: number; ahead: boolean }>();
  for (const p of indicator.trend?.fitted ?? []) trend.set(p.date, { value: p.value, ahead: false });
  for (const p of indicator.trend?.forecast ?? []) trend.set(p.date, { value: p.value, ahead: true });
  const dates = [...new Set([...indicator.points.map((p) => p.date), ...trend.keys()])].sort();
  const byDate = new Map(indicator.points.map((p) => [p.date, p]));
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  const rows = dates.map((date) => {
    const p = byDate.get(date);
    const t = trend.get(date);
    return [indicator.id, date, p?.actual ?? '', p?.target ?? '', indicator.baseline ?? '', t === undefined ? '' : round(t.value), t === undefined ? '' : t.ahead ? 'trend carried forward (not a prediction)' : 'trend line'];
  });
  return `${toCsv([...TURN_THE_CURVE_COLUMNS], rows)}\n`;
}
