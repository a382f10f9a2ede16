/**
 * The pooled steps (those with shortest-path passes) on a pool of worker threads, one per core,
 * as the CLI and the app run them: `createNodePathPool` with `minNodes: 0`, so even the small
 * graph goes to the workers. Worker start-up is excluded (a tiny pass loads every worker first);
 * copying the graph to the workers is included in every timing, as it is in the app.
 */
import { computeMetricsWith } from '../src/engine/analysis/compute-metrics.ts';
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
    if (plan.defaultsSample) {
      await step('computeMetricsDefault', (hooks) => computeMetricsWith(pool.runner, graph, { weighting: 'none', seed }, hooks));
    }
    result.pool = { ...timings, threads, memory: { beforeStartMiB, idleMiB } };
  } finally {
    stopWatching();
    await pool.close();
  }
}
