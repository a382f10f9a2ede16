/**
 * Mentor matching as an assignment problem (`assignment.ts`: the Hungarian algorithm with mentor
 * capacities). Each possible pair scores
 *
 *   goalWeight x goal fit (0..1, `goal-fit.ts`: the mentee's goals against the mentor's strengths)
 *   + bridgeWeight, when the bridging bonus is on and the pair crosses work units or communities
 *   + identityWeight x the share of the identity preferences the mentee chose that the mentor meets
 *
 * Identity attributes (gender, ethnic identity, ...) enter a pair's score only when that mentee
 * asked for a match on them; otherwise they are never read. With `strictIdentity` a preference is
 * a requirement instead. Locked pairs are kept as they are (their mentors' places are used up
 * first) and rejected pairs are never made, so re-solving after the user's decisions changes only
 * what they left open. No one is paired with themself (same id, email or name on both lists).
 *
 * When mentees outnumber the places, or rules forbid every place left for someone, the result
 * is the best partial assignment (as many placed as possible, then the highest total score)
 * with `feasible: false`, a warning saying how many places are missing, and a reason for each
 * mentee left out. Every pair comes with a sentence saying why it was made.
 */
import type { InputIssue } from '../../core/util/issues.ts';
import type { AttributeValue, Attributes } from '../../core/model/records.ts';
import { foldText, nameKey } from '../../people/name-normalize.ts';
import { findAttribute, findGroupingAttribute, groupValue, normalizeAttributeName, ORGANIZATION_ATTRIBUTES, SECTOR_ATTRIBUTES, WORK_UNIT_ATTRIBUTES } from '../../core/model/group-attributes.ts';
import { solveAssignment } from './assignment.ts';
import { goalFit } from './goal-fit.ts';
import type { GoalMatch } from './goal-fit.ts';
import { MatchingInputSchema, MatchingOptionsSchema } from './model.ts';
import type { IdentityPreference, MatchingInputDraft, MatchingOptions, MatchingOptionsInput, Mentee, Mentor, PairRule } from './model.ts';

/** Attributes tried, in order, as work units when `bridgeBy` is not given. */
export const BRIDGE_ATTRIBUTES: readonly string[] = [...WORK_UNIT_ATTRIBUTES, ...ORGANIZATION_ATTRIBUTES, ...SECTOR_ATTRIBUTES];

export interface IdentityCheck {
  attribute: string;
  /** The value wanted: the mentee's own, or the one they named. */
  wanted: string | null;
  /** The mentee asked for their own value ("same gender") rather than a named one. */
  same: boolean;
  met: boolean;
}

export interface MatchPair {
  mentee: string;
  menteeLabel: string;
  mentor: string;
  mentorLabel: string;
  /** The pair's score (see the header). */
  score: number;
  /** 0..1. */
  goalFit: number;
  goalsMet: GoalMatch[];
  /** How the pair bridges (present only when the bridging bonus is on and it does). */
  bridging: { by: string; mentee: string; mentor: string } | null;
  /** The mentee's identity preferences and whether this mentor meets them (empty when none asked). */
  identity: IdentityCheck[];
  locked: boolean;
  explanation: string;
}

export interface UnplacedMentee {
  mentee: string;
  label: string;
  reason: string;
}

export interface MentorLoad {
  mentor: string;
  label: string;
  capacity: number;
  assigned: number;
  locked: number;
}

export interface MatchingResult {
  /** In the mentees' order. */
  pairs: MatchPair[];
  unplaced: UnplacedMentee[];
  mentors: MentorLoad[];
  mentees: number;
  placed: number;
  /** Mentor places in all. */
  places: number;
  totalScore: number;
  /** Every mentee placed. */
  feasible: boolean;
  settings: Omit<MatchingOptions, 'bridgeBy'> & { bridgeBy: string | null };
  issues: InputIssue[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const fold = (text: string): string => foldText(text).trim();

/** The attribute called `name` in these attributes (names compared case- and space-insensitively). */
export function valueOf(attributes: Attributes, name: string): AttributeValue | undefined {
  if (Object.prototype.hasOwnProperty.call(attributes, name)) return attributes[name];
  const wanted = normalizeAttributeName(name);
  for (const [key, value] of Object.entries(attributes)) if (normalizeAttributeName(key) === wanted) return value;
  return undefined;
}

/** Where a mentee or mentor was read, for messages. */
function where(item: { file?: string | undefined; row?: number | undefined }): { file?: string; row?: number } {
  return { ...(item.file !== undefined ? { file: item.file } : {}), ...(item.row !== undefined ? { row: item.row } : {}) };
}

function sameValue(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && fold(a) === fold(b);
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function matchMentors(input: MatchingInputDraft, optionsInput: MatchingOptionsInput = {}): MatchingResult {
  const options = MatchingOptionsSchema.parse(optionsInput);
  const issues: InputIssue[] = [];
  const parsed = MatchingInputSchema.safeParse(input);
  const baseSettings = { ...options, bridgeBy: null };
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 10)) {
      issues.push({ level: 'error', code: 'bad-matching-input', message: `${issue.message} (at ${issue.path.join('.') || 'input'})`, field: issue.path.join('.') });
    }
    return { pairs: [], unplaced: [], mentors: [], mentees: 0, placed: 0, places: 0, totalScore: 0, feasible: false, settings: baseSettings, issues };
  }
  // Each id once: later duplicates are reported and left out.
  const dedupe = <T extends { id: string; file?: string | undefined; row?: number | undefined }>(list: T[], role: string): T[] => {
    const seen = new Map<string, T>();
    for (const item of list) {
      const first = seen.get(item.id);
      if (first !== undefined) {
        issues.push({ level: 'warning', code: `duplicate-${role}`, message: `the ${role} ${JSON.stringify(item.id)} is listed twice${first.row !== undefined ? ` (first in row ${first.row})` : ''}; the second is left out`, ...where(item) });
        continue;
      }
      seen.set(item.id, item);
    }
    return [...seen.values()];
  };
  const mentees: Mentee[] = dedupe(parsed.data.mentees, 'mentee');
  const mentors: Mentor[] = dedupe(parsed.data.mentors, 'mentor');
  const n = mentees.length;
  const m = mentors.length;
  const menteeAt = new Map(mentees.map((x, i) => [x.id, i]));
  const mentorAt = new Map(mentors.map((x, j) => [x.id, j]));

  // Work units and communities for the bridging bonus.
  const everyone = [...mentees, ...mentors].map((p) => ({ id: p.id, label: p.label, attributes: p.attributes }));
  const bridgeBy = options.bridgeBy ?? (options.bridge ? findGroupingAttribute(everyone, BRIDGE_ATTRIBUTES) : null);
  if (options.bridgeBy !== undefined && findAttribute(everyone, [options.bridgeBy]) === null) {
    issues.push({ level: 'warning', code: 'unknown-attribute', message: `no mentee or mentor has a "${options.bridgeBy}"; bridging counts ${options.communities ? 'communities only' : 'nothing'}`, field: options.bridgeBy });
  }
  const communities = options.communities;
  if (options.bridge && bridgeBy === null && communities === undefined) {
    issues.push({ level: 'warning', code: 'no-bridge-basis', message: 'bridging was asked for, but mentees and mentors have no work unit, organisation or sector, and no communities were given; pairs are matched without it' });
  }
  const unitOf = (attributes: Attributes): string | null => (bridgeBy === null ? null : groupValue(valueOf(attributes, bridgeBy)));
  const bridgingOf = (mentee: Mentee, mentor: Mentor): MatchPair['bridging'] => {
    if (!options.bridge) return null;
    if (bridgeBy !== null) {
      const a = unitOf(mentee.attributes);
      const b = unitOf(mentor.attributes);
      if (a !== null && b !== null && fold(a) !== fold(b)) return { by: bridgeBy, mentee: a, mentor: b };
    }
    if (communities !== undefined) {
      const own = (id: string): number | undefined => (Object.prototype.hasOwnProperty.call(communities, id) ? communities[id] : undefined);
      const a = own(mentee.id);
      const b = own(mentor.id);
      if (a !== undefined && b !== undefined && a !== b) return { by: 'community', mentee: String(a + 1), mentor: String(b + 1) };
    }
    return null;
  };

  // Identity preferences: only the ones a mentee chose, with the value they want.
  const wantedValues: Array<Array<{ preference: IdentityPreference; wanted: string | null }>> = mentees.map((mentee) =>
    mentee.preferences.map((preference) => {
      const wanted = preference.value ?? groupValue(valueOf(mentee.attributes, preference.attribute));
      if (wanted === null) {
        issues.push({
          level: 'warning',
          code: 'preference-without-value',
          message: `${JSON.stringify(mentee.label)} asked for a mentor with the same ${preference.attribute} but gave no ${preference.attribute}; the preference is not used`,
          ...where(mentee),
          field: preference.attribute,
        });
      }
      return { preference, wanted };
    }),
  );
  const identityOf = (i: number, mentor: Mentor): IdentityCheck[] =>
    wantedValues[i]!.filter((w) => w.wanted !== null).map(({ preference, wanted }) => {
      const mentorValue = groupValue(valueOf(mentor.attributes, preference.attribute));
      return { attribute: preference.attribute, wanted, same: preference.value === undefined, met: sameValue(wanted, mentorValue) };
    });

  // The same person on both lists.
  const samePerson = (a: Mentee, b: Mentor): boolean =>
    a.id === b.id || (a.email !== undefined && b.email !== undefined && a.email.toLowerCase() === b.email.toLowerCase()) || (nameKey(a.label) !== '' && nameKey(a.label) === nameKey(b.label));

  // Rules: rejections, then locks (each mentee at most one lock).
  const rejected = new Set<number>();
  const lockOf = new Int32Array(n).fill(-1);
  const lockRule: Array<PairRule | undefined> = new Array(n);
  const at = (rule: PairRule): { file?: string; row?: number } => ({ ...(rule.file !== undefined ? { file: rule.file } : {}), ...(rule.row !== undefined ? { row: rule.row } : {}) });
  for (const rule of parsed.data.rules) {
    const i = menteeAt.get(rule.mentee);
    const j = mentorAt.get(rule.mentor);
    if (i === undefined || j === undefined) {
      issues.push({ level: 'warning', code: 'unknown-pair', message: `the ${rule.action === 'lock' ? 'locked' : 'rejected'} pair ${JSON.stringify(rule.mentee)} - ${JSON.stringify(rule.mentor)} names ${i === undefined ? 'no such mentee' : 'no such mentor'}; ignored`, ...at(rule), field: i === undefined ? 'mentee' : 'mentor' });
      continue;
    }
    if (rule.action === 'reject') rejected.add(i * m + j);
  }
  for (const rule of parsed.data.rules) {
    if (rule.action !== 'lock') continue;
    const i = menteeAt.get(rule.mentee);
    const j = mentorAt.get(rule.mentor);
    if (i === undefined || j === undefined) continue;
    if (samePerson(mentees[i]!, mentors[j]!)) {
      issues.push({ level: 'warning', code: 'self-pair', message: `${JSON.stringify(mentees[i]!.label)} cannot be locked as their own mentor; ignored`, ...at(rule), field: 'mentor' });
      continue;
    }
    if (rejected.has(i * m + j)) {
      issues.push({ level: 'warning', code: 'lock-and-reject', message: `the pair ${JSON.stringify(mentees[i]!.label)} - ${JSON.stringify(mentors[j]!.label)} is both locked and rejected; the lock is kept`, ...at(rule) });
      rejected.delete(i * m + j);
    }
    if (lockOf[i] !== -1 && lockOf[i] !== j) {
      issues.push({ level: 'warning', code: 'two-locks', message: `${JSON.stringify(mentees[i]!.label)} is locked to ${JSON.stringify(mentors[lockOf[i]!]!.label)} already; the lock to ${JSON.stringify(mentors[j]!.label)} is ignored`, ...at(rule), field: 'mentor' });
      continue;
    }
    lockOf[i] = j;
    lockRule[i] = rule;
  }
  const lockedCount = new Int32Array(m);
  for (let i = 0; i < n; i++) if (lockOf[i]! >= 0) lockedCount[lockOf[i]!]!++;
  for (let j = 0; j < m; j++) {
    if (lockedCount[j]! > mentors[j]!.capacity) {
      issues.push({
        level: 'warning',
        code: 'over-capacity',
        message: `${JSON.stringify(mentors[j]!.label)} has ${mentors[j]!.capacity} place${mentors[j]!.capacity === 1 ? '' : 's'} but ${lockedCount[j]} locked mentees; every lock is kept and they take no one else`,
        ...where(mentors[j]!),
        field: 'capacity',
      });
    }
  }

  // Scores of every pair, and which pairs may be made.
  const score = new Float64Array(n * m);
  const allowed = new Uint8Array(n * m);
  const fits: Array<ReturnType<typeof goalFit> | undefined> = new Array(n * m);
  for (let i = 0; i < n; i++) {
    const mentee = mentees[i]!;
    for (let j = 0; j < m; j++) {
      const mentor = mentors[j]!;
      const k = i * m + j;
      if (samePerson(mentee, mentor) || rejected.has(k)) continue;
      const identity = identityOf(i, mentor);
      if (options.strictIdentity && identity.some((c) => !c.met)) continue;
      const fit = goalFit(mentee.goals, mentor.strengths);
      fits[k] = fit;
      const met = identity.length > 0 ? identity.filter((c) => c.met).length / identity.length : 0;
      score[k] = options.goalWeight * fit.score + (bridgingOf(mentee, mentor) !== null ? options.bridgeWeight : 0) + options.identityWeight * met;
      allowed[k] = 1;
    }
  }

  // Solve for the mentees without a lock, on the places left.
  const open = mentees.map((_, i) => i).filter((i) => lockOf[i] === -1);
  const left = mentors.map((mentor, j) => Math.max(0, mentor.capacity - lockedCount[j]!));
  const subScore = new Float64Array(open.length * m);
  const subAllowed = new Uint8Array(open.length * m);
  open.forEach((i, r) => {
    subScore.set(score.subarray(i * m, (i + 1) * m), r * m);
    subAllowed.set(allowed.subarray(i * m, (i + 1) * m), r * m);
  });
  const solved = solveAssignment({ rows: open.length, cols: m, score: subScore, allowed: subAllowed, capacity: left }, { placeFirst: options.placeEveryone });
  const mentorOf = Int32Array.from(lockOf);
  open.forEach((i, r) => {
    mentorOf[i] = solved.colOf[r]!;
  });

  // Pairs, explained.
  const pairs: MatchPair[] = [];
  const assigned = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const j = mentorOf[i]!;
    if (j < 0) continue;
    assigned[j]!++;
    const mentee = mentees[i]!;
    const mentor = mentors[j]!;
    const k = i * m + j;
    const fit = fits[k] ?? goalFit(mentee.goals, mentor.strengths);
    const bridging = bridgingOf(mentee, mentor);
    const identity = identityOf(i, mentor);
    const met = identity.length > 0 ? identity.filter((c) => c.met).length / identity.length : 0;
    const pairScore = options.goalWeight * fit.score + (bridging !== null ? options.bridgeWeight : 0) + options.identityWeight * met;
    const locked = lockOf[i] === j;
    pairs.push({
      mentee: mentee.id,
      menteeLabel: mentee.label,
      mentor: mentor.id,
      mentorLabel: mentor.label,
      score: round(pairScore),
      goalFit: round(fit.score),
      goalsMet: fit.matches.map((g) => ({ ...g, similarity: round(g.similarity) })),
      bridging,
      identity,
      locked,
      explanation: explain(mentee, mentor, fit, bridging, identity, locked, options),
    });
  }

  // Who was left out, and why.
  const places = mentors.reduce((s, x) => s + x.capacity, 0);
  const openPlaces = left.reduce((s, x) => s + x, 0);
  const unplaced: UnplacedMentee[] = [];
  for (let i = 0; i < n; i++) {
    if (mentorOf[i]! >= 0) continue;
    const mentee = mentees[i]!;
    const possible = mentors.filter((_, j) => allowed[i * m + j] === 1 && left[j]! > 0);
    let reason: string;
    if (possible.length === 0) {
      // Why each mentor with a place left cannot take them.
      const why = new Set<string>();
      mentors.forEach((mentor, j) => {
        if (left[j]! <= 0) return;
        if (samePerson(mentee, mentor)) why.add('one is the mentee themself');
        else if (rejected.has(i * m + j)) why.add('rejected by you');
        else why.add(`not of the identity they asked for (${mentee.preferences.map((p) => p.value ?? `same ${p.attribute}`).join(', ')})`);
      });
      reason = openPlaces === 0 ? `no mentor place is left: ${n} mentees for ${places} places` : `no mentor with a place left can take them (${listWords([...why])})`;
    } else {
      reason = `the ${possible.length === 1 ? 'one mentor' : `${possible.length} mentors`} who could take them ${possible.length === 1 ? 'was' : 'were'} needed for others: ${open.length} mentees to place on ${openPlaces} open places`;
    }
    unplaced.push({ mentee: mentee.id, label: mentee.label, reason });
  }
  if (unplaced.length > 0) {
    const short = n - places;
    issues.push({
      level: 'warning',
      code: short > 0 ? 'not-enough-places' : 'unplaced-mentees',
      message:
        (short > 0
          ? `${n} mentees but only ${places} mentor places: ${unplaced.length} mentee${unplaced.length === 1 ? ' is' : 's are'} left without a mentor`
          : `${unplaced.length} mentee${unplaced.length === 1 ? ' is' : 's are'} left without a mentor (locks and rejections leave no place that fits)`) +
        ` (${listWords(unplaced.slice(0, 5).map((u) => JSON.stringify(u.label)))}${unplaced.length > 5 ? ', ...' : ''}); this is the best partial assignment. Add mentors or places${short > 0 ? '' : ', or lift a rejection'}`,
    });
  }
  const mentorLoad: MentorLoad[] = mentors.map((mentor, j) => ({ mentor: mentor.id, label: mentor.label, capacity: mentor.capacity, assigned: assigned[j]!, locked: lockedCount[j]! }));
  return {
    pairs,
    unplaced,
    mentors: mentorLoad,
    mentees: n,
    placed: pairs.length,
    places,
    totalScore: round(pairs.reduce((s, p) => s + p.score, 0)),
    feasible: unplaced.length === 0,
    settings: { ...options, bridgeBy },
    issues,
  };
}

function explain(
  mentee: Mentee,
  mentor: Mentor,
  fit: ReturnType<typeof goalFit>,
  bridging: MatchPair['bridging'],
  identity: IdentityCheck[],
  locked: boolean,
  options: MatchingOptions,
): string {
  const parts: string[] = [];
  if (mentee.goals.length === 0) parts.push(`${mentee.label} gave no goals`);
  else if (fit.matches.length === 0) parts.push(`none of ${mentee.label}'s goals (${listWords(mentee.goals)}) is among ${mentor.label}'s strengths${mentor.strengths.length > 0 ? ` (${listWords(mentor.strengths)})` : ''}`);
  else {
    const met = fit.matches.map((g) => (g.similarity >= 0.999 ? g.goal : `${g.goal} (${g.similarity >= 0.5 ? 'close to' : 'partly'}: ${g.strength})`));
    const missing = mentee.goals.filter((g) => !fit.matches.some((x) => x.goal === g));
    parts.push(`${mentor.label} can help with ${listWords(met)}${missing.length > 0 ? `; not with ${listWords(missing)}` : ''}`);
  }
  if (options.bridge && bridging !== null) {
    parts.push(bridging.by === 'community' ? `bridges network communities ${bridging.mentee} and ${bridging.mentor}` : `bridges ${bridging.by}: ${bridging.mentee} and ${bridging.mentor}`);
  }
  // Identity values are not repeated: only whether the wish was met.
  for (const check of identity) {
    const wish = check.same ? `the same ${check.attribute}` : `${check.attribute} ${check.wanted ?? ''}`;
    parts.push(
      check.met
        ? `${wish}, as ${mentee.label} asked`
        : `${mentee.label} asked for ${wish}, which ${mentor.label} does not have (mentors who do were full, or fit the goals much less)`,
    );
  }
  if (locked) parts.push('locked by you');
  return `${mentee.label} with ${mentor.label}: ${parts.join('; ')}.`;
}
