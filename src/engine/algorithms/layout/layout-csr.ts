/**
 * Ties as the layout reads them: compressed rows over people 0..n-1 with each undirected tie in
 * both endpoints' rows. Self-loops are dropped and a pair tied more than once (both directions of
 * a directed network, or several relations) is one tie whose weight is the sum, so the layout
 * pulls a pair once, as graphology's layout does on a graph built with mergeEdge.
 */
export interface LayoutCsr {
  n: number;
  /** Row i is neighbours[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Weight of each row entry; null when every tie weighs 1. */
  weights: Float64Array | null;
}

export function layoutCsr(
  n: number,
  source: ArrayLike<number>,
  target: ArrayLike<number>,
  weight?: ArrayLike<number> | null,
): LayoutCsr {
  const m = source.length;
  const counts = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const s = source[e]!;
    const t = target[e]!;
    if (s === t) continue;
    counts[s + 1]!++;
    counts[t + 1]!++;
  }
  for (let i = 0; i < n; i++) counts[i + 1]! += counts[i]!;
  const cursor = counts.slice(0, n);
  const rawNeighbours = new Int32Array(counts[n]!);
  const rawWeights = new Float64Array(weight ? counts[n]! : 0);
  for (let e = 0; e < m; e++) {
    const s = source[e]!;
    const t = target[e]!;
    if (s === t) continue;
    const a = cursor[s]!++;
    const b = cursor[t]!++;
    rawNeighbours[a] = t;
    rawNeighbours[b] = s;
    if (weight) {
      rawWeights[a] = weight[e]!;
      rawWeights[b] = weight[e]!;
    }
  }
  // Merge repeats in one pass per row: `seenIn[v]` is the row that last wrote v, `at[v]` where.
  const seenIn = new Int32Array(n).fill(-1);
  const at = new Int32Array(n);
  const offsets = new Int32Array(n + 1);
  let write = 0;
  for (let u = 0; u < n; u++) {
    offsets[u] = write;
    for (let k = counts[u]!; k < counts[u + 1]!; k++) {
      const v = rawNeighbours[k]!;
      if (seenIn[v] === u) {
        if (weight) rawWeights[at[v]!]! += rawWeights[k]!;
        continue;
      }
      seenIn[v] = u;
      at[v] = write;
      rawNeighbours[write] = v;
      if (weight) rawWeights[write] = rawWeights[k]!;
      write++;
    }
  }
  offsets[n] = write;
  return {
    n,
    offsets,
    neighbours: rawNeighbours.slice(0, write),
    weights: weight ? rawWeights.slice(0, write) : null,
  };
}
