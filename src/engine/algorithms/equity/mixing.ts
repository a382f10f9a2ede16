/**
 * Ties within and between groups: the group-by-group tie matrix with densities, and Krackhardt &
 * Stern's E-I index (Krackhardt & Stern 1988, "Informal networks and organizational crises: an
 * experimental simulation", Social Psychology Quarterly 51(2): 123-140): (E - I) / (E + I) with E
 * the ties that leave a group and I the ties inside it; -1 = all ties inside, +1 = all outside.
 *
 * Undirected graphs count each tie once (the matrix is symmetric, a tie inside a group sits on
 * the diagonal once); directed graphs count arcs, row = sender's group, column = receiver's.
 * Self-loops and ties of people with no group (-1) are left out.
 */
import type { Csr } from '../../core/graph/csr.ts';

export interface GroupMixing {
  /** ties[a][b]: ties between group a and group b (directed: arcs from a to b). */
  ties: number[][];
  /** density[a][b]: ties over possible pairs (null where no pair is possible). */
  density: Array<Array<number | null>>;
  /** Per group: ties inside (I) and leaving (E), and (E - I) / (E + I) (null without ties). */
  perGroup: Array<{ internal: number; external: number; ei: number | null }>;
  /** Over the whole network: ties within groups, between groups, and the E-I index. */
  internal: number;
  external: number;
  ei: number | null;
}

function eiOf(external: number, internal: number): number | null {
  return external + internal > 0 ? (external - internal) / (external + internal) : null;
}

export function groupMixing(csr: Csr, group: Int32Array, sizes: number[]): GroupMixing {
  const g = sizes.length;
  const ties = Array.from({ length: g }, () => new Array<number>(g).fill(0));
  let internal = 0;
  let external = 0;
  for (let u = 0; u < csr.n; u++) {
    const gu = group[u]!;
    if (gu < 0) continue;
    for (let k = csr.outOffsets[u]!; k < csr.outOffsets[u + 1]!; k++) {
      const v = csr.outTargets[k]!;
      const gv = group[v]!;
      if (v === u || gv < 0) continue;
      if (!csr.directed && v < u) continue; // each undirected tie once
      if (gu === gv) {
        ties[gu]![gu]!++;
        internal++;
      } else {
        ties[gu]![gv]!++;
        if (!csr.directed) ties[gv]![gu]!++;
        external++;
      }
    }
  }
  const density = ties.map((row, a) =>
    row.map((count, b) => {
      const pairs =
        a === b
          ? csr.directed
            ? sizes[a]! * (sizes[a]! - 1)
            : (sizes[a]! * (sizes[a]! - 1)) / 2
          : sizes[a]! * sizes[b]!;
      return pairs > 0 ? count / pairs : null;
    }),
  );
  const perGroup = ties.map((row, a) => {
    let out = 0;
    for (let b = 0; b < g; b++) {
      if (b === a) continue;
      out += row[b]!;
      if (csr.directed) out += ties[b]![a]!;
    }
    return { internal: row[a]!, external: out, ei: eiOf(out, row[a]!) };
  });
  return { ties, density, perGroup, internal, external, ei: eiOf(external, internal) };
}
