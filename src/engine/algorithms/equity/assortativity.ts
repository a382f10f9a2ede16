/**
 * Attribute assortativity (Newman 2003, "Mixing patterns in networks", Phys. Rev. E 67 026126,
 * eq. 2) exactly as networkx 2.8.8's `attribute_assortativity_coefficient`:
 * r = (trace(e) - sum(e^2)) / (1 - sum(e^2)), e the normalised mixing matrix. Every tie is read
 * from both ends in an undirected graph (a self-loop once), every arc once in a directed one, as
 * networkx's `node_attribute_xy` does. People with no group (-1) are left out with their ties:
 * networkx's value on the subgraph of people who have the attribute. 1 = ties only within
 * groups, 0 = as if at random, negative = ties mostly across groups; null when undefined (no
 * ties, or everyone in one group).
 */
import type { Csr } from '../../core/graph/csr.ts';

export function attributeAssortativity(csr: Csr, group: Int32Array): number | null {
  let groups = 0;
  for (let v = 0; v < csr.n; v++) if (group[v]! + 1 > groups) groups = group[v]! + 1;
  const e = new Float64Array(groups * groups);
  let total = 0;
  for (let u = 0; u < csr.n; u++) {
    const gu = group[u]!;
    if (gu < 0) continue;
    for (let k = csr.outOffsets[u]!; k < csr.outOffsets[u + 1]!; k++) {
      const gv = group[csr.outTargets[k]!]!;
      if (gv < 0) continue;
      e[gu * groups + gv]!++;
      total++;
    }
  }
  if (total === 0) return null;
  let trace = 0;
  let s = 0;
  const a = new Float64Array(groups);
  const b = new Float64Array(groups);
  for (let i = 0; i < groups; i++) {
    for (let j = 0; j < groups; j++) {
      const x = e[i * groups + j]! / total;
      a[i]! += x;
      b[j]! += x;
      if (i === j) trace += x;
    }
  }
  for (let i = 0; i < groups; i++) s += a[i]! * b[i]!;
  if (!(1 - s > 1e-15)) return null;
  return (trace - s) / (1 - s);
}
