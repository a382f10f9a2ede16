/**
 * Numbers as a network weaver reads them: counts as counts, shares as percentages, and scores
 * that only mean something against others (bridging, influence) as a percentile band. Raw values
 * stay in the profile's details, the CSV and the report.
 */
import type { MetricDefinition } from '../../engine/analysis/metric-registry.ts';

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

/** A percentile 0..100 as a band a person reads at a glance ("top 10%", "middle", "bottom 25%"). */
export function percentileBand(percentile: number): string {
  if (!Number.isFinite(percentile)) return '–';
  if (percentile >= 99) return 'top 1%';
  if (percentile >= 90) return 'top 10%';
  if (percentile >= 75) return 'top 25%';
  if (percentile > 25) return 'middle';
  if (percentile > 10) return 'bottom 25%';
  return 'bottom 10%';
}

/** One person's value of a measure, as the registry says it reads: a count, a share, a band, a group, yes/no. */
export function measureText(metric: Pick<MetricDefinition, 'display'>, column: ArrayLike<number>, index: number): string {
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
      return percentileBand(percentileOf(column, value));
  }
}
