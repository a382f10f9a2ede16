/**
 * The person-event projections against networkx: `bipartite.weighted_projected_graph` (events
 * shared) and `collaboration_weighted_projected_graph` (Newman) on the Davis Southern Women graph
 * and on seeded random bipartite graphs (test/reference/make_bipartite.py), both sides; and the
 * Davis attendance file as a user would import it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAttendance } from '../../../../src/engine/features/convenings/import-attendance.ts';
import { projectTwoMode, coAttendanceTies } from '../../../../src/engine/features/convenings/projection.ts';
import { twoModeGraph, twoModeNetwork, eventNodeKey } from '../../../../src/engine/features/convenings/two-mode.ts';
import type { TwoModeNetwork } from '../../../../src/engine/features/convenings/two-mode.ts';
import type { Attendance } from '../../../../src/engine/core/model/records.ts';
import { CLASSIC_DIR } from '../../../helpers/samples.ts';
import { reference, table, withIssues } from './helpers.ts';

interface Edge {
  source: string;
  target: string;
  weight: number;
}
interface Fixture {
  people: string[];
  events: string[];
  attendance: Attendance[];
  projections: Record<'people' | 'events', Record<'shared' | 'newman', Edge[]>>;
}

const load = (name: string): Fixture => JSON.parse(readFileSync(`${reference}${name}.json`, 'utf8')) as Fixture;

function projected(network: TwoModeNetwork, side: 'people' | 'events', weighting: 'shared' | 'newman'): Edge[] {
  const names = side === 'people' ? network.people : network.events.map((e) => e.id);
  return projectTwoMode(network, side, { weighting })
    .map((p) => {
      const [a, b] = [names[p.a]!, names[p.b]!].sort();
      return { source: a!, target: b!, weight: p.weight };
    })
    .sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : 1));
}

function expectSame(actual: Edge[], expected: Edge[]): void {
  // networkx sorts ids as Python strings (code points); so does the comparison above.
  const sorted = [...expected].sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : 1));
  expect(actual.map((e) => [e.source, e.target])).toEqual(sorted.map((e) => [e.source, e.target]));
  actual.forEach((e, i) => expect(e.weight).toBeCloseTo(sorted[i]!.weight, 12));
}

describe('two-mode projections match networkx', () => {
  for (const name of ['davis', 'random_1', 'random_2', 'random_3', 'random_4', 'random_5', 'random_6']) {
    it(`${name}: both sides, events shared and Newman's weights`, () => {
      const fixture = load(name);
      const network = twoModeNetwork(fixture.attendance, { people: fixture.people });
      for (const side of ['people', 'events'] as const) {
        for (const weighting of ['shared', 'newman'] as const) {
          expectSame(projected(network, side, weighting), fixture.projections[side][weighting]);
        }
      }
    });
  }

  it('Davis: 18 women, 14 events, 89 attendances; Evelyn and Theresa shared 7 events', () => {
    const fixture = load('davis');
    const network = twoModeNetwork(fixture.attendance);
    expect(network.people).toHaveLength(18);
    expect(network.events).toHaveLength(14);
    expect(network.records).toBe(89);
    const ties = coAttendanceTies(network);
    const tie = ties.find((t) => [t.source, t.target].sort().join('|') === 'Evelyn Jefferson|Theresa Anderson');
    expect(tie).toMatchObject({ relation: 'co-attendance', directed: false, weight: 7, attributes: { sharedEvents: 7 } });
    expect(ties).toHaveLength(fixture.projections.people.shared.length);
  });

  it('thresholds: at least N events shared, a minimum weight, events above a size left out', () => {
    const fixture = load('davis');
    const network = twoModeNetwork(fixture.attendance);
    const all = projectTwoMode(network);
    const three = projectTwoMode(network, 'people', { minShared: 3 });
    expect(three.length).toBe(all.filter((p) => p.shared >= 3).length);
    expect(three.every((p) => p.shared >= 3)).toBe(true);
    const newman = projectTwoMode(network, 'people', { weighting: 'newman', minWeight: 0.5 });
    expect(newman.every((p) => p.weight >= 0.5)).toBe(true);
    const small = projectTwoMode(network, 'people', { maxEventSize: 5 });
    const smallEvents = network.attendeesOf.filter((a) => a.length <= 5).length;
    expect(smallEvents).toBeGreaterThan(0);
    expect(small.length).toBeLessThan(all.length);
  });

  it('the two-mode graph has a node per person and per event', () => {
    const fixture = load('davis');
    const graph = twoModeGraph(twoModeNetwork(fixture.attendance));
    expect(graph.order).toBe(32);
    expect(graph.size).toBe(89);
    expect(graph.getNodeAttributes(eventNodeKey('E8'))).toMatchObject({ mode: 'event', label: 'E8' });
    expect(graph.getNodeAttribute('Nora Fayette', 'mode')).toBe('person');
  });
});

describe('the Davis attendance file imported as a user would (test/fixtures/classic/davis)', () => {
  it('reads person,event rows, warns that there are no dates, and reproduces both shared projections', () => {
    const text = readFileSync(`${CLASSIC_DIR}davis/attendance.csv`, 'utf8');
    const read = withIssues(importAttendance(table(text, 'attendance.csv')));
    expect(read.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(read.issues.map((i) => i.code)).toContain('no-dates');
    expect(read.added).toHaveLength(18);
    const network = twoModeNetwork(read.attendance);
    const csv = (file: string): Edge[] =>
      readFileSync(`${CLASSIC_DIR}davis/${file}`, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [a, b, w] = line.split(',');
          const [source, target] = [a!, b!].sort();
          return { source: source!, target: target!, weight: Number(w) };
        });
    expectSame(projected(network, 'people', 'shared'), csv('person_projection.csv'));
    expectSame(projected(network, 'events', 'shared'), csv('event_projection.csv'));
  });
});
