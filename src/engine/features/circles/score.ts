/**
 * How good a circle is, on its own: every term of the objective is local to one circle, so a
 * swap or a move is judged by re-scoring the two circles it touches.
 *
 *   newPair x (pairs not already tied and not ruled out)
 *   - rule x (pairs ruled out: reports-to or an earlier season; units missing from the mixing
 *             rule; identity wishes not met; members outside the circle's size bounds)
 *   + edgeWithConnector x (people at the edge sharing the circle with a well-connected person)
 *   - edgeCrowding x (people at the edge beyond the circle's fair share)
 *   - sizeDrift x (members more or fewer than the circle's planned size)
 *
 * The rule weight dwarfs the others, so the search gives up any number of new pairs before it
 * breaks a rule; the edge terms are below one pair so they only decide between equal counts of
 * new pairs, mostly. Bigger circles hold more pairs (a circle of 6 has 15, two of 5 have 20, a 4
 * and a 6 have 21), so a member off the planned size costs more than the pair it could add: sizes
 * move away from the plan only to keep a rule.
 */
import { pairKey } from './network-view.ts';
import type { CircleProblem } from './problem.ts';

export const CIRCLE_WEIGHTS = {
  newPair: 1,
  rule: 100,
  edgeWithConnector: 0.4,
  edgeCrowding: 0.4,
  sizeDrift: 1.5,
} as const;

/** What one circle holds, term by term. */
export interface CircleTally {
  size: number;
  pairs: number;
  newPairs: number;
  /** Pairs ruled out that share the circle. */
  forbiddenPairs: number;
  distinctUnits: number;
  /** Distinct units still wanted by the mixing rule. */
  unitsMissing: number;
  wishes: number;
  wishesUnmet: number;
  edge: number;
  connected: number;
  /** Edge people sharing the circle with a well-connected person. */
  edgeWithConnector: number;
  edgeBeyondShare: number;
  /** Members beyond the circle's size bounds (below or above). */
  sizeOff: number;
  /** Members more or fewer than the planned size. */
  sizeDrift: number;
}

export function tallyCircle(p: CircleProblem, members: readonly number[], circle: number): CircleTally {
  const s = members.length;
  let newPairs = 0;
  let forbiddenPairs = 0;
  let distinct = 0;
  let edge = 0;
  let connected = 0;
  let wishes = 0;
  let unmet = 0;
  for (let x = 0; x < s; x++) {
    const a = members[x]!;
    if (p.edge[a]) edge++;
    if (p.connected[a]) connected++;
    const u = p.unit[a]!;
    if (u >= 0) {
      let seen = false;
      for (let y = 0; y < x && !seen; y++) seen = p.unit[members[y]!] === u;
      if (!seen) distinct++;
    }
    for (let y = x + 1; y < s; y++) {
      const key = pairKey(p.n, a, members[y]!);
      if (p.forbidden.has(key)) forbiddenPairs++;
      else if (!p.tied.has(key)) newPairs++;
    }
    for (const want of p.wants[a]!) {
      wishes++;
      let met = false;
      for (let y = 0; y < s && !met; y++) if (y !== x && p.holds[members[y]!]!.includes(want)) met = true;
      if (!met) unmet++;
    }
  }
  const wanted = Math.min(p.minDistinct, s);
  return {
    size: s,
    pairs: (s * (s - 1)) / 2,
    newPairs,
    forbiddenPairs,
    distinctUnits: distinct,
    unitsMissing: Math.max(0, wanted - distinct),
    wishes,
    wishesUnmet: unmet,
    edge,
    connected,
    edgeWithConnector: connected > 0 ? edge : 0,
    edgeBeyondShare: Math.max(0, edge - p.edgeShare),
    sizeOff: Math.max(0, p.minSize[circle]! - s) + Math.max(0, s - p.maxSize[circle]!),
    sizeDrift: Math.abs(s - p.target[circle]!),
  };
}

/** Broken rules in a tally, each counted once. */
export function rulesBroken(t: CircleTally): number {
  return t.forbiddenPairs + t.unitsMissing + t.wishesUnmet + t.sizeOff;
}

export function scoreTally(t: CircleTally): number {
  const w = CIRCLE_WEIGHTS;
  return w.newPair * t.newPairs - w.rule * rulesBroken(t) + w.edgeWithConnector * t.edgeWithConnector - w.edgeCrowding * t.edgeBeyondShare - w.sizeDrift * t.sizeDrift;
}

export function scoreCircle(p: CircleProblem, members: readonly number[], circle: number): number {
  return scoreTally(tallyCircle(p, members, circle));
}
