/**
 * Core number (k-core index) by the linear-time bucket algorithm of Batagelj & Zaversnik (2003),
 * as networkx's `core_number`. Self-loops are ignored. For directed graphs degree is in + out
 * and a mutual pair counts twice, as in networkx.
 */
import type { Csr } from '../../core/graph/csr.ts';

export function coreNumber(csr: Csr): Float64Array {
  const n = csr.n;
  // Combined neighbour rows: out-row then (for directed graphs) in-row, without self-loops.
  const rows: Array<[Int32Array, Int32Array]> = csr.directed
    ? [
        [csr.outOffsets, csr.outTargets],
        [csr.inOffsets, csr.inTargets],
      ]
    : [[csr.outOffsets, csr.outTargets]];
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    let d = 0;
    for (const [off, adj] of rows) {
      for (let k = off[v]!; k < off[v + 1]!; k++) if (adj[k] !== v) d++;
    }
    degree[v] = d;
    if (d > maxDegree) maxDegree = d;
  }
  const binStart = new Int32Array(maxDegree + 2);
  for (let v = 0; v < n; v++) binStart[degree[v]! + 1]!++;
  for (let d = 0; d <= maxDegree; d++) binStart[d + 1]! += binStart[d]!;
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  const fill = binStart.slice();
  for (let v = 0; v < n; v++) {
    pos[v] = fill[degree[v]!]!++;
    vert[pos[v]!] = v;
  }
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    for (const [off, adj] of rows) {
      for (let k = off[v]!; k < off[v + 1]!; k++) {
        const u = adj[k]!;
        if (u === v || degree[u]! <= degree[v]!) continue;
        // Move u to the front of its bucket, then shrink its degree by one.
        const du = degree[u]!;
        const pu = pos[u]!;
        const pw = binStart[du]!;
        const w = vert[pw]!;
        if (u !== w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        binStart[du]!++;
        degree[u] = du - 1;
      }
    }
  }
  return Float64Array.from(degree);
}
