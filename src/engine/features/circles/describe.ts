/**
 * Circles in words and figures: each circle's members and a sentence ("4 units, 5 of 6 pairs
 * new, includes 2 people at the edge"), the figures of a whole assignment (so the solver and the
 * baselines are measured alike), and every rule the circles still break, named as relaxed and
 * for whom. Identity values are never repeated in a sentence: only whether a wish was met.
 */
import { pairKey } from './network-view.ts';
import type { CircleProblem, Relaxed } from './problem.ts';
import { membersOf, type Assignment } from './solve.ts';
import { tallyCircle, type CircleTally } from './score.ts';

export interface CircleMember {
  id: string;
  label: string;
  /** Their value of the across attribute, null when unknown or there is none. */
  unit: string | null;
  locked: boolean;
  inNetwork: boolean;
  /** Contacts in the chosen relations; null when not in the network. */
  contacts: number | null;
  edge: boolean;
  wellConnected: boolean;
}

export interface Circle {
  name: string;
  members: CircleMember[];
  size: number;
  units: number;
  pairs: number;
  newPairs: number;
  edgePeople: number;
  wellConnected: number;
  wishes: { asked: number; met: number };
  explanation: string;
}

/** The figures of one assignment: the solver's and each baseline's. */
export interface CircleMetrics {
  circles: number;
  people: number;
  pairs: number;
  newPairs: number;
  /** Circles holding the distinct units the rule asks for (all of them when there is no rule). */
  circlesMeetingUnitRule: number;
  /** Distinct units per circle, on average. */
  averageUnits: number;
  edgePeople: number;
  /** People at the edge who share their circle with a well-connected person. */
  edgeWithConnector: number;
  /** Rules broken: pairs together despite reports-to or an earlier season, circles short of units, wishes not met, sizes out of range. */
  broken: { reportsTo: number; previous: number; units: number; identity: number; size: number };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "sector" -> "sectors", "industry" -> "industries": to count the across attribute's values. */
function unitWords(across: string | null): [string, string] {
  if (across === null) return ['unit', 'units'];
  const word = across.trim().toLowerCase();
  if (/(?:unit|team|department|dept|division|branch|office|program)s?$/.test(word)) return ['unit', 'units'];
  if (/[^aeiou]y$/.test(word)) return [word, `${word.slice(0, -1)}ies`];
  return [word, word.endsWith('s') ? word : `${word}s`];
}

function forbiddenIn(p: CircleProblem, members: readonly number[]): Array<{ a: number; b: number; kind: 'reports-to' | 'previous'; why: string }> {
  const out = [];
  for (let x = 0; x < members.length; x++) {
    for (let y = x + 1; y < members.length; y++) {
      const rule = p.forbidden.get(pairKey(p.n, members[x]!, members[y]!));
      if (rule !== undefined) out.push({ a: members[x]!, b: members[y]!, ...rule });
    }
  }
  return out;
}

export function assignmentMetrics(p: CircleProblem, circleOf: Assignment): CircleMetrics {
  const members = membersOf(p, circleOf);
  const m: CircleMetrics = { circles: members.length, people: p.n, pairs: 0, newPairs: 0, circlesMeetingUnitRule: 0, averageUnits: 0, edgePeople: 0, edgeWithConnector: 0, broken: { reportsTo: 0, previous: 0, units: 0, identity: 0, size: 0 } };
  members.forEach((list, c) => {
    const t = tallyCircle(p, list, c);
    m.pairs += t.pairs;
    m.newPairs += t.newPairs;
    if (t.unitsMissing === 0) m.circlesMeetingUnitRule++;
    m.averageUnits += t.distinctUnits;
    m.edgePeople += t.edge;
    m.edgeWithConnector += t.edgeWithConnector;
    for (const f of forbiddenIn(p, list)) f.kind === 'reports-to' ? m.broken.reportsTo++ : m.broken.previous++;
    m.broken.units += t.unitsMissing > 0 ? 1 : 0;
    m.broken.identity += t.wishesUnmet;
    m.broken.size += t.size < p.sizeRange.min || t.size > p.sizeRange.max ? 1 : 0;
  });
  m.averageUnits = members.length > 0 ? Math.round((m.averageUnits / members.length) * 100) / 100 : 0;
  return m;
}

function explain(p: CircleProblem, t: CircleTally, members: readonly number[]): string {
  const parts: string[] = [];
  const [one, many] = unitWords(p.across);
  if (p.across !== null) parts.push(plural(t.distinctUnits, one, many));
  parts.push(`${t.newPairs} of ${plural(t.pairs, 'pair', 'pairs')} new`);
  const known = members.filter((i) => p.inNetwork[i]).length;
  if (known > 0) {
    if (t.edge === 0) parts.push('no one at the edge');
    else parts.push(`includes ${plural(t.edge, 'person', 'people')} at the edge${t.connected > 0 ? ` with ${plural(t.connected, 'well-connected person', 'well-connected people')}` : ', no one well connected'}`);
  }
  if (t.wishes > 0) parts.push(`${t.wishes - t.wishesUnmet} of ${plural(t.wishes, 'identity wish', 'identity wishes')} met`);
  const locked = members.filter((i) => p.lockedTo[i]! >= 0).length;
  if (locked > 0) parts.push(`${locked} locked`);
  const outside = members.length - known;
  if (outside > 0 && known > 0) parts.push(`${outside} not in the network (placed by attributes only)`);
  return parts.join(', ');
}

export function describeCircles(p: CircleProblem, circleOf: Assignment): Circle[] {
  return membersOf(p, circleOf).map((list, c) => {
    const t = tallyCircle(p, list, c);
    return {
      name: p.circleNames[c]!,
      members: list.map((i) => ({
        id: p.ids[i]!,
        label: p.labels[i]!,
        unit: p.unit[i]! >= 0 ? p.unitNames[p.unit[i]!]! : null,
        locked: p.lockedTo[i]! >= 0,
        inNetwork: p.inNetwork[i] === 1,
        contacts: p.contacts[i]! >= 0 ? p.contacts[i]! : null,
        edge: p.edge[i] === 1,
        wellConnected: p.connected[i] === 1,
      })),
      size: t.size,
      units: t.distinctUnits,
      pairs: t.pairs,
      newPairs: t.newPairs,
      edgePeople: t.edge,
      wellConnected: t.connected,
      wishes: { asked: t.wishes, met: t.wishes - t.wishesUnmet },
      explanation: explain(p, t, list),
    };
  });
}

/** Every rule the circles break, for whom, in words. */
export function relaxedRules(p: CircleProblem, circleOf: Assignment): Relaxed[] {
  const out: Relaxed[] = [];
  const [, many] = unitWords(p.across);
  membersOf(p, circleOf).forEach((list, c) => {
    const name = p.circleNames[c]!;
    const t = tallyCircle(p, list, c);
    for (const f of forbiddenIn(p, list)) {
      const locked = p.lockedTo[f.a]! >= 0 && p.lockedTo[f.b]! >= 0;
      out.push({
        constraint: f.kind,
        people: [p.ids[f.a]!, p.ids[f.b]!],
        circle: name,
        message: `${f.why}, but both are in ${name}${locked ? ' (both locked there by you)' : ' (no arrangement kept them apart without breaking more rules)'}`,
      });
    }
    if (t.unitsMissing > 0) {
      out.push({ constraint: 'across', people: list.map((i) => p.ids[i]!), circle: name, message: `${name} holds ${t.distinctUnits} different ${many}, not the ${Math.min(p.minDistinct, t.size)} asked for` });
    }
    for (const i of list) {
      p.wants[i]!.forEach((want) => {
        if (list.some((j) => j !== i && p.holds[j]!.includes(want))) return;
        const others = p.holds.filter((h, j) => j !== i && h.includes(want)).length;
        out.push({
          constraint: 'identity',
          people: [p.ids[i]!],
          circle: name,
          message: `the identity wish of ${p.labels[i]} is not met in ${name}: ${others === 0 ? 'no other participant shares it' : `the ${plural(others, 'participant', 'participants')} who share it could not join without breaking more rules`}`,
        });
      });
    }
    if (t.size < p.sizeRange.min || t.size > p.sizeRange.max) {
      out.push({ constraint: 'size', people: list.map((i) => p.ids[i]!), circle: name, message: `${name} has ${plural(t.size, 'member', 'members')}, outside ${p.sizeRange.min}-${p.sizeRange.max}` });
    }
  });
  return out;
}
