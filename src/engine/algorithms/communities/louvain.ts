/**
 * Community detection by Louvain (Blondel et al. 2008) through graphology-communities-louvain,
 * seeded so a report can be reproduced. Louvain's result depends on the order it visits nodes,
 * so it runs several times from seeds derived from the one given and keeps the partition with
 * the highest modularity: the same seed always gives the same answer.
 */
import louvain from 'graphology-communities-louvain';
import type { NetworkGraph } from '../../core/graph/build-graph.ts';
import { createRng, DEFAULT_SEED } from '../../core/util/rng.ts';
import { DEFAULT_RESOLUTION } from './modularity.ts';

export interface LouvainOptions {
  /** Default DEFAULT_SEED. */
  seed?: number;
  /** Resolution gamma; above 1 finds more, smaller communities. Default DEFAULT_RESOLUTION. */
  resolution?: number;
  weighted?: boolean;
  /** Independent runs to keep the best of. Default 10. */
  restarts?: number;
}

export interface LouvainResult {
  /** Community per node in graph.nodes() order, numbered by size (0 = largest). */
  membership: Int32Array;
  count: number;
  /** Modularity as the Louvain package reports it. */
  modularity: number;
  seed: number;
}

export function detectCommunities(graph: NetworkGraph, options: LouvainOptions = {}): LouvainResult {
  const seed = options.seed ?? DEFAULT_SEED;
  const restarts = Math.max(1, options.restarts ?? 10);
  const nodes = graph.nodes();
  if (graph.size === 0) {
    // Every node alone: Louvain has nothing to merge.
    return { membership: Int32Array.from(nodes, (_, i) => i), count: nodes.length, modularity: 0, seed };
  }
  const seeds = createRng(seed);
  let best: { communities: Record<string, number>; modularity: number } | null = null;
  for (let run = 0; run < restarts; run++) {
    const rng = createRng(Math.floor(seeds() * 2 ** 32));
    const result = louvain.detailed(graph, {
      rng,
      resolution: options.resolution ?? DEFAULT_RESOLUTION,
      getEdgeWeight: options.weighted ? 'weight' : null,
    });
    if (best === null || result.modularity > best.modularity + 1e-12) best = result;
  }
  const raw = nodes.map((id) => best!.communities[id]!);
  return { ...renumberBySize(raw), modularity: best!.modularity, seed };
}

function renumberBySize(raw: number[]): { membership: Int32Array; count: number } {
  const size = new Map<number, number>();
  const first = new Map<number, number>();
  raw.forEach((c, i) => {
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!first.has(c)) first.set(c, i);
  });
  const order = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || first.get(a)! - first.get(b)!);
  const rank = new Map(order.map((c, r) => [c, r]));
  return { membership: Int32Array.from(raw, (c) => rank.get(c)!), count: order.length };
}
