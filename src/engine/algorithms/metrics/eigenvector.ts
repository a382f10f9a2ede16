/**
 * Eigenvector centrality (Bonacich 1972) as networkx's `eigenvector_centrality_numpy`: the
 * leading eigenvector of the adjacency matrix (for directed graphs the left one, so a node is
 * central when central nodes point to it), non-negative, unit Euclidean length.
 *
 * Computed by power iteration on A + I: the shift keeps the iteration from oscillating on
 * bipartite graphs without changing the eigenvector. The vector is unique only when the graph
 * is connected (strongly, if directed); callers report that caveat.
 */
import type { Csr } from '../../core/graph/csr.ts';

export interface EigenvectorOptions {
  weighted?: boolean;
  /** Stop when no entry moves by more than this. Default 1e-13. */
  tolerance?: number;
  maxIterations?: number;
}

export interface EigenvectorResult {
  values: Float64Array;
  iterations: number;
  converged: boolean;
}

export function eigenvectorCentrality(csr: Csr, options: EigenvectorOptions = {}): EigenvectorResult {
  const n = csr.n;
  const tol = options.tolerance ?? 1e-13;
  const maxIterations = options.maxIterations ?? 20000;
  const weighted = options.weighted ?? false;
  const { inOffsets, inTargets, inWeights } = csr;
  let x = new Float64Array(n).fill(n > 0 ? 1 / Math.sqrt(n) : 0);
  let next = new Float64Array(n);
  for (let iter = 1; iter <= maxIterations; iter++) {
    let norm = 0;
    for (let v = 0; v < n; v++) {
      let s = x[v]!;
      for (let k = inOffsets[v]!; k < inOffsets[v + 1]!; k++) {
        s += x[inTargets[k]!]! * (weighted ? inWeights[k]! : 1);
      }
      next[v] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm);
    if (norm === 0) return { values: next, iterations: iter, converged: false };
    let change = 0;
    for (let v = 0; v < n; v++) {
      next[v]! /= norm;
      change = Math.max(change, Math.abs(next[v]! - x[v]!));
    }
    [x, next] = [next, x];
    if (change < tol) return { values: x, iterations: iter, converged: true };
  }
  return { values: x, iterations: maxIterations, converged: false };
}
