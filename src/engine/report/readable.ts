/**
 * Numbers as a network weaver reads them: counts as counts, shares as percentages, and scores
 * that only mean something against others (bridging, influence) as a percentile band. Raw values
 * stay in the profile's details, the CSV and the report.
 */
import type { MetricDefinition } from '../analysis/metric-registry.ts';
import type { BetweennessBound } from '../analysis/compute-metrics.ts';

/** A whole count with thousands separators ("1,234"); a dash when there is none. */
export function count(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return Math.round(value).toLocaleString('en');
}

/** A share 0..1 as a percentage ("34%", "under 1%", "100%"). */
export function share(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const percent = value * 100;
  if (percent > 0 && percent < 1) return 'under 1%';
  if (percent < 100 && percent > 99) return 'over 99%';
  return `${Math.round(percent)}%`;
}

/**
 * Where `value` stands among the values of `column` (blanks left out), 0..100, by mid-rank: the
 * share below it plus half the share equal to it. The top of ten people is at 95, the top of
 * a thousand at 99.95, so a band never claims more precision than the network has people.
 */
export function percentileOf(column: ArrayLike<number>, value: number): number {
  let below = 0;
  let equal = 0;
  let counted = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (Number.isNaN(v)) continue;
    counted++;
    if (v < value) below++;
    else if (v === value) equal++;
  }
  return counted === 0 ? 0 : (100 * (below + equal / 2)) / counted;
}

/** How the two ends of a measure read: "top" and "bottom" unless the registry says otherwise. */
export interface BandEnds {
  readonly high: string;
  readonly low: string;
}

export const PLAIN_ENDS: BandEnds = { high: 'top', low: 'bottom' };

/**
 * A percentile 0..100 as a band a person reads at a glance ("top 10%", "middle", "bottom 25%"),
 * in the measure's own words when it has them (`ends`): at the edge, "furthest out 10%" and
 * "furthest in 25%".
 */
export function percentileBand(percentile: number, ends: BandEnds = PLAIN_ENDS): string {
  if (!Number.isFinite(percentile)) return '–';
  if (percentile >= 99) return `${ends.high} 1%`;
  if (percentile >= 90) return `${ends.high} 10%`;
  if (percentile >= 75) return `${ends.high} 25%`;
  if (percentile > 25) return 'middle';
  if (percentile > 10) return `${ends.low} 25%`;
  return `${ends.low} 10%`;
}

/** A band to keep people by, as the range filter offers it: the same cut-offs as percentileBand. */
export interface BandChoice {
  /** 'top1' ... 'bottom10'. */
  id: string;
  /** "furthest out 10%". */
  label: string;
  /** Whether a percentile falls in it. */
  holds: (percentile: number) => boolean;
}

export function bandChoices(ends: BandEnds = PLAIN_ENDS): BandChoice[] {
  return [
    { id: 'top1', label: `${ends.high} 1%`, holds: (p) => p >= 99 },
    { id: 'top10', label: `${ends.high} 10%`, holds: (p) => p >= 90 },
    { id: 'top25', label: `${ends.high} 25%`, holds: (p) => p >= 75 },
    { id: 'middle', label: 'middle half', holds: (p) => p > 25 && p < 75 },
    { id: 'bottom25', label: `${ends.low} 25%`, holds: (p) => p <= 25 },
    { id: 'bottom10', label: `${ends.low} 10%`, holds: (p) => p <= 10 },
  ];
}

/** A band with the raw values that bound it in one column, and how many people it holds. */
export interface BandRange extends BandChoice {
  min: number;
  max: number;
  people: number;
}

/**
 * Each band of `bandChoices` as a range of raw values of `column` (blanks left out), for a
 * filter that keeps people by value: a percentile rises with the value, so the people of a band
 * are exactly those between its smallest and largest value. Bands no one falls in are left out.
 * One sort of the column.
 */
export function bandRanges(column: ArrayLike<number>, ends: BandEnds = PLAIN_ENDS): BandRange[] {
  const sorted = Float64Array.from(column).filter((v) => !Number.isNaN(v)).sort();
  const n = sorted.length;
  const out = bandChoices(ends).map((choice) => ({ ...choice, min: Infinity, max: -Infinity, people: 0 }));
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    const value = sorted[start]!;
    const percentile = (100 * (start + (end - start) / 2)) / n;
    for (const band of out) {
      if (!band.holds(percentile)) continue;
      band.min = Math.min(band.min, value);
      band.max = Math.max(band.max, value);
      band.people += end - start;
    }
    start = end;
  }
  return out.filter((band) => band.people > 0);
}

/**
 * One person's value of a measure, as the registry says it reads: a count, a share, a band (in
 * the measure's words for its ends), a group, yes/no.
 */
export function measureText(metric: Pick<MetricDefinition, 'display' | 'ends'>, column: ArrayLike<number>, index: number): string {
  const value = column[index]!;
  if (Number.isNaN(value)) return '–';
  switch (metric.display) {
    case 'count':
      return count(value);
    case 'share':
      return share(value);
    case 'group':
      // Groups are numbered from 1 in the analysis itself, as in the CSV and the report.
      return `Group ${count(value)}`;
    case 'flag':
      return value === 1 ? 'yes' : 'no';
    default:
      return percentileBand(percentileOf(column, value), metric.ends);
  }
}

/**
 * The percentile of a value among a column's values (blanks left out), by mid-rank exactly as
 * `percentileOf` reads it, but after one sort of the column: each look-up is two binary searches
 * instead of a pass over every person, so a table of 50,000 people draws its bands in no time.
 * The sort happens on the first look-up, once per column object (see sortedValues).
 */
export function percentileRanker(column: ArrayLike<number>): (value: number) => number {
  let sorted: Float64Array | null = null;
  return (value) => {
    sorted ??= sortedValues(column);
    const n = sorted.length;
    if (n === 0) return 0;
    const below = firstAtLeast(sorted, value, false);
    const upTo = firstAtLeast(sorted, value, true);
    return (100 * (below + (upTo - below) / 2)) / n;
  };
}

const sortedCache = new WeakMap<object, Float64Array>();

/**
 * A column's values ascending, blanks (NaN) left out; sorted once per column object, so that a
 * view can sort its columns ahead, a slice at a time, before a table reads them.
 */
export function sortedValues(column: ArrayLike<number>): Float64Array {
  let sorted = sortedCache.get(column);
  if (sorted === undefined) {
    // A typed array sorts NaN last: cut there, rather than filter a copy first (a third of
    // the time at 50,000 people).
    const all = Float64Array.from(column).sort();
    let end = all.length;
    while (end > 0 && Number.isNaN(all[end - 1]!)) end--;
    sorted = all.subarray(0, end);
    sortedCache.set(column, sorted);
  }
  return sorted;
}

/** The first index whose value is >= `value` (or > `value` when `past`), in an ascending array. */
function firstAtLeast(sorted: Float64Array, value: number, past: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < value || (past && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * An estimate's bound as a weaver reads it: "estimated: within ±1 point of the exact share,
 * 9 times in 10". Epsilon is on the share's own 0..1 scale, so it reads as points out of 100
 * (a relative "±1%" would promise far more for the many people whose share is tiny); the
 * confidence reads as odds when it is a round one.
 */
export function boundWords(bound: Pick<BetweennessBound, 'epsilon' | 'delta'>): string {
  const points = Math.round(bound.epsilon * 1000) / 10;
  const within = `within ±${points.toLocaleString('en')} ${points === 1 ? 'point' : 'points'} of the exact share`;
  const confidence = 1 - bound.delta;
  for (const out of [10, 20, 100]) {
    const times = confidence * out;
    if (Math.abs(times - Math.round(times)) < 1e-9 && Math.round(times) > 0) return `estimated: ${within}, ${Math.round(times)} times in ${out}`;
  }
  return `estimated: ${within}, with ${Math.round(confidence * 100)}% confidence`;
}
