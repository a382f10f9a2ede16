/**
 * `netweave analyze` with convenings, mentorships and survey waves, as a user runs it on the
 * coalition sample (data/samples/coalition), and with bad input.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Report } from '../src/engine/report/types.ts';
import { COALITION_DIR as coalition } from './helpers/samples.ts';
import { netweave } from './helpers/cli.ts';

// Each run starts a Node process (about a second); several run per test.
vi.setConfig({ testTimeout: 60_000 });


const tmp = (): string => mkdtempSync(join(tmpdir(), 'nw-convenings-'));
const at = (name: string): string => join(coalition, name);
const noStackTrace = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('netweave analyze on the coalition sample', () => {
  const out = join(tmp(), 'report.json');
  const result = netweave(
    'analyze',
    '--wave', `wave1=${at('survey_wave1.csv')}`,
    '--wave', `wave2=${at('survey_wave2.csv')}`,
    '--roster', at('people.csv'),
    '--attendance', at('attendance.csv'),
    '--mentorships', at('mentorships.csv'),
    '--threads', '1',
    '--out', out,
  );
  const report = async (): Promise<Report> => {
    const r = await result;
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8')) as Report;
  };

  it('adds the co-attendance layer to the edges, weight = events shared', async () => {
    const r = await report();
    expect(r.dataset.relations).toEqual(['collaborate', 'advice', 'co-attendance', 'mentorship']);
    const co = r.edges.filter((e) => e.relation === 'co-attendance');
    // Count the events two people shared straight from the file.
    const rows = readFileSync(at('attendance.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    const eventsOf = (name: string, email: string) => new Set(rows.filter((c) => c[2] === name || c[2] === email).map((c) => c[0]));
    const shared = [...eventsOf('Robert Jackson', 'robert.jackson@example.org')].filter((e) => eventsOf('Zainab Singh', 'zainab.singh@example.org').has(e)).length;
    const tie = co.find((e) => [e.source, e.target].sort().join('|') === 'Robert Jackson|Zainab Singh');
    expect(tie).toMatchObject({ weight: shared, directed: false });
    expect(shared).toBeGreaterThan(0);
    expect(co.length).toBe(r.events!.coAttendanceTies);
  });

  it('reports per-person attendance and an events section', async () => {
    const r = await report();
    const events = r.events!;
    expect(events.eventCount).toBe(9);
    expect(events.records).toBe(609);
    expect(events.events.map((e) => e.event)).toEqual(Array.from({ length: 9 }, (_, i) => `Session ${i + 1}`));
    expect(events.events[0]).toMatchObject({ date: '2025-03-22', count: 61, returning: 0 });
    expect(events.events[0]!.newFaces).toHaveLength(61);
    expect(events.events[0]!.mix?.attribute).toBe('sector');
    expect(events.events.reduce((s, e) => s + e.newFaces.length, 0)).toBe(events.attendees);
    const robert = r.nodes.find((n) => n.id === 'Robert Jackson')!;
    expect(robert.metrics.eventsAttended).toBe(events.attendance.find((a) => a.id === 'Robert Jackson')!.events);
    expect(r.warnings.filter((w) => w.file === 'attendance.csv')).toEqual([]);
  });

  it('adds the mentorship layer and section', async () => {
    const r = await report();
    const mentorship = r.edges.filter((e) => e.relation === 'mentorship');
    expect(mentorship).toHaveLength(30);
    expect(mentorship.every((e) => e.directed)).toBe(true);
    expect(mentorship.find((e) => e.source === 'Susan Martinez')?.target).toBe('Kevin Ali');
    expect(r.mentorship).toMatchObject({ pairs: 30, mentors: 30, mentees: 30, bothRoles: [] });
    expect(r.mentorship!.byAttribute.map((a) => a.attribute)).toEqual(['organization', 'sector', 'region']);
    expect(r.mentorship!.communities?.relations).toEqual(['collaborate', 'advice']);
  });

  it('compares the last two waves in the change section and recovers the program-created ties', async () => {
    const r = await report();
    const change = r.change!;
    expect(Object.keys(change)).toEqual(expect.arrayContaining(['from', 'to', 'gained', 'lost', 'movedInward', 'indicators', 'waves']));
    expect([change.from, change.to]).toEqual(['wave1', 'wave2']);
    for (const name of ['density', 'components', 'averagePathLength', 'modularity', 'crossGroupShare', 'coreSize'] as const) {
      expect(change.indicators[name]).toHaveLength(2);
    }
    expect(change.waves.map((w) => w.wave)).toEqual(['wave1', 'wave2']);
    expect(change.settings.relations).toEqual(['collaborate', 'advice']);
    const truth = JSON.parse(readFileSync(at('truth/ties.json'), 'utf8')) as { wave2_new: Array<[string, string]> };
    const people = JSON.parse(readFileSync(at('truth/people.json'), 'utf8')) as Array<{ id: string; name: string }>;
    const name = new Map(people.map((p) => [p.id, p.name]));
    const gained = new Set(change.gained.map((p) => p.join('|')));
    const found = truth.wave2_new.filter(([a, b]) => gained.has([name.get(a)!, name.get(b)!].sort().join('|'))).length;
    console.log(`CLI: program ties recovered ${found} of ${truth.wave2_new.length}; gained ${change.gained.length}; lost ${change.lost.length}; moved inward: ${change.movedInward.join(', ')}`);
    expect(found).toBeGreaterThanOrEqual(26);
    // Ties carry their wave names.
    expect(r.resolution?.every((e) => e.wave === 'wave1' || e.wave === 'wave2')).toBe(true);
  });

  it('takes Newman weights, a threshold, and any two waves', async () => {
    const file = join(tmp(), 'r.json');
    const r = await netweave(
      'analyze', '--survey', at('survey_wave1.csv'), '--survey', at('survey_wave2.csv'), '--roster', at('people.csv'),
      '--attendance', at('attendance.csv'), '--attendance-weight', 'newman', '--min-shared-events', '4',
      '--compare', 'survey_wave2,survey_wave1', '--relation', 'co-attendance', '--relation', 'collaborate', '--threads', '1', '--out', file,
    );
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
    const co = report.edges.filter((e) => e.relation === 'co-attendance');
    expect(co.length).toBeGreaterThan(0);
    expect(co.every((e) => e.weight < 4)).toBe(true);
    expect(report.events!.settings).toMatchObject({ weighting: 'newman', minShared: 4 });
    expect([report.change!.from, report.change!.to]).toEqual(['survey_wave2', 'survey_wave1']);
    expect(report.change!.settings.relations).toEqual(['collaborate']);
  });

  it('reads attendance with a roster and no survey', async () => {
    const r = await netweave('analyze', '--attendance', at('attendance.csv'), '--roster', at('people.csv'), '--threads', '1');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.dataset.people).toBe(120);
    expect(report.dataset.relations).toEqual(['co-attendance']);
    expect(report.nodes.find((n) => n.id === 'Nia Patel')?.attributes.sector).toBeDefined();
    expect(report.change).toBeUndefined();
  });
});

describe('netweave analyze with bad convening and mentorship files', () => {
  it('reports duplicates, undated events and self-pairs with file, row and field, and still reports', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'att.csv'), 'event,date,attendee\nKickoff,2025-01-10,Ana Ruiz\nKickoff,2025-01-10,ana ruiz\nKickoff,2025-01-10,Ben Ode\nWorkshop,,Ana Ruiz\nWorkshop,,Ben Ode\n');
    writeFileSync(join(dir, 'pairs.csv'), 'mentor,mentee\nAna Ruiz,Ana Ruiz\nAna Ruiz,Ben Ode\n');
    const r = await netweave('analyze', '--attendance', join(dir, 'att.csv'), '--mentorships', join(dir, 'pairs.csv'), '--threads', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: att.csv, row 3, field "attendee": "Ana Ruiz" is listed twice for "Kickoff" (as "Ana Ruiz" in row 2); counted once');
    expect(r.stderr).toContain('warning: att.csv, row 5, field "date": the event "Workshop" has no date in any row');
    expect(r.stderr).toContain('warning: pairs.csv, row 2, field "mentee": the mentee "Ana Ruiz" is paired with themself');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.edges.map((e) => [e.source, e.target, e.relation, e.weight])).toEqual([
      ['Ana Ruiz', 'Ben Ode', 'co-attendance', 2],
      ['Ana Ruiz', 'Ben Ode', 'mentorship', 1],
    ]);
    expect(report.mentorship?.pairs).toBe(1);
  });

  it('exits 1 with a message, not a stack trace, when a file cannot be used', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'att.csv'), 'when,where\n2025-01-10,Hall\n');
    const r = await netweave('analyze', '--attendance', join(dir, 'att.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/att\.csv, row 1: no column says who attended/);
    noStackTrace(r.stderr);
    const missing = await netweave('analyze', '--mentorships', join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/file not found/);
    noStackTrace(missing.stderr);
  });

  it('exits 2 on a wrong command line', async () => {
    const [noName, both, twice, alone, heavy] = await Promise.all([
      netweave('analyze', '--wave', 'wave1.csv'),
      netweave('analyze', '--wave', 'a=x.csv', '--survey', 'y.csv'),
      netweave('analyze', '--wave', 'a=x.csv', '--wave', 'a=y.csv'),
      netweave('analyze', '--edges', 'x.csv', '--attendance-weight', 'newman'),
      netweave('analyze', '--attendance', 'x.csv', '--attendance-weight', 'heavy'),
    ]);
    for (const r of [noName, both, twice, alone, heavy]) expect(r.code, r.stderr).toBe(2);
    expect(noName.stderr).toMatch(/--wave expects NAME=FILE/);
    expect(both.stderr).toMatch(/either as --survey FILE or as --wave NAME=FILE/);
    expect(twice.stderr).toMatch(/"a" is given twice/);
    expect(alone.stderr).toMatch(/--attendance-weight and --min-shared-events go with --attendance/);
    expect(heavy.stderr).toMatch(/--attendance-weight must be one of shared, newman/);
  });

  it('says which waves exist when --compare names another', async () => {
    const r = await netweave('analyze', '--wave', `a=${at('survey_wave1.csv')}`, '--wave', `b=${at('survey_wave2.csv')}`, '--compare', 'a,c', '--threads', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('change: no ties carry the wave "c" (waves: "a", "b").');
    noStackTrace(r.stderr);
  });
});
