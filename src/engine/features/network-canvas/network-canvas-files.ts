/**
 * Network Canvas exports as the app and the command line meet them: the files of one or more
 * exports (CSV sets and GraphML), an optional roster, saved name decisions and other network files
 * given alongside, imported into one dataset. The app runs review mode (ambiguous names come back
 * as `pending` for the name review); the command line runs auto mode with a threshold.
 */
import { assembleDataset } from '../../io/assemble-dataset.ts';
import type { ImportKind } from '../../io/detect-format.ts';
import { importFile } from '../../io/import-files.ts';
import { readNetworkCanvasCsv } from '../../io/network-canvas-csv.ts';
import { readNetworkCanvasGraphml } from '../../io/network-canvas-graphml.ts';
import type { NcExport } from '../../io/network-canvas.ts';
import { readSurveyTable } from '../../io/read-table.ts';
import { emptyPart, type SourceFile } from '../../io/types.ts';
import type { Dataset } from '../../core/model/dataset.ts';
import type { Ambiguity, ResolutionDecision, ResolutionEntry } from '../../core/model/survey.ts';
import type { RunHooks } from '../../core/util/cancel.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { fail, hasErrors, ok, readSoFar, type Result } from '../../core/util/result.ts';
import { readRoster, type Roster } from '../survey/roster.ts';
import { mergeInterviews, type MergeInterviewsOptions } from './merge-interviews.ts';
import { appendAll } from '../../core/util/append-all.ts';

export interface NetworkCanvasFilesInput {
  /** The export's files: `network-canvas` CSVs (read together) and `network-canvas-graphml` files. */
  files: Array<SourceFile & { kind: ImportKind }>;
  /** The people the interviews are about (name or first/last name, email, attributes). */
  roster?: SourceFile;
  /** Other network files merged with the interviews' network. */
  others?: Array<SourceFile & { kind: ImportKind }>;
  decisions?: ResolutionDecision[];
  mode?: MergeInterviewsOptions['mode'];
  threshold?: number;
  name?: string;
}

export interface NetworkCanvasFiles {
  dataset: Dataset;
  /** Names still waiting for the user (review mode). */
  pending: Ambiguity[];
  resolution: ResolutionEntry[];
  interviews: number;
  /** How many alter names were resolved to a person, of how many written. */
  resolved: number;
  written: number;
}

/** Reads every file of the exports into interviews; the CSV files are one set, joined by their UUIDs. */
function readExports(files: NetworkCanvasFilesInput['files'], issues: InputIssue[]): NcExport {
  const csv = files.filter((f) => f.kind !== 'network-canvas-graphml');
  const all: NcExport = { files: files.map((f) => f.name), interviews: [] };
  if (csv.length > 0) {
    const read = readNetworkCanvasCsv(csv);
    appendAll(issues, read.issues);
    appendAll(all.interviews, readSoFar(read).interviews);
  }
  for (const file of files.filter((f) => f.kind === 'network-canvas-graphml')) {
    const read = readNetworkCanvasGraphml(file.text, file.name);
    appendAll(issues, read.issues);
    appendAll(all.interviews, readSoFar(read)?.interviews ?? []);
  }
  return all;
}

/** Imports Network Canvas exports; fails, with every issue and no dataset, when any file has an error. */
export function importNetworkCanvasFiles(input: NetworkCanvasFilesInput, hooks?: RunHooks): Result<NetworkCanvasFiles> {
  const issues: InputIssue[] = [];
  hooks?.onProgress?.('reading interviews', 0);
  const read = readExports(input.files, issues);
  let roster: Roster | undefined;
  if (input.roster !== undefined) {
    const table = readSurveyTable(input.roster);
    appendAll(issues, table.issues);
    const rows = readSoFar(table);
    if (rows !== undefined) {
      const people = readRoster(rows);
      appendAll(issues, people.issues);
      roster = readSoFar(people);
    }
  }
  // Nothing half-imported: a broken file stops the import before anyone is matched.
  if (hasErrors(issues)) return fail(issues);
  const merged = mergeInterviews(
    read,
    roster,
    {
      ...(input.mode !== undefined ? { mode: input.mode } : {}),
      ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
      ...(input.decisions !== undefined ? { decisions: input.decisions } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
    },
    hooks,
  );
  appendAll(issues, merged.issues);
  if (!merged.ok) return fail(issues);
  const found = merged.value;
  let dataset = found.dataset;
  const others = input.others ?? [];
  if (others.length > 0) {
    const part = { ...emptyPart(read.files.join(', ')), people: dataset.people, ties: dataset.ties, relations: dataset.relations };
    const assembled = assembleDataset([ok(part), ...others.map((file) => importFile(file, file.kind))], { name: dataset.name });
    appendAll(issues, assembled.issues);
    if (!assembled.ok) return fail(issues);
    dataset = assembled.value;
  }
  return ok(
    {
      dataset,
      pending: found.pending,
      resolution: found.resolution,
      interviews: found.interviews,
      resolved: found.resolution.filter((r) => r.person !== null).length,
      written: found.resolution.length,
    },
    issues,
  );
}
