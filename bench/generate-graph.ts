/**
 * Seeded benchmark graphs: a clustered preferential-attachment model (Holme & Kim 2002,
 * "Growing scale-free networks with tunable clustering") with planted communities.
 *
 * Nodes arrive one at a time, each in a community drawn from a Zipf-like size distribution, and
 * attach `k = floor(m / n)` ties: the first by preferential attachment (inside the node's own
 * community with probability `pIn`, else anywhere), each further one by triad formation (a
 * neighbour of the previous target) with probability `pTriad`, else by preferential attachment
 * again. Every new node attaches to an earlier one, so the graph is connected; heavy-tailed
 * degrees come from the attachment, clustering from triad formation, community structure from
 * the planted labels. The few ties still missing to reach exactly `m` are closed triangles.
 * No self-loops, no duplicate pairs, exactly `n` nodes and `m` edges.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import Graph from 'graphology';
import { createRng, type Rng } from '../src/engine/core/util/rng.ts';
import type { EdgeAttributes, NetworkGraph, NodeAttributes } from '../src/engine/core/graph/build-graph.ts';

export type SizeName = 'small' | 'medium' | 'large' | 'huge';

export interface SizeSpec {
  name: SizeName;
  nodes: number;
  edges: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  small: { name: 'small', nodes: 1_000, edges: 5_000 },
  medium: { name: 'medium', nodes: 10_000, edges: 50_000 },
  large: { name: 'large', nodes: 50_000, edges: 250_000 },
  // Opt-in (--sizes huge): exact all-pairs paths here take the best part of an hour per side, so
  // the bench times path kernels from a sample of sources at this size (see args.ts).
  huge: { name: 'huge', nodes: 100_000, edges: 1_000_000 },
};

/** Every size, smallest first: runs go in this order so the small size's warm-up comes first. */
export const SIZE_ORDER: readonly SizeName[] = ['small', 'medium', 'large', 'huge'];

export interface GeneratorOptions {
  seed: number;
  /** Probability a preferential-attachment step stays inside the node's community. Default 0.85. */
  pIn?: number;
  /** Probability each tie after the first closes a triangle. Default 0.5. */
  pTriad?: number;
  /** Number of planted communities. Default max(4, round(n / 100)). */
  communities?: number;
  /** Zipf exponent of community sizes. Default 0.8. */
  communityExponent?: number;
}

/** An undirected simple graph as parallel endpoint arrays over node indices 0..n-1. */
export interface EdgeList {
  n: number;
  source: Int32Array;
  target: Int32Array;
  /** Planted community of each node. */
  planted: Int32Array;
}

function pick<T>(items: readonly T[], rng: Rng): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Cumulative weights for sampling a community; `weights[c]` proportional to (c + 1)^-exponent. */
function communitySampler(count: number, exponent: number, rng: Rng): () => number {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let c = 0; c < count; c++) {
    total += (c + 1) ** -exponent;
    cumulative[c] = total;
  }
  return () => {
    const x = rng() * total;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export function generateGraph(spec: SizeSpec, options: GeneratorOptions): EdgeList {
  const { nodes: n, edges: m } = spec;
  if (m > (n * (n - 1)) / 2) throw new Error(`generate-graph: ${m} edges do not fit a simple graph on ${n} nodes.`);
  const rng = createRng(options.seed);
  const pIn = options.pIn ?? 0.85;
  const pTriad = options.pTriad ?? 0.5;
  const communityCount = options.communities ?? Math.max(4, Math.round(n / 100));
  const nextCommunity = communitySampler(communityCount, options.communityExponent ?? 0.8, rng);
  const perNode = Math.max(1, Math.floor(m / n));

  const adjacency: number[][] = Array.from({ length: n }, () => []);
  const planted = new Int32Array(n);
  // Each node appears once per tie end: sampling uniformly from these lists is degree-proportional.
  const globalEnds: number[] = [];
  const communityEnds: number[][] = Array.from({ length: communityCount }, () => []);
  const seen = new Set<number>();
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  let count = 0;

  const keyOf = (a: number, b: number): number => (a < b ? a * n + b : b * n + a);
  const addEdge = (a: number, b: number): boolean => {
    if (a === b || count >= m) return false;
    const key = keyOf(a, b);
    if (seen.has(key)) return false;
    seen.add(key);
    source[count] = a;
    target[count] = b;
    count++;
    adjacency[a]!.push(b);
    adjacency[b]!.push(a);
    globalEnds.push(a, b);
    communityEnds[planted[a]!]!.push(a);
    communityEnds[planted[b]!]!.push(b);
    return true;
  };
  const preferential = (community: number): number => {
    const local = communityEnds[community]!;
    if (local.length > 0 && rng() < pIn) return pick(local, rng);
    return pick(globalEnds, rng);
  };

  for (let v = 0; v < n; v++) {
    planted[v] = nextCommunity();
    if (v === 0) continue;
    const want = Math.min(perNode, v);
    let last = -1;
    let added = 0;
    // A bounded number of draws: duplicate picks are retried, and a uniform earlier node is the
    // fallback so every node gets its ties (and the graph stays connected).
    for (let attempt = 0; added < want && attempt < want * 20; attempt++) {
      let u: number;
      if (globalEnds.length === 0) u = 0;
      else if (last >= 0 && rng() < pTriad && adjacency[last]!.length > 0) u = pick(adjacency[last]!, rng);
      else u = preferential(planted[v]!);
      if (addEdge(v, u)) {
        added++;
        last = u;
      }
    }
    for (let attempt = 0; added < want && attempt < want * 100; attempt++) {
      if (addEdge(v, Math.floor(rng() * v))) added++;
    }
  }

  // Top up to exactly m: close triangles u-a-b, else join random pairs.
  for (let attempt = 0; count < m && attempt < m * 100; attempt++) {
    const u = Math.floor(rng() * n);
    const row = adjacency[u]!;
    if (row.length >= 2) addEdge(pick(row, rng), pick(row, rng));
  }
  while (count < m) addEdge(Math.floor(rng() * n), Math.floor(rng() * n));

  return { n, source, target, planted };
}

/** Node ids are the decimal indices, so the CSV, graphology and igraph agree on node order. */
export function nodeId(index: number): string {
  return String(index);
}

/** Builds the graphology graph netweave analyses, shaped as `buildGraph` makes it. */
export function toNetworkGraph(list: EdgeList): NetworkGraph {
  const graph: NetworkGraph = new Graph<NodeAttributes, EdgeAttributes>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: true,
  });
  for (let i = 0; i < list.n; i++) graph.addNode(nodeId(i), { label: nodeId(i) });
  for (let e = 0; e < list.source.length; e++) {
    graph.addEdge(nodeId(list.source[e]!), nodeId(list.target[e]!), { weight: 1, relations: ['bench'] });
  }
  return graph;
}

/** Writes `source,target` lines (with a header) so igraph reads the very same graph. */
export async function writeEdgeCsv(list: EdgeList, path: string): Promise<void> {
  const out = createWriteStream(path);
  const chunk = 10_000;
  out.write('source,target\n');
  for (let start = 0; start < list.source.length; start += chunk) {
    const end = Math.min(list.source.length, start + chunk);
    const lines: string[] = [];
    for (let e = start; e < end; e++) lines.push(`${list.source[e]},${list.target[e]}\n`);
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
