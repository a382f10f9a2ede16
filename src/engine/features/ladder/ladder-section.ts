/**
 * The report's `ladder` section: each person's rung in each period (the highest rung whose
 * conditions hold, or "Not yet on the ladder"), the counts per period, each person's entry
 * point, the movements between consecutive periods, and who is ready for a next step.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import type { Attributes } from '../../core/model/records.ts';
import { ladderEvidence, type LadderEvidence } from './evidence.ts';
import { ALL_PERIOD, eventOrder, ladderPeriods, type LadderPeriod, type PeriodKind } from './periods.ts';
import { resolveRungs } from './conditions.ts';
import { readyForNextStep, type ReadyForNextStep } from './ready.ts';
import { DEFAULT_LADDER, NOT_YET, type LadderRules } from './rules.ts';

export interface LadderOptions {
  /** The rules; the default ladder when omitted. */
  rules?: LadderRules;
  /** Where the rules came from, named in warnings (e.g. the rules file). */
  source?: string;
  /** Relation layers whose ties count (default all). */
  relations?: readonly string[];
  /** Peer circles formed in the project, person id to circle; when given, circle conditions read them instead of a column. */
  circles?: ReadonlyMap<string, string>;
}

export type EntryKind = 'event' | 'survey' | 'mentorship' | 'circle';

export interface LadderEntry {
  kind: EntryKind;
  /** The event, the wave, "mentor" / "mentee", or the circle. */
  what: string;
  period: string;
  date?: string;
}

export interface LadderPerson {
  id: string;
  label: string;
  /** Rung per period name (NOT_YET when no rung holds). */
  rungs: Record<string, string>;
  /** First touch; null when the data shows none. */
  entry: LadderEntry | null;
}

export interface LadderMove {
  id: string;
  label: string;
  from: string;
  to: string;
}

export interface LadderMovement {
  from: string;
  to: string;
  /** People going from one rung to another (staying put included), largest first. */
  flows: Array<{ from: string; to: string; people: number }>;
  movedUp: LadderMove[];
  dropped: LadderMove[];
  stayed: number;
}

export interface LadderSection {
  /** `rules`: a rules file; `default`: the default ladder. */
  source: 'rules' | 'default';
  periodKind: PeriodKind;
  /** Lowest first; `rule` in plain words. A rung whose rules cannot be read says why in `disabled`. */
  rungs: Array<{ name: string; rule: string; disabled?: string }>;
  /** The bucket for people no rung holds for. */
  notYet: string;
  /** Everyone in the project: each period's counts sum to it. */
  total: number;
  periods: Array<{ name: string; from?: string; to?: string; counts: Record<string, number> }>;
  people: LadderPerson[];
  /** How many people came in each way, most first. */
  entryPoints: Array<{ kind: EntryKind; what: string; people: number }>;
  movements: LadderMovement[];
  readyForNextStep: ReadyForNextStep[];
}

/**
 * The ladder and a warning per rule disabled; null when the default ladder has no periods (no
 * waves, no attendance).
 */
export function ladderSection(dataset: Dataset, options: LadderOptions = {}): { ladder: LadderSection; warnings: InputIssue[] } | null {
  const relations = options.relations ?? [...new Set(dataset.ties.map((t) => t.relation))];
  const found = ladderPeriods(dataset, relations);
  // Rules given for data without waves or attendance: one period holding everything.
  if (found.periods.length === 0 && options.rules === undefined) return null;
  const { kind, periods } = found.periods.length > 0 ? found : { kind: found.kind, periods: [{ name: ALL_PERIOD, wave: null, events: new Set<string>() }] };
  const evidence = ladderEvidence(dataset, periods, relations);
  const rules = options.rules ?? DEFAULT_LADDER;
  const { rungs, warnings } = resolveRungs(rules, dataset, evidence, { quiet: options.rules === undefined, ...(options.source ? { source: options.source } : {}), ...(options.circles ? { circles: options.circles } : {}) });

  // level[i][p]: the highest rung holding for person i in period p, -1 for none.
  const levels = dataset.people.map((person) =>
    periods.map((_period, p) => {
      for (let r = rungs.length - 1; r >= 0; r--) if (rungs[r]!.test(person.id, p)) return r;
      return -1;
    }),
  );
  const nameOf = (level: number): string => (level < 0 ? NOT_YET : rungs[level]!.name);
  const entries: EntryContext = { periods, evidence, order: eventOrder(dataset), eventsOf: eventsByPerson(dataset), circles: options.circles ?? null, circleColumns: rules.rungs.flatMap((r) => r.when.flatMap((c) => (c.type === 'circle' ? [c.column] : []))) };
  const people: LadderPerson[] = dataset.people.map((person, i) => ({
    id: person.id,
    label: person.label || person.id,
    rungs: Object.fromEntries(periods.map((period, p) => [period.name, nameOf(levels[i]![p]!)])),
    entry: entryOf(person.id, person.attributes, entries),
  }));

  const ladder: LadderSection = {
    source: options.rules === undefined ? 'default' : 'rules',
    periodKind: kind,
    rungs: rungs.map(({ name, rule, disabled }) => ({ name, rule, ...(disabled !== undefined ? { disabled } : {}) })),
    notYet: NOT_YET,
    total: dataset.people.length,
    periods: periods.map((period, p) => {
      const counts: Record<string, number> = Object.fromEntries([...rungs.map((r) => [r.name, 0] as const), [NOT_YET, 0] as const]);
      for (const row of levels) counts[nameOf(row[p]!)]! += 1;
      return { name: period.name, ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}), counts };
    }),
    people,
    entryPoints: entryCounts(people),
    movements: periods.slice(1).map((period, k) => movement(people, levels, periods[k]!.name, period.name, k, nameOf)),
    readyForNextStep: readyForNextStep({ people, levels: levels.map((row) => row[periods.length - 1]!), contacts: evidence.periods[periods.length - 1]!.contacts, rungNames: rungs.map((r) => r.name) }),
  };
  return { ladder, warnings };
}

/**
 * A person's first touch: the earliest period holding any; within it, the first convening they
 * came to, else the survey they answered, else a mentorship, else a circle (mentorships and
 * circles carry no dates, so they count from the first period).
 */
interface EntryContext {
  periods: readonly LadderPeriod[];
  evidence: LadderEvidence;
  /** Events in time order. */
  order: ReturnType<typeof eventOrder>;
  /** Each person's events, read once (not per person from the whole attendance list). */
  eventsOf: ReadonlyMap<string, ReadonlySet<string>>;
  circleColumns: readonly string[];
  circles: ReadonlyMap<string, string> | null;
}

function entryOf(id: string, attributes: Attributes, { periods, evidence, order, eventsOf, circleColumns, circles }: EntryContext): LadderEntry | null {
  const circle = circles !== null ? circles.get(id) : circleColumns.map((c) => attributes[c]).find((v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
  const mentorship = evidence.mentors.has(id) ? 'mentor' : evidence.mentees.has(id) ? 'mentee' : null;
  for (let p = 0; p < periods.length; p++) {
    const period = periods[p]!;
    const facts = evidence.periods[p]!;
    if ((facts.attended.get(id) ?? 0) > 0) {
      const mine = eventsOf.get(id)!;
      // The period's first event they came to: the first in time order that is theirs and in the period.
      const first = order.find((e) => mine.has(e.event) && period.events.has(e.event))!;
      return { kind: 'event', what: first.event, period: period.name, ...(first.date !== null ? { date: first.date } : {}) };
    }
    if (facts.answered.has(id)) return { kind: 'survey', what: period.wave ?? 'survey', period: period.name };
    if (mentorship !== null) return { kind: 'mentorship', what: mentorship, period: period.name };
    if (circle !== undefined) return { kind: 'circle', what: String(Array.isArray(circle) ? circle[0] : circle), period: period.name };
  }
  return null;
}

function eventsByPerson(dataset: Dataset): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of dataset.attendance) {
    let set = out.get(a.person);
    if (set === undefined) out.set(a.person, (set = new Set()));
    set.add(a.event);
  }
  return out;
}

function entryCounts(people: readonly LadderPerson[]): LadderSection['entryPoints'] {
  const counts = new Map<string, { kind: EntryKind; what: string; people: number }>();
  for (const { entry } of people) {
    if (entry === null) continue;
    const key = `${entry.kind}\u0000${entry.what}`;
    const row = counts.get(key) ?? { kind: entry.kind, what: entry.what, people: 0 };
    row.people++;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => b.people - a.people || a.kind.localeCompare(b.kind) || a.what.localeCompare(b.what));
}

function movement(people: readonly LadderPerson[], levels: readonly number[][], from: string, to: string, p: number, nameOf: (level: number) => string): LadderMovement {
  const flows = new Map<string, { from: string; to: string; people: number }>();
  const movedUp: LadderMove[] = [];
  const dropped: LadderMove[] = [];
  let stayed = 0;
  people.forEach((person, i) => {
    const a = levels[i]![p]!;
    const b = levels[i]![p + 1]!;
    const key = `${a}\u0000${b}`;
    const flow = flows.get(key) ?? { from: nameOf(a), to: nameOf(b), people: 0 };
    flow.people++;
    flows.set(key, flow);
    const move = { id: person.id, label: person.label, from: nameOf(a), to: nameOf(b) };
    if (b > a) movedUp.push(move);
    else if (b < a) dropped.push(move);
    else stayed++;
  });
  return { from, to, flows: [...flows.values()].sort((x, y) => y.people - x.people), movedUp, dropped, stayed };
}
