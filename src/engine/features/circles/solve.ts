/**
 * Three ways to fill the circles, all seeded and deterministic, all keeping locks and filling
 * each circle to the same planned size:
 *
 * - `randomCircles`: a seeded shuffle dealt into the circles (the random baseline);
 * - `greedyCircles`: each person in turn (those with rules first, then the people at the edge,
 *   then everyone else in a seeded order) joins the open circle where the score gains most (the
 *   greedy baseline, and the search's start; above GREEDY_CANDIDATES circles, the best of that
 *   many);
 * - `searchCircles`: simulated annealing from a start, swapping two people or moving one between
 *   circles within the size bounds, for a fixed number of steps (so a seed gives the same circles
 *   on any machine), keeping the best circles seen.
 */
import { createRng, type Rng } from '../../core/util/rng.ts';
import type { CircleProblem } from './problem.ts';
import { scoreCircle } from './score.ts';

/** Circle index per person. */
export type Assignment = Int32Array;

export function membersOf(p: CircleProblem, circleOf: Assignment): number[][] {
  const members: number[][] = p.target.map(() => []);
  for (let i = 0; i < p.n; i++) if (circleOf[i]! >= 0) members[circleOf[i]!]!.push(i);
  return members;
}

function shuffled(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function withLocks(p: CircleProblem): Assignment {
  return Int32Array.from(p.lockedTo);
}

export function randomCircles(p: CircleProblem, seed: number): Assignment {
  const rng = createRng(seed);
  const circleOf = withLocks(p);
  const room = p.target.map((t, c) => t - circleOf.filter((x) => x === c).length);
  let c = 0;
  for (const i of shuffled(p.n, rng)) {
    if (circleOf[i]! >= 0) continue;
    while (room[c]! <= 0) c++;
    circleOf[i] = c;
    room[c]!--;
  }
  return circleOf;
}

/** How hard a person is to place: rules on them first, then the edge. */
function difficulty(p: CircleProblem, forbiddenCount: Int32Array, i: number): number {
  return forbiddenCount[i]! * 4 + p.wants[i]!.length * 4 + (p.edge[i] ? 2 : 0) + (p.unit[i]! >= 0 ? 0 : 1);
}

/** Open circles one person weighs in the greedy pass; programs with more circles weigh this many. */
export const GREEDY_CANDIDATES = 256;
/** A step between people's starting circles, prime so the starts spread over every circle. */
const GREEDY_STRIDE = 7919;

export function greedyCircles(p: CircleProblem, seed: number): Assignment {
  const rng = createRng(seed ^ 0x5bd1e995);
  const circleOf = withLocks(p);
  const members = membersOf(p, circleOf);
  const score = members.map((m, c) => scoreCircle(p, m, c));
  const forbiddenCount = new Int32Array(p.n);
  for (const key of p.forbidden.keys()) {
    forbiddenCount[Math.floor(key / p.n)]!++;
    forbiddenCount[key % p.n]!++;
  }
  const order = shuffled(p.n, rng)
    .filter((i) => circleOf[i]! < 0)
    .map((i, at) => ({ i, at, d: difficulty(p, forbiddenCount, i) }))
    .sort((x, y) => y.d - x.d || x.at - y.at)
    .map((x) => x.i);
  const k = members.length;
  order.forEach((i, at) => {
    let best = -1;
    let bestGain = -Infinity;
    let bestScore = 0;
    // Large programs: each person weighs GREEDY_CANDIDATES open circles from a rotating start,
    // which keeps the greedy pass near-linear; smaller ones weigh every circle.
    const start = k > GREEDY_CANDIDATES ? (at * GREEDY_STRIDE) % k : 0;
    let weighed = 0;
    for (let step = 0; step < k && weighed < GREEDY_CANDIDATES; step++) {
      const c = (start + step) % k;
      if (members[c]!.length >= p.target[c]!) continue;
      weighed++;
      const next = [...members[c]!, i];
      const s = scoreCircle(p, next, c);
      const gain = s - score[c]!;
      // Equal gains: the emptier circle, so circles fill evenly.
      if (gain > bestGain + 1e-9 || (Math.abs(gain - bestGain) <= 1e-9 && members[c]!.length < members[best]!.length)) {
        best = c;
        bestGain = gain;
        bestScore = s;
      }
    }
    circleOf[i] = best;
    members[best]!.push(i);
    score[best] = bestScore;
  });
  return circleOf;
}

export interface SearchOptions {
  seed: number;
  iterations: number;
}

/** Simulated annealing from `start` (not changed); the best circles seen. */
export function searchCircles(p: CircleProblem, start: Assignment, options: SearchOptions): Assignment {
  const rng = createRng(options.seed ^ 0x2545f491);
  const circleOf = Int32Array.from(start);
  const free = [];
  for (let i = 0; i < p.n; i++) if (p.lockedTo[i]! < 0) free.push(i);
  const k = p.target.length;
  if (free.length === 0 || k < 2 || options.iterations === 0) return circleOf;
  const members = membersOf(p, circleOf);
  const score = members.map((m, c) => scoreCircle(p, m, c));
  let total = score.reduce((s, x) => s + x, 0);
  let best = Int32Array.from(circleOf);
  let bestTotal = total;
  // Temperatures in units of the objective: from several new pairs down to a small share of one.
  const hot = 2;
  const cold = 0.02;
  const cooling = Math.pow(cold / hot, 1 / Math.max(1, options.iterations));
  let temperature = hot;
  for (let step = 0; step < options.iterations; step++, temperature *= cooling) {
    const a = free[Math.floor(rng() * free.length)]!;
    const from = circleOf[a]!;
    let to: number;
    let b = -1;
    if (rng() < 0.75) {
      b = free[Math.floor(rng() * free.length)]!;
      to = circleOf[b]!;
      if (to === from) continue;
    } else {
      to = Math.floor(rng() * (k - 1));
      if (to >= from) to++;
      if (members[from]!.length - 1 < p.minSize[from]! || members[to]!.length + 1 > p.maxSize[to]!) continue;
    }
    const nextFrom = members[from]!.filter((x) => x !== a);
    const nextTo = b >= 0 ? members[to]!.filter((x) => x !== b) : [...members[to]!];
    nextTo.push(a);
    if (b >= 0) nextFrom.push(b);
    const sFrom = scoreCircle(p, nextFrom, from);
    const sTo = scoreCircle(p, nextTo, to);
    const delta = sFrom + sTo - score[from]! - score[to]!;
    if (delta < 0 && rng() >= Math.exp(delta / temperature)) continue;
    members[from] = nextFrom;
    members[to] = nextTo;
    score[from] = sFrom;
    score[to] = sTo;
    circleOf[a] = to;
    if (b >= 0) circleOf[b] = from;
    total += delta;
    if (total > bestTotal + 1e-9) {
      bestTotal = total;
      best = Int32Array.from(circleOf);
    }
  }
  return best;
}
