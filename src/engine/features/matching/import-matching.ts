/**
 * Mentor matching from spreadsheets (CSV, or workbook sheets read by `readSurveyTable`):
 *
 * - **mentees**: a name (or first + last name) and/or email, `goals` (phrases separated by `;`,
 *   `,` or `|`), identity preferences they chose, and any other columns as attributes (work
 *   unit, gender, ...). A preference is either a list column (`match on`: `gender; ethnicity`,
 *   or `gender=woman` for a particular value) or a yes/no column per attribute (`prefer same
 *   gender`, `same ethnicity`, `gender match`), or a value column (`preferred mentor gender`).
 * - **mentors**: a name and/or email, `strengths` (or skills, expertise), `capacity` (how many
 *   mentees; blank = 1) and attributes.
 * - **pair decisions** (`--lock`): `mentee`, `mentor` and an `action` (lock or reject); without an
 *   action column every row is a lock. The pairs CSV netweave writes reads back as one: its
 *   `locked` column keeps earlier locks and its blank `action` column is where to write new ones.
 *
 * ```csv
 * name,email,goals,department,gender,prefer same gender
 * Ana Ruiz,ana@example.org,public speaking; budgets,Parks,woman,yes
 * ```
 *
 * Names in the decisions file are matched to mentees and mentors with the survey importer's name
 * matching. Problems are issues with file, row and field; nothing throws.
 */
import { setAttribute, typeAttributeColumn } from '../../io/attribute-columns.ts';
import { findColumn, normalizeHeader } from '../../io/csv-columns.ts';
import { columnName } from '../../io/csv-read.ts';
import type { CsvTable } from '../../io/csv-read.ts';
import type { Attributes, Person } from '../../core/model/records.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { resultOf, type Reading } from '../../core/util/result.ts';
import { emailOf, tidyLabel } from '../../people/name-normalize.ts';
import { lookupPeople } from '../../people/person-lookup.ts';
import { DEFAULT_MENTOR_CAPACITY, type IdentityPreference, type Mentee, type Mentor, type PairRule } from './model.ts';
import { splitPhrases } from './goal-fit.ts';

export const PERSON_ID_ALIASES = ['id', 'person id', 'mentee id', 'mentor id', 'employee id', 'staff id', 'member id', 'participant id'] as const;
export const NAME_ALIASES = ['name', 'full name', 'mentee', 'mentor', 'mentee name', 'mentor name', 'participant', 'person', 'display name'] as const;
export const MATCH_EMAIL_ALIASES = ['email', 'e mail', 'email address', 'work email', 'mentee email', 'mentor email'] as const;
export const FIRST_ALIASES = ['first name', 'first', 'given name'] as const;
export const LAST_ALIASES = ['last name', 'last', 'surname', 'family name'] as const;
export const GOALS_ALIASES = ['goals', 'goal', 'learning goals', 'development goals', 'wants', 'wants to learn', 'interests', 'needs', 'looking for', 'topics', 'focus', 'growth areas'] as const;
export const STRENGTHS_ALIASES = ['strengths', 'strength', 'skills', 'expertise', 'areas of expertise', 'offers', 'can help with', 'topics', 'areas', 'experience', 'can offer'] as const;
export const CAPACITY_ALIASES = ['capacity', 'slots', 'places', 'spots', 'max mentees', 'maximum mentees', 'number of mentees', 'mentees', 'how many mentees', 'availability'] as const;
export const PREFERENCE_LIST_ALIASES = ['match on', 'preferences', 'preference', 'identity preference', 'identity preferences', 'match preferences', 'matching preferences', 'prefer same', 'same identity', 'identity match'] as const;
export const RULE_ACTION_ALIASES = ['action', 'decision', 'status', 'rule'] as const;

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'please', 'preferred', 'prefer', 'required', 'important', '✓']);
const NO_PREFERENCE = new Set(['', 'no', 'n', 'false', '0', 'none', 'no preference', 'any', 'either', 'n/a', 'na', "doesn't matter", 'does not matter']);
const LOCK_WORDS = new Set(['lock', 'locked', 'keep', 'yes', 'y', 'true', '1', 'fix', 'fixed', 'x']);
const REJECT_WORDS = new Set(['reject', 'rejected', 'no', 'n', 'false', '0', 'exclude', 'never', 'remove', 'drop']);

/** `prefer same gender`, `same ethnicity`, `wants same gender mentor`, `gender match`. */
const SAME_COLUMN = /^(?:prefers?|wants?|would like)?\s*(?:a\s+)?(?:same|matching)\s+(.+?)(?:\s+(?:as me|mentor|match))?\s*\??$/;
const MATCH_COLUMN = /^(.+?)\s+match(?:\s+(?:preferred|wanted|requested))?\s*\??$/;
/** `preferred mentor gender`, `preferred gender` (the cell holds the value wanted). */
const VALUE_COLUMN = /^preferred\s+(?:mentors?\s+)?(.+?)\s*\??$/;

interface Identity {
  id?: number;
  name?: number;
  first?: number;
  last?: number;
  email?: number;
}

function identityColumns(table: CsvTable): Identity {
  const headers = table.headers;
  const id = findColumn(headers, PERSON_ID_ALIASES);
  const email = findColumn(headers, MATCH_EMAIL_ALIASES);
  const skip = new Set([id, email].filter((i): i is number => i !== undefined));
  const name = findColumn(headers, NAME_ALIASES, skip);
  const first = name === undefined ? findColumn(headers, FIRST_ALIASES, skip) : undefined;
  const last = name === undefined ? findColumn(headers, LAST_ALIASES, skip) : undefined;
  return {
    ...(id !== undefined ? { id } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(first !== undefined && last !== undefined ? { first, last } : {}),
    ...(email !== undefined ? { email } : {}),
  };
}

export interface ReadPerson {
  id: string;
  label: string;
  email?: string;
  attributes: Attributes;
  row: number;
  cells: string[];
}

/**
 * Who each row is, with attributes from every column not in `used` (the columns saying who the
 * person is are added to `used`). `role` names them in messages: mentee, mentor, participant.
 */
export function readPeople(table: CsvTable, used: Set<number>, role: string, log: IssueLog): ReadPerson[] {
  const who = identityColumns(table);
  if (who.name === undefined && who.first === undefined && who.email === undefined && who.id === undefined) {
    log.error('missing-column', `no column says who each ${role} is (such as "name", "first name" and "last name", or "email"); the columns are ${table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ')}`, { row: table.headerRow });
    return [];
  }
  for (const i of [who.id, who.name, who.first, who.last]) if (i !== undefined) used.add(i);
  const attributeColumns = table.headers.map((_, i) => i).filter((i) => !used.has(i) && (table.headers[i] !== '' || table.records.some((r) => (r.cells[i] ?? '') !== '')));
  const typed = new Map(attributeColumns.map((i) => [i, i === who.email ? table.records.map((r) => (r.cells[i] ?? '').trim() || null) : typeAttributeColumn(table.records.map((r) => r.cells[i] ?? ''), { multiValueSeparator: ';' })]));
  const out: ReadPerson[] = [];
  const ids = new Map<string, number>();
  table.records.forEach((record, index) => {
    const cell = (i: number | undefined): string => (i === undefined ? '' : (record.cells[i] ?? '').trim());
    const mailText = cell(who.email);
    const email = emailOf(mailText);
    if (mailText !== '' && email === undefined) log.warn('bad-email', `"${mailText}" is not an email address; the ${role} is identified by name`, { row: record.row, field: columnName(table, who.email!) });
    const name = who.name !== undefined ? cell(who.name) : [cell(who.first), cell(who.last)].filter((p) => p !== '').join(' ');
    const label = name !== '' ? tidyLabel(name) : email ?? cell(who.id);
    const id = cell(who.id) || label;
    if (id === '') {
      if (record.cells.some((c) => c.trim() !== '')) log.warn('missing-person', `this row does not say who the ${role} is; it was skipped`, { row: record.row });
      return;
    }
    const before = ids.get(id);
    if (before !== undefined) {
      log.warn(`duplicate-${role}`, `the ${role} ${JSON.stringify(id)} is listed again (first in row ${before}); this row was skipped`, { row: record.row, field: columnName(table, who.id ?? who.name ?? who.email ?? 0) });
      return;
    }
    ids.set(id, record.row);
    const attributes: Attributes = {};
    for (const i of attributeColumns) {
      const value = typed.get(i)?.[index] ?? null;
      if (value !== null) setAttribute(attributes, columnName(table, i), value);
    }
    out.push({ id, label: label || id, ...(email !== undefined ? { email } : {}), attributes, row: record.row, cells: record.cells });
  });
  return out;
}

/** The attribute of `attributes` called `name` (compared as headers are), if any. */
function attributeNamed(table: CsvTable, name: string, used: ReadonlySet<number>): string | undefined {
  const wanted = normalizeHeader(name);
  const at = table.headers.findIndex((h, i) => !used.has(i) && normalizeHeader(h) === wanted);
  return at >= 0 ? columnName(table, at) : undefined;
}

export interface MenteeImport {
  mentees: Mentee[];
}

/** Reads a mentee table. Never throws: problems are the result's issues (file, row, field). */
export function parseMentees(table: CsvTable): Reading<MenteeImport> {
  const log = new IssueLog(table.file);
  const headers = table.headers;
  const goals = findColumn(headers, GOALS_ALIASES);
  if (goals === undefined) log.warn('missing-column', 'no goals column (such as "goals"); mentees are matched without goals', { row: table.headerRow });
  const listColumn = findColumn(headers, PREFERENCE_LIST_ALIASES);
  // Per-attribute preference columns.
  const perAttribute: Array<{ index: number; attribute: string; kind: 'same' | 'value' }> = [];
  headers.forEach((header, index) => {
    if (index === goals || index === listColumn) return;
    const h = normalizeHeader(header).replace(/['’?:]/g, '').trim();
    const same = SAME_COLUMN.exec(h) ?? MATCH_COLUMN.exec(h);
    if (same !== null && same[1] !== undefined) perAttribute.push({ index, attribute: same[1].trim(), kind: 'same' });
    else {
      const value = VALUE_COLUMN.exec(h);
      if (value !== null && value[1] !== undefined) perAttribute.push({ index, attribute: value[1].trim(), kind: 'value' });
    }
  });
  const used = new Set<number>([goals, listColumn, ...perAttribute.map((p) => p.index)].filter((i): i is number => i !== undefined));
  const people = readPeople(table, used, 'mentee', log);
  const warned = new Set<string>();
  const resolveAttribute = (name: string, row: number, field: string): string | undefined => {
    const found = attributeNamed(table, name, new Set([goals, listColumn, ...perAttribute.map((p) => p.index)].filter((i): i is number => i !== undefined)));
    if (found === undefined && !warned.has(`${normalizeHeader(name)}\u0000${field}`)) {
      warned.add(`${normalizeHeader(name)}\u0000${field}`);
      log.warn('unknown-preference', `the preference "${name}" names no column of the mentee list, so a mentee's own ${name} is unknown; it is not used (first in this row)`, { row, field });
    }
    return found;
  };
  const mentees: Mentee[] = people.map((person) => {
    const preferences: IdentityPreference[] = [];
    const add = (preference: IdentityPreference): void => {
      if (!preferences.some((p) => p.attribute === preference.attribute && p.value === preference.value)) preferences.push(preference);
    };
    if (listColumn !== undefined) {
      const text = (person.cells[listColumn] ?? '').trim();
      if (!NO_PREFERENCE.has(text.toLowerCase())) {
        for (const item of splitPhrases(text)) {
          const [rawName, rawValue] = item.split(/[=:]/, 2).map((s) => s.trim());
          if (rawName === undefined || rawName === '' || NO_PREFERENCE.has(rawName.toLowerCase())) continue;
          const field = columnName(table, listColumn);
          if (rawValue !== undefined && rawValue !== '') add({ attribute: attributeNamed(table, rawName, new Set()) ?? rawName, value: rawValue });
          else {
            const attribute = resolveAttribute(rawName, person.row, field);
            if (attribute !== undefined) add({ attribute });
          }
        }
      }
    }
    for (const column of perAttribute) {
      const text = (person.cells[column.index] ?? '').trim();
      const field = columnName(table, column.index);
      if (column.kind === 'same') {
        if (!YES.has(text.toLowerCase())) {
          if (!NO_PREFERENCE.has(text.toLowerCase())) log.warn('bad-preference', `"${text}" is neither yes nor no; read as no preference`, { row: person.row, field });
          continue;
        }
        const attribute = resolveAttribute(column.attribute, person.row, field);
        if (attribute !== undefined) add({ attribute });
      } else if (!NO_PREFERENCE.has(text.toLowerCase())) {
        add({ attribute: attributeNamed(table, column.attribute, new Set()) ?? column.attribute, value: text });
      }
    }
    return {
      id: person.id,
      label: person.label,
      goals: goals !== undefined ? splitPhrases(person.cells[goals] ?? '') : [],
      preferences,
      attributes: person.attributes,
      ...(person.email !== undefined ? { email: person.email } : {}),
      file: table.file,
      row: person.row,
    };
  });
  return resultOf({ mentees }, log.issues);
}

export interface MentorImport {
  mentors: Mentor[];
}

/**
 * Reads a mentor table. Never throws: problems are the result's issues; a capacity that is not
 * a whole number counts as `defaultCapacity` (default DEFAULT_MENTOR_CAPACITY).
 */
export function parseMentors(table: CsvTable, options: { defaultCapacity?: number } = {}): Reading<MentorImport> {
  const log = new IssueLog(table.file);
  const headers = table.headers;
  const strengths = findColumn(headers, STRENGTHS_ALIASES);
  if (strengths === undefined) log.warn('missing-column', 'no strengths column (such as "strengths", "skills" or "expertise"); mentors are matched without them', { row: table.headerRow });
  const capacity = findColumn(headers, CAPACITY_ALIASES, new Set(strengths === undefined ? [] : [strengths]));
  const fallback = options.defaultCapacity ?? DEFAULT_MENTOR_CAPACITY;
  const used = new Set([strengths, capacity].filter((i): i is number => i !== undefined));
  const people = readPeople(table, used, 'mentor', log);
  const mentors: Mentor[] = people.map((person) => {
    let places = fallback;
    if (capacity !== undefined) {
      const text = (person.cells[capacity] ?? '').trim();
      const n = Number(text);
      if (text === '') places = fallback;
      else if (!Number.isFinite(n) || !Number.isInteger(n) || n < 0) {
        log.warn('bad-capacity', `"${text}" is not a whole number of mentees (0 or more); counted as ${fallback}`, { row: person.row, field: columnName(table, capacity) });
      } else places = n;
    }
    return {
      id: person.id,
      label: person.label,
      strengths: strengths !== undefined ? splitPhrases(person.cells[strengths] ?? '') : [],
      capacity: places,
      attributes: person.attributes,
      ...(person.email !== undefined ? { email: person.email } : {}),
      file: table.file,
      row: person.row,
    };
  });
  return resultOf({ mentors }, log.issues);
}

const asPerson = (p: { id: string; label: string; email?: string }): Person => ({ id: p.id, label: p.label, attributes: p.email !== undefined ? { email: p.email } : {} });

/**
 * Reads pair decisions (locks and rejections), matching names to the mentees and mentors given.
 * Rows whose action is blank (when there is an action column) are not decisions. Never throws:
 * problems are the result's issues.
 */
export function parsePairRules(table: CsvTable, mentees: readonly Mentee[], mentors: readonly Mentor[]): Reading<{ rules: PairRule[] }> {
  const log = new IssueLog(table.file);
  const headers = table.headers;
  const menteeId = findColumn(headers, ['mentee id']);
  const mentorId = findColumn(headers, ['mentor id']);
  const skip = new Set([menteeId, mentorId].filter((i): i is number => i !== undefined));
  const mentee = findColumn(headers, ['mentee', 'mentee name', 'protege', 'protégé'], skip);
  const mentor = findColumn(headers, ['mentor', 'mentor name', 'coach'], skip);
  const action = findColumn(headers, RULE_ACTION_ALIASES);
  const locked = findColumn(headers, ['locked', 'lock']);
  if ((mentee === undefined && menteeId === undefined) || (mentor === undefined && mentorId === undefined)) {
    log.error('missing-column', `pair decisions need a "mentee" and a "mentor" column; the columns are ${headers.map((_, i) => `"${columnName(table, i)}"`).join(', ')}`, { row: table.headerRow });
    return resultOf({ rules: [] }, log.issues);
  }
  const rows: Array<{ row: number; action: 'lock' | 'reject'; mentee: string; mentor: string; menteeField: string; mentorField: string }> = [];
  for (const record of table.records) {
    const cell = (i: number | undefined): string => (i === undefined ? '' : (record.cells[i] ?? '').trim().replace(/^'(?=[=+\-@])/, ''));
    let what: 'lock' | 'reject' | undefined;
    const actionText = cell(action).toLowerCase();
    if (actionText !== '') {
      if (LOCK_WORDS.has(actionText)) what = 'lock';
      else if (REJECT_WORDS.has(actionText)) what = 'reject';
      else {
        log.warn('bad-action', `"${cell(action)}" is neither lock nor reject; this row was skipped`, { row: record.row, field: columnName(table, action!) });
        continue;
      }
    } else if (locked !== undefined) {
      if (LOCK_WORDS.has(cell(locked).toLowerCase())) what = 'lock';
    } else if (action === undefined) what = 'lock';
    if (what === undefined) continue;
    const a = cell(menteeId) || cell(mentee);
    const b = cell(mentorId) || cell(mentor);
    if (a === '' || b === '') {
      if (a !== '' || b !== '') log.warn('missing-person', `this row has no ${a === '' ? 'mentee' : 'mentor'}; it was skipped`, { row: record.row });
      continue;
    }
    rows.push({
      row: record.row,
      action: what,
      mentee: a,
      mentor: b,
      menteeField: columnName(table, cell(menteeId) !== '' ? menteeId! : mentee!),
      mentorField: columnName(table, cell(mentorId) !== '' ? mentorId! : mentor!),
    });
  }
  const menteeIds = new Set(mentees.map((m) => m.id));
  const mentorIds = new Set(mentors.map((m) => m.id));
  const menteeLookup = lookupPeople(
    rows.map((r) => ({ text: r.mentee, file: table.file, row: r.row, field: r.menteeField })).filter((c) => !menteeIds.has(c.text)),
    { people: mentees.map(asPerson), unknownNames: 'leave', question: 'mentee', what: 'pair decisions (no such mentee)' },
  );
  const mentorLookup = lookupPeople(
    rows.map((r) => ({ text: r.mentor, file: table.file, row: r.row, field: r.mentorField })).filter((c) => !mentorIds.has(c.text)),
    { people: mentors.map(asPerson), unknownNames: 'leave', question: 'mentor', what: 'pair decisions (no such mentor)' },
  );
  const resolvedMentee = new Map(menteeLookup.entries.map((e) => [`${e.row}`, e.person]));
  const resolvedMentor = new Map(mentorLookup.entries.map((e) => [`${e.row}`, e.person]));
  const rules: PairRule[] = [];
  for (const r of rows) {
    const a = menteeIds.has(r.mentee) ? r.mentee : resolvedMentee.get(`${r.row}`) ?? null;
    const b = mentorIds.has(r.mentor) ? r.mentor : resolvedMentor.get(`${r.row}`) ?? null;
    if (a === null || b === null) continue; // reported by the lookups
    rules.push({ mentee: a, mentor: b, action: r.action, row: r.row, file: table.file });
  }
  return resultOf({ rules }, [...log.issues, ...menteeLookup.issues, ...mentorLookup.issues].sort((x, y) => (x.row ?? 0) - (y.row ?? 0)));
}
