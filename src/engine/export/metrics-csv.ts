/**
 * The per-person metrics table as CSV: id, label, every attribute, then every metric.
 */
import type { Report } from '../report/types.ts';
import { toCsv } from './csv-cells.ts';

export function metricsCsv(report: Report): string {
  const attributeKeys = [...new Set(report.nodes.flatMap((n) => Object.keys(n.attributes)))];
  const metricKeys = [...new Set(report.nodes.flatMap((n) => Object.keys(n.metrics)))];
  const header = ['id', 'label', ...attributeKeys, ...metricKeys];
  const rows = report.nodes.map((n) => [
    n.id,
    n.label,
    ...attributeKeys.map((k) => n.attributes[k]),
    ...metricKeys.map((k) => (n.metrics as unknown as Record<string, number | undefined>)[k]),
  ]);
  return toCsv(header, rows) + '\n';
}
