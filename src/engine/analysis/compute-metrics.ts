/**
 * Runs every node metric and the network summary on one built graph. Typed arrays in, typed
 * arrays out: this is the part a worker runs; `build-report.ts` turns it into the JSON report.
 */
import { DEFAULT_APPROXIMATE_ABOVE } from '../core/model/project.ts';
import type { NetworkGraph } from '../core/graph/build-graph.ts';
import { toCsr, undirectedView, type Csr } from '../core/graph/csr.ts';
import { degreeMetrics } from '../algorithms/metrics/degree.ts';
import type { PathPartials, PathWeighting } from '../algorithms/metrics/shortest-paths.ts';
import { runPathBatches, type PathJob, type PathRunner } from '../algorithms/parallel/path-batches.ts';
import { sampleSources, type SampleOptions, type SourceSample } from '../algorithms/metrics/source-sample.ts';
import { pathCentralities } from '../algorithms/metrics/path-centralities.ts';
import { adaptiveBetweenness, type AdaptiveBetweenness, type AdaptiveBetweennessOptions, type BetweennessBound } from '../algorithms/metrics/adaptive-betweenness.ts';
import { pagerank } from '../algorithms/metrics/pagerank.ts';
import { eigenvectorCentrality } from '../algorithms/metrics/eigenvector.ts';
import { clustering } from '../algorithms/metrics/clustering.ts';
import { coreNumber } from '../algorithms/metrics/coreness.ts';
import { connectedComponents, stronglyConnectedComponents } from '../algorithms/metrics/components.ts';
import { detectCommunities } from '../algorithms/communities/louvain.ts';
import { modularity } from '../algorithms/communities/modularity.ts';
import { density, reciprocity } from '../algorithms/metrics/graph-summary.ts';
import { checkCancelled, type RunHooks } from '../core/util/cancel.ts';
import { yieldTurn } from '../core/util/yield-turn.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { METRICS, type NodeMetricName } from './metric-registry.ts';
import type { MetricKernels } from './metric-kernels.ts';

export type { NodeMetricName };

export interface ComputeOptions {
  /**
   * How tie weights are read. `none` (default): every tie counts the same. `strength`: a higher
   * weight is a stronger tie (path length 1/weight; PageRank, eigenvector and communities weigh
   * ties by it). `distance`: the weight is a length (networkx's `weight=` for paths).
   */
  weighting?: PathWeighting;
  seed?: number;
  resolution?: number;
  louvainRestarts?: number;
  /**
   * Above this many people, betweenness, closeness and harmonic centrality are estimated from
   * sampled sources with a stated error bound (see algorithms/metrics/source-sample.ts). Default DEFAULT_APPROXIMATE_ABOVE;
   * Infinity always computes them exactly.
   */
  approximateAbove?: number;
  /**
   * Sampling settings of the sampled sources when approximating (epsilon, delta, samples): they
   * give closeness and reach, and bridging too when `samples` is set or ties are weighted.
   */
  sampling?: Omit<SampleOptions, 'seed'>;
  /**
   * The bound for bridging when approximating unweighted ties, estimated from sampled shortest
   * paths (see algorithms/metrics/adaptive-betweenness.ts). Defaults there.
   */
  betweennessSampling?: Omit<AdaptiveBetweennessOptions, 'seed'>;
}

export interface Approximation {
  /** People whose shortest paths gave closeness and reach. */
  samples: number;
  /**
   * With probability 1 - delta, every normalised betweenness is within epsilon of exact (the
   * sampled sources' own bound, or the tighter one of `betweennessBound` when paths were sampled).
   */
  epsilon: number;
  delta: number;
  seed: number;
}

export type { BetweennessBound };


export interface MetricTable {
  ids: string[];
  columns: Record<NodeMetricName, Float64Array>;
  /** False where the eigenvector is not unique (graph not (strongly) connected). */
  eigenvectorDefined: boolean;
}

export interface NetworkFigures {
  nodes: number;
  edges: number;
  directed: boolean;
  density: number;
  components: number;
  strongComponents: number | null;
  largestComponentSize: number;
  averagePathLength: number | null;
  diameter: number | null;
  transitivity: number;
  averageClustering: number;
  reciprocity: number | null;
  modularity: number;
  modularityCheck: number;
  communities: number;
  /** Set when path measures were estimated from a sample of sources. */
  approximation: Approximation | null;
  /** Set when bridging (betweenness) was estimated: what the estimate promises, and from how many samples. */
  betweennessBound: BetweennessBound | null;
  selfLoops: number;
  isolates: number;
}

export interface ComputedAnalysis {
  /** What the kernels computed, for the metric registry's producers. */
  kernels: MetricKernels;
  table: MetricTable;
  figures: NetworkFigures;
  warnings: InputIssue[];
}

interface Prepared {
  csr: Csr;
  weighting: PathWeighting;
  weighted: boolean;
  deg: ReturnType<typeof degreeMetrics>;
  weak: ReturnType<typeof connectedComponents>;
  strong: ReturnType<typeof connectedComponents>;
  /** Jobs for the path passes: betweenness etc., and unweighted path lengths when weighted. */
  jobs: { main: PathJob; stats: PathJob | null };
  sample: SourceSample | null;
  /** Whether bridging comes from sampled shortest paths rather than from the sampled sources. */
  samplePaths: boolean;
}

function prepare(graph: NetworkGraph, options: ComputeOptions, hooks: RunHooks | undefined, prebuilt: Csr | undefined): Prepared {
  const weighting = options.weighting ?? 'none';
  const weighted = weighting !== 'none';
  step(hooks, 'preparing the graph');
  const csr = prebuilt ?? toCsr(graph);
  const n = csr.n;
  step(hooks, 'degree');
  const deg = degreeMetrics(csr);
  step(hooks, 'components');
  const weak = connectedComponents(csr);
  const strong = csr.directed ? stronglyConnectedComponents(csr) : weak;
  // Path-length figures are taken over the largest (strongly) connected component.
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (strong.label[i] === 0) mask[i] = 1;
  const sample = n > (options.approximateAbove ?? DEFAULT_APPROXIMATE_ABOVE) ? sampleSources(n, { ...options.sampling, seed: options.seed }) : null;
  // A fixed number of sources asked for keeps its betweenness (reproducing earlier runs);
  // sampled paths are unweighted, so weighted ties keep the sources' estimate too.
  const samplePaths = sample !== null && !weighted && options.sampling?.samples === undefined;
  const sources = sample ? { sources: sample.sources } : {};
  return {
    sample,
    samplePaths,
    csr,
    weighting,
    weighted,
    deg,
    weak,
    strong,
    jobs: {
      main: { weighting, componentMask: weighted ? undefined : mask, ...sources, ...(samplePaths ? { betweenness: false } : {}) },
      stats: weighted ? { weighting: 'none', componentMask: mask, betweenness: false, ...sources } : null,
    },
  };
}

function step(hooks: RunHooks | undefined, name: string): void {
  checkCancelled(hooks);
  hooks?.onProgress?.(name, 0);
}

/** Every metric, in this thread. */
export function computeMetrics(
  graph: NetworkGraph,
  options: ComputeOptions = {},
  hooks?: RunHooks,
  prebuilt?: Csr,
): ComputedAnalysis {
  const prep = prepare(graph, options, hooks, prebuilt);
  const paths = runPathBatches(prep.csr, prep.jobs.main, hooks);
  const stats = prep.jobs.stats ? runPathBatches(prep.csr, prep.jobs.stats, hooks) : paths;
  const estimate = sampledBetweenness(prep, options, hooks);
  return finish(prep, paths, stats, estimate, localKernelsNow(graph, options, hooks, prep));
}

/** Every metric, with the shortest-path passes on `runner` (e.g. a pool of workers). */
export async function computeMetricsWith(
  runner: PathRunner,
  graph: NetworkGraph,
  options: ComputeOptions = {},
  hooks?: RunHooks,
  prebuilt?: Csr,
): Promise<ComputedAnalysis> {
  return (await startMetrics(runner, graph, options, hooks, prebuilt)).done;
}

/** The columns ready before the shortest-path passes are: what people insights start from. */
export interface EarlyTable {
  ids: string[];
  columns: Pick<Record<NodeMetricName, Float64Array>, 'coreness' | 'community'>;
}

/** An analysis under way: the columns ready while the passes run, and the whole of it. */
export interface MetricsUnderWay {
  early: EarlyTable;
  done: Promise<ComputedAnalysis>;
}

/**
 * Starts the shortest-path passes on `runner`, then works out every other kernel here while
 * they run (the sampled paths too, when estimating). It resolves once those are done, with the
 * passes still running: the caller can go on with work that needs no path measure, and the
 * whole analysis comes with `done`. Between kernels it yields, so a pool fed from this thread
 * keeps getting work.
 */
export async function startMetrics(
  runner: PathRunner,
  graph: NetworkGraph,
  options: ComputeOptions = {},
  hooks?: RunHooks,
  prebuilt?: Csr,
): Promise<MetricsUnderWay> {
  const prep = prepare(graph, options, hooks, prebuilt);
  const pending = runner.run(prep.csr, prep.jobs.main, hooks);
  // The passes may fail (cancelled) while this thread works on and before anything awaits
  // them: marked as seen here, the failure still reaches whoever awaits `done`.
  pending.catch(() => undefined);
  await yieldTurn();
  const estimate = sampledBetweenness(prep, options, hooks);
  const local = await localKernels(graph, options, hooks, prep);
  const done = (async (): Promise<ComputedAnalysis> => {
    const paths = await pending;
    const stats = prep.jobs.stats ? await runner.run(prep.csr, prep.jobs.stats, hooks) : paths;
    return finish(prep, paths, stats, estimate, local);
  })();
  // The caller may fail before awaiting `done`; its rejection is theirs to see when they do.
  done.catch(() => undefined);
  return {
    early: { ids: prep.csr.ids, columns: { coreness: earlyColumn('coreness', local), community: earlyColumn('community', local) } },
    done,
  };
}

function sampledBetweenness(prep: Prepared, options: ComputeOptions, hooks: RunHooks | undefined): AdaptiveBetweenness | null {
  if (!prep.samplePaths) return null;
  step(hooks, 'bridging (sampled paths)');
  return adaptiveBetweenness(prep.csr, { ...options.betweennessSampling, seed: options.seed }, hooks);
}

/** The kernels that need no shortest path, with the warnings they raise. */
interface LocalKernels {
  pr: ReturnType<typeof pagerank>;
  eig: ReturnType<typeof eigenvectorCentrality>;
  connected: boolean;
  clus: ReturnType<typeof clustering>;
  core: Float64Array;
  louvain: ReturnType<typeof detectCommunities>;
  community: Float64Array;
  modularityCheck: number;
  warnings: InputIssue[];
}

/** The kernels that need no shortest path, in order, pausing after each so a caller may yield. */
function* localKernelSteps(graph: NetworkGraph, options: ComputeOptions, hooks: RunHooks | undefined, prep: Prepared): Generator<void, LocalKernels> {
  const { csr, weighted, strong } = prep;
  const n = csr.n;
  const warnings: InputIssue[] = [];

  step(hooks, 'PageRank');
  const pr = pagerank(csr, { weighted });
  if (!pr.converged) {
    warnings.push({ level: 'warning', code: 'pagerank-not-converged', message: `PageRank did not converge in ${pr.iterations} iterations; values are approximate.` });
  }
  yield;

  step(hooks, 'eigenvector centrality');
  const connected = n > 0 && strong.sizes.length === 1;
  const eig = eigenvectorCentrality(csr, { weighted });
  if (!connected && n > 0) {
    warnings.push({
      level: 'warning',
      code: 'eigenvector-not-unique',
      message: csr.directed
        ? 'Not everyone can reach everyone along the ties\' directions, so eigenvector centrality has no unique answer; the values shown favour the most tightly knit part of the network.'
        : 'The network has several separate parts, so eigenvector centrality has no unique answer; the values shown favour the most tightly knit part.',
    });
  }
  if (!eig.converged) {
    warnings.push({ level: 'warning', code: 'eigenvector-not-converged', message: `Eigenvector centrality did not converge in ${eig.iterations} iterations; values are approximate.` });
  }
  yield;

  step(hooks, 'clustering');
  const clus = clustering(undirectedView(csr));
  yield;

  step(hooks, 'k-core');
  const core = coreNumber(csr);
  yield;

  step(hooks, 'communities');
  const louvain = detectCommunities(graph, {
    seed: options.seed,
    resolution: options.resolution,
    weighted,
    restarts: options.louvainRestarts,
  });
  const modularityCheck = modularity(csr, louvain.membership, { weighted, resolution: options.resolution });
  return { pr, eig, connected, clus, core, louvain, community: Float64Array.from(louvain.membership), modularityCheck, warnings };
}

function localKernelsNow(graph: NetworkGraph, options: ComputeOptions, hooks: RunHooks | undefined, prep: Prepared): LocalKernels {
  const steps = localKernelSteps(graph, options, hooks, prep);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

async function localKernels(graph: NetworkGraph, options: ComputeOptions, hooks: RunHooks | undefined, prep: Prepared): Promise<LocalKernels> {
  const steps = localKernelSteps(graph, options, hooks, prep);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await yieldTurn();
  }
}

function finish(
  prep: Prepared,
  paths: PathPartials,
  pathStats: PathPartials,
  estimate: AdaptiveBetweenness | null,
  local: LocalKernels,
): ComputedAnalysis {
  const { csr, deg, weak, strong } = prep;
  const n = csr.n;
  const warnings: InputIssue[] = [];
  const fromSources = pathCentralities(paths, n, prep.sample?.sources);
  const central = estimate ? { ...fromSources, betweenness: estimate.values } : fromSources;
  const sample = prep.sample;
  const betweennessBound: BetweennessBound | null = estimate
    ? estimate.bound
    : sample
      ? { method: 'sampled sources', epsilon: sample.epsilon, delta: sample.delta, samples: sample.sources.length, vertexDiameter: null, seed: sample.seed }
      : null;
  const approximation: Approximation | null =
    sample && betweennessBound ? { samples: sample.sources.length, epsilon: betweennessBound.epsilon, delta: betweennessBound.delta, seed: sample.seed } : null;
  if (sample && betweennessBound) {
    const bridging = estimate
      ? `bridging (betweenness) is estimated from ${betweennessBound.samples.toLocaleString('en')} sampled shortest paths, closeness and reach from ${sample.sources.length.toLocaleString('en')} sampled people`
      : `bridging (betweenness), closeness and reach are estimated from ${sample.sources.length.toLocaleString('en')} sampled people`;
    warnings.push({
      level: 'warning',
      code: 'approximate-centrality',
      message: `With ${n.toLocaleString('en')} people, ${bridging}: with ${Math.round((1 - betweennessBound.delta) * 100)}% confidence every bridging value is within ${betweennessBound.epsilon.toFixed(3)} of the exact one. Average path length is estimated the same way and the diameter is a lower bound.`,
    });
  }

  warnings.push(...local.warnings);
  const { pr, eig, connected, clus, core, louvain, modularityCheck } = local;

  let selfLoops = 0;
  let isolates = 0;
  for (let i = 0; i < n; i++) {
    selfLoops += csr.selfLoopCount[i]!;
    if (deg.degree[i] === 0) isolates++;
  }

  const kernels: MetricKernels = {
    csr,
    degree: deg,
    paths: central,
    eigenvector: eig.values,
    pagerank: pr.values,
    clustering: clus.clustering,
    coreness: core,
    community: local.community,
    component: weak,
  };
  return {
    kernels,
    table: {
      ids: csr.ids,
      columns: kernelColumns(kernels),
      eigenvectorDefined: connected,
    },
    figures: {
      nodes: n,
      edges: csr.edgeCount,
      directed: csr.directed,
      density: density(csr),
      components: weak.sizes.length,
      strongComponents: csr.directed ? strong.sizes.length : null,
      largestComponentSize: weak.sizes[0] ?? 0,
      averagePathLength: pathStats.pathPairs > 0 ? pathStats.pathSum / pathStats.pathPairs : null,
      diameter: pathStats.pathPairs > 0 ? pathStats.diameter : null,
      transitivity: clus.transitivity,
      averageClustering: clus.averageClustering,
      reciprocity: reciprocity(csr),
      modularity: louvain.modularity,
      modularityCheck,
      communities: louvain.count,
      approximation,
      betweennessBound,
      selfLoops,
      isolates,
    },
    warnings,
  };
}

/** An early column as the registry makes it (its producer reads only that local kernel). */
function earlyColumn(id: keyof EarlyTable['columns'], local: LocalKernels): Float64Array {
  const metric = METRICS.find((m) => m.id === id)!;
  if ('requires' in metric) throw new Error(`compute-metrics: ${id} is not a kernel column.`);
  return metric.produce({ kernels: { coreness: local.core, community: local.community } as MetricKernels });
}

/** The columns every analysis has: each registry measure that needs nothing beyond the kernels. */
function kernelColumns(kernels: MetricKernels): Record<NodeMetricName, Float64Array> {
  const columns = {} as Record<NodeMetricName, Float64Array>;
  for (const metric of METRICS) {
    if ('requires' in metric) continue;
    columns[metric.id] = metric.produce({ kernels });
  }
  return columns;
}
