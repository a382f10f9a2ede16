/**
 * Compressed sparse row form of a graph: the compact typed arrays that cross to workers
 * (transferred, not cloned) and that every path kernel runs on.
 *
 * Undirected graphs store each edge in both endpoints' rows (a self-loop once), so `in*` and
 * `out*` are the same arrays. Directed graphs keep out-rows (u -> v) and in-rows (v <- u).
 */
import type { NetworkGraph } from './build-graph.ts';

export interface Csr {
  n: number;
  directed: boolean;
  /** Node ids in index order. */
  ids: string[];
  outOffsets: Int32Array;
  outTargets: Int32Array;
  outWeights: Float64Array;
  inOffsets: Int32Array;
  inTargets: Int32Array;
  inWeights: Float64Array;
  /** Number of edges as networkx counts them (an undirected edge once). */
  edgeCount: number;
  /** Total weight of self-loops at each node (0 for most). */
  selfLoopWeight: Float64Array;
  selfLoopCount: Int32Array;
}

function fillRows(
  n: number,
  edges: { s: Int32Array; t: Int32Array; w: Float64Array; m: number },
  symmetric: boolean,
  reverse: boolean,
): { offsets: Int32Array; targets: Int32Array; weights: Float64Array } {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < edges.m; e++) {
    const s = edges.s[e]!;
    const t = edges.t[e]!;
    if (symmetric) {
      offsets[s + 1]!++;
      if (s !== t) offsets[t + 1]!++;
    } else {
      offsets[(reverse ? t : s) + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, n);
  const total = offsets[n]!;
  const targets = new Int32Array(total);
  const weights = new Float64Array(total);
  const put = (from: number, to: number, w: number): void => {
    const at = cursor[from]!++;
    targets[at] = to;
    weights[at] = w;
  };
  for (let e = 0; e < edges.m; e++) {
    const s = edges.s[e]!;
    const t = edges.t[e]!;
    const w = edges.w[e]!;
    if (symmetric) {
      put(s, t, w);
      if (s !== t) put(t, s, w);
    } else if (reverse) {
      put(t, s, w);
    } else {
      put(s, t, w);
    }
  }
  return { offsets, targets, weights };
}

/** Builds the CSR from a graphology graph; node index follows graph.nodes() order. */
export function toCsr(graph: NetworkGraph): Csr {
  const ids = graph.nodes();
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const m = graph.size;
  const s = new Int32Array(m);
  const t = new Int32Array(m);
  const w = new Float64Array(m);
  let e = 0;
  graph.forEachEdge((_edge, attr, source, target) => {
    s[e] = index.get(source)!;
    t[e] = index.get(target)!;
    w[e] = attr.weight;
    e++;
  });
  return csrFromEdgeArrays(ids, s, t, w, graph.type === 'directed');
}

/** Builds the CSR straight from edge arrays (no duplicate pairs expected). */
export function csrFromEdgeArrays(
  ids: string[],
  s: Int32Array,
  t: Int32Array,
  w: Float64Array,
  directed: boolean,
): Csr {
  const n = ids.length;
  const edges = { s, t, w, m: s.length };
  const selfLoopWeight = new Float64Array(n);
  const selfLoopCount = new Int32Array(n);
  for (let e = 0; e < edges.m; e++) {
    if (s[e] === t[e]) {
      selfLoopWeight[s[e]!]! += w[e]!;
      selfLoopCount[s[e]!]!++;
    }
  }
  if (!directed) {
    const rows = fillRows(n, edges, true, false);
    return {
      n,
      directed,
      ids,
      outOffsets: rows.offsets,
      outTargets: rows.targets,
      outWeights: rows.weights,
      inOffsets: rows.offsets,
      inTargets: rows.targets,
      inWeights: rows.weights,
      edgeCount: edges.m,
      selfLoopWeight,
      selfLoopCount,
    };
  }
  const out = fillRows(n, edges, false, false);
  const inn = fillRows(n, edges, false, true);
  return {
    n,
    directed,
    ids,
    outOffsets: out.offsets,
    outTargets: out.targets,
    outWeights: out.weights,
    inOffsets: inn.offsets,
    inTargets: inn.targets,
    inWeights: inn.weights,
    edgeCount: edges.m,
    selfLoopWeight,
    selfLoopCount,
  };
}

/** The buffers to list as transferables when posting a CSR to a worker. */
export function csrTransferables(csr: Csr): ArrayBuffer[] {
  const arrays = [
    csr.outOffsets,
    csr.outTargets,
    csr.outWeights,
    csr.selfLoopWeight,
    csr.selfLoopCount,
    ...(csr.directed ? [csr.inOffsets, csr.inTargets, csr.inWeights] : []),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/**
 * The undirected view of a CSR: a-b for every a->b or b->a, one row entry per neighbour, weights
 * of mutual arcs summed. Used by clustering, components and communities on directed graphs.
 */
export function undirectedView(csr: Csr): Csr {
  if (!csr.directed) return csr;
  const pairs = new Map<number, number>();
  const keyOf = (a: number, b: number): number => (a < b ? a * csr.n + b : b * csr.n + a);
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.outOffsets[u]!; k < csr.outOffsets[u + 1]!; k++) {
      const key = keyOf(u, csr.outTargets[k]!);
      pairs.set(key, (pairs.get(key) ?? 0) + csr.outWeights[k]!);
    }
  }
  const m = pairs.size;
  const s = new Int32Array(m);
  const t = new Int32Array(m);
  const w = new Float64Array(m);
  let e = 0;
  for (const [key, weight] of pairs) {
    s[e] = Math.floor(key / csr.n);
    t[e] = key % csr.n;
    w[e] = weight;
    e++;
  }
  return csrFromEdgeArrays(csr.ids, s, t, w, false);
}
