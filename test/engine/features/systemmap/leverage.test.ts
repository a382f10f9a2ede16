import { describe, expect, it } from 'vitest';
import { factorLeverage } from '../../../../src/engine/features/systemmap/leverage.ts';
import { findFeedbackLoops, loopSentence, loopType } from '../../../../src/engine/features/systemmap/loops.ts';
import { smallMap } from './helpers.ts';

// E -> A -> B -> C -> A (one negative link: a balancing loop), and C -> D.
const map = smallMap(
  ['A', 'B', 'C', 'D', 'E'],
  [
    ['A', 'B', '+'],
    ['B', 'C', '+'],
    ['C', 'A', '-'],
    ['C', 'D', '+'],
    ['E', 'A', '+'],
  ],
);

describe('factorLeverage on a small map worked by hand', () => {
  const loops = findFeedbackLoops(map);
  const result = factorLeverage(map, loops);
  const byId = new Map(result.factors.map((f) => [f.id, f]));

  it('counts influence and dependence, loops, and reach in 3 steps', () => {
    expect(result.factors.map((f) => [f.id, f.influence, f.dependence, f.loops, f.balancingLoops, f.reach, f.reachAll])).toEqual([
      ['A', 1, 2, 1, 1, 3, 3],
      ['B', 1, 1, 1, 1, 3, 3],
      ['C', 2, 1, 1, 1, 3, 3],
      ['D', 0, 1, 0, 0, 0, 0],
      ['E', 1, 0, 0, 0, 3, 4],
    ]);
  });

  it('splits the quadrants at the mean (links / factors = 1)', () => {
    expect(result.micmac.mean).toBe(1);
    expect(result.factors.map((f) => [f.id, f.directQuadrant])).toEqual([
      ['A', 'linkage'],
      ['B', 'linkage'],
      ['C', 'linkage'],
      ['D', 'dependent'],
      ['E', 'driving'],
    ]);
    // Indirectly E only drives; D only depends; the totals are rescaled to the direct total.
    expect(byId.get('E')!.quadrant).toBe('driving');
    expect(byId.get('D')!.quadrant).toBe('dependent');
    expect(byId.get('E')!.indirectDependence).toBe(0);
    expect(byId.get('D')!.indirectInfluence).toBe(0);
    const total = result.factors.reduce((s, f) => s + f.indirectInfluence, 0);
    expect(total).toBeCloseTo(5, 12);
    expect(result.micmac.stable).toBe(true);
  });

  it('names the leverage points: driving or linkage factors in a loop, most indirect influence first', () => {
    expect(new Set(result.leveragePoints)).toEqual(new Set(['A', 'B', 'C'].filter((id) => ['driving', 'linkage'].includes(byId.get(id)!.quadrant))));
    for (let i = 1; i < result.leveragePoints.length; i++) {
      expect(byId.get(result.leveragePoints[i - 1]!)!.indirectInfluence).toBeGreaterThanOrEqual(byId.get(result.leveragePoints[i]!)!.indirectInfluence);
    }
  });

  it('uses link strengths in the MICMAC matrix on request', () => {
    const weighted = structuredClone(map);
    weighted.links[3]!.strength = 3;
    const r = factorLeverage(weighted, undefined, { micmacWeights: 'strength' });
    expect(r.factors.find((f) => f.id === 'C')!.directInfluence).toBe(4);
    expect(r.micmac.mean).toBeCloseTo(7 / 5, 12);
    expect(r.factors.find((f) => f.id === 'C')!.influence).toBe(2);
  });

  it('a map without links: every factor autonomous, nothing indirect', () => {
    const empty = smallMap(['A', 'B'], []);
    const r = factorLeverage(empty, undefined);
    expect(r.factors.map((f) => [f.quadrant, f.directQuadrant, f.indirectInfluence])).toEqual([
      ['autonomous', 'autonomous', 0],
      ['autonomous', 'autonomous', 0],
    ]);
    expect(r.leveragePoints).toEqual([]);
  });

  it('a self-loop is a loop but not influence on another factor', () => {
    const self = smallMap(['A', 'B'], [
      ['A', 'A', '-'],
      ['A', 'B', '+'],
    ]);
    const r = factorLeverage(self, findFeedbackLoops(self));
    expect(r.factors[0]).toMatchObject({ influence: 1, dependence: 0, loops: 1, balancingLoops: 1 });
  });

  it('refuses nonsense options with a clear message', () => {
    expect(() => factorLeverage(map, undefined, { reachSteps: 0 })).toThrow(/reachSteps must be a whole number of at least 1/);
  });
});

describe('loop types and sentences', () => {
  it('reinforcing when the number of negative links is even', () => {
    expect(loopType(['+', '+'])).toBe('R');
    expect(loopType(['-', '-'])).toBe('R');
    expect(loopType(['+', '-'])).toBe('B');
    expect(loopType(['-'])).toBe('B');
    expect(loopType(['-', '-', '-'])).toBe('B');
  });

  it('reads a loop as more/less along the links, with delays', () => {
    expect(loopSentence(['Renewable installations', 'Cost of renewable power'], ['-', '-'], [false, true])).toBe(
      'more renewable installations -> less cost of renewable power -> (after a delay) more renewable installations: a reinforcing loop, so a change in renewable installations feeds on itself.',
    );
    expect(loopSentence(['CO2 emissions', 'EU policy'], ['+', '-'])).toBe(
      'more CO2 emissions -> more EU policy -> less CO2 emissions: a balancing loop, so a change in CO2 emissions is pushed back.',
    );
  });
});
