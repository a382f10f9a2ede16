/**
 * Counts of values in equal bins of a "nice" width (1, 2 or 5 times a power of ten), about
 * `bins` of them: what a histogram draws. Counted in one pass over a typed array so the chart
 * gets a handful of bars rather than 50,000 values to bin on the page's thread.
 */
export interface Bin {
  x1: number;
  x2: number;
  count: number;
}

export function niceStep(span: number, bins: number): number {
  if (!(span > 0)) return 1;
  const raw = span / bins;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) if (power * factor >= raw) return power * factor;
  return power * 10;
}

export function histogram(values: ArrayLike<number>, options: { bins?: number; integers?: boolean } = {}): Bin[] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return [];
  let step = niceStep(max - min, options.bins ?? 20);
  // Whole numbers (connections) never get bins narrower than one.
  if (options.integers) step = Math.max(1, Math.round(step));
  const start = Math.floor(min / step) * step;
  const counts = new Float64Array(Math.floor((max - start) / step) + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) counts[Math.min(counts.length - 1, Math.floor((v - start) / step))]!++;
  }
  return Array.from(counts, (count, b) => ({ x1: start + b * step, x2: start + (b + 1) * step, count }));
}
