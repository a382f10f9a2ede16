/**
 * The circles problem on indices: participants 0..n-1 with who is already tied (in the chosen
 * relations), the pairs that must not meet (reports-to, earlier seasons), each person's unit,
 * the identity wishes they wrote, who is at the edge or well connected, locks and circle sizes.
 * `buildProblem` turns the records into it and says, as issues and relaxations, what it could
 * not use or cannot hold before any search. The solver and the baselines only read it.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { AttributeValue, Person } from '../../core/model/records.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { findGroupingAttribute, groupValue, normalizeAttributeName } from '../../core/model/group-attributes.ts';
import { foldText } from '../../people/name-normalize.ts';
import { lookupSome, pairKey, viewNetwork } from './network-view.ts';
import { BRIDGE_ATTRIBUTES, valueOf } from '../matching/match-mentors.ts';
import type { CircleLock, CirclesOptions, Participant, PreviousPair } from './model.ts';

export type RuleKind = 'size' | 'across' | 'reports-to' | 'previous' | 'identity' | 'lock';

/** A constraint that could not hold, and for whom. */
export interface Relaxed {
  constraint: RuleKind;
  /** Participant ids it was relaxed for. */
  people: string[];
  /** The circle's name, when it concerns one circle. */
  circle?: string;
  message: string;
}

export interface CircleProblem {
  n: number;
  ids: string[];
  labels: string[];
  /** Pairs already tied, as `pairKey(a, b)`. */
  tied: Set<number>;
  /** Pairs that must not share a circle, with why (for messages). */
  forbidden: Map<number, { kind: 'reports-to' | 'previous'; why: string }>;
  /** Unit index per person, -1 unknown; names per index. */
  unit: Int32Array;
  unitNames: string[];
  /** The across attribute, null when circles are not mixed by one. */
  across: string | null;
  /** Distinct units wanted per circle (capped at its size); 0 when there is no rule. */
  minDistinct: number;
  /** Identity wish keys someone asked for: what each person holds and what they want. */
  wishKeys: Array<{ attribute: string; value: string }>;
  holds: number[][];
  wants: number[][];
  inNetwork: Uint8Array;
  /** Contacts in the chosen relations, -1 when not in the network. */
  contacts: Int32Array;
  edge: Uint8Array;
  connected: Uint8Array;
  /** Edge people a circle takes before it counts as crowded: ceil(edge people / circles). */
  edgeShare: number;
  /** Circle index a person is locked to, -1 free. */
  lockedTo: Int32Array;
  circleNames: string[];
  /** Size each circle is filled to at the start, and the bounds the search keeps. */
  target: number[];
  minSize: number[];
  maxSize: number[];
  /** The size range asked for (before any relaxation), for the report. */
  sizeRange: { min: number; max: number };
  edgeMaxContacts: number | null;
  connectedMinContacts: number | null;
  relations: string[];
}


const fold = (text: string): string => foldText(text).trim();

function values(value: AttributeValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [String(value)]).map(fold).filter((v) => v !== '');
}

const asPerson = (p: Participant): Person => ({ id: p.id, label: p.label, attributes: { ...p.attributes, ...(p.email !== undefined ? { email: p.email } : {}) } });

/** The value at quantile q (0..1) of sorted numbers, lower. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))]!;
}

/** Circle count and sizes: as even as the range allows, near its middle; relaxed (and said) when no count fits. */
function planSizes(n: number, lockedCircles: readonly string[], lockedCount: (c: number) => number, options: CirclesOptions, relaxed: Relaxed[], ids: readonly string[]): Pick<CircleProblem, 'target' | 'minSize' | 'maxSize' | 'circleNames'> {
  const lo = options.minSize;
  const hi = options.maxSize;
  if (n === 0) return { target: [], minSize: [], maxSize: [], circleNames: [] };
  const kMin = Math.ceil(n / hi);
  const kMax = Math.floor(n / lo);
  let k = Math.min(kMax, Math.max(kMin, Math.round(n / ((lo + hi) / 2))));
  let sizeLo = lo;
  let sizeHi = hi;
  if (kMin > kMax) {
    k = Math.max(1, Math.round(n / ((lo + hi) / 2)));
    sizeLo = Math.floor(n / k);
    sizeHi = Math.ceil(n / k);
    relaxed.push({ constraint: 'size', people: [...ids], message: `${n} participants cannot make circles of ${lo}-${hi}; ${k === 1 ? `one circle of ${n}` : `${k} circles of ${sizeLo === sizeHi ? sizeLo : `${sizeLo}-${sizeHi}`}`} instead` });
  }
  if (lockedCircles.length > k) {
    k = lockedCircles.length;
    if (k * sizeLo > n) {
      sizeLo = Math.floor(n / k);
      relaxed.push({ constraint: 'size', people: [], message: `the locks name ${k} circles, more than ${n} people fill at ${lo} or more each; some circles are smaller` });
    }
  }
  const names: string[] = [...lockedCircles];
  for (let c = 1; names.length < k; c++) if (!names.includes(`Circle ${c}`)) names.push(`Circle ${c}`);
  // Water-filling from the locked members up: sizes as even as possible, never below a lock.
  const target = names.map((_, c) => lockedCount(c));
  let left = n - target.reduce((s, x) => s + x, 0);
  while (left > 0) {
    let c = 0;
    for (let d = 1; d < k; d++) if (target[d]! < target[c]!) c = d;
    target[c]!++;
    left--;
  }
  return {
    target,
    minSize: target.map((t) => Math.min(t, sizeLo)),
    maxSize: target.map((t) => Math.max(t, sizeHi)),
    circleNames: names,
  };
}

export interface ProblemInput {
  participants: readonly Participant[];
  network?: Dataset | undefined;
  previous: readonly PreviousPair[];
  locks: readonly CircleLock[];
}

export interface BuiltProblem {
  problem: CircleProblem;
  relaxed: Relaxed[];
  issues: InputIssue[];
  unknownReportsTo: Array<{ person: string; label: string; written: string; file?: string; row?: number }>;
}

export function buildProblem(input: ProblemInput, options: CirclesOptions): BuiltProblem {
  const issues: InputIssue[] = [];
  const relaxed: Relaxed[] = [];
  const participants = input.participants;
  const n = participants.length;
  const ids = participants.map((p) => p.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const where = (p: { file?: string | undefined; row?: number | undefined }): { file?: string; row?: number } => ({ ...(p.file !== undefined ? { file: p.file } : {}), ...(p.row !== undefined ? { row: p.row } : {}) });
  const net = viewNetwork(participants, input.network, options, issues);

  // Units.
  const persons = participants.map(asPerson);
  let across = options.across ?? findGroupingAttribute(persons, BRIDGE_ATTRIBUTES);
  if (options.across !== undefined && !participants.some((p) => values(valueOf(p.attributes, options.across!)).length > 0)) {
    issues.push({ level: 'warning', code: 'unknown-attribute', message: `no participant has a "${options.across}"; circles are not mixed by it`, field: options.across });
    across = null;
  }
  const unit = new Int32Array(n).fill(-1);
  const unitNames: string[] = [];
  const unitAt = new Map<string, number>();
  if (across !== null) {
    participants.forEach((p, i) => {
      const value = groupValue(valueOf(p.attributes, across!));
      if (value === null) return;
      const key = fold(value);
      if (!unitAt.has(key)) {
        unitAt.set(key, unitNames.length);
        unitNames.push(value);
      }
      unit[i] = unitAt.get(key)!;
    });
  }
  let minDistinct = across === null ? 0 : options.minDistinct;
  if (across !== null && unitNames.length < minDistinct) {
    relaxed.push({ constraint: 'across', people: [], message: `each circle was to hold ${minDistinct} different ${across} values, but the participants have only ${unitNames.length}; circles hold as many as there are` });
    minDistinct = unitNames.length;
  }

  // Reports-to: matched to participants by id, else by name or email.
  const forbidden: CircleProblem['forbidden'] = new Map();
  const unknownReportsTo: BuiltProblem['unknownReportsTo'] = [];
  const asking = participants.map((p, i) => ({ p, i })).filter(({ p }) => p.reportsTo !== undefined);
  const named = asking.filter(({ p }) => !index.has(p.reportsTo!));
  const bossLookup = lookupSome(
    named.map(({ p, i }) => ({ text: p.reportsTo!, file: p.file ?? 'participants', row: p.row ?? i + 2, field: 'reports to' })),
    { people: persons, unknownNames: 'leave', question: 'reports-to', what: 'reports-to' },
  );
  // Names matching no one are listed once, below.
  for (const issue of bossLookup.issues) if (issue.code !== 'unmatched-name' && issue.code !== 'not-a-person') issues.push(issue);
  const bossOf = new Map(named.map(({ i }, k) => [i, bossLookup.entries[k]?.person ?? null]));
  const outside = input.network !== undefined ? lookupSome(
    named.filter(({ i }) => bossOf.get(i) === null).map(({ p, i }) => ({ text: p.reportsTo!, file: p.file ?? 'participants', row: p.row ?? i + 2, field: 'reports to' })),
    { people: input.network.people, unknownNames: 'leave', question: 'reports-to', what: 'network' },
  ) : undefined;
  const inNetworkOnly = new Set((outside?.entries ?? []).filter((e) => e.person !== null).map((e) => e.row));
  for (const { p, i } of asking) {
    const boss = index.has(p.reportsTo!) ? p.reportsTo! : bossOf.get(i) ?? null;
    if (boss === null) {
      // Someone in the network but not taking part needs no rule; anyone else is listed.
      if (inNetworkOnly.has(p.row ?? i + 2)) continue;
      unknownReportsTo.push({ person: p.id, label: p.label, written: p.reportsTo!, ...where(p) });
      continue;
    }
    const b = index.get(boss)!;
    if (b === i) {
      issues.push({ level: 'warning', code: 'reports-to-self', message: `${JSON.stringify(p.label)} is written as reporting to themself; ignored`, ...where(p), field: 'reports to' });
      continue;
    }
    forbidden.set(pairKey(n, i, b), { kind: 'reports-to', why: `${p.label} reports to ${participants[b]!.label}` });
  }
  if (unknownReportsTo.length > 0) {
    issues.push({
      level: 'warning',
      code: 'unknown-reports-to',
      message: `${unknownReportsTo.length} reports-to name${unknownReportsTo.length === 1 ? '' : 's'} match${unknownReportsTo.length === 1 ? 'es' : ''} no participant${input.network !== undefined ? ' and no one in the network' : ''}: ${unknownReportsTo.slice(0, 5).map((u) => `${JSON.stringify(u.written)} (for ${JSON.stringify(u.label)})`).join(', ')}${unknownReportsTo.length > 5 ? ', ...' : ''}; no rule keeps them apart`,
      ...where(unknownReportsTo[0]!),
      field: 'reports to',
    });
  }
  for (const pair of input.previous) {
    const a = index.get(pair.a);
    const b = index.get(pair.b);
    if (a === undefined || b === undefined || a === b) continue;
    const key = pairKey(n, a, b);
    if (!forbidden.has(key)) forbidden.set(key, { kind: 'previous', why: `${participants[a]!.label} and ${participants[b]!.label} met before (${pair.source})` });
  }

  // Identity wishes: only the askers' own, with the value each wants.
  const wishKeys: CircleProblem['wishKeys'] = [];
  const keyAt = new Map<string, number>();
  const wants: number[][] = participants.map(() => []);
  participants.forEach((p, i) => {
    for (const wish of p.wishes) {
      const value = wish.value ?? groupValue(valueOf(p.attributes, wish.attribute));
      if (value === null) {
        issues.push({ level: 'warning', code: 'wish-without-value', message: `${JSON.stringify(p.label)} asked for a circle with the same ${wish.attribute} but gave no ${wish.attribute}; the wish is not used`, ...where(p), field: wish.attribute });
        continue;
      }
      const key = `${normalizeAttributeName(wish.attribute)}\u0000${fold(value)}`;
      if (!keyAt.has(key)) {
        keyAt.set(key, wishKeys.length);
        wishKeys.push({ attribute: wish.attribute, value });
      }
      wants[i]!.push(keyAt.get(key)!);
    }
  });
  const holds: number[][] = participants.map((p) =>
    wishKeys.map((w, k) => (values(valueOf(p.attributes, w.attribute)).includes(fold(w.value)) ? k : -1)).filter((k) => k >= 0),
  );

  // The edge and the well connected, from contacts among participants found in the network.
  const counts = [...net.contacts].filter((c) => c >= 0).sort((a, b) => a - b);
  const edgeMax = counts.length === 0 ? null : options.edgeMaxContacts ?? Math.max(1, quantile(counts, 0.25));
  const connectedMin = counts.length === 0 || edgeMax === null ? null : options.connectedMinContacts ?? Math.max(edgeMax + 1, quantile(counts, 0.75));
  const edge = new Uint8Array(n);
  const connected = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (net.contacts[i]! < 0) continue;
    if (edgeMax !== null && net.contacts[i]! <= edgeMax) edge[i] = 1;
    else if (connectedMin !== null && net.contacts[i]! >= connectedMin) connected[i] = 1;
  }

  // Locks: each named circle once, the first lock of a person kept.
  const lockedTo = new Int32Array(n).fill(-1);
  const lockNames: string[] = [];
  for (const lock of input.locks) {
    const i = index.get(lock.person);
    if (i === undefined) {
      issues.push({ level: 'warning', code: 'unknown-participant', message: `the lock names ${JSON.stringify(lock.person)}, who is not a participant; ignored`, ...where(lock), field: 'person' });
      continue;
    }
    let c = lockNames.indexOf(lock.circle);
    if (c < 0) c = lockNames.push(lock.circle) - 1;
    if (lockedTo[i] !== -1 && lockedTo[i] !== c) {
      issues.push({ level: 'warning', code: 'two-locks', message: `${JSON.stringify(participants[i]!.label)} is locked to ${JSON.stringify(lockNames[lockedTo[i]!])} already; the lock to ${JSON.stringify(lock.circle)} is ignored`, ...where(lock), field: 'circle' });
      continue;
    }
    lockedTo[i] = c;
  }
  const lockedCount = (c: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) if (lockedTo[i] === c) s++;
    return s;
  };
  const sizes = planSizes(n, lockNames, lockedCount, options, relaxed, ids);
  sizes.circleNames.forEach((name, c) => {
    const locked = lockedCount(c);
    if (locked > options.maxSize) {
      relaxed.push({ constraint: 'size', people: ids.filter((_, i) => lockedTo[i] === c), circle: name, message: `${locked} people are locked in ${name}, more than ${options.maxSize}; the locks are kept` });
    }
  });
  const edgeCount = edge.reduce((s, x) => s + x, 0);
  return {
    problem: {
      n,
      ids,
      labels: participants.map((p) => p.label),
      tied: net.tied,
      forbidden,
      unit,
      unitNames,
      across,
      minDistinct,
      wishKeys,
      holds,
      wants,
      inNetwork: net.inNetwork,
      contacts: net.contacts,
      edge,
      connected,
      edgeShare: Math.max(1, Math.ceil(edgeCount / Math.max(1, sizes.target.length))),
      lockedTo,
      ...sizes,
      sizeRange: { min: options.minSize, max: options.maxSize },
      edgeMaxContacts: edgeMax,
      connectedMinContacts: connectedMin,
      relations: net.relations,
    },
    relaxed,
    issues,
    unknownReportsTo,
  };
}
