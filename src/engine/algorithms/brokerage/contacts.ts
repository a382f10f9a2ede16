/**
 * Contacts: the undirected view of a CSR as networkx's `all_neighbors` sees it (a node's
 * predecessors and successors, each once), with the *mutual weight* of every pair as networkx's
 * structural-hole functions define it: the weight of u -> v plus the weight of v -> u, each
 * counted as 1 when the graph is read unweighted. Self-loops are left out (a person is not their
 * own contact). Rows are sorted by neighbour index so results never depend on input order.
 *
 * In an undirected graph networkx's mutual weight of a tie is twice its weight; every measure
 * built on it divides by a sum or maximum of mutual weights, so the factor cancels and the rows
 * here hold the weight itself.
 */
import type { Csr } from '../../core/graph/csr.ts';

export interface Contacts {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  /**
   * Mutual weight of each (row, target) pair: w_uv + w_vu for directed graphs, the tie's weight
   * w for undirected ones (half of networkx's 2w; see above).
   */
  weights: Float64Array;
  /**
   * w_uv^2 + w_vu^2 for each pair (2 w^2 for an undirected tie): the squared matrix entries
   * behind the pair, for fits that read the adjacency matrix entry by entry.
   */
  squares: Float64Array;
  /** True when `weights` holds w for undirected ties (so the matrix entries sum to 2 w). */
  halved: boolean;
}

export interface ContactOptions {
  /** Read tie weights (`true`) or count every arc as 1 (default `false`, networkx weight=None). */
  weighted?: boolean;
}

function sortRow(targets: Int32Array, weights: Float64Array, squares: Float64Array, from: number, to: number): void {
  // Insertion sort: rows are short and usually already sorted.
  for (let i = from + 1; i < to; i++) {
    const t = targets[i]!;
    const w = weights[i]!;
    const q = squares[i]!;
    let j = i - 1;
    while (j >= from && targets[j]! > t) {
      targets[j + 1] = targets[j]!;
      weights[j + 1] = weights[j]!;
      squares[j + 1] = squares[j]!;
      j--;
    }
    targets[j + 1] = t;
    weights[j + 1] = w;
    squares[j + 1] = q;
  }
}

function sortLongRow(targets: Int32Array, weights: Float64Array, squares: Float64Array, from: number, to: number): void {
  const order = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => targets[a]! - targets[b]!);
  const t = order.map((k) => targets[k]!);
  const w = order.map((k) => weights[k]!);
  const q = order.map((k) => squares[k]!);
  for (let i = 0; i < order.length; i++) {
    targets[from + i] = t[i]!;
    weights[from + i] = w[i]!;
    squares[from + i] = q[i]!;
  }
}

/** Builds the contact rows of a CSR (see the module comment). */
export function contactsOf(csr: Csr, options: ContactOptions = {}): Contacts {
  const n = csr.n;
  const weighted = options.weighted ?? false;
  const offsets = new Int32Array(n + 1);
  if (!csr.directed) {
    for (let v = 0; v < n; v++) {
      let d = 0;
      for (let k = csr.outOffsets[v]!; k < csr.outOffsets[v + 1]!; k++) if (csr.outTargets[k] !== v) d++;
      offsets[v + 1] = offsets[v]! + d;
    }
    const targets = new Int32Array(offsets[n]!);
    const weights = new Float64Array(offsets[n]!);
    const squares = new Float64Array(offsets[n]!);
    for (let v = 0; v < n; v++) {
      let at = offsets[v]!;
      for (let k = csr.outOffsets[v]!; k < csr.outOffsets[v + 1]!; k++) {
        const u = csr.outTargets[k]!;
        if (u === v) continue;
        const w = weighted ? csr.outWeights[k]! : 1;
        targets[at] = u;
        weights[at] = w;
        squares[at] = 2 * w * w;
        at++;
      }
      finishRow(targets, weights, squares, offsets[v]!, at);
    }
    return { n, offsets, targets, weights, squares, halved: true };
  }

  // Directed: merge each node's out-row and in-row, summing the two arcs of a mutual pair.
  const slot = new Int32Array(n).fill(-1);
  const stamp = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    let d = 0;
    for (const [off, adj] of [
      [csr.outOffsets, csr.outTargets],
      [csr.inOffsets, csr.inTargets],
    ] as const) {
      for (let k = off[v]!; k < off[v + 1]!; k++) {
        const u = adj[k]!;
        if (u === v || stamp[u] === v) continue;
        stamp[u] = v;
        d++;
      }
    }
    offsets[v + 1] = offsets[v]! + d;
  }
  stamp.fill(-1);
  const total = offsets[n]!;
  const targets = new Int32Array(total);
  const weights = new Float64Array(total);
  const squares = new Float64Array(total);
  for (let v = 0; v < n; v++) {
    let at = offsets[v]!;
    for (const [off, adj, wts] of [
      [csr.outOffsets, csr.outTargets, csr.outWeights],
      [csr.inOffsets, csr.inTargets, csr.inWeights],
    ] as const) {
      for (let k = off[v]!; k < off[v + 1]!; k++) {
        const u = adj[k]!;
        if (u === v) continue;
        const w = weighted ? wts[k]! : 1;
        if (stamp[u] !== v) {
          stamp[u] = v;
          slot[u] = at;
          targets[at] = u;
          weights[at] = 0;
          squares[at] = 0;
          at++;
        }
        weights[slot[u]!]! += w;
        squares[slot[u]!]! += w * w;
      }
    }
    finishRow(targets, weights, squares, offsets[v]!, at);
  }
  return { n, offsets, targets, weights, squares, halved: false };
}

function finishRow(targets: Int32Array, weights: Float64Array, squares: Float64Array, from: number, to: number): void {
  if (to - from > 32) sortLongRow(targets, weights, squares, from, to);
  else sortRow(targets, weights, squares, from, to);
}

/** Number of contacts of each node (distinct neighbours either way, self excluded). */
export function contactCounts(contacts: Contacts): Int32Array {
  const counts = new Int32Array(contacts.n);
  for (let v = 0; v < contacts.n; v++) counts[v] = contacts.offsets[v + 1]! - contacts.offsets[v]!;
  return counts;
}
