/**
 * The people table as CSV, the same from the CLI and the app: id, label, every attribute, then
 * the metric registry's `csv` measures that apply, in registry order. Cells a spreadsheet could
 * run as formulas are neutralised (io/csv-cells.ts).
 */
import type { Dataset } from '../core/model/dataset.ts';
import type { AnalysisResult } from '../analysis/analysis-result.ts';
import { metricsFor } from '../analysis/metric-registry.ts';
import { metricValue, resultContext } from '../report/build-report.ts';
import { toCsv } from '../io/csv-cells.ts';

export function peopleCsv(dataset: Dataset, result: AnalysisResult): string {
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const attributeKeys = [...new Set(dataset.people.flatMap((p) => Object.keys(p.attributes)))];
  const measures = metricsFor('csv', resultContext(result));
  const columns = result.table.columns as Record<string, Float64Array>;
  const header = ['id', 'label', ...attributeKeys, ...measures.map((m) => m.id)];
  const rows = result.table.ids.map((id, i) => {
    const person = people.get(id);
    return [
      id,
      person?.label || id,
      ...attributeKeys.map((key) => person?.attributes[key]),
      ...measures.map((m) => {
        const value = metricValue(m, columns[m.id]!, i);
        // Flags as 1/0, so the column sums and filters as a number in a spreadsheet.
        return typeof value === 'boolean' ? Number(value) : value;
      }),
    ];
  });
  return toCsv(header, rows) + '\n';
}
