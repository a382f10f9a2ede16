/**
 * Degree and strength as networkx's `G.degree`, `in_degree`, `out_degree` and
 * `G.degree(weight=...)`: in an undirected graph a self-loop adds 2 to degree and twice its
 * weight to strength; in a directed graph degree = in + out. Degree centrality is networkx's
 * `degree_centrality`: degree / (n - 1).
 */
import type { Csr } from '../../core/graph/csr.ts';

export interface DegreeMetrics {
  degree: Float64Array;
  inDegree: Float64Array;
  outDegree: Float64Array;
  strength: Float64Array;
  inStrength: Float64Array;
  outStrength: Float64Array;
  degreeCentrality: Float64Array;
}

function rowSums(offsets: Int32Array, weights: Float64Array, n: number): Float64Array {
  const sums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) s += weights[k]!;
    sums[i] = s;
  }
  return sums;
}

export function degreeMetrics(csr: Csr): DegreeMetrics {
  const n = csr.n;
  const outDegree = new Float64Array(n);
  const inDegree = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    outDegree[i] = csr.outOffsets[i + 1]! - csr.outOffsets[i]!;
    inDegree[i] = csr.inOffsets[i + 1]! - csr.inOffsets[i]!;
  }
  const outStrength = rowSums(csr.outOffsets, csr.outWeights, n);
  const inStrength = csr.directed ? rowSums(csr.inOffsets, csr.inWeights, n) : outStrength;
  const degree = new Float64Array(n);
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (csr.directed) {
      degree[i] = inDegree[i]! + outDegree[i]!;
      strength[i] = inStrength[i]! + outStrength[i]!;
    } else {
      // The CSR stores an undirected self-loop once; networkx counts both of its ends.
      degree[i] = outDegree[i]! + csr.selfLoopCount[i]!;
      strength[i] = outStrength[i]! + csr.selfLoopWeight[i]!;
    }
  }
  const degreeCentrality = new Float64Array(n);
  const scale = n > 1 ? 1 / (n - 1) : 1;
  for (let i = 0; i < n; i++) degreeCentrality[i] = degree[i]! * scale;
  return {
    degree,
    inDegree: csr.directed ? inDegree : degree,
    outDegree: csr.directed ? outDegree : degree,
    strength,
    inStrength,
    outStrength,
    degreeCentrality,
  };
}
