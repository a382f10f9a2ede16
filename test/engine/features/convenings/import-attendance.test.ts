/**
 * Attendance import: long and wide tables, people by name or email resolved with the survey's
 * name matching, and every kind of bad input named with file, row and field.
 */
import { describe, expect, it } from 'vitest';
import { importAttendance } from '../../../../src/engine/features/convenings/import-attendance.ts';
import { lookupPeople } from '../../../../src/engine/people/person-lookup.ts';
import { eventsSection, summarizeAttendance, withAttendance } from '../../../../src/engine/features/convenings/summaries.ts';
import { twoModeNetwork } from '../../../../src/engine/features/convenings/two-mode.ts';
import { formatIssue } from '../../../../src/engine/core/util/issues.ts';
import { readSurveyTable } from '../../../../src/engine/io/read-table.ts';
import { readSoFar } from '../../../../src/engine/core/util/result.ts';
import { makeXlsx } from '../../../fixtures/survey/make-xlsx.ts';
import { dataset, person, table, withIssues } from './helpers.ts';

const roster = [
  person('Maria Lopez', { email: 'maria.lopez@example.org', sector: 'Government' }),
  person('Robert Chen', { email: 'rchen@example.org', sector: 'Nonprofit' }),
  person('Jin Park', { email: 'jin.park@example.org', sector: 'Nonprofit' }),
  person('Ana Ruiz', { sector: 'Business' }),
  person('Elena Tanaka', { sector: 'Business' }),
  person('Elizabeth Tanaka', { sector: 'Government' }),
];

describe('people named in attendance lists', () => {
  it('are matched like survey names: case, "Last, First", nicknames, typos, emails', () => {
    const cells = ['maria lopez', 'Lopez, Maria', 'Bob Chen', 'rchen@example.org', 'Jin Prak', 'JIN.PARK@EXAMPLE.ORG'].map((text, i) => ({
      text,
      file: 'a.csv',
      row: i + 2,
      field: 'attendee',
    }));
    const lookup = lookupPeople(cells, { people: roster });
    expect(lookup.entries.map((e) => e.person)).toEqual(['Maria Lopez', 'Maria Lopez', 'Robert Chen', 'Robert Chen', 'Jin Park', 'Jin Park']);
    expect(lookup.entries.map((e) => e.status)).toEqual(['matched', 'matched', 'matched', 'matched', 'matched', 'matched']);
    expect(lookup.entries[2]!.method).toMatch(/nickname/);
    expect(lookup.entries[3]!.method).toBe('email');
    expect(lookup.added).toEqual([]);
    // A typo'd or nicknamed match is listed so the user can check it.
    expect(lookup.issues.map((i) => i.code)).toEqual(['name-matched', 'name-matched']);
  });

  it('leave an ambiguous name out with its candidates, and a saved decision settles it', () => {
    const cells = [{ text: 'E. Tanaka', file: 'a.csv', row: 5, field: 'attendee' }];
    const open = lookupPeople(cells, { people: roster });
    expect(open.entries[0]).toMatchObject({ person: null, status: 'ambiguous' });
    expect(open.entries[0]!.candidates?.map((c) => c.person).sort()).toEqual(['Elena Tanaka', 'Elizabeth Tanaka']);
    expect(formatIssue(open.issues[0]!)).toMatch(/^a\.csv, row 5, field "attendee": "E\. Tanaka" could be "(Elena|Elizabeth) Tanaka" \(0\.85\) or/);
    const decided = lookupPeople(cells, { people: roster, decisions: [{ action: 'match', written: 'E. Tanaka', person: 'Elena Tanaka' }] });
    expect(decided.entries[0]).toMatchObject({ person: 'Elena Tanaka', status: 'decided' });
  });

  it('cluster names among themselves without known people, the most written spelling first', () => {
    const texts = ['Kevin Cohen', 'Kevin Cohen', 'Kevin Cohn', 'kevin cohen', 'Sara Lee', 'TBD'];
    const lookup = lookupPeople(texts.map((text, i) => ({ text, file: 'a.csv', row: i + 2, field: 'name' })));
    expect(lookup.entries.map((e) => e.person)).toEqual(['Kevin Cohen', 'Kevin Cohen', 'Kevin Cohen', 'Kevin Cohen', 'Sara Lee', null]);
    expect(lookup.entries[5]!.status).toBe('not-a-person');
    expect(lookup.added.map((p) => p.id)).toEqual(['Kevin Cohen', 'Sara Lee']);
  });

  it('add full names and emails nobody knows as new people, with a warning', () => {
    const lookup = lookupPeople(
      [
        { text: 'Grace Mensah', file: 'a.csv', row: 2, field: 'attendee' },
        { text: 'tom.baker@example.org', file: 'a.csv', row: 3, field: 'attendee' },
      ],
      { people: roster },
    );
    expect(lookup.added).toEqual([
      { id: 'Grace Mensah', label: 'Grace Mensah', attributes: {} },
      { id: 'Tom Baker', label: 'Tom Baker', attributes: { email: 'tom.baker@example.org' } },
    ]);
    expect(lookup.issues.map((i) => [i.code, i.row])).toEqual([
      ['not-on-roster', 2],
      ['not-on-roster', 3],
    ]);
    const leave = lookupPeople([{ text: 'Grace Mensah', file: 'a.csv', row: 2, field: 'attendee' }], { people: roster, unknownNames: 'leave' });
    expect(leave.entries[0]).toMatchObject({ person: null, status: 'unmatched' });
  });
});

describe('importAttendance', () => {
  it('reads a long table: events ordered by date, records deduplicated, people resolved', () => {
    const text = [
      'Event,Date,Attendee,Email',
      'Retreat,2025-06-12,Maria Lopez,',
      'Kickoff,2025-03-22,Maria Lopez,maria.lopez@example.org',
      'Kickoff,2025-03-22,Bob Chen,',
      'Kickoff,2025-03-22,,jin.park@example.org',
      'Retreat,2025-06-13,Jin Park,',
      'Retreat,2025-06-12,Ana Ruiz,',
    ].join('\n');
    const read = withIssues(importAttendance(table(text), { people: roster }));
    expect(read.layout).toBe('long');
    expect(read.events.map((e) => [e.id, e.date, e.dates, e.order])).toEqual([
      ['Kickoff', '2025-03-22', ['2025-03-22'], 0],
      ['Retreat', '2025-06-12', ['2025-06-12', '2025-06-13'], 1],
    ]);
    expect(read.attendance).toEqual([
      { person: 'Maria Lopez', event: 'Kickoff', date: '2025-03-22' },
      { person: 'Robert Chen', event: 'Kickoff', date: '2025-03-22' },
      { person: 'Jin Park', event: 'Kickoff', date: '2025-03-22' },
      { person: 'Maria Lopez', event: 'Retreat', date: '2025-06-12' },
      { person: 'Jin Park', event: 'Retreat', date: '2025-06-12' },
      { person: 'Ana Ruiz', event: 'Retreat', date: '2025-06-12' },
    ]);
    expect(read.issues.filter((i) => i.code !== 'name-matched')).toEqual([]);
  });

  it('reads a wide table: one column per event, marks for presence, dates from the headers', () => {
    const text = ['Name,Organization,Session 1 (2025-03-22),Session 2 (2025-04-23),Session 3', 'Maria Lopez,Transit,x,,1', 'Ana Ruiz,Parks,yes,X,', 'Jin Park,Parks,,✓,no'].join('\n');
    const read = withIssues(importAttendance(table(text), { people: roster }));
    expect(read.layout).toBe('wide');
    expect(read.events.map((e) => [e.id, e.date])).toEqual([
      ['Session 1 (2025-03-22)', '2025-03-22'],
      ['Session 2 (2025-04-23)', '2025-04-23'],
      ['Session 3', null],
    ]);
    expect(read.attendance.map((a) => `${a.person}@${a.event.slice(0, 9)}`)).toEqual([
      'Maria Lopez@Session 1',
      'Ana Ruiz@Session 1',
      'Ana Ruiz@Session 2',
      'Jin Park@Session 2',
      'Maria Lopez@Session 3',
    ]);
    expect(read.issues.map((i) => i.code)).toEqual(['ignored-columns', 'no-dates']);
    expect(read.issues[0]!.message).toMatch(/"Organization"/);
  });

  it('reports bad input with file, row and field, and keeps the best partial answer', () => {
    const text = [
      'event,date,attendee',
      'Kickoff,2025-03-22,Maria Lopez',
      'Kickoff,2025-03-22,maria lopez', // same person again
      'Workshop,,Ana Ruiz', // an event with no date anywhere
      ',2025-03-22,Jin Park', // no event
      'Kickoff,2025-03-22,', // no person
      'Retreat,next spring,Jin Park', // not a date
      'Kickoff,2025-03-23,Maria Lopez', // the second day of a two-day event
      'Kickoff,2025-03-22,E. Tanaka', // ambiguous
      'Kickoff,2025-03-22,n/a', // names no one
    ].join('\n');
    const read = withIssues(importAttendance(table(text, 'sessions.csv'), { people: roster }));
    const lines = read.issues.map(formatIssue);
    expect(read.issues.every((i) => i.level === 'warning')).toBe(true);
    expect(lines).toEqual(
      expect.arrayContaining([
        'sessions.csv, row 3, field "attendee": "Maria Lopez" is listed twice for "Kickoff" (as "Maria Lopez" in row 2); counted once',
        'sessions.csv, row 4, field "date": the event "Workshop" has no date in any row; it is kept, and events are taken in the order they are first listed',
        'sessions.csv, row 5, field "event": this row does not say which event "Jin Park" attended; it was skipped',
        'sessions.csv, row 6, field "attendee": this row does not say who attended; it was skipped',
        'sessions.csv, row 7, field "date": "next spring" is not a date (expected e.g. 2025-03-22 or 3/22/2025); kept as written, and events are ordered as first listed',
        'sessions.csv, row 8, field "attendee": "Maria Lopez" is listed twice for "Kickoff" (row 2), on 2025-03-22 and 2025-03-23; counted once',
      ]),
    );
    expect(lines.some((l) => /^sessions\.csv, row 9, field "attendee": "E\. Tanaka" could be/.test(l))).toBe(true);
    expect(lines.some((l) => /^sessions\.csv, row 10, field "attendee": "n\/a" names no one/.test(l))).toBe(true);
    // Undated events keep the file order.
    expect(read.events.map((e) => e.id)).toEqual(['Kickoff', 'Workshop', 'Retreat']);
    expect(read.attendance).toEqual([
      { person: 'Maria Lopez', event: 'Kickoff', date: '2025-03-22' },
      { person: 'Ana Ruiz', event: 'Workshop' },
      { person: 'Jin Park', event: 'Retreat', date: 'next spring' },
    ]);
  });

  it('says which columns it needs when it finds none', () => {
    const read = withIssues(importAttendance(table('when,where\n2025-01-01,Hall', 'x.csv')));
    expect(read.attendance).toEqual([]);
    expect(read.issues[0]).toMatchObject({ level: 'error', code: 'missing-column', file: 'x.csv', row: 1 });
    expect(read.issues[0]!.message).toMatch(/no column says who attended/);
  });

  it('reads a workbook sheet the same way (readSurveyTable)', () => {
    const bytes = makeXlsx([{ name: 'Attendance', rows: [['Session', 'Date', 'Participant'], ['Kickoff', '2025-03-22', 'Maria Lopez'], ['Kickoff', '2025-03-22', 'jin.park@example.org']] }]);
    const read = readSurveyTable({ name: 'attendance.xlsx', text: '', bytes });
    const imported = withIssues(importAttendance(readSoFar(read)!, { people: roster }));
    expect(imported.attendance).toEqual([
      { person: 'Maria Lopez', event: 'Kickoff', date: '2025-03-22' },
      { person: 'Jin Park', event: 'Kickoff', date: '2025-03-22' },
    ]);
  });

  it('leaves out registrations marked as not attended', () => {
    const read = withIssues(importAttendance(table('Meeting title,Name,Attended\nA,Ana Ruiz,yes\nA,Jin Park,no-show\nA,Maria Lopez,'), { people: roster }));
    expect(read.attendance.map((a) => a.person)).toEqual(['Ana Ruiz', 'Maria Lopez']);
  });

  it('reads day-first dates when the column says so', () => {
    const read = withIssues(importAttendance(table('event,date,name\nA,22/03/2025,Ana Ruiz\nB,03/04/2025,Ana Ruiz')));
    expect(read.events.map((e) => [e.id, e.date])).toEqual([
      ['A', '2025-03-22'],
      ['B', '2025-04-03'],
    ]);
  });
});

describe('attendance summaries', () => {
  const text = [
    'event,date,attendee',
    'S1,2025-01-10,Maria Lopez',
    'S1,2025-01-10,Robert Chen',
    'S1,2025-01-10,Jin Park',
    'S2,2025-02-10,Maria Lopez',
    'S2,2025-02-10,Ana Ruiz',
    'S3,2025-03-10,Ana Ruiz',
    'S3,2025-03-10,Jin Park',
    'S3,2025-03-10,Maria Lopez',
  ].join('\n');
  const read = withIssues(importAttendance(table(text), { people: roster }));

  it('per event: who came, new faces, returning, the sector mix', () => {
    const summary = summarizeAttendance(twoModeNetwork(read.attendance), roster);
    expect(summary.mixAttribute).toBe('sector');
    expect(summary.events.map((e) => [e.event, e.count, e.newFaces, e.returning])).toEqual([
      ['S1', 3, ['Maria Lopez', 'Robert Chen', 'Jin Park'], 0],
      ['S2', 2, ['Ana Ruiz'], 1],
      ['S3', 3, [], 3],
    ]);
    const mix = summary.events[0]!.mix!;
    expect(mix.groups).toEqual([
      { value: 'Nonprofit', count: 2 },
      { value: 'Government', count: 1 },
    ]);
    expect(mix.blau).toBeCloseTo(1 - (4 / 9 + 1 / 9), 12);
    expect(mix.crossPairShare).toBeCloseTo(2 / 3, 12);
  });

  it('per person: events attended, first and last', () => {
    const summary = summarizeAttendance(twoModeNetwork(read.attendance), roster);
    expect(summary.people.map((p) => [p.id, p.events, p.first, p.last])).toEqual([
      ['Maria Lopez', 3, 'S1', 'S3'],
      ['Jin Park', 2, 'S1', 'S3'],
      ['Ana Ruiz', 2, 'S2', 'S3'],
      ['Robert Chen', 1, 'S1', 'S1'],
    ]);
  });

  it('withAttendance adds the records, new people and the co-attendance layer; eventsSection reports them', () => {
    const base = dataset(roster, [{ source: 'Maria Lopez', target: 'Ana Ruiz', relation: 'advice', directed: true }]);
    const added = withAttendance(base, { ...read, added: [person('Grace Mensah')] }, { minShared: 2 });
    expect(added.people.map((p) => p.id)).toContain('Grace Mensah');
    const co = added.ties.filter((t) => t.relation === 'co-attendance');
    expect(co.map((t) => [t.source, t.target, t.weight])).toEqual([
      ['Maria Lopez', 'Jin Park', 2],
      ['Maria Lopez', 'Ana Ruiz', 2],
    ]);
    expect(added.relations.find((r) => r.name === 'co-attendance')).toMatchObject({ directed: false });
    // Adding again changes nothing: records are not doubled.
    expect(withAttendance(added, read, { minShared: 2 }).attendance).toHaveLength(8);
    const section = eventsSection(added, { minShared: 2 })!;
    expect(section).toMatchObject({ eventCount: 3, records: 8, attendees: 4, coAttendanceTies: 2, settings: { weighting: 'shared', minShared: 2, mixAttribute: 'sector' } });
    expect(eventsSection(base)).toBeUndefined();
  });
});
