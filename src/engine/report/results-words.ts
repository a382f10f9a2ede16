/**
 * Results in plain words: an indicator's latest value against its target and trend, which way a
 * factor upstream pushes it, a cohort's sectors and ties, a commitment's status.
 * Values keep the indicator's own units, rounded to one decimal at most; shares are percentages.
 * Here so the HTML report says things as the app does.
 */
import type { CommitmentReport, IndicatorReport } from '../features/results/analyze-results.ts';
import type { Effect } from '../features/results/upstream.ts';
import type { Connectedness, SectorMix } from '../features/results/people-join.ts';
import { counted, dayText } from './program-words.ts';

/** An indicator's value as written, rounded to one decimal at most: "53", "7.5", "1,250". */
export function value(n: number): string {
  return n.toLocaleString('en', { maximumFractionDigits: 1 });
}

/** "2023" for a year's first day (a yearly value is dated so), else "22 Mar 2025". */
export function when(date: string): string {
  if (/^\d{4}-01-01$/.test(date)) return date.slice(0, 4);
  return dayText(date);
}

/** "Latest 53 (2023), target 70 by 2025, from a baseline of 48." */
export function indicatorSummary(i: IndicatorReport): string {
  const parts: string[] = [];
  parts.push(i.latest ? `Latest ${value(i.latest.actual)} (${when(i.latest.date)})` : 'No actual value yet');
  if (i.target) parts.push(`target ${value(i.target.target)} by ${when(i.target.date)}`);
  if (i.baseline !== null) parts.push(`from a baseline of ${value(i.baseline)}`);
  return `${parts.join(', ')}. ${i.better === 'up' ? 'Higher is better.' : 'Lower is better.'}`;
}

/** Where the trend of the actuals goes, and whether it reaches the target. */
export function trendWords(i: IndicatorReport): string | null {
  if (!i.trend) return null;
  const slope = i.trend.slopePerYear;
  const way = Math.abs(slope) < 1e-9 ? 'flat' : `${slope > 0 ? 'rising' : 'falling'} by about ${value(Math.abs(slope))} a year`;
  const good = slope === 0 ? '' : (slope > 0) === (i.better === 'up') ? ', the right way' : ', the wrong way';
  const reach = i.trendMeetsTarget === null ? '' : i.trendMeetsTarget ? ' At this pace it reaches the target.' : ' At this pace it misses the target: the curve needs turning.';
  return `On its trend (${counted(i.trend.basis, 'actual')}), the curve is ${way}${good}.${reach}`;
}

/** Which way a factor upstream pushes an indicator. */
export function effectWords(effect: Effect): string {
  return effect === 'up' ? 'more of it raises the indicator' : effect === 'down' ? 'more of it lowers the indicator' : 'mixed: some paths raise the indicator, others lower it';
}

/** "4 sectors: Nonprofit 8, Government 5, Business 3, Faith 2; 1 not given." */
export function sectorWords(mix: SectorMix): string {
  if (mix.attribute === null) return 'The people have no sector column, so the mix of sectors is not known.';
  const list = mix.counts.map((c) => `${c.sector} ${c.people}`).join(', ');
  const head = mix.counts.length === 0 ? 'No sector given' : `${counted(mix.counts.length, 'sector')}: ${list}`;
  return `${head}${mix.unknown > 0 ? `; ${mix.unknown} not given` : ''}. ${mix.multiSector ? 'A multi-sector group.' : 'Not yet multi-sector.'}`;
}

/** "18 people in the network, in 8 separate parts; 12 of 153 possible pairs tied (8%)." */
export function connectednessWords(c: Connectedness): string {
  if (c.people === 0) return 'None of them is in the people network yet.';
  const pairs = (c.people * (c.people - 1)) / 2;
  const parts = c.parts.length === 1 ? 'all in one connected part' : `in ${counted(c.parts.length, 'separate part')}`;
  const density = c.density === null ? '' : `; ${value(c.ties)} of ${value(pairs)} possible pairs are tied (${Math.round(100 * c.density)}%)`;
  return `${counted(c.people, 'person', 'people')} in the network, ${parts}${density}.`;
}

const COMMITMENT_WORDS: Record<CommitmentReport['status'], string> = { made: 'made', 'in-progress': 'in progress', kept: 'kept', 'not-kept': 'not kept' };

/** "kept", "in progress, overdue". */
export function commitmentStatus(c: CommitmentReport): string {
  return `${COMMITMENT_WORDS[c.status]}${c.overdue ? ', overdue' : ''}`;
}
