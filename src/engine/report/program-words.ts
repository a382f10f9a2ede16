/**
 * The Program panel's figures in plain words: how many of what ("1 event", "9 events"), the mix
 * of groups in a room ("6 sectors: Nonprofit 20, Government 12, Business 10 and 3 more"), and an
 * indicator's change between two waves with its direction ("up from 34% to 41%").
 * Pure functions, tested in Node.
 */
import type { GroupMix } from '../features/convenings/summaries.ts';
import type { IndicatorName } from '../analysis/compare-waves.ts';
import { count, share } from './readable.ts';

/** The plural of an English noun, well enough for attribute names ("sector", "city", "class"). */
export function pluralOf(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** "1 event", "1,234 events"; `plural` when the noun's is not regular. */
export function counted(n: number, noun: string, plural = pluralOf(noun)): string {
  return `${count(n)} ${n === 1 ? noun : plural}`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Who was in the room, by group: "6 sectors: Nonprofit 20, Government 12, Business 10 and 3 more"
 * (the `shown` largest groups named), with those whose group is unknown.
 */
export function mixText(mix: GroupMix, shown = 3): string {
  const attribute = mix.attribute.trim().toLowerCase() || 'group';
  if (mix.groups.length === 0) return mix.unknown > 0 ? `${attribute} not known for anyone` : '–';
  const named = mix.groups.slice(0, shown).map((g) => `${g.value} ${count(g.count)}`);
  const rest = mix.groups.length - named.length;
  const list = rest > 0 ? `${named.join(', ')} and ${count(rest)} more` : listWords(named);
  const unknown = mix.unknown > 0 ? `; ${count(mix.unknown)} not known` : '';
  return `${counted(mix.distinct, attribute)}: ${list}${unknown}`;
}

/** How each wave indicator reads: a share as a percentage, a count, or an average to one decimal. */
export const INDICATOR_READS: Record<IndicatorName, 'share' | 'count' | 'average'> = {
  density: 'share',
  components: 'count',
  averagePathLength: 'average',
  modularity: 'share',
  crossGroupShare: 'share',
  coreSize: 'count',
  ties: 'count',
  averageDegree: 'average',
  largestComponentShare: 'share',
  transitivity: 'share',
  communities: 'count',
  isolates: 'count',
  peripheral: 'count',
};

/** An average such as steps apart or contacts per person, to one decimal ("2.4"). */
export function average(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return (Math.round(value * 10) / 10).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A share to one decimal ("6.3%"), for two shares that read the same when rounded. */
function fineShare(value: number): string {
  return `${(Math.round(value * 1000) / 10).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** One indicator's value, as it reads. */
export function indicatorValue(name: IndicatorName, value: number | null): string {
  if (value === null) return '–';
  switch (INDICATOR_READS[name]) {
    case 'share':
      return share(value);
    case 'count':
      return count(value);
    default:
      return average(value);
  }
}

/**
 * An indicator's change between two waves, direction first: "up from 34% to 41%", "down from 7
 * to 5", "no change (100%)", "about the same (2.4)" when the change is too small to show. Shares that round to the same percentage are given to one decimal
 * ("up from 6.0% to 6.3%"); "not measured in wave 1" when one side is missing.
 */
export function indicatorChange(name: IndicatorName, from: number | null, to: number | null, waves: [string, string] = ['the first wave', 'the second wave']): string {
  if (from === null && to === null) return '–';
  if (from === null) return `${indicatorValue(name, to)} (not measured in ${waves[0]})`;
  if (to === null) return `${indicatorValue(name, from)} (not measured in ${waves[1]})`;
  let a = indicatorValue(name, from);
  let b = indicatorValue(name, to);
  if (a === b && from !== to && INDICATOR_READS[name] === 'share') {
    a = fineShare(from);
    b = fineShare(to);
  }
  if (a === b) return from === to ? `no change (${a})` : `about the same (${a})`;
  return `${to > from ? 'up' : 'down'} from ${a} to ${b}`;
}

/**
 * An engine sentence with its raw scores in words: "periphery score 0.84" reads "periphery score
 * 84 of 100" (the untapped-ability reasons write the score as a decimal).
 */
export function plainReason(text: string): string {
  return text.replace(/periphery score (\d*\.\d+)/g, (_, score: string) => `periphery score ${Math.round(Number(score) * 100)} of 100`);
}

/** "22 Mar 2025" for an ISO day; other date text as written. */
export function dayText(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const day = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? date : day.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
