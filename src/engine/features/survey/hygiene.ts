/**
 * Survey hygiene: which submissions count, and what the import should tell the user about the
 * answers. Duplicate submissions by the same respondent in one survey keep the latest (by the
 * submission time when there is one, else the later row); the others are reported. The summary
 * gives the response rate: with a roster, the share of roster people who answered; without one,
 * the share of all people (respondents and people named) who answered.
 */
import type { SurveyResponse } from './responses.ts';

export interface DuplicateSubmission {
  file: string;
  respondent: string;
  /** Row kept (the latest submission). */
  kept: number;
  /** Rows dropped. */
  dropped: number[];
}

export interface SurveyFileHygiene {
  file: string;
  wave?: string;
  /** Submissions read (rows; for long format, respondents). */
  submissions: number;
  /** Distinct respondents after duplicates were dropped. */
  respondents: number;
  blankRows: number[];
  /** Rows that say nothing about who answered (left out). */
  withoutIdentity: number[];
  duplicateSubmissions: number;
  /** Respondents / roster size (or / all people without a roster). */
  responseRate: number;
}

export interface SurveyHygiene {
  files: SurveyFileHygiene[];
  duplicateSubmissions: DuplicateSubmission[];
  selfNominations: Array<{ file: string; row: number; respondent: string; written: string }>;
  /** Respondents who are not on the roster (added as people). */
  respondentsNotOnRoster: string[];
  /** People named who are not on the roster (added as people). */
  namedNotOnRoster: string[];
  /** People in the network who answered no survey: named by others only, or on the roster and silent. */
  nonRespondents: string[];
  /** People who answered at least one survey. */
  respondents: number;
  people: number;
  rosterSize: number | null;
  /** Overall: roster people who answered / roster size; without a roster, respondents / people. */
  responseRate: number;
}

/** The submissions to keep (latest per respondent) and the duplicates dropped. */
export function dropDuplicateSubmissions<T extends { response: SurveyResponse; person: string }>(
  submissions: readonly T[],
): { kept: T[]; duplicates: DuplicateSubmission[] } {
  const groups = new Map<string, T[]>();
  for (const submission of submissions) {
    const key = `${submission.response.file}\u0000${submission.person}`;
    const group = groups.get(key) ?? [];
    group.push(submission);
    groups.set(key, group);
  }
  const keptSet = new Set<T>();
  const duplicates: DuplicateSubmission[] = [];
  for (const group of groups.values()) {
    const ordered = [...group].sort(
      (a, b) => (a.response.time ?? -Infinity) - (b.response.time ?? -Infinity) || a.response.row - b.response.row,
    );
    const latest = ordered[ordered.length - 1] as T;
    keptSet.add(latest);
    if (ordered.length > 1) {
      duplicates.push({
        file: latest.response.file,
        respondent: latest.person,
        kept: latest.response.row,
        dropped: ordered.slice(0, -1).map((s) => s.response.row).sort((a, b) => a - b),
      });
    }
  }
  return { kept: submissions.filter((s) => keptSet.has(s)), duplicates };
}
