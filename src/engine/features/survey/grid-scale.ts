/**
 * Turning a grid or long-format answer ("Collaborate", "3", "✓", "Don't know") into a tie weight.
 * A layout's `scale` maps each value found to a weight that the user can edit; 0 means no tie.
 * The default reads numbers as they are and words through a small dictionary of common scales
 * (Don't know 0 / Know 1 / Collaborate 2 / Partner 3; never .. always; weak .. strong; a check
 * mark is 1).
 */

/** Phrases of common answer scales and their weights; the longest phrase found in a value wins. */
export const DEFAULT_SCALE_PHRASES: Readonly<Record<string, number>> = {
  "don't know": 0,
  'do not know': 0,
  'dont know': 0,
  'not know': 0,
  'unknown': 0,
  'never heard': 0,
  'no relationship': 0,
  'no contact': 0,
  'not at all': 0,
  'none': 0,
  'never': 0,
  'no': 0,
  'n/a': 0,
  'na': 0,
  'not applicable': 0,
  'false': 0,
  'unchecked': 0,
  'know': 1,
  'know of': 1,
  'heard of': 1,
  'aware': 1,
  'acquaint': 1,
  'met': 1,
  'yes': 1,
  'true': 1,
  'checked': 1,
  'selected': 1,
  'x': 1,
  '✓': 1,
  '✔': 1,
  '☑': 1,
  'rarely': 1,
  'seldom': 1,
  'yearly': 1,
  'once': 1,
  'a little': 1,
  'weak': 1,
  'low': 1,
  'communicate': 2,
  'share information': 2,
  'exchange information': 2,
  'collaborat': 2,
  'work together': 2,
  'worked together': 2,
  'work with': 2,
  'sometimes': 2,
  'occasionally': 2,
  'monthly': 2,
  'moderate': 2,
  'medium': 2,
  'somewhat': 2,
  'partner': 3,
  'close': 3,
  'strong': 3,
  'often': 3,
  'frequently': 3,
  'weekly': 3,
  'high': 3,
  'very close': 4,
  'very often': 4,
  'very strong': 4,
  'always': 4,
  'daily': 4,
};

/** A value as scale keys are compared: lower case, straight apostrophes, single spaces. */
export function scaleKey(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase().replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ');
}

/** Phrases that are word stems (collaborate, collaboration, acquainted). */
const STEMS = new Set(['collaborat', 'acquaint']);

const LEADING_NUMBER = /^[+-]?(\d+(?:[.,]\d+)?)(?:\s*(?:[-–—:=).]|$))/;

/**
 * The default weight of a value, or undefined when the dictionary has no idea. Numbers (and
 * "3 - Partner") give their number; words the longest phrase of DEFAULT_SCALE_PHRASES inside them.
 */
export function defaultScaleWeight(value: string): number | undefined {
  const key = scaleKey(value);
  if (key === '') return undefined;
  const number = LEADING_NUMBER.exec(key)?.[1];
  if (number !== undefined) return Math.max(0, Number(number.replace(',', '.')));
  let best: { phrase: string; weight: number } | undefined;
  for (const [phrase, weight] of Object.entries(DEFAULT_SCALE_PHRASES)) {
    const short = phrase.length <= 2;
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const end = STEMS.has(phrase) ? '' : '(?![\\p{L}])';
    const found = short ? key === phrase : new RegExp(`(^|[^\\p{L}'])${escaped}${end}`, 'u').test(key);
    if (found && (best === undefined || phrase.length > best.phrase.length)) best = { phrase, weight };
  }
  return best?.weight;
}

/** The default scale for the values found: each value with its weight (1 when unknown). */
export function defaultScale(values: Iterable<string>): { scale: Record<string, number>; unknown: string[] } {
  const scale: Record<string, number> = {};
  const unknown: string[] = [];
  for (const value of values) {
    const key = scaleKey(value);
    if (key === '' || Object.prototype.hasOwnProperty.call(scale, key)) continue;
    const weight = defaultScaleWeight(key);
    if (weight === undefined) unknown.push(value.trim());
    Object.defineProperty(scale, key, { value: weight ?? 1, enumerable: true, writable: true, configurable: true });
  }
  return { scale, unknown: unknown.sort() };
}

/**
 * The weight of a cell under a scale: the scale's entry, else the number the cell holds, else
 * the default dictionary, else 1 for any other non-empty text. `checkedLabel` is the grid
 * column's option: a cell that repeats it (Typeform, Microsoft Forms checkboxes) is checked.
 */
export function weightOf(value: string, scale: Readonly<Record<string, number>>, checkedLabel?: string): number {
  const key = scaleKey(value);
  if (key === '') return 0;
  if (Object.prototype.hasOwnProperty.call(scale, key)) return scale[key] as number;
  if (checkedLabel !== undefined && key === scaleKey(checkedLabel)) return 1;
  return defaultScaleWeight(key) ?? 1;
}
