/**
 * Small helpers shared by the broker and periphery rankings: mid-rank percentiles (the share of
 * the other people with a lower value, ties counted as half: 0 = lowest, 1 = highest, everyone at
 * 0.5 when all values are equal, NaN lowest) and names listed in a sentence.
 */
export function midrankPercentile(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n < 2) return out.fill(0.5);
  const key = (i: number): number => (Number.isNaN(values[i]!) ? -Infinity : values[i]!);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && key(order[end]!) === key(order[start]!)) end++;
    // Positions start..end-1 share a value: below = start, equal others = end - start - 1.
    const pct = (start + (end - start - 1) / 2) / (n - 1);
    for (let i = start; i < end; i++) out[order[i]!] = pct;
    start = end;
  }
  return out;
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
