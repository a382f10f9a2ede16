/**
 * How people are drawn: colour by group, attribute or metric, size by metric. Returns plain
 * functions of a node index plus a legend, so the map, the legend and exports agree.
 */
import { MISSING_COLOR, OTHER_COLOR, categoryColor, rampColor } from './palette.ts';
import { attributeValues, type ViewModel } from '../state/view-model.ts';
import { count, share } from '../format/readable.ts';
import { metricDefinition, metricsFor, type MetricDefinition } from '../../engine/analysis/metric-registry.ts';
import { resultContext } from '../../engine/report/build-report.ts';

export interface LegendEntry {
  color: string;
  label: string;
}

export interface ColorEncoding {
  colorOf: (index: number) => string;
  title: string;
  legend: LegendEntry[];
}

/** The measures people can be sized (and coloured, and filtered) by in this analysis. */
export function sizeMetrics(vm: ViewModel): MetricDefinition[] {
  return metricsFor('size', resultContext(vm.analysis));
}

export function metricName(id: string): string {
  return metricDefinition(id)?.label ?? id;
}

/** A measure's column; own keys only, so a setting such as "constructor" names nothing rather than Object's members. */
function columnOf(vm: ViewModel, metric: string): Float64Array | undefined {
  const columns = vm.analysis.table.columns as Record<string, Float64Array | undefined>;
  return Object.hasOwn(columns, metric) ? columns[metric] : undefined;
}

/**
 * Colours for `colorBy`. Groups take the colour slot `groupSlots[number - 1]` (see
 * group-colors.ts: a group keeps its colour across waves and re-analyses), by default their
 * rank; groups beyond the palette share "other".
 */
export function colorEncoding(vm: ViewModel, colorBy: string, groupSlots: readonly number[] = []): ColorEncoding {
  const { columns } = vm.analysis.table;
  if (colorBy === 'community') {
    const groups = vm.analysis.communities;
    // Groups are numbered from 1; slots (palette indices) from 0.
    const colors = groups.map((c) => categoryColor(groupSlots[c.id - 1] ?? c.id - 1));
    const coloured = groups.filter((c) => colors[c.id - 1] !== OTHER_COLOR);
    const legend = coloured.map((c) => ({ color: colors[c.id - 1]!, label: `${c.name} (${c.size})` }));
    const rest = groups.length - coloured.length;
    if (rest > 0) legend.push({ color: OTHER_COLOR, label: `${rest} other ${rest === 1 ? 'group' : 'groups'}` });
    return { colorOf: (i) => colors[columns.community[i]! - 1] ?? OTHER_COLOR, title: 'Groups (communities)', legend };
  }
  if (colorBy.startsWith('skill:')) {
    const skill = colorBy.slice(6);
    const holders = new Set(vm.analysis.skills?.skills.coverage.find((c) => c.skill === skill)?.holders ?? []);
    return {
      title: `skill: ${skill}`,
      legend: [
        { color: categoryColor(2), label: `holds ${skill}` },
        { color: MISSING_COLOR, label: 'does not' },
      ],
      colorOf: (i) => (holders.has(vm.ids[i]!) ? categoryColor(2) : MISSING_COLOR),
    };
  }
  if (colorBy.startsWith('attr:')) {
    const key = colorBy.slice(5);
    const values = vm.categorical.find((c) => c.key === key)?.values ?? [];
    const rank = new Map(values.map((v, i) => [v, i]));
    const legend = values.slice(0, 16).map((v, i) => ({ color: categoryColor(i), label: v }));
    if (values.length > 16) legend.push({ color: OTHER_COLOR, label: 'other values' });
    legend.push({ color: MISSING_COLOR, label: 'not given' });
    return {
      title: key,
      legend,
      colorOf: (i) => {
        const attributes = vm.personOf.get(vm.ids[i]!)?.attributes;
        const first = attributeValues(attributes && Object.hasOwn(attributes, key) ? attributes[key] : undefined)[0];
        return first === undefined ? MISSING_COLOR : categoryColor(rank.get(first) ?? 99);
      },
    };
  }
  const column = columnOf(vm, colorBy);
  let max = 0;
  let min = Infinity;
  if (column) for (const v of column) { max = Math.max(max, v); min = Math.min(min, v); }
  if (!Number.isFinite(min)) min = 0;
  const span = max - min || 1;
  const [low, high] = rampEnds(metricDefinition(colorBy), min, max);
  return {
    title: metricName(colorBy),
    legend: [
      { color: rampColor(0), label: low },
      { color: rampColor(0.5), label: 'middle' },
      { color: rampColor(1), label: high },
    ],
    colorOf: (i) => rampColor(column ? (column[i]! - min) / span : 0),
  };
}

/**
 * The words at the two ends of a colour ramp, as the measure reads: counts and shares with their
 * value ("fewest: 0", "most: 12"; "lowest: 5%"), a percentile measure in its own words ("closest
 * to the core") with no raw score.
 */
export function rampEnds(metric: Pick<MetricDefinition, 'display' | 'ends'> | undefined, min: number, max: number): [string, string] {
  switch (metric?.display) {
    case 'count':
      return [`fewest: ${count(min)}`, `most: ${count(max)}`];
    case 'share':
      return [`lowest: ${share(min)}`, `highest: ${share(max)}`];
    default:
      return [metric?.ends?.low ?? 'lowest', metric?.ends?.high ?? 'highest'];
  }
}

export function sizeEncoding(vm: ViewModel, sizeBy: string): (index: number) => number {
  const column = columnOf(vm, sizeBy);
  if (!column) return () => 5;
  let max = 0;
  for (const v of column) max = Math.max(max, v);
  const base = vm.ids.length > 2000 ? 1.5 : 2.5;
  const span = vm.ids.length > 2000 ? 8 : 10;
  return (i) => base + (max > 0 ? span * Math.sqrt(Math.max(0, column[i]!) / max) : 0);
}
