/**
 * Comparing waves: ties gained and lost, per-person change and who moved in from the edge, the
 * indicators for every wave; naming survey waves; the report's `change` section.
 */
import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../helpers/report.ts';
import { changeSection, compareWaves, INDICATORS } from '../../../src/engine/analysis/compare-waves.ts';
import { nameSurveyWaves } from '../../../src/engine/features/change/name-waves.ts';
import { listWaves, waveDataset } from '../../../src/engine/features/change/waves.ts';
import { runSurveyImport } from '../../../src/engine/features/survey/run-survey-import.ts';
import { orThrow } from '../../../src/engine/core/util/result.ts';
import type { Tie } from '../../../src/engine/core/model/records.ts';
import { dataset, person } from '../features/convenings/helpers.ts';

const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const sector = (id: string): string => (['A', 'B', 'C', 'D'].includes(id) ? 'Government' : 'Nonprofit');
const tie = (source: string, target: string, wave: string): Partial<Tie> & { source: string; target: string } => ({ source, target, wave, relation: 'collaborate' });
const w1 = [tie('A', 'B', 'w1'), tie('B', 'C', 'w1'), tie('C', 'A', 'w1'), tie('C', 'D', 'w1'), tie('D', 'A', 'w1'), tie('B', 'D', 'w1'), tie('G', 'H', 'w1'), tie('F', 'G', 'w1')];
const w2 = [tie('A', 'B', 'w2'), tie('B', 'C', 'w2'), tie('C', 'A', 'w2'), tie('C', 'D', 'w2'), tie('D', 'A', 'w2'), tie('B', 'D', 'w2'), tie('E', 'A', 'w2'), tie('E', 'B', 'w2'), tie('E', 'C', 'w2'), tie('G', 'H', 'w2'), tie('H', 'A', 'w2')];
const data = dataset(
  ids.map((id) => person(id, { sector: sector(id) })),
  [...w1, ...w2, { source: 'A', target: 'F', relation: 'co-attendance' }],
);

describe('waves', () => {
  it('lists waves in order and cuts one out (ties without a wave belong to none)', () => {
    expect(listWaves(data)).toEqual(['w1', 'w2']);
    const one = waveDataset(data, 'w1');
    expect(one.ties).toHaveLength(8);
    expect(one.people).toHaveLength(8);
  });

  it('compares two waves: gained, lost, indicators side by side', () => {
    const change = compareWaves(data);
    expect(change.from).toBe('w1');
    expect(change.to).toBe('w2');
    expect(change.gained).toEqual([
      ['A', 'E'],
      ['A', 'H'],
      ['B', 'E'],
      ['C', 'E'],
    ]);
    expect(change.lost).toEqual([['F', 'G']]);
    expect(change.indicators.ties).toEqual([8, 11]);
    expect(change.indicators.density).toEqual([8 / 28, 11 / 28].map((x) => Math.round(x * 1e6) / 1e6));
    expect(change.indicators.components).toEqual([3, 2]);
    expect(change.indicators.isolates).toEqual([1, 1]);
    // Cross-sector pairs: w1 has F-G, G-H only inside Nonprofit and none across: 0; w2: E-A, E-B, E-C, H-A.
    expect(change.settings.groups).toEqual({ kind: 'attribute', name: 'sector' });
    expect(change.indicators.crossGroupShare).toEqual([0, Math.round((4 / 11) * 1e6) / 1e6]);
    expect(Object.keys(change.indicators)).toEqual([...INDICATORS]);
    expect(change.waves.map((w) => w.wave)).toEqual(['w1', 'w2']);
  });

  it('per person: degree, coreness and who moved in from the edge', () => {
    const change = compareWaves(data);
    const e = change.people.find((p) => p.id === 'E')!;
    expect(e.degree).toEqual([0, 3]);
    expect(e.coreness).toEqual([0, 3]);
    expect(e.peripheral).toEqual([true, false]);
    expect(change.movedInward).toContain('E');
    expect(change.movedInward).not.toContain('A');
    expect(change.people.map((p) => p.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
  });

  it('compares any two waves and says when a wave is missing', () => {
    const three = dataset(data.people, [...w1, ...w2, tie('A', 'F', 'w3')]);
    expect(compareWaves(three, { from: 'w1', to: 'w3' }).gained).toEqual([['A', 'F']]);
    expect(compareWaves(three).from).toBe('w2');
    expect(compareWaves(three).waves).toHaveLength(3);
    expect(() => compareWaves(three, { from: 'w1', to: 'w9' })).toThrow('change: no ties carry the wave "w9" (waves: "w1", "w2", "w3").');
    expect(() => compareWaves(dataset(data.people, w1))).toThrow(/comparing needs two waves; this dataset has only "w1"/);
    expect(changeSection(dataset(data.people, w1))).toBeUndefined();
  });

  it("uses the first wave's communities when no attribute forms groups", () => {
    const plain = dataset(ids.map((id) => person(id)), [...w1, ...w2]);
    const change = compareWaves(plain);
    expect(change.settings.groups).toEqual({ kind: 'communities', name: 'w1' });
    expect(change.indicators.crossGroupShare[0]).toBe(0);
  });

  it('becomes the report\'s change section, on the waved relations only', async () => {
    const report = await analyzeReport(data, { seed: 7 });
    expect(report.change?.gained).toHaveLength(4);
    expect(report.change?.settings.relations).toEqual(['collaborate']);
    expect((await analyzeReport(data, { change: false })).change).toBeUndefined();
    expect((await analyzeReport(data, { relations: ['co-attendance'] })).change).toBeUndefined();
  });
});

describe('nameSurveyWaves', () => {
  const survey = (rows: string[]) => ({ name: 'wave.csv', text: ['Name,Who do you collaborate with?', ...rows].join('\n') });
  it('names several survey waves in the order given', () => {
    const run = orThrow(
      runSurveyImport({
        surveys: [
          { ...survey(['Ana Ruiz,Ben Ode', 'Ben Ode,Ana Ruiz']), name: 'a/survey.csv' },
          { ...survey(['Ana Ruiz,Cy Ng', 'Cy Ng,Ben Ode']), name: 'b/survey.csv' },
        ],
      }),
    ).value;
    const named = nameSurveyWaves(run, ['spring', 'autumn']);
    expect(listWaves(named.dataset)).toEqual(['spring', 'autumn']);
    expect(named.resolution.map((r) => r.wave)).toEqual(['spring', 'spring', 'autumn', 'autumn']);
    expect(named.dataset.people.find((p) => p.id === 'Ana Ruiz')!.attributes.respondedIn).toEqual(['spring', 'autumn']);
    expect(compareWaves(named.dataset).gained).toEqual([
      ['Ana Ruiz', 'Cy Ng'],
      ['Ben Ode', 'Cy Ng'],
    ]);
  });

  it('names a single survey wave too', () => {
    const run = orThrow(runSurveyImport({ surveys: [survey(['Ana Ruiz,Ben Ode'])] })).value;
    const named = nameSurveyWaves(run, ['baseline']);
    expect(named.dataset.ties.every((t) => t.wave === 'baseline')).toBe(true);
    expect(named.dataset.people.find((p) => p.id === 'Ben Ode')!.attributes.respondedIn).toEqual([]);
  });
});
