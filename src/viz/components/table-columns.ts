/**
 * How the tables read, kept apart from the DOM so it can be tested alone: each measure's cells as
 * the metric registry says (a count, a percentage, a percentile band, a group, yes/no), the exact
 * value behind them for a tooltip, and which columns show before the reader picks others.
 */
import type { MetricDefinition } from '../../engine/analysis/metric-registry.ts';
import { measureText, percentileBand, percentileRanker } from '../format/readable.ts';

export { percentileRanker };

/**
 * A measure's cell text for a value of `column`, the same as `measureText` gives for that person
 * ("12", "34%", "top 10%" or, in the measure's own words, "furthest out 10%", "Group 2", "yes");
 * blanks read "–".
 */
export function measureReader(metric: Pick<MetricDefinition, 'display' | 'ends'>, column: ArrayLike<number>): (value: number) => string {
  if (metric.display === 'percentile') {
    const rank = percentileRanker(column);
    return (value) => (Number.isNaN(value) ? '–' : percentileBand(rank(value), metric.ends));
  }
  // Counts, shares, groups and flags read from the value alone: measureText of a one-value column.
  const one = new Float64Array(1);
  return (value) => {
    one[0] = value;
    return measureText(metric, one, 0);
  };
}

/** One formatter for every cell: toLocaleString with options builds one per call (25 µs each, a table's tooltips 9 ms). */
const SIX_DIGITS = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });

/** A raw value in full for a tooltip ("0.0599123", "12"); blanks say so. */
export function exactValue(value: number | string): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return 'no value';
  if (Number.isInteger(value)) return value.toLocaleString('en');
  return SIX_DIGITS.format(value);
}

/**
 * A percentile as a whole number, except where rounding would claim the very top or bottom: the
 * best of 140 people is at 99.6, not 100 (no one is above everyone, themselves included).
 */
export function percentText(percentile: number): string {
  if (!Number.isFinite(percentile)) return '–';
  const whole = Math.round(percentile);
  if ((whole === 100 && percentile < 100) || (whole === 0 && percentile > 0)) return percentile.toFixed(1);
  return String(whole);
}

/** A measure's header: its plain label, marked when sampled people gave an estimate. */
export function measureHeader(metric: Pick<MetricDefinition, 'label' | 'estimated'>, approximated: boolean): string {
  return metric.estimated && approximated ? `${metric.label} (estimate)` : metric.label;
}

/**
 * The measures the people table shows before the reader picks others, most telling for a weaver
 * first: how connected, how much they bridge, how far they reach, how far out they sit.
 */
export const KEY_MEASURES: readonly string[] = ['degree', 'inDegree', 'betweenness', 'reach2', 'peripheryScore', 'pagerank', 'closeness', 'coreness'];

export interface PeopleColumnChoice {
  attributes: string[];
  measures: string[];
}

/** Whether an attribute only says yes or no (a survey's `responded`): it describes no one by itself. */
function yesNo(values: readonly string[]): boolean {
  return values.every((v) => v === 'true' || v === 'false');
}

/**
 * Which attribute and measure columns show by default: the first `attributes` categorical
 * attributes (a sector, a region: emails and ids are not categorical) that say more than yes or
 * no, and the first `measures` of KEY_MEASURES the run has (topped up in registry order when it
 * has fewer). Everything else is one click away.
 */
export function defaultPeopleColumns(categorical: ReadonlyArray<{ key: string; values: readonly string[] }>, metricIds: readonly string[], limits = { attributes: 2, measures: 5 }): PeopleColumnChoice {
  const attributes = categorical
    .filter((a) => !yesNo(a.values))
    .map((a) => a.key)
    .slice(0, limits.attributes);
  const available = new Set(metricIds);
  const measures = KEY_MEASURES.filter((id) => available.has(id)).slice(0, limits.measures);
  for (const id of metricIds) {
    if (measures.length >= limits.measures) break;
    if (!measures.includes(id)) measures.push(id);
  }
  return { attributes, measures };
}

/**
 * The reader's pick of columns: which columns they were offered and which of those they show.
 * A column they were never offered (a new attribute, a measure of another kind of network) shows
 * as its default says.
 */
export interface ColumnChoice {
  offered: ReadonlySet<string>;
  shown: ReadonlySet<string>;
}

interface Choosable {
  key: string;
  optional?: boolean;
}

function isShown(column: Choosable, choice: ColumnChoice | null): boolean {
  return choice !== null && choice.offered.has(column.key) ? choice.shown.has(column.key) : !column.optional;
}

/** The columns to draw, in their own order: the first (the row's name) always, then those shown. */
export function shownColumns<C extends Choosable>(columns: readonly C[], choice: ColumnChoice | null): C[] {
  return columns.filter((c, i) => i === 0 || isShown(c, choice));
}

/** The choice after the reader ticks (`on`) or unticks a column, every column on offer now recorded as it shows. */
export function toggleColumn(columns: readonly Choosable[], choice: ColumnChoice | null, key: string, on: boolean): ColumnChoice {
  const offered = new Set(choice?.offered ?? []);
  const shown = new Set(choice?.shown ?? []);
  for (const column of columns) {
    if (offered.has(column.key)) continue;
    offered.add(column.key);
    if (!column.optional) shown.add(column.key);
  }
  if (on) shown.add(key);
  else shown.delete(key);
  return { offered, shown };
}
