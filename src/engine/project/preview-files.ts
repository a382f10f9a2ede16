/**
 * What the import dialog shows before anything is imported: each file's detected kind and, for
 * CSV files, its columns, first rows and guessed column roles.
 */
import { kumuLeaning } from '../io/kumu-people.ts';
import { detectFormat, type DetectedFormat } from '../io/detect-format.ts';
import { countCsvRows, previewCsv, type CsvPreview } from '../io/csv-read.ts';
import type { SourceFile } from '../io/types.ts';
import { workbookAsCsv } from '../io/workbook-as-csv.ts';
import { previewSurveyFile } from '../features/survey/survey-files.ts';
import type { SurveyLayout } from '../core/model/survey.ts';
import { looksLikeCausalLinks, type SystemMapFileKind } from '../features/systemmap/import-files.ts';

export interface FilePreview {
  name: string;
  detected: DetectedFormat;
  /** Present for CSV-like files (edge lists, node lists, matrices) and workbooks. */
  csv?: CsvPreview;
  /** Present when the file looks like a relationship survey export: how it would be read. */
  survey?: SurveyLayout;
  /** Present when the file looks like part of a system map (causal links, a Kumu blueprint). */
  mapKind?: SystemMapFileKind;
  /** A Kumu blueprint: what its content says it maps (see kumuLeaning), when it can tell. */
  kumu?: 'people' | 'system-map';
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

/** Tables longer than this are previewed from their first rows; their rows are counted, not parsed. */
export const PREVIEW_HEAD_CHARS = 1 << 20;

/** The file's first rows, cut at a line end: what detection and the preview need of a big table. */
function headOf(file: SourceFile): SourceFile {
  if (file.text.length <= PREVIEW_HEAD_CHARS || XML_OR_JSON.test(file.name)) return file;
  const cut = file.text.lastIndexOf('\n', PREVIEW_HEAD_CHARS);
  return { ...file, text: file.text.slice(0, cut > 0 ? cut + 1 : PREVIEW_HEAD_CHARS) };
}

export function previewFiles(files: SourceFile[]): FilePreview[] {
  return files.map((original) => {
    const converted = workbookAsCsv(original);
    const whole = converted.ok ? converted.value : { name: original.name, text: '' };
    // Parsing a million rows three times over (detection, preview, survey check) only to show
    // twenty of them would take seconds and hundreds of megabytes: the head says as much.
    const file = headOf(whole);
    const detected = detectFormat(file);
    const isCsv = detected.kind === 'edges' || detected.kind === 'nodes' || detected.kind === 'adjacency' || (detected.kind === 'unknown' && !XML_OR_JSON.test(file.name));
    const head = isCsv ? previewCsv(file.text, file.name) : undefined;
    const csv = head && file !== whole ? { ...head, ...countCsvRows(whole.text) } : head;
    const mapKind = csv && looksLikeCausalLinks(csv.headers, csv.rows) ? 'map-links' : (detected.kind === 'json' || detected.kind === 'kumu') && isKumuBlueprint(file.text) ? 'map-kumu' : undefined;
    // An edge list or matrix is never read as a survey, even when its cells are names.
    const maybeSurvey = detected.kind === 'nodes' || detected.kind === 'unknown';
    const survey = isCsv && !mapKind && maybeSurvey ? previewSurveyFile(file === whole ? original : file) : null;
    const kumu = mapKind === 'map-kumu' ? kumuLeaning(file.text) : undefined;
    return { name: file.name, detected, ...(csv ? { csv } : {}), ...(survey ? { survey } : {}), ...(mapKind ? { mapKind } : {}), ...(kumu ? { kumu } : {}) };
  });
}
