/**
 * What the metric producers read: the kernels' outputs of one analysis run (computed once, in
 * `compute-metrics.ts`), plus the people insights and convening attendance when those ran.
 */
import type { Csr } from '../core/graph/csr.ts';
import type { degreeMetrics } from '../algorithms/metrics/degree.ts';
import type { PathCentralities } from '../algorithms/metrics/path-centralities.ts';
import type { connectedComponents } from '../algorithms/metrics/components.ts';
import type { NodeInsight } from './node-insight.ts';

export interface MetricKernels {
  csr: Csr;
  degree: ReturnType<typeof degreeMetrics>;
  paths: PathCentralities;
  eigenvector: Float64Array;
  pagerank: Float64Array;
  clustering: Float64Array;
  coreness: Float64Array;
  /** Louvain community of each person (0 = largest). */
  community: Float64Array;
  /** Weakly connected component of each person (0 = largest). */
  component: ReturnType<typeof connectedComponents>;
}

export interface MetricInputs {
  kernels: MetricKernels;
  /** Per-person insights by id, when people insights ran. */
  insights?: Record<string, NodeInsight>;
  /** Events attended per person id, when the dataset has attendance. */
  attended?: Map<string, number>;
}

/** A per-person value of the insights as a column in CSR order (NaN where there is none). */
export function insightColumn(inputs: MetricInputs, read: (node: NodeInsight) => number | boolean | null): Float64Array {
  const { ids } = inputs.kernels.csr;
  const out = new Float64Array(ids.length).fill(Number.NaN);
  const nodes = inputs.insights;
  if (!nodes) return out;
  for (let i = 0; i < ids.length; i++) {
    const node = nodes[ids[i]!];
    if (!node) continue;
    const value = read(node);
    out[i] = value === null ? Number.NaN : Number(value);
  }
  return out;
}
