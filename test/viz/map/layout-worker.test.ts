/**
 * The map's layout worker (src/workers/layout-api.ts), run in this thread: it steps the engine's
 * typed ForceAtlas2 with the map's settings, stops by the settle rule, the time limit or Stop,
 * and sends snapshots only as often as asked, never two at once; its ties, handed over once in
 * parts, serve every run.
 */
import { describe, expect, it } from 'vitest';
import { Fa2Layout } from '../../../src/engine/algorithms/layout/fa2-typed.ts';
import { layoutCsr } from '../../../src/engine/algorithms/layout/layout-csr.ts';
import { randomStart } from '../../../src/engine/algorithms/layout/random-start.ts';
import { layoutApi, mapFa2Settings, relativeDisplacement } from '../../../src/workers/layout-api.ts';
import { partBatches, recordParts } from '../../../src/workers/record-parts.ts';

/** Zachary's karate club (34 people, 78 ties), as 0-based index pairs. */
const KARATE: Array<[number, number]> = [
  [0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [0, 6], [0, 7], [0, 8], [0, 10], [0, 11], [0, 12], [0, 13], [0, 17], [0, 19], [0, 21], [0, 31],
  [1, 2], [1, 3], [1, 7], [1, 13], [1, 17], [1, 19], [1, 21], [1, 30], [2, 3], [2, 7], [2, 8], [2, 9], [2, 13], [2, 27], [2, 28], [2, 32],
  [3, 7], [3, 12], [3, 13], [4, 6], [4, 10], [5, 6], [5, 10], [5, 16], [6, 16], [8, 30], [8, 32], [8, 33], [9, 33], [13, 33], [14, 32], [14, 33],
  [15, 32], [15, 33], [18, 32], [18, 33], [19, 33], [20, 32], [20, 33], [22, 32], [22, 33], [23, 25], [23, 27], [23, 29], [23, 32], [23, 33],
  [24, 25], [24, 27], [24, 31], [25, 31], [26, 29], [26, 33], [27, 33], [28, 31], [28, 33], [29, 32], [29, 33], [30, 32], [30, 33], [31, 32],
  [31, 33], [32, 33],
];

const karate = () => ({ n: 34, source: Int32Array.from(KARATE, ([s]) => s), target: Int32Array.from(KARATE, ([, t]) => t) });

/** Positions to start from, the karate club's ties set in the worker. */
function karateStart(seed = 7): Float64Array {
  layoutApi.setTies(karate());
  return randomStart(34, seed);
}

describe('the layout worker', () => {
  it('stops when the picture settles, at the positions the engine gives for as many iterations', async () => {
    const xy = karateStart();
    const start = xy.slice();
    const outcome = await layoutApi.run(xy, { checkMillis: 0 });
    expect(outcome.reason).toBe('settled');
    expect(outcome.iterations).toBeGreaterThan(10);
    const { source, target } = karate();
    const reference = new Fa2Layout(layoutCsr(34, source, target), start, mapFa2Settings(34));
    reference.step(outcome.iterations);
    expect(Array.from(outcome.xy)).toEqual(Array.from(reference.xy));
  });

  it('lays out ties handed over in parts as it lays out the same ties handed over whole', async () => {
    const whole = await layoutApi.run(karateStart(3), { checkMillis: 0 });
    // Pieces of 16 ties at most, each a message of its own: each column arrives in turn.
    const batches = [...partBatches(recordParts(karate(), { bytesPerPart: 64 }), 3)];
    expect(batches.length).toBeGreaterThan(4);
    batches.forEach((batch, i) => layoutApi.stageTies(batch.parts, i === 0));
    layoutApi.useStagedTies();
    const staged = await layoutApi.run(randomStart(34, 3), { checkMillis: 0 });
    expect(staged.iterations).toBe(whole.iterations);
    expect(Array.from(staged.xy)).toEqual(Array.from(whole.xy));
    // A second run on the same ties (a later Run layout) reads the adjacency the first built.
    const again = await layoutApi.run(randomStart(34, 3), { checkMillis: 0 });
    expect(Array.from(again.xy)).toEqual(Array.from(whole.xy));
    // Ties missing a column (parts lost on the way) are refused, not laid out.
    const [first] = partBatches(recordParts(karate(), { bytesPerPart: 64 }), 3);
    layoutApi.stageTies(first!.parts, true);
    expect(() => layoutApi.useStagedTies()).toThrow(/not whole/);
  });

  it('stops at the time limit when the rule never holds', async () => {
    const outcome = await layoutApi.run(karateStart(), { settleRatio: 0, maxMillis: 60 });
    expect(outcome.reason).toBe('time');
    expect(outcome.millis).toBeGreaterThanOrEqual(60);
  });

  it('stops when asked, after its current iteration', async () => {
    const run = layoutApi.run(karateStart(), { settleRatio: 0, maxMillis: 30_000, sliceMillis: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    layoutApi.stop();
    const outcome = await run;
    expect(outcome.reason).toBe('user');
    expect(outcome.millis).toBeLessThan(5_000);
  });

  it('sends snapshots at the rate asked, one at a time, and none at rate 0', async () => {
    const frames: Float32Array[] = [];
    let open = 0;
    let overlapped = false;
    const outcome = await layoutApi.run(karateStart(), { settleRatio: 0, maxMillis: 300, frameMillis: 20, sliceMillis: 1 }, async (xy) => {
      overlapped ||= open > 0;
      open++;
      frames.push(xy);
      await new Promise((resolve) => setTimeout(resolve, 30));
      open--;
    });
    expect(outcome.reason).toBe('time');
    expect(overlapped).toBe(false);
    expect(frames.length).toBeGreaterThan(2);
    expect(frames.length).toBeLessThan(300 / 20 + 2);
    expect(frames[0]).toBeInstanceOf(Float32Array);
    expect(frames[0]!.length).toBe(68);
    const none: Float32Array[] = [];
    await layoutApi.run(karateStart(), { settleRatio: 0, maxMillis: 100 }, (xy) => void none.push(xy));
    expect(none).toEqual([]);
  });

  it('measures movement as mean displacement over the larger side of the picture', () => {
    const before = Float64Array.from([0, 0, 100, 0, 0, 50]);
    const after = Float64Array.from([1, 0, 100, 2, 0, 50]);
    // (1 + 2 + 0) / 3 people / 100 wide.
    expect(relativeDisplacement(before, after)).toBeCloseTo(0.01, 12);
    expect(relativeDisplacement(after, after)).toBe(0);
  });
});
