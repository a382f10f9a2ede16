/**
 * Sampled sources for approximate betweenness, closeness and harmonic centrality on large
 * graphs (Brandes & Pich 2007, "Centrality estimation in large networks"). Sources are drawn
 * uniformly without replacement with a seeded RNG, and each node's estimate is an average over
 * them, so Hoeffding's inequality with a union bound over all n nodes gives the stated bound:
 * with probability 1 - delta, every normalised betweenness (and harmonic / (n-1)) estimate is
 * within epsilon of the exact value.
 *
 * On unweighted ties the analysis takes bridging from sampled shortest paths instead
 * (adaptive-betweenness.ts), whose sample size follows the longest shortest path rather than n,
 * so a tight bound stays affordable; the sources then give closeness, reach and path lengths.
 */
import { createRng, DEFAULT_SEED } from '../../core/util/rng.ts';

export interface SampleOptions {
  /** Allowed absolute error of normalised betweenness. Default 0.05. */
  epsilon?: number;
  /** Chance the bound fails for any node. Default 0.05 (95% confidence). */
  delta?: number;
  /** Use exactly this many sources instead of deriving the count from epsilon. */
  samples?: number;
  /** Default DEFAULT_SEED. */
  seed?: number;
}

export interface SourceSample {
  sources: Int32Array;
  /** Error bound actually achieved with this many samples, at confidence 1 - delta. */
  epsilon: number;
  delta: number;
  seed: number;
}

/** Samples needed so every node's estimate is within epsilon with probability 1 - delta. */
export function samplesFor(n: number, epsilon: number, delta: number): number {
  return Math.ceil(Math.log((2 * Math.max(1, n)) / delta) / (2 * epsilon * epsilon));
}

export function sampleSources(n: number, options: SampleOptions = {}): SourceSample {
  const delta = options.delta ?? 0.05;
  const seed = options.seed ?? DEFAULT_SEED;
  const k = Math.min(n, Math.max(1, options.samples ?? samplesFor(n, options.epsilon ?? 0.05, delta)));
  // Partial Fisher-Yates: the first k entries of a seeded shuffle.
  const ids = Int32Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = t;
  }
  const sources = ids.slice(0, k).sort();
  // Each sample's contribution lies in [0, n/(n-1)] (normalised betweenness), hence the range.
  const range = n > 1 ? n / (n - 1) : 1;
  const epsilon = k >= n ? 0 : range * Math.sqrt(Math.log((2 * n) / delta) / (2 * k));
  return { sources, epsilon, delta, seed };
}
