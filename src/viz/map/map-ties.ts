/**
 * Each person's ties as indices into the analysis payload's tie arrays (edgeSource, edgeTarget),
 * in compressed rows: the map finds a person's ties and contacts here, so no graph of ties need
 * exist on the page until the ties are drawn. Self-loops are left out (the map never draws them).
 */
export interface MapTies {
  n: number;
  /** Person i's ties are edges[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  edges: Int32Array;
}

export function mapTies(n: number, source: ArrayLike<number>, target: ArrayLike<number>): MapTies {
  const offsets = new Int32Array(n + 1);
  const m = source.length;
  for (let e = 0; e < m; e++) {
    const s = source[e]!;
    const t = target[e]!;
    if (s === t) continue;
    offsets[s + 1]!++;
    offsets[t + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, n);
  const edges = new Int32Array(offsets[n]!);
  for (let e = 0; e < m; e++) {
    const s = source[e]!;
    const t = target[e]!;
    if (s === t) continue;
    edges[cursor[s]!++] = e;
    edges[cursor[t]!++] = e;
  }
  return { n, offsets, edges };
}

/** The analysis indices of person i's ties. */
export function tiesOf(ties: MapTies, i: number): Int32Array {
  return ties.edges.subarray(ties.offsets[i]!, ties.offsets[i + 1]!);
}

/** The people tied to person i (indices), each once. */
export function contactsOf(ties: MapTies, i: number, source: ArrayLike<number>, target: ArrayLike<number>): Set<number> {
  const out = new Set<number>();
  for (const e of tiesOf(ties, i)) out.add(source[e] === i ? target[e]! : source[e]!);
  return out;
}
