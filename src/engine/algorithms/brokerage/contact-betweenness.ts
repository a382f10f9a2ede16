/**
 * Betweenness on the contact network (ties read either way, unweighted) by Brandes' algorithm
 * (Brandes 2001, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2)),
 * normalised as networkx's `betweenness_centrality` on the undirected graph. On a directed survey
 * network someone who did not answer has no outgoing ties, so directed betweenness is 0 for
 * them however many people named them; read as contacts, they keep their brokerage.
 *
 * Exact while n * (2m + n) stays within `budget`; above it, the sum runs over `budget / (2m + n)`
 * sources drawn with a seeded RNG and is scaled up by n / sources (Brandes & Pich 2007,
 * "Centrality estimation in large networks"), and the result says how many sources were used.
 */
import type { Contacts } from './contacts.ts';
import { createRng, DEFAULT_SEED } from '../../core/util/rng.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';

export interface ContactBetweennessOptions {
  /** Work budget in edge visits. Default 1e8 (exact up to about 5,000 people on sparse networks). */
  budget?: number;
  /** Seed for the sampled sources. Default DEFAULT_SEED. */
  seed?: number;
}

export interface ContactBetweenness {
  values: Float64Array;
  /** Sources used (n when exact). */
  sources: number;
  exact: boolean;
}

export function contactBetweenness(
  contacts: Contacts,
  options: ContactBetweennessOptions = {},
  hooks?: RunHooks,
): ContactBetweenness {
  const { n, offsets, targets } = contacts;
  const budget = options.budget ?? 1e8;
  const perSource = offsets[n]! + n;
  const wanted = perSource > 0 ? Math.max(1, Math.floor(budget / perSource)) : n;
  const exact = wanted >= n;
  let sources: Int32Array;
  if (exact) {
    sources = Int32Array.from({ length: n }, (_, i) => i);
  } else {
    // Partial Fisher-Yates: the first `wanted` of a seeded shuffle.
    const rng = createRng(options.seed ?? DEFAULT_SEED);
    const all = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < wanted; i++) {
      const j = i + Math.floor(rng() * (n - i));
      const t = all[i]!;
      all[i] = all[j]!;
      all[j] = t;
    }
    sources = all.slice(0, wanted).sort();
  }
  const values = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (let si = 0; si < sources.length; si++) {
    if ((si & 63) === 0) {
      checkCancelled(hooks);
      hooks?.onProgress?.('contact betweenness', si / sources.length);
    }
    const s = sources[si]!;
    dist.fill(-1);
    sigma.fill(0);
    delta.fill(0);
    dist[s] = 0;
    sigma[s] = 1;
    let tail = 0;
    order[tail++] = s;
    for (let head = 0; head < tail; head++) {
      const v = order[head]!;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const w = targets[k]!;
        if (dist[w]! < 0) {
          dist[w] = dist[v]! + 1;
          order[tail++] = w;
        }
        if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      for (let k = offsets[w]!; k < offsets[w + 1]!; k++) {
        const v = targets[k]!;
        if (dist[v] === dist[w]! - 1) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      values[w]! += delta[w]!;
    }
  }
  // Ordered-pair sums over (n-1)(n-2), as networkx normalises undirected betweenness.
  const scale = (n > 2 ? 1 / ((n - 1) * (n - 2)) : 0) * (n / Math.max(1, sources.length));
  for (let v = 0; v < n; v++) values[v]! *= scale;
  return { values, sources: sources.length, exact };
}
