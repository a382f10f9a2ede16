/**
 * Barnes-Hut repulsion against the exact sum over every pair, on networks big enough for a deep
 * quadtree, with masses from degrees as the layout gives them: every person's push stays close
 * to the exact one, not just the average, and people at one point push each other nothing.
 */
import { describe, expect, it } from 'vitest';
import { BarnesHutRepulsion, exactRepulsion } from '../../../../src/engine/algorithms/layout/fa2-repulsion.ts';
import { randomStart } from '../../../../src/engine/algorithms/layout/random-start.ts';
import { createRng } from '../../../../src/engine/core/util/rng.ts';

/** 1 + degree of a random network with `ties` ties, as ForceAtlas2's masses. */
function degreeMasses(n: number, ties: number, seed: number): Float64Array {
  const random = createRng(seed);
  const mass = new Float64Array(n).fill(1);
  for (let e = 0; e < ties; e++) {
    mass[Math.floor(random() * n)]! += 1;
    mass[Math.floor(random() * n)]! += 1;
  }
  return mass;
}

/** Over every person: the largest error, and the root-mean-square error, over the root-mean-square exact push. */
function errors(approx: Float64Array, exact: Float64Array): { worst: number; rms: number } {
  let worst = 0;
  let err = 0;
  let norm = 0;
  for (let i = 0; i < exact.length; i += 2) {
    const e = (approx[i]! - exact[i]!) ** 2 + (approx[i + 1]! - exact[i + 1]!) ** 2;
    worst = Math.max(worst, e);
    err += e;
    norm += exact[i]! ** 2 + exact[i + 1]! ** 2;
  }
  return { worst: Math.sqrt(worst / (norm / (exact.length / 2))), rms: Math.sqrt(err / norm) };
}

function pushes(xy: Float64Array, mass: Float64Array, theta = 0.5) {
  const exact = new Float64Array(xy.length);
  exactRepulsion(xy, mass, 40, exact);
  const approx = new Float64Array(xy.length);
  new BarnesHutRepulsion(mass.length).apply(xy, mass, 40, theta, approx);
  return { exact, approx };
}

describe('BarnesHutRepulsion', () => {
  // At this size, a lone person's centre of mass rounding off their own position once had them
  // take themselves as one body at 1e-14 and pushed them 1e11 times too hard.
  it('stays close to the exact push for every person, from a random start and from clustered positions', () => {
    const n = 4000;
    const mass = degreeMasses(n, 5 * n, 1);
    const spread = randomStart(n, 2);
    // Clusters of very different sizes and a few far outliers, as a layout draws groups.
    const random = createRng(3);
    const clustered = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const group = i % 7;
      const radius = group === 6 && i % 100 === 6 ? 5000 : 2 + group * group * 10;
      clustered[2 * i] = group * 300 + (random() - 0.5) * radius;
      clustered[2 * i + 1] = (group % 3) * 200 + (random() - 0.5) * radius;
    }
    for (const xy of [spread, clustered]) {
      const { exact, approx } = pushes(xy, mass);
      const { worst, rms } = errors(approx, exact);
      expect(rms).toBeGreaterThan(0);
      expect(rms).toBeLessThan(2e-3);
      expect(worst).toBeLessThan(0.05);
    }
  });

  it('keeps people who share a point finite and the rest close to the exact push', () => {
    const n = 500;
    const mass = degreeMasses(n, 1000, 4);
    const xy = randomStart(n, 5);
    // Ten people at one point, beside people spread wide and shifted off round numbers.
    for (let i = 0; i < 10; i++) {
      xy[2 * i] = 1 / 3;
      xy[2 * i + 1] = -7 / 3;
    }
    for (let i = 10; i < n; i++) xy[2 * i] = xy[2 * i]! * 1e3 + 0.1;
    const { exact, approx } = pushes(xy, mass);
    expect(approx.every(Number.isFinite)).toBe(true);
    expect(errors(approx, exact).worst).toBeLessThan(0.05);
  });

  it('is exact where every region is opened (theta 0)', () => {
    const n = 300;
    const mass = degreeMasses(n, 600, 6);
    const { exact, approx } = pushes(randomStart(n, 7), mass, 0);
    expect(errors(approx, exact).rms).toBeLessThan(1e-12);
  });
});
