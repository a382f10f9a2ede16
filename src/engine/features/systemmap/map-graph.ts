/**
 * A system map as compact arrays for the algorithms: factors indexed in map order, out-neighbour
 * rows (CSR) with the link behind each arc, the signs, and the shared `Csr` used by the
 * shortest-path kernel (so betweenness is the same code, and the same definition, as for people
 * networks: networkx `betweenness_centrality(G, normalized=True)` on the directed, unweighted map).
 */
import { csrFromEdgeArrays } from '../../core/graph/csr.ts';
import type { Csr } from '../../core/graph/csr.ts';
import { pathCentralities } from '../../algorithms/metrics/path-centralities.ts';
import { shortestPathPass } from '../../algorithms/metrics/shortest-paths.ts';
import type { RunHooks } from '../../core/util/cancel.ts';
import type { SystemMap } from '../../core/model/systemmap.ts';

export interface MapGraph {
  n: number;
  /** Factor ids in map order; index i is factor i. */
  ids: string[];
  labels: string[];
  index: Map<string, number>;
  /** Out-rows: arcs offsets[i]..offsets[i+1] leave factor i. Self-loops included. */
  offsets: Int32Array;
  targets: Int32Array;
  /** Index into map.links of each arc. */
  arcLinks: Int32Array;
  /** Link index of arc u -> v, keyed u * n + v. */
  linkOf: Map<number, number>;
  /** The directed, unweighted CSR (self-loops included) for the shortest-path kernel. */
  csr: Csr;
}

/** Builds the arrays. Links naming unknown factors are skipped (a checked map has none). */
export function mapGraph(map: SystemMap): MapGraph {
  const ids = map.factors.map((f) => f.id);
  const labels = map.factors.map((f) => f.label || f.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const n = ids.length;
  const arcs: Array<[number, number, number]> = [];
  const linkOf = new Map<number, number>();
  map.links.forEach((link, li) => {
    const u = index.get(link.from);
    const v = index.get(link.to);
    if (u === undefined || v === undefined || linkOf.has(u * n + v)) return;
    linkOf.set(u * n + v, li);
    arcs.push([u, v, li]);
  });
  const offsets = new Int32Array(n + 1);
  for (const [u] of arcs) offsets[u + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(arcs.length);
  const arcLinks = new Int32Array(arcs.length);
  for (const [u, v, li] of arcs) {
    const at = cursor[u]!++;
    targets[at] = v;
    arcLinks[at] = li;
  }
  const s = new Int32Array(arcs.map((a) => a[0]));
  const t = new Int32Array(arcs.map((a) => a[1]));
  const csr = csrFromEdgeArrays(ids, s, t, new Float64Array(arcs.length).fill(1), true);
  return { n, ids, labels, index, offsets, targets, arcLinks, linkOf, csr };
}

/**
 * Betweenness of each factor: the share of shortest causal chains between two other factors that
 * pass through it (networkx `betweenness_centrality`, normalised by (n-1)(n-2), directed).
 */
export function factorBetweenness(graph: MapGraph, hooks?: RunHooks): Float64Array {
  if (graph.n === 0) return new Float64Array(0);
  const partials = shortestPathPass(graph.csr, { weighting: 'none' }, hooks);
  return pathCentralities(partials, graph.n).betweenness;
}
