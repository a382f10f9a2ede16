/**
 * Approximate path measures from sampled sources: exact when every node is sampled, within the
 * stated bound otherwise, reproducible for a seed, and the same on a worker pool.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { computeMetrics, computeMetricsWith } from '../../../../src/engine/analysis/compute-metrics.ts';
import { sampleSources, samplesFor } from '../../../../src/engine/algorithms/metrics/source-sample.ts';
import { createNodePathPool } from '../../../../src/workers/node-path-pool.ts';
import { expectClose, loadReference } from '../../../helpers/reference.ts';

const pool = createNodePathPool(2, { minNodes: 0 });
afterAll(() => pool.close());

describe('sampled sources', () => {
  it('derives the sample size from the bound, and the bound from the size', () => {
    const k = samplesFor(10000, 0.05, 0.05);
    expect(k).toBe(Math.ceil(Math.log(2 * 10000 / 0.05) / (2 * 0.05 * 0.05)));
    const sample = sampleSources(10000, { epsilon: 0.05, seed: 1 });
    expect(sample.sources).toHaveLength(k);
    expect(sample.epsilon).toBeLessThanOrEqual(0.0501);
    expect(new Set(sample.sources).size).toBe(k);
    expect(Array.from(sampleSources(10000, { epsilon: 0.05, seed: 1 }).sources)).toEqual(Array.from(sample.sources));
  });

  it('sampling every node gives the exact values', () => {
    const { graph, fixture } = loadReference('karate');
    const r = computeMetrics(graph, { approximateAbove: 0, sampling: { samples: 34 } });
    expect(r.figures.approximation).toMatchObject({ samples: 34, epsilon: 0 });
    expectClose(r.table.columns.betweenness, r.table.ids, fixture.node_metrics.betweenness!, 1e-9, 'betweenness');
    expectClose(r.table.columns.closeness, r.table.ids, fixture.node_metrics.closeness!, 1e-9, 'closeness');
    expectClose(r.table.columns.harmonic, r.table.ids, fixture.node_metrics.harmonic!, 1e-9, 'harmonic');
  });

  it('stays within the stated bound on a lattice and says so in a warning', async () => {
    const { graph, fixture } = loadReference('grid');
    const r = computeMetrics(graph, { approximateAbove: 100, sampling: { samples: 150 }, seed: 3 });
    const bound = r.figures.approximation!.epsilon;
    const exact = fixture.node_metrics.betweenness!;
    const worst = Math.max(...r.table.ids.map((id, i) => Math.abs(r.table.columns.betweenness[i]! - exact[id]!)));
    expect(worst).toBeLessThan(bound);
    const harmonicExact = fixture.node_metrics.harmonic!;
    const worstHarmonic = Math.max(...r.table.ids.map((id, i) => Math.abs(r.table.columns.harmonic[i]! - harmonicExact[id]!) / 399));
    expect(worstHarmonic).toBeLessThan(bound);
    expect(r.warnings.map((w) => w.code)).toContain('approximate-centrality');
    const pooled = await computeMetricsWith(pool.runner, graph, { approximateAbove: 100, sampling: { samples: 150 }, seed: 3 });
    expect(Array.from(pooled.table.columns.betweenness)).toEqual(Array.from(r.table.columns.betweenness));
  });

  it('is exact below the threshold', () => {
    const { graph } = loadReference('grid');
    expect(computeMetrics(graph, {}).figures.approximation).toBeNull();
  });
});
