/**
 * The ledger from a spreadsheet (CSV, or a workbook sheet read by `readSurveyTable`), one row per
 * introduction made:
 *
 * ```csv
 * date,weaver,personA,personB,level,kind,note
 * 2025-04-02,Ana,Maria Lopez,jin.chen@example.org,3,close-triangle,Both work on housing
 * ```
 *
 * People are matched by name, email or id with the survey importer's name matching
 * (`people/person-lookup.ts`). A row naming someone who is not in the project is kept, with the
 * name as written, and listed in `notInProject` (the stick check says "not in the project" for
 * it). `kind` is a suggestion kind (`engage-periphery`, ...) or `by hand` (also blank); `level`
 * is 1 to 7 (see LEDGER_LEVELS); dates are read as survey timestamps are and kept as
 * `YYYY-MM-DD`. A bad level, date or kind is an error naming file, row and field, and the row is
 * left out. Cells a spreadsheet-safe export wrote with a leading apostrophe (`'=x`) are read back
 * as they were (`=x`).
 */
import { findColumn } from '../../io/csv-columns.ts';
import { restoreCell } from '../../io/csv-cells.ts';
import { columnName } from '../../io/csv-read.ts';
import type { CsvTable } from '../../io/csv-read.ts';
import { parseTimestamp } from '../../io/timestamps.ts';
import type { Person } from '../../core/model/records.ts';
import { BY_HAND, LEDGER_KINDS, LedgerEntrySchema, type LedgerEntry, type LedgerKind } from '../../core/model/ledger.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { fail, resultOf, withIssuesBefore, type Reading, type Result } from '../../core/util/result.ts';
import { readSurveyTable } from '../../io/read-table.ts';
import type { SourceFile } from '../../io/types.ts';
import type { KnownPerson } from '../../people/name-match.ts';
import { lookupPeople, type NamedCell } from '../../people/person-lookup.ts';
import { LEDGER_COLUMNS } from './ledger-csv.ts';

/** Aliases are compared with headers normalised by `normalizeHeader` (lower case, `-` and `_` as spaces). */
const DATE_ALIASES = ['date', 'when', 'made on', 'date made', 'day'] as const;
const WEAVER_ALIASES = ['weaver', 'made by', 'introduced by', 'by', 'who'] as const;
const PERSON_A_ALIASES = ['persona', 'person a', 'a', 'first person', 'person 1', 'from'] as const;
const PERSON_B_ALIASES = ['personb', 'person b', 'b', 'second person', 'person 2', 'to'] as const;
const LEVEL_ALIASES = ['level', 'depth', 'strength'] as const;
const KIND_ALIASES = ['kind', 'type', 'suggestion kind'] as const;
const NOTE_ALIASES = ['note', 'notes', 'comment', 'comments'] as const;
const SUGGESTION_ALIASES = ['suggestion', 'suggestion id'] as const;


export interface LedgerImportOptions {
  /** The project's people, matched by name, id and email. */
  people?: readonly Person[];
  /** A roster's people with all their names and emails. */
  known?: readonly KnownPerson[];
}

/** A name in the ledger that matches nobody in the project (the row is kept). */
export interface LedgerStranger {
  text: string;
  row: number;
  field: string;
  /** It could be several people (the warning lists them). */
  ambiguous?: boolean;
}

export interface LedgerImport {
  file: string;
  entries: LedgerEntry[];
  notInProject: LedgerStranger[];
}

function readKind(text: string): LedgerKind | undefined {
  const norm = text.trim().toLowerCase().replace(/[_\s]+/g, '-');
  if (norm === '' || norm === 'by-hand' || norm === 'manual' || norm === 'by-hand-(no-suggestion)') return BY_HAND;
  return LEDGER_KINDS.find((k) => k === norm);
}

function readDay(text: string): string | undefined {
  const time = parseTimestamp(text);
  return time === undefined ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** Reads a ledger table. Never throws: problems are the result's issues (file, row, field). */
export function importLedger(table: CsvTable, options: LedgerImportOptions = {}): Reading<LedgerImport> {
  const log = new IssueLog(table.file);
  const taken = new Set<number>();
  const col = (aliases: readonly string[]): number | undefined => {
    const at = findColumn(table.headers, aliases, taken);
    if (at !== undefined) taken.add(at);
    return at;
  };
  const personA = col(PERSON_A_ALIASES);
  const personB = col(PERSON_B_ALIASES);
  const date = col(DATE_ALIASES);
  const level = col(LEVEL_ALIASES);
  const weaver = col(WEAVER_ALIASES);
  const kind = col(KIND_ALIASES);
  const note = col(NOTE_ALIASES);
  const suggestion = col(SUGGESTION_ALIASES);
  const missing = [
    ...(date === undefined ? ['date'] : []),
    ...(personA === undefined ? ['personA'] : []),
    ...(personB === undefined ? ['personB'] : []),
    ...(level === undefined ? ['level'] : []),
  ];
  if (date === undefined || personA === undefined || personB === undefined || level === undefined) {
    const list = table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ');
    log.error('missing-column', `a ledger needs the columns ${LEDGER_COLUMNS.slice(0, 7).join(',')}; missing ${missing.join(', ')} (its columns are ${list})`, { row: table.headerRow });
    return resultOf({ file: table.file, entries: [], notInProject: [] }, log.issues);
  }
  const field = (i: number | undefined): string => (i === undefined ? '' : columnName(table, i));
  const cell = (cells: readonly string[], i: number | undefined): string => (i === undefined ? '' : restoreCell((cells[i] ?? '').trim()));

  const rows: Array<{ row: number; at: number; entry: Omit<LedgerEntry, 'personA' | 'personB'> }> = [];
  const cells: NamedCell[] = [];
  for (const record of table.records) {
    const a = cell(record.cells, personA);
    const b = cell(record.cells, personB);
    if (a === '' && b === '' && record.cells.every((c) => c.trim() === '')) continue;
    let bad = false;
    if (a === '' || b === '') {
      log.error('missing-person', `this introduction names no ${a === '' ? 'first' : 'second'} person`, { row: record.row, field: field(a === '' ? personA : personB) });
      bad = true;
    }
    const dateText = cell(record.cells, date);
    const day = readDay(dateText);
    if (day === undefined) {
      log.error('bad-date', dateText === '' ? 'this introduction has no date' : `"${dateText}" is not a date (write it as 2025-04-02)`, { row: record.row, field: field(date) });
      bad = true;
    }
    const levelText = cell(record.cells, level);
    const levelNumber = Number(levelText);
    if (levelText === '' || !Number.isInteger(levelNumber) || levelNumber < 1 || levelNumber > 7) {
      log.error('bad-level', levelText === '' ? 'this introduction has no level (1 to 7)' : `the level "${levelText}" is not a whole number from 1 to 7`, { row: record.row, field: field(level) });
      bad = true;
    }
    const kindText = cell(record.cells, kind);
    const kindValue = readKind(kindText);
    if (kindValue === undefined) {
      log.error('bad-kind', `"${kindText}" is not a kind of introduction; write one of ${LEDGER_KINDS.join(', ')} (blank is by hand)`, { row: record.row, field: field(kind) });
      bad = true;
    }
    if (bad) continue;
    const suggestionText = cell(record.cells, suggestion);
    const parsed = LedgerEntrySchema.omit({ personA: true, personB: true }).safeParse({
      date: day,
      weaver: cell(record.cells, weaver),
      level: levelNumber,
      kind: kindValue,
      note: cell(record.cells, note),
      ...(suggestionText !== '' ? { suggestion: suggestionText } : {}),
    });
    if (!parsed.success) {
      log.error('bad-row', parsed.error.issues.map((i) => i.message).join('; '), { row: record.row });
      continue;
    }
    rows.push({ row: record.row, at: cells.length, entry: parsed.data });
    cells.push({ text: a, file: table.file, row: record.row, field: field(personA) }, { text: b, file: table.file, row: record.row, field: field(personB) });
  }

  const lookup = lookupPeople(cells, {
    ...(options.people !== undefined ? { people: options.people } : {}),
    ...(options.known !== undefined ? { known: options.known } : {}),
    unknownNames: 'leave',
    question: 'ledger',
    what: 'ledger',
  });
  const entries: LedgerEntry[] = [];
  const notInProject: LedgerStranger[] = [];
  for (const r of rows) {
    const [a, b] = [lookup.entries[r.at]!, lookup.entries[r.at + 1]!];
    for (const e of [a, b]) {
      if (e.person === null) notInProject.push({ text: e.text, row: e.row, field: e.field, ...(e.status === 'ambiguous' ? { ambiguous: true } : {}) });
    }
    if (a.person !== null && a.person === b.person) {
      log.warn('self-pair', `both people are ${JSON.stringify(a.text)}; the row was kept as written`, { row: r.row, field: b.field });
    }
    entries.push({ ...r.entry, personA: a.person ?? a.text, personB: b.person ?? b.text });
  }
  for (const s of notInProject) {
    if (s.ambiguous === true) continue; // the lookup's own warning lists who it could be
    log.warn('not-in-project', `${JSON.stringify(s.text)} is not anyone in the project; the introduction is kept, and can be checked once they are`, { row: s.row, field: s.field });
  }
  // The lookup's "left out" is not so here: a name matching nobody is kept as written (said above).
  const lookupIssues = lookup.issues
    .filter((i) => i.level === 'error' || !['unmatched-name', 'not-a-person'].includes(i.code))
    .map((i) => (i.code === 'ambiguous-name' ? { ...i, message: i.message.replace('; left out of the ledger', '; kept as written, matched to no one') } : i));
  return resultOf({ file: table.file, entries, notInProject }, [...log.issues, ...lookupIssues].sort((x, y) => (x.row ?? 0) - (y.row ?? 0)));
}

/** A ledger file (CSV or a workbook's first sheet) read against the project's people. */
export function importLedgerFile(file: SourceFile, people: readonly Person[]): Result<LedgerImport> {
  const table = readSurveyTable(file);
  if (!table.ok) return fail(table.issues);
  const read = importLedger(table.value, { people });
  return withIssuesBefore(read.ok ? read : fail(read.issues), table.issues);
}
