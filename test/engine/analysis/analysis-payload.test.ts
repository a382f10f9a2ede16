/**
 * What the analysis worker sends the page: per-person insights as columns aligned with the
 * table, holding exactly the figures people insights computed, every column transferable.
 */
import { describe, expect, it } from 'vitest';
import { analysisPayload, INSIGHT_COLUMNS, payloadTransferables } from '../../../src/engine/analysis/analysis-payload.ts';
import { buildGraph } from '../../../src/engine/core/graph/build-graph.ts';
import { toCsr } from '../../../src/engine/core/graph/csr.ts';
import { computeMetrics } from '../../../src/engine/analysis/compute-metrics.ts';
import { peopleInsights } from '../../../src/engine/analysis/people-insights.ts';
import { inThreadRunner } from '../../../src/engine/algorithms/parallel/path-batches.ts';
import { importFiles } from '../../../src/engine/io/import-files.ts';
import { readFileSync } from 'node:fs';

describe('analysisPayload', () => {
  it('carries people insights as table-aligned columns equal to the per-person figures', async () => {
    const demo = (name: string) => ({ name, text: readFileSync(new URL(`../../../data/demo/${name}`, import.meta.url), 'utf8') });
    const { dataset } = importFiles([demo('people.csv'), demo('ties.csv')], { kinds: { 'people.csv': 'nodes', 'ties.csv': 'edges' } });
    const payload = await analysisPayload(dataset, {}, {}, inThreadRunner, {});
    const graph = buildGraph(dataset, {});
    const csr = toCsr(graph);
    const table = computeMetrics(graph, {}, undefined, csr).table;
    const insights = peopleInsights(dataset, graph, csr, table, {});
    const columns = payload.insights!.columns;
    expect(Object.keys(columns).sort()).toEqual([...INSIGHT_COLUMNS].sort());
    payload.table.ids.forEach((id, i) => {
      for (const key of INSIGHT_COLUMNS) {
        const expected = insights.nodes[id]![key];
        if (expected === null) expect(columns[key][i]).toBeNaN();
        else expect(columns[key][i]).toBeCloseTo(expected, 12);
      }
    });
    const buffers = payloadTransferables(payload);
    for (const key of INSIGHT_COLUMNS) expect(buffers).toContain(columns[key].buffer);
    expect('nodes' in payload.insights!).toBe(false);
  });
});
