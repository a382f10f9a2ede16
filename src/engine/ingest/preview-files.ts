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
import { looksLikeCausalLinks, type SystemMapFileKind } from '../systemmap/import-files.ts';

export interface FilePreview {
  name: string;
  detected: DetectedFormat;
  /** Present for CSV-like files (edge lists, node lists, matrices) and workbooks. */
  csv?: CsvPreview;
  /** Present when the file looks like a relationship survey export: how it would be read. */
  survey?: SurveyLayout;
  /** Present when the file looks like part of a system map (causal links, a Kumu blueprint). */
  mapKind?: SystemMapFileKind;
}

/** Kumu blueprints are JSON with `elements` and `connections`. */
function isKumuBlueprint(text: string): boolean {
  try {
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
    return typeof data === 'object' && data !== null && (Array.isArray(data.elements) || Array.isArray(data.connections));
  } catch {
    return false;
  }
}

const XML_OR_JSON = /\.(gexf|graphml|xml|json)$/i;

export function previewFiles(files: SourceFile[]): FilePreview[] {
  return files.map((original) => {
    const file = workbookAsCsv(original).file;
    const detected = detectFormat(file);
    const isCsv = detected.kind === 'edges' || detected.kind === 'nodes' || detected.kind === 'adjacency' || (detected.kind === 'unknown' && !XML_OR_JSON.test(file.name));
    const csv = isCsv ? previewCsv(file.text, file.name) : undefined;
    const mapKind = csv && looksLikeCausalLinks(csv.headers, csv.rows) ? 'map-links' : detected.kind === 'json' && isKumuBlueprint(file.text) ? 'map-kumu' : undefined;
    // An edge list or matrix is never read as a survey, even when its cells are names.
    const maybeSurvey = detected.kind === 'nodes' || detected.kind === 'unknown';
    const survey = isCsv && !mapKind && maybeSurvey ? previewSurveyFile(original) : null;
    return { name: file.name, detected, ...(csv ? { csv } : {}), ...(survey ? { survey } : {}), ...(mapKind ? { mapKind } : {}) };
  });
}
