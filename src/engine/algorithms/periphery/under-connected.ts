/**
 * Under-connected members: who sits at the edge of the network and why, in plain words. The
 * periphery is an asset (new ideas, links to other communities), so this ranks people to engage,
 * never low performers.
 *
 * Each person gets a periphery score in [0, 1] (1 = furthest out): a weighted mean of how far
 * down they rank (mid-rank percentile, so ties share a rank) on
 *
 *                                                      directed   undirected
 *   times named by others (in-degree)                   0.35       -
 *   contacts (distinct people tied either way)          0.15       0.50
 *   people reached within `farSteps` steps              0.20       0.20
 *   k-core level (Seidman 1983)                         0.15       0.15
 *   continuous core score (Borgatti & Everett 1999)     0.15       0.15
 *
 * On directed (survey) data being named is what others say about a person, while naming others
 * depends on how much of the survey they filled in; so it weighs most. Non-respondents (attribute
 * `responded` false) are marked, so "peripheral" is not read as "did not answer", and on directed
 * data they are scored on the one unbiased signal there is for them: 1 - the percentile of how
 * often they were named, among everyone. (Their contacts, reach and k-core only count the people
 * who named them, which would push them outwards for not answering.)
 *
 * Someone is flagged peripheral when they are outside the core partition and either have at
 * most one contact or score at least `threshold` (default 0.75). Reasons are kept as codes and
 * as sentences (names from `labels`).
 */
import type { Contacts } from '../brokerage/contacts.ts';
import { listNames, midrankPercentile } from '../brokerage/ranks.ts';

export interface PeripheryInputs {
  labels: string[];
  /** Unweighted contacts (either direction). */
  contacts: Contacts;
  /** Directed graphs: who named each person (the CSR's in-rows); null for undirected graphs. */
  namedBy: { offsets: Int32Array; targets: Int32Array } | null;
  /** k-core level per person. */
  kCore: ArrayLike<number>;
  /** Continuous core score per person. */
  coreScore: ArrayLike<number>;
  /** 1 for members of the core partition. */
  inCore: Uint8Array;
  /** Share of the others reached within `farSteps` steps. */
  farReach: ArrayLike<number>;
  farSteps: number;
  /** Group per person (-1 unknown) and how to name a group in a sentence. */
  group: Int32Array;
  groupName: (g: number) => string;
  /** 1 for people who did not answer the survey. */
  nonRespondent: Uint8Array;
}

/** The periphery score from which a person is flagged peripheral when not said. */
export const DEFAULT_PERIPHERY_THRESHOLD = 0.75;

export interface PeripheryOptions {
  /** Score from which a person is flagged peripheral. Default DEFAULT_PERIPHERY_THRESHOLD. */
  threshold?: number;
  /** Below this share reached within `farSteps` steps, say so. Default 0.5. */
  farShare?: number;
}

export const PERIPHERY_REASONS = [
  'isolate',
  'pendant',
  'few-ties',
  'named-by-no-one',
  'named-once',
  'single-group',
  'far-from-most',
  'outlying-branch',
  'non-respondent',
] as const;
export type PeripheryReasonCode = (typeof PERIPHERY_REASONS)[number];

export interface PeripheryReason {
  code: PeripheryReasonCode;
  text: string;
}

export interface PeripheryScores {
  /** Periphery score per person, 1 = furthest out. */
  score: Float64Array;
  /** 1 when flagged peripheral. */
  peripheral: Uint8Array;
  /** Flagged people, most peripheral first (score, then fewer contacts, then index). */
  order: number[];
}

function percentOf(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Times each person was named by someone else (self-ties left out); null if undirected. */
function namedCounts(inputs: PeripheryInputs): Float64Array | null {
  const rows = inputs.namedBy;
  if (!rows) return null;
  const n = inputs.contacts.n;
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let k = rows.offsets[v]!; k < rows.offsets[v + 1]!; k++) if (rows.targets[k] !== v) out[v]!++;
  }
  return out;
}

/** Weights of the score's parts (see the module comment). */
const W = {
  named: 0.35,
  contactsDirected: 0.15,
  contacts: 0.5,
  reach: 0.2,
  kCore: 0.15,
  core: 0.15,
};

export function peripheryScores(inputs: PeripheryInputs, options: PeripheryOptions = {}): PeripheryScores {
  const { contacts, inCore } = inputs;
  const n = contacts.n;
  const inDegree = namedCounts(inputs);
  const threshold = options.threshold ?? DEFAULT_PERIPHERY_THRESHOLD;
  const count = new Float64Array(n);
  for (let v = 0; v < n; v++) count[v] = contacts.offsets[v + 1]! - contacts.offsets[v]!;
  const contactPct = midrankPercentile(count);
  const reachPct = midrankPercentile(inputs.farReach);
  const kCorePct = midrankPercentile(inputs.kCore);
  const corePct = midrankPercentile(inputs.coreScore);
  const namedPct = inDegree ? midrankPercentile(inDegree) : null;
  const score = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s: number;
    if (namedPct && inputs.nonRespondent[v]) {
      // Only what others said is known: judge them on it alone, against everyone's.
      s = 1 - namedPct[v]!;
    } else if (namedPct) {
      s =
        W.named * (1 - namedPct[v]!) +
        W.contactsDirected * (1 - contactPct[v]!) +
        W.reach * (1 - reachPct[v]!) +
        W.kCore * (1 - kCorePct[v]!) +
        W.core * (1 - corePct[v]!);
    } else {
      s =
        W.contacts * (1 - contactPct[v]!) +
        W.reach * (1 - reachPct[v]!) +
        W.kCore * (1 - kCorePct[v]!) +
        W.core * (1 - corePct[v]!);
    }
    score[v] = Math.min(1, Math.max(0, s));
  }
  const peripheral = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (!inCore[v] && (count[v]! <= 1 || score[v]! >= threshold - 1e-12)) peripheral[v] = 1;
  }
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((v) => peripheral[v])
    .sort((a, b) => score[b]! - score[a]! || count[a]! - count[b]! || a - b);
  return { score, peripheral, order };
}

/** Why person v is at the edge, in plain words (most telling first). */
export function peripheryReasons(inputs: PeripheryInputs, v: number, options: PeripheryOptions = {}): PeripheryReason[] {
  const { contacts, labels, namedBy } = inputs;
  const farShare = options.farShare ?? 0.5;
  const reasons: PeripheryReason[] = [];
  const from = contacts.offsets[v]!;
  const to = contacts.offsets[v + 1]!;
  const degree = to - from;
  const names = (limit: number): string[] => {
    const list: number[] = [];
    for (let k = from; k < to; k++) list.push(contacts.targets[k]!);
    return list.slice(0, limit).map((u) => labels[u]!);
  };
  if (degree === 0) {
    reasons.push({ code: 'isolate', text: 'no ties to anyone in this network' });
  } else {
    if (namedBy) {
      const by: number[] = [];
      for (let k = namedBy.offsets[v]!; k < namedBy.offsets[v + 1]!; k++) {
        if (namedBy.targets[k] !== v) by.push(namedBy.targets[k]!);
      }
      if (by.length === 0 && !inputs.nonRespondent[v]) {
        reasons.push({ code: 'named-by-no-one', text: 'named by no one' });
      } else if (by.length === 1 && degree > 1) {
        reasons.push({ code: 'named-once', text: `named by only one person (${labels[by[0]!]})` });
      }
    }
    if (degree === 1) {
      reasons.push({ code: 'pendant', text: `one tie, to ${names(1)[0]}` });
    } else if (degree <= 3) {
      const word = degree === 2 ? 'two' : 'three';
      reasons.push({ code: 'few-ties', text: `only ${word} ties, to ${listNames(names(3))}` });
    }
    if (degree >= 2) {
      const g = inputs.group[contacts.targets[from]!]!;
      let same = g >= 0;
      for (let k = from + 1; k < to && same; k++) same = inputs.group[contacts.targets[k]!] === g;
      if (same) {
        const text =
          inputs.group[v] === g
            ? `all ties inside their own group (${inputs.groupName(g)})`
            : `all ties go to one other group (${inputs.groupName(g)})`;
        reasons.push({ code: 'single-group', text });
      }
      if (inputs.kCore[v]! <= 1) {
        reasons.push({
          code: 'outlying-branch',
          text: 'on an outlying branch: none of their ties is part of a closely knit circle',
        });
      }
    }
    const reach = inputs.farReach[v]!;
    if (reach < farShare) {
      reasons.push({
        code: 'far-from-most',
        text: `more than ${inputs.farSteps} steps from most members (within ${inputs.farSteps} steps they reach ${percentOf(reach)} of the network)`,
      });
    }
  }
  if (inputs.nonRespondent[v]) {
    reasons.push({
      code: 'non-respondent',
      text: 'did not answer the survey: known only from what others said, so may be better connected than shown',
    });
  }
  return reasons;
}
