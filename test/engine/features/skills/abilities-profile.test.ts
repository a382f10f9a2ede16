/**
 * Abilities profile and position: statistics, strengths and growth areas (flat profiles have
 * none; too few answers count for nothing), Spearman's rho, untapped people, and the report's
 * `abilities` section on the fixture network.
 */
import { describe, expect, it } from 'vitest';
import { abilityStats, groupProfiles, strengthsAndGrowth } from '../../../../src/engine/features/skills/abilities-profile.ts';
import { abilityPosition, averageRanks, furtherOutText, sortedScores, spearman } from '../../../../src/engine/features/skills/ability-position.ts';
import { importAbilities } from '../../../../src/engine/features/skills/abilities-import.ts';
import { skillsReport } from '../../../../src/engine/features/skills/skills-report.ts';
import type { AbilityAssessment } from '../../../../src/engine/core/model/abilities.ts';
import { LEADERSHIP_SCALE } from '../../../../src/engine/features/skills/leadership-abilities.ts';
import { abilitiesRead, analyse, fixtureDataset, fixtureText, handMade } from './helpers.ts';

const scale = LEADERSHIP_SCALE;
const stats = (values: number[]) => abilityStats(values, scale);

describe('ability statistics', () => {
  it('gives mean, median, n and the distribution over the scale', () => {
    expect(stats([1, 2, 2, 5])).toEqual({ mean: 2.5, median: 2, n: 4, distribution: [1, 2, 0, 0, 1] });
    expect(stats([3.5, 4])).toEqual({ mean: 3.75, median: 3.75, n: 2, distribution: [0, 0, 0, 2, 0] });
    expect(stats([])).toEqual({ mean: null, median: null, n: 0, distribution: [0, 0, 0, 0, 0] });
  });

  it('names strengths and growth areas only with enough answers and a profile that is not flat', () => {
    const order = ['A', 'B', 'C', 'D'];
    const profile = { A: stats([5, 5, 4]), B: stats([4, 5, 5]), C: stats([2, 2, 1]), D: stats([1, 1]) };
    expect(strengthsAndGrowth(profile, order)).toEqual({ strengths: ['A', 'B'], growthAreas: ['C'] });
    expect(strengthsAndGrowth(profile, order, { minRespondents: 2 })).toEqual({ strengths: ['A', 'B'], growthAreas: ['D'] });
    expect(strengthsAndGrowth({ A: stats([3, 3, 3]), B: stats([3, 3, 3.5]) }, ['A', 'B'])).toEqual({ strengths: [], growthAreas: [] });
    expect(strengthsAndGrowth({ A: stats([3, 3, 3]), B: stats([3, 3, 4]) }, ['A', 'B'])).toEqual({ strengths: ['B'], growthAreas: ['A'] });
    expect(strengthsAndGrowth({ A: stats([5]), B: stats([1]) }, ['A', 'B'])).toEqual({ strengths: [], growthAreas: [] });
  });

  it('profiles groups of people', () => {
    const assessment: AbilityAssessment = {
      format: 'netweave-abilities',
      version: 1,
      abilities: ['Convening', 'Sharing'],
      scale,
      responses: [
        { person: 'x', written: 'x', scores: { Convening: 5, Sharing: 1 }, attributes: {} },
        { person: 'y', written: 'y', scores: { Convening: 4, Sharing: null }, attributes: {} },
      ],
    };
    const [g] = groupProfiles(assessment, [{ key: 'k', label: 'K', members: ['x', 'y', 'z'] }]);
    expect(g).toMatchObject({ key: 'k', label: 'K', size: 3, respondents: 2 });
    expect(g!.abilities.Convening!.mean).toBe(4.5);
    expect(g!.abilities.Sharing!.n).toBe(1);
  });
});

describe('abilities and network position', () => {
  it('computes Spearman rank correlation with average ranks for ties', () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    // scipy.stats.spearmanr([1,2,2,3,5],[2,1,4,3,5]) = 0.6668859288553503
    expect(spearman([1, 2, 2, 3, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.6668859288553503, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1, 2], [1, 2])).toBeNull();
  });

  it('says how far out a periphery score is in words, against everyone else', () => {
    const hundred = sortedScores(Float64Array.from({ length: 100 }, (_, i) => i / 100));
    expect(furtherOutText(hundred, 0.95)).toBe('further out than 9 in 10 people');
    expect(furtherOutText(hundred, 0.84)).toBe('further out than 8 in 10 people');
    expect(furtherOutText(hundred, 0.99)).toBe('further out than anyone else');
    expect(furtherOutText(hundred, 0.05)).toBe('further out than fewer than 1 in 10 people');
    expect(furtherOutText(hundred, 0)).toBe('no further out than anyone else');
    const five = sortedScores([0.1, 0.2, 0.2, 0.9, Number.NaN, 0.3]);
    expect(furtherOutText(five, 0.3)).toBe('further out than 3 of the 4 others');
    expect(furtherOutText(five, 0.2)).toBe('further out than 1 of the 4 others');
    expect(furtherOutText(sortedScores([0.5]), 0.5)).toBe('');
  });

  it('lists untapped people: a high score at the edge of the network, with reasons', () => {
    const net = handMade({ a: {}, b: {}, c: {}, d: {} }, [['a', 'b'], ['b', 'c'], ['c', 'd']], {}, ['a', 'd']);
    const assessment: AbilityAssessment = {
      format: 'netweave-abilities',
      version: 1,
      abilities: ['Sharing', 'Convening'],
      scale,
      responses: [
        { person: 'a', written: 'A', scores: { Sharing: 2, Convening: 5 }, attributes: {} },
        { person: 'b', written: 'B', scores: { Sharing: 5, Convening: 5 }, attributes: {} },
        { person: 'd', written: 'D', scores: { Sharing: 5, Convening: 4 }, attributes: {} },
      ],
    };
    const ids = net.csr.ids;
    const { untapped, position } = abilityPosition(assessment, {
      ids,
      labels: ids.map((id) => id.toUpperCase()),
      peripheral: Uint8Array.from(ids, (id) => (id === 'a' || id === 'd' ? 1 : 0)),
      peripheryScore: Float64Array.from(ids, (id) => (id === 'a' ? 0.9 : id === 'd' ? 0.8 : 0.1)),
      coreScore: Float64Array.from(ids, (id) => (id === 'b' ? 0.6 : 0.1)),
      contacts: Float64Array.from(ids, (id) => (id === 'a' || id === 'd' ? 1 : 2)),
      reasons: new Map([['a', ['one tie, to B.']]]),
    });
    expect(untapped.map((u) => u.label)).toEqual(['untapped conveners', 'untapped sharers']);
    expect(untapped[0]!.people.map((p) => [p.id, p.score])).toEqual([['a', 5], ['d', 4]]);
    expect(untapped[0]!.people[0]!.reasons).toEqual(['rates Convening 5 of 5', 'sits at the edge of the network: one tie, to B']);
    // In words against everyone else's score, never "periphery score 0.80".
    expect(untapped[0]!.people[1]!.reasons[1]).toBe('sits at the edge of the network (1 tie, further out than 2 of the 3 others)');
    expect(untapped[1]!.people.map((p) => p.id)).toEqual(['d']);
    expect(position.find((p) => p.ability === 'Convening')).toMatchObject({ n: 3, high: 3, highPeripheral: 2 });
  });
});

describe('the abilities section of the report', () => {
  const run = analyse(fixtureDataset());
  const assessment = abilitiesRead(importAbilities({ name: 'abilities-good.csv', text: fixtureText('abilities-good.csv') }, run.dataset.people)).assessment!;
  const report = skillsReport(run.dataset, run.csr, run.table, run.insights, { abilities: assessment });
  const abilities = report.abilities!;

  it('is there only when an assessment is given', () => {
    expect(skillsReport(run.dataset, run.csr, run.table, run.insights).abilities).toBeUndefined();
    expect(abilities.people).toBe(13);
    expect(abilities.respondents).toBe(8);
    expect(abilities.settings).toMatchObject({ highScore: 4, minRespondents: 3, margin: 0.25 });
  });

  it('profiles the network, each community and each grouping attribute', () => {
    expect(abilities.overall.respondents).toBe(8);
    expect(abilities.overall.abilities.Convening!.n).toBe(8);
    expect(abilities.overall.abilities.Convening!.mean).toBeCloseTo((4 + 4 + 2 + 5 + 4 + 4 + 2 + 3) / 8);
    expect(abilities.byCommunity.map((c) => c.respondents).reduce((a, b) => a + b, 0)).toBe(8);
    expect(Object.keys(abilities.byAttribute)).toEqual(expect.arrayContaining(['organization', 'sector']));
    const edge = abilities.byAttribute['organization']!.find((g) => g.key === 'Edge')!;
    expect(edge).toMatchObject({ size: 3, respondents: 2, strengths: [], growthAreas: [] });
    const alpha = abilities.byAttribute['organization']!.find((g) => g.key === 'Alpha')!;
    expect(alpha.respondents).toBe(3);
    // Engagement 4.17 and Collaboration 4.0 lead; Advocating (2.0) trails, Sharing (2.33) is not within 0.25 of it.
    expect(alpha.strengths).toEqual(['Engagement', 'Collaboration']);
    expect(alpha.growthAreas).toEqual(['Advocating']);
  });

  it('lists individuals and untapped conveners at the edge', () => {
    expect(abilities.individuals.find((p) => p.id === 'p1')).toMatchObject({ label: 'Kai Kim', peripheral: true, scores: { Convening: 5, Advocating: null } });
    const conveners = abilities.untapped.find((u) => u.ability === 'Convening')!;
    expect(conveners.label).toBe('untapped conveners');
    expect(conveners.people.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(conveners.people[0]!.reasons[0]).toBe('rates Convening 5 of 5');
    expect(abilities.untapped[0]!.ability).toBe('Convening');
  });
});
