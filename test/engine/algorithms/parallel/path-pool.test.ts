/**
 * The worker pool gives exactly the numbers one thread gives, whatever its size: batches are
 * fixed by the graph and merged in order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { computeMetrics, computeMetricsWith } from '../../../../src/engine/analysis/compute-metrics.ts';
import { createNodePathPool } from '../../../../src/workers/node-path-pool.ts';
import { loadReference, expectClose } from '../../../helpers/reference.ts';
import { CancelledError } from '../../../../src/engine/core/util/cancel.ts';

const pools = [createNodePathPool(1, { minNodes: 0 }), createNodePathPool(2, { minNodes: 0 }), createNodePathPool(3, { minNodes: 0 })];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe.each(['grid', 'lesmis', 'krackhardt_advice'])('%s on worker pools', (name) => {
  const { graph, fixture } = loadReference(name);
  const single = computeMetrics(graph, { weighting: fixture.weighted ? 'strength' : 'none', louvainRestarts: 1 });

  it.each([1, 2, 3])('%i worker(s): identical to one thread', async (size) => {
    const pooled = await computeMetricsWith(pools[size - 1]!.runner, graph, { weighting: fixture.weighted ? 'strength' : 'none', louvainRestarts: 1 });
    for (const metric of ['betweenness', 'closeness', 'harmonic', 'closenessOut', 'harmonicOut'] as const) {
      expect(Array.from(pooled.table.columns[metric])).toEqual(Array.from(single.table.columns[metric]));
    }
    expect(pooled.figures.averagePathLength).toBe(single.figures.averagePathLength);
  });
});

it('pooled betweenness still matches networkx', async () => {
  const { graph, fixture } = loadReference('grid');
  const pooled = await computeMetricsWith(pools[1]!.runner, graph, {});
  expectClose(pooled.table.columns.betweenness, pooled.table.ids, fixture.node_metrics.betweenness!, 1e-9, 'grid betweenness');
});

it('stops between batches when cancelled', async () => {
  const { graph } = loadReference('grid');
  let calls = 0;
  await expect(computeMetricsWith(pools[1]!.runner, graph, {}, { isCancelled: () => ++calls > 5 })).rejects.toBeInstanceOf(CancelledError);
});
