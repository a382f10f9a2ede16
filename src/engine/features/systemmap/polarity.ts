/**
 * Reading a link's polarity from what people write in a cell or a Kumu `type`.
 *
 * Plain signs: `+`, `-` (also the typographic minus `−` and dashes `–` `—`), words (`positive`,
 * `negative`, `pos`, `neg`, `plus`, `minus`, `same`, `opposite`, and the `s` / `o` of older
 * system-dynamics diagrams) and signed numbers (`1`, `+1`, `-1`, `-0.5`; zero is not a sign). Case and surrounding spaces do not matter; a leading `'` (how spreadsheets keep a
 * lone sign from becoming a formula) is ignored.
 *
 * Kumu's compound types, decided as follows:
 * - `++` and `--`: a strong link of that sign (`+` resp. `-`); `strong` is set so the importer
 *   can record strength 2 when the source gives no strength of its own. A doubled sign is an
 *   intensifier in Kumu templates and fuzzy cognitive maps, not a product of two signs.
 * - `+-` and `-+`: an ambiguous link whose effect can go either way (it depends on context or
 *   the modellers disagree). The first sign is kept as the polarity and the link is marked
 *   `ambiguous`: loops through it are still classified, but flagged as uncertain, and the importer
 *   warns. Exporting writes `+-` / `-+` back, so nothing is lost.
 */
import type { Polarity } from '../../core/model/systemmap.ts';

export interface PolarityReading {
  polarity: Polarity;
  /** `++` / `--`: a strong link. */
  strong: boolean;
  /** `+-` / `-+`: the sign is uncertain. */
  ambiguous: boolean;
}

const WORDS: Record<string, Polarity> = {
  '+': '+',
  plus: '+',
  positive: '+',
  pos: '+',
  same: '+',
  s: '+',
  increases: '+',
  increase: '+',
  up: '+',
  '-': '-',
  minus: '-',
  negative: '-',
  neg: '-',
  opposite: '-',
  o: '-',
  decreases: '-',
  decrease: '-',
  down: '-',
};

const SIGNED_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The polarity a text names, or undefined when it is not one (blank included). */
export function parsePolarity(text: string): PolarityReading | undefined {
  const cleaned = text
    .trim()
    .replace(/^'/, '')
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .replace(/\s+/g, '')
    .toLowerCase();
  if (cleaned === '') return undefined;
  const word = WORDS[cleaned];
  if (word !== undefined) return { polarity: word, strong: false, ambiguous: false };
  if (cleaned === '++' || cleaned === '--') return { polarity: cleaned[0] as Polarity, strong: true, ambiguous: false };
  if (cleaned === '+-' || cleaned === '-+' || cleaned === '+/-' || cleaned === '-/+' || cleaned === '±') {
    return { polarity: cleaned === '±' ? '+' : (cleaned[0] as Polarity), strong: false, ambiguous: true };
  }
  if (SIGNED_NUMBER.test(cleaned)) {
    const value = Number(cleaned);
    if (value > 0) return { polarity: '+', strong: false, ambiguous: false };
    if (value < 0) return { polarity: '-', strong: false, ambiguous: false };
  }
  return undefined;
}

/** How a link's sign is written back out: `+`, `-`, or Kumu's `+-` / `-+` for an ambiguous one. */
export function polarityText(polarity: Polarity, ambiguous: boolean | undefined): string {
  if (ambiguous === true) return polarity === '+' ? '+-' : '-+';
  return polarity;
}
