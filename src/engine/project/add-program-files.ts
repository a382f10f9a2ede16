/**
 * Program records dropped into an open project: convening attendance and mentorship pairs,
 * matched to the project's people with the survey's name matching, added as the
 * `co-attendance` and `mentorship` layers. Never throws: any error fails the whole addition, with
 * every issue and no dataset, so the project stays as it was.
 */
import type { Dataset } from '../core/model/dataset.ts';
import type { ResolutionDecision } from '../core/model/survey.ts';
import type { SourceFile } from '../io/types.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { readSurveyTable } from '../io/read-table.ts';
import { readSoFar, resultOrNothing, type Result } from '../core/util/result.ts';
import { importAttendance } from '../features/convenings/import-attendance.ts';
import { withAttendance } from '../features/convenings/summaries.ts';
import { importMentorships, withMentorships } from '../features/mentorship/import-mentorships.ts';
import { abilityFromHeader } from '../features/skills/abilities-import.ts';
import { appendAll } from '../core/util/append-all.ts';

export type ProgramFileKind = 'attendance' | 'mentorships';

export type ProgramFilesResult = Result<Dataset>;

export function addProgramFiles(
  dataset: Dataset,
  files: Array<SourceFile & { kind: ProgramFileKind }>,
  options: { decisions?: ResolutionDecision[] } = {},
): ProgramFilesResult {
  let next = dataset;
  const issues: InputIssue[] = [];
  for (const kind of ['attendance', 'mentorships'] as const) {
    for (const file of files.filter((f) => f.kind === kind)) {
      const read = readSurveyTable(file);
      appendAll(issues, read.issues);
      const table = readSoFar(read);
      if (table === undefined) continue;
      const lookup = { people: next.people, decisions: options.decisions ?? [] };
      if (kind === 'attendance') {
        const imported = importAttendance(table, lookup);
        appendAll(issues, imported.issues.filter((i) => i.code !== 'unused-decision'));
        next = withAttendance(next, readSoFar(imported));
      } else {
        const imported = importMentorships(table, lookup);
        appendAll(issues, imported.issues.filter((i) => i.code !== 'unused-decision'));
        next = withMentorships(next, readSoFar(imported));
      }
    }
  }
  return resultOrNothing(next, issues);
}

/** What a table dropped beside a network holds, when it is one of the program's own files. */
export type TableKind = ProgramFileKind | 'abilities';

const NUMBER = /^\s*-?\d+([.,]\d+)?\s*$/;

/**
 * Whether a table reads like a leadership-abilities self-assessment (two or more columns named
 * after an ability), mentorship pairs (a mentor and a mentee column) or convening attendance (a
 * person and an event column whose cells are not scores). The self-assessment's "Convening"
 * ability column once made it read as attendance, events "1" to "5": abilities are told first,
 * and an event column of numbers is no event column.
 */
export function tableKindOf(headers: string[], rows: readonly (readonly string[])[] = []): TableKind | null {
  if (headers.filter((h) => abilityFromHeader(h).known).length >= 2) return 'abilities';
  const norm = headers.map((h) => h.trim().toLowerCase());
  if (norm.some((h) => /\bmentors?\b/.test(h)) && norm.some((h) => /\bmentees?\b/.test(h))) return 'mentorships';
  const person = norm.some((h) => /^(attendee|participant|person|name|full name|email|e-?mail address)$/.test(h));
  const eventColumn = norm.findIndex((h) => /^(event|session|convening|meeting|workshop|event name)$/.test(h));
  if (!person || eventColumn < 0) return null;
  const cells = rows.map((row) => row[eventColumn] ?? '').filter((cell) => cell.trim() !== '');
  const numbers = cells.filter((cell) => NUMBER.test(cell)).length;
  return cells.length > 0 && numbers > cells.length / 2 ? null : 'attendance';
}
