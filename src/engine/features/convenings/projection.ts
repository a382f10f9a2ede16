/**
 * One-mode projections of the person-event network, as networkx's `bipartite` module computes
 * them (Borgatti & Everett 1997, "Network analysis of 2-mode data"):
 *
 * - `shared` (default): the weight of a pair is the number of events both attended (people), or
 *   of people at both events (events): `weighted_projected_graph(B, nodes)`;
 * - `newman`: Newman's collaboration weighting (Newman 2001, "Scientific collaboration networks.
 *   II"): each shared event k adds 1 / (d_k - 1), d_k being its number of attendees, so meeting
 *   at a small workshop counts more than at a plenary: `collaboration_weighted_projected_graph`.
 *
 * Thresholds keep only pairs that shared at least `minShared` events (default 1) and whose weight
 * is at least `minWeight` (default 0). `maxEventSize` (default: no limit) leaves out events with
 * more attendees than that (a plenary of 500 would tie everyone to everyone). Cost: the sum over
 * events of attendees squared.
 */
import type { Tie } from '../../core/model/records.ts';
import type { TwoModeNetwork } from './two-mode.ts';

export type ProjectionWeighting = 'shared' | 'newman';

/** The relation name of the co-attendance layer. */
export const CO_ATTENDANCE = 'co-attendance';

/** How a co-attendance pair's weight is counted when not said: the events they share. */
export const DEFAULT_PROJECTION_WEIGHTING: ProjectionWeighting = 'shared';
/** Fewest events two people share to be tied when not said: one. */
export const DEFAULT_MIN_SHARED = 1;

export interface ProjectionOptions {
  /** How a pair's weight is counted. Default DEFAULT_PROJECTION_WEIGHTING. */
  weighting?: ProjectionWeighting;
  /** Fewest events (people, for the event side) a pair must share to be tied. Default DEFAULT_MIN_SHARED. */
  minShared?: number;
  /** Smallest weight kept. Default 0 (all). */
  minWeight?: number;
  /** Events (people, for the event side) with more members than this are left out. Default Infinity. */
  maxEventSize?: number;
}

export interface ProjectedPair {
  /** Indices into `people` (or `events`), a < b. */
  a: number;
  b: number;
  /** Events (or people) shared. */
  shared: number;
  /** `shared`, or Newman's collaboration weight. */
  weight: number;
}

/**
 * Projects the network onto one side. Pairs come sorted by (a, b); people (or events) that
 * share nothing with anyone get no pair.
 */
export function projectTwoMode(network: TwoModeNetwork, side: 'people' | 'events' = 'people', options: ProjectionOptions = {}): ProjectedPair[] {
  const weighting = options.weighting ?? DEFAULT_PROJECTION_WEIGHTING;
  const minShared = options.minShared ?? DEFAULT_MIN_SHARED;
  const minWeight = options.minWeight ?? 0;
  const maxSize = options.maxEventSize ?? Infinity;
  // Groups: the other side's members (events' attendees when projecting onto people).
  const groups = side === 'people' ? network.attendeesOf : network.eventsOf;
  const size = side === 'people' ? network.people.length : network.events.length;
  const shared = new Map<number, number>();
  const weight = new Map<number, number>();
  for (const members of groups) {
    const d = members.length;
    if (d < 2 || d > maxSize) continue;
    const add = 1 / (d - 1);
    for (let x = 0; x < d; x++) {
      const a = members[x]!;
      for (let y = x + 1; y < d; y++) {
        const b = members[y]!;
        const key = a < b ? a * size + b : b * size + a;
        shared.set(key, (shared.get(key) ?? 0) + 1);
        if (weighting === 'newman') weight.set(key, (weight.get(key) ?? 0) + add);
      }
    }
  }
  const pairs: ProjectedPair[] = [];
  for (const [key, count] of shared) {
    if (count < minShared) continue;
    const w = weighting === 'newman' ? weight.get(key)! : count;
    if (w < minWeight) continue;
    pairs.push({ a: Math.floor(key / size), b: key % size, shared: count, weight: w });
  }
  pairs.sort((p, q) => p.a - q.a || p.b - q.b);
  return pairs;
}

/**
 * The co-attendance layer: an undirected tie between every two people who attended the same
 * events (relation `co-attendance`, weight = events shared, or Newman's weight), with the number
 * of events shared in the tie's `sharedEvents` attribute.
 */
export function coAttendanceTies(network: TwoModeNetwork, options: ProjectionOptions & { relation?: string } = {}): Tie[] {
  const relation = options.relation ?? CO_ATTENDANCE;
  return projectTwoMode(network, 'people', options).map((pair) => ({
    source: network.people[pair.a]!,
    target: network.people[pair.b]!,
    relation,
    directed: false,
    weight: pair.weight,
    attributes: { sharedEvents: pair.shared },
  }));
}
