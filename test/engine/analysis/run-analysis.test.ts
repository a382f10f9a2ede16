/**
 * The one analysis result: every registry measure that applies is a column aligned with the
 * table, insight columns hold exactly the figures people insights computed, and every column is
 * transferable.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resultTransferables, runAnalysis } from '../../../src/engine/analysis/run-analysis.ts';
import { METRICS, metricApplies } from '../../../src/engine/analysis/metric-registry.ts';
import { buildGraph } from '../../../src/engine/core/graph/build-graph.ts';
import { toCsr } from '../../../src/engine/core/graph/csr.ts';
import { computeMetrics } from '../../../src/engine/analysis/compute-metrics.ts';
import { peopleInsights } from '../../../src/engine/analysis/people-insights.ts';
import { importFiles } from '../../../src/engine/io/import-files.ts';
import { orThrow } from '../../../src/engine/core/util/result.ts';

const demo = (name: string) => ({ name, text: readFileSync(new URL(`../../../data/demo/${name}`, import.meta.url), 'utf8') });
const demoDataset = () => orThrow(importFiles([demo('people.csv'), demo('ties.csv')], { kinds: { 'people.csv': 'nodes', 'ties.csv': 'edges' } })).value;

describe('runAnalysis', () => {
  it('has a column for each registry measure that applies, insight columns equal to the per-person figures', async () => {
    const dataset = demoDataset();
    const result = await runAnalysis(dataset);
    const graph = buildGraph(dataset, {});
    const csr = toCsr(graph);
    const table = computeMetrics(graph, {}, undefined, csr).table;
    const insights = peopleInsights(dataset, graph, csr, table, {});
    const context = { directed: result.settings.directed, insights: true, events: false };
    const expected = METRICS.filter((m) => metricApplies(m, context)).map((m) => m.id);
    expect(Object.keys(result.table.columns)).toEqual(expected);
    const columns = result.table.columns as Record<string, Float64Array>;
    for (const key of ['coreScore', 'peripheryScore', 'constraint', 'effectiveSize', 'brokerScore', 'reach2'] as const) {
      result.table.ids.forEach((id, i) => {
        const value = insights.nodes[id]![key];
        if (value === null) expect(columns[key]![i]).toBeNaN();
        else expect(columns[key]![i]).toBeCloseTo(value, 12);
      });
    }
    result.table.ids.forEach((id, i) => expect(columns.peripheral![i]).toBe(insights.nodes[id]!.peripheral ? 1 : 0));
    const buffers = resultTransferables(result);
    for (const column of Object.values(columns)) expect(buffers).toContain(column.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect('nodes' in result.insights!).toBe(false);
  });

  it('leaves out directed-only measures on an undirected network and insight measures without insights', async () => {
    const dataset = demoDataset();
    const result = await runAnalysis(dataset, { relations: ['collaboration'], insights: false });
    expect(result.settings.directed).toBe(false);
    expect(Object.keys(result.table.columns)).not.toContain('inDegree');
    expect(Object.keys(result.table.columns)).not.toContain('coreScore');
    expect(result.insights).toBeNull();
  });
});
