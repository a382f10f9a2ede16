/**
 * The ladder's periods. With survey waves, one period per wave, in order. Surveys carry no dates,
 * so the convenings (in date order, undated ones last) are shared out evenly over the waves: with
 * two waves, the first half of the events counts in the first wave's period. Without waves, the
 * half-years of the attendance dates that hold an event (an event without a date counts in the
 * last of them); with no dates at all, one period. Ties without a wave belong to every period.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import { listWaves } from '../change/waves.ts';

export interface LadderPeriod {
  name: string;
  /** The wave whose ties and answers this period reads; null: ties of every wave (there are none). */
  wave: string | null;
  /** Events counted in this period. */
  events: ReadonlySet<string>;
  /** First and last event date in the period, when known. */
  from?: string;
  to?: string;
}

export type PeriodKind = 'waves' | 'half-years' | 'all';

/** The one period of data without waves or dated attendance. */
export const ALL_PERIOD = 'All';

/** Events in time order: by first date, undated ones after, in the order they first appear. */
export function eventOrder(dataset: Dataset): Array<{ event: string; date: string | null }> {
  const first = new Map<string, string | null>();
  for (const a of dataset.attendance) {
    const date = validDate(a.date);
    const had = first.get(a.event);
    if (had === undefined) first.set(a.event, date);
    else if (date !== null && (had === null || date < had)) first.set(a.event, date);
  }
  const appearance = [...first.keys()];
  return appearance
    .map((event, i) => ({ event, date: first.get(event)!, i }))
    .sort((a, b) => (a.date === null ? (b.date === null ? a.i - b.i : 1) : b.date === null ? -1 : a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i))
    .map(({ event, date }) => ({ event, date }));
}

/** An ISO date's day (`2025-03-22`), or null for anything else. */
function validDate(date: string | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(date?.trim() ?? '');
  return m ? m[1]! : null;
}

function span(events: ReadonlyArray<{ date: string | null }>): { from?: string; to?: string } {
  const dates = events.map((e) => e.date).filter((d): d is string => d !== null);
  return dates.length > 0 ? { from: dates[0]!, to: dates[dates.length - 1]! } : {};
}

/** The periods of a dataset and how they were made; none when it has neither waves nor attendance. */
export function ladderPeriods(dataset: Dataset, relations?: readonly string[]): { kind: PeriodKind; periods: LadderPeriod[] } {
  const waves = listWaves(dataset, relations);
  const events = eventOrder(dataset);
  if (waves.length > 0) {
    const periods = waves.map((wave, w) => {
      const mine = events.filter((_e, i) => Math.floor((i * waves.length) / events.length) === w);
      return { name: wave, wave, events: new Set(mine.map((e) => e.event)), ...span(mine) };
    });
    return { kind: 'waves', periods };
  }
  if (events.length === 0) return { kind: 'all', periods: [] };
  const halves = new Map<string, Array<{ event: string; date: string | null }>>();
  for (const e of events) {
    if (e.date === null) continue;
    const key = `${e.date.slice(0, 4)}-${Number(e.date.slice(5, 7)) <= 6 ? 1 : 2}`;
    halves.set(key, [...(halves.get(key) ?? []), e]);
  }
  if (halves.size === 0) return { kind: 'all', periods: [{ name: ALL_PERIOD, wave: null, events: new Set(events.map((e) => e.event)), ...span(events) }] };
  const keys = [...halves.keys()].sort();
  const undated = events.filter((e) => e.date === null);
  const periods = keys.map((key, k) => {
    const mine = [...halves.get(key)!, ...(k === keys.length - 1 ? undated : [])];
    const [year, half] = key.split('-');
    return { name: `${half === '1' ? 'Jan-Jun' : 'Jul-Dec'} ${year}`, wave: null, events: new Set(mine.map((e) => e.event)), ...span(mine) };
  });
  return { kind: 'half-years', periods };
}
