/**
 * The per-person metrics table as CSV: id, label, every attribute, then every metric.
 */
import type { ExportNode } from '../io/export-graph.ts';
import { toCsv } from '../io/csv-cells.ts';

export function metricsCsv(nodes: ExportNode[]): string {
  const attributeKeys = [...new Set(nodes.flatMap((n) => Object.keys(n.attributes)))];
  const metricKeys = [...new Set(nodes.flatMap((n) => Object.keys(n.metrics)))];
  const header = ['id', 'label', ...attributeKeys, ...metricKeys];
  const rows = nodes.map((n) => [n.id, n.label, ...attributeKeys.map((k) => n.attributes[k]), ...metricKeys.map((k) => n.metrics[k])]);
  return toCsv(header, rows) + '\n';
}
