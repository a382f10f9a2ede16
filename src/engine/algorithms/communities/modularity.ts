/**
 * Newman-Girvan modularity of a partition, written independently of the Louvain package so the
 * modularity it reports can be checked. Same definition as networkx's `community.modularity`:
 * undirected Q = sum_c [L_c / m - gamma (D_c / 2m)^2]; directed (Leicht & Newman 2008)
 * Q = sum_c [L_c / m - gamma Dout_c Din_c / m^2], with L_c the weight of ties inside c.
 */
import type { Csr } from '../../core/graph/csr.ts';

/** The modularity resolution gamma when none is given: Newman-Girvan's own (1). */
export const DEFAULT_RESOLUTION = 1;

export interface ModularityOptions {
  weighted?: boolean;
  /** Resolution gamma. Default DEFAULT_RESOLUTION. */
  resolution?: number;
}

export function modularity(csr: Csr, membership: Int32Array, options: ModularityOptions = {}): number {
  const weighted = options.weighted ?? false;
  const gamma = options.resolution ?? DEFAULT_RESOLUTION;
  let count = 0;
  for (let i = 0; i < csr.n; i++) count = Math.max(count, membership[i]! + 1);
  const inside = new Float64Array(count);
  const outSum = new Float64Array(count);
  const inSum = new Float64Array(count);
  let total = 0;
  for (let u = 0; u < csr.n; u++) {
    const cu = membership[u]!;
    for (let k = csr.outOffsets[u]!; k < csr.outOffsets[u + 1]!; k++) {
      const v = csr.outTargets[k]!;
      const w = weighted ? csr.outWeights[k]! : 1;
      // Undirected rows hold each tie twice (a self-loop once): count a tie's weight once overall
      // but both of its ends in the degree sums.
      const share = !csr.directed && v !== u ? w / 2 : w;
      total += share;
      if (membership[v] === cu) inside[cu]! += share;
      outSum[cu]! += csr.directed || v !== u ? w : 2 * w;
      if (csr.directed) inSum[membership[v]!]! += w;
    }
  }
  if (total === 0) return 0;
  let q = 0;
  for (let c = 0; c < count; c++) {
    q += csr.directed
      ? inside[c]! / total - (gamma * outSum[c]! * inSum[c]!) / (total * total)
      : inside[c]! / total - gamma * (outSum[c]! / (2 * total)) ** 2;
  }
  return q;
}
