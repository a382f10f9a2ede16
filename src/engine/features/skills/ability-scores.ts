/**
 * Reading one self-assessment answer as a score on the scale. Accepted: a number (`4`, `3.5`,
 * `3,5` in semicolon files), a number with its label (`4 - Strong`, `4 (often)`, `Strong (4)`),
 * a fraction of the scale's top (`4/5`), or a label of the scale on its own (`Strong`). Blank
 * answers and "n/a", "-", "don't know", "prefer not to say" are no answer. Anything else is not
 * a score; a number outside the scale is out of range.
 */
import { parseNumberText } from '../../io/numbers.ts';
import type { AbilityScale } from '../../core/model/abilities.ts';

export type ScoreReading =
  | { kind: 'blank' }
  | { kind: 'score'; value: number }
  | { kind: 'not-a-score'; text: string }
  | { kind: 'out-of-range'; value: number; text: string };

const NO_ANSWER = /^(n\/?a|na|none|nil|-+|–|—|\?|skip(ped)?|prefer not to (say|answer)|don'?t know|do not know|not sure|unsure|no answer|not applicable)$/i;
const WITH_LABEL = /^([+-]?\d+(?:[.,]\d+)?)\s*(?:[-–—:=.)]\s*|\(\s*|\s+)\p{L}/u;
const LABEL_THEN_NUMBER = /\(\s*([+-]?\d+(?:[.,]\d+)?)\s*\)\s*$/;
const FRACTION = /^([+-]?\d+(?:[.,]\d+)?)\s*(?:\/|out of|of)\s*(\d+)$/i;

function numberOf(text: string, decimalComma: boolean): number | undefined {
  return parseNumberText(text, { decimalComma }) ?? parseNumberText(text.replace(',', '.'));
}

export function readScore(text: string, scale: AbilityScale, options: { decimalComma?: boolean } = {}): ScoreReading {
  const value = text.trim();
  if (value === '' || NO_ANSWER.test(value)) return { kind: 'blank' };
  const decimalComma = options.decimalComma ?? false;
  let number = parseNumberText(value, { decimalComma });
  if (number === undefined) {
    const fraction = FRACTION.exec(value);
    if (fraction !== null && Number(fraction[2]) === scale.max) number = numberOf(fraction[1]!, true);
  }
  if (number === undefined) {
    const labelled = WITH_LABEL.exec(value) ?? LABEL_THEN_NUMBER.exec(value);
    if (labelled !== null) number = numberOf(labelled[1]!, true);
  }
  if (number === undefined) {
    const key = value.toLowerCase();
    const point = Object.entries(scale.labels).find(([, label]) => label.trim().toLowerCase() === key);
    if (point !== undefined) number = Number(point[0]);
  }
  if (number === undefined || !Number.isFinite(number)) return { kind: 'not-a-score', text: value };
  if (number < scale.min || number > scale.max) return { kind: 'out-of-range', value: number, text: value };
  return { kind: 'score', value: number };
}
