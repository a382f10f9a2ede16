/**
 * Betweenness estimated with a stated error bound from sampled shortest paths (Riondato &
 * Upfal 2016, "Fast approximation of betweenness centrality through sampling"). Each sample is
 * an ordered pair of distinct people drawn uniformly and one shortest path between them drawn
 * uniformly among all of them; a person's estimate is the share of samples whose path passes
 * through them. The number of samples depends on the longest shortest path (its vertex count,
 * the vertex diameter VD), not on the number of people:
 *
 *     r = c / eps^2 * (floor(log2(VD - 2)) + 1 + ln(1 / delta)),   c = 0.5,
 *
 * and then, with probability at least 1 - delta, every person's estimate is within eps of the
 * exact value at once (the VC-dimension of the range set is at most floor(log2(VD - 2)) + 1).
 * VD only has to be bounded from above: a double BFS sweep bounds each component's diameter by
 * twice an eccentricity; for directed ties, where the sweep proves nothing, each strongly
 * connected component is bounded by an in- plus an out-eccentricity and the longest chain of
 * components through the condensation adds them up. Each path is found by a balanced bidirectional BFS (as KADABRA does, Borassi &
 * Natale 2019), which on small-world networks touches a small part of the graph.
 *
 * Unweighted paths only: tie weights are ignored. Values are on networkx's normalised scale
 * (`betweenness_centrality(normalized=True)`), and so is eps.
 */
import type { Csr } from '../../core/graph/csr.ts';
import { createRng, DEFAULT_SEED, type Rng } from '../../core/util/rng.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { connectedComponents, stronglyConnectedComponents } from './components.ts';

export interface AdaptiveBetweennessOptions {
  /** Allowed absolute error of each normalised betweenness value. */
  epsilon?: number;
  /** Chance that any value misses the bound. */
  delta?: number;
  seed?: number;
}

/** The defaults, in one place: within 0.01 of the exact normalised value, 9 times in 10. */
export const ADAPTIVE_BETWEENNESS_DEFAULTS = {
  epsilon: 0.01,
  delta: 0.1,
  seed: DEFAULT_SEED,
} as const satisfies Required<AdaptiveBetweennessOptions>;

/** Löffler & Phillips' constant for the ε-approximation sample size, as Riondato & Upfal use it. */
const SAMPLE_CONSTANT = 0.5;

/**
 * What an estimate promises: with probability 1 - delta, every value within epsilon of exact.
 * `sampled sources` is the fixed sample of source-sample.ts, which states the same kind of bound.
 */
export interface BetweennessBound {
  method: 'shortest-path sampling' | 'sampled sources';
  epsilon: number;
  delta: number;
  /** Shortest paths sampled, or sources run from. */
  samples: number;
  /** The upper bound on the vertex diameter the sample size came from (sampled paths only). */
  vertexDiameter: number | null;
  seed: number;
}

export interface AdaptiveBetweenness {
  /** Normalised betweenness estimates, by node index. */
  values: Float64Array;
  bound: BetweennessBound;
}

/** Samples needed for the bound, given an upper bound on the vertex diameter (0 when VD < 3). */
export function pathSamplesFor(vertexDiameter: number, epsilon: number, delta: number): number {
  if (vertexDiameter < 3) return 0;
  const vc = Math.floor(Math.log2(vertexDiameter - 2)) + 1;
  return Math.ceil((SAMPLE_CONSTANT / (epsilon * epsilon)) * (vc + Math.log(1 / delta)));
}

/**
 * An upper bound on the number of nodes in any shortest path. Components are taken largest
 * first and stop mattering once their size is below the bound found so far.
 */
export function vertexDiameterBound(csr: Csr, rng: Rng = createRng(DEFAULT_SEED)): number {
  const comps = connectedComponents(csr);
  const members: number[][] = comps.sizes.map(() => []);
  for (let i = 0; i < csr.n; i++) members[comps.label[i]!]!.push(i);
  const dist = new Int32Array(csr.n).fill(-1);
  const queue = new Int32Array(csr.n);
  if (csr.directed) return Math.min(directedVertexDiameterBound(csr, dist, queue), comps.sizes[0] ?? 0);
  let bound = 0;
  for (let c = 0; c < comps.sizes.length; c++) {
    const size = comps.sizes[c]!;
    if (size <= bound) break;
    const start = members[c]![Math.floor(rng() * size)]!;
    const first = eccentricity(csr, start, dist, queue);
    const second = eccentricity(csr, first.farthest, dist, queue);
    // Any two nodes are at most ecc(x) from x each, so the diameter is at most 2 ecc(x).
    const diameter = Math.min(2 * first.ecc, 2 * second.ecc, size - 1);
    bound = Math.max(bound, diameter + 1);
  }
  return bound;
}

/**
 * For directed ties: a shortest path runs through strongly connected components in the order of
 * their acyclic condensation and never comes back to one it left, so the part of it inside a
 * component is a shortest path there, at most ecc_in(x) + ecc_out(x) steps for any x in it
 * (searched inside the component only). The longest chain of components, each adding its own
 * bound and one step to the next, bounds every shortest path: all in O(n + m).
 */
function directedVertexDiameterBound(csr: Csr, dist: Int32Array, queue: Int32Array): number {
  const n = csr.n;
  const { label, sizes } = stronglyConnectedComponents(csr);
  const count = sizes.length;
  const inside = new Int32Array(count);
  const seen = new Uint8Array(count);
  for (let v = 0; v < n; v++) {
    const c = label[v]!;
    if (seen[c] || sizes[c]! < 2) continue;
    seen[c] = 1;
    const out = eccentricity(csr, v, dist, queue, label);
    const back = eccentricity({ ...csr, outOffsets: csr.inOffsets, outTargets: csr.inTargets }, v, dist, queue, label);
    inside[c] = Math.min(out.ecc + back.ecc, sizes[c]! - 1);
  }
  // Longest chain over the condensation, by Kahn's order from the components nothing enters.
  const indegree = new Int32Array(count);
  const { outOffsets, outTargets } = csr;
  for (let v = 0; v < n; v++) {
    for (let k = outOffsets[v]!; k < outOffsets[v + 1]!; k++) if (label[outTargets[k]!] !== label[v]) indegree[label[outTargets[k]!]!]!++;
  }
  const members = new Int32Array(n);
  const start = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) start[label[v]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, count);
  for (let v = 0; v < n; v++) members[fill[label[v]!]!++] = v;
  // Steps of the longest chain ending at each component's exit (its own bound included).
  const reach = Int32Array.from(inside);
  const ready: number[] = [];
  for (let c = 0; c < count; c++) if (indegree[c] === 0) ready.push(c);
  let longest = 0;
  while (ready.length > 0) {
    const c = ready.pop()!;
    longest = Math.max(longest, reach[c]!);
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const v = members[i]!;
      for (let k = outOffsets[v]!; k < outOffsets[v + 1]!; k++) {
        const d = label[outTargets[k]!]!;
        if (d === c) continue;
        reach[d] = Math.max(reach[d]!, reach[c]! + 1 + inside[d]!);
        if (--indegree[d]! === 0) ready.push(d);
      }
    }
  }
  return longest + 1;
}

function eccentricity(csr: Csr, s: number, dist: Int32Array, queue: Int32Array, within?: Int32Array): { ecc: number; farthest: number } {
  const { outOffsets, outTargets } = csr;
  let tail = 0;
  dist[s] = 0;
  queue[tail++] = s;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let k = outOffsets[v]!; k < outOffsets[v + 1]!; k++) {
      const w = outTargets[k]!;
      if (dist[w]! < 0 && (within === undefined || within[w] === within[s])) {
        dist[w] = dist[v]! + 1;
        queue[tail++] = w;
      }
    }
  }
  const farthest = queue[tail - 1]!;
  const ecc = dist[farthest]!;
  for (let i = 0; i < tail; i++) dist[queue[i]!] = -1;
  return { ecc, farthest };
}

/** One side of the bidirectional search: distances, path counts and the nodes in BFS order. */
interface Side {
  dist: Int32Array;
  sigma: Float64Array;
  order: Int32Array;
  count: number;
  /** Where the current frontier starts in `order`. */
  start: number;
  depth: number;
  /** Sum of the frontier's degrees in this side's direction: the cost of expanding it. */
  cost: number;
  offsets: Int32Array;
  targets: Int32Array;
}

function makeSide(n: number, offsets: Int32Array, targets: Int32Array): Side {
  return { dist: new Int32Array(n).fill(-1), sigma: new Float64Array(n), order: new Int32Array(n), count: 0, start: 0, depth: 0, cost: 0, offsets, targets };
}

function seed(side: Side, s: number): void {
  side.dist[s] = 0;
  side.sigma[s] = 1;
  side.order[0] = s;
  side.count = 1;
  side.start = 0;
  side.depth = 0;
  side.cost = side.offsets[s + 1]! - side.offsets[s]!;
}

function clear(side: Side): void {
  for (let i = 0; i < side.count; i++) side.dist[side.order[i]!] = -1;
  side.count = 0;
}

/** Expands one full BFS level; returns whether it reached a node the other side has seen. */
function expand(side: Side, other: Side): boolean {
  const { dist, sigma, order, offsets, targets } = side;
  const end = side.count;
  const next = side.depth + 1;
  let met = false;
  let cost = 0;
  for (let i = side.start; i < end; i++) {
    const v = order[i]!;
    const sv = sigma[v]!;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = targets[k]!;
      const dw = dist[w]!;
      if (dw < 0) {
        dist[w] = next;
        sigma[w] = sv;
        order[side.count++] = w;
        cost += offsets[w + 1]! - offsets[w]!;
        if (other.dist[w]! >= 0) met = true;
      } else if (dw === next) {
        sigma[w]! += sv;
      }
    }
  }
  side.start = end;
  side.depth = next;
  side.cost = cost;
  return met;
}

/** Picks a predecessor of v on this side (one level closer to its root), by path count. */
function stepBack(side: Side, v: number, back: { offsets: Int32Array; targets: Int32Array }, rng: Rng): number {
  const { dist, sigma } = side;
  const want = dist[v]! - 1;
  let x = rng() * sigma[v]!;
  let last = -1;
  for (let k = back.offsets[v]!; k < back.offsets[v + 1]!; k++) {
    const u = back.targets[k]!;
    if (dist[u] !== want) continue;
    last = u;
    x -= sigma[u]!;
    if (x < 0) return u;
  }
  return last;
}

/**
 * Samples one shortest s-t path uniformly and counts its inner nodes into `hits`; nothing when t
 * cannot be reached from s (the pair then adds nothing to anyone, as in the exact sum).
 */
function samplePath(csr: Csr, s: number, t: number, fwd: Side, bwd: Side, hits: Float64Array, rng: Rng): void {
  seed(fwd, s);
  seed(bwd, t);
  let meeting: Side | null = null;
  while (meeting === null) {
    if (fwd.start === fwd.count || bwd.start === bwd.count) break;
    const side = fwd.cost <= bwd.cost ? fwd : bwd;
    if (expand(side, side === fwd ? bwd : fwd)) meeting = side;
  }
  if (meeting !== null) {
    // Every shortest path crosses the level just reached exactly once, at a node both sides
    // have seen; choosing it by sigma_s(w) * sigma_t(w) and then walking back by path counts
    // on each side makes every shortest path equally likely.
    let total = 0;
    for (let i = meeting.start; i < meeting.count; i++) {
      const w = meeting.order[i]!;
      if (fwd.dist[w]! >= 0 && bwd.dist[w]! >= 0) total += fwd.sigma[w]! * bwd.sigma[w]!;
    }
    let x = rng() * total;
    let w = -1;
    for (let i = meeting.start; i < meeting.count; i++) {
      const u = meeting.order[i]!;
      if (fwd.dist[u]! < 0 || bwd.dist[u]! < 0) continue;
      w = u;
      x -= fwd.sigma[u]! * bwd.sigma[u]!;
      if (x < 0) break;
    }
    const into = { offsets: csr.inOffsets, targets: csr.inTargets };
    const outOf = { offsets: csr.outOffsets, targets: csr.outTargets };
    if (w !== s && w !== t) hits[w]! += 1;
    for (let v = w; fwd.dist[v]! > 1; ) {
      v = stepBack(fwd, v, into, rng);
      hits[v]! += 1;
    }
    for (let v = w; bwd.dist[v]! > 1; ) {
      v = stepBack(bwd, v, outOf, rng);
      hits[v]! += 1;
    }
  }
  clear(fwd);
  clear(bwd);
}

/** Betweenness of every node, estimated within `epsilon` with probability 1 - `delta`. */
export function adaptiveBetweenness(csr: Csr, options: AdaptiveBetweennessOptions = {}, hooks?: RunHooks): AdaptiveBetweenness {
  const epsilon = options.epsilon ?? ADAPTIVE_BETWEENNESS_DEFAULTS.epsilon;
  const delta = options.delta ?? ADAPTIVE_BETWEENNESS_DEFAULTS.delta;
  const seedValue = options.seed ?? ADAPTIVE_BETWEENNESS_DEFAULTS.seed;
  if (!(epsilon > 0) || !(delta > 0 && delta < 1)) throw new RangeError('adaptiveBetweenness: epsilon must be positive and delta between 0 and 1.');
  const n = csr.n;
  const rng = createRng(seedValue);
  const values = new Float64Array(n);
  const vertexDiameter = n > 0 ? vertexDiameterBound(csr, rng) : 0;
  // Sampled pairs estimate the sum over ordered pairs divided by n(n-1); networkx divides by
  // (n-1)(n-2), so the sample is sized for eps scaled down by (n-2)/n.
  const scale = n > 2 ? n / (n - 2) : 0;
  const samples = n > 2 ? pathSamplesFor(vertexDiameter, epsilon / scale, delta) : 0;
  const bound: BetweennessBound = { method: 'shortest-path sampling', epsilon, delta, samples, vertexDiameter, seed: seedValue };
  if (samples === 0) return { values, bound };

  const fwd = makeSide(n, csr.outOffsets, csr.outTargets);
  const bwd = makeSide(n, csr.inOffsets, csr.inTargets);
  const progressEvery = Math.max(1, Math.floor(samples / 100));
  for (let i = 0; i < samples; i++) {
    if (i % progressEvery === 0) {
      checkCancelled(hooks);
      hooks?.onProgress?.('bridging (sampled paths)', i / samples);
    }
    const s = Math.floor(rng() * n);
    let t = Math.floor(rng() * (n - 1));
    if (t >= s) t++;
    samplePath(csr, s, t, fwd, bwd, values, rng);
  }
  const perSample = scale / samples;
  // The n/(n-2) rescaling can carry a share just past 1; the exact value never is, so capping
  // only brings the estimate closer.
  for (let v = 0; v < n; v++) values[v] = Math.min(1, values[v]! * perSample);
  return { values, bound };
}
