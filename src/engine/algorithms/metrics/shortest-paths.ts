/**
 * One single-source shortest-path pass per source serves betweenness, closeness and harmonic
 * centrality and the path-length summary (Brandes 2001, "A faster algorithm for betweenness
 * centrality"; Brandes 2008 for the variants). Unweighted graphs use BFS, weighted ones Dijkstra
 * with a binary heap; path lengths that differ by less than a relative 1e-10 count as equal, so
 * 1/4 + 1/5 and 1/5 + 1/4 are the same length (networkx splits such ties; igraph does not).
 *
 * The pass runs over a range of sources and returns partial sums, so a pool of workers can
 * split the sources and add the partials (see `mergePathPartials`).
 */
import type { Csr } from '../../core/graph/csr.ts';
import { MinHeap } from '../../core/util/min-heap.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { brandesKernel } from './brandes-wasm.ts';
import { DISTANCE_LANES, distanceGroup, distanceScratch, endGroup, searchGroup, type DistanceScratch, type DistanceSums } from './distance-lanes.ts';

/**
 * How tie weights enter path lengths: `none` counts steps; `distance` reads the weight as a
 * length (networkx's `weight=` convention); `strength` reads it as tie strength, length 1/weight.
 */
export type PathWeighting = 'none' | 'distance' | 'strength';

export interface PathPassOptions {
  weighting?: PathWeighting;
  /** First source index (inclusive). Default 0. */
  from?: number;
  /** Last source index (exclusive). Default n (or the length of `sources`). */
  to?: number;
  /**
   * Run from these nodes only (a sample, for approximate centralities); `from`/`to` then index
   * into this list. Distance sums are then kept per target ("in") for undirected graphs too.
   */
  sources?: Int32Array;
  /**
   * Nodes (mask value 1) over which to sum path lengths and find the diameter: the largest
   * (strongly) connected component. Path summaries are skipped when omitted.
   */
  componentMask?: Uint8Array;
  /** Whether to accumulate betweenness (the costliest part). Default true. */
  betweenness?: boolean;
}

export interface PathPartials {
  /**
   * True for undirected graphs: distances are symmetric, so the "in" sums equal the "out" sums
   * and are not stored (the `*In` arrays are empty).
   */
  symmetric: boolean;
  /** Raw betweenness summed over the pass's sources (each ordered pair once). */
  betweenness: Float64Array;
  /** Per node: sum of distances from the sources that reach it, and how many sources do. */
  farIn: Float64Array;
  reachIn: Float64Array;
  harmonicIn: Float64Array;
  /** Per source: sum of distances to the nodes it reaches, and how many it reaches. */
  farOut: Float64Array;
  reachOut: Float64Array;
  harmonicOut: Float64Array;
  /** Over ordered pairs inside componentMask: sum of lengths, pair count, longest length. */
  pathSum: number;
  pathPairs: number;
  diameter: number;
}

const TIE = 1e-10;

export function emptyPathPartials(n: number, symmetric = false): PathPartials {
  const inLength = symmetric ? 0 : n;
  return {
    symmetric,
    betweenness: new Float64Array(n),
    farIn: new Float64Array(inLength),
    reachIn: new Float64Array(inLength),
    harmonicIn: new Float64Array(inLength),
    farOut: new Float64Array(n),
    reachOut: new Float64Array(n),
    harmonicOut: new Float64Array(n),
    pathSum: 0,
    pathPairs: 0,
    diameter: 0,
  };
}

const PARTIAL_ARRAYS = ['betweenness', 'farIn', 'reachIn', 'harmonicIn', 'farOut', 'reachOut', 'harmonicOut'] as const;

/** Adds `b` into `a` (a is modified and returned). */
export function mergePathPartials(a: PathPartials, b: PathPartials): PathPartials {
  for (const key of PARTIAL_ARRAYS) {
    const target = a[key];
    const source = b[key];
    for (let i = 0; i < target.length; i++) target[i]! += source[i]!;
  }
  a.pathSum += b.pathSum;
  a.pathPairs += b.pathPairs;
  a.diameter = Math.max(a.diameter, b.diameter);
  return a;
}

function edgeLength(weighting: PathWeighting, w: number): number {
  return weighting === 'distance' ? w : 1 / w;
}

/** The out-rows a search reads. */
type Rows = Pick<Csr, 'outOffsets' | 'outTargets'>;

/**
 * The graph's out-rows with nodes renumbered in breadth-first order from the best-connected
 * node (then each node not reached, in index order), each row sorted: neighbours then sit at
 * nearby numbers, so a search's reads of its per-node arrays hit cache more often (about 20%
 * faster on the bench's 10k graph). Numbers depend only on the CSR, so every worker makes
 * the same ones and results stay the same for any worker count.
 */
interface Relabelled extends Rows {
  /** New number of each node, and the node at each new number. */
  label: Int32Array;
  node: Int32Array;
  /** The rows path counts are pulled over: in-rows on a directed graph (predecessors), else these. */
  inRows: Rows;
}

/** Rows renumbered by `label` (row i is node[i]'s), each row sorted. */
function renumberRows(rowOffsets: Int32Array, rowTargets: Int32Array, label: Int32Array, node: Int32Array): Rows {
  const n = node.length;
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(rowTargets.length);
  for (let i = 0; i < n; i++) {
    const v = node[i]!;
    const from = rowOffsets[v]!;
    const to = rowOffsets[v + 1]!;
    const at = offsets[i]!;
    for (let k = from; k < to; k++) targets[at + k - from] = label[rowTargets[k]!]!;
    targets.subarray(at, at + to - from).sort();
    offsets[i + 1] = at + to - from;
  }
  return { outOffsets: offsets, outTargets: targets };
}

const relabelledCache = new WeakMap<Csr, Relabelled>();

function relabelled(csr: Csr): Relabelled {
  const cached = relabelledCache.get(csr);
  if (cached !== undefined) return cached;
  const { n, outOffsets, outTargets } = csr;
  const node = new Int32Array(n);
  const label = new Int32Array(n).fill(-1);
  let start = 0;
  for (let v = 1; v < n; v++) if (outOffsets[v + 1]! - outOffsets[v]! > outOffsets[start + 1]! - outOffsets[start]!) start = v;
  let count = 0;
  for (let root = -1; root < n; root++) {
    const r = root < 0 ? start : root;
    if (n === 0 || label[r]! >= 0) continue;
    label[r] = count;
    node[count++] = r;
    for (let head = count - 1; head < count; head++) {
      const v = node[head]!;
      for (let k = outOffsets[v]!; k < outOffsets[v + 1]!; k++) {
        const w = outTargets[k]!;
        if (label[w]! < 0) {
          label[w] = count;
          node[count++] = w;
        }
      }
    }
  }
  const out = renumberRows(outOffsets, outTargets, label, node);
  const result: Relabelled = { ...out, label, node, inRows: out };
  if (csr.directed) result.inRows = renumberRows(csr.inOffsets, csr.inTargets, label, node);
  relabelledCache.set(csr, result);
  return result;
}

/**
 * Scratch arrays reused across sources. Between sources `dist` goes back to -1 and sigma, delta
 * and settled to zero wherever the source reached; the BFS pulls read sigma and delta over whole
 * rows and rely on those zeros.
 */
interface Scratch {
  /** Dijkstra distances, -1 where not reached. */
  dist: Float64Array;
  sigma: Float64Array;
  /**
   * Dijkstra: Brandes' dependency. BFS: (1 + dependency) / sigma, what each predecessor adds
   * per path through it, so the backward sweep multiplies once per node, not once per arc.
   */
  delta: Float64Array;
  /** Dijkstra: nodes in the order settled. */
  order: Int32Array;
  /**
   * BFS, by position in a source's order: a level's sums (path counts, then successor coefficients),
   * held until the whole level has summed.
   */
  pull: Float64Array;
  /** BFS: where each distance level ends in `order` (level d is order[levelEnd[d-1]..levelEnd[d])). */
  levelEnd: Int32Array;
  settled: Uint8Array;
  heap: MinHeap | null;
}

/** For the nodes order[start..end): the sum of `values` over each one's row, into `pull`. */
function sumRows(
  offsets: Int32Array,
  targets: Int32Array,
  order: Int32Array,
  start: number,
  end: number,
  values: Float64Array,
  pull: Float64Array,
): void {
  for (let i = start; i < end; i++) {
    const v = order[i]!;
    let sum = 0;
    const stop = offsets[v + 1]!;
    for (let k = offsets[v]!; k < stop; k++) sum += values[targets[k]!]!;
    pull[i] = sum;
  }
}

/**
 * Brandes' accumulation without predecessor lists, a distance level at a time from the
 * farthest: each node sums the coefficient (1 + dependency) / sigma over its whole CSR row.
 * Only successors (one hop further) hold a coefficient yet: nodes of its own level and nearer
 * still hold zero, as a level's coefficients are written only after the whole level has summed.
 * So no test and no branch per arc, and adding zeros leaves the sums as if they were skipped.
 */
function accumulateBfs(csr: Rows, levels: number, x: Scratch, order: Int32Array, betweenness: Float64Array): void {
  const { outOffsets, outTargets } = csr;
  const { sigma, delta, pull, levelEnd } = x;
  for (let d = levels - 1; d > 0; d--) {
    const start = levelEnd[d - 1]!;
    const end = levelEnd[d]!;
    // The farthest level has no successors: its rows would add only zeros.
    if (d === levels - 1) pull.fill(0, start, end);
    else sumRows(outOffsets, outTargets, order, start, end, delta, pull);
    for (let i = start; i < end; i++) {
      const w = order[i]!;
      const sw = sigma[w]!;
      const dependency = sw * pull[i]!;
      betweenness[w]! += dependency;
      delta[w] = (1 + dependency) / sw;
    }
  }
}

/** Dijkstra from s with lazy deletion; same outputs as bfs. */
function dijkstra(csr: Csr, s: number, x: Scratch, weighting: PathWeighting): number {
  const { outOffsets, outTargets, outWeights } = csr;
  const { dist, sigma, order, settled } = x;
  const heap = x.heap!;
  let count = 0;
  dist[s] = 0;
  sigma[s] = 1;
  heap.clear();
  heap.push(0, s);
  while (heap.size > 0) {
    const v = heap.pop();
    if (settled[v]) continue;
    settled[v] = 1;
    order[count++] = v;
    const dv = dist[v]!;
    for (let k = outOffsets[v]!; k < outOffsets[v + 1]!; k++) {
      const w = outTargets[k]!;
      if (w === v || settled[w]) continue;
      const alt = dv + edgeLength(weighting, outWeights[k]!);
      const dw = dist[w]!;
      if (dw < 0 || alt < dw - TIE * dw) {
        dist[w] = alt;
        sigma[w] = sigma[v]!;
        heap.push(alt, w);
      } else if (Math.abs(alt - dw) <= TIE * Math.max(alt, dw)) {
        sigma[w]! += sigma[v]!;
      }
    }
  }
  return count;
}

let cachedScratch: Scratch | null = null;

/**
 * Scratch arrays for n nodes, reused from the previous pass: a pass is split into 64 batches,
 * and allocating (and zeroing) per batch cost more than the searches on a sampled
 * million-tie graph. Every pass leaves the arrays reset (each source resets what it touched),
 * and passes never interleave in one thread.
 */
function scratchFor(n: number, heap: boolean): Scratch {
  const c = cachedScratch;
  if (c === null || c.dist.length !== n) {
    cachedScratch = {
      dist: new Float64Array(n).fill(-1),
      sigma: new Float64Array(n),
      delta: new Float64Array(n),
      order: new Int32Array(n),
      pull: new Float64Array(n),
      levelEnd: new Int32Array(n + 1),
      settled: new Uint8Array(n),
      heap: heap ? new MinHeap(n) : null,
    };
    return cachedScratch;
  }
  if (heap && c.heap === null) c.heap = new MinHeap(n);
  return c;
}

/** Brandes' dependency accumulation for Dijkstra, in reverse order of distance. */
function accumulate(csr: Csr, count: number, x: Scratch, weighting: PathWeighting, betweenness: Float64Array): void {
  const { inOffsets, inTargets, inWeights } = csr;
  const { dist, sigma, delta, order } = x;
  for (let i = count - 1; i > 0; i--) {
    const w = order[i]!;
    const dw = dist[w]!;
    const coeff = (1 + delta[w]!) / sigma[w]!;
    for (let k = inOffsets[w]!; k < inOffsets[w + 1]!; k++) {
      const v = inTargets[k]!;
      const dv = dist[v]!;
      if (dv < 0 || v === w) continue;
      if (Math.abs(dv + edgeLength(weighting, inWeights[k]!) - dw) <= TIE * dw) delta[v]! += sigma[v]! * coeff;
    }
    betweenness[w]! += delta[w]!;
  }
}

/**
 * A source's searched levels (`order`, by distance, and x.levelEnd) and its path counts in
 * x.sigma: adds its distance sums, path summaries and betweenness, then leaves the scratch reset
 * (the JavaScript kernel; brandes-kernel.as.ts does the same in WebAssembly).
 */
function finishSource(
  csr: Rows,
  s: number,
  levels: number,
  x: Scratch,
  order: Int32Array,
  mask: Uint8Array | 'everyone' | undefined,
  out: PathPartials,
): void {
  addSourceSums(s, levels, order, x.levelEnd, mask, out);
  accumulateBfs(csr, levels, x, order, out.betweenness);

  // sigma and delta must be zero for the next source's pulls (and delta for Dijkstra's); where
  // the source reached most nodes, clearing whole arrays beats visiting its nodes in BFS order.
  const { sigma, delta } = x;
  const count = x.levelEnd[levels - 1]!;
  if (count * 2 > sigma.length) {
    sigma.fill(0);
    delta.fill(0);
  } else {
    for (let i = 0; i < count; i++) {
      const v = order[i]!;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
}

/**
 * A source's distance sums and path summaries, a level at a time (every node of a level is at
 * the same distance, so each level adds d × its size and size / d).
 */
function addSourceSums(
  s: number,
  levels: number,
  order: Int32Array,
  levelEnd: Int32Array,
  mask: Uint8Array | 'everyone' | undefined,
  out: PathPartials,
): void {
  const count = levelEnd[levels - 1]!;
  const inSums = !out.symmetric;
  const { farIn, reachIn, harmonicIn } = out;
  const summarise = mask === 'everyone' || (mask !== undefined && mask[s] === 1);
  let far = 0;
  let harmonic = 0;
  for (let d = 1; d < levels; d++) {
    const start = levelEnd[d - 1]!;
    const end = levelEnd[d]!;
    far += d * (end - start);
    harmonic += (end - start) / d;
    if (inSums) {
      const inverse = 1 / d;
      for (let i = start; i < end; i++) {
        const t = order[i]!;
        farIn[t]! += d;
        reachIn[t]! += 1;
        harmonicIn[t]! += inverse;
      }
    }
    if (summarise) {
      let inside = 0;
      if (mask === 'everyone') inside = end - start;
      else if (mask !== undefined) for (let i = start; i < end; i++) inside += mask[order[i]!]! === 1 ? 1 : 0;
      if (inside > 0) {
        out.pathSum += d * inside;
        out.pathPairs += inside;
        if (d > out.diameter) out.diameter = d;
      }
    }
  }
  out.farOut[s] = far;
  out.reachOut[s] = count - 1;
  out.harmonicOut[s] = harmonic;
}

let cachedDistances: DistanceScratch | null = null;

/** Work on one group of sources (rows' numbering, `lanes` of them). */
type GroupWork = (sources: Int32Array, lanes: number) => void;

function laneScratchFor(n: number): DistanceScratch {
  if (cachedDistances === null || cachedDistances.n !== n) cachedDistances = distanceScratch(n);
  return cachedDistances;
}

/**
 * Calls `group` with each run of up to `size` sources along [from, to) (rows'
 * numbering), checking for cancellation before each. The groups depend only on the range, so a
 * batch gives the same sums whoever runs it.
 */
function forEachGroup(
  rows: Relabelled,
  list: Int32Array | undefined,
  from: number,
  to: number,
  hooks: RunHooks | undefined,
  size: number,
  group: GroupWork,
): void {
  const sources = new Int32Array(size);
  for (let at = from; at < to; at += size) {
    checkCancelled(hooks);
    hooks?.onProgress?.('shortest paths', (at - from) / Math.max(1, to - from));
    const lanes = Math.min(size, to - at);
    for (let j = 0; j < lanes; j++) sources[j] = rows.label[list ? list[at + j]! : at + j]!;
    group(sources, lanes);
  }
}

/** Distances only: each group of sources one bit-parallel search. */
function distancePass(rows: Relabelled, mask: Uint8Array | 'everyone' | undefined, inner: PathPartials, eachGroup: (size: number, group: GroupWork) => void): void {
  const x = laneScratchFor(rows.label.length);
  const sums: DistanceSums = { ...inner, inSums: !inner.symmetric };
  const summarise: boolean[] = new Array<boolean>(DISTANCE_LANES).fill(false);
  const componentMask = mask === 'everyone' ? undefined : mask;
  eachGroup(DISTANCE_LANES, (sources, lanes) => {
    for (let j = 0; j < lanes; j++) summarise[j] = mask === 'everyone' || (mask !== undefined && mask[sources[j]!] === 1);
    distanceGroup(rows, sources, lanes, x, summarise, componentMask, sums);
  });
  inner.pathSum = sums.pathSum;
  inner.pathPairs = sums.pathPairs;
  inner.diameter = sums.diameter;
}

/**
 * Path counts of a source whose levels are known, pulled a level at a time over whole rows
 * (in-rows on a directed graph): a node's (in-)neighbours lie at most one level nearer, and while
 * a level sums only that nearer level holds counts (a level's counts are written once the whole
 * level has summed; sigma is zero elsewhere), so the sums are exactly its predecessors' counts,
 * with no test per arc.
 */
function pullCounts(csr: Rows, levels: number, order: Int32Array, x: Scratch): void {
  const { outOffsets, outTargets } = csr;
  const { sigma, pull, levelEnd } = x;
  sigma[order[0]!] = 1;
  for (let d = 1; d < levels; d++) {
    const start = levelEnd[d - 1]!;
    const end = levelEnd[d]!;
    sumRows(outOffsets, outTargets, order, start, end, sigma, pull);
    for (let i = start; i < end; i++) sigma[order[i]!] = pull[i]!;
  }
}

/**
 * Which kernel runs undirected betweenness: WebAssembly ('wasm'; JavaScript where it will not
 * load) or JavaScript. Both give the same numbers, bit for bit. Outside Node the default is 'js':
 * a page compiles WebAssembly only where its Content-Security-Policy allows 'wasm-unsafe-eval',
 * and a refused compile is reported as a violation, so the app opts in with `usePathEngine`.
 */
export type PathEngine = 'wasm' | 'js';
let pathEngine: PathEngine = typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === 'string' ? 'wasm' : 'js';

/** Chooses the betweenness kernel for the passes that follow in this thread. */
export function usePathEngine(engine: PathEngine): void {
  pathEngine = engine;
}

/**
 * A search from k sources at once keeps k × n node numbers (each source's order): k is 32 up to
 * this many numbers, fewer on bigger graphs.
 */
const LANE_ORDER_LIMIT = 1 << 23;

/**
 * Undirected betweenness: the levels of DISTANCE_LANES sources at a time from one bit-parallel
 * search, then per source (in order) its path counts and dependencies pulled over whole rows,
 * with no search of its own: the per-arc test for "reached yet?" is gone from the forward sweep.
 * Each source's sums are the single-source kernel's, added in the same order.
 */
function laneBrandesPass(
  rows: Relabelled,
  mask: Uint8Array | 'everyone' | undefined,
  inner: PathPartials,
  eachGroup: (size: number, group: GroupWork) => void,
  engine: PathEngine,
): void {
  const n = rows.label.length;
  const lanesX = laneScratchFor(n);
  const x = scratchFor(n, false);
  const size = Math.max(1, Math.min(DISTANCE_LANES, Math.floor(LANE_ORDER_LIMIT / Math.max(1, n))));
  const kernel = engine === 'js' ? null : brandesKernel(rows, rows.inRows, size);
  kernel?.clear();
  const componentMask = mask === 'everyone' ? undefined : mask;
  const levelEnd = kernel?.levelEnd ?? x.levelEnd;
  eachGroup(size, (sources, lanes) => {
    // The kernel's memory holds the orders it reads; the JavaScript kernel keeps its own.
    if (kernel !== null) lanesX.orders = kernel.orders;
    const levels = searchGroup(rows, sources, lanes, lanesX, componentMask, null, true);
    const { levelCount, orders } = lanesX;
    for (let j = 0; j < lanes; j++) {
      levelEnd[0] = 1;
      let d = 1;
      for (; d < levels; d++) {
        const size = levelCount[d * DISTANCE_LANES + j]!;
        if (size === 0) break;
        levelEnd[d] = levelEnd[d - 1]! + size;
      }
      levelEnd[d] = levelEnd[d - 1]!;
      const order = orders!.subarray(j * n, j * n + levelEnd[d]!);
      if (kernel !== null) {
        addSourceSums(sources[j]!, d, order, levelEnd, mask, inner);
        kernel.source(j, d);
      } else {
        pullCounts(rows.inRows, d, order, x);
        finishSource(rows, sources[j]!, d, x, order, mask, inner);
      }
    }
    endGroup(lanesX, levels);
  });
  if (kernel !== null) inner.betweenness.set(kernel.betweenness);
}

/** The unweighted pass: BFS on the relabelled rows, sums mapped back to the graph's numbering. */
function unweightedPass(csr: Csr, options: PathPassOptions, hooks: RunHooks | undefined): PathPartials {
  const n = csr.n;
  const list = options.sources;
  const from = options.from ?? 0;
  const to = options.to ?? (list ? list.length : n);
  const doBetweenness = options.betweenness ?? true;
  const symmetric = !csr.directed && list === undefined;
  const rows = relabelled(csr);
  const { node } = rows;
  // A connected graph's component is everyone: then no node need be looked up per source.
  let mask: Uint8Array | 'everyone' | undefined;
  const given = options.componentMask;
  if (given !== undefined) {
    const renumbered = new Uint8Array(n);
    let inside = 0;
    for (let i = 0; i < n; i++) {
      renumbered[i] = given[node[i]!] === 1 ? 1 : 0;
      inside += renumbered[i]!;
    }
    mask = inside === n ? 'everyone' : renumbered;
  }
  const inner = emptyPathPartials(n, symmetric);
  try {
    const eachGroup = (size: number, group: GroupWork): void => forEachGroup(rows, list, from, to, hooks, size, group);
    if (doBetweenness) laneBrandesPass(rows, mask, inner, eachGroup, pathEngine);
    else distancePass(rows, mask, inner, eachGroup);
  } catch (error) {
    // A pass stopped mid-source (cancelled) leaves marks behind: start the next one afresh.
    cachedScratch = null;
    cachedDistances = null;
    throw error;
  }
  const out = emptyPathPartials(n, symmetric);
  for (const key of PARTIAL_ARRAYS) {
    const source = inner[key];
    const target = out[key];
    for (let i = 0; i < source.length; i++) target[node[i]!] = source[i]!;
  }
  out.pathSum = inner.pathSum;
  out.pathPairs = inner.pathPairs;
  out.diameter = inner.diameter;
  hooks?.onProgress?.('shortest paths', 1);
  return out;
}

/** Runs the single-source passes for sources in [from, to) and returns their partial sums. */
export function shortestPathPass(
  csr: Csr,
  options: PathPassOptions = {},
  hooks?: RunHooks,
): PathPartials {
  const n = csr.n;
  const weighting = options.weighting ?? 'none';
  const list = options.sources;
  const from = options.from ?? 0;
  const to = options.to ?? (list ? list.length : n);
  const doBetweenness = options.betweenness ?? true;
  const mask = options.componentMask;
  const symmetric = !csr.directed && list === undefined;
  if (weighting === 'none') return unweightedPass(csr, options, hooks);
  const out = emptyPathPartials(n, symmetric);
  const x = scratchFor(n, true);
  const { dist, sigma, delta, order, settled } = x;
  const progressEvery = Math.max(1, Math.floor((to - from) / 100));

  try {
    for (let at = from; at < to; at++) {
      const s = list ? list[at]! : at;
      if ((at - from) % progressEvery === 0) {
        checkCancelled(hooks);
        hooks?.onProgress?.('shortest paths', (at - from) / Math.max(1, to - from));
      }
      const count = dijkstra(csr, s, x, weighting);

      // Closeness, harmonic and path summaries from this source's distances.
      let far = 0;
      let harmonic = 0;
      if (symmetric) {
        for (let i = 1; i < count; i++) {
          const d = dist[order[i]!]!;
          far += d;
          harmonic += 1 / d;
        }
      } else {
        const { farIn, reachIn, harmonicIn } = out;
        for (let i = 1; i < count; i++) {
          const t = order[i]!;
          const d = dist[t]!;
          far += d;
          harmonic += 1 / d;
          farIn[t]! += d;
          reachIn[t]! += 1;
          harmonicIn[t]! += 1 / d;
        }
      }
      out.farOut[s] = far;
      out.reachOut[s] = count - 1;
      out.harmonicOut[s] = harmonic;
      if (mask !== undefined && mask[s] === 1) {
        for (let i = 1; i < count; i++) {
          const t = order[i]!;
          if (mask[t] !== 1) continue;
          const d = dist[t]!;
          out.pathSum += d;
          out.pathPairs += 1;
          if (d > out.diameter) out.diameter = d;
        }
      }

      if (doBetweenness) accumulate(csr, count, x, weighting, out.betweenness);

      for (let i = 0; i < count; i++) {
        const v = order[i]!;
        dist[v] = -1;
        sigma[v] = 0;
        delta[v] = 0;
        settled[v] = 0;
      }
    }
  } catch (error) {
    // A pass stopped mid-source (cancelled) leaves marks behind: start the next one afresh.
    cachedScratch = null;
    throw error;
  }
  hooks?.onProgress?.('shortest paths', 1);
  return out;
}
