import { describe, expect, it } from 'vitest';
import {
  categoricalAttributes,
  communitySummaries,
  describingAttributes,
  groupName,
  groupTraits,
} from '../../../src/engine/analysis/community-summaries.ts';
import { runAnalysis } from '../../../src/engine/analysis/run-analysis.ts';
import type { Dataset } from '../../../src/engine/core/model/dataset.ts';
import type { Attributes } from '../../../src/engine/core/model/records.ts';

function dataset(people: Record<string, Attributes>, ties: Array<[string, string]>): Dataset {
  return {
    format: 'netweave-dataset',
    version: 1,
    name: 'groups',
    people: Object.entries(people).map(([id, attributes]) => ({ id, label: id, attributes })),
    relations: [],
    ties: ties.map(([source, target]) => ({ source, target, relation: 'tie', directed: false, weight: 1 })),
    attendance: [],
    mentorships: [],
  };
}

const ALL = new Set(['sector', 'region', 'organization']);

describe('group names', () => {
  it('names a group by the top values of the one or two attributes a clear majority shares', () => {
    const top = {
      sector: [{ value: 'Philanthropy', count: 7 }, { value: 'Business', count: 3 }],
      region: [{ value: 'Downtown', count: 9 }, { value: 'Riverside', count: 1 }],
      organization: [{ value: 'Riverbend Fund', count: 6 }, { value: 'Oak Trust', count: 4 }],
    };
    const traits = groupTraits(10, top, ALL);
    // The largest shares first; a third attribute is left out even when it is a majority.
    expect(traits.map((t) => [t.attribute, t.value, t.share])).toEqual([['region', 'Downtown', 0.9], ['sector', 'Philanthropy', 0.7]]);
    expect(groupName(3, traits)).toBe('Group 3 · mostly Downtown, Philanthropy');
  });

  it('says only what a clear majority shares, and falls back to the number', () => {
    const split = { sector: [{ value: 'Philanthropy', count: 5 }, { value: 'Business', count: 5 }] };
    expect(groupTraits(10, split, ALL)).toEqual([]);
    expect(groupName(4, groupTraits(10, split, ALL))).toBe('Group 4');
    // Just under the bar (6 of 11 = 55%): not "mostly".
    expect(groupTraits(11, { sector: [{ value: 'Philanthropy', count: 6 }] }, ALL)).toEqual([]);
    expect(groupTraits(10, { sector: [{ value: 'Philanthropy', count: 6 }] }, ALL).map((t) => t.value)).toEqual(['Philanthropy']);
  });

  it('does not describe groups of one or two people, or by attributes that cannot name a group', () => {
    expect(groupTraits(2, { sector: [{ value: 'Business', count: 2 }] }, ALL)).toEqual([]);
    expect(groupTraits(10, { skills: [{ value: 'facilitation', count: 9 }] }, ALL)).toEqual([]);
  });

  it('does not say the same value twice', () => {
    const top = { region: [{ value: 'Riverbend', count: 9 }], organization: [{ value: 'riverbend', count: 8 }], sector: [{ value: 'Business', count: 7 }] };
    expect(groupTraits(10, top, ALL).map((t) => t.value)).toEqual(['Riverbend', 'Business']);
  });

  it('names groups by single-valued, non yes/no categorical attributes only', () => {
    const people: Dataset['people'] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({
      id,
      label: id,
      attributes: {
        sector: i < 3 ? 'Business' : 'Government',
        skills: i % 2 ? ['facilitation', 'budgets'] : ['facilitation'],
        responded: i % 2 === 0,
        email: `${id}@example.org`,
        since: 2020 + i,
      },
    }));
    const categorical = categoricalAttributes(people);
    expect([...categorical].sort()).toEqual(['responded', 'sector', 'skills']);
    expect([...describingAttributes(people, categorical)]).toEqual(['sector']);
  });

  it('never names a group by a consent column, even one with answers netweave does not know', () => {
    const people: Dataset['people'] = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, label: id, attributes: { sector: i < 2 ? 'Business' : 'Youth', 'Consent to share': ['yes', 'maybe later', 'no', 'yes'][i]! } }));
    expect([...describingAttributes(people, new Set(['sector', 'Consent to share']))]).toEqual(['sector']);
  });
});

describe('community summaries', () => {
  // Two triangles of three, joined by one tie: Business Downtown and Government Riverside.
  const people: Record<string, Attributes> = {
    a: { sector: 'Business', region: 'Downtown' },
    b: { sector: 'Business', region: 'Downtown' },
    c: { sector: 'Business', region: 'Riverside' },
    d: { sector: 'Government', region: 'Riverside' },
    e: { sector: 'Government', region: 'Riverside' },
    f: { sector: 'Government', region: 'Riverside' },
    g: { sector: 'Nonprofit', region: 'Downtown' },
  };
  const ties: Array<[string, string]> = [['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'e'], ['e', 'f'], ['d', 'f'], ['c', 'd']];

  it('numbers groups from 1 as the community column does, and names them', () => {
    const ds = dataset(people, ties);
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const community = Float64Array.from([1, 1, 1, 2, 2, 2, 3]);
    const index = new Map(ids.map((id, i) => [id, i]));
    const summaries = communitySummaries({
      dataset: ds,
      ids,
      community,
      communities: 3,
      directed: false,
      edgeSource: Int32Array.from(ties, ([s]) => index.get(s)!),
      edgeTarget: Int32Array.from(ties, ([, t]) => index.get(t)!),
    });
    expect(summaries.map((s) => [s.id, s.size, s.members])).toEqual([[1, 3, ['a', 'b', 'c']], [2, 3, ['d', 'e', 'f']], [3, 1, ['g']]]);
    expect(summaries.map((s) => s.name)).toEqual(['Group 1 · mostly Business, Downtown', 'Group 2 · mostly Government, Riverside', 'Group 3']);
    expect(summaries.map((s) => [s.internalEdges, s.externalEdges])).toEqual([[3, 1], [3, 1], [0, 0]]);
  });

  it('agrees with the analysis: the community column and the summaries number the same groups', async () => {
    const result = await runAnalysis(dataset(people, ties));
    const column = result.table.columns.community;
    expect(Math.min(...column)).toBe(1);
    expect(result.communities.map((c) => c.id)).toEqual(result.communities.map((_, i) => i + 1));
    for (const group of result.communities) {
      for (const id of group.members) expect(column[result.table.ids.indexOf(id)]).toBe(group.id);
    }
    // The isolate is a group of its own, the smallest, so the last.
    expect(result.communities.at(-1)).toMatchObject({ members: ['g'], name: `Group ${result.communities.length}` });
    // The only tie between the two triangles, numbered as in the table.
    const [groupC, groupD] = [column[result.table.ids.indexOf('c')]!, column[result.table.ids.indexOf('d')]!];
    expect(result.insights!.cutPoints.soleCommunityLinks).toEqual([
      { source: expect.any(String), target: expect.any(String), communities: [Math.min(groupC, groupD), Math.max(groupC, groupD)] },
    ]);
  });
});
