/**
 * netweave benchmark: generates seeded graphs (small 1k/5k, medium 10k/50k, large 50k/250k, and
 * opt-in huge 100k/1M), times netweave's metrics one at a time on one thread and, for the
 * shortest-path kernels (the only parallel work), on a worker pool with every core; times
 * python-igraph's equivalents on the same edge list when it is installed; prints a table per size
 * with memory and machine details, then the targets judged on the medium figures.
 *
 *   npm run bench -- [--sizes small,medium,large,huge|all] [--skip-igraph] [--seed N]
 *                    [--threads N] [--huge-sources N]
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
import { runNetweave, type NetweaveResult } from './netweave-runner.ts';
import { timeOnPool } from './netweave-pool.ts';
import { planFor, writeSources } from './plan.ts';
import { comparisonRows, describeFacts, markdownTable, traversalLine } from './report.ts';
import { formatTargets, TARGET_SIZE, targetVerdicts } from './targets.ts';
import {
  collectGarbage,
  currentRssMiB,
  formatSeconds,
  kernelPeakRssMiB,
  loadTracker,
  logStep,
  resetKernelPeakRss,
  RssSampler,
  timeOnce,
} from './timing.ts';

/** Node process memory over one size (main thread and pool workers share the process). */
interface NetweaveMemory {
  /** RSS when this size started, after a full GC: the baseline plus what earlier sizes left. */
  startMiB: number;
  /** Kernel-recorded peak RSS (VmHWM), reset when this size started where Linux allows it. */
  peakMiB: number;
  /** False where the reset failed: `peakMiB` is then the process's peak so far. */
  peakIsPerSize: boolean;
  /** Highest RSS sampled (steps, progress callbacks, every 100 ms in pool runs): a cross-check. */
  peakSampledMiB: number;
}

interface SizeResult {
  size: SizeName;
  nodes: number;
  edges: number;
  generateSeconds: number;
  /** Sources the sampled path kernels ran from (huge only); null elsewhere. */
  sampledSources: number | null;
  netweave: NetweaveResult;
  igraph: IgraphResult | null;
  memory: NetweaveMemory;
  /** Highest 1-minute load average seen while this size ran (netweave and igraph). */
  maxLoadAverage: number;
  busy: boolean;
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

function memoryLine(result: SizeResult, baselineMiB: number, threads: number): string {
  const m = result.memory;
  const pool = result.netweave.pool?.memory;
  const ig = result.igraph;
  const lines = [
    `  memory: netweave peak RSS ${m.peakMiB.toFixed(0)} MiB ` +
      (m.peakIsPerSize ? '(kernel high-water mark over this size' : '(kernel high-water mark of the whole run so far: it could not be reset') +
      `; Node process, main thread + ${threads} pool workers; sampled peak ${m.peakSampledMiB.toFixed(0)} MiB). ` +
      `It includes ${m.startMiB.toFixed(0)} MiB held when this size started (after a full GC), ` +
      `of which ${baselineMiB.toFixed(0)} MiB is the baseline before any graph (Node, tsx, the engine)` +
      // RSS can fall while the workers load (V8 returning freed pages); no share is claimed then.
      (pool && pool.idleMiB >= pool.beforeStartMiB
        ? `; starting the idle workers added ${(pool.idleMiB - pool.beforeStartMiB).toFixed(0)} MiB before any graph reached them`
        : ''),
  ];
  if (ig) {
    lines.push(
      `          igraph peak RSS ${ig.peakRssMiB.toFixed(0)} MiB (python's own high-water mark), ` +
        `${ig.baselineRssMiB.toFixed(0)} MiB of it with igraph imported, before the edge list was read`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const baselineMiB = currentRssMiB();
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
  console.log(
    `netweave bench: sizes ${args.sizes.join(', ')}, seed ${args.seed}, pool of ${args.threads} workers, netweave ${revision}` +
      (args.sizes.includes('huge') ? `, huge path kernels from ${args.hugeSources} sampled sources` : ''),
  );
  console.log(
    `Node ${machine.node}; CPU ${machine.cpu}, ${machine.cores} cores; ${machine.memoryGiB.toFixed(1)} GiB RAM; ${machine.platform}`,
  );
  if (!collectGarbage()) console.log("note: could not force a GC between sizes; a size's starting RSS may include earlier sizes' garbage");
  if (args.skipIgraph) console.log('igraph: skipped (--skip-igraph)');
  else if (igVersion === null) console.log(`igraph: ${INSTALL_HINT}`);
  else console.log(`igraph: python-igraph ${igVersion}, one thread (OMP_NUM_THREADS=${IGRAPH_ENV.OMP_NUM_THREADS}); its path kernels have no parallel mode`);

  const sampler = new RssSampler();
  const results: SizeResult[] = [];
  for (const size of args.sizes) {
    const spec = SIZES[size];
    const warmUp = size === 'small';
    // Start each size from a collected heap and a fresh kernel peak, so its peak is its own.
    collectGarbage();
    const peakIsPerSize = resetKernelPeakRss();
    sampler.reset();
    loadTracker.reset();
    const startMiB = currentRssMiB();
    console.log('');
    logStep(size, `generating ${spec.nodes} nodes / ${spec.edges} edges (seed ${args.seed})`);
    const generated = timeOnce(() => generateGraph(spec, { seed: args.seed }), sampler);
    const csvPath = `${outDir}${size}.csv`;
    await writeEdgeCsv(generated.value, csvPath);
    logStep(size, `generated in ${formatSeconds(generated.seconds)} s, wrote ${csvPath}`);

    const plan = planFor(size, spec.nodes, { hugeSources: args.hugeSources, seed: args.seed });
    let sourcesPath: string | null = null;
    if (plan.sampledSources !== null) {
      sourcesPath = `${outDir}${size}-sources.txt`;
      writeSources(plan.sampledSources, sourcesPath);
      logStep(size, `path kernels from ${plan.sampledSources.length} sampled sources (seed ${args.seed}), written to ${sourcesPath}`);
    }

    const runOptions = { size, warmUp, seed: args.seed, sampler, plan };
    const { result: netweave, prepared } = runNetweave(generated.value, runOptions);
    await timeOnPool(prepared, netweave, { ...runOptions, threads: args.threads, csvPath });
    // Before igraph runs: its child process is not part of this process's RSS anyway.
    const memory: NetweaveMemory = { startMiB, peakMiB: kernelPeakRssMiB(), peakIsPerSize, peakSampledMiB: sampler.peakMiB };

    let igraph: IgraphResult | null = null;
    if (igVersion !== null) {
      try {
        igraph = runIgraph({ csvPath, nodes: spec.nodes, label: size, warmUp, seed: args.seed, exactPaths: plan.exactPaths, sourcesPath });
      } catch (error) {
        console.log(`[${size}] igraph run failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    const maxLoadAverage = Math.max(loadTracker.maxLoad, loadTracker.sample(), igraph?.maxLoadAverage ?? 0);
    const result: SizeResult = {
      size,
      nodes: spec.nodes,
      edges: spec.edges,
      generateSeconds: generated.seconds,
      sampledSources: plan.sampledSources?.length ?? null,
      netweave,
      igraph,
      memory,
      maxLoadAverage,
      // The pool keeps every core busy itself: a load above the core count means other work.
      busy: maxLoadAverage > machine.cores + 0.5,
    };
    results.push(result);

    console.log('');
    console.log(`## ${size}: ${spec.nodes.toLocaleString('en')} nodes, ${spec.edges.toLocaleString('en')} edges${warmUp ? ' (after one warm-up run)' : ''}`);
    if (!plan.exactPaths && plan.sampledSources !== null) {
      console.log('');
      console.log(
        `Path kernels at this size run from ${plan.sampledSources.length.toLocaleString('en')} seeded sampled sources (S) on both sides, not all pairs; ` +
          'exact betweenness, closeness, harmonic and exact computeMetrics were not run.',
      );
    }
    console.log('');
    console.log(markdownTable(comparisonRows(netweave, igraph), args.threads));
    console.log('');
    console.log(describeFacts(netweave.facts, igraph));
    const traversal = traversalLine(netweave);
    if (traversal !== null) console.log(traversal);
    console.log(memoryLine(result, baselineMiB, args.threads));
    console.log(
      `  load: highest 1-minute load average ${maxLoadAverage.toFixed(2)} on ${machine.cores} cores` +
        (result.busy ? ' (other work shared the machine: wall times are inflated; the CPU-time ratio is steadier)' : ''),
    );
  }

  const medium = results.find((r) => r.size === TARGET_SIZE) ?? null;
  const verdicts = targetVerdicts(medium?.netweave ?? null, medium?.igraph ?? null, args.threads);
  console.log('');
  console.log(
    formatTargets(verdicts, {
      mediumRan: medium !== null,
      igraphRan: medium?.igraph != null,
      busy: medium?.busy ?? false,
      maxLoad: medium?.maxLoadAverage ?? 0,
      cores: machine.cores,
    }),
  );

  const jsonPath = `${outDir}results-${args.sizes.join('-')}.json`;
  writeFileSync(
    jsonPath,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        seed: args.seed,
        threads: args.threads,
        hugeSources: args.sizes.includes('huge') ? args.hugeSources : null,
        revision,
        machine,
        igraphVersion: igVersion,
        baselineRssMiB: baselineMiB,
        results,
        targets: verdicts,
      },
      null,
      2,
    ),
  );
  console.log('');
  console.log(`wrote ${jsonPath}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
