/**
 * Key players for reach (Borgatti 2006, "Identifying sets of key players in a social network",
 * Computational and Mathematical Organization Theory 12: 21-34, the KPP-Pos problem with
 * k-step reach): a small set of people who together reach as much of the network as possible
 * within `steps` steps (themselves included). Choosing the smallest such set is NP-hard; the
 * greedy choice (each time the person who adds the most people not yet reached) is within a
 * factor 1 - 1/e of the best set of each size (Nemhauser, Wolsey & Fisher 1978) and is computed
 * lazily: a person's gain can only shrink, so stale gains are re-checked only at the top.
 *
 * Ties in gain go to the person with more contacts, then to the earlier index: deterministic.
 */
import type { Csr } from '../../core/graph/csr.ts';
import { MinHeap } from '../../core/util/min-heap.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { ball, reachRows, type ReachDirection } from './step-reach.ts';

export interface KeyPlayerOptions {
  /** Steps within which a player reaches people. Default 2. */
  steps?: number;
  /** Share of the network to reach. Default 0.9. */
  targetShare?: number;
  /** Always pick at least this many (for the 1..10 curve) unless nobody adds reach. Default 10. */
  minPlayers?: number;
  /** Never pick more than this many. Default 100. */
  maxPlayers?: number;
  /** Default `both` (see step-reach). */
  direction?: ReachDirection;
  /**
   * Others each person reaches within `steps` steps in the same direction, when already known
   * (e.g. from stepReach): saves one search per person.
   */
  knownReach?: ArrayLike<number>;
}

export interface KeyPlayer {
  node: number;
  /** People this player adds to those already reached (themselves included). */
  added: number;
  /** Share of the whole network reached by the players so far. */
  shareReached: number;
}

export interface KeyPlayers {
  players: KeyPlayer[];
  targetShare: number;
  /** How many of `players` it takes to reach the target share; null if never reached. */
  setSize: number | null;
}

export function keyPlayers(csr: Csr, options: KeyPlayerOptions = {}, hooks?: RunHooks): KeyPlayers {
  const n = csr.n;
  const steps = options.steps ?? 2;
  const targetShare = options.targetShare ?? 0.9;
  const minPlayers = options.minPlayers ?? 10;
  const maxPlayers = Math.min(options.maxPlayers ?? 100, n);
  const rows = reachRows(csr, options.direction ?? 'both');
  const seen = new Int32Array(n).fill(-1);
  const members = new Int32Array(n);
  let stamp = 0;
  const covered = new Uint8Array(n);
  const degree = new Int32Array(n);
  for (let v = 0; v < n; v++) degree[v] = rows.offsets[v + 1]! - rows.offsets[v]!;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => degree[b]! - degree[a]! || a - b);
  const tiebreak = new Float64Array(n);
  order.forEach((v, rank) => (tiebreak[v] = rank / (n + 1)));
  const heap = new MinHeap(n);
  for (let v = 0; v < n; v++) {
    const size = options.knownReach ? options.knownReach[v]! + 1 : ball(rows, v, steps, seen, stamp++, members);
    heap.push(-size + tiebreak[v]!, v);
  }
  const players: KeyPlayer[] = [];
  let reached = 0;
  let setSize: number | null = n === 0 ? 0 : null;
  while (heap.size > 0 && players.length < maxPlayers) {
    checkCancelled(hooks);
    const v = heap.pop();
    const size = ball(rows, v, steps, seen, stamp++, members);
    let gain = 0;
    for (let i = 0; i < size; i++) if (!covered[members[i]!]) gain++;
    const key = -gain + tiebreak[v]!;
    if (heap.size > 0 && key > heap.peekKey()) {
      heap.push(key, v); // stale: someone else may now add more
      continue;
    }
    if (gain === 0) break;
    for (let i = 0; i < size; i++) covered[members[i]!] = 1;
    reached += gain;
    players.push({ node: v, added: gain, shareReached: reached / n });
    if (setSize === null && reached / n >= targetShare - 1e-12) setSize = players.length;
    if (setSize !== null && players.length >= minPlayers) break;
  }
  return { players, targetShare, setSize };
}
