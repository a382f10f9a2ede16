/**
 * One single-source shortest-path pass per source serves betweenness, closeness and harmonic
 * centrality and the path-length summary (Brandes 2001, "A faster algorithm for betweenness
 * centrality"; Brandes 2008 for the variants). Unweighted graphs use BFS, weighted ones Dijkstra
 * with a binary heap; path lengths that differ by less than a relative 1e-10 count as equal, so
 * 1/4 + 1/5 and 1/5 + 1/4 are the same length (networkx splits such ties; igraph does not).
 *
 * The pass runs over a range of sources and returns partial sums, so a pool of workers can
 * split the sources and add the partials (see `mergePathPartials`).
 */
import type { Csr } from '../../core/graph/csr.ts';
import { MinHeap } from '../../core/util/min-heap.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';

/**
 * How tie weights enter path lengths: `none` counts steps; `distance` reads the weight as a
 * length (networkx's `weight=` convention); `strength` reads it as tie strength, length 1/weight.
 */
export type PathWeighting = 'none' | 'distance' | 'strength';

export interface PathPassOptions {
  weighting?: PathWeighting;
  /** First source index (inclusive). Default 0. */
  from?: number;
  /** Last source index (exclusive). Default n (or the length of `sources`). */
  to?: number;
  /**
   * Run from these nodes only (a sample, for approximate centralities); `from`/`to` then index
   * into this list. Distance sums are then kept per target ("in") for undirected graphs too.
   */
  sources?: Int32Array;
  /**
   * Nodes (mask value 1) over which to sum path lengths and find the diameter: the largest
   * (strongly) connected component. Path summaries are skipped when omitted.
   */
  componentMask?: Uint8Array;
  /** Whether to accumulate betweenness (the costliest part). Default true. */
  betweenness?: boolean;
}

export interface PathPartials {
  /**
   * True for undirected graphs: distances are symmetric, so the "in" sums equal the "out" sums
   * and are not stored (the `*In` arrays are empty).
   */
  symmetric: boolean;
  /** Raw betweenness summed over the pass's sources (each ordered pair once). */
  betweenness: Float64Array;
  /** Per node: sum of distances from the sources that reach it, and how many sources do. */
  farIn: Float64Array;
  reachIn: Float64Array;
  harmonicIn: Float64Array;
  /** Per source: sum of distances to the nodes it reaches, and how many it reaches. */
  farOut: Float64Array;
  reachOut: Float64Array;
  harmonicOut: Float64Array;
  /** Over ordered pairs inside componentMask: sum of lengths, pair count, longest length. */
  pathSum: number;
  pathPairs: number;
  diameter: number;
}

const TIE = 1e-10;

export function emptyPathPartials(n: number, symmetric = false): PathPartials {
  const inLength = symmetric ? 0 : n;
  return {
    symmetric,
    betweenness: new Float64Array(n),
    farIn: new Float64Array(inLength),
    reachIn: new Float64Array(inLength),
    harmonicIn: new Float64Array(inLength),
    farOut: new Float64Array(n),
    reachOut: new Float64Array(n),
    harmonicOut: new Float64Array(n),
    pathSum: 0,
    pathPairs: 0,
    diameter: 0,
  };
}

/** Adds `b` into `a` (a is modified and returned). */
export function mergePathPartials(a: PathPartials, b: PathPartials): PathPartials {
  const arrays = ['betweenness', 'farIn', 'reachIn', 'harmonicIn', 'farOut', 'reachOut', 'harmonicOut'] as const;
  for (const key of arrays) {
    const target = a[key];
    const source = b[key];
    for (let i = 0; i < target.length; i++) target[i]! += source[i]!;
  }
  a.pathSum += b.pathSum;
  a.pathPairs += b.pathPairs;
  a.diameter = Math.max(a.diameter, b.diameter);
  return a;
}

function edgeLength(weighting: PathWeighting, w: number): number {
  return weighting === 'distance' ? w : 1 / w;
}

/** Scratch arrays reused across sources (reset only where a source reached). */
interface Scratch {
  dist: Float64Array;
  sigma: Float64Array;
  delta: Float64Array;
  order: Int32Array;
  settled: Uint8Array;
  heap: MinHeap | null;
  /**
   * BFS only: predecessor pairs (w, v) in discovery order, two ints each. Read backwards they
   * give Brandes' accumulation without rescanning every in-tie (each w's own pairs come after
   * all pairs that feed its dependency).
   */
  pairs: Int32Array;
  pairCount: number;
}

/** BFS from s; fills order (by distance), dist and sigma; returns how many nodes it reached. */
function bfs(csr: Csr, s: number, x: Scratch): number {
  const { outOffsets, outTargets } = csr;
  const { dist, sigma, order, pairs } = x;
  let count = 0;
  let p = 0;
  dist[s] = 0;
  sigma[s] = 1;
  order[count++] = s;
  for (let head = 0; head < count; head++) {
    const v = order[head]!;
    const dv = dist[v]! + 1;
    const sv = sigma[v]!;
    const end = outOffsets[v + 1]!;
    for (let k = outOffsets[v]!; k < end; k++) {
      const w = outTargets[k]!;
      const dw = dist[w]!;
      if (dw < 0) {
        dist[w] = dv;
        sigma[w] = sv;
        order[count++] = w;
        pairs[p++] = w;
        pairs[p++] = v;
      } else if (dw === dv) {
        sigma[w]! += sv;
        pairs[p++] = w;
        pairs[p++] = v;
      }
    }
  }
  x.pairCount = p;
  return count;
}

/** BFS from s for distances only (no path counts): what closeness and harmonic need. */
function bfsDistances(csr: Csr, s: number, x: Scratch): number {
  const { outOffsets, outTargets } = csr;
  const { dist, order } = x;
  let count = 0;
  dist[s] = 0;
  order[count++] = s;
  for (let head = 0; head < count; head++) {
    const v = order[head]!;
    const dv = dist[v]! + 1;
    const end = outOffsets[v + 1]!;
    for (let k = outOffsets[v]!; k < end; k++) {
      const w = outTargets[k]!;
      if (dist[w]! < 0) {
        dist[w] = dv;
        order[count++] = w;
      }
    }
  }
  return count;
}

/** Dijkstra from s with lazy deletion; same outputs as bfs. */
function dijkstra(csr: Csr, s: number, x: Scratch, weighting: PathWeighting): number {
  const { outOffsets, outTargets, outWeights } = csr;
  const { dist, sigma, order, settled } = x;
  const heap = x.heap!;
  let count = 0;
  dist[s] = 0;
  sigma[s] = 1;
  heap.clear();
  heap.push(0, s);
  while (heap.size > 0) {
    const v = heap.pop();
    if (settled[v]) continue;
    settled[v] = 1;
    order[count++] = v;
    const dv = dist[v]!;
    for (let k = outOffsets[v]!; k < outOffsets[v + 1]!; k++) {
      const w = outTargets[k]!;
      if (w === v || settled[w]) continue;
      const alt = dv + edgeLength(weighting, outWeights[k]!);
      const dw = dist[w]!;
      if (dw < 0 || alt < dw - TIE * dw) {
        dist[w] = alt;
        sigma[w] = sigma[v]!;
        heap.push(alt, w);
      } else if (Math.abs(alt - dw) <= TIE * Math.max(alt, dw)) {
        sigma[w]! += sigma[v]!;
      }
    }
  }
  return count;
}

let cachedScratch: Scratch | null = null;

/**
 * Scratch arrays for n nodes, reused from the previous pass when big enough: a pass is split
 * into 64 batches, and allocating (and zeroing) a predecessor buffer of twice the ties for each
 * cost more than the searches on a sampled million-tie graph. Every pass leaves the arrays
 * reset (each source resets what it touched), and passes never interleave in one thread.
 */
function scratchFor(n: number, pairs: number, heap: boolean): Scratch {
  const c = cachedScratch;
  if (c === null || c.dist.length !== n) {
    cachedScratch = {
      dist: new Float64Array(n).fill(-1),
      sigma: new Float64Array(n),
      delta: new Float64Array(n),
      order: new Int32Array(n),
      settled: new Uint8Array(n),
      heap: heap ? new MinHeap(n) : null,
      pairs: new Int32Array(pairs),
      pairCount: 0,
    };
    return cachedScratch;
  }
  if (c.pairs.length < pairs) c.pairs = new Int32Array(pairs);
  if (heap && c.heap === null) c.heap = new MinHeap(n);
  c.pairCount = 0;
  return c;
}

/** Brandes' dependency accumulation, in reverse order of distance. */
function accumulate(csr: Csr, count: number, x: Scratch, weighting: PathWeighting, betweenness: Float64Array): void {
  const { inOffsets, inTargets, inWeights } = csr;
  const { dist, sigma, delta, order } = x;
  if (weighting === 'none') {
    const pairs = x.pairs;
    for (let p = x.pairCount - 2; p >= 0; p -= 2) {
      const w = pairs[p]!;
      const v = pairs[p + 1]!;
      delta[v]! += (sigma[v]! * (1 + delta[w]!)) / sigma[w]!;
    }
    for (let i = 1; i < count; i++) {
      const w = order[i]!;
      betweenness[w]! += delta[w]!;
    }
    return;
  }
  for (let i = count - 1; i > 0; i--) {
    const w = order[i]!;
    const dw = dist[w]!;
    const coeff = (1 + delta[w]!) / sigma[w]!;
    for (let k = inOffsets[w]!; k < inOffsets[w + 1]!; k++) {
      const v = inTargets[k]!;
      const dv = dist[v]!;
      if (dv < 0 || v === w) continue;
      if (Math.abs(dv + edgeLength(weighting, inWeights[k]!) - dw) <= TIE * dw) delta[v]! += sigma[v]! * coeff;
    }
    betweenness[w]! += delta[w]!;
  }
}

/** Runs the single-source passes for sources in [from, to) and returns their partial sums. */
export function shortestPathPass(
  csr: Csr,
  options: PathPassOptions = {},
  hooks?: RunHooks,
): PathPartials {
  const n = csr.n;
  const weighting = options.weighting ?? 'none';
  const list = options.sources;
  const from = options.from ?? 0;
  const to = options.to ?? (list ? list.length : n);
  const doBetweenness = options.betweenness ?? true;
  const mask = options.componentMask;
  const symmetric = !csr.directed && list === undefined;
  const out = emptyPathPartials(n, symmetric);
  const x = scratchFor(n, weighting === 'none' && doBetweenness ? 2 * csr.outTargets.length : 0, weighting !== 'none');
  const { dist, sigma, delta, order, settled } = x;
  const progressEvery = Math.max(1, Math.floor((to - from) / 100));

  try {
    for (let at = from; at < to; at++) {
      const s = list ? list[at]! : at;
      if ((at - from) % progressEvery === 0) {
        checkCancelled(hooks);
        hooks?.onProgress?.('shortest paths', (at - from) / Math.max(1, to - from));
      }
      const count = weighting !== 'none' ? dijkstra(csr, s, x, weighting) : doBetweenness ? bfs(csr, s, x) : bfsDistances(csr, s, x);

      // Closeness, harmonic and path summaries from this source's distances.
      let far = 0;
      let harmonic = 0;
      if (symmetric) {
        for (let i = 1; i < count; i++) {
          const d = dist[order[i]!]!;
          far += d;
          harmonic += 1 / d;
        }
      } else {
        const { farIn, reachIn, harmonicIn } = out;
        for (let i = 1; i < count; i++) {
          const t = order[i]!;
          const d = dist[t]!;
          far += d;
          harmonic += 1 / d;
          farIn[t]! += d;
          reachIn[t]! += 1;
          harmonicIn[t]! += 1 / d;
        }
      }
      out.farOut[s] = far;
      out.reachOut[s] = count - 1;
      out.harmonicOut[s] = harmonic;
      if (mask !== undefined && mask[s] === 1) {
        for (let i = 1; i < count; i++) {
          const t = order[i]!;
          if (mask[t] !== 1) continue;
          const d = dist[t]!;
          out.pathSum += d;
          out.pathPairs += 1;
          if (d > out.diameter) out.diameter = d;
        }
      }

      if (doBetweenness) accumulate(csr, count, x, weighting, out.betweenness);

      for (let i = 0; i < count; i++) {
        const v = order[i]!;
        dist[v] = -1;
        sigma[v] = 0;
        delta[v] = 0;
        settled[v] = 0;
      }
    }
  } catch (error) {
    // A pass stopped mid-source (cancelled) leaves marks behind: start the next one afresh.
    cachedScratch = null;
    throw error;
  }
  hooks?.onProgress?.('shortest paths', 1);
  return out;
}
