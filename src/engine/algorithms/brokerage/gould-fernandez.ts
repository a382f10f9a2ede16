/**
 * Brokerage roles of Gould & Fernandez (1989), "Structures of mediation: a formal approach to
 * brokerage in transaction networks", Sociological Methodology 19: 89-126.
 *
 * Person b brokers every open two-path a -> b -> c (a, b, c distinct, no tie a -> c). With each
 * person in a group, b's role on that path is
 *
 *   coordinator     a, b, c all in one group                      A -> A -> A
 *   itinerant       a and c share a group, b is an outsider        A -> B -> A  (also "consultant")
 *   representative  b speaks for its own group to another          A -> A -> B
 *   gatekeeper      b lets another group into its own              B -> A -> A
 *   liaison         all three in different groups                  A -> B -> C
 *
 * These counts are UCINET's and statnet's `brokerage()` raw counts. Undirected graphs: a tie is
 * read as a tie both ways (as both programs read a symmetric matrix), so each open path a - b - c
 * counts once in each direction: coordinator, itinerant and liaison counts are twice the number
 * of unordered paths, and representative equals gatekeeper. People whose group is unknown
 * (group -1) take part in no classified path. Self-loops are ignored.
 */
import type { Csr } from '../../core/graph/csr.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';

export const BROKERAGE_ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

export interface BrokerageCounts {
  coordinator: Float64Array;
  itinerant: Float64Array;
  representative: Float64Array;
  gatekeeper: Float64Array;
  liaison: Float64Array;
  /** All five roles together. */
  total: Float64Array;
  /** Paths between two different groups: itinerant + representative + gatekeeper + liaison. */
  acrossGroups: Float64Array;
}

/**
 * Role counts for every node. `group[v]` is v's group number (>= 0) or -1 when unknown.
 */
export function gouldFernandez(csr: Csr, group: Int32Array, hooks?: RunHooks): BrokerageCounts {
  const n = csr.n;
  if (group.length !== n) throw new Error('gould-fernandez: one group number per node expected.');
  const counts = {
    coordinator: new Float64Array(n),
    itinerant: new Float64Array(n),
    representative: new Float64Array(n),
    gatekeeper: new Float64Array(n),
    liaison: new Float64Array(n),
    total: new Float64Array(n),
    acrossGroups: new Float64Array(n),
  };
  const { outOffsets, outTargets, inOffsets, inTargets } = csr;
  // mark[c] === a means a -> c exists: a's out-row is marked again before each use, and a cell
  // only ever holds a when a -> c, so stale marks never mislead and need no clearing.
  const mark = new Int32Array(n).fill(-1);
  for (let b = 0; b < n; b++) {
    if ((b & 1023) === 0) checkCancelled(hooks);
    const gb = group[b]!;
    if (gb < 0) continue;
    for (let i = inOffsets[b]!; i < inOffsets[b + 1]!; i++) {
      const a = inTargets[i]!;
      if (a === b) continue;
      const ga = group[a]!;
      if (ga < 0) continue;
      for (let k = outOffsets[a]!; k < outOffsets[a + 1]!; k++) mark[outTargets[k]!] = a;
      for (let j = outOffsets[b]!; j < outOffsets[b + 1]!; j++) {
        const c = outTargets[j]!;
        if (c === a || c === b || mark[c] === a) continue;
        const gc = group[c]!;
        if (gc < 0) continue;
        if (ga === gb) {
          if (gb === gc) counts.coordinator[b]!++;
          else counts.representative[b]!++;
        } else if (gb === gc) {
          counts.gatekeeper[b]!++;
        } else if (ga === gc) {
          counts.itinerant[b]!++;
        } else {
          counts.liaison[b]!++;
        }
      }
    }
  }
  for (let v = 0; v < n; v++) {
    const across =
      counts.itinerant[v]! + counts.representative[v]! + counts.gatekeeper[v]! + counts.liaison[v]!;
    counts.acrossGroups[v] = across;
    counts.total[v] = across + counts.coordinator[v]!;
  }
  return counts;
}
