/**
 * What the bench times at one size. Exact all-pairs shortest paths cost O(n·m): about 8 s at
 * 10k/50k and 250 s at 50k/250k per side, but the best part of an hour at 100k/1M. So the huge
 * size times the path kernels from a fixed, seeded sample of sources instead, on both sides,
 * and says so wherever those figures appear.
 */
import { writeFileSync } from 'node:fs';
import { sampleSources } from '../src/engine/algorithms/metrics/source-sample.ts';
import type { SizeName } from './generate-graph.ts';

/** computeMetrics' default threshold above which path centralities are estimated from samples. */
export const DEFAULT_APPROXIMATE_ABOVE = 20_000;

export interface SizePlan {
  /** Exact all-pairs path kernels and exact computeMetrics (false at the huge size). */
  exactPaths: boolean;
  /** Sources for the sampled path kernels (sorted node indices); null where they are not timed. */
  sampledSources: Int32Array | null;
  /** Whether computeMetrics with its defaults samples here, and is therefore timed separately. */
  defaultsSample: boolean;
  /**
   * The whole analyze report (runAnalysis, exact), 1 thread and pool: up to 20,000 nodes. Above,
   * exact paths alone take minutes per run and the report adds little the computeMetrics rows
   * do not show.
   */
  wholeReport: boolean;
}

export interface PlanOptions {
  hugeSources: number;
  seed: number;
}

export function planFor(size: SizeName, nodes: number, options: PlanOptions): SizePlan {
  const huge = size === 'huge';
  return {
    exactPaths: !huge,
    // The engine's own sampler (uniform without replacement, seeded), so the sample is the kind
    // computeMetrics draws; igraph reads the very same indices from a file.
    sampledSources: huge ? sampleSources(nodes, { samples: options.hugeSources, seed: options.seed }).sources : null,
    defaultsSample: nodes > DEFAULT_APPROXIMATE_ABOVE,
    wholeReport: !huge && nodes <= DEFAULT_APPROXIMATE_ABOVE,
  };
}

/** One node index per line, for igraph_bench.py's --sources. */
export function writeSources(sources: Int32Array, path: string): void {
  writeFileSync(path, `${Array.from(sources).join('\n')}\n`);
}
