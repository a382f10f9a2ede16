/**
 * Skill reach kernels: multi-source BFS distances, group distances, per-person buckets and the
 * reach gained by a tie or by learning, on a path 0-1-2-3-4 plus an isolate 5.
 */
import { describe, expect, it } from 'vitest';
import {
  UNREACHABLE,
  distancesFrom,
  gainIfHeldAt,
  gainIfLearnedBy,
  groupDistances,
  personSkillReach,
  shareWithin,
  skillDistances,
  stepsFrom,
  type ContactRows,
} from '../../../../src/engine/features/skills/skill-distances.ts';

function path(): ContactRows {
  const neighbours = [[1], [0, 2], [1, 3], [2, 4], [3], []];
  const offsets = new Int32Array(neighbours.length + 1);
  neighbours.forEach((list, v) => (offsets[v + 1] = offsets[v]! + list.length));
  return { n: neighbours.length, offsets, targets: Int32Array.from(neighbours.flat()) };
}

describe('skill distances', () => {
  const rows = path();

  it('measures steps to the nearest holder from all holders at once', () => {
    expect(Array.from(distancesFrom(rows, [0, 4]))).toEqual([0, 1, 2, 1, 0, UNREACHABLE]);
    expect(Array.from(distancesFrom(rows, []))).toEqual(new Array(6).fill(UNREACHABLE));
    const [a, b] = skillDistances(rows, [Int32Array.from([0]), Int32Array.from([2])]);
    expect(Array.from(a!)).toEqual([0, 1, 2, 3, 4, UNREACHABLE]);
    expect(Array.from(b!)).toEqual([2, 1, 0, 1, 2, UNREACHABLE]);
    expect(shareWithin(a!, 2)).toBeCloseTo(3 / 6);
  });

  it('gives the fewest steps from a group to a holder', () => {
    const dist = distancesFrom(rows, [0]);
    expect(Array.from(groupDistances(dist, [1, 1, 0, 0, 2, 2], 3))).toEqual([2, 0, 4]);
    expect(Array.from(groupDistances(dist, [0, 0, 0, 0, 0, 1], 2))).toEqual([0, -1]);
  });

  it('sorts skills into held, one step, two steps and out of reach', () => {
    const distances = skillDistances(rows, [Int32Array.from([3]), Int32Array.from([1]), Int32Array.from([4]), Int32Array.from([])]);
    expect(personSkillReach(distances, 2)).toEqual({ holds: [], oneStep: [0, 1], twoSteps: [2], outOfReach: [3] });
    expect(personSkillReach(distances, 3)).toEqual({ holds: [0], oneStep: [2], twoSteps: [1], outOfReach: [3] });
  });

  it('counts the reach gained by a tie to a holder and by learning', () => {
    const dist = distancesFrom(rows, [0]);
    // Tie 3 to a holder: 3 (3 steps) and 4 (4 steps) come within two; 2 already was.
    expect(gainIfHeldAt(rows, dist, 3)).toBe(2);
    expect(gainIfHeldAt(rows, dist, 1)).toBe(0);
    // 3 learns it: 3 and 4 gain, the rest are within two already.
    expect(gainIfLearnedBy(rows, dist, 3, new Int32Array(6).fill(-1), 0)).toBe(2);
    expect(Array.from(stepsFrom(rows, 0))).toEqual([0, 1, 2, 3, 4, -1]);
    expect(Array.from(stepsFrom(rows, 0, 2))).toEqual([0, 1, 2, -1, -1, -1]);
  });
});
