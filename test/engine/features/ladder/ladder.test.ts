/**
 * The engagement ladder on the coalition sample (two waves, attendance, mentorships): the
 * default ladder moves between the waves, counts cover everyone, movements agree with each
 * person's rungs, and everyone ready for a next step has a mentor nearby on a higher rung.
 * Then rules files (a missing column, malformed), attendance-only periods, and data the ladder
 * was not designed for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ladderSection, type LadderSection } from '../../../../src/engine/features/ladder/ladder-section.ts';
import { DEFAULT_LADDER, NOT_YET, parseLadderRules, type LadderRules } from '../../../../src/engine/features/ladder/rules.ts';
import { ladderPeriods } from '../../../../src/engine/features/ladder/periods.ts';
import { importFiles } from '../../../../src/engine/io/import-files.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import { CLASSIC_DIR } from '../../../helpers/samples.ts';
import { coalitionDataset } from './coalition-data.ts';

function checkConsistent(ladder: LadderSection, people: number): void {
  const names = [...ladder.rungs.map((r) => r.name), NOT_YET];
  for (const period of ladder.periods) {
    expect(Object.keys(period.counts)).toEqual(names);
    expect(Object.values(period.counts).reduce((a, b) => a + b, 0)).toBe(people);
    for (const name of names) expect(ladder.people.filter((p) => p.rungs[period.name] === name)).toHaveLength(period.counts[name]!);
  }
  expect(ladder.total).toBe(people);
  const rank = new Map(names.map((n, i) => [n, n === NOT_YET ? -1 : i]));
  ladder.movements.forEach((move, k) => {
    const [a, b] = [ladder.periods[k]!.name, ladder.periods[k + 1]!.name];
    expect([move.from, move.to]).toEqual([a, b]);
    expect(move.flows.reduce((s, f) => s + f.people, 0)).toBe(people);
    expect(move.movedUp.length + move.dropped.length + move.stayed).toBe(people);
    for (const flow of move.flows) expect(ladder.people.filter((p) => p.rungs[a] === flow.from && p.rungs[b] === flow.to)).toHaveLength(flow.people);
    for (const up of move.movedUp) expect(rank.get(up.to)!).toBeGreaterThan(rank.get(up.from)!);
    for (const down of move.dropped) expect(rank.get(down.to)!).toBeLessThan(rank.get(down.from)!);
  });
}

describe('the default ladder on the coalition sample', () => {
  const dataset = coalitionDataset();
  const { ladder, warnings } = ladderSection(dataset)!;

  it('has one period per wave, with the convenings shared out between them', () => {
    expect(ladder.source).toBe('default');
    expect(ladder.periodKind).toBe('waves');
    expect(ladder.periods.map((p) => p.name)).toEqual(['wave1', 'wave2']);
    expect(ladder.periods[0]!.to! < ladder.periods[1]!.from!).toBe(true);
    expect(ladder.rungs.map((r) => r.name)).toEqual(['Aware', 'Attending', 'Connected', 'Contributing', 'Leading']);
    // No role or circle column here: those conditions are left out without a warning.
    expect(warnings).toEqual([]);
    expect(ladder.rungs[2]!.rule).toBe('Named by at least 2 other people, or is in a mentorship');
    for (const rung of ladder.rungs) expect(rung.rule).not.toMatch(/\d\.\d/);
  });

  it('covers everyone in each period, and its movements agree with each person’s rungs', () => {
    checkConsistent(ladder, dataset.people.length);
  });

  it('moves between the waves: some people move up, some drop', () => {
    const move = ladder.movements[0]!;
    expect(move.movedUp.length).toBeGreaterThan(10);
    expect(move.dropped.length).toBeGreaterThan(0);
    expect(ladder.periods[0]!.counts).not.toEqual(ladder.periods[1]!.counts);
    // Wave 2 has more ties than wave 1 (the program's introductions): more people are named by two or more.
    const reached = (p: number) => ladder.periods[p]!.counts.Connected! + ladder.periods[p]!.counts.Contributing! + ladder.periods[p]!.counts.Leading!;
    expect(reached(1)).toBeGreaterThan(reached(0));
  });

  it('gives each person seen an entry point, most at the first convening', () => {
    const entered = ladder.people.filter((p) => p.entry !== null);
    expect(entered.length).toBeGreaterThan(100);
    expect(ladder.entryPoints.reduce((s, e) => s + e.people, 0)).toBe(entered.length);
    expect(ladder.entryPoints[0]).toMatchObject({ kind: 'event', what: 'Session 1' });
    const byEvent = entered.find((p) => p.entry!.kind === 'event')!;
    expect(byEvent.entry!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names people ready for a next step, each with a mentor nearby on a higher rung', () => {
    expect(ladder.readyForNextStep.length).toBeGreaterThan(0);
    const rank = new Map(ladder.rungs.map((r, i) => [r.name, i]));
    const last = ladder.periods[1]!.name;
    for (const ready of ladder.readyForNextStep) {
      const person = ladder.people.find((p) => p.id === ready.id)!;
      expect(person.rungs[last]).toBe(ready.rung);
      expect(ready.contactsAbove * 2).toBeGreaterThan(ready.contacts);
      expect(rank.get(ready.mentor.rung)!).toBeGreaterThan(rank.get(ready.rung) ?? -1);
      expect(ladder.people.find((p) => p.id === ready.mentor.id)!.rungs[last]).toBe(ready.mentor.rung);
      expect(ready.mentor.id).not.toBe(ready.id);
      expect(ready.reason).toContain(ready.mentor.label);
      expect(ready.reason).not.toMatch(/\d\.\d/);
    }
  });
});

describe('rules files', () => {
  const dataset = coalitionDataset();
  const rules = (json: unknown): LadderRules => orThrow(parseLadderRules(JSON.stringify(json), 'rules.json')).value;

  it('reads its own rules, with the highest rung holding placing each person', () => {
    const { ladder, warnings } = ladderSection(dataset, {
      rules: rules({ rungs: [{ name: 'Came', when: [{ type: 'attended' }] }, { name: 'Regular', when: [{ type: 'attended', atLeast: 3 }] }] }),
      source: 'rules.json',
    })!;
    expect(warnings).toEqual([]);
    expect(ladder.source).toBe('rules');
    checkConsistent(ladder, dataset.people.length);
    const regular = ladder.people.filter((p) => p.rungs.wave1 === 'Regular').length;
    expect(regular).toBeGreaterThan(0);
    expect(ladder.periods[0]!.counts.Regular).toBe(regular);
  });

  it('names a rule on a missing column in a warning and disables that rule only', () => {
    const { ladder, warnings } = ladderSection(dataset, {
      rules: rules({
        rungs: [
          { name: 'Attending', when: [{ type: 'attended' }] },
          { name: 'Hosting', when: [{ type: 'attribute', column: 'role', values: ['host'] }, { type: 'attended', atLeast: 2 }] },
          { name: 'Known widely', match: 'any', when: [{ type: 'named-by', atLeast: 5 }, { type: 'attribute', column: 'Title', values: ['Director'] }] },
        ],
      }),
      source: 'rules.json',
    })!;
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ level: 'warning', code: 'ladder-missing-column', file: 'rules.json', field: 'rungs.1.when.0.column' });
    expect(warnings[0]!.message).toContain('"role"');
    expect(warnings[1]!.message).toContain('"Title"');
    expect(ladder.rungs[1]!.disabled).toContain('"role"');
    expect(ladder.periods.every((p) => p.counts.Hosting === 0)).toBe(true);
    // The other rungs still place people; "any" keeps its other condition.
    expect(ladder.rungs[2]!.disabled).toBeUndefined();
    expect(ladder.rungs[2]!.rule).toBe('Named by at least 5 other people');
    expect(ladder.periods[1]!.counts['Known widely']).toBeGreaterThan(0);
    expect(ladder.periods[1]!.counts.Attending).toBeGreaterThan(0);
    checkConsistent(ladder, dataset.people.length);
  });

  it('reads attribute values case-insensitively, in lists too', () => {
    const people = dataset.people.map((p, i) => ({ ...p, attributes: { ...p.attributes, Role: i === 0 ? 'Host' : i === 1 ? ['member', 'LEAD'] : 'member' } }));
    const { ladder, warnings } = ladderSection({ ...dataset, people }, { rules: rules({ rungs: [{ name: 'Hosts', when: [{ type: 'attribute', column: 'role', values: ['host', 'lead'] }] }] }) })!;
    expect(warnings).toEqual([]);
    expect(ladder.periods[0]!.counts.Hosts).toBe(2);
  });

  it('rejects a malformed file with the path of the bad field', () => {
    const bad = parseLadderRules(JSON.stringify({ rungs: [{ name: 'A', when: [{ type: 'known' }] }, { name: 'B', when: [{ type: 'attended', atLeast: 0 }] }] }), 'rules.json');
    expect(bad.ok).toBe(false);
    expect(bad.issues[0]).toMatchObject({ level: 'error', file: 'rules.json', field: 'rungs.1.when.0.atLeast' });
    const unknown = parseLadderRules(JSON.stringify({ rungs: [{ name: 'A', when: [{ type: 'hosted' }] }] }), 'rules.json');
    expect(unknown.ok).toBe(false);
    expect(unknown.issues[0]!.field).toMatch(/^rungs\.0\.when\.0/);
    const twice = parseLadderRules(JSON.stringify({ rungs: [{ name: 'A', when: [{ type: 'known' }] }, { name: 'a', when: [{ type: 'known' }] }] }), 'rules.json');
    expect(twice.ok).toBe(false);
    expect(twice.issues[0]!.field).toBe('rungs');
    const notJson = parseLadderRules('{ "rungs": [', 'rules.json');
    expect(notJson.ok).toBe(false);
    expect(notJson.issues[0]).toMatchObject({ code: 'invalid-json', file: 'rules.json' });
  });
});

describe('periods without waves', () => {
  const coalition = coalitionDataset();
  // The sample without its surveys: attendance and mentorships only.
  const attendanceOnly: Dataset = {
    ...coalition,
    ties: coalition.ties.filter((t) => t.wave === undefined),
    people: coalition.people.map((p) => ({ ...p, attributes: { email: p.attributes.email ?? null } })),
  };

  it('uses the half-years of the attendance dates', () => {
    const { ladder } = ladderSection(attendanceOnly)!;
    expect(ladder.periodKind).toBe('half-years');
    expect(ladder.periods.map((p) => p.name)).toEqual(['Jan-Jun 2025', 'Jul-Dec 2025', 'Jan-Jun 2026']);
    checkConsistent(ladder, attendanceOnly.people.length);
    // People first seen at a later convening are not on the ladder before it.
    const later = ladder.people.find((p) => p.entry?.kind === 'event' && p.entry.period === 'Jul-Dec 2025');
    expect(later?.rungs['Jan-Jun 2025']).toBe(NOT_YET);
    expect(ladder.movements).toHaveLength(2);
  });

  it('counts every event once across the periods', () => {
    const { periods } = ladderPeriods(attendanceOnly);
    const events = periods.flatMap((p) => [...p.events]);
    expect(new Set(events).size).toBe(events.length);
    expect(events).toHaveLength(new Set(attendanceOnly.attendance.map((a) => a.event)).size);
  });

  it('gives undated attendance (the Davis southern women) one period', () => {
    const text = readFileSync(`${CLASSIC_DIR}davis/attendance.csv`, 'utf8');
    const people = [...new Set(text.trim().split('\n').slice(1).map((l) => l.split(',')[0]!))];
    const attendance = text.trim().split('\n').slice(1).map((l) => ({ person: l.split(',')[0]!, event: l.split(',')[1]! }));
    const davis: Dataset = { format: 'netweave-dataset', version: 1, name: 'Davis', people: people.map((id) => ({ id, label: id, attributes: {} })), relations: [], ties: [], attendance, mentorships: [] };
    const { ladder } = ladderSection(davis)!;
    expect(ladder.periods.map((p) => p.name)).toEqual(['All']);
    expect(ladder.movements).toEqual([]);
    checkConsistent(ladder, people.length);
    expect(ladder.periods[0]!.counts.Contributing).toBeGreaterThan(0);
  });

  it('leaves a network without waves or attendance (karate) without a ladder, unless rules are given', () => {
    const file = (name: string) => ({ name, text: readFileSync(`${CLASSIC_DIR}karate/${name}`, 'utf8') });
    const karate = orThrow(importFiles([file('edges.csv'), file('nodes.csv')])).value;
    expect(ladderSection(karate)).toBeNull();
    const { ladder } = ladderSection(karate, { rules: DEFAULT_LADDER })!;
    expect(ladder.periods.map((p) => p.name)).toEqual(['All']);
    checkConsistent(ladder, karate.people.length);
    expect(ladder.periods[0]!.counts.Leading).toBeGreaterThan(0);
  });
});
