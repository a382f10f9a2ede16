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
      issues.push(...read.issues);
      const table = readSoFar(read);
      if (table === undefined) continue;
      const lookup = { people: next.people, decisions: options.decisions ?? [] };
      if (kind === 'attendance') {
        const imported = importAttendance(table, lookup);
        issues.push(...imported.issues.filter((i) => i.code !== 'unused-decision'));
        next = withAttendance(next, readSoFar(imported));
      } else {
        const imported = importMentorships(table, lookup);
        issues.push(...imported.issues.filter((i) => i.code !== 'unused-decision'));
        next = withMentorships(next, readSoFar(imported));
      }
    }
  }
  return resultOrNothing(next, issues);
}

/** Whether a header row reads like attendance (a person and an event) or mentorship pairs. */
export function programKindOf(headers: string[]): ProgramFileKind | null {
  const norm = headers.map((h) => h.trim().toLowerCase());
  if (norm.some((h) => /\bmentors?\b/.test(h)) && norm.some((h) => /\bmentees?\b/.test(h))) return 'mentorships';
  const person = norm.some((h) => /^(attendee|participant|person|name|full name|email|e-?mail address)$/.test(h));
  const event = norm.some((h) => /^(event|session|convening|meeting|workshop|event name)$/.test(h));
  return person && event ? 'attendance' : null;
}
