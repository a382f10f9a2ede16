/**
 * An analysis result in the shape the graph writers and CSVs take: people with attributes and
 * the measures the metric registry puts in files (`csv` view), and the analysed relations' ties.
 */
import type { Dataset } from '../core/model/dataset.ts';
import type { AnalysisResult } from '../analysis/analysis-result.ts';
import { metricsFor } from '../analysis/metric-registry.ts';
import { metricValue, resultContext } from '../report/build-report.ts';
import type { ExportGraph } from '../io/export-graph.ts';

/** Measures as numbers for files: flags become 1/0, missing values are left out. */
export function exportGraphFromResult(dataset: Dataset, result: AnalysisResult): ExportGraph {
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const measures = metricsFor('csv', resultContext(result));
  const columns = result.table.columns as Record<string, Float64Array>;
  const chosen = new Set(result.settings.relations);
  return {
    directed: result.settings.directed,
    nodes: result.table.ids.map((id, i) => {
      const metrics: Record<string, number> = {};
      for (const metric of measures) {
        const value = metricValue(metric, columns[metric.id]!, i);
        if (value !== null) metrics[metric.id] = typeof value === 'boolean' ? Number(value) : value;
      }
      return { id, label: people.get(id)?.label || id, attributes: people.get(id)?.attributes ?? {}, metrics };
    }),
    edges: dataset.ties.filter((t) => chosen.has(t.relation)).map((t) => ({ source: t.source, target: t.target, weight: t.weight, relation: t.relation })),
  };
}
