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
import type { Csr } from '../graph/csr.ts';
import { MinHeap } from '../util/min-heap.ts';
import { checkCancelled, type RunHooks } from '../util/cancel.ts';

/**
 * How tie weights enter path lengths: `none` counts steps; `distance` reads the weight as a
 * length (networkx's `weight=` convention); `strength` reads it as tie strength, length 1/weight.
 */
export type PathWeighting = 'none' | 'distance' | 'strength';

export interface PathPassOptions {
  weighting?: PathWeighting;
  /** First source index (inclusive). Default 0. */
  from?: number;
  /** Last source index (exclusive). Default n. */
  to?: number;
  /**
   * Nodes (mask value 1) over which to sum path lengths and find the diameter: the largest
   * (strongly) connected component. Path summaries are skipped when omitted.
   */
  componentMask?: Uint8Array;
  /** Whether to accumulate betweenness (the costliest part). Default true. */
  betweenness?: boolean;
}

export interface PathPartials {
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

export function emptyPathPartials(n: number): PathPartials {
  return {
    betweenness: new Float64Array(n),
    farIn: new Float64Array(n),
    reachIn: new Float64Array(n),
    harmonicIn: new Float64Array(n),
    farOut: new Float64Array(n),
    reachOut: new Float64Array(n),
    harmonicOut: new Float64Array(n),
    pathSum: 0,
    pathPairs: 0,
    diameter: 0,
  };
}

/** Adds `b` into `a` (a is modified and returned). Order of addition does not change results beyond 1e-12. */
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

/** Runs the single-source passes for sources in [from, to) and returns their partial sums. */
export function shortestPathPass(
  csr: Csr,
  options: PathPassOptions = {},
  hooks?: RunHooks,
): PathPartials {
  const n = csr.n;
  const weighting = options.weighting ?? 'none';
  const from = options.from ?? 0;
  const to = options.to ?? n;
  const doBetweenness = options.betweenness ?? true;
  const mask = options.componentMask;
  const out = emptyPathPartials(n);
  const { outOffsets, outTargets, outWeights, inOffsets, inTargets, inWeights } = csr;

  const dist = new Float64Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const heap = weighting === 'none' ? null : new MinHeap(n);
  const settled = new Uint8Array(n);
  const progressEvery = Math.max(1, Math.floor((to - from) / 100));

  for (let s = from; s < to; s++) {
    if ((s - from) % progressEvery === 0) {
      checkCancelled(hooks);
      hooks?.onProgress?.('shortest paths', (s - from) / Math.max(1, to - from));
    }
    let count = 0;
    dist[s] = 0;
    sigma[s] = 1;
    if (heap === null) {
      // BFS: `order` doubles as the queue.
      order[count++] = s;
      for (let head = 0; head < count; head++) {
        const v = order[head]!;
        const dv = dist[v]! + 1;
        for (let k = outOffsets[v]!; k < outOffsets[v + 1]!; k++) {
          const w = outTargets[k]!;
          if (dist[w]! < 0) {
            dist[w] = dv;
            order[count++] = w;
          }
          if (dist[w] === dv) sigma[w]! += sigma[v]!;
        }
      }
    } else {
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
    }

    // Closeness, harmonic and path summaries from this source's distances.
    const inMask = mask !== undefined && mask[s] === 1;
    for (let i = 1; i < count; i++) {
      const t = order[i]!;
      const d = dist[t]!;
      out.farIn[t]! += d;
      out.reachIn[t]! += 1;
      out.harmonicIn[t]! += 1 / d;
      out.farOut[s]! += d;
      out.reachOut[s]! += 1;
      out.harmonicOut[s]! += 1 / d;
      if (inMask && mask[t] === 1) {
        out.pathSum += d;
        out.pathPairs += 1;
        if (d > out.diameter) out.diameter = d;
      }
    }

    // Dependency accumulation in reverse order of distance.
    if (doBetweenness) {
      for (let i = count - 1; i > 0; i--) {
        const w = order[i]!;
        const dw = dist[w]!;
        const coeff = (1 + delta[w]!) / sigma[w]!;
        for (let k = inOffsets[w]!; k < inOffsets[w + 1]!; k++) {
          const v = inTargets[k]!;
          const dv = dist[v]!;
          if (dv < 0 || v === w) continue;
          const isPred =
            heap === null
              ? dv === dw - 1
              : Math.abs(dv + edgeLength(weighting, inWeights[k]!) - dw) <= TIE * dw;
          if (isPred) delta[v]! += sigma[v]! * coeff;
        }
        out.betweenness[w]! += delta[w]!;
      }
    }

    for (let i = 0; i < count; i++) {
      const v = order[i]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
      settled[v] = 0;
    }
  }
  hooks?.onProgress?.('shortest paths', 1);
  return out;
}
