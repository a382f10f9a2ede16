/**
 * Reachability of skills: how many steps separate each person from the nearest person holding a
 * skill, by one breadth-first search per skill started from all its holders at once (a
 * multi-source BFS: O(skills x (people + ties))). Ties are read as contacts, either direction,
 * unweighted, as the rest of the people insights read them: someone you named or who named you is
 * someone you can ask.
 *
 * Distances are kept as bytes: 0 for a holder, 1 for their contacts, ...; UNREACHABLE (255) for
 * people with no path to any holder (another part of the network, or no holder at all). Paths
 * longer than 254 steps are stored as 254.
 */
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';

export const UNREACHABLE = 255;
const MAX_STORED = 254;

/** Contact rows (sorted neighbour lists), e.g. from `contactsOf(csr)`. */
export interface ContactRows {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
}

/** Steps from every node to the nearest of `sources` (see the module comment). */
export function distancesFrom(rows: ContactRows, sources: ArrayLike<number>, queue = new Int32Array(rows.n)): Uint8Array {
  const dist = new Uint8Array(rows.n).fill(UNREACHABLE);
  let tail = 0;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    if (dist[s] === 0) continue;
    dist[s] = 0;
    queue[tail++] = s;
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    const next = Math.min(MAX_STORED, dist[v]! + 1);
    for (let k = rows.offsets[v]!; k < rows.offsets[v + 1]!; k++) {
      const w = rows.targets[k]!;
      if (dist[w] !== UNREACHABLE) continue;
      dist[w] = next;
      queue[tail++] = w;
    }
  }
  return dist;
}

/** One distance array per skill (holders as given by SkillTable.holders). */
export function skillDistances(rows: ContactRows, holders: readonly Int32Array[], hooks?: RunHooks): Uint8Array[] {
  const queue = new Int32Array(rows.n);
  return holders.map((list, s) => {
    if ((s & 15) === 0) {
      checkCancelled(hooks);
      hooks?.onProgress?.('skill reach', s / Math.max(1, holders.length));
    }
    return distancesFrom(rows, list, queue);
  });
}

/** Share of the people at most `steps` from a holder (holders included; 0 when n = 0). */
export function shareWithin(dist: Uint8Array, steps: number): number {
  if (dist.length === 0) return 0;
  let count = 0;
  for (let v = 0; v < dist.length; v++) if (dist[v]! <= steps) count++;
  return count / dist.length;
}

/** How far each person is from each skill, in four buckets (skill indices, ascending). */
export interface PersonSkillReach {
  holds: number[];
  oneStep: number[];
  twoSteps: number[];
  outOfReach: number[];
}

export function personSkillReach(distances: readonly Uint8Array[], v: number): PersonSkillReach {
  const out: PersonSkillReach = { holds: [], oneStep: [], twoSteps: [], outOfReach: [] };
  distances.forEach((dist, s) => {
    const d = dist[v]!;
    if (d === 0) out.holds.push(s);
    else if (d === 1) out.oneStep.push(s);
    else if (d === 2) out.twoSteps.push(s);
    else out.outOfReach.push(s);
  });
  return out;
}

/**
 * The "skill distance" a group would need to bridge: the fewest steps from any member to any
 * holder (0 when a member holds it), per group; -1 when no member can reach a holder or the group
 * has no members. `group[v]` is the node's group (-1 for none).
 */
export function groupDistances(dist: Uint8Array, group: ArrayLike<number>, groups: number): Int32Array {
  const best = new Int32Array(groups).fill(UNREACHABLE);
  for (let v = 0; v < dist.length; v++) {
    const g = group[v]!;
    if (g < 0 || g >= groups) continue;
    if (dist[v]! < best[g]!) best[g] = dist[v]!;
  }
  return best.map((d) => (d === UNREACHABLE ? -1 : d));
}

/** Steps from one node to every other (-1 unreachable), optionally stopping after `maxSteps`. */
export function stepsFrom(rows: ContactRows, source: number, maxSteps = Infinity): Int32Array {
  const dist = new Int32Array(rows.n).fill(-1);
  const queue = new Int32Array(rows.n);
  let tail = 0;
  dist[source] = 0;
  queue[tail++] = source;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    if (dist[v]! >= maxSteps) continue;
    for (let k = rows.offsets[v]!; k < rows.offsets[v + 1]!; k++) {
      const w = rows.targets[k]!;
      if (dist[w] !== -1) continue;
      dist[w] = dist[v]! + 1;
      queue[tail++] = w;
    }
  }
  return dist;
}

/** People (source included) within one step of `v` who are more than two steps from the skill. */
export function gainIfHeldAt(rows: ContactRows, dist: Uint8Array, v: number): number {
  let gain = dist[v]! > 2 ? 1 : 0;
  for (let k = rows.offsets[v]!; k < rows.offsets[v + 1]!; k++) if (dist[rows.targets[k]!]! > 2) gain++;
  return gain;
}

/** People within two steps of `v` (v included) who are more than two steps from the skill. */
export function gainIfLearnedBy(rows: ContactRows, dist: Uint8Array, v: number, seen: Int32Array, stamp: number): number {
  let gain = 0;
  const visit = (w: number): void => {
    if (seen[w] === stamp) return;
    seen[w] = stamp;
    if (dist[w]! > 2) gain++;
  };
  visit(v);
  for (let k = rows.offsets[v]!; k < rows.offsets[v + 1]!; k++) {
    const w = rows.targets[k]!;
    visit(w);
    for (let j = rows.offsets[w]!; j < rows.offsets[w + 1]!; j++) visit(rows.targets[j]!);
  }
  return gain;
}
