/**
 * Mentor matching from the files a user drops: a mentees table and a mentors table (CSV or
 * XLSX), with the user's locked and rejected pairs and, when given, the people network whose
 * communities the bridging bonus uses. Never throws: a failure carries every issue (file, row,
 * field) and no pairs.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { SourceFile } from '../../io/types.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { readSurveyTable } from '../../io/read-table.ts';
import { fail, hasErrors, ok, readSoFar, type Result } from '../../core/util/result.ts';
import { parseMentees, parseMentors } from './import-matching.ts';
import { matchMentors, type MatchingResult } from './match-mentors.ts';
import { networkCommunities } from './network-communities.ts';
import type { PairRule } from './model.ts';
import { appendAll } from '../../core/util/append-all.ts';

export interface MatchFilesInput {
  mentees: SourceFile;
  mentors: SourceFile;
  rules?: PairRule[];
  bridge?: boolean;
  /** The open people network, for bridging across its communities. */
  network?: Dataset;
}

export type MatchFilesResult = Result<MatchingResult>;

export function matchFiles(input: MatchFilesInput): MatchFilesResult {
  const issues: InputIssue[] = [];
  const menteeRead = readSurveyTable(input.mentees);
  const mentorRead = readSurveyTable(input.mentors);
  appendAll(issues, menteeRead.issues, mentorRead.issues);
  const menteeTable = readSoFar(menteeRead);
  const mentorTable = readSoFar(mentorRead);
  if (!menteeTable || !mentorTable) return fail(issues);
  const menteesRead = parseMentees(menteeTable);
  const mentorsRead = parseMentors(mentorTable);
  appendAll(issues, menteesRead.issues, mentorsRead.issues);
  if (!menteesRead.ok || !mentorsRead.ok || hasErrors(issues)) return fail(issues);
  const mentees = menteesRead.value;
  const mentors = mentorsRead.value;
  let communities: Record<string, number> | undefined;
  if (input.bridge && input.network && input.network.ties.length > 0) {
    const found = networkCommunities(input.network, [...mentees.mentees, ...mentors.mentors]);
    appendAll(issues, found.issues);
    if (found.found > 0) communities = found.communities;
  }
  const result = matchMentors(
    { mentees: mentees.mentees, mentors: mentors.mentors, rules: input.rules ?? [] },
    { bridge: input.bridge ?? false, ...(communities ? { communities } : {}) },
  );
  return ok(result, [...issues, ...result.issues]);
}
