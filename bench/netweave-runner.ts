/**
 * Times netweave's engine in-process, on one thread, one metric at a time, on one graphology
 * graph and the CSR built from it. The single shortest-path pass serves betweenness, closeness
 * and harmonic centrality together, so it is timed once, as one step. The same steps on the
 * worker pool are timed by netweave-pool.ts, on the graph and CSR this returns.
 *
 * Path passes run as the engine's in-thread runner runs them (`runPathBatches`: the fixed 64
 * source batches the pool also hands out), so one thread and the pool differ only in threads.
 */
import { toCsr, type Csr } from '../src/engine/core/graph/csr.ts';
import type { NetworkGraph } from '../src/engine/core/graph/build-graph.ts';
import { degreeMetrics } from '../src/engine/algorithms/metrics/degree.ts';
import type { PathPartials } from '../src/engine/algorithms/metrics/shortest-paths.ts';
import { runPathBatches } from '../src/engine/algorithms/parallel/path-batches.ts';
import { pathCentralities } from '../src/engine/algorithms/metrics/path-centralities.ts';
import { pagerank } from '../src/engine/algorithms/metrics/pagerank.ts';
import { eigenvectorCentrality } from '../src/engine/algorithms/metrics/eigenvector.ts';
import { clustering } from '../src/engine/algorithms/metrics/clustering.ts';
import { coreNumber } from '../src/engine/algorithms/metrics/coreness.ts';
import { connectedComponents } from '../src/engine/algorithms/metrics/components.ts';
import { detectCommunities } from '../src/engine/algorithms/communities/louvain.ts';
import { computeMetrics } from '../src/engine/analysis/compute-metrics.ts';
import type { RunHooks } from '../src/engine/core/util/cancel.ts';
import { toNetworkGraph, type EdgeList } from './generate-graph.ts';
import type { SizePlan } from './plan.ts';
import { formatSeconds, logStep, timeOnce, type RssSampler } from './timing.ts';

export const NETWEAVE_STEPS = [
  'graphBuild',
  'csr',
  'degree',
  'components',
  'paths',
  'sampledPaths',
  'sampledDistances',
  'pagerank',
  'eigenvector',
  'clustering',
  'coreness',
  'louvain1',
  'louvain10',
  'computeMetrics',
  'computeMetricsDefault',
  'analyze',
] as const;
export type NetweaveStep = (typeof NETWEAVE_STEPS)[number];

/**
 * Steps with shortest-path passes, the only work the worker pool splits; every other step is
 * single-threaded by design and has no all-cores timing.
 */
export const POOLED_STEPS = ['paths', 'sampledPaths', 'sampledDistances', 'computeMetrics', 'computeMetricsDefault', 'analyze'] as const;
export type PooledStep = (typeof POOLED_STEPS)[number];

export function isPooledStep(step: NetweaveStep): step is PooledStep {
  return (POOLED_STEPS as readonly string[]).includes(step);
}

export const STEP_LABELS: Record<NetweaveStep, string> = {
  graphBuild: 'graph build (graphology, from edge list)',
  csr: 'CSR build (toCsr)',
  degree: 'degree',
  components: 'connected components',
  paths: 'exact betweenness+closeness+harmonic (one shortest-path pass)',
  sampledPaths: 'betweenness+closeness+harmonic from sampled sources',
  sampledDistances: 'closeness+harmonic from sampled sources (betweenness: false)',
  pagerank: 'PageRank',
  eigenvector: 'eigenvector centrality',
  clustering: 'local clustering',
  coreness: 'core number',
  louvain1: 'Louvain, restarts: 1',
  louvain10: 'Louvain, restarts: 10 (default)',
  computeMetrics: 'full computeMetrics, exact paths (restarts: 10)',
  computeMetricsDefault: 'full computeMetrics, defaults (sampled paths)',
  analyze: 'the whole analyze report (runAnalysis, exact paths: every kernel, people insights, skills)',
};

export interface GraphFacts {
  nodes: number;
  edges: number;
  /** Directed arcs in the CSR (each undirected edge both ways): what a search relaxes per source. */
  arcs: number;
  components: number;
  largestComponent: number;
  maxDegree: number;
  meanDegree: number;
  averageClustering: number;
  transitivity: number;
  louvainCommunities: number;
  louvainModularity: number;
  /** From the exact pass, or from the sampled sources (then a lower bound) where only those ran. */
  diameter: number | null;
  averagePathLength: number | null;
  /** Sources the path-length facts come from: null for all of them (exact). */
  pathFactsSources: number | null;
  pagerankIterations: number;
  eigenvectorIterations: number;
  /** Sources computeMetrics samples with its defaults; null where it computes paths exactly. */
  defaultSampledSources: number | null;
  defaultEpsilon: number | null;
}

export interface StepTimings<S extends string> {
  /** Wall seconds per step. */
  seconds: Partial<Record<S, number>>;
  /** Process CPU seconds (user + system, every thread of the process) per step. */
  cpuSeconds: Partial<Record<S, number>>;
}

/** Memory around the pool: its workers are threads of this process, so they share its RSS. */
export interface PoolMemory {
  /** RSS just before the workers started, and once they had loaded (before any graph was sent). */
  beforeStartMiB: number;
  idleMiB: number;
}

/**
 * Steps absent from the records were not run at this size (see plan.ts): exact paths and exact
 * computeMetrics not at huge, sampled paths only at huge, computeMetrics defaults only where
 * they sample (more than 20,000 nodes).
 */
export interface NetweaveResult extends StepTimings<NetweaveStep> {
  /** The same pooled steps on a pool of worker threads; null until netweave-pool.ts ran. */
  pool: (StepTimings<PooledStep> & { threads: number; memory: PoolMemory }) | null;
  /** Sources of the sampled path steps; null where they did not run. */
  sampledSources: number | null;
  facts: GraphFacts;
}

/** What the pool timings reuse, so they run on the very graph the in-thread steps did. */
export interface Prepared {
  graph: NetworkGraph;
  csr: Csr;
  /** The largest component (path-length summaries are taken over it, as computeMetrics does). */
  componentMask: Uint8Array;
}

export interface NetweaveRunOptions {
  size: string;
  warmUp: boolean;
  seed: number;
  sampler: RssSampler;
  plan: SizePlan;
}

/** Progress hooks that print every tenth of a long step and sample RSS as they go. */
export function progressHooks(size: string, label: string, sampler: RssSampler): RunHooks {
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

export function runNetweave(list: EdgeList, options: NetweaveRunOptions): { result: NetweaveResult; prepared: Prepared } {
  const { size, sampler, seed, plan } = options;
  const seconds: Partial<Record<NetweaveStep, number>> = {};
  const cpuSeconds: Partial<Record<NetweaveStep, number>> = {};

  /** Runs one step (after a warm-up run when asked), records and prints its time. */
  function step<T>(id: NetweaveStep, fn: (hooks: RunHooks | undefined) => T, withProgress = false): T {
    if (options.warmUp) {
      logStep(size, `${STEP_LABELS[id]}: warm-up`);
      timeOnce(() => fn(undefined), sampler);
    }
    logStep(size, `${STEP_LABELS[id]}, 1 thread: timing…`);
    const hooks = withProgress ? progressHooks(size, STEP_LABELS[id], sampler) : undefined;
    const { seconds: s, cpuSeconds: cpu, value } = timeOnce(() => fn(hooks), sampler);
    seconds[id] = s;
    cpuSeconds[id] = cpu;
    logStep(size, `${STEP_LABELS[id]}, 1 thread: ${formatSeconds(s)} s (CPU ${formatSeconds(cpu)} s)`);
    return value;
  }

  const graph: NetworkGraph = step('graphBuild', () => toNetworkGraph(list));
  const csr: Csr = step('csr', () => toCsr(graph));
  const n = csr.n;
  const degree = step('degree', () => degreeMetrics(csr));
  const components = step('components', () => connectedComponents(csr));
  const componentMask = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (components.label[i] === 0) componentMask[i] = 1;

  let pathFacts: PathPartials | null = null;
  if (plan.exactPaths) {
    pathFacts = step(
      'paths',
      (hooks) => {
        const partials = runPathBatches(csr, { weighting: 'none', componentMask }, hooks);
        pathCentralities(partials, n);
        return partials;
      },
      true,
    );
  }
  const sources = plan.sampledSources;
  if (sources !== null) {
    // The same kernel restricted to the sample, as computeMetrics runs it when it samples.
    step(
      'sampledPaths',
      (hooks) => pathCentralities(runPathBatches(csr, { weighting: 'none', sources, componentMask }, hooks), n, sources),
      true,
    );
    // Without Brandes' accumulation: one BFS per source, the work igraph's closeness(vertices=)
    // and harmonic_centrality(vertices=) each do, so this one is comparable.
    const distances = step(
      'sampledDistances',
      (hooks) => {
        const partials = runPathBatches(csr, { weighting: 'none', sources, componentMask, betweenness: false }, hooks);
        pathCentralities(partials, n, sources);
        return partials;
      },
      true,
    );
    pathFacts ??= distances;
  }
  const pr = step('pagerank', () => pagerank(csr));
  const eig = step('eigenvector', () => eigenvectorCentrality(csr));
  const clus = step('clustering', () => clustering(csr));
  step('coreness', () => coreNumber(csr));
  step('louvain1', () => detectCommunities(graph, { seed, restarts: 1 }));
  const louvain10 = step('louvain10', () => detectCommunities(graph, { seed }));
  if (plan.exactPaths) {
    step('computeMetrics', (hooks) => computeMetrics(graph, { weighting: 'none', seed, approximateAbove: Infinity }, hooks), true);
  }
  let sampled: { sources: number; epsilon: number } | null = null;
  if (plan.defaultsSample) {
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
  const pathSummary = pathFacts !== null && pathFacts.pathPairs > 0 ? pathFacts : null;
  const result: NetweaveResult = {
    seconds,
    cpuSeconds,
    pool: null,
    sampledSources: sources?.length ?? null,
    facts: {
      nodes: n,
      edges: csr.edgeCount,
      arcs: csr.outTargets.length,
      components: components.sizes.length,
      largestComponent: components.sizes[0] ?? 0,
      maxDegree,
      meanDegree: n > 0 ? degreeSum / n : 0,
      averageClustering: clus.averageClustering,
      transitivity: clus.transitivity,
      louvainCommunities: louvain10.count,
      louvainModularity: louvain10.modularity,
      diameter: pathSummary?.diameter ?? null,
      averagePathLength: pathSummary ? pathSummary.pathSum / pathSummary.pathPairs : null,
      pathFactsSources: plan.exactPaths ? null : (sources?.length ?? null),
      pagerankIterations: pr.iterations,
      eigenvectorIterations: eig.iterations,
      defaultSampledSources: sampled?.sources ?? null,
      defaultEpsilon: sampled?.epsilon ?? null,
    },
  };
  return { result, prepared: { graph, csr, componentMask } };
}
