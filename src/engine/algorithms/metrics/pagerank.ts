/**
 * PageRank (Brin & Page 1998) exactly as networkx's `pagerank`: damping alpha, uniform
 * teleport, the rank of dangling nodes (no out-ties) spread uniformly, edge weights as
 * transition strength when weighted, stopping when the L1 change is below n * tol.
 * An undirected tie counts as two arcs.
 */
import type { Csr } from '../../core/graph/csr.ts';

export interface PageRankOptions {
  /** Damping factor. Default 0.85 (networkx). */
  alpha?: number;
  /** Use tie weights as transition strength. Default false. */
  weighted?: boolean;
  /** Convergence tolerance per node. Default 1e-12 (tighter than networkx's 1e-6). */
  tolerance?: number;
  maxIterations?: number;
}

export interface PageRankResult {
  values: Float64Array;
  iterations: number;
  converged: boolean;
}

export function pagerank(csr: Csr, options: PageRankOptions = {}): PageRankResult {
  const n = csr.n;
  const alpha = options.alpha ?? 0.85;
  const tol = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 10000;
  const weighted = options.weighted ?? false;
  const values = new Float64Array(n);
  if (n === 0) return { values, iterations: 0, converged: true };
  const { outOffsets, outTargets, outWeights } = csr;

  const invOut = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let s = 0;
    for (let k = outOffsets[u]!; k < outOffsets[u + 1]!; k++) s += weighted ? outWeights[k]! : 1;
    invOut[u] = s > 0 ? 1 / s : 0;
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iter = 1; iter <= maxIterations; iter++) {
    let dangling = 0;
    for (let u = 0; u < n; u++) if (invOut[u] === 0) dangling += x[u]!;
    const base = (alpha * dangling + (1 - alpha)) / n;
    next.fill(base);
    for (let u = 0; u < n; u++) {
      const share = alpha * x[u]! * invOut[u]!;
      if (share === 0) continue;
      for (let k = outOffsets[u]!; k < outOffsets[u + 1]!; k++) {
        next[outTargets[k]!]! += share * (weighted ? outWeights[k]! : 1);
      }
    }
    let err = 0;
    for (let u = 0; u < n; u++) err += Math.abs(next[u]! - x[u]!);
    [x, next] = [next, x];
    if (err < n * tol) {
      values.set(x);
      return { values, iterations: iter, converged: true };
    }
  }
  values.set(x);
  return { values, iterations: maxIterations, converged: false };
}
