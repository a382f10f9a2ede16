/**
 * Step reach: how many other people each person reaches in at most 1, 2, ..., `maxSteps` steps
 * along ties (a breadth-first search cut off at that depth; Borgatti 2006, "Identifying sets of
 * key players in a social network", calls this k-step reach). Shares divide by n - 1.
 *
 * Direction: `both` (default) follows a tie either way, as a survey tie means the two people are
 * in touch; `out` follows ties from the person (whom they can reach), `in` towards them (who can
 * reach them). Undirected graphs are the same in all three.
 */
import type { Csr } from '../../core/graph/csr.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { contactsOf } from '../brokerage/contacts.ts';

export type ReachDirection = 'both' | 'out' | 'in';

export interface StepReachOptions {
  /** Default 3. */
  maxSteps?: number;
  /** Default `both`. */
  direction?: ReachDirection;
}

export interface StepReach {
  maxSteps: number;
  /** counts[s - 1][v]: others reached by v within s steps. */
  counts: Int32Array[];
  /** counts / (n - 1) (0 when n < 2). */
  shares: Float64Array[];
}

/** Rows (offsets, targets) to walk for a direction. */
export function reachRows(csr: Csr, direction: ReachDirection): { offsets: Int32Array; targets: Int32Array } {
  if (direction === 'both' || !csr.directed) {
    const c = contactsOf(csr);
    return { offsets: c.offsets, targets: c.targets };
  }
  return direction === 'out'
    ? { offsets: csr.outOffsets, targets: csr.outTargets }
    : { offsets: csr.inOffsets, targets: csr.inTargets };
}

/**
 * Nodes within `depth` steps of `source` (source first, then by distance), into `out`; returns
 * the count. `seen` must hold no value equal to `stamp` beforehand.
 */
export function ball(
  rows: { offsets: Int32Array; targets: Int32Array },
  source: number,
  depth: number,
  seen: Int32Array,
  stamp: number,
  out: Int32Array,
  levelEnds?: Int32Array,
): number {
  const { offsets, targets } = rows;
  let tail = 0;
  out[tail++] = source;
  seen[source] = stamp;
  let head = 0;
  for (let level = 1; level <= depth; level++) {
    const end = tail;
    for (; head < end; head++) {
      const v = out[head]!;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const w = targets[k]!;
        if (seen[w] === stamp) continue;
        seen[w] = stamp;
        out[tail++] = w;
      }
    }
    if (levelEnds) levelEnds[level - 1] = tail;
    if (tail === end) {
      if (levelEnds) for (let l = level; l < depth; l++) levelEnds[l] = tail;
      break;
    }
  }
  return tail;
}

export function stepReach(csr: Csr, options: StepReachOptions = {}, hooks?: RunHooks): StepReach {
  const n = csr.n;
  const maxSteps = options.maxSteps ?? 3;
  const rows = reachRows(csr, options.direction ?? 'both');
  const counts = Array.from({ length: maxSteps }, () => new Int32Array(n));
  const seen = new Int32Array(n).fill(-1);
  const out = new Int32Array(n);
  const levelEnds = new Int32Array(maxSteps);
  for (let v = 0; v < n; v++) {
    if ((v & 255) === 0) {
      checkCancelled(hooks);
      hooks?.onProgress?.('reach', v / Math.max(1, n));
    }
    ball(rows, v, maxSteps, seen, v, out, levelEnds);
    for (let s = 0; s < maxSteps; s++) counts[s]![v] = levelEnds[s]! - 1;
  }
  const shares = counts.map((c) => Float64Array.from(c, (x) => (n > 1 ? x / (n - 1) : 0)));
  return { maxSteps, counts, shares };
}
