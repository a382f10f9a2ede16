/**
 * Reading submission times as survey tools write them, to tell which of two submissions is the
 * latest: ISO (`2025-03-19T08:03:00Z`), Google Forms (`2025/03/19 8:03:00`, `3/19/2025 8:03:00`),
 * Microsoft Forms (`3/19/25 8:03:00 AM`), European day-first dates, month names (`Mar 19, 2025`)
 * and a missing space (`2025/03/1923:59:00`). Times are compared as written: time zones ignored.
 * Deterministic: no `Date.parse`, whose leniency differs between engines.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]*(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?(?:[.,]\d+)?\s*(am|pm|a\.m\.|p\.m\.)?)?/i;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T\s,]*(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?(?:[.,]\d+)?\s*(am|pm|a\.m\.|p\.m\.)?)?/i;
const NAMED_MONTH = /^(?:[a-z]+,?\s+)?(?:(\d{1,2})\s+)?([a-z]{3})[a-z]*\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})(?:[\s,at]*(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm)?)?/i;

function build(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ampm?: string): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  let hour = h;
  const half = ampm?.toLowerCase().replace(/\./g, '');
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  return Date.UTC(y, mo - 1, d, hour, mi, s);
}

const num = (text: string | undefined): number => (text === undefined ? 0 : Number(text));

/**
 * Milliseconds for a submission time, or undefined when the text is not a date. `dayFirst`
 * reads `03/04/2025` as 3 April (default false: 4 March, the US order Google and Microsoft use);
 * a first number above 12 is read day-first anyway.
 */
export function parseTimestamp(text: string, dayFirst = false): number | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  let m = YMD.exec(value);
  if (m !== null) return build(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), m[7]);
  m = DMY.exec(value);
  if (m !== null) {
    let a = num(m[1]);
    let b = num(m[2]);
    if (dayFirst || a > 12) [a, b] = [b, a];
    let year = num(m[3]);
    if (year < 100) year += 2000;
    return build(year, a, b, num(m[4]), num(m[5]), num(m[6]), m[7]);
  }
  m = NAMED_MONTH.exec(value.toLowerCase());
  if (m !== null) {
    const month = MONTHS.indexOf((m[2] ?? '').slice(0, 3)) + 1;
    if (month === 0) return undefined;
    const day = m[1] !== undefined ? num(m[1]) : num(m[3]);
    return build(num(m[4]), month, day === 0 ? 1 : day, num(m[5]), num(m[6]), num(m[7]), m[8]);
  }
  return undefined;
}

/** Whether a column's dates are written day first: some first number above 12 and none second. */
export function detectDayFirst(values: readonly string[]): boolean {
  let first = false;
  let second = false;
  for (const value of values) {
    const m = DMY.exec(value.trim());
    if (m === null) continue;
    if (num(m[1]) > 12) first = true;
    if (num(m[2]) > 12) second = true;
  }
  return first && !second;
}
