/**
 * The survey pipeline as the command line runs it, non-interactively: read the survey exports
 * (CSV or XLSX), the roster and saved decisions, import with `mode: 'auto'` (each ambiguous name
 * takes its best candidate when that candidate's confidence is at least the threshold, default
 * 0.5, and is listed as a warning), add any other input files, and return the dataset with the
 * report's `resolution` entries. Fails, with every issue and no dataset, when any input has an
 * error (the command line turns that into its InputError).
 */
import { assembleDataset } from '../../io/assemble-dataset.ts';
import type { ImportKind } from '../../io/detect-format.ts';
import { importFile } from '../../io/import-files.ts';
import { emptyPart } from '../../io/types.ts';
import type { ImportPart, SourceFile } from '../../io/types.ts';
import type { Dataset } from '../../core/model/dataset.ts';
import type { ResolutionDecision } from '../../core/model/survey.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { parseDecisionsJson } from '../../people/decisions.ts';
import { importSurvey } from './import-survey.ts';
import type { SurveyImport, SurveySource } from './import-survey.ts';
import { readSurveyTable } from '../../io/read-table.ts';
import type { CsvTable } from '../../io/csv-read.ts';
import { fail, hasErrors, ok, readSoFar, type Result } from '../../core/util/result.ts';
import { AUTO_RESOLVE_THRESHOLD } from '../../people/resolve-names.ts';
import { appendAll } from '../../core/util/append-all.ts';

/**
 * How one name written in a survey was resolved (`netweave analyze --survey`): the respondent's
 * id, the text as written, the person id it was resolved to (null: nobody, e.g. "my whole team",
 * an unresolved ambiguity or a self-nomination), the confidence 0..1 and the question (relation).
 */
export interface ReportResolutionEntry {
  respondent: string;
  written: string;
  person: string | null;
  confidence: number;
  question: string;
  /** The survey wave, when several surveys were imported. */
  wave?: string;
}

export interface SurveyRunInput {
  surveys: SourceFile[];
  roster?: SourceFile;
  /** A decisions JSON file (see ResolutionDecisionsFileSchema). */
  decisions?: SourceFile;
  /** Default AUTO_RESOLVE_THRESHOLD (0.5). */
  threshold?: number;
  /** Other input files to combine with the survey network (edge lists, people lists, ...). */
  others?: Array<SourceFile & { kind: ImportKind }>;
  /** Whether other edge lists are directed. */
  directed?: boolean;
  unknownIds?: 'add' | 'reject';
}

export interface SurveyRun {
  dataset: Dataset;
  /** One entry per name written, for the report. */
  resolution: ReportResolutionEntry[];
  survey: SurveyImport;
}

export function runSurveyImport(input: SurveyRunInput): Result<SurveyRun> {
  const issues: InputIssue[] = [];
  const surveys: SurveySource[] = [];
  for (const file of input.surveys) {
    const read = readSurveyTable(file);
    appendAll(issues, read.issues);
    const table = readSoFar(read);
    if (table !== undefined) surveys.push({ file: file.name, table });
  }
  let roster: { file: string; table: CsvTable } | undefined;
  if (input.roster !== undefined) {
    const read = readSurveyTable(input.roster);
    appendAll(issues, read.issues);
    const table = readSoFar(read);
    if (table !== undefined) roster = { file: input.roster.name, table };
  }
  let decisions: ResolutionDecision[] = [];
  if (input.decisions !== undefined) {
    const parsed = parseDecisionsJson(input.decisions.text, input.decisions.name);
    appendAll(issues, parsed.issues);
    decisions = readSoFar(parsed);
  }
  if (hasErrors(issues)) return fail(issues);
  const surveyRead = importSurvey(
    { surveys, ...(roster !== undefined ? { roster } : {}) },
    { mode: 'auto', threshold: input.threshold ?? AUTO_RESOLVE_THRESHOLD, decisions },
  );
  appendAll(issues, surveyRead.issues);
  // Read on after a survey's errors, so that the other files' problems are listed too.
  const survey = readSoFar(surveyRead);
  let dataset = survey.dataset;
  if ((input.others ?? []).length > 0) {
    const part: ImportPart = { ...emptyPart(surveys.map((s) => s.file).join(', ')), people: dataset.people, ties: dataset.ties, relations: dataset.relations };
    const parts = [
      ok(part),
      ...(input.others ?? []).map((file) => importFile(file, file.kind, input.directed !== undefined ? { directed: input.directed } : {})),
    ];
    const assembled = assembleDataset(parts, { name: dataset.name, ...(input.unknownIds !== undefined ? { unknownIds: input.unknownIds } : {}) });
    appendAll(issues, assembled.issues);
    if (!assembled.ok) return fail(issues);
    dataset = assembled.value;
  }
  if (hasErrors(issues)) return fail(issues);
  const several = surveys.length > 1;
  const resolution: ReportResolutionEntry[] = survey.resolution.map((entry) => ({
    respondent: entry.respondent,
    written: entry.written,
    person: entry.person,
    confidence: entry.confidence,
    question: entry.question,
    ...(several && entry.wave !== undefined ? { wave: entry.wave } : {}),
  }));
  return ok({ dataset, resolution, survey }, issues);
}
