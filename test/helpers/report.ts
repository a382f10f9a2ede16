/** The JSON report of one analysis run, as the CLI writes it: the pipeline, then the report projection. */
import type { Dataset } from '../../src/engine/core/model/dataset.ts';
import type { AnalysisOptions } from '../../src/engine/analysis/analysis-options.ts';
import { runAnalysis } from '../../src/engine/analysis/run-analysis.ts';
import { buildReport } from '../../src/engine/report/build-report.ts';
import type { Report } from '../../src/engine/report/types.ts';

export async function analyzeReport(dataset: Dataset, options: AnalysisOptions = {}): Promise<Report> {
  return buildReport(dataset, await runAnalysis(dataset, options));
}
