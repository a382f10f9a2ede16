/**
 * What the import dialog shows before anything is imported: each file's detected kind and, for
 * CSV files, its columns, first rows and guessed column roles.
 */
import { detectFormat, type DetectedFormat } from './detect-format.ts';
import { previewCsv, type CsvPreview } from './csv-read.ts';
import type { SourceFile } from './types.ts';
import { workbookAsCsv } from './workbook-as-csv.ts';
import { previewSurveyFile } from '../survey/survey-files.ts';
import type { SurveyLayout } from '../model/survey.ts';

export interface FilePreview {
  name: string;
  detected: DetectedFormat;
  /** Present for CSV-like files (edge lists, node lists, matrices) and workbooks. */
  csv?: CsvPreview;
  /** Present when the file looks like a relationship survey export: how it would be read. */
  survey?: SurveyLayout;
}

const XML_OR_JSON = /\.(gexf|graphml|xml|json)$/i;

export function previewFiles(files: SourceFile[]): FilePreview[] {
  return files.map((original) => {
    const file = workbookAsCsv(original).file;
    const detected = detectFormat(file);
    const isCsv = detected.kind === 'edges' || detected.kind === 'nodes' || detected.kind === 'adjacency' || (detected.kind === 'unknown' && !XML_OR_JSON.test(file.name));
    const survey = isCsv ? previewSurveyFile(original) : null;
    return { name: file.name, detected, ...(isCsv ? { csv: previewCsv(file.text, file.name) } : {}), ...(survey ? { survey } : {}) };
  });
}
