/**
 * Runs bench/igraph_bench.py (python-igraph) on the same edge list netweave timed, in a child
 * process with its progress on our stderr, and reads its JSON timings.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./igraph_bench.py', import.meta.url));

/**
 * Debian's python3-igraph links OpenMP (libgomp) and runs PRPACK PageRank on every core; on a
 * busy machine its threads spin and PageRank took 10-80× longer than single-threaded. netweave
 * runs each metric on one thread here, so igraph gets one thread too.
 */
export const IGRAPH_ENV = { OMP_NUM_THREADS: '1' } as const;

export const INSTALL_HINT =
  'python-igraph is not available to /usr/bin/python3, so the igraph columns are empty. ' +
  'Install it with `apt-get install -y python3-igraph` (or `pip install igraph`) and run again.';

const igraphSteps = z.object({
  graphBuild: z.number(),
  degree: z.number(),
  /** All-pairs path kernels: absent where --no-exact-paths skipped them (the huge size). */
  betweenness: z.number().optional(),
  closeness: z.number().optional(),
  harmonic: z.number().optional(),
  /** closeness / harmonic_centrality with vertices= the sampled sources: only with --sources. */
  closenessSampled: z.number().optional(),
  harmonicSampled: z.number().optional(),
  pagerank: z.number(),
  eigenvector: z.number(),
  clustering: z.number(),
  coreness: z.number(),
  components: z.number(),
  louvain1: z.number(),
  louvain10: z.number(),
});

const igraphOutput = z.object({
  seconds: igraphSteps,
  cpuSeconds: igraphSteps,
  facts: z.object({
    components: z.number(),
    largestComponent: z.number(),
    louvain1Modularity: z.number(),
    louvain10Modularity: z.number(),
    louvain10Communities: z.number(),
    transitivity: z.number(),
  }),
  igraphVersion: z.string(),
  pythonVersion: z.string(),
  /** Highest 1-minute load average seen at igraph's progress lines. */
  maxLoadAverage: z.number(),
  sampledSources: z.number().nullable(),
  /** Peak RSS (VmHWM) with igraph imported, before the edge list was read. */
  baselineRssMiB: z.number(),
  /** python's own peak RSS (VmHWM: ru_maxrss would carry over the Node parent's). */
  peakRssMiB: z.number(),
});
export type IgraphResult = z.infer<typeof igraphOutput>;
export type IgraphStep = keyof IgraphResult['seconds'];

/** The installed python-igraph version, or null when `import igraph` fails. */
export function igraphVersion(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import igraph; print(igraph.__version__)'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  return probe.stdout.trim();
}

export interface IgraphRunOptions {
  csvPath: string;
  nodes: number;
  label: string;
  warmUp: boolean;
  seed: number;
  /** Time the all-pairs betweenness, closeness and harmonic centrality (not at huge). */
  exactPaths: boolean;
  /** File of sampled source indices for closeness/harmonic with vertices=; null for none. */
  sourcesPath: string | null;
}

export function runIgraph(options: IgraphRunOptions): IgraphResult {
  const args = [SCRIPT, options.csvPath, String(options.nodes), '--seed', String(options.seed), '--label', options.label];
  if (options.warmUp) args.push('--warm-up');
  if (!options.exactPaths) args.push('--no-exact-paths');
  if (options.sourcesPath !== null) args.push('--sources', options.sourcesPath);
  const run = spawnSync(PYTHON, args, {
    encoding: 'utf8',
    env: { ...process.env, ...IGRAPH_ENV },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 2 ** 20,
  });
  if (run.error) throw new Error(`igraph-runner: could not start ${PYTHON}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`igraph-runner: igraph_bench.py exited with status ${run.status}.`);
  const lastLine = run.stdout.trim().split('\n').pop() ?? '';
  return igraphOutput.parse(JSON.parse(lastLine));
}
