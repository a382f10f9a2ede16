/**
 * Converts an analysis (the worker's typed arrays) or a report into the export shape.
 */
import type { AnalysisPayload } from '../analysis/analysis-payload.ts';
import { NODE_METRICS } from '../analysis/compute-metrics.ts';
import type { Dataset } from '../core/model/dataset.ts';
import type { Report } from '../report/types.ts';
import type { ExportGraph } from '../io/export-graph.ts';

export function exportGraphFromReport(report: Report): ExportGraph {
  return {
    directed: report.summary.directed,
    nodes: report.nodes.map((n) => ({ id: n.id, label: n.label, attributes: n.attributes, metrics: numericMetrics(n.metrics) })),
    edges: report.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight, relation: e.relation })),
  };
}

export function exportGraphFromAnalysis(dataset: Dataset, analysis: AnalysisPayload): ExportGraph {
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const directed = analysis.settings.directed;
  const skip = new Set<string>(directed ? [] : ['inDegree', 'outDegree', 'closenessOut', 'harmonicOut']);
  const metricNames = NODE_METRICS.filter((m) => !skip.has(m));
  const chosen = new Set(analysis.settings.relations);
  return {
    directed,
    nodes: analysis.table.ids.map((id, i) => ({
      id,
      label: people.get(id)?.label || id,
      attributes: people.get(id)?.attributes ?? {},
      metrics: Object.fromEntries(metricNames.map((m) => [m, analysis.table.columns[m][i]!])),
    })),
    edges: dataset.ties.filter((t) => chosen.has(t.relation)).map((t) => ({ source: t.source, target: t.target, weight: t.weight, relation: t.relation })),
  };
}

/** Metrics as numbers for files: flags become 1/0, undefined values are left out. */
function numericMetrics(metrics: Report['nodes'][number]['metrics']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(metrics)) {
    if (typeof value === 'number') out[key] = value;
    else if (typeof value === 'boolean') out[key] = value ? 1 : 0;
  }
  return out;
}
