/**
 * Times netweave's engine in-process, one metric at a time, on one graphology graph and the CSR
 * built from it. The single shortest-path pass serves betweenness, closeness and harmonic
 * centrality together, so it is timed once, as one step.
 */
import { toCsr, type Csr } from '../src/engine/graph/csr.ts';
import type { NetworkGraph } from '../src/engine/graph/build-graph.ts';
import { degreeMetrics } from '../src/engine/metrics/degree.ts';
import { shortestPathPass } from '../src/engine/metrics/shortest-paths.ts';
import { createNodePathPool } from '../src/workers/node-path-pool.ts';
import { csrFromEdgeArrays } from '../src/engine/graph/csr.ts';
import { pathCentralities } from '../src/engine/metrics/path-centralities.ts';
import { pagerank } from '../src/engine/metrics/pagerank.ts';
import { eigenvectorCentrality } from '../src/engine/metrics/eigenvector.ts';
import { clustering } from '../src/engine/metrics/clustering.ts';
import { coreNumber } from '../src/engine/metrics/coreness.ts';
import { connectedComponents } from '../src/engine/metrics/components.ts';
import { detectCommunities } from '../src/engine/communities/louvain.ts';
import { computeMetrics } from '../src/engine/analysis/compute-metrics.ts';
import type { RunHooks } from '../src/engine/util/cancel.ts';
import { toNetworkGraph, type EdgeList } from './generate-graph.ts';
import { formatSeconds, logStep, timeOnce, type RssSampler } from './timing.ts';

export const NETWEAVE_STEPS = [
  'graphBuild',
  'csr',
  'degree',
  'paths',
  'pathsPool',
  'pagerank',
  'eigenvector',
  'clustering',
  'coreness',
  'components',
  'louvain1',
  'louvain10',
  'computeMetrics',
  'computeMetricsDefault',
] as const;
export type NetweaveStep = (typeof NETWEAVE_STEPS)[number];

export const STEP_LABELS: Record<NetweaveStep, string> = {
  graphBuild: 'graph build (graphology, from edge list)',
  csr: 'CSR build (toCsr)',
  degree: 'degree',
  paths: 'betweenness+closeness+harmonic (one shortestPathPass)',
  pathsPool: 'the same pass on a worker pool (all cores)',
  pagerank: 'PageRank',
  eigenvector: 'eigenvector centrality',
  clustering: 'local clustering',
  coreness: 'core number',
  components: 'connected components',
  louvain1: 'Louvain, restarts: 1',
  louvain10: 'Louvain, restarts: 10 (default)',
  computeMetrics: 'full computeMetrics, exact paths (restarts: 10)',
  computeMetricsDefault: 'full computeMetrics, defaults (sampled paths)',
};

/** computeMetrics' default threshold above which path centralities are estimated from samples. */
const DEFAULT_APPROXIMATE_ABOVE = 20_000;

export interface GraphFacts {
  nodes: number;
  edges: number;
  components: number;
  largestComponent: number;
  maxDegree: number;
  meanDegree: number;
  averageClustering: number;
  transitivity: number;
  louvainCommunities: number;
  louvainModularity: number;
  diameter: number | null;
  averagePathLength: number | null;
  pagerankIterations: number;
  eigenvectorIterations: number;
  /** Sources computeMetrics samples with its defaults; null where it computes paths exactly. */
  defaultSampledSources: number | null;
  defaultEpsilon: number | null;
}

/**
 * Steps absent from the records were not run: `computeMetricsDefault` runs only where the
 * defaults sample (more than 20,000 nodes); elsewhere the defaults are the exact run.
 */
export interface NetweaveResult {
  /** Wall seconds per step. */
  seconds: Partial<Record<NetweaveStep, number>>;
  /** Process CPU seconds (user + system) per step. */
  cpuSeconds: Partial<Record<NetweaveStep, number>>;
  facts: GraphFacts;
  peakRssSampledMiB: number;
}

export interface NetweaveRunOptions {
  size: string;
  warmUp: boolean;
  seed: number;
  sampler: RssSampler;
}

/** Progress hooks that print every tenth of a long step and sample RSS as they go. */
function progressHooks(size: string, label: string, sampler: RssSampler): RunHooks {
  let lastTenth = -1;
  let lastStep = '';
  const start = performance.now();
  return {
    onProgress: (step, fraction) => {
      sampler.sample();
      if (step !== lastStep) {
        lastStep = step;
        lastTenth = -1;
        if (step !== 'shortest paths' && step !== 'done') logStep(size, `  ${label}: ${step}`);
      }
      const tenth = Math.floor(fraction * 10);
      if (step === 'shortest paths' && tenth > lastTenth) {
        lastTenth = tenth;
        const elapsed = (performance.now() - start) / 1000;
        logStep(size, `  ${label}: shortest paths ${tenth * 10}% (${formatSeconds(elapsed)} s)`);
      }
    },
  };
}

export function runNetweave(list: EdgeList, options: NetweaveRunOptions): NetweaveResult {
  const { size, sampler, seed } = options;
  const seconds: Partial<Record<NetweaveStep, number>> = {};
  const cpuSeconds: Partial<Record<NetweaveStep, number>> = {};

  /** Runs one step (after a warm-up run when asked), records and prints its time. */
  function step<T>(id: NetweaveStep, fn: (hooks: RunHooks | undefined) => T, withProgress = false): T {
    if (options.warmUp) {
      logStep(size, `${STEP_LABELS[id]}: warm-up`);
      timeOnce(() => fn(undefined), sampler);
    }
    logStep(size, `${STEP_LABELS[id]}: timing…`);
    const hooks = withProgress ? progressHooks(size, STEP_LABELS[id], sampler) : undefined;
    const { seconds: s, cpuSeconds: cpu, value } = timeOnce(() => fn(hooks), sampler);
    seconds[id] = s;
    cpuSeconds[id] = cpu;
    logStep(size, `${STEP_LABELS[id]}: ${formatSeconds(s)} s (CPU ${formatSeconds(cpu)} s)`);
    return value;
  }

  const graph: NetworkGraph = step('graphBuild', () => toNetworkGraph(list));
  const csr: Csr = step('csr', () => toCsr(graph));
  const n = csr.n;
  const degree = step('degree', () => degreeMetrics(csr));
  const components = step('components', () => connectedComponents(csr));
  // As computeMetrics does: path-length summaries over the largest component.
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (components.label[i] === 0) mask[i] = 1;
  const paths = step(
    'paths',
    (hooks) => {
      const partials = shortestPathPass(csr, { weighting: 'none', componentMask: mask }, hooks);
      return { partials, centralities: pathCentralities(partials, n) };
    },
    true,
  );
  const pr = step('pagerank', () => pagerank(csr));
  const eig = step('eigenvector', () => eigenvectorCentrality(csr));
  const clus = step('clustering', () => clustering(csr));
  step('coreness', () => coreNumber(csr));
  step('louvain1', () => detectCommunities(graph, { seed, restarts: 1 }));
  const louvain10 = step('louvain10', () => detectCommunities(graph, { seed }));
  step('computeMetrics', (hooks) => computeMetrics(graph, { weighting: 'none', seed, approximateAbove: Infinity }, hooks), true);
  let sampled: { sources: number; epsilon: number } | null = null;
  if (n > DEFAULT_APPROXIMATE_ABOVE) {
    const analysis = step('computeMetricsDefault', (hooks) => computeMetrics(graph, { weighting: 'none', seed }, hooks), true);
    const approx = analysis.figures.approximation;
    if (approx) sampled = { sources: approx.samples, epsilon: approx.epsilon };
  }

  let maxDegree = 0;
  let degreeSum = 0;
  for (let i = 0; i < n; i++) {
    maxDegree = Math.max(maxDegree, degree.degree[i]!);
    degreeSum += degree.degree[i]!;
  }
  const pass = paths.partials;
  return {
    seconds,
    cpuSeconds,
    peakRssSampledMiB: sampler.peakMiB,
    facts: {
      nodes: n,
      edges: csr.edgeCount,
      components: components.sizes.length,
      largestComponent: components.sizes[0] ?? 0,
      maxDegree,
      meanDegree: n > 0 ? degreeSum / n : 0,
      averageClustering: clus.averageClustering,
      transitivity: clus.transitivity,
      louvainCommunities: louvain10.count,
      louvainModularity: louvain10.modularity,
      diameter: pass.pathPairs > 0 ? pass.diameter : null,
      averagePathLength: pass.pathPairs > 0 ? pass.pathSum / pass.pathPairs : null,
      pagerankIterations: pr.iterations,
      eigenvectorIterations: eig.iterations,
      defaultSampledSources: sampled?.sources ?? null,
      defaultEpsilon: sampled?.epsilon ?? null,
    },
  };
}

/**
 * The shortest-path pass on a pool of worker threads, one per core, as the CLI and the app run
 * it. Adds `pathsPool` to the result's timings (pool start-up excluded, graph copy included).
 */
export async function timePathPool(list: EdgeList, result: NetweaveResult, options: NetweaveRunOptions & { threads: number }): Promise<void> {
  const graph = toNetworkGraph(list);
  const csr = toCsr(graph);
  const pool = createNodePathPool(options.threads, { minNodes: 0 });
  try {
    // A tiny pass first, so every worker has loaded before the clock starts.
    await pool.runner.run(csrFromEdgeArrays(['a', 'b'], Int32Array.of(0), Int32Array.of(1), Float64Array.of(1), false), { weighting: 'none' });
    logStep(options.size, `${STEP_LABELS.pathsPool} (${options.threads} threads): timing…`);
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    await pool.runner.run(csr, { weighting: 'none' });
    const cpu = process.cpuUsage(cpuStart);
    result.seconds.pathsPool = (performance.now() - wallStart) / 1000;
    result.cpuSeconds.pathsPool = (cpu.user + cpu.system) / 1e6;
    logStep(options.size, `${STEP_LABELS.pathsPool}: ${formatSeconds(result.seconds.pathsPool)} s`);
  } finally {
    await pool.close();
  }
}
