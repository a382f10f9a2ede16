/**
 * Every metric against networkx 2.8.8 (fixtures from test/reference/make.py): relative
 * tolerance 1e-6, 1e-4 for eigenvector and PageRank.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics, type NodeMetricName } from '../../../../src/engine/analysis/compute-metrics.ts';
import { METRICS, type MetricDefinition } from '../../../../src/engine/analysis/metric-registry.ts';
import { toCsr, undirectedView } from '../../../../src/engine/core/graph/csr.ts';
import { shortestPathPass } from '../../../../src/engine/algorithms/metrics/shortest-paths.ts';
import { pathCentralities } from '../../../../src/engine/algorithms/metrics/path-centralities.ts';
import { pagerank } from '../../../../src/engine/algorithms/metrics/pagerank.ts';
import { eigenvectorCentrality } from '../../../../src/engine/algorithms/metrics/eigenvector.ts';
import { clustering } from '../../../../src/engine/algorithms/metrics/clustering.ts';
import { expectClose, loadReference } from '../../../helpers/reference.ts';

const GRAPHS = ['karate', 'lesmis', 'florentine', 'krackhardt_advice', 'grid', 'disconnected', 'directed_dag_like'];

// Every registry measure with a networkx fixture key is compared here; PageRank and eigenvector
// (power iteration) to 1e-4, the rest to 1e-6.
const LOOSE = new Set(['pagerank', 'eigenvector']);
const KERNEL_METRICS = (METRICS as readonly MetricDefinition[]).filter((m) => m.requires === undefined && m.fixture !== undefined && m.id !== 'eigenvector');
const cases = (directed: boolean): Array<[NodeMetricName, string, number]> =>
  KERNEL_METRICS.filter((m) => directed || m.scope === 'all').map((m) => [m.id as NodeMetricName, m.fixture!, LOOSE.has(m.id) ? 1e-4 : 1e-6]);

describe.each(GRAPHS)('%s against networkx', (name) => {
  const { fixture, graph } = loadReference(name);
  const result = computeMetrics(graph, { weighting: 'none', louvainRestarts: 10 });
  const { ids, columns } = result.table;

  it.each(cases(fixture.directed))('%s', (ours, theirs, rel) => {
    expectClose(columns[ours], ids, fixture.node_metrics[theirs]!, rel, `${name} ${ours}`);
  });

  it('eigenvector (where networkx defines it)', () => {
    const expected = fixture.node_metrics.eigenvector;
    expect(result.table.eigenvectorDefined).toBe(expected !== null);
    if (expected) expectClose(columns.eigenvector, ids, expected, 1e-4, `${name} eigenvector`);
    else expect(result.warnings.map((w) => w.code)).toContain('eigenvector-not-unique');
  });

  it('graph summary', () => {
    const g = fixture.graph_metrics;
    const f = result.figures;
    expect(f.nodes).toBe(g.n);
    expect(f.edges).toBe(g.m);
    expect(f.density).toBeCloseTo(g.density!, 12);
    expect(f.components).toBe(g.components);
    expect(f.strongComponents).toBe(g.strong_components);
    expect(f.largestComponentSize).toBe(g.largest_component_size);
    expect(f.averagePathLength).toBeCloseTo(g.average_shortest_path_length!, 10);
    expect(f.diameter).toBe(g.diameter);
    expect(f.transitivity).toBeCloseTo(g.transitivity!, 12);
    expect(f.averageClustering).toBeCloseTo(g.average_clustering!, 12);
    expect(f.reciprocity).toBe(g.reciprocity === null ? null : f.reciprocity);
    if (g.reciprocity !== null) expect(f.reciprocity).toBeCloseTo(g.reciprocity!, 12);
    expect(f.selfLoops).toBe(g.self_loops);
    expect(f.isolates).toBe(g.isolates);
  });

  it('reports the modularity of the partition it returns', () => {
    expect(result.figures.modularity).toBeCloseTo(result.figures.modularityCheck, 10);
  });

  if (fixture.louvain) {
    it('Louvain modularity within 0.01 of networkx best over seeds 0..9', () => {
      expect(result.figures.modularity).toBeGreaterThanOrEqual(fixture.louvain!.unweighted!.best_modularity - 0.01);
    });
  }
});

describe('the metric registry', () => {
  it('names a reference for every measure, and fixture values exist for every fixture key', () => {
    for (const m of METRICS) expect(m.reference, m.id).not.toBe('');
    for (const name of GRAPHS) {
      const { fixture } = loadReference(name);
      for (const m of METRICS as readonly MetricDefinition[]) {
        if (m.fixture === undefined || (m.scope === 'directed' && !fixture.directed)) continue;
        expect(Object.keys(fixture.node_metrics), `${name} has no "${m.fixture}" values for ${m.id}: add a row to test/reference/make.py`).toContain(m.fixture);
      }
    }
  });
});

describe.each(['karate', 'lesmis'])('%s weighted against networkx', (name) => {
  const { fixture, graph } = loadReference(name);
  const csr = toCsr(graph);
  const ids = csr.ids;
  const m = fixture.node_metrics as Record<string, Record<string, number>>;

  it('weight as distance (networkx weight=)', () => {
    const c = pathCentralities(shortestPathPass(csr, { weighting: 'distance' }), csr.n);
    expectClose(c.betweenness, ids, m.betweenness_w_dist!, 1e-6, 'betweenness_w_dist');
    expectClose(c.closeness, ids, m.closeness_w_dist!, 1e-6, 'closeness_w_dist');
  });

  it('weight as strength, distance = 1/weight (exact arithmetic reference)', () => {
    const c = pathCentralities(shortestPathPass(csr, { weighting: 'strength' }), csr.n);
    expectClose(c.betweenness, ids, m.betweenness_w_inv!, 1e-6, 'betweenness_w_inv');
    expectClose(c.closeness, ids, m.closeness_w_inv!, 1e-6, 'closeness_w_inv');
    expectClose(c.harmonic, ids, m.harmonic_w_inv!, 1e-6, 'harmonic_w_inv');
  });

  it('weighted PageRank, eigenvector and clustering', () => {
    expectClose(pagerank(csr, { weighted: true }).values, ids, m.pagerank_weighted!, 1e-4, 'pagerank_weighted');
    expectClose(eigenvectorCentrality(csr, { weighted: true }).values, ids, m.eigenvector_weighted!, 1e-4, 'eigenvector_weighted');
    expectClose(clustering(undirectedView(csr), { weighted: true }).clustering, ids, m.clustering_weighted!, 1e-6, 'clustering_weighted');
  });

  it('weighted Louvain within 0.01 of networkx best', () => {
    const r = computeMetrics(graph, { weighting: 'strength' });
    expect(r.figures.modularity).toBeCloseTo(r.figures.modularityCheck, 10);
    expect(r.figures.modularity).toBeGreaterThanOrEqual(fixture.louvain!.weighted!.best_modularity - 0.01);
  });
});
