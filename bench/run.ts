/**
 * netweave benchmark: generates seeded small/medium/large graphs, times netweave's metrics one
 * at a time in-process, times python-igraph's equivalents on the same edge list when it is
 * installed, and prints a table per size plus memory and machine details.
 *
 *   npm run bench -- [--sizes small,medium,large] [--skip-igraph] [--seed N]
 *
 * Wall seconds of one run per metric (after one warm-up run for the small size only). Nothing
 * here asserts on times; results go to stdout and bench/out/results-<sizes>.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args.ts';
import { generateGraph, SIZES, writeEdgeCsv, type SizeName } from './generate-graph.ts';
import { IGRAPH_ENV, igraphVersion, INSTALL_HINT, runIgraph, type IgraphResult } from './igraph-runner.ts';
import { availableParallelism } from 'node:os';
import { timePathPool, runNetweave, type NetweaveResult } from './netweave-runner.ts';
import { comparisonRows, describeFacts, markdownTable } from './report.ts';
import { formatSeconds, loadTracker, logStep, processMaxRssMiB, RssSampler, timeOnce } from './timing.ts';

interface SizeResult {
  size: SizeName;
  nodes: number;
  edges: number;
  generateSeconds: number;
  netweave: NetweaveResult;
  igraph: IgraphResult | null;
  processMaxRssMiB: number;
  /** Highest 1-minute load average seen while this size ran (netweave and igraph). */
  maxLoadAverage: number;
}

/** The engine changes quickly: name the commit (and whether src/ had local edits) timed. */
function sourceRevision(): string {
  const git = (args: string[]): string | null => {
    const run = spawnSync('git', args, { encoding: 'utf8' });
    return run.status === 0 ? run.stdout.trim() : null;
  };
  const head = git(['rev-parse', '--short', 'HEAD']);
  if (head === null) return 'unknown (not a git checkout)';
  const dirty = git(['status', '--porcelain', '--untracked-files=no', '--', 'src']);
  return dirty ? `${head} + uncommitted changes in src/` : head;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const outDir = fileURLToPath(new URL('./out/', import.meta.url));
  mkdirSync(outDir, { recursive: true });

  const cpus = os.cpus();
  const machine = {
    node: process.version,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 2 ** 30,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
  const revision = sourceRevision();
  const igVersion = args.skipIgraph ? null : igraphVersion();
  console.log(`netweave bench: sizes ${args.sizes.join(', ')}, seed ${args.seed}, netweave ${revision}`);
  console.log(
    `Node ${machine.node}; CPU ${machine.cpu}, ${machine.cores} cores; ${machine.memoryGiB.toFixed(1)} GiB RAM; ${machine.platform}`,
  );
  if (args.skipIgraph) console.log('igraph: skipped (--skip-igraph)');
  else if (igVersion === null) console.log(`igraph: ${INSTALL_HINT}`);
  else console.log(`igraph: python-igraph ${igVersion}, run single-threaded (OMP_NUM_THREADS=${IGRAPH_ENV.OMP_NUM_THREADS}) like netweave here`);

  const sampler = new RssSampler();
  const results: SizeResult[] = [];
  for (const size of args.sizes) {
    const spec = SIZES[size];
    const warmUp = size === 'small';
    sampler.reset();
    loadTracker.reset();
    console.log('');
    logStep(size, `generating ${spec.nodes} nodes / ${spec.edges} edges (seed ${args.seed})`);
    const generated = timeOnce(() => generateGraph(spec, { seed: args.seed }), sampler);
    const csvPath = `${outDir}${size}.csv`;
    await writeEdgeCsv(generated.value, csvPath);
    logStep(size, `generated in ${formatSeconds(generated.seconds)} s, wrote ${csvPath}`);

    const netweave = runNetweave(generated.value, { size, warmUp, seed: args.seed, sampler });
    await timePathPool(generated.value, netweave, { size, warmUp, seed: args.seed, sampler, threads: availableParallelism() });

    let igraph: IgraphResult | null = null;
    if (igVersion !== null) {
      try {
        igraph = runIgraph({ csvPath, nodes: spec.nodes, label: size, warmUp, seed: args.seed });
      } catch (error) {
        console.log(`[${size}] igraph run failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    const result: SizeResult = {
      size,
      nodes: spec.nodes,
      edges: spec.edges,
      generateSeconds: generated.seconds,
      netweave,
      igraph,
      processMaxRssMiB: processMaxRssMiB(),
      maxLoadAverage: Math.max(loadTracker.maxLoad, loadTracker.sample(), igraph?.maxLoadAverage ?? 0),
    };
    results.push(result);

    console.log('');
    console.log(`## ${size}: ${spec.nodes.toLocaleString('en')} nodes, ${spec.edges.toLocaleString('en')} edges${warmUp ? ' (after one warm-up run)' : ''}`);
    console.log('');
    console.log(markdownTable(comparisonRows(netweave, igraph)));
    console.log('');
    console.log(describeFacts(netweave.facts, igraph));
    console.log(
      `  memory: netweave peak RSS sampled ${netweave.peakRssSampledMiB.toFixed(0)} MiB, ` +
        `Node process max RSS so far ${result.processMaxRssMiB.toFixed(0)} MiB` +
        (igraph ? `; igraph (python) max RSS ${igraph.peakRssMiB.toFixed(0)} MiB` : ''),
    );
    // Both runs are single-threaded: a load above about cores - 1 means something else competed.
    const busy = result.maxLoadAverage > Math.max(1, machine.cores - 1) + 0.5;
    console.log(
      `  load: highest 1-minute load average ${result.maxLoadAverage.toFixed(2)} on ${machine.cores} cores` +
        (busy ? ' (other work shared the machine: wall times are inflated; the CPU-time ratio is steadier)' : ''),
    );
  }

  const jsonPath = `${outDir}results-${args.sizes.join('-')}.json`;
  writeFileSync(
    jsonPath,
    JSON.stringify({ date: new Date().toISOString(), seed: args.seed, revision, machine, igraphVersion: igVersion, results }, null, 2),
  );
  console.log('');
  console.log(`wrote ${jsonPath}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
