/**
 * What the project holds about each person in each period, the facts the rungs' conditions read:
 * survey answers, convenings attended, how many others named them, their contacts, and whether
 * they were seen at all. Kept apart from the rules so each condition is a lookup.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { Tie } from '../../core/model/records.ts';
import { CO_ATTENDANCE } from '../convenings/projection.ts';
import { MENTORSHIP } from '../mentorship/import-mentorships.ts';
import type { LadderPeriod } from './periods.ts';

export interface PeriodFacts {
  answered: ReadonlySet<string>;
  /** Convenings attended in the period, per person. */
  attended: ReadonlyMap<string, number>;
  /** Distinct other people who named them (a directed tie to them, or an undirected tie). */
  namedBy: ReadonlyMap<string, number>;
  /** People they are tied to in the period, either way (see contactTies). */
  contacts: ReadonlyMap<string, ReadonlySet<string>>;
  /** Seen in the period: answered, came, or at either end of one of its ties. */
  seen: ReadonlySet<string>;
}

export interface LadderEvidence {
  periods: PeriodFacts[];
  mentors: ReadonlySet<string>;
  mentees: ReadonlySet<string>;
  /** Listed before any period: on the roster, or from a people or tie file rather than attendance alone. */
  listed: ReadonlySet<string>;
}

function inPeriod(tie: Tie, period: LadderPeriod): boolean {
  return period.wave === null || tie.wave === undefined || tie.wave === '' || tie.wave === period.wave;
}

function add<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  set.add(value);
}

/**
 * Contacts come from the chosen relations but co-attendance (which ties everyone in a room to
 * everyone else, too loose to say who knows whom), unless co-attendance is all there is.
 */
function contactTies(ties: readonly Tie[]): Tie[] {
  const personal = ties.filter((t) => t.relation !== CO_ATTENDANCE);
  return personal.length > 0 ? personal : [...ties];
}

function periodFacts(dataset: Dataset, period: LadderPeriod, relations: ReadonlySet<string>): PeriodFacts {
  const answered = new Set<string>();
  for (const person of dataset.people) {
    const waves = person.attributes.respondedIn;
    // A survey without waves (one survey) counts in every period.
    if (Array.isArray(waves) && period.wave !== null ? waves.includes(period.wave) : person.attributes.responded === true) answered.add(person.id);
  }
  const attended = new Map<string, number>();
  const events = new Map<string, Set<string>>();
  for (const a of dataset.attendance) if (period.events.has(a.event)) add(events, a.person, a.event);
  for (const [id, set] of events) attended.set(id, set.size);

  const ties = dataset.ties.filter((t) => relations.has(t.relation) && t.source !== t.target && inPeriod(t, period));
  const namers = new Map<string, Set<string>>();
  // Derived layers are not anyone naming anyone: co-attendance and the program's mentorship pairs.
  for (const t of ties) {
    if (t.relation === CO_ATTENDANCE || t.relation === MENTORSHIP) continue;
    add(namers, t.target, t.source);
    if (!t.directed) add(namers, t.source, t.target);
  }
  const contacts = new Map<string, Set<string>>();
  for (const t of contactTies(ties)) {
    add(contacts, t.source, t.target);
    add(contacts, t.target, t.source);
  }
  const seen = new Set<string>([...answered, ...attended.keys()]);
  // Co-attendance ties stand for convenings of every period; attendance itself says who came when.
  for (const t of ties) if (t.relation !== CO_ATTENDANCE) seen.add(t.source).add(t.target);
  return { answered, attended, namedBy: new Map([...namers].map(([id, set]) => [id, set.size])), contacts, seen };
}

export function ladderEvidence(dataset: Dataset, periods: readonly LadderPeriod[], relations: readonly string[]): LadderEvidence {
  const chosen = new Set(relations);
  const attendees = new Set(dataset.attendance.map((a) => a.person));
  const listed = new Set<string>();
  for (const person of dataset.people) {
    const roster = person.attributes.onRoster;
    if (roster === true || (roster === undefined && !attendees.has(person.id))) listed.add(person.id);
  }
  return {
    periods: periods.map((p) => periodFacts(dataset, p, chosen)),
    mentors: new Set(dataset.mentorships.map((m) => m.mentor)),
    mentees: new Set(dataset.mentorships.map((m) => m.mentee)),
    listed,
  };
}
