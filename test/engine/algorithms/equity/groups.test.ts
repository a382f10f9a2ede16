import { describe, expect, it } from 'vitest';
import { groupBy, groupLabel } from '../../../../src/engine/algorithms/equity/groups.ts';
import { hypergeometricUpperTail } from '../../../../src/engine/algorithms/equity/equity-view.ts';

describe('grouping by an attribute', () => {
  it('reads text, numbers, flags and lists; empty cells have no group', () => {
    expect(groupLabel(' North ')).toBe('North');
    expect(groupLabel(3)).toBe('3');
    expect(groupLabel(false)).toBe('false');
    expect(groupLabel(['b', 'a', 'b'])).toBe('a; b');
    expect(groupLabel(['solo'])).toBe('solo');
    expect(groupLabel([])).toBeNull();
    expect(groupLabel('')).toBeNull();
    expect(groupLabel(null)).toBeNull();
    expect(groupLabel(undefined)).toBeNull();
  });

  it('numbers groups largest first, then by name', () => {
    const attrs: Record<string, { region?: string }> = { a: { region: 'South' }, b: { region: 'North' }, c: { region: 'South' }, d: {}, e: { region: 'East' } };
    const g = groupBy(['a', 'b', 'c', 'd', 'e'], 'region', (id) => attrs[id]);
    expect(g.labels).toEqual(['South', 'East', 'North']);
    expect(Array.from(g.group)).toEqual([0, 2, 0, -1, 1]);
    expect(g.sizes).toEqual([2, 1, 1]);
    expect(g.unknown).toBe(1);
  });
});

describe('hypergeometric tail', () => {
  it('matches direct counting', () => {
    // 10 people, 4 peripheral, a group of 3 with 2 peripheral: P(X >= 2) = (C(4,2)C(6,1) + C(4,3)) / C(10,3).
    expect(hypergeometricUpperTail(10, 4, 3, 2)).toBeCloseTo((6 * 6 + 4) / 120, 12);
    expect(hypergeometricUpperTail(10, 4, 3, 0)).toBeCloseTo(1, 12);
  });
});
