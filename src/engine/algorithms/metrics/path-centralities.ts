/**
 * Turns shortest-path partial sums into betweenness, closeness and harmonic centrality with
 * networkx's definitions and normalisation:
 * - betweenness: `betweenness_centrality(normalized=True)`, raw sum over ordered pairs
 *   divided by (n-1)(n-2) (an undirected pair is counted from both ends, hence 2/((n-1)(n-2))
 *   per unordered pair);
 * - closeness: `closeness_centrality` with Wasserman-Faust scaling (wf_improved=True):
 *   ((r-1)/(n-1)) * ((r-1)/sum of distances), r-1 = others that reach the node; for directed
 *   graphs distances *to* the node ("in"), as networkx does, and "out" from it;
 * - harmonic: `harmonic_centrality`, sum over others of 1/distance, not normalised.
 */
import type { PathPartials } from './shortest-paths.ts';

export interface PathCentralities {
  betweenness: Float64Array;
  closeness: Float64Array;
  closenessOut: Float64Array;
  harmonic: Float64Array;
  harmonicOut: Float64Array;
}

function wassermanFaust(far: Float64Array, reach: Float64Array, n: number): Float64Array {
  const result = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const others = reach[i]!;
    if (far[i]! > 0 && n > 1) result[i] = (others / (n - 1)) * (others / far[i]!);
  }
  return result;
}

/**
 * `sample`: the sources the passes ran from, when only a sample ran (approximate values:
 * betweenness scaled by n/k; closeness and harmonic from the sampled sources that reach each
 * node). Out-directed closeness and harmonic cannot be estimated from a sample and are NaN.
 */
export function pathCentralities(partials: PathPartials, n: number, sample?: Int32Array): PathCentralities {
  const betweenness = new Float64Array(n);
  const scale = (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1) * (sample ? n / Math.max(1, sample.length) : 1);
  for (let i = 0; i < n; i++) betweenness[i] = partials.betweenness[i]! * scale;
  if (sample) return sampledCentralities(partials, n, sample, betweenness);
  return {
    betweenness,
    closeness: partials.symmetric ? wassermanFaust(partials.farOut, partials.reachOut, n) : wassermanFaust(partials.farIn, partials.reachIn, n),
    closenessOut: wassermanFaust(partials.farOut, partials.reachOut, n),
    harmonic: Float64Array.from(partials.symmetric ? partials.harmonicOut : partials.harmonicIn),
    harmonicOut: Float64Array.from(partials.harmonicOut),
  };
}

function sampledCentralities(partials: PathPartials, n: number, sample: Int32Array, betweenness: Float64Array): PathCentralities {
  const inSample = new Uint8Array(n);
  for (const s of sample) inSample[s] = 1;
  const closeness = new Float64Array(n);
  const harmonic = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const others = sample.length - inSample[t]!;
    const reach = partials.reachIn[t]!;
    if (others === 0) continue;
    if (partials.farIn[t]! > 0) closeness[t] = (reach / others) * (reach / partials.farIn[t]!);
    harmonic[t] = (partials.harmonicIn[t]! * (n - 1)) / others;
  }
  return { betweenness, closeness, closenessOut: new Float64Array(n).fill(NaN), harmonic, harmonicOut: new Float64Array(n).fill(NaN) };
}
