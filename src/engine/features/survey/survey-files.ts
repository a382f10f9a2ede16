/**
 * Surveys as the app meets them: files the user dropped. `previewSurveyFile` says whether a file
 * looks like a survey export and how its columns would be read; `importSurveyFiles` runs the
 * review-mode import (ambiguous names are listed, never guessed) with the user's layouts and
 * saved decisions, plus any other network files given alongside.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { Ambiguity, ResolutionDecision, SurveyLayout, SurveyLayoutInput } from '../../core/model/survey.ts';
import { assembleDataset } from '../../io/assemble-dataset.ts';
import { importFile } from '../../io/import-files.ts';
import type { ImportKind } from '../../io/detect-format.ts';
import { emptyPart, type SourceFile } from '../../io/types.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import type { RunHooks } from '../../core/util/cancel.ts';
import { importSurvey, type SurveySource, type UnresolvedName } from './import-survey.ts';
import { readSurveyTable } from '../../io/read-table.ts';
import type { CsvTable } from '../../io/csv-read.ts';
import { fail, hasErrors, ok, readSoFar, type Result } from '../../core/util/result.ts';
import { detectSurveyLayout } from './survey-layout.ts';
import type { SurveyHygiene } from './hygiene.ts';
import { appendAll } from '../../core/util/append-all.ts';

/** A detected layout counts as a survey when it has a respondent and at least one question. */
export function previewSurveyFile(file: SourceFile): SurveyLayout | null {
  const table = readSoFar(readSurveyTable(file));
  if (table === undefined) return null;
  const layout = detectSurveyLayout(table);
  const identity = layout.identity;
  const hasRespondent = identity.name !== undefined || identity.email !== undefined || identity.id !== undefined || identity.firstName !== undefined;
  return hasRespondent && layout.questions.length > 0 ? layout : null;
}

export interface SurveyFilesInput {
  surveys: SourceFile[];
  roster?: SourceFile;
  /** Other network files (edge lists, node lists...) merged with the survey's network. */
  others?: Array<SourceFile & { kind: ImportKind }>;
  /** Layouts the user confirmed, by survey file name. */
  layouts?: Record<string, SurveyLayoutInput>;
  decisions?: ResolutionDecision[];
  name?: string;
}

export interface SurveyFiles {
  dataset: Dataset;
  /** Names still waiting for the user (no decision, could be several people). */
  pending: Ambiguity[];
  unmatched: UnresolvedName[];
  hygiene: SurveyHygiene;
  layouts: SurveyLayout[];
  /** How many written names were resolved, for the summary. */
  resolved: number;
  written: number;
}

export type SurveyFilesResult = Result<SurveyFiles>;

/** The review-mode import; fails, with every issue and no dataset, when any file has an error. */
export function importSurveyFiles(input: SurveyFilesInput, hooks?: RunHooks): SurveyFilesResult {
  const issues: InputIssue[] = [];
  const surveys: SurveySource[] = [];
  for (const file of input.surveys) {
    const read = readSurveyTable(file);
    appendAll(issues, read.issues);
    const layout = input.layouts?.[file.name];
    const table = readSoFar(read);
    if (table !== undefined) surveys.push({ file: file.name, table, ...(layout ? { layout } : {}) });
  }
  let roster: { file: string; table: CsvTable } | undefined;
  if (input.roster !== undefined) {
    const read = readSurveyTable(input.roster);
    appendAll(issues, read.issues);
    const table = readSoFar(read);
    if (table !== undefined) roster = { file: input.roster.name, table };
  }
  if (hasErrors(issues)) return fail(issues);
  const surveyRead = importSurvey(
    { surveys, ...(roster ? { roster } : {}) },
    { mode: 'review', decisions: input.decisions ?? [], ...(input.name ? { name: input.name } : {}) },
    hooks,
  );
  appendAll(issues, surveyRead.issues);
  // Read on after a survey's errors, so that the other files' problems are listed too.
  const survey = readSoFar(surveyRead);
  let dataset = survey.dataset;
  const others = input.others ?? [];
  if (others.length > 0) {
    const part = { ...emptyPart(surveys.map((s) => s.file).join(', ')), people: dataset.people, ties: dataset.ties, relations: dataset.relations };
    const assembled = assembleDataset([ok(part), ...others.map((file) => importFile(file, file.kind))], { name: dataset.name });
    appendAll(issues, assembled.issues);
    if (!assembled.ok) return fail(issues);
    dataset = assembled.value;
  }
  if (hasErrors(issues)) return fail(issues);
  return ok(
    {
      dataset,
      pending: pendingAmbiguities(survey.ambiguous, survey.unmatched),
      unmatched: survey.unmatched,
      hygiene: survey.hygiene,
      layouts: survey.layouts,
      resolved: survey.resolution.filter((r) => r.person !== null).length,
      written: survey.resolution.length,
    },
    issues,
  );
}

/** Ambiguities left unresolved (in review mode `chosen` is only the suggestion, not applied). */
function pendingAmbiguities(ambiguous: Ambiguity[], unmatched: UnresolvedName[]): Ambiguity[] {
  const at = (x: { file: string; row: number; field: string; key: string }): string => `${x.file}\u0000${x.row}\u0000${x.field}\u0000${x.key}`;
  const waiting = new Set(unmatched.filter((u) => u.status === 'ambiguous').map(at));
  return ambiguous.filter((a) => waiting.has(at(a)));
}
