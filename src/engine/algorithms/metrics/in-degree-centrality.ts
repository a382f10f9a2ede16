/**
 * In-degree centrality as networkx's `in_degree_centrality`: the share of the other people whose
 * ties point to a person, in-degree / (n - 1) (a self-loop counts once, as networkx counts it).
 * With one person or none, networkx gives 1 to everyone; so does this.
 */
import type { Csr } from '../../core/graph/csr.ts';

export function inDegreeCentrality(csr: Csr): Float64Array {
  const n = csr.n;
  const out = new Float64Array(n);
  if (n <= 1) return out.fill(1);
  const scale = 1 / (n - 1);
  for (let i = 0; i < n; i++) out[i] = (csr.inOffsets[i + 1]! - csr.inOffsets[i]!) * scale;
  return out;
}
