/**
 * The analysis works beside its shortest-path passes: while a runner's passes are under way,
 * the other kernels and every people insight that needs no path measure are done, and the
 * result is the same, bit for bit, as computing everything in order in one thread.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runAnalysis } from '../../../src/engine/analysis/run-analysis.ts';
import { buildGraph } from '../../../src/engine/core/graph/build-graph.ts';
import { toCsr } from '../../../src/engine/core/graph/csr.ts';
import { computeMetrics, startMetrics } from '../../../src/engine/analysis/compute-metrics.ts';
import { peopleInsights, peopleInsightsBeside } from '../../../src/engine/analysis/people-insights.ts';
import { runPathBatches, type PathRunner } from '../../../src/engine/algorithms/parallel/path-batches.ts';
import { importFiles } from '../../../src/engine/io/import-files.ts';
import { orThrow } from '../../../src/engine/core/util/result.ts';
import { createNodePathPool } from '../../../src/workers/node-path-pool.ts';

const demo = (name: string) => ({ name, text: readFileSync(new URL(`../../../data/demo/${name}`, import.meta.url), 'utf8') });
const demoDataset = () => orThrow(importFiles([demo('people.csv'), demo('ties.csv')], { kinds: { 'people.csv': 'nodes', 'ties.csv': 'edges' } })).value;

/** A runner whose passes finish only when the test says so, recording what happened meanwhile. */
function heldRunner(): { runner: PathRunner; release: () => void; started: Promise<void> } {
  let release!: () => void;
  let markStarted!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  return {
    runner: {
      threads: 1,
      run: async (csr, job, hooks) => {
        markStarted();
        await gate;
        return runPathBatches(csr, job, hooks);
      },
    },
    release,
    started,
  };
}

const plain = (value: unknown): string => JSON.stringify(value, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

describe('the analysis beside its path passes', () => {
  it('does every step that needs no path measure before the passes finish, and gives the same result', async () => {
    const dataset = demoDataset();
    const { runner, release, started } = heldRunner();
    const steps: string[] = [];
    const running = runAnalysis(dataset, {}, { pathRunner: runner, onProgress: (step) => steps.push(step) });
    await started;
    // Let the analysis go as far as it can without the passes.
    for (let i = 0; i < 200 && !steps.includes('contact betweenness') && !steps.includes('weaving suggestions'); i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    const before = [...steps];
    release();
    const result = await running;
    for (const step of ['PageRank', 'communities', 'core/periphery scores', 'core/periphery partition', 'reach', 'weaving suggestions']) {
      expect(before).toContain(step);
    }
    expect(before).not.toContain('equity');
    expect(before).not.toContain('assembling');
    expect(plain(result)).toBe(plain(await runAnalysis(dataset)));
  });

  it('gives the same people insights beside the passes as from a finished table, directed and undirected', async () => {
    const dataset = demoDataset();
    for (const direction of ['directed', 'undirected'] as const) {
      const graph = buildGraph(dataset, { direction });
      const csr = toCsr(graph);
      const table = computeMetrics(graph, {}, undefined, csr).table;
      const inOrder = peopleInsights(dataset, graph, csr, table, { groupBy: 'sector' });
      const { runner, release } = heldRunner();
      const underWay = await startMetrics(runner, graph, {}, undefined, csr);
      expect(Array.from(underWay.early.columns.community)).toEqual(Array.from(table.columns.community));
      expect(Array.from(underWay.early.columns.coreness)).toEqual(Array.from(table.columns.coreness));
      release();
      const beside = await peopleInsightsBeside(dataset, graph, csr, underWay.early, async () => ({ table: (await underWay.done).table }), { groupBy: 'sector' });
      expect(plain(beside)).toBe(plain(inOrder));
    }
  });

  it('gives the same result on a pool of workers, which keeps batches queued while this thread works', async () => {
    const dataset = demoDataset();
    const pool = createNodePathPool(2, { minNodes: 0 });
    try {
      const pooled = await runAnalysis(dataset, {}, { pathRunner: pool.runner });
      expect(plain(pooled)).toBe(plain(await runAnalysis(dataset)));
    } finally {
      await pool.close();
    }
  });
});
