/**
 * Local clustering and transitivity on the undirected view of a graph (self-loops ignored), as
 * networkx's `clustering`, `average_clustering` and `transitivity`. The weighted variant is
 * Onnela et al. (2005), networkx's `clustering(G, weight=...)`: the geometric mean of the
 * triangle's weights, each divided by the graph's largest weight.
 */
import type { Csr } from '../../core/graph/csr.ts';

export interface ClusteringResult {
  /** Local clustering coefficient, 0 for nodes with fewer than two neighbours. */
  clustering: Float64Array;
  /** Number of triangles each node is in. */
  triangles: Float64Array;
  /** networkx `transitivity`: 3 x triangles / connected triples. */
  transitivity: number;
  /** networkx `average_clustering` (all nodes, zeros included). */
  averageClustering: number;
}

export interface ClusteringOptions {
  weighted?: boolean;
}

/** `csr` must be undirected (use `undirectedView` first for directed graphs). */
export function clustering(csr: Csr, options: ClusteringOptions = {}): ClusteringResult {
  if (csr.directed) throw new Error('clustering: expects the undirected view of the graph.');
  const n = csr.n;
  const { outOffsets: off, outTargets: adj, outWeights: wts } = csr;
  const weighted = options.weighted ?? false;
  let maxWeight = 0;
  if (weighted) for (let k = 0; k < wts.length; k++) maxWeight = Math.max(maxWeight, wts[k]!);
  // mark[v] = 1 + position of v in u's row, so the u-v weight can be read in O(1).
  const mark = new Int32Array(n);
  const clusteringValues = new Float64Array(n);
  const triangles = new Float64Array(n);
  let triangleSum = 0;
  let triples = 0;
  for (let u = 0; u < n; u++) {
    let deg = 0;
    for (let k = off[u]!; k < off[u + 1]!; k++) {
      const v = adj[k]!;
      if (v !== u) {
        mark[v] = k + 1;
        deg++;
      }
    }
    let t = 0;
    let wt = 0;
    for (let k = off[u]!; k < off[u + 1]!; k++) {
      const v = adj[k]!;
      if (v === u) continue;
      for (let j = off[v]!; j < off[v + 1]!; j++) {
        const w = adj[j]!;
        if (w === u || w === v || mark[w] === 0) continue;
        t++;
        if (weighted) {
          const wuv = wts[k]! / maxWeight;
          const wvw = wts[j]! / maxWeight;
          const wwu = wts[mark[w]! - 1]! / maxWeight;
          wt += Math.cbrt(wuv * wvw * wwu);
        }
      }
    }
    for (let k = off[u]!; k < off[u + 1]!; k++) mark[adj[k]!] = 0;
    // Each triangle at u was seen from both of its other corners.
    triangles[u] = t / 2;
    triangleSum += t / 2;
    triples += (deg * (deg - 1)) / 2;
    if (deg >= 2) clusteringValues[u] = (weighted ? wt : t) / (deg * (deg - 1));
  }
  let sum = 0;
  for (let u = 0; u < n; u++) sum += clusteringValues[u]!;
  return {
    clustering: clusteringValues,
    triangles,
    transitivity: triples > 0 ? triangleSum / triples : 0,
    averageClustering: n > 0 ? sum / n : 0,
  };
}
