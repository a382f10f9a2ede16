/**
 * Seeded starting positions for a layout: uniform over a square whose side grows with the
 * network (sqrt(n) * 10, as the app's map spreads people it has not laid out yet), so one seed
 * always gives one picture.
 */
import { createRng } from '../../core/util/rng.ts';

/** [x0, y0, x1, y1, ...] for people 0..n-1. */
export function randomStart(n: number, seed: number): Float64Array {
  const random = createRng(seed);
  const side = Math.sqrt(n) * 10;
  const xy = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++) xy[i] = (random() - 0.5) * side;
  return xy;
}
