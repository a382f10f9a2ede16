/**
 * The Hungarian solver with capacities against two independent optima: a brute force over every
 * assignment of small random instances, and scipy's linear_sum_assignment on the expanded problem
 * (test/reference/bipartite/assignment.json, make_bipartite.py). Objective: most rows placed,
 * then the highest total score (or the score alone without `placeFirst`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../../../src/engine/features/matching/assignment.ts';
import { createRng } from '../../../../src/engine/core/util/rng.ts';
import { reference } from '../convenings/helpers.ts';

interface Instance {
  scores: number[][];
  allowed: number[][];
  capacity: number[];
  placed: number;
  total: number;
}

function problem(instance: Pick<Instance, 'scores' | 'allowed' | 'capacity'>) {
  const n = instance.scores.length;
  const m = instance.capacity.length;
  return {
    rows: n,
    cols: m,
    score: Float64Array.from(instance.scores.flat()),
    allowed: Uint8Array.from(instance.allowed.flat()),
    capacity: instance.capacity,
  };
}

/** Every assignment, by recursion: best (placed, total) lexicographically, or best total. */
function bruteForce(instance: Pick<Instance, 'scores' | 'allowed' | 'capacity'>, placeFirst: boolean): { placed: number; total: number } {
  const n = instance.scores.length;
  const left = [...instance.capacity];
  let best = { placed: -1, total: -Infinity };
  const better = (a: { placed: number; total: number }, b: { placed: number; total: number }): boolean =>
    placeFirst ? a.placed > b.placed || (a.placed === b.placed && a.total > b.total + 1e-9) : a.total > b.total + 1e-9;
  const walk = (i: number, placed: number, total: number): void => {
    if (i === n) {
      if (better({ placed, total }, best)) best = { placed, total };
      return;
    }
    walk(i + 1, placed, total);
    for (let j = 0; j < left.length; j++) {
      if (left[j]! <= 0 || instance.allowed[i]![j] !== 1) continue;
      left[j]!--;
      walk(i + 1, placed + 1, total + instance.scores[i]![j]!);
      left[j]!++;
    }
  };
  walk(0, 0, 0);
  return best;
}

function check(instance: Pick<Instance, 'scores' | 'allowed' | 'capacity'>, result: ReturnType<typeof solveAssignment>): void {
  const used = new Array<number>(instance.capacity.length).fill(0);
  let total = 0;
  result.colOf.forEach((j, i) => {
    if (j < 0) return;
    expect(instance.allowed[i]![j]).toBe(1);
    used[j]!++;
    total += instance.scores[i]![j]!;
  });
  used.forEach((u, j) => expect(u).toBeLessThanOrEqual(instance.capacity[j]!));
  expect(result.total).toBeCloseTo(total, 9);
  expect(result.placed).toBe(result.colOf.filter((j) => j >= 0).length);
}

function randomInstance(rng: () => number) {
  const n = 1 + Math.floor(rng() * 7);
  const m = 1 + Math.floor(rng() * 4);
  const capacity = Array.from({ length: m }, () => Math.floor(rng() * 3));
  const density = [1, 0.7, 0.4][Math.floor(rng() * 3)]!;
  const scores = Array.from({ length: n }, () => Array.from({ length: m }, () => Math.round(rng() * 1000) / 500 - (rng() < 0.1 ? 1 : 0)));
  const allowed = Array.from({ length: n }, () => Array.from({ length: m }, () => (rng() < density ? 1 : 0)));
  return { scores, allowed, capacity };
}

describe('solveAssignment', () => {
  it('matches a brute-force optimum on 300 random instances (placing first, and by score alone)', () => {
    const rng = createRng(2024);
    for (let k = 0; k < 300; k++) {
      const instance = randomInstance(rng);
      for (const placeFirst of [true, false]) {
        const result = solveAssignment(problem(instance), { placeFirst });
        check(instance, result);
        const best = bruteForce(instance, placeFirst);
        if (placeFirst) expect(result.placed, `instance ${k}`).toBe(best.placed);
        expect(result.total, `instance ${k} placeFirst=${placeFirst}`).toBeCloseTo(best.total, 9);
      }
    }
  });

  it("matches scipy's linear_sum_assignment on the reference instances", () => {
    const fixture = JSON.parse(readFileSync(`${reference}assignment.json`, 'utf8')) as { instances: Instance[] };
    expect(fixture.instances.length).toBeGreaterThanOrEqual(40);
    for (const instance of fixture.instances) {
      const result = solveAssignment(problem(instance));
      check(instance, result);
      expect(result.placed).toBe(instance.placed);
      expect(result.total).toBeCloseTo(instance.total, 9);
    }
  });

  it('leaves rows unplaced when capacity runs out, and handles empty problems', () => {
    const result = solveAssignment({ rows: 3, cols: 1, score: Float64Array.from([1, 3, 2]), capacity: [2] });
    expect([...result.colOf]).toEqual([-1, 0, 0]);
    expect(result.total).toBe(5);
    expect(solveAssignment({ rows: 0, cols: 2, score: new Float64Array(0), capacity: [1, 1] }).placed).toBe(0);
    expect(solveAssignment({ rows: 2, cols: 0, score: new Float64Array(0), capacity: [] }).placed).toBe(0);
  });

  it('places all of 300 mentees with 60 mentors of capacity 5', () => {
    const rng = createRng(7);
    const n = 300;
    const m = 60;
    const score = Float64Array.from({ length: n * m }, () => rng());
    const result = solveAssignment({ rows: n, cols: m, score, capacity: Array.from({ length: m }, () => 5) });
    expect(result.placed).toBe(300);
  });
});
