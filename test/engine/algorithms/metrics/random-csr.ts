/** Seeded random graphs for the path-pass tests. */
import { csrFromEdgeArrays, type Csr } from '../../../../src/engine/core/graph/csr.ts';

/** A seeded random simple graph (no self-loops) with n nodes and m ties, every weight 1. */
export function randomCsr(n: number, m: number, directed: boolean, seed: number): Csr {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const pairs = new Set<string>();
  const s: number[] = [];
  const t: number[] = [];
  while (s.length < m) {
    const a = Math.floor(next() * n);
    const b = Math.floor(next() * n);
    const key = directed || a < b ? `${a} ${b}` : `${b} ${a}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    s.push(a);
    t.push(b);
  }
  const ids = Array.from({ length: n }, (_, i) => String(i));
  return csrFromEdgeArrays(ids, Int32Array.from(s), Int32Array.from(t), new Float64Array(m).fill(1), directed);
}
