/**
 * What the import dialog shows before anything is imported: each file's detected kind and, for
 * CSV files, its columns, first rows and guessed column roles.
 */
import { kumuLeaning } from '../io/kumu-people.ts';
import { kumuRecords } from '../io/kumu-records.ts';
import { countKumuTypes, type KumuTypeCount } from '../io/kumu-types.ts';
import { readSoFar } from '../core/util/result.ts';
import { detectFormat, type DetectedFormat } from '../io/detect-format.ts';
import { countCsvRows, previewCsv, type CsvPreview } from '../io/csv-read.ts';
import type { SourceFile } from '../io/types.ts';
import { networkSource } from '../io/workbook-as-csv.ts';
import { isWorkbook } from '../io/workbook-detect.ts';
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
  /** Present when the file looks like part of a system map (causal links, a Kumu blueprint or workbook). */
  mapKind?: SystemMapFileKind;
  /** A Kumu file: what its content says it maps (see kumuLeaning), when it can tell. */
  kumu?: 'people' | 'system-map';
  /** A Kumu file: its element types ('' for none) with how many elements have each, for the dialog's type mapping. */
  kumuTypes?: KumuTypeCount[];
  /** A Kumu file: a JSON blueprint or an Excel workbook (Elements and Connections sheets). */
  kumuShape?: 'blueprint' | 'workbook';
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
    // A Kumu workbook stays a workbook (both its sheets are read); any other becomes CSV.
    const converted = networkSource(original);
    const whole = converted.ok ? converted.value : { name: original.name, text: '' };
    // Parsing a million rows three times over (detection, preview, survey check) only to show
    // twenty of them would take seconds and hundreds of megabytes: the head says as much.
    const file = headOf(whole);
    const detected = detectFormat(file);
    const isCsv = detected.kind === 'edges' || detected.kind === 'nodes' || detected.kind === 'adjacency' || (detected.kind === 'unknown' && !XML_OR_JSON.test(file.name));
    const head = isCsv ? previewCsv(file.text, file.name) : undefined;
    const csv = head && file !== whole ? { ...head, ...countCsvRows(whole.text) } : head;
    // A Kumu blueprint or workbook (JSON with elements and connections lists, sheets of those names).
    const kumuRead = detected.kind === 'json' || detected.kind === 'kumu' ? readSoFar(kumuRecords(whole)) : undefined;
    const mapKind = csv && looksLikeCausalLinks(csv.headers, csv.rows) ? 'map-links' : kumuRead ? 'map-kumu' : undefined;
    // An edge list or matrix is never read as a survey, even when its cells are names.
    const maybeSurvey = detected.kind === 'nodes' || detected.kind === 'unknown';
    const survey = isCsv && !mapKind && maybeSurvey ? previewSurveyFile(file === whole ? original : file) : null;
    const kumu = mapKind === 'map-kumu' && kumuRead ? kumuLeaning(kumuRead) : undefined;
    const kumuTypes = mapKind === 'map-kumu' && kumuRead ? countKumuTypes(kumuRead.elements.map((e) => e.type)) : undefined;
    const kumuShape = mapKind === 'map-kumu' ? (isWorkbook(whole) ? 'workbook' : 'blueprint') : undefined;
    return { name: file.name, detected, ...(csv ? { csv } : {}), ...(survey ? { survey } : {}), ...(mapKind ? { mapKind } : {}), ...(kumu ? { kumu } : {}), ...(kumuTypes ? { kumuTypes } : {}), ...(kumuShape ? { kumuShape } : {}) };
  });
}
