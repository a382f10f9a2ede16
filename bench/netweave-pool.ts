/**
 * The pooled steps (those with shortest-path passes) on a pool of worker threads, one per core,
 * as the CLI and the app run them: `createNodePathPool` with `minNodes: 0`, so even the small
 * graph goes to the workers. Worker start-up is excluded (a tiny pass loads every worker first);
 * copying the graph to the workers is included in every timing, as it is in the app.
 */
import { computeMetricsWith } from '../src/engine/analysis/compute-metrics.ts';
import { runAnalysis } from '../src/engine/analysis/run-analysis.ts';
import type { Dataset } from '../src/engine/core/model/dataset.ts';
import type { InputIssue } from '../src/engine/core/util/issues.ts';
import { readNetworkFiles } from '../src/cli-files.ts';
import { csrFromEdgeArrays, type Csr } from '../src/engine/core/graph/csr.ts';
import { pathCentralities } from '../src/engine/algorithms/metrics/path-centralities.ts';
import type { RunHooks } from '../src/engine/core/util/cancel.ts';
import { createNodePathPool } from '../src/workers/node-path-pool.ts';
import {
  progressHooks,
  STEP_LABELS,
  type NetweaveResult,
  type NetweaveRunOptions,
  type PooledStep,
  type Prepared,
  type StepTimings,
} from './netweave-runner.ts';
import { collectGarbage, currentRssMiB, formatSeconds, logStep, timeOnceAsync } from './timing.ts';

export interface PoolRunOptions extends NetweaveRunOptions {
  threads: number;
  /** The generated edge list as written for igraph: the whole report reads it as a user's file. */
  csvPath: string;
}

/** The edge list as a dataset, as `netweave analyze FILE` reads it (not timed). */
function datasetOf(csvPath: string): Dataset {
  const issues: InputIssue[] = [];
  const dataset = readNetworkFiles([csvPath], issues);
  if (dataset === undefined) throw new Error(`bench: could not read ${csvPath}: ${issues.map((i) => i.message).join('; ')}`);
  return dataset;
}

/**
 * The pool runner keeps the last CSR it sent and skips the copy when handed the same object;
 * a shallow copy is a new object over the same arrays, so each timed run pays the copy.
 */
function fresh(csr: Csr): Csr {
  return { ...csr };
}

/** Adds `result.pool`: the pooled steps the in-thread run timed, now on `threads` workers. */
export async function timeOnPool(prepared: Prepared, result: NetweaveResult, options: PoolRunOptions): Promise<void> {
  const { size, sampler, seed, plan, threads } = options;
  const { graph, csr, componentMask } = prepared;
  const n = csr.n;
  const timings: StepTimings<PooledStep> = { seconds: {}, cpuSeconds: {} };
  // Collected first, so the idle workers' share is not hidden by the in-thread steps' garbage.
  // The whole report on one thread first (its passes on the in-thread runner), before the pool's
  // idle workers share the process.
  const dataset = plan.wholeReport ? datasetOf(options.csvPath) : null;
  if (dataset !== null) {
    const label = `${STEP_LABELS.analyze}, 1 thread`;
    logStep(size, `${label}: timing…`);
    const timed = await timeOnceAsync(() => runAnalysis(dataset, { seed, approximateAbove: Infinity }, progressHooks(size, label, sampler)), sampler);
    result.seconds.analyze = timed.seconds;
    result.cpuSeconds.analyze = timed.cpuSeconds;
    logStep(size, `${label}: ${formatSeconds(timed.seconds)} s (process CPU ${formatSeconds(timed.cpuSeconds)} s)`);
  }
  collectGarbage();
  const beforeStartMiB = currentRssMiB();
  const pool = createNodePathPool(threads, { minNodes: 0 });
  const stopWatching = sampler.watch();

  async function step(id: PooledStep, fn: (hooks: RunHooks | undefined) => Promise<unknown>): Promise<void> {
    const label = `${STEP_LABELS[id]}, pool of ${threads}`;
    if (options.warmUp) {
      logStep(size, `${label}: warm-up`);
      await fn(undefined);
    }
    logStep(size, `${label}: timing…`);
    const { seconds, cpuSeconds } = await timeOnceAsync(() => fn(progressHooks(size, label, sampler)), sampler);
    timings.seconds[id] = seconds;
    timings.cpuSeconds[id] = cpuSeconds;
    logStep(size, `${label}: ${formatSeconds(seconds)} s (process CPU ${formatSeconds(cpuSeconds)} s)`);
  }

  try {
    // A tiny pass first, so every worker has loaded (tsx, the engine) before any clock starts.
    await pool.runner.run(csrFromEdgeArrays(['a', 'b'], Int32Array.of(0), Int32Array.of(1), Float64Array.of(1), false), { weighting: 'none' });
    const idleMiB = currentRssMiB();
    sampler.sample();

    if (plan.exactPaths) {
      await step('paths', async (hooks) => pathCentralities(await pool.runner.run(fresh(csr), { weighting: 'none', componentMask }, hooks), n));
    }
    const sources = plan.sampledSources;
    if (sources !== null) {
      await step('sampledPaths', async (hooks) =>
        pathCentralities(await pool.runner.run(fresh(csr), { weighting: 'none', sources, componentMask }, hooks), n, sources),
      );
      await step('sampledDistances', async (hooks) =>
        pathCentralities(await pool.runner.run(fresh(csr), { weighting: 'none', sources, componentMask, betweenness: false }, hooks), n, sources),
      );
    }
    // computeMetricsWith builds its own CSR, so the copy to the workers is inside these too.
    if (plan.exactPaths) {
      await step('computeMetrics', (hooks) => computeMetricsWith(pool.runner, graph, { weighting: 'none', seed, approximateAbove: Infinity }, hooks));
    }
    if (dataset !== null) {
      await step('analyze', (hooks) => runAnalysis(dataset, { seed, approximateAbove: Infinity }, { pathRunner: pool.runner, ...hooks }));
    }
    if (plan.defaultsSample) {
      await step('computeMetricsDefault', (hooks) => computeMetricsWith(pool.runner, graph, { weighting: 'none', seed }, hooks));
    }
    result.pool = { ...timings, threads, memory: { beforeStartMiB, idleMiB } };
  } finally {
    stopWatching();
    await pool.close();
  }
}
