/**
 * analyzeResults on the coalition sample (its results set, system map, roster and true ties),
 * against test/reference/results_cohort.json (networkx, test/reference/results_cohort.py:
 * cohorts, partners in and tied to them, density, parts, articulation points, outside bridges,
 * sectors) and results_upstream.json (networkx upstream factors), and the flags the sample was
 * made to hold: one wrong-direction action, actions too far from the indicator, leverage points
 * nobody acts on, a result with no indicator, a name and a factor matching nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { analyzeResults } from '../../../../src/engine/features/results/analyze-results.ts';
import { importResultsFiles } from '../../../../src/engine/features/results/import-results.ts';
import { analyzeSystemMap } from '../../../../src/engine/features/systemmap/analyze-systemmap.ts';
import { importSystemMapFiles } from '../../../../src/engine/features/systemmap/import-files.ts';
import { coalitionMap, coalitionPeople, coalitionResultsFiles, ROOT } from './helpers.ts';

interface CohortReference {
  steps: number;
  results: Record<string, {
    cohort: string[];
    partners: Record<string, { factors: string[]; in_cohort: boolean; tied_to_cohort: boolean | null }>;
    edges: number;
    density: number | null;
    parts: number[];
    hold_together: Record<string, number>;
    bridges: Record<string, number>;
    sectors: Record<string, number>;
  }>;
}
const reference = JSON.parse(readFileSync(`${ROOT}test/reference/results_cohort.json`, 'utf8')) as CohortReference;
const upstreamReference = JSON.parse(readFileSync(`${ROOT}test/reference/results_upstream.json`, 'utf8')) as { maps: { coalition: { upstream: Record<string, Record<string, Record<string, { steps: number; effect: string }>>> } } };

const set = orThrow(importResultsFiles(coalitionResultsFiles())).value;
const map = coalitionMap();
const people = coalitionPeople();
const report = analyzeResults(set, { map, people });
const byId = new Map(report.results.map((r) => [r.id, r]));

describe('analyzeResults on the coalition sample', () => {
  it('finds every factor upstream of each indicator as networkx does', () => {
    for (const result of report.results) {
      for (const indicator of result.indicators) {
        const expected = upstreamReference.maps.coalition.upstream['3']![indicator.factor!]!;
        const got = Object.fromEntries(result.upstream.filter((u) => u.indicator === indicator.id).map((u) => [u.factor, { steps: u.steps, effect: u.effect }]));
        expect(got).toEqual(Object.fromEntries(Object.entries(expected).map(([f, v]) => [f, { steps: v.steps, effect: v.effect }])));
      }
    }
  });

  it('computes the partners with a role, the cohort and how it is tied as networkx does', () => {
    for (const [id, ref] of Object.entries(reference.results)) {
      const result = byId.get(id)!;
      expect([...result.cohort.people].sort(), id).toEqual(ref.cohort);
      expect(Object.fromEntries(result.partners.map((p) => [p.id, { factors: [...p.factors].sort(), in_cohort: p.inCohort, tied_to_cohort: p.tiedToCohort }])), id).toEqual(ref.partners);
      const c = result.cohort.connectedness!;
      expect(c.ties, id).toBe(ref.edges);
      if (ref.density === null) expect(c.density).toBeNull();
      else expect(c.density!, id).toBeCloseTo(ref.density, 12);
      expect(c.parts, id).toEqual(ref.parts);
      expect(Object.fromEntries(c.holdTogether.map((h) => [h.id, h.cutOff])), id).toEqual(ref.hold_together);
      const bridges = Object.entries(ref.bridges).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, 10);
      expect(c.bridges.map((b) => [b.id, b.parts]), id).toEqual(bridges);
      expect(Object.fromEntries(result.cohort.sectors!.counts.map((s) => [s.sector, s.people])), id).toEqual(ref.sectors);
    }
    expect(byId.get('Clean air in the valley')!.cohort.sectors!.multiSector).toBe(true);
  });

  it('flags the action that pushes the indicator the wrong way, with why', () => {
    const clean = byId.get('Clean air in the valley')!;
    expect(clean.wrongDirection.map((w) => [w.action, w.indicator, w.steps])).toEqual([
      ['Switch public housing to electric heating', 'Asthma emergency visits per 10000 residents', 3],
      ['Switch public housing to electric heating', 'Coal share of electricity (%)', 1],
    ]);
    expect(clean.wrongDirection[1]!.reason).toBe('"Switch public housing to electric heating" increases Electricity demand; more Electricity demand means more Coal generation share (1 link away), so it moves "Coal share of electricity (%)" up, the wrong way (less is better).');
    // Decreasing what the indicator measures, when less is better, is the right way.
    expect(clean.actions.find((a) => a.id === 'Asthma home visits near the plants')!.reaches).toEqual([{ indicator: 'Asthma emergency visits per 10000 residents', steps: 0, effect: 'up', moves: 'better' }]);
    expect(byId.get('A clean energy economy for all')!.wrongDirection).toEqual([]);
  });

  it('says in plain words which actions are too far from the indicator on the map', () => {
    expect(byId.get('Clean air in the valley')!.noPath.map((n) => [n.action, n.shortestPath])).toEqual([['Clean-air stories in local media', 5]]);
    expect(byId.get('A clean energy economy for all')!.noPath).toEqual([
      {
        action: 'Local hiring agreements on state projects',
        factor: 'Local economic benefits',
        label: 'Local economic benefits',
        shortestPath: 4,
        reason: '"Local hiring agreements on state projects" pushes Local economic benefits, which is 4 links from Clean energy jobs on the map, more than the 3 looked at: its effect on the result is remote.',
      },
    ]);
  });

  it('lists the leverage points at or upstream of an indicator that no action of the result pushes', () => {
    const points = analyzeSystemMap(map).summary.leveragePoints;
    for (const result of report.results) {
      const relevant = new Set([...result.indicators.map((i) => i.factor!), ...result.upstream.map((u) => u.factor)]);
      const pushed = new Set(result.actions.map((a) => a.factor));
      expect(result.unactedLeverage.map((u) => u.factor).sort(), result.id).toEqual(points.filter((p) => relevant.has(p) && !pushed.has(p)).sort());
    }
    expect(byId.get('Clean air in the valley')!.unactedLeverage.map((u) => u.factor)).toContain('Political will');
  });

  it('flags a result with no indicator, and keeps names and factors matching nothing, unlinked, with where they are', () => {
    expect(byId.get('Energy-secure households')!.flags).toEqual(['"Energy-secure households" has no indicator yet: nothing shows whether the condition is getting better.', '"Energy-secure households" has no aligned action yet.']);
    expect(report.unlinked).toEqual({
      names: [{ text: "Valley Children's Clinic", file: 'actions.csv', row: 7, field: 'by' }],
      factors: [{ text: 'Green jobs pipeline', file: 'actions.csv', row: 11, field: 'factor' }],
    });
    const fair = byId.get('A clean energy economy for all')!.actions.find((a) => a.id === 'Job fair for clean energy careers')!;
    expect(fair).toMatchObject({ factorText: 'Green jobs pipeline', factor: null, reaches: [] });
    // The typo still finds the person; an organisation stands for its members.
    const carbon = byId.get('Clean air in the valley')!.actions.find((a) => a.id === 'Support a state carbon price')!;
    expect(carbon.by.map((b) => [b.kind, b.id, b.people])).toEqual([['organization', 'Faith org 18', ['Samuel Cohen', 'David Yamamoto', 'Omar Martinez']], ['person', 'Tran Jones', ['Tran Jones']]]);
  });

  it('suggests introductions in the weaving suggestions\' shape, each for a partner not yet connected to the cohort', () => {
    for (const result of report.results) {
      for (const intro of result.introductions) {
        expect(Object.keys(intro).sort()).toEqual(['id', 'kind', 'partner', 'reason', 'result', 'score', 'shared', 'source', 'sourceLabel', 'target', 'targetLabel', 'via']);
        expect(intro).toMatchObject({ kind: 'result-partner', result: result.id });
        const partner = reference.results[result.id]!.partners[intro.partner]!;
        expect(partner.in_cohort && partner.tied_to_cohort).toBe(false);
        expect(reference.results[result.id]!.cohort).toContain(intro.source);
      }
    }
    const first = byId.get('Clean air in the valley')!.introductions[0]!;
    expect(first).toMatchObject({ id: 'intro:Laura%20Reyes+Olga%20Tanaka', source: 'Laura Reyes', target: 'Olga Tanaka', score: 0.9 });
  });

  it('marks commitments past due and not kept as overdue on the day asked, and never reads the clock', () => {
    expect(report.commitments.every((c) => c.overdue === null)).toBe(true);
    const asOf = analyzeResults(set, {}, { asOf: '2024-10-01' });
    expect(asOf.commitments.map((c) => c.overdue)).toEqual([false, false, false, true, false]);
    expect(() => analyzeResults(set, {}, { asOf: '1/10/2024' })).toThrow(/asOf is written YYYY-MM-DD/);
  });

  it('works without a map or people, and says what it could not do', () => {
    const bare = analyzeResults(set);
    expect(bare.notes).toHaveLength(2);
    expect(bare.results[0]).toMatchObject({ upstream: [], partners: [], wrongDirection: [], introductions: [], cohort: { sectors: null, connectedness: null } });
    expect(bare.results[0]!.indicators[0]!.trend).not.toBeNull();
  });
});

describe('analyzeResults without the people network', () => {
  it('links the map\'s organisations, and does not call the other names unknown', () => {
    const mapOnly = analyzeResults(set, { map });
    expect(mapOnly.unlinked.names).toEqual([]);
    expect(mapOnly.warnings.map((w) => w.code)).toEqual(['unknown-factor']);
    const weatherise = mapOnly.results[0]!.actions[0]!;
    expect(weatherise.by.map((b) => [b.text, b.kind, b.actor])).toEqual([['Resident org 9', 'organization', 'Resident org 9'], ['Faith org 2', 'organization', 'Faith org 2'], ['Elena Singh', null, null]]);
    // Named organisations are in the cohort even without their people.
    expect(mapOnly.results[0]!.partners.find((p) => p.id === 'Faith org 18')).toMatchObject({ inCohort: true, tiedToCohort: null });
  });
});

describe('analyzeResults on a map with no path from the action', () => {
  it('says in plain words that, as mapped, the action cannot move the result', () => {
    const small = orThrow(importSystemMapFiles([{ kind: 'map-links', name: 'links.csv', text: 'from,to,polarity\nTrust,Joint projects,+\nFunding,Staff turnover,-\n' }])).value;
    const results = orThrow(importResultsFiles([
      { kind: 'indicators', name: 'ind.csv', text: 'indicator,result,factor,date,value,better\nProjects a year,Stronger partners,Joint projects,2023,4,up\n' },
      { kind: 'actions', name: 'act.csv', text: 'action,result,by,factor,direction\nFund retention,Stronger partners,Ana,Funding,increase\n' },
    ])).value;
    const [result] = analyzeResults(results, { map: small }).results;
    expect(result!.noPath).toEqual([{ action: 'Fund retention', factor: 'Funding', label: 'Funding', shortestPath: null, reason: '"Fund retention" pushes Funding, and no chain of causes on the map leads from it to Joint projects: as mapped, it cannot move this result.' }]);
    expect(result!.flags).toContain('No action of "Stronger partners" pushes a factor within 3 links of what its indicators measure: as mapped, none of them can move the curve.');
  });
});
