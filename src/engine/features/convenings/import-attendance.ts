/**
 * Convening attendance from a spreadsheet (CSV, or a workbook sheet read by `readSurveyTable`):
 * who came to which event, and when. Two layouts are read:
 *
 * - **long**, one row per (person, event[, date]):
 *   ```csv
 *   event,date,attendee
 *   Session 1,2025-03-22,Maria Lopez
 *   Session 1,2025-03-22,jin.chen@example.org
 *   ```
 * - **wide**, one row per person and one column per event, marked `x`, `1`, `yes`, `present`,
 *   `✓` (blank, `0`, `no`, `absent`: not there); a date in the header (`Session 1 (2025-03-22)`)
 *   dates the event.
 *
 * People are given by name or email (a `name` column, `first name` + `last name`, and/or an
 * `email` column: the email wins when both are filled) and resolved with the survey importer's
 * name matching (`person-lookup.ts`). Dates are read as survey timestamps are (ISO, `3/22/2025`,
 * day-first when the column says so, `Mar 22, 2025`) and stored as `YYYY-MM-DD`.
 *
 * A long table may have a check-in column (`attended`, `present`): rows marked no, absent or
 * no-show are registrations, not attendance, and are left out.
 *
 * Bad input is reported, never thrown: a row without a person or an event is skipped; an event
 * with no date anywhere is kept undated (events are then ordered as first listed); a person
 * listed twice for the same event (on one day or on both days of a two-day session) counts
 * once; a date that is not a date is kept as written. Every message names file, row and field.
 */
import { findColumn, findNamedColumn } from '../../io/csv-columns.ts';
import { columnName } from '../../io/csv-read.ts';
import type { CsvTable } from '../../io/csv-read.ts';
import type { Attendance, Person } from '../../core/model/records.ts';
import type { ResolutionDecision } from '../../core/model/survey.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { resultOf, type Reading } from '../../core/util/result.ts';
import type { KnownPerson } from '../../people/name-match.ts';
import { detectDayFirst, parseTimestamp } from '../../io/timestamps.ts';
import { lookupPeople } from '../../people/person-lookup.ts';
import type { LookupEntry, NamedCell } from '../../people/person-lookup.ts';

export const ATTENDEE_ALIASES = ['person', 'attendee', 'participant', 'name', 'full name', 'member', 'attendee name', 'participant name', 'member name', 'who', 'contact', 'delegate', 'guest'] as const;
/** Aliases are compared with headers normalised by `normalizeHeader` (lower case, `-` and `_` as spaces). */
export const EMAIL_ALIASES = ['email', 'e mail', 'email address', 'e mail address', 'attendee email', 'participant email', 'work email', 'mail'] as const;
export const FIRST_NAME_ALIASES = ['first name', 'first', 'given name', 'forename'] as const;
export const LAST_NAME_ALIASES = ['last name', 'last', 'surname', 'family name'] as const;
export const EVENT_ALIASES = ['event', 'session', 'convening', 'meeting', 'workshop', 'gathering', 'event name', 'session name', 'event title', 'session title', 'meeting name', 'meeting title', 'workshop name', 'activity', 'retreat', 'training', 'class', 'module', 'course'] as const;
/** Long tables may say whether each listed person came (registrations with a check-in column). */
export const PRESENT_ALIASES = ['attended', 'present', 'attendance', 'checked in', 'check in', 'came', 'showed up'] as const;
export const DATE_ALIASES = ['date', 'event date', 'session date', 'day', 'when', 'held on', 'start date', 'meeting date'] as const;

/** Header names chosen by the user; each overrides detection by alias. */
export interface AttendanceColumns {
  person?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  event?: string;
  date?: string;
  /** A check-in column: rows marked no / absent / no-show are not attendance. */
  present?: string;
}

export interface AttendanceImportOptions {
  /** People already known (the dataset's); attendees are matched to them by name or email. */
  people?: readonly Person[];
  /** A roster's people with all their names and emails (see `readRoster`). */
  known?: readonly KnownPerson[];
  /** Attendees matching nobody known: added as new people ('add', default) or left out ('leave'). */
  unknownNames?: 'add' | 'leave';
  /** Saved name decisions (the survey's format), scoped to the question `attendance`. */
  decisions?: readonly ResolutionDecision[];
  columns?: AttendanceColumns;
  /** Read dates such as 03/04/2025 day first. Default: detected from the column. */
  dayFirst?: boolean;
}

/** One event as the file describes it. */
export interface ConveningEvent {
  /** The event's name as written (its id). */
  id: string;
  /** Its first day (`YYYY-MM-DD`, or the text as written when that is not a date), null when undated. */
  date: string | null;
  /** Every day it was held, for events of several days. */
  dates: string[];
  /** Position in time: by date when every event has one, else as first listed (0-based). */
  order: number;
  /** Row of the file where it first appears. */
  row: number;
}

export interface AttendanceImport {
  file: string;
  /** One record per (person, event), in event order; `date` is the event's first day. */
  attendance: Attendance[];
  events: ConveningEvent[];
  /** People who were not known before (new names and emails). */
  added: Person[];
  /** How each person cell was resolved, in row order. */
  lookup: LookupEntry[];
  layout: 'long' | 'wide';
}

const PRESENT = new Set(['x', '1', 'yes', 'y', 'true', 'present', 'attended', 'p', '✓', '✔', 'v', 'here']);
const ABSENT = new Set(['', '0', 'no', 'n', 'false', 'absent', 'a', '-', '–', 'x̶']);
/** Long tables' check-in column: these mean the person did not come. */
const NOT_THERE = new Set(['0', 'no', 'n', 'false', 'absent', 'a', 'no show', 'no-show', 'noshow', 'cancelled', 'canceled', 'did not attend', 'excused']);

/** `YYYY-MM-DD` for a parsed time. */
function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** A date inside a header: `Session 1 (2025-03-22)`, `Retreat 3/22/2025`. */
const DATE_IN_TEXT = /(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})/;

function find(headers: readonly string[], chosen: string | undefined, aliases: readonly string[], log: IssueLog, role: string, headerRow: number, skip: ReadonlySet<number> = new Set()): number | undefined {
  if (chosen !== undefined) {
    const at = findNamedColumn(headers, chosen);
    if (at === undefined) log.error('missing-column', `the column "${chosen}" chosen for ${role} is not in the file`, { row: headerRow });
    return at;
  }
  return findColumn(headers, aliases, skip);
}

interface RawRecord {
  cell: NamedCell;
  event: string;
  eventField: string;
  dateText: string;
  dateField: string;
}

/** Reads an attendance table. Never throws: problems are the result's issues (file, row, field). */
export function importAttendance(table: CsvTable, options: AttendanceImportOptions = {}): Reading<AttendanceImport> {
  const log = new IssueLog(table.file);
  const columns = options.columns ?? {};
  const headers = table.headers;
  const list = headers.map((_, i) => `"${columnName(table, i)}"`).join(', ');
  const email = find(headers, columns.email, EMAIL_ALIASES, log, 'emails', table.headerRow);
  const taken = new Set(email === undefined ? [] : [email]);
  const event = find(headers, columns.event, EVENT_ALIASES, log, 'events', table.headerRow, taken);
  if (event !== undefined) taken.add(event);
  const date = find(headers, columns.date, DATE_ALIASES, log, 'dates', table.headerRow, taken);
  if (date !== undefined) taken.add(date);
  const present = event !== undefined ? find(headers, columns.present, PRESENT_ALIASES, log, 'check-in', table.headerRow, taken) : undefined;
  if (present !== undefined) taken.add(present);
  let person = find(headers, columns.person, ATTENDEE_ALIASES, log, 'people', table.headerRow, taken);
  const first = person === undefined ? find(headers, columns.firstName, FIRST_NAME_ALIASES, log, 'first names', table.headerRow, taken) : undefined;
  const last = person === undefined ? find(headers, columns.lastName, LAST_NAME_ALIASES, log, 'last names', table.headerRow, taken) : undefined;
  if (person === undefined && (first === undefined || last === undefined) && email === undefined) {
    // A long table whose person column has an unusual name: the one text column left.
    const rest = headers.map((_, i) => i).filter((i) => !taken.has(i) && i !== first && i !== last);
    if (event !== undefined && rest.length === 1) person = rest[0];
  }
  const empty = (layout: 'long' | 'wide'): Reading<AttendanceImport> => resultOf({ file: table.file, attendance: [], events: [], added: [], lookup: [], layout }, log.issues);
  if (person === undefined && (first === undefined || last === undefined) && email === undefined) {
    log.error('missing-column', `no column says who attended (such as "attendee", "name", "email", or "first name" and "last name"); the columns are ${list}`, { row: table.headerRow });
    return empty('long');
  }
  if (log.hasErrors) return empty('long');

  const who = (cells: readonly string[], row: number): NamedCell | undefined => {
    const mail = email !== undefined ? (cells[email] ?? '').trim() : '';
    if (mail !== '' && /@/.test(mail)) return { text: mail, file: table.file, row, field: columnName(table, email!) };
    if (person !== undefined) {
      const text = (cells[person] ?? '').trim();
      if (text !== '') return { text, file: table.file, row, field: columnName(table, person) };
    } else if (first !== undefined && last !== undefined) {
      const text = [cells[first] ?? '', cells[last] ?? ''].map((c) => c.trim()).filter((c) => c !== '').join(' ');
      if (text !== '') return { text, file: table.file, row, field: `${columnName(table, first)} + ${columnName(table, last)}` };
    }
    if (mail !== '') return { text: mail, file: table.file, row, field: columnName(table, email!) };
    return undefined;
  };

  const raw: RawRecord[] = [];
  /** Wide tables: events in column order, whoever attended first. */
  const columnEvents: Array<{ id: string; field: string }> = [];
  let layout: 'long' | 'wide' = 'long';
  if (event !== undefined) {
    for (const record of table.records) {
      const cell = who(record.cells, record.row);
      const name = (record.cells[event] ?? '').trim();
      if (cell === undefined) {
        if (name !== '' || record.cells.some((c) => c !== '')) log.warn('missing-person', 'this row does not say who attended; it was skipped', { row: record.row, field: person !== undefined ? columnName(table, person) : email !== undefined ? columnName(table, email) : undefined });
        continue;
      }
      if (present !== undefined && NOT_THERE.has((record.cells[present] ?? '').trim().toLowerCase())) continue;
      if (name === '') {
        log.warn('missing-event', `this row does not say which event ${JSON.stringify(cell.text)} attended; it was skipped`, { row: record.row, field: columnName(table, event) });
        continue;
      }
      raw.push({ cell, event: name, eventField: columnName(table, event), dateText: date !== undefined ? (record.cells[date] ?? '').trim() : '', dateField: date !== undefined ? columnName(table, date) : '' });
    }
  } else {
    // Wide: every column of presence marks is an event.
    const identity = new Set([person, first, last, email, date].filter((i): i is number => i !== undefined));
    const eventColumns = headers
      .map((_, i) => i)
      .filter((i) => !identity.has(i))
      .filter((i) => {
        const values = table.records.map((r) => (r.cells[i] ?? '').trim().toLowerCase());
        return values.some((v) => PRESENT.has(v)) && values.every((v) => PRESENT.has(v) || ABSENT.has(v));
      });
    if (eventColumns.length === 0) {
      log.error(
        'missing-column',
        `no event column (such as "event" or "session"), and no columns of attendance marks (x, 1, yes) with one column per event; the columns are ${list}`,
        { row: table.headerRow },
      );
      return empty('wide');
    }
    layout = 'wide';
    for (const i of eventColumns) columnEvents.push({ id: columnName(table, i), field: columnName(table, i) });
    const skipped = headers.map((_, i) => i).filter((i) => !identity.has(i) && !eventColumns.includes(i));
    if (skipped.length > 0) {
      log.warn('ignored-columns', `read as one column per event; the columns ${skipped.map((i) => `"${columnName(table, i)}"`).join(', ')} hold other values than attendance marks and were left out`, { row: table.headerRow });
    }
    for (const record of table.records) {
      const marked = eventColumns.filter((i) => PRESENT.has((record.cells[i] ?? '').trim().toLowerCase()));
      const cell = who(record.cells, record.row);
      if (cell === undefined) {
        if (marked.length > 0) log.warn('missing-person', 'this row marks attendance but does not say who attended; it was skipped', { row: record.row });
        continue;
      }
      for (const i of marked) {
        const header = columnName(table, i);
        const inHeader = DATE_IN_TEXT.exec(header)?.[1] ?? '';
        raw.push({ cell, event: header, eventField: header, dateText: inHeader, dateField: header });
      }
    }
  }

  // Dates: read every one, then give each event its days.
  const dayFirst = options.dayFirst ?? detectDayFirst(raw.map((r) => r.dateText));
  const badDates = new Set<string>();
  const dayOf = (r: RawRecord): string | null => {
    if (r.dateText === '') return null;
    const time = parseTimestamp(r.dateText, dayFirst);
    if (time !== undefined) return isoDay(time);
    if (!badDates.has(r.dateText)) {
      badDates.add(r.dateText);
      log.warn('bad-date', `"${r.dateText}" is not a date (expected e.g. 2025-03-22 or 3/22/2025); kept as written, and events are ordered as first listed`, { row: r.cell.row, field: r.dateField });
    }
    return r.dateText;
  };
  const days = raw.map(dayOf);
  const eventIndex = new Map<string, number>();
  const drafts: Array<{ id: string; dates: Set<string>; row: number; field: string; parsed: boolean }> = [];
  for (const e of columnEvents) {
    eventIndex.set(e.id, drafts.length);
    drafts.push({ id: e.id, dates: new Set(), row: table.headerRow, field: e.field, parsed: true });
  }
  raw.forEach((r, i) => {
    let at = eventIndex.get(r.event);
    if (at === undefined) {
      at = drafts.length;
      eventIndex.set(r.event, at);
      drafts.push({ id: r.event, dates: new Set(), row: r.cell.row, field: r.eventField, parsed: true });
    }
    const day = days[i];
    if (day !== null && day !== undefined) {
      drafts[at]!.dates.add(day);
      if (badDates.has(day)) drafts[at]!.parsed = false;
    }
  });
  const undated = drafts.filter((d) => d.dates.size === 0);
  if (date === undefined && layout === 'long' && drafts.length > 0) {
    log.warn('no-dates', `the file has no date column; the ${drafts.length} events are taken in the order they are first listed (this decides who counts as a new face)`, { row: table.headerRow });
  } else if (layout === 'wide' && undated.length > 0) {
    log.warn('no-dates', `${undated.length === drafts.length ? 'no event column names a date' : `${undated.length} event columns name no date`} (such as "Session 1 (2025-03-22)"); events are taken in the order of the columns`, { row: table.headerRow });
  } else {
    for (const d of undated) {
      log.warn('event-without-date', `the event "${d.id}" has no date in any row; it is kept, and events are taken in the order they are first listed`, { row: d.row, field: date !== undefined ? columnName(table, date) : d.field });
    }
  }
  const sortable = drafts.every((d) => d.dates.size > 0 && d.parsed);
  const firstDay = (d: (typeof drafts)[number]): string => [...d.dates].sort()[0] ?? '';
  const ordered = drafts.map((d, i) => ({ d, i }));
  if (sortable) ordered.sort((a, b) => (firstDay(a.d) < firstDay(b.d) ? -1 : firstDay(a.d) > firstDay(b.d) ? 1 : a.i - b.i));
  const events: ConveningEvent[] = ordered.map(({ d }, order) => {
    const dates = [...d.dates].sort();
    return { id: d.id, date: dates[0] ?? null, dates, order, row: d.row };
  });
  const orderOf = new Map(events.map((e) => [e.id, e.order]));

  // People.
  const lookup = lookupPeople(
    raw.map((r) => r.cell),
    {
      ...(options.people !== undefined ? { people: options.people } : {}),
      ...(options.known !== undefined ? { known: options.known } : {}),
      ...(options.unknownNames !== undefined ? { unknownNames: options.unknownNames } : {}),
      ...(options.decisions !== undefined ? { decisions: options.decisions } : {}),
      question: 'attendance',
      what: 'attendance',
    },
  );

  // One record per (person, event); a second listing is reported and counted once.
  const seen = new Map<string, { row: number; written: string; day: string | null }>();
  const records: Array<{ record: Attendance; order: number; index: number }> = [];
  raw.forEach((r, i) => {
    const entry = lookup.entries[i]!;
    if (entry.person === null) return;
    const key = `${entry.person}\u0000${r.event}`;
    const before = seen.get(key);
    const day = days[i] ?? null;
    if (before !== undefined) {
      const how = before.written !== r.cell.text ? ` (as ${JSON.stringify(before.written)} in row ${before.row})` : ` (row ${before.row})`;
      const when = before.day !== null && day !== null && before.day !== day ? `, on ${before.day} and ${day}` : '';
      log.warn('duplicate-attendance', `${JSON.stringify(entry.person)} is listed twice for "${r.event}"${how}${when}; counted once`, { row: r.cell.row, field: r.cell.field });
      return;
    }
    seen.set(key, { row: r.cell.row, written: r.cell.text, day });
    const event = events[orderOf.get(r.event)!]!;
    records.push({ record: { person: entry.person, event: r.event, ...(event.date !== null ? { date: event.date } : {}) }, order: event.order, index: i });
  });
  records.sort((a, b) => a.order - b.order || a.index - b.index);
  return resultOf(
    { file: table.file, attendance: records.map((r) => r.record), events, added: lookup.added, lookup: lookup.entries, layout },
    [...log.issues, ...lookup.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  );
}
