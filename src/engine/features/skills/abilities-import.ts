/**
 * Importing a self-assessment of abilities (the template in data/abilities-template.csv, or any
 * export with one row per person and one column per ability), CSV or XLSX, and matching each row
 * to a person of the network with the survey name matcher (survey/name-match.ts): the same id,
 * then the same email, then a name that fits one person clearly (name score >= ACCEPT_SCORE and
 * no other within CONTENDER_MARGIN: "Bob Smith" finds Robert Smith, "J. Chen" finds Jin Chen only
 * when no other J. Chen exists). Who answered (name, first + last name, email, id) is read by the
 * roster reader (survey/roster.ts), so the same columns are recognised as in a roster.
 *
 * Ability columns: `abilities` when given; else every column naming one of the template's five
 * abilities (`Convening`, `Convening (1-5)`, `Rate yourself [Convening]`); else every column
 * whose answers are mostly (80%) scores on the scale. Other columns are kept as attributes of the
 * response (an organisation to group by).
 *
 * Reported with file, row and field: answers that are not scores, scores outside the scale
 * (warnings, the answer left out; errors with `badScores: 'reject'`), people not in the network
 * or not clearly one person (row left out), rows without any score, and the same person answering
 * twice (the latest answer is kept: by the submission time when there is one, else the later row).
 */
import type { CsvTable } from '../../io/csv-read.ts';
import { columnName } from '../../io/csv-read.ts';
import type { SourceFile } from '../../io/types.ts';
import { zodIssuesToInputIssues } from '../../core/util/zod-issues.ts';
import {
  AbilityAssessmentSchema,
  AbilityScaleSchema,
  ABILITY_ASSESSMENT_VERSION,
  type AbilityAssessment,
  type AbilityResponse,
  type AbilityScale,
  type AbilityScaleInput,
} from '../../core/model/abilities.ts';
import type { Attributes } from '../../core/model/records.ts';
import { readSurveyTable } from '../../io/read-table.ts';
import { fail, readSoFar, resultOrNothing, type Result } from '../../core/util/result.ts';
import { normalizeSurveyTable } from '../survey/header-rows.ts';
import { readRoster, type RosterColumns, type RosterPerson } from '../survey/roster.ts';
import { NameMatcher } from '../../people/name-match.ts';
import { emailOf, foldText } from '../../people/name-normalize.ts';
import { ACCEPT_SCORE, CONTENDER_MARGIN } from '../../people/resolve-names.ts';
import { detectDayFirst, parseTimestamp } from '../../io/timestamps.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { readScore } from './ability-scores.ts';
import { LEADERSHIP_ABILITIES, LEADERSHIP_SCALE } from './leadership-abilities.ts';
import { appendAll } from '../../core/util/append-all.ts';
import { withoutBracketed } from '../../core/util/brackets.ts';

export interface AbilitiesImportOptions {
  /** Columns to read as abilities (headers, or the ability names in them). Default: detected. */
  abilities?: string[];
  /** Columns saying who answered (as for a roster). Default: detected. */
  columns?: RosterColumns;
  /** The rating scale. Default 1-5 with the template's words (Not yet ... Leading). */
  scale?: AbilityScaleInput;
  /** Workbooks: the sheet to read. Default: the first with data. */
  sheet?: string | number;
  /** Answers that are not scores or outside the scale: `skip` (default, a warning) or `reject` (an error). */
  badScores?: 'skip' | 'reject';
}

/** A person of the network, as the importer matches against. */
export interface AbilityPerson {
  id: string;
  label: string;
  attributes?: Attributes;
}

export interface AbilityRowMatch {
  row: number;
  written: string;
  person: string;
  /** `id`, `email`, or how the name matched (`exact name`, `nickname`, ...). */
  method: string;
}

export interface AbilitiesImport {
  assessment: AbilityAssessment;
  /** Rows matched to people, and how. */
  matches: AbilityRowMatch[];
  /** Rows whose person is not in the network, or could be several people. */
  unmatched: Array<{ row: number; written: string; candidates: string[] }>;
}

const IDENTITY_HEADER = /^(id|person id|member id|name|full name|your name|your full name|first name|last name|surname|given name|e ?mail|e ?mail address|email address|timestamp|submitted at|start time|completion time|date)$/;
const TIMESTAMP_ATTRIBUTE = /^(timestamp|submitted at|submission time|completion time|end time|date submitted|time)$/i;
const EMAIL_ATTRIBUTE = /^(e-?mail|e-?mail address|email address|your e-?mail|work e-?mail)$/i;

function norm(header: string): string {
  return foldText(header).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The ability a header names: the text in brackets, without "(1-5)"-style notes; a known ability when one is named. */
export function abilityFromHeader(header: string): { name: string; known: boolean } {
  const bracket = /\[([^[\]]+)\]\s*$/.exec(header);
  let text = bracket !== null ? bracket[1]! : header;
  text = withoutBracketed(text, { squareNeedsDigit: true }).replace(/\b\d+\s*[-–to]+\s*\d+\b/g, ' ');
  text = text.replace(/\s+/g, ' ').trim().replace(/[?:.]+$/, '').trim();
  const words = norm(text);
  for (const ability of LEADERSHIP_ABILITIES) {
    if (new RegExp(`\\b${ability.name.toLowerCase()}\\b`).test(words)) return { name: ability.name, known: true };
  }
  return { name: text === '' ? header.trim() : text, known: false };
}

function emailsOf(attributes: Attributes | undefined): string[] {
  if (!attributes) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (!EMAIL_ATTRIBUTE.test(key.trim()) || typeof value !== 'string') continue;
    const email = emailOf(value);
    if (email !== undefined) out.push(email);
  }
  return out;
}

interface AbilityColumn {
  index: number;
  name: string;
}

function abilityColumns(table: CsvTable, scale: AbilityScale, log: IssueLog, wanted: readonly string[] | undefined): AbilityColumn[] {
  const found: AbilityColumn[] = [];
  const used = new Map<string, number>();
  const add = (index: number, read: string): void => {
    // A column with no name (or none left once its notes are dropped) is called by its place, as
    // everywhere: an ability must have a name (AbilityAssessmentSchema).
    const name = read.trim() === '' ? columnName(table, index) : read;
    const key = name.toLowerCase();
    if (used.has(key)) {
      log.warn('duplicate-ability', `two columns are about ${name} (columns ${used.get(key)! + 1} and ${index + 1}); only the first is read`, {
        row: table.headerRow,
        field: columnName(table, index),
      });
      return;
    }
    used.set(key, index);
    found.push({ index, name });
  };
  const headers = table.headers.map((h, index) => ({ index, header: h, ability: abilityFromHeader(h) }));
  if (wanted !== undefined && wanted.length > 0) {
    for (const w of wanted) {
      const key = w.trim().toLowerCase();
      const hit = headers.find((h) => h.header.trim().toLowerCase() === key) ?? headers.find((h) => h.ability.name.toLowerCase() === key);
      if (hit === undefined) {
        log.error('missing-column', `no column is about "${w}"; the columns are ${table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ')}`, {
          row: table.headerRow,
        });
      } else {
        add(hit.index, hit.header.trim().toLowerCase() === key ? hit.ability.name : hit.ability.name);
      }
    }
    return found;
  }
  for (const h of headers) if (h.ability.known) add(h.index, h.ability.name);
  if (found.length > 0) return found;
  // No template ability named: columns whose answers are mostly scores.
  for (const h of headers) {
    if (IDENTITY_HEADER.test(norm(h.header))) continue;
    const cells = table.records.map((r) => r.cells[h.index] ?? '').filter((c) => c.trim() !== '');
    if (cells.length === 0) continue;
    const scores = cells.filter((c) => readScore(c, scale).kind === 'score').length;
    if (scores >= 0.8 * cells.length) add(h.index, h.ability.name);
  }
  if (found.length > 0) {
    log.warn('abilities-guessed', `no column names a template ability; these columns hold scores and were read as abilities: ${found.map((f) => `"${f.name}"`).join(', ')}`, {
      row: table.headerRow,
    });
  }
  return found;
}

/** The table without some columns (rows and row numbers kept). */
function withoutColumns(table: CsvTable, drop: ReadonlySet<number>): CsvTable {
  const keep = table.headers.map((_, i) => i).filter((i) => !drop.has(i));
  return {
    ...table,
    headers: keep.map((i) => table.headers[i]!),
    records: table.records.map((r) => ({ row: r.row, cells: keep.map((i) => r.cells[i] ?? '') })),
  };
}

/** Re-words the roster reader's issues for an assessment file. */
function rosterIssue(issue: InputIssue, log: IssueLog): void {
  const at = { ...(issue.row !== undefined ? { row: issue.row } : {}), ...(issue.field !== undefined ? { field: issue.field } : {}) };
  switch (issue.code) {
    case 'same-name':
    case 'duplicate-node':
      return; // duplicates are judged below, by the person matched
    case 'missing-name':
      log.warn('missing-name', 'this row has no name or email, so its scores cannot be given to anyone; it was left out', at);
      return;
    case 'no-name-column':
      log.error('no-name-column', issue.message.replace('the roster has', 'the file has'), at);
      return;
    default:
      if (issue.level === 'error') log.error(issue.code, issue.message.replace(/roster/g, 'file'), at);
      else log.warn(issue.code, issue.message.replace(/roster/g, 'file'), at);
  }
}

/**
 * Reads a self-assessment and matches its rows to `people`. Never throws: problems are the
 * result's issues (file, row, field); a failure (the file cannot be used, or `badScores: 'reject'`
 * found a bad score) carries no assessment, so nothing half-read joins a project.
 */
export function importAbilities(
  file: SourceFile,
  people: readonly AbilityPerson[],
  options: AbilitiesImportOptions = {},
): Result<AbilitiesImport> {
  const log = new IssueLog(file.name);
  const none = (): Result<AbilitiesImport> => fail(log.issues);
  const parsedScale = AbilityScaleSchema.safeParse(options.scale ?? LEADERSHIP_SCALE);
  if (!parsedScale.success) {
    log.error('bad-scale', `the scale must go from a lower to a higher whole number`);
    return none();
  }
  const scale = parsedScale.data;
  const read = readSurveyTable(file, options.sheet !== undefined ? { sheet: options.sheet } : {});
  appendAll(log.issues, read.issues);
  const rawTable = readSoFar(read);
  if (rawTable === undefined) return none();
  const table = normalizeSurveyTable(rawTable).table;
  const decimalComma = table.delimiter === ';';

  const columns = abilityColumns(table, scale, log, options.abilities);
  if (columns.length === 0) {
    if (!log.hasErrors) {
      log.error(
        'no-abilities',
        `no column holds ability scores (such as "Engagement", "Convening", "Sharing", "Collaboration", "Advocating", or answers ${scale.min}-${scale.max}); the columns are ${table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ')}`,
        { row: table.headerRow },
      );
    }
    return none();
  }
  const abilityIndex = new Set(columns.map((c) => c.index));
  const identityTable = withoutColumns(table, abilityIndex);
  const rosterRead = readRoster(identityTable, options.columns !== undefined ? { columns: options.columns } : {});
  for (const issue of rosterRead.issues) rosterIssue(issue, log);
  if (!rosterRead.ok) return none();
  const roster = rosterRead.value;
  // Rows the roster reader skipped as repeating an id: read them alone, so duplicates are judged by person.
  const rows: RosterPerson[] = [...roster.people];
  for (const issue of rosterRead.issues) {
    if (issue.code !== 'duplicate-node' || issue.row === undefined) continue;
    const record = identityTable.records.find((r) => r.row === issue.row);
    if (record === undefined) continue;
    appendAll(rows, readSoFar(readRoster({ ...identityTable, records: [record] }, options.columns !== undefined ? { columns: options.columns } : {})).people);
  }
  rows.sort((a, b) => a.row - b.row);
  const recordByRow = new Map(table.records.map((r) => [r.row, r]));

  // The network's people, for matching.
  const matcher = new NameMatcher();
  const byId = new Map<string, number>();
  people.forEach((p) => {
    const index = matcher.add({ id: p.id, label: p.label, names: [p.label], emails: emailsOf(p.attributes) });
    byId.set(p.id, index);
    if (!byId.has(p.id.toLowerCase())) byId.set(p.id.toLowerCase(), index);
  });

  const matches: AbilityRowMatch[] = [];
  const unmatched: AbilitiesImport['unmatched'] = [];
  const badLevel = options.badScores === 'reject' ? 'error' : 'warn';
  const timestampKey = (p: RosterPerson): string | undefined => Object.keys(p.attributes).find((k) => TIMESTAMP_ATTRIBUTE.test(k.trim()));
  const stampTexts = rows.map((p) => {
    const key = timestampKey(p);
    const value = key !== undefined ? p.attributes[key] : undefined;
    return typeof value === 'string' ? value : '';
  });
  const dayFirst = detectDayFirst(stampTexts.filter((t) => t !== ''));

  interface Candidate {
    response: AbilityResponse;
    time: number | undefined;
    row: number;
  }
  const byPerson = new Map<number, Candidate[]>();

  rows.forEach((entry, k) => {
    const record = recordByRow.get(entry.row);
    if (record === undefined) return;
    const written = entry.label;
    const at = { row: entry.row };
    // Who: the same id, the same email, or a name fitting one person clearly.
    let person: number | undefined = byId.get(entry.id) ?? byId.get(entry.id.toLowerCase());
    let method = 'id';
    const byEmail = entry.emails.map((e) => matcher.findEmail(e)).find((p) => p !== undefined);
    if (person === undefined && byEmail !== undefined) {
      person = byEmail;
      method = 'email';
    }
    let nameCandidates: Array<{ person: number; score: number; method: string }> = [];
    for (const name of entry.names) {
      const found = matcher.candidates(name);
      if (found.length > 0 && (nameCandidates.length === 0 || found[0]!.score > nameCandidates[0]!.score)) nameCandidates = found;
    }
    const top = nameCandidates[0];
    const contenders = top === undefined ? [] : nameCandidates.filter((c) => c.score >= top.score - CONTENDER_MARGIN);
    const clearName = top !== undefined && top.score >= ACCEPT_SCORE && contenders.length === 1 ? top : undefined;
    if (person === undefined && clearName !== undefined) {
      person = clearName.person;
      method = clearName.method;
    } else if (person !== undefined && method === 'email' && clearName !== undefined && clearName.person !== person) {
      log.warn(
        'identity-conflict',
        `the email belongs to ${matcher.people[person]!.label} but the name "${written}" fits ${matcher.people[clearName.person]!.label}; the scores were given to ${matcher.people[person]!.label} (by email)`,
        at,
      );
    }
    if (person === undefined) {
      const offered = (contenders.length > 1 ? contenders : nameCandidates.slice(0, 1)).map((c) => matcher.people[c.person]!.label);
      if (top !== undefined && top.score >= ACCEPT_SCORE && contenders.length > 1) {
        log.warn('ambiguous-person', `"${written}" could be ${offered.map((o) => `"${o}"`).join(' or ')}; add an email or the full name; this row was left out`, at);
      } else {
        const closest = top !== undefined ? ` (the closest name is "${offered[0]}")` : '';
        log.warn('unknown-person', `"${written}" is not one of the people in the network${closest}; this row was left out`, at);
      }
      unmatched.push({ row: entry.row, written, candidates: offered });
      return;
    }

    // Scores.
    const scores: Record<string, number | null> = {};
    let answered = 0;
    for (const column of columns) {
      const text = record.cells[column.index] ?? '';
      const reading = readScore(text, scale, { decimalComma });
      const field = { row: entry.row, field: columnName(table, column.index) };
      if (reading.kind === 'score') {
        scores[column.name] = reading.value;
        answered++;
        continue;
      }
      scores[column.name] = null;
      if (reading.kind === 'not-a-score') {
        log[badLevel]('bad-score', `"${reading.text}" is not a score from ${scale.min} to ${scale.max}${badLevel === 'warn' ? '; this answer was left out' : ''}`, field);
      } else if (reading.kind === 'out-of-range') {
        log[badLevel]('score-out-of-range', `${reading.text} is outside the scale ${scale.min}-${scale.max}${badLevel === 'warn' ? '; this answer was left out' : ''}`, field);
      }
    }
    if (answered === 0) {
      log.warn('no-scores', `"${written}" gave no score; this row was left out`, at);
      return;
    }
    const attributes: Attributes = {};
    for (const [key, value] of Object.entries(entry.attributes)) {
      if (TIMESTAMP_ATTRIBUTE.test(key.trim()) || EMAIL_ATTRIBUTE.test(key.trim()) || key === roster.emailAttribute) continue;
      Object.defineProperty(attributes, key, { value, enumerable: true, writable: true, configurable: true });
    }
    const id = matcher.people[person]!.id;
    matches.push({ row: entry.row, written, person: id, method });
    const list = byPerson.get(person) ?? [];
    list.push({
      response: { person: id, written, file: file.name, row: entry.row, scores, attributes },
      time: stampTexts[k] !== '' ? parseTimestamp(stampTexts[k]!, dayFirst) : undefined,
      row: entry.row,
    });
    byPerson.set(person, list);
  });

  // One response per person: the latest.
  const responses: AbilityResponse[] = [];
  for (const [person, list] of byPerson) {
    const latest = list.reduce((a, b) => {
      if (a.time !== undefined && b.time !== undefined && a.time !== b.time) return b.time > a.time ? b : a;
      return b.row > a.row ? b : a;
    });
    for (const other of list) {
      if (other === latest) continue;
      log.warn(
        'duplicate-response',
        `${matcher.people[person]!.label} answered more than once (rows ${list.map((c) => c.row).join(', ')}); the latest answer, row ${latest.row}, is used and this row was left out`,
        { row: other.row },
      );
    }
    responses.push(latest.response);
  }
  responses.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

  const candidate = {
    format: 'netweave-abilities' as const,
    version: ABILITY_ASSESSMENT_VERSION,
    abilities: columns.map((c) => c.name),
    scale,
    responses,
  };
  const checked = AbilityAssessmentSchema.safeParse(candidate);
  if (!checked.success) {
    // Each problem at its place: a response's row, or the header row for the abilities and scale.
    const locate = (path: readonly PropertyKey[]): { file: string; row?: number; field: string } => {
      const [collection, index] = path;
      const row = collection === 'responses' && typeof index === 'number' ? candidate.responses[index]?.row : table.headerRow;
      return { file: file.name, ...(row !== undefined ? { row } : {}), field: path.map(String).join('.') };
    };
    appendAll(log.issues, zodIssuesToInputIssues(checked.error.issues, candidate, file.name, locate));
    return none();
  }
  return resultOrNothing({ assessment: checked.data, matches, unmatched }, log.issues);
}
