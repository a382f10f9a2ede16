/**
 * Mentorship pairs from a spreadsheet (CSV, or a workbook sheet read by `readSurveyTable`): one
 * row per pair, mentor and mentee by name or email, optionally the season (cohort, year) and the
 * mentee's goal. People are resolved with the survey importer's name matching
 * (`../convenings/person-lookup.ts`).
 *
 * ```csv
 * mentor,mentee,season,goal
 * Susan Martinez,Kevin Ali,2023,public speaking
 * ```
 *
 * The pairs become a directed relation layer `mentorship` (mentor -> mentee, `mentorshipTies`):
 * one tie per pair, weighted by the number of seasons it ran, with the seasons and goals as tie
 * attributes. Bad input is reported with file, row and field, never thrown: a row missing its
 * mentor or mentee is skipped, a mentee paired with themself is skipped, a pair listed twice for
 * the same season counts once.
 */
import { findColumn, findNamedColumn } from '../../io/csv-columns.ts';
import { columnName } from '../../io/csv-read.ts';
import type { CsvTable } from '../../io/csv-read.ts';
import type { Dataset } from '../../core/model/dataset.ts';
import type { Mentorship, Person, Tie } from '../../core/model/records.ts';
import type { ResolutionDecision } from '../../core/model/survey.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { resultOf, type Reading } from '../../core/util/result.ts';
import type { KnownPerson } from '../../people/name-match.ts';
import { lookupPeople } from '../../people/person-lookup.ts';
import type { LookupEntry, NamedCell } from '../../people/person-lookup.ts';

/** The relation name of the mentorship layer. */
export const MENTORSHIP = 'mentorship';

/** Aliases are compared with headers normalised by `normalizeHeader` (lower case, `-` and `_` as spaces). */
export const MENTOR_ALIASES = ['mentor', 'mentor name', 'mentor email', 'coach', 'advisor', 'adviser', 'sponsor', 'mentor id'] as const;
export const MENTEE_ALIASES = ['mentee', 'mentee name', 'mentee email', 'protege', 'protégé', 'mentored', 'learner', 'fellow', 'coachee', 'advisee', 'mentee id'] as const;
export const SEASON_ALIASES = ['season', 'cohort', 'year', 'round', 'term', 'period', 'cycle', 'class'] as const;
export const GOAL_ALIASES = ['goal', 'goals', 'focus', 'topic', 'objective', 'learning goal', 'development goal', 'purpose'] as const;

export interface MentorshipColumns {
  mentor?: string;
  mentee?: string;
  season?: string;
  goal?: string;
}

export interface MentorshipImportOptions {
  people?: readonly Person[];
  known?: readonly KnownPerson[];
  /** Names matching nobody known: added as new people ('add', default) or left out ('leave'). */
  unknownNames?: 'add' | 'leave';
  /** Saved name decisions, scoped to the question `mentorship`. */
  decisions?: readonly ResolutionDecision[];
  columns?: MentorshipColumns;
}

export interface MentorshipImport {
  file: string;
  mentorships: Mentorship[];
  /** People not known before. */
  added: Person[];
  /** How each name was resolved (mentor then mentee of each row). */
  lookup: LookupEntry[];
}

function find(table: CsvTable, chosen: string | undefined, aliases: readonly string[], log: IssueLog, role: string, skip: ReadonlySet<number> = new Set()): number | undefined {
  if (chosen !== undefined) {
    const at = findNamedColumn(table.headers, chosen);
    if (at === undefined) log.error('missing-column', `the column "${chosen}" chosen for ${role} is not in the file`, { row: table.headerRow });
    return at;
  }
  return findColumn(table.headers, aliases, skip);
}

/** Reads a table of mentor-mentee pairs. Never throws: problems are the result's issues (file, row, field). */
export function importMentorships(table: CsvTable, options: MentorshipImportOptions = {}): Reading<MentorshipImport> {
  const log = new IssueLog(table.file);
  const columns = options.columns ?? {};
  const list = table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ');
  let mentor = find(table, columns.mentor, MENTOR_ALIASES, log, 'mentors');
  let mentee = find(table, columns.mentee, MENTEE_ALIASES, log, 'mentees', new Set(mentor === undefined ? [] : [mentor]));
  // Two unnamed columns: the first is the mentor, the second the mentee.
  if (mentor === undefined && mentee === undefined && columns.mentor === undefined && columns.mentee === undefined && table.headers.length >= 2) {
    const src = findColumn(table.headers, ['source', 'from']);
    const dst = findColumn(table.headers, ['target', 'to']);
    if (src !== undefined && dst !== undefined) {
      mentor = src;
      mentee = dst;
      log.warn('guessed-columns', `no "mentor" and "mentee" columns: "${columnName(table, src)}" is read as the mentor and "${columnName(table, dst)}" as the mentee`, { row: table.headerRow });
    }
  }
  const empty = (): Reading<MentorshipImport> => resultOf({ file: table.file, mentorships: [], added: [], lookup: [] }, log.issues);
  if (mentor === undefined || mentee === undefined) {
    if (!log.hasErrors) {
      log.error('missing-column', `the file needs a "mentor" and a "mentee" column${mentor === undefined && mentee === undefined ? '' : mentor === undefined ? ' (no mentor column)' : ' (no mentee column)'}; its columns are ${list}`, { row: table.headerRow });
    }
    return empty();
  }
  const taken = new Set([mentor, mentee]);
  const season = find(table, columns.season, SEASON_ALIASES, log, 'seasons', taken);
  const goal = find(table, columns.goal, GOAL_ALIASES, log, 'goals', taken);
  if (log.hasErrors) return empty();
  const mentorField = columnName(table, mentor);
  const menteeField = columnName(table, mentee);

  const rows: Array<{ row: number; season: string; goal: string; at: number }> = [];
  const cells: NamedCell[] = [];
  for (const record of table.records) {
    const a = (record.cells[mentor] ?? '').trim();
    const b = (record.cells[mentee] ?? '').trim();
    if (a === '' || b === '') {
      log.warn('missing-person', `this row has no ${a === '' ? 'mentor' : 'mentee'}; it was skipped`, { row: record.row, field: a === '' ? mentorField : menteeField });
      continue;
    }
    rows.push({
      row: record.row,
      season: season !== undefined ? (record.cells[season] ?? '').trim() : '',
      goal: goal !== undefined ? (record.cells[goal] ?? '').trim() : '',
      at: cells.length,
    });
    cells.push({ text: a, file: table.file, row: record.row, field: mentorField }, { text: b, file: table.file, row: record.row, field: menteeField });
  }
  const lookup = lookupPeople(cells, {
    ...(options.people !== undefined ? { people: options.people } : {}),
    ...(options.known !== undefined ? { known: options.known } : {}),
    ...(options.unknownNames !== undefined ? { unknownNames: options.unknownNames } : {}),
    ...(options.decisions !== undefined ? { decisions: options.decisions } : {}),
    question: MENTORSHIP,
    what: 'mentorship pairs',
  });

  const mentorships: Mentorship[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const a = lookup.entries[r.at]!;
    const b = lookup.entries[r.at + 1]!;
    if (a.person === null || b.person === null) continue; // reported by the lookup
    if (a.person === b.person) {
      log.warn('self-pair', `the mentee ${JSON.stringify(b.text)} is paired with themself (the mentor ${JSON.stringify(a.text)} is the same person); the pair was skipped`, { row: r.row, field: menteeField });
      continue;
    }
    const key = [a.person, b.person, r.season].join('\u0000');
    const before = seen.get(key);
    if (before !== undefined) {
      log.warn('duplicate-pair', `${JSON.stringify(a.person)} mentoring ${JSON.stringify(b.person)}${r.season !== '' ? ` in ${r.season}` : ''} is listed again (first in row ${before}); counted once`, { row: r.row, field: menteeField });
      continue;
    }
    seen.set(key, r.row);
    mentorships.push({ mentor: a.person, mentee: b.person, ...(r.season !== '' ? { season: r.season } : {}), ...(r.goal !== '' ? { goal: r.goal } : {}) });
  }
  return resultOf(
    { file: table.file, mentorships, added: lookup.added, lookup: lookup.entries },
    [...log.issues, ...lookup.issues].sort((x, y) => (x.row ?? 0) - (y.row ?? 0)),
  );
}

/**
 * The mentorship layer: one directed tie mentor -> mentee per pair, weight = seasons it ran (at
 * least 1), with `seasons` and `goals` as tie attributes when given.
 */
export function mentorshipTies(mentorships: readonly Mentorship[], relation: string = MENTORSHIP): Tie[] {
  const byPair = new Map<string, { mentor: string; mentee: string; seasons: string[]; goals: string[]; count: number }>();
  for (const m of mentorships) {
    if (m.mentor === m.mentee) continue;
    const key = `${m.mentor}\u0000${m.mentee}`;
    const entry = byPair.get(key) ?? { mentor: m.mentor, mentee: m.mentee, seasons: [], goals: [], count: 0 };
    entry.count++;
    if (m.season !== undefined && !entry.seasons.includes(m.season)) entry.seasons.push(m.season);
    if (m.goal !== undefined && !entry.goals.includes(m.goal)) entry.goals.push(m.goal);
    byPair.set(key, entry);
  }
  return [...byPair.values()].map((p) => ({
    source: p.mentor,
    target: p.mentee,
    relation,
    directed: true,
    weight: Math.max(1, p.seasons.length, p.count),
    ...(p.seasons.length > 0 || p.goals.length > 0
      ? { attributes: { ...(p.seasons.length > 0 ? { seasons: p.seasons } : {}), ...(p.goals.length > 0 ? { goals: p.goals } : {}) } }
      : {}),
  }));
}

/**
 * Adds mentorships to a dataset: the new people, the pairs (a pair already there for the same
 * season is not added twice) and the `mentorship` layer recomputed from all of them.
 */
export function withMentorships(dataset: Dataset, add: { mentorships: readonly Mentorship[]; added?: readonly Person[] }): Dataset {
  const known = new Set(dataset.people.map((p) => p.id));
  const people = [...dataset.people, ...(add.added ?? []).filter((p) => !known.has(p.id))];
  const key = (m: Mentorship): string => [m.mentor, m.mentee, m.season ?? ''].join('\u0000');
  const seen = new Set(dataset.mentorships.map(key));
  const mentorships = [...dataset.mentorships];
  for (const m of add.mentorships) {
    if (seen.has(key(m))) continue;
    seen.add(key(m));
    mentorships.push(m);
  }
  const ties = [...dataset.ties.filter((t) => t.relation !== MENTORSHIP), ...mentorshipTies(mentorships)];
  const relations = [
    ...dataset.relations.filter((r) => r.name !== MENTORSHIP),
    { name: MENTORSHIP, directed: true, description: 'Mentor -> mentee; weight: seasons the pair ran' },
  ];
  return { ...dataset, people, mentorships, ties, relations };
}
