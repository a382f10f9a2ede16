import { describe, expect, it } from 'vitest';
import { GroupColors, assignSlots, matchGroups, type GroupMembers } from '../../src/viz/map/group-colors.ts';

const groups = (...lists: string[][]): GroupMembers[] => lists.map((members, i) => ({ id: i + 1, members }));
const letters = (text: string): string[] => text.split('');

describe('matching groups across analyses', () => {
  it('pairs each new group with the previous group it shares most of, by Jaccard', () => {
    const before = groups(letters('abcdef'), letters('ghij'), letters('klm'));
    // Renumbered: the old second group is now the largest, the first lost two people.
    const after = groups(letters('ghijno'), letters('abcd'), letters('klm'));
    expect(matchGroups(before, after)).toEqual([
      { next: 2, previous: 2, jaccard: 1 },
      { next: 0, previous: 1, jaccard: 4 / 6 },
      { next: 1, previous: 0, jaccard: 4 / 6 },
    ]);
  });

  it('is greedy: the best overlap wins, a group split in two keeps its match in the larger part', () => {
    const before = groups(letters('abcdefgh'));
    const after = groups(letters('abcde'), letters('fgh'));
    expect(matchGroups(before, after)).toEqual([{ next: 0, previous: 0, jaccard: 5 / 8 }]);
  });

  it('matches nothing below the minimum overlap', () => {
    const before = groups(letters('abcdefghij'));
    const after = groups(['a', 'x', 'y', 'z', 'w', 'v', 'u', 't', 's', 'r', 'q']);
    expect(matchGroups(before, after)).toEqual([]);
    expect(matchGroups(before, after, 0.01)).toHaveLength(1);
  });
});

describe('colour slots', () => {
  it('follow the rank on a first analysis', () => {
    expect(assignSlots(groups(['a'], ['b'], ['c']), null, 4)).toEqual([0, 1, 2]);
  });

  it('stay with the matched group when the numbers change', () => {
    const before = groups(letters('abcdef'), letters('ghij'), letters('klm'));
    const after = groups(letters('ghijno'), letters('abcd'), letters('klm'));
    expect(assignSlots(after, { groups: before, slots: [0, 1, 2] }, 8)).toEqual([1, 0, 2]);
  });

  it('give a new group a colour nobody had, then one freed by a group that is gone, then "other"', () => {
    const before = groups(letters('abc'), letters('def'), letters('ghi'));
    // def is gone; two new groups appear.
    const after = groups(letters('abc'), letters('xyz'), letters('ghi'), letters('uvw'));
    expect(assignSlots(after, { groups: before, slots: [0, 1, 2] }, 4)).toEqual([0, 3, 2, 1]);
    // A palette of three: the freed colour, then "other" (beyond the palette).
    expect(assignSlots(after, { groups: before, slots: [0, 1, 2] }, 3)).toEqual([0, 1, 2, 3]);
  });

  it('let a group that was "other" take a free colour', () => {
    const before = groups(letters('abc'), letters('def'));
    const after = groups(letters('def'));
    expect(assignSlots(after, { groups: before, slots: [0, 5] }, 4)).toEqual([1]);
  });
});

describe('GroupColors', () => {
  it('remembers the last analysis of the open project, and starts over for another project', () => {
    const colors = new GroupColors(8);
    const wave1 = groups(letters('abcd'), letters('efg'), letters('hi'));
    const wave2 = groups(letters('efgx'), letters('abc'), letters('hi'));
    expect(colors.update('p1', wave1)).toEqual([0, 1, 2]);
    expect(colors.update('p1', wave2)).toEqual([1, 0, 2]);
    // Back to the first wave: the colours come back with their people.
    expect(colors.update('p1', wave1)).toEqual([0, 1, 2]);
    expect(colors.update('p2', wave2)).toEqual([0, 1, 2]);
  });
});
