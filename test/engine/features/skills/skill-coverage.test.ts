/**
 * Coverage rules on a hand-made network where each rule has one skill planted for it:
 * two cliques a (a1-a4) and b (b1-b4), a triangle c (c1-c3), an isolate z; ties a4-b1, b4-c1.
 * Peripheral: z and c3.
 *
 * - common: one holder in each of a, b, c: nothing flagged.
 * - mostly: a1, a2, b1: missing in c (held in both other communities, not rare); cluster is
 *   held in one of b's two other communities: not more than half, so not missing in b.
 * - edge: z and c3, both peripheral: rare and stranded (all-peripheral).
 * - cluster: a1, a2, a3, all in community a: stranded (one-community), not rare.
 * - solo: a4 alone, central: rare, not stranded.
 */
import { describe, expect, it } from 'vitest';
import { skillsReport } from '../../../../src/engine/features/skills/skills-report.ts';
import { rareThresholdFor } from '../../../../src/engine/features/skills/skill-coverage.ts';
import { handMade } from './helpers.ts';

function network() {
  const people = {
    a1: { skills: ['mostly', 'cluster'], sector: 'Nonprofit' },
    a2: { skills: ['mostly', 'cluster', 'common'], sector: 'Nonprofit' },
    a3: { skills: ['cluster'], sector: 'Government' },
    a4: { skills: ['solo'], sector: 'Government' },
    b1: { skills: ['mostly', 'common'], sector: 'Business' },
    b2: { skills: [], sector: 'Business' },
    b3: { skills: [], sector: 'Business' },
    b4: { skills: [], sector: 'Business' },
    c1: { skills: ['common'], sector: 'Nonprofit' },
    c2: { skills: [], sector: 'Nonprofit' },
    c3: { skills: ['edge'], sector: 'Government' },
    z: { skills: ['edge'], sector: 'Business' },
  };
  const ties: Array<[string, string]> = [];
  for (const team of ['a', 'b']) for (let i = 1; i <= 4; i++) for (let j = i + 1; j <= 4; j++) ties.push([`${team}${i}`, `${team}${j}`]);
  ties.push(['c1', 'c2'], ['c2', 'c3'], ['c1', 'c3'], ['a4', 'b1'], ['b4', 'c1']);
  const community = { a1: 1, a2: 1, a3: 1, a4: 1, b1: 2, b2: 2, b3: 2, b4: 2, c1: 3, c2: 3, c3: 3, z: 4 };
  return handMade(people, ties, community, ['z', 'c3'], ['a1', 'a2', 'b1']);
}

describe('skill coverage', () => {
  const { dataset, csr, table, insights } = network();
  const report = skillsReport(dataset, csr, table, insights, { groupBy: 'sector' }).skills;
  const entry = (skill: string) => report.coverage.find((c) => c.skill === skill)!;

  it('documents the rare threshold: max(2, 3% of the network)', () => {
    expect(rareThresholdFor(12)).toBe(2);
    expect(rareThresholdFor(99)).toBe(2);
    expect(rareThresholdFor(100)).toBe(3);
    expect(rareThresholdFor(1000)).toBe(30);
    expect(rareThresholdFor(1000, { rareShare: 0.01, rareFloor: 1 })).toBe(10);
    expect(rareThresholdFor(1000, { rareThreshold: 4 })).toBe(4);
    expect(report.settings.rareThreshold).toBe(2);
  });

  it('lists holders, counts and spread across communities, sectors and the core/periphery', () => {
    const mostly = entry('mostly');
    expect(mostly.holders).toEqual(['a1', 'a2', 'b1']);
    expect(mostly.count).toBe(3);
    expect(mostly.share).toBeCloseTo(3 / 12);
    expect(mostly.communities).toBe(2);
    expect(mostly.byCommunity).toEqual({ '1': 2, '2': 1 });
    expect(mostly.byAttribute).toEqual({ sector: { Nonprofit: 2, Business: 1 } });
    expect(mostly.position).toMatchObject({ core: 3, peripheral: 0, between: 0 });
    expect(entry('edge').position).toMatchObject({ core: 0, peripheral: 2, between: 0 });
  });

  it('flags rare skills', () => {
    expect(report.rare.sort()).toEqual(['edge', 'solo']);
    expect(entry('cluster').rare).toBe(false);
  });

  it('flags stranded skills: all holders peripheral, or all in one community of several', () => {
    expect(report.stranded.sort()).toEqual(['cluster', 'edge']);
    expect(entry('edge').strandedBecause.map((r) => r.code)).toEqual(['all-peripheral']);
    expect(entry('edge').strandedBecause[0]!.text).toBe('all 2 people with edge (C3 and Z) sit at the edge of the network');
    expect(entry('cluster').strandedBecause).toEqual([
      { code: 'one-community', text: 'all 3 people with cluster are in group 1, one of 3 groups' },
    ]);
    // One central holder: rare, but not stranded.
    expect(entry('solo').stranded).toBe(false);
  });

  it('a one-community skill is not stranded when the network has one community', () => {
    const { dataset: d, csr: c, table: t, insights: i } = network();
    t.columns.community.fill(1);
    const single = skillsReport(d, c, t, i).skills;
    expect(single.coverage.find((e) => e.skill === 'cluster')!.stranded).toBe(false);
    expect(single.gaps).toEqual([]);
  });

  it('finds communities missing a skill most others hold (rare skills left out)', () => {
    expect(entry('mostly').missingIn).toEqual([3]);
    expect(report.gaps).toEqual([{ community: 3, label: 'group 3', size: 3, missing: ['mostly'] }]);
    expect(report.byCommunity['3']!.missing).toEqual(['mostly']);
    expect(entry('edge').missingIn).toEqual([]);
    // c holds "edge" only through c3, who is peripheral.
    expect(report.byCommunity['3']!.edgeOnly).toEqual(['edge']);
    // The isolate's community is too small to be asked about.
    expect(report.byCommunity['4']).toBeUndefined();
  });

  it('builds the skills-by-community matrix with counts, shares and steps to bridge', () => {
    const m = report.matrix;
    expect(m.by).toBe('community');
    expect(m.groups.map((g) => [g.key, g.size])).toEqual([['1', 4], ['2', 4], ['3', 3], ['smaller', 1]]);
    const row = m.skills.indexOf('mostly');
    expect(m.counts[row]).toEqual([2, 1, 0, 0]);
    expect(m.shares[row]).toEqual([0.5, 0.25, 0, 0]);
    // c1 - b4 - b1 holds it: community c is two steps from "mostly"; the isolate has no path.
    expect(m.distance[row]).toEqual([0, 0, 2, null]);
    const sector = report.byAttribute['sector']!;
    expect(sector.groups.map((g) => g.key).sort()).toEqual(['Business', 'Government', 'Nonprofit']);
    expect(sector.counts[sector.skills.indexOf('edge')]![sector.groups.findIndex((g) => g.key === 'Business')]).toBe(1);
  });

  it('gives each person the skills within one and two steps and those out of reach', () => {
    const c2 = report.people!['c2']!;
    expect(c2.holds).toEqual([]);
    expect(c2.oneStep.sort()).toEqual(['common', 'edge']);
    expect(c2.twoSteps).toEqual([]);
    expect(c2.outOfReach.sort()).toEqual(['cluster', 'mostly', 'solo']);
    expect(report.people!['z']!.outOfReach.sort()).toEqual(['cluster', 'common', 'mostly', 'solo']);
    // z, c3 and c3's circle: c1, c2 and b4 (through c1).
    expect(entry('edge').reach.twoSteps).toBeCloseTo(5 / 12);
    expect(entry('edge').reach.unreachable).toBe(0);
    expect(entry('mostly').reach.unreachable).toBeCloseTo(1 / 12);
  });

  it('proposes who in a community could learn the skill it misses', () => {
    const mostly = report.learning.find((l) => l.why === 'missing' && l.skill === 'mostly')!;
    expect(mostly).toMatchObject({ scope: 'community', community: 3, label: 'group 3', text: 'No one in group 3 has mostly, though most other groups do.' });
    // c1 and c2 would each bring it within two steps of c2 and c3; c1 has more contacts; c3 is peripheral.
    expect(mostly.candidates.map((c) => [c.id, c.gain])).toEqual([['c1', 2], ['c2', 2]]);
    expect(mostly.candidates[0]!.reason).toBe('C1 is well connected (3 ties) and belongs to group 3; if they learned mostly, 2 more people would have it within two steps.');
    const edge = report.learning.find((l) => l.skill === 'edge')!;
    expect(edge).toMatchObject({ scope: 'network', why: 'stranded' });
  });

  it('reports every required skill, held or not', () => {
    const required = skillsReport(dataset, csr, table, insights, { required: ['grant writing', 'Cluster'] }).skills;
    expect(required.absent).toEqual(['grant writing']);
    expect(required.coverage.find((c) => c.skill === 'grant writing')!.count).toBe(0);
    expect(required.rare).not.toContain('grant writing');
  });

  it('names a missing group-by attribute', () => {
    expect(() => skillsReport(dataset, csr, table, insights, { groupBy: 'region' })).toThrow(/no attribute named "region"/);
  });
});
