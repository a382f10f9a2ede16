/**
 * Distances only (closeness, harmonic, path-length summaries, no betweenness) from up to 32
 * sources at once: a bit-parallel breadth-first search (after Then et al. 2014, "The More the
 * Merrier: Efficient Multi-Source Graph Traversal"). Each node holds a 32-bit mask of the
 * sources ("lanes") that have reached it and of those that reached it at the last level; a row
 * is scanned once per level for every lane whose frontier holds its node, so on a small-world
 * graph a group of 32 sources scans each row about three times instead of 32.
 *
 * Per source, what is summed is what a search from it alone sums, in the same order: its
 * distance sums are added level by level from per-lane counts. Only the per-target harmonic sums
 * (kept for sampled sources and directed graphs) are added in level order, not source order, so
 * they may differ from one source at a time in the last bits; the groups depend only on the
 * sources given, so the sums are the same whoever runs them.
 */

/** Sources per group: the bits of a mask. */
export const DISTANCE_LANES = 32;

/** Out-rows, nodes numbered as the caller likes. */
export interface DistanceRows {
  outOffsets: Int32Array;
  outTargets: Int32Array;
}

/** Where a group adds its sums (arrays indexed by the rows' numbering). */
export interface DistanceSums {
  farOut: Float64Array;
  reachOut: Float64Array;
  harmonicOut: Float64Array;
  /** Per-target sums, added only when `inSums`. */
  farIn: Float64Array;
  reachIn: Float64Array;
  harmonicIn: Float64Array;
  inSums: boolean;
  pathSum: number;
  pathPairs: number;
  diameter: number;
}

/** Scratch for n nodes; every group leaves it zeroed for the next. */
export interface DistanceScratch {
  n: number;
  /** Lanes that have reached each node; those that reached it at the last level; those reaching it at the next. */
  seen: Int32Array;
  frontier: Int32Array;
  next: Int32Array;
  /** Nodes whose frontier mask is not empty, and nodes touched while finding the next level. */
  active: Int32Array;
  touched: Int32Array;
  /** Every node the group has reached, once (to clear `seen` after it). */
  reached: Int32Array;
  reachedCount: number;
  /**
   * When asked for: each lane's nodes in the order reached (lane j at j × n, its source first),
   * so one search per source can follow with its path counts and dependencies; and their counts.
   */
  orders: Int32Array | null;
  orderLength: Int32Array;
  /** Per level × lane: nodes found, and those inside the component mask (grown as needed). */
  levelCount: Int32Array;
  levelInside: Int32Array;
}

export function distanceScratch(n: number): DistanceScratch {
  return {
    n,
    seen: new Int32Array(n),
    frontier: new Int32Array(n),
    next: new Int32Array(n),
    active: new Int32Array(n),
    touched: new Int32Array(n),
    reached: new Int32Array(n),
    reachedCount: 0,
    orders: null,
    orderLength: new Int32Array(DISTANCE_LANES),
    levelCount: new Int32Array(64 * DISTANCE_LANES),
    levelInside: new Int32Array(64 * DISTANCE_LANES),
  };
}

function grow(array: Int32Array, length: number): Int32Array {
  const bigger = new Int32Array(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Lists a node reached by new lanes `fresh` at level d: marks it, makes it active and counts it
 * per lane (and, for per-target sums, adds the distance once per lane).
 */
function reach(
  x: DistanceScratch,
  v: number,
  fresh: number,
  d: number,
  mask: Uint8Array | undefined,
  out: DistanceSums | null,
  activeCount: number,
): number {
  if (x.seen[v] === 0) x.reached[x.reachedCount++] = v;
  x.seen[v]! |= fresh;
  x.frontier[v] = fresh;
  x.active[activeCount] = v;
  const { levelCount, levelInside, orders, orderLength, n } = x;
  const at = d * DISTANCE_LANES;
  const inside = mask !== undefined && mask[v] === 1;
  let bits = fresh;
  let lanes = 0;
  while (bits !== 0) {
    const j = 31 - Math.clz32(bits & -bits);
    levelCount[at + j]!++;
    if (inside) levelInside[at + j]!++;
    if (orders !== null) orders[j * n + orderLength[j]!++] = v;
    bits &= bits - 1;
    lanes++;
  }
  if (out !== null) {
    out.farIn[v]! += d * lanes;
    out.reachIn[v]! += lanes;
    const inverse = 1 / d;
    for (let k = 0; k < lanes; k++) out.harmonicIn[v]! += inverse;
  }
  return activeCount + 1;
}

/**
 * One level: every active node's row adds its frontier lanes to its neighbours' next masks (no
 * branch per arc). Returns the number of active nodes at the next level, listed in `active`.
 * Where the frontier's rows are long the new level is read off every node in index order;
 * where they are short (a few sources, a long thin graph) only the touched nodes are visited, so
 * a search never costs more than its arcs plus a node per level.
 */
function level(rows: DistanceRows, x: DistanceScratch, activeCount: number, d: number, mask: Uint8Array | undefined, out: DistanceSums | null): number {
  const { outOffsets, outTargets } = rows;
  const { seen, frontier, next, active, touched, n } = x;
  let arcs = 0;
  for (let a = 0; a < activeCount; a++) {
    const v = active[a]!;
    arcs += outOffsets[v + 1]! - outOffsets[v]!;
  }
  let found = 0;
  if (arcs * 4 >= n) {
    for (let a = 0; a < activeCount; a++) {
      const v = active[a]!;
      const m = frontier[v]!;
      const stop = outOffsets[v + 1]!;
      for (let k = outOffsets[v]!; k < stop; k++) next[outTargets[k]!]! |= m;
    }
    for (let a = 0; a < activeCount; a++) frontier[active[a]!] = 0;
    for (let v = 0; v < n; v++) {
      const arrived = next[v]!;
      if (arrived === 0) continue;
      next[v] = 0;
      const fresh = arrived & ~seen[v]!;
      if (fresh !== 0) found = reach(x, v, fresh, d, mask, out, found);
    }
  } else {
    let touchedCount = 0;
    for (let a = 0; a < activeCount; a++) {
      const v = active[a]!;
      const m = frontier[v]!;
      const stop = outOffsets[v + 1]!;
      for (let k = outOffsets[v]!; k < stop; k++) {
        const w = outTargets[k]!;
        if (next[w] === 0 && (m & ~seen[w]!) !== 0) touched[touchedCount++] = w;
        next[w]! |= m & ~seen[w]!;
      }
    }
    for (let a = 0; a < activeCount; a++) frontier[active[a]!] = 0;
    for (let t = 0; t < touchedCount; t++) {
      const w = touched[t]!;
      const fresh = next[w]!;
      next[w] = 0;
      found = reach(x, w, fresh, d, mask, out, found);
    }
  }
  return found;
}

/**
 * Searches from up to 32 sources at once (rows' numbering), counting each lane's nodes per level
 * (inside `mask` too, when given) and, when `targetSums`, adding per-target sums there; with
 * `orders`, lists each lane's nodes in x.orders. Returns the number of levels (the largest
 * eccentricity plus one). Call `endGroup` once the counts are read.
 */
export function searchGroup(
  rows: DistanceRows,
  sources: ArrayLike<number>,
  lanes: number,
  x: DistanceScratch,
  mask: Uint8Array | undefined,
  targetSums: DistanceSums | null,
  orders: boolean,
): number {
  const { seen, frontier, active, n } = x;
  if (orders && (x.orders === null || x.orders.length < n * lanes)) x.orders = new Int32Array(n * lanes);
  if (!orders) x.orders = null;
  let activeCount = 0;
  for (let j = 0; j < lanes; j++) {
    const s = sources[j]!;
    if (seen[s] === 0) {
      active[activeCount++] = s;
      x.reached[x.reachedCount++] = s;
    }
    seen[s]! |= 1 << j;
    frontier[s] = seen[s]!;
    if (orders) {
      x.orders![j * n] = s;
      x.orderLength[j] = 1;
    }
  }
  let d = 0;
  let levels = 1;
  while (activeCount > 0) {
    d++;
    if ((d + 1) * DISTANCE_LANES > x.levelCount.length) {
      x.levelCount = grow(x.levelCount, (d + 1) * DISTANCE_LANES);
      x.levelInside = grow(x.levelInside, (d + 1) * DISTANCE_LANES);
    }
    activeCount = level(rows, x, activeCount, d, mask, targetSums);
    levels = d;
  }
  return levels;
}

/** Leaves the scratch zeroed after a group's search. */
export function endGroup(x: DistanceScratch, levels: number): void {
  const { seen, reached } = x;
  for (let i = 0; i < x.reachedCount; i++) seen[reached[i]!] = 0;
  x.reachedCount = 0;
  x.levelCount.fill(0, 0, levels * DISTANCE_LANES);
  x.levelInside.fill(0, 0, levels * DISTANCE_LANES);
}

/**
 * One group of up to 32 sources (rows' numbering): adds each source's distance sums and path
 * summaries into `out`. `summarise` says per lane whether the source lies in the component;
 * `mask` is that component (undefined: everyone).
 */
export function distanceGroup(
  rows: DistanceRows,
  sources: ArrayLike<number>,
  lanes: number,
  x: DistanceScratch,
  summarise: ArrayLike<boolean>,
  mask: Uint8Array | undefined,
  out: DistanceSums,
): void {
  const levels = searchGroup(rows, sources, lanes, x, mask, out.inSums ? out : null, false);
  addLevelSums(sources, lanes, levels, x, summarise, mask === undefined, out);
  endGroup(x, levels);
}

/** Each lane's distance sums and path summaries from its per-level counts (then zeroed). */
function addLevelSums(
  sources: ArrayLike<number>,
  lanes: number,
  levels: number,
  x: DistanceScratch,
  summarise: ArrayLike<boolean>,
  everyone: boolean,
  out: DistanceSums,
): void {
  const { levelCount, levelInside } = x;
  for (let j = 0; j < lanes; j++) {
    let far = 0;
    let harmonic = 0;
    let reached = 0;
    for (let d = 1; d < levels; d++) {
      const size = levelCount[d * DISTANCE_LANES + j]!;
      far += d * size;
      harmonic += size / d;
      reached += size;
    }
    const s = sources[j]!;
    out.farOut[s] = far;
    out.reachOut[s] = reached;
    out.harmonicOut[s] = harmonic;
    if (!summarise[j]) continue;
    let pathSum = 0;
    let pathPairs = 0;
    let diameter = 0;
    for (let d = 1; d < levels; d++) {
      const inside = everyone ? levelCount[d * DISTANCE_LANES + j]! : levelInside[d * DISTANCE_LANES + j]!;
      pathSum += d * inside;
      pathPairs += inside;
      if (inside > 0) diameter = d;
    }
    // Whole numbers below 2^53: the order they are added in does not matter.
    out.pathSum += pathSum;
    out.pathPairs += pathPairs;
    out.diameter = Math.max(out.diameter, diameter);
  }
}
