/**
 * Peer circles from spreadsheets (CSV, or workbook sheets read by `readSurveyTable`):
 *
 * - **participants**: who each person is (a name, first + last name, email or id column, read as
 *   mentor matching reads mentees: `readPeople`), any other columns as attributes (work unit,
 *   sector, ...), and two columns the user names: who they report to (a name, email or id) and
 *   the identity wish they wrote, if any ("a circle with other women", "BIPOC", `gender=woman`,
 *   `same gender`; blank or "no" for none).
 * - **circle rows** (`circle,person`, the CSV `netweave circles` writes): as locks (people kept
 *   in their circle) or as a previous season's circles (pairs not to repeat).
 * - **a previous season's mentorships** (`mentor,mentee`): pairs not to repeat.
 *
 * Every row is validated with a zod schema; names are matched to participants with the survey
 * importer's name matching. Problems are issues with file, row and field; nothing throws.
 */
import { z } from 'zod';
import { findColumn, findNamedColumn, normalizeHeader } from '../../io/csv-columns.ts';
import { columnName } from '../../io/csv-read.ts';
import type { CsvTable } from '../../io/csv-read.ts';
import type { AttributeValue, Person } from '../../core/model/records.ts';
import { IssueLog } from '../../core/util/issues.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { resultOf, type Reading } from '../../core/util/result.ts';
import { zodIssuesToInputIssues } from '../../core/util/zod-issues.ts';
import { foldText } from '../../people/name-normalize.ts';
import { lookupPeople } from '../../people/person-lookup.ts';
import { readPeople } from '../matching/import-matching.ts';
import { valueOf } from '../matching/match-mentors.ts';
import { MENTEE_ALIASES, MENTOR_ALIASES } from '../mentorship/import-mentorships.ts';
import { CircleLockSchema, ParticipantSchema, PreviousPairSchema } from './model.ts';
import type { CircleLock, CircleWish, Participant, PreviousPair } from './model.ts';

export const CIRCLE_ALIASES = ['circle', 'circle name', 'circle id', 'group', 'peer circle', 'pod', 'cohort group'] as const;
export const MEMBER_ALIASES = ['person', 'person id', 'participant', 'member', 'name', 'email', 'id'] as const;

/** Cells that say "no wish". */
const NO_WISH = new Set(['', 'no', 'n', 'false', '0', 'none', 'no preference', 'any', 'either', 'n/a', 'na', "doesn't matter", 'does not matter']);

export interface ParticipantColumns {
  /** The column naming who each person reports to. */
  reportsTo?: string;
  /** The column holding each person's identity wish. */
  identity?: string;
  /** The attribute circles mix (checked to be a column, so a typo is an error naming it). */
  across?: string;
}

const fold = (text: string): string => foldText(text).trim();

/** "women" and "woman", "BIPOC staff" and "BIPOC": the forms a wish may write a value in. */
function valueForms(text: string): string[] {
  const t = fold(text);
  const forms = new Set([t, t.replace(/\s+(?:staff|colleagues|people|members|folks)$/, '')]);
  for (const f of [...forms]) {
    forms.add(f.replace(/men$/, 'man'));
    forms.add(f.replace(/s$/, ''));
  }
  return [...forms].filter((f) => f !== '');
}

function valueText(value: AttributeValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [String(value)]).map((v) => v.trim()).filter((v) => v !== '');
}

export interface WishContext {
  /** The attribute names the participants carry (their columns). */
  attributes: readonly string[];
  /** Every value each attribute holds in the file. */
  values: ReadonlyMap<string, readonly string[]>;
}

/**
 * One wish cell as wishes: `gender=woman` (a value), `same gender` or `gender` (their own value),
 * or a value written on its own ("women", "a circle with other BIPOC staff"), looked for first
 * among the person's own values, then among everyone's. Null for a part naming nothing known.
 */
export function readWish(part: string, own: Readonly<Record<string, AttributeValue>>, context: WishContext): CircleWish | null {
  const written = part.trim();
  const attributeOf = (name: string): string | undefined => context.attributes.find((a) => normalizeHeader(a) === normalizeHeader(name));
  const pair = /^(.+?)\s*[=:]\s*(.+)$/.exec(written);
  if (pair !== null) {
    const attribute = attributeOf(pair[1]!);
    return attribute !== undefined ? { attribute, value: pair[2]!.trim(), written } : null;
  }
  const words = fold(written)
    .replace(/^(?:i would like|i'd like|please)\s+/, '')
    .replace(/^(?:an?\s+)?(?:peer\s+)?(?:circle|group)\s+/, '')
    .replace(/^(?:with|of)\s+/, '')
    .replace(/^(?:other|fellow|more)\s+/, '');
  const same = /^(?:the\s+)?same\s+(.+)$/.exec(words);
  const named = attributeOf(same?.[1] ?? words);
  if (named !== undefined) return { attribute: named, written };
  const forms = valueForms(words);
  const matches = (value: string): boolean => valueForms(value).some((f) => forms.includes(f));
  for (const attribute of context.attributes) {
    const mine = valueText(own[attribute]).find(matches);
    if (mine !== undefined) return { attribute, value: mine, written };
  }
  for (const attribute of context.attributes) {
    const theirs = (context.values.get(attribute) ?? []).find(matches);
    if (theirs !== undefined) return { attribute, value: theirs, written };
  }
  return null;
}

/** A wish cell ("no" and blanks: none; several wishes split on ; or |): the wishes read, and the parts naming nothing known. */
export function readWishCell(cell: string, own: Readonly<Record<string, AttributeValue>>, context: WishContext): { wishes: CircleWish[]; unknown: string[] } {
  const wishes: CircleWish[] = [];
  const unknown: string[] = [];
  const text = cell.trim();
  if (NO_WISH.has(fold(text))) return { wishes, unknown };
  for (const part of text.split(/[;|\n]+/).map((p) => p.trim()).filter((p) => p !== '')) {
    const wish = readWish(part, own, context);
    if (wish === null) unknown.push(part);
    else if (!wishes.some((w) => w.attribute === wish.attribute && w.value === wish.value)) wishes.push(wish);
  }
  return { wishes, unknown };
}

/** The column the user named, or an error listing the columns there are. */
function namedColumn(table: CsvTable, name: string | undefined, what: string, log: IssueLog): number | undefined {
  if (name === undefined) return undefined;
  const at = findNamedColumn(table.headers, name);
  if (at === undefined) {
    log.error('missing-column', `there is no column "${name}" for ${what}; the columns are ${table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ')}`, { row: table.headerRow, field: name });
  }
  return at;
}

/** Reads a participants table. Never throws: problems are the result's issues (file, row, field). */
export function parseParticipants(table: CsvTable, columns: ParticipantColumns = {}): Reading<{ participants: Participant[] }> {
  const log = new IssueLog(table.file);
  const reportsTo = namedColumn(table, columns.reportsTo, 'who each person reports to', log);
  const identity = namedColumn(table, columns.identity, 'identity wishes', log);
  const used = new Set([reportsTo, identity].filter((i): i is number => i !== undefined));
  const people = readPeople(table, used, 'participant', log);
  if (columns.across !== undefined && findNamedColumn(table.headers, columns.across) === undefined) {
    log.error('missing-column', `there is no column "${columns.across}" to mix circles across; the columns are ${table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ')}`, { row: table.headerRow, field: columns.across });
  }
  const attributes = [...new Set(people.flatMap((p) => Object.keys(p.attributes)))];
  const values = new Map(attributes.map((a) => [a, [...new Set(people.flatMap((p) => valueText(p.attributes[a])))]]));
  const participants: Participant[] = [];
  for (const person of people) {
    const read = identity !== undefined ? readWishCell(person.cells[identity] ?? '', person.attributes, { attributes, values }) : { wishes: [], unknown: [] };
    for (const part of read.unknown) {
      log.warn('unknown-wish', `the wish "${part}" names no column or value of the participants file, so who shares it is unknown; it is not used`, { row: person.row, field: columnName(table, identity!) });
    }
    const wishes = read.wishes;
    const boss = reportsTo !== undefined ? (person.cells[reportsTo] ?? '').trim() : '';
    const draft = {
      id: person.id,
      label: person.label,
      ...(person.email !== undefined ? { email: person.email } : {}),
      attributes: person.attributes,
      ...(boss !== '' ? { reportsTo: boss } : {}),
      wishes,
      file: table.file,
      row: person.row,
    };
    const parsed = ParticipantSchema.safeParse(draft);
    if (parsed.success) participants.push(parsed.data);
    else log.issues.push(...zodIssuesToInputIssues(parsed.error.issues, draft, table.file, (path) => ({ file: table.file, row: person.row, field: String(path[0] ?? '') })));
  }
  return resultOf({ participants }, log.issues);
}

const asPerson = (p: Participant): Person => ({ id: p.id, label: p.label, attributes: p.email !== undefined ? { email: p.email } : {} });

interface NamedRow {
  row: number;
  /** The cells naming people, with their column. */
  names: Array<{ text: string; field: string }>;
  /** The other cells the row schema validated. */
  rest: Record<string, string>;
}

/**
 * Names in rows to participant ids: an exact id first, else the name matching. Names that match
 * no participant are people not taking part: counted, not listed one by one.
 */
function resolveRows(table: CsvTable, rows: readonly NamedRow[], participants: readonly Participant[], what: string): { ids: Array<Array<string | null>>; issues: InputIssue[]; absent: number } {
  const byId = new Set(participants.map((p) => p.id));
  const cells = rows.flatMap((r) => r.names.map((n) => ({ text: n.text, file: table.file, row: r.row, field: n.field })));
  const lookup = lookupPeople(cells.filter((c) => !byId.has(c.text)), { people: participants.map(asPerson), unknownNames: 'leave', question: 'circles', what });
  const found = new Map(lookup.entries.map((e) => [`${e.row}\u0000${e.field}\u0000${e.text}`, e.person]));
  let absent = 0;
  const ids = rows.map((r) =>
    r.names.map((n) => {
      if (byId.has(n.text)) return n.text;
      const id = found.get(`${r.row}\u0000${n.field}\u0000${n.text}`) ?? null;
      if (id === null) absent++;
      return id;
    }),
  );
  return { ids, issues: lookup.issues.filter((i) => i.code !== 'unmatched-name'), absent };
}

const CircleRowSchema = z.object({
  circle: z.string().trim().min(1, 'the circle is missing'),
  person: z.string().trim().min(1, 'the person is missing'),
});
const MentorshipRowSchema = z.object({
  mentor: z.string().trim().min(1, 'the mentor is missing'),
  mentee: z.string().trim().min(1, 'the mentee is missing'),
});

/**
 * Each record's cells in `columns` (name -> column index) validated with `schema`; a row that
 * fails is an error naming its row and the column, and is left out.
 */
function validRows<K extends string>(table: CsvTable, columns: Record<K, number>, schema: z.ZodType<Record<K, string>>, log: IssueLog): Array<{ row: number; cells: Record<K, string> }> {
  const keys = Object.keys(columns) as K[];
  const out: Array<{ row: number; cells: Record<K, string> }> = [];
  for (const record of table.records) {
    const draft = Object.fromEntries(keys.map((k) => [k, record.cells[columns[k]] ?? ''])) as Record<K, string>;
    const parsed = schema.safeParse(draft);
    if (parsed.success) out.push({ row: record.row, cells: parsed.data });
    else log.issues.push(...zodIssuesToInputIssues(parsed.error.issues, draft, table.file, (path) => ({ file: table.file, row: record.row, field: columnName(table, columns[path[0] as K] ?? 0) })));
  }
  return out;
}

/** `circle,person` rows (the circles CSV), each validated; null when the table has no such columns. */
function circleRows(table: CsvTable, log: IssueLog): NamedRow[] | null {
  const circle = findColumn(table.headers, CIRCLE_ALIASES);
  const person = findColumn(table.headers, MEMBER_ALIASES, new Set(circle === undefined ? [] : [circle]));
  if (circle === undefined || person === undefined) return null;
  return validRows(table, { circle, person }, CircleRowSchema, log).map((r) => ({ row: r.row, names: [{ text: r.cells.person, field: columnName(table, person) }], rest: { circle: r.cells.circle } }));
}

/**
 * Locks: `circle,person` rows (the circles CSV as written, or only the rows to keep), matched to
 * participants. Never throws.
 */
export function parseCircleLocks(table: CsvTable, participants: readonly Participant[]): Reading<{ locks: CircleLock[] }> {
  const log = new IssueLog(table.file);
  const rows = circleRows(table, log);
  if (rows === null) {
    log.error('missing-column', `locks need a "circle" and a "person" column; the columns are ${table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ')}`, { row: table.headerRow });
    return resultOf({ locks: [] }, log.issues);
  }
  const resolved = resolveRows(table, rows, participants, 'locks (no such participant)');
  const locks: CircleLock[] = [];
  rows.forEach((r, i) => {
    const person = resolved.ids[i]![0];
    if (person === null || person === undefined) {
      log.warn('unknown-participant', `"${r.names[0]!.text}" is not among the participants; this lock is ignored`, { row: r.row, field: r.names[0]!.field });
      return;
    }
    locks.push(CircleLockSchema.parse({ person, circle: r.rest.circle, file: table.file, row: r.row }));
  });
  return resultOf({ locks }, [...log.issues, ...resolved.issues]);
}

/**
 * Pairs from a previous season: its circles (`circle,person`: every two people of one circle) or
 * its mentorships (`mentor,mentee`). People not taking part this season are counted in one
 * warning. Never throws.
 */
export function parsePreviousPairs(table: CsvTable, participants: readonly Participant[]): Reading<{ pairs: PreviousPair[] }> {
  const log = new IssueLog(table.file);
  const pairs: PreviousPair[] = [];
  const circles = circleRows(table, log);
  const absentNote = (absent: number): void => {
    if (absent > 0) log.warn('not-taking-part', `${absent} name${absent === 1 ? '' : 's'} in this file match${absent === 1 ? 'es' : ''} no participant (not taking part this season, or written differently); their pairs do not apply`);
  };
  if (circles !== null) {
    const resolved = resolveRows(table, circles, participants, 'previous circles');
    const members = new Map<string, Array<{ id: string; row: number }>>();
    circles.forEach((r, i) => {
      const id = resolved.ids[i]![0];
      if (id === null || id === undefined) return;
      const list = members.get(r.rest.circle!) ?? [];
      if (!list.some((m) => m.id === id)) list.push({ id, row: r.row });
      members.set(r.rest.circle!, list);
    });
    for (const [circle, list] of members) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) pairs.push(PreviousPairSchema.parse({ a: list[x]!.id, b: list[y]!.id, source: `circle ${circle}`, file: table.file, row: list[y]!.row }));
      }
    }
    absentNote(resolved.absent);
    return resultOf({ pairs }, [...log.issues, ...resolved.issues]);
  }
  const mentor = findColumn(table.headers, MENTOR_ALIASES);
  const mentee = findColumn(table.headers, MENTEE_ALIASES, new Set(mentor === undefined ? [] : [mentor]));
  if (mentor === undefined || mentee === undefined) {
    log.error('missing-column', `a previous season needs "circle" and "person" columns (its circles) or "mentor" and "mentee" columns (its mentorships); the columns are ${table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ')}`, { row: table.headerRow });
    return resultOf({ pairs }, log.issues);
  }
  const rows: NamedRow[] = validRows(table, { mentor, mentee }, MentorshipRowSchema, log).map((r) => ({
    row: r.row,
    names: [
      { text: r.cells.mentor, field: columnName(table, mentor) },
      { text: r.cells.mentee, field: columnName(table, mentee) },
    ],
    rest: {},
  }));
  const resolved = resolveRows(table, rows, participants, 'previous mentorships');
  rows.forEach((r, i) => {
    const [a, b] = resolved.ids[i]!;
    if (a && b && a !== b) pairs.push(PreviousPairSchema.parse({ a, b, source: 'mentorship', file: table.file, row: r.row }));
  });
  absentNote(resolved.absent);
  return resultOf({ pairs }, [...log.issues, ...resolved.issues]);
}

/**
 * Participants given as people with attributes (an open project's people): who they report to
 * and their identity wish read from the attributes named, for those who have neither set. A name
 * no participant carries is a warning.
 */
export function wishesFromAttributes(participants: readonly Participant[], names: { reportsTo?: string | undefined; identity?: string | undefined }): { participants: Participant[]; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  if (names.reportsTo === undefined && names.identity === undefined) return { participants: [...participants], issues };
  const used = [names.reportsTo, names.identity].filter((n): n is string => n !== undefined).map(normalizeHeader);
  for (const name of [names.reportsTo, names.identity]) {
    if (name !== undefined && !participants.some((p) => valueText(valueOf(p.attributes, name)).length > 0)) {
      issues.push({ level: 'warning', code: 'unknown-attribute', message: `no participant has a "${name}"; it is not used`, field: name });
    }
  }
  const attributes = [...new Set(participants.flatMap((p) => Object.keys(p.attributes)))].filter((a) => !used.includes(normalizeHeader(a)));
  const values = new Map(attributes.map((a) => [a, [...new Set(participants.flatMap((p) => valueText(p.attributes[a])))]]));
  const out = participants.map((p) => {
    let next = p;
    const boss = names.reportsTo !== undefined && p.reportsTo === undefined ? valueText(valueOf(p.attributes, names.reportsTo))[0] : undefined;
    if (boss !== undefined) next = { ...next, reportsTo: boss };
    if (names.identity !== undefined && p.wishes.length === 0) {
      const read = readWishCell(valueText(valueOf(p.attributes, names.identity)).join('; '), p.attributes, { attributes, values });
      for (const part of read.unknown) issues.push({ level: 'warning', code: 'unknown-wish', message: `the wish "${part}" of ${JSON.stringify(p.label)} names no attribute or value of the participants, so who shares it is unknown; it is not used`, field: names.identity, ...(p.file !== undefined ? { file: p.file } : {}), ...(p.row !== undefined ? { row: p.row } : {}) });
      if (read.wishes.length > 0) next = { ...next, wishes: read.wishes };
    }
    return next;
  });
  return { participants: out, issues };
}
