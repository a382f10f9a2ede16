/**
 * "Ready for a next step": people (below the top rung) with at least two contacts in the last
 * period, most of whom (more than half) are already on a higher rung than theirs. Each gets a
 * nearby person on a higher rung who could mentor them: a contact two rungs up or on the top
 * rung, else such a contact's contact, else their highest contact; ties between candidates go to
 * the one sharing most contacts with them, then by name.
 */
import { NOT_YET } from './rules.ts';

export interface ReadyForNextStep {
  id: string;
  label: string;
  rung: string;
  nextRung: string;
  contacts: number;
  contactsAbove: number;
  mentor: { id: string; label: string; rung: string; via: 'contact' | 'contact of a contact'; through?: { id: string; label: string } };
  reason: string;
}

export interface ReadyInput {
  people: ReadonlyArray<{ id: string; label: string }>;
  /** Each person's rung index in the last period, -1 for none. */
  levels: readonly number[];
  contacts: ReadonlyMap<string, ReadonlySet<string>>;
  rungNames: readonly string[];
}

const MIN_CONTACTS = 2;
const SECOND_HOP_BUDGET = 20_000;

export function readyForNextStep({ people, levels, contacts, rungNames }: ReadyInput): ReadyForNextStep[] {
  const top = rungNames.length - 1;
  const index = new Map(people.map((p, i) => [p.id, i]));
  const level = (id: string): number => levels[index.get(id) ?? -1] ?? -1;
  const label = (id: string): string => people[index.get(id)!]?.label ?? id;
  const out: Array<ReadyForNextStep & { share: number }> = [];
  people.forEach((person, i) => {
    const mine = levels[i]!;
    if (mine >= top) return;
    const around = [...(contacts.get(person.id) ?? [])].filter((id) => index.has(id));
    const above = around.filter((id) => level(id) > mine);
    if (around.length < MIN_CONTACTS || above.length * 2 <= around.length) return;
    const aroundSet = new Set(around);
    const sharedCount = new Map<string, number>();
    const shared = (id: string): number => {
      let n = sharedCount.get(id);
      if (n === undefined) {
        n = 0;
        for (const c of contacts.get(id) ?? []) if (aroundSet.has(c)) n++;
        sharedCount.set(id, n);
      }
      return n;
    };
    const best = (ids: readonly string[]): string | undefined =>
      [...ids].sort((a, b) => level(b) - level(a) || shared(b) - shared(a) || label(a).localeCompare(label(b)) || (a < b ? -1 : 1))[0];
    const far = (id: string): boolean => level(id) >= Math.min(top, mine + 2);
    let mentor = best(above.filter(far));
    let through: string | undefined;
    if (mentor === undefined) {
      const seconds = new Map<string, string>();
      // A budget keeps dense networks (everyone tied to a room of hundreds) from going quadratic.
      let budget = SECOND_HOP_BUDGET;
      for (const c of around) {
        for (const cc of contacts.get(c) ?? []) if (cc !== person.id && index.has(cc) && far(cc) && !seconds.has(cc)) seconds.set(cc, c);
        if ((budget -= contacts.get(c)?.size ?? 0) <= 0) break;
      }
      mentor = best([...seconds.keys()]);
      if (mentor !== undefined) through = seconds.get(mentor);
    }
    mentor ??= best(above)!;
    const rung = mine < 0 ? NOT_YET : rungNames[mine]!;
    const nextRung = rungNames[mine + 1]!;
    const mentorRung = rungNames[level(mentor)]!;
    const nearby = through === undefined ? `${label(mentor)} (${mentorRung}) is one of their contacts` : `${label(mentor)} (${mentorRung}) knows their contact ${label(through)}`;
    out.push({
      id: person.id,
      label: person.label,
      rung,
      nextRung,
      contacts: around.length,
      contactsAbove: above.length,
      mentor: { id: mentor, label: label(mentor), rung: mentorRung, via: through === undefined ? 'contact' : 'contact of a contact', ...(through !== undefined ? { through: { id: through, label: label(through) } } : {}) },
      reason: `${above.length} of their ${around.length} contacts are already on ${nextRung} or higher; ${nearby} and could help them take that step`,
      share: above.length / around.length,
    });
  });
  return out.sort((a, b) => b.share - a.share || b.contacts - a.contacts || a.label.localeCompare(b.label)).map(({ share: _share, ...rest }) => rest);
}
