import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { actorOverlay } from '../../../../src/engine/features/systemmap/actors.ts';
import { analyzeSystemMap } from '../../../../src/engine/features/systemmap/analyze-systemmap.ts';
import { importSystemMapCsv } from '../../../../src/engine/features/systemmap/import-csv.ts';
import { importFiles } from '../../../../src/engine/io/import-files.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { factorLeverage } from '../../../../src/engine/features/systemmap/leverage.ts';
import { findFeedbackLoops } from '../../../../src/engine/features/systemmap/loops.ts';
import { emptyDataset } from '../../../../src/engine/core/model/dataset.ts';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import { COALITION_DIR as shared } from '../../../helpers/samples.ts';
import { fixture, mapRead, smallMap } from './helpers.ts';

// X <-> Y is a loop; Z -> X; W stands alone.
function overlayMap() {
  const map = smallMap(['X', 'Y', 'Z', 'W'], [
    ['X', 'Y', '+'],
    ['Y', 'X', '-'],
    ['Z', 'X', '+'],
  ]);
  map.actors = ['Org 1', 'Org 2', 'Org 3', 'Ana Ruiz', 'Org 4'].map((id) => ({ id, label: id, attributes: {} }));
  map.worksOn = [
    { actor: 'Org 1', factor: 'X' },
    { actor: 'Org 2', factor: 'X' },
    { actor: 'Org 2', factor: 'Y' },
    { actor: 'Org 3', factor: 'Y' },
    { actor: 'Ana Ruiz', factor: 'Y' },
    { actor: 'Org 4', factor: 'X' },
  ];
  return map;
}

function people(): Dataset {
  const dataset = emptyDataset('people');
  dataset.people = [
    { id: 'p1', label: 'Pat', attributes: { organization: 'Org 1' } },
    { id: 'p2', label: 'Sam', attributes: { organization: 'org 2' } },
    { id: 'p3', label: 'Lee', attributes: { organization: 'Org 3' } },
    { id: 'p4', label: 'Ana Ruiz', attributes: { organization: 'Org 9' } },
    { id: 'p5', label: 'Kim', attributes: { organization: 'Org 1' } },
  ];
  dataset.ties = [
    { source: 'p2', target: 'p3', relation: 'advice', directed: true, weight: 1 },
    { source: 'p5', target: 'p3', relation: 'friendship', directed: false, weight: 1 },
    { source: 'p5', target: 'p1', relation: 'friendship', directed: false, weight: 1 },
  ];
  return dataset;
}

describe('actorOverlay', () => {
  const map = overlayMap();
  const loops = findFeedbackLoops(map);
  const leverage = factorLeverage(map, loops).factors;

  it('lists who works on what', () => {
    const overlay = actorOverlay(map, { loops, leverage });
    expect(overlay.coverage.map((c) => [c.factor, c.actors])).toEqual([
      ['X', ['Org 1', 'Org 2', 'Org 4']],
      ['Y', ['Org 2', 'Org 3', 'Ana Ruiz']],
      ['Z', []],
      ['W', []],
    ]);
    expect(overlay.actors.find((a) => a.id === 'Org 2')!.factors).toEqual(['X', 'Y']);
    expect(overlay.notes).toContain('No people network was given, so no introductions are suggested.');
  });

  it('gaps: factors in loops that no one works on; thresholds are options', () => {
    const noGaps = actorOverlay(map, { loops, leverage });
    expect(noGaps.gaps).toEqual([]);
    const uncovered = structuredClone(map);
    uncovered.worksOn = uncovered.worksOn.filter((e) => e.factor !== 'Y');
    const overlay = actorOverlay(uncovered, { loops, leverage });
    expect(overlay.gaps).toMatchObject([{ factor: 'Y', actors: 0, loops: 1, balancingLoops: 1 }]);
    expect(overlay.gaps[0]!.reason).toMatch(/^It sits in 1 feedback loop \(0 reinforcing, 1 balancing\) but no actor works on it/);
    // Z and W are in no loop: never gaps unless asked.
    expect(actorOverlay(uncovered, { loops }, { gapMinLoops: 0 }).gaps.map((g) => g.factor)).toEqual(['Y', 'Z', 'W']);
    expect(actorOverlay(map, { loops }, { gapMaxActors: 3 }).gaps.map((g) => g.factor)).toEqual(['X', 'Y']);
  });

  it('introductions: organisations on the same factor whose people have no tie', () => {
    const overlay = actorOverlay(map, { loops, leverage }, { people: people() });
    expect(overlay.organizationAttribute).toBe('organization');
    expect(overlay.actors.map((a) => [a.id, a.matchedAs, a.people])).toEqual([
      ['Org 1', 'organization', ['p1', 'p5']],
      ['Org 2', 'organization', ['p2']],
      ['Org 3', 'organization', ['p3']],
      ['Ana Ruiz', 'person', ['p4']],
      ['Org 4', null, []],
    ]);
    expect(overlay.unmatchedActors).toEqual(['Org 4']);
    // X: Org 1 and Org 2 are not tied. Y: Org 2 - Org 3 tied (advice), Ana Ruiz tied to neither.
    expect(overlay.introductions.map((i) => [i.actors, i.factors])).toEqual([
      [['Org 1', 'Org 2'], ['X']],
      [['Org 2', 'Ana Ruiz'], ['Y']],
      [['Org 3', 'Ana Ruiz'], ['Y']],
    ]);
    expect(overlay.introductions[0]!.people).toEqual([['p5', 'p1'], ['p2']]);
    expect(overlay.introductions[0]!.reason).toBe('Org 1 and Org 2 both work on X, but no one in one has a tie to anyone in the other.');
    expect(overlay.notes.join(' ')).toContain('1 of 5 actors have no one in the people network');
  });

  it('counts only the chosen relations as ties', () => {
    const overlay = actorOverlay(map, { loops }, { people: people(), relations: ['friendship'] });
    expect(overlay.introductions.map((i) => i.actors)).toContainEqual(['Org 2', 'Org 3']);
  });

  it('uses the organisation attribute it is told to', () => {
    const dataset = people();
    for (const p of dataset.people) p.attributes = { employer: p.attributes.organization ?? null };
    expect(actorOverlay(map, { loops }, { people: dataset }).organizationAttribute).toBe('employer');
    const none = actorOverlay(map, { loops }, { people: dataset, organizationAttribute: 'team' });
    expect(none.organizationAttribute).toBeNull();
    expect(none.notes[0]).toContain('No person has the attribute "team"');
  });
});

describe('the coalition sample with its people', () => {
  it('suggests introductions between organisations whose members have never collaborated (data/samples/coalition)', () => {
    const { map } = mapRead(importSystemMapCsv({ links: fixture('coalition/links.csv'), factors: fixture('coalition/factors.csv'), actors: fixture('coalition/actors.csv') }));
    const { value: dataset } = orThrow(importFiles([{ name: 'people.csv', text: readFileSync(`${shared}people.csv`, 'utf8') }]));
    const truthPeople = JSON.parse(readFileSync(`${shared}truth/people.json`, 'utf8')) as Array<{ id: string; name: string }>;
    const truthTies = JSON.parse(readFileSync(`${shared}truth/ties.json`, 'utf8')) as Record<string, Array<[string, string]>>;
    const name = new Map(truthPeople.map((p) => [p.id, p.name]));
    dataset.ties = truthTies.collaborate!.map(([a, b]) => ({ source: name.get(a)!, target: name.get(b)!, relation: 'collaborate', directed: false, weight: 1 }));
    const report = analyzeSystemMap(map, { people: dataset, maxIntroductions: 1000 });
    expect(report.settings.organizationAttribute).toBe('organization');
    expect(report.introductions.length).toBeGreaterThan(0);
    // Every suggested pair really has no collaboration tie between their members.
    const org = new Map(dataset.people.map((p) => [p.id, p.attributes.organization as string]));
    const tied = new Set(dataset.ties.flatMap((t) => [`${org.get(t.source)}|${org.get(t.target)}`, `${org.get(t.target)}|${org.get(t.source)}`]));
    for (const intro of report.introductions) expect(tied.has(intro.actors.join('|'))).toBe(false);
  });
});
