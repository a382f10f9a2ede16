/**
 * Whole-network figures (networkx definitions): density counts self-loops among the edges as
 * `nx.density` does; reciprocity is `nx.reciprocity` (share of arcs whose reverse exists).
 */
import type { Csr } from '../../core/graph/csr.ts';

export function density(csr: Csr): number {
  const n = csr.n;
  if (n <= 1) return 0;
  return csr.directed ? csr.edgeCount / (n * (n - 1)) : (2 * csr.edgeCount) / (n * (n - 1));
}

/** Share of arcs reciprocated; null for undirected graphs. Self-loops count as unreciprocated arcs. */
export function reciprocity(csr: Csr): number | null {
  if (!csr.directed) return null;
  if (csr.edgeCount === 0) return 0;
  const seen = new Set<number>();
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.outOffsets[u]!; k < csr.outOffsets[u + 1]!; k++) seen.add(u * csr.n + csr.outTargets[k]!);
  }
  let mutual = 0;
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.outOffsets[u]!; k < csr.outOffsets[u + 1]!; k++) {
      const v = csr.outTargets[k]!;
      if (v !== u && seen.has(v * csr.n + u)) mutual++;
    }
  }
  return mutual / csr.edgeCount;
}
