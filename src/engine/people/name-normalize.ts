/**
 * Normalising names as people write them, so that "  MARÍA  lópez", "Maria Lopez" and
 * "López, María" compare equal: Unicode NFKC, case folded, accents removed from Latin letters
 * only (in Cyrillic, Arabic, Devanagari, ... a mark can change the letter, so those scripts are
 * kept exactly), apostrophes dropped (O'Neil = ONeil), hyphens and dots split words, titles and
 * suffixes (Dr, Jr, III) left out, and initials recognised ("J." or "J").
 */
import { withoutBracketed } from '../core/util/brackets.ts';

/** One word of a name, folded. */
export interface NameToken {
  /** Lower case, Latin accents removed, apostrophes dropped. */
  text: string;
  /** Written as an initial: one letter, with or without a dot. */
  initial: boolean;
}

const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ŀ: 'l',
};

const APOSTROPHES = /['’‘`´ʼʻ＇]/g;
/** Scripts written without spaces between given name and surname. */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\s・·]+$/u;
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'rev', 'sir', 'dame', 'fr', 'hon']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'mba', 'msc', 'jnr', 'snr']);

/** NFKC, whitespace (including no-break and zero-width spaces) collapsed, trimmed. */
export function tidySpaces(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Lower case with accents removed from Latin letters; other scripts kept as they are (NFC). */
export function foldText(text: string): string {
  const lower = tidySpaces(text).toLowerCase();
  let out = '';
  for (const ch of lower) out += LATIN_SPECIAL[ch] ?? ch;
  return out
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC');
}

/**
 * The words of a name. Parenthesised notes ("Maria Lopez (Transit)") are left out, titles and
 * suffixes dropped, `J.R.` read as two initials, `Mary-Jane` as two words.
 */
export function nameTokens(text: string): NameToken[] {
  const tidy = withoutBracketed(tidySpaces(text)).replace(APOSTROPHES, '');
  const tokens: NameToken[] = [];
  for (const raw of tidy.split(/[\s,;:/\\|+&"“”«»_–—-]+/u)) {
    if (raw === '') continue;
    // "J.R." and "J." are initials; "St.John" splits into two words.
    const pieces = raw.split('.');
    const dotted = pieces.length > 1;
    for (const piece of pieces) {
      const folded = foldText(piece).replace(/[^\p{L}\p{M}\p{N}]/gu, '');
      if (folded === '') continue;
      const letters = [...folded];
      // Two capitals without a vowel ("JC") are initials too.
      if (!dotted && letters.length === 2 && piece === piece.toUpperCase() && /^[bcdfghjklmnpqrstvwxz]{2}$/.test(folded)) {
        tokens.push({ text: letters[0] as string, initial: true }, { text: letters[1] as string, initial: true });
        continue;
      }
      tokens.push({ text: folded, initial: letters.length === 1 && /\p{Script=Latin}|\p{Script=Cyrillic}|\p{Script=Greek}/u.test(folded) });
    }
  }
  // Titles in front and suffixes at the end, but never the whole name.
  while (tokens.length > 2 && TITLES.has((tokens[0] as NameToken).text)) tokens.shift();
  while (tokens.length > 2 && SUFFIXES.has((tokens[tokens.length - 1] as NameToken).text)) tokens.pop();
  if (tokens.length > 1 && tokens.every((t) => UNSPACED.test(t.text))) {
    return [{ text: tokens.map((t) => t.text).join(''), initial: false }];
  }
  return tokens;
}

/**
 * The key a written name is known by: its folded words in order, e.g. "maria lopez". Saved
 * decisions are keyed by it, so "  María  LÓPEZ " and "maria lopez" share a decision.
 */
export function nameKey(text: string): string {
  const email = emailOf(text);
  if (email !== undefined) return email;
  return nameTokens(text)
    .map((t) => t.text)
    .join(' ');
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** True for a plain email address. */
export function isEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/**
 * The email address in a text, lower-cased: the whole text, or `<...>` in "Maria Lopez
 * <maria@x.org>", or "mailto:..."; undefined when there is none.
 */
export function emailOf(text: string): string | undefined {
  const trimmed = text.trim().replace(/^mailto:/i, '');
  if (EMAIL.test(trimmed)) return trimmed.toLowerCase();
  const angled = /<([^<>\s]+@[^<>\s]+)>/.exec(trimmed)?.[1];
  return angled !== undefined && EMAIL.test(angled) ? angled.toLowerCase() : undefined;
}

/**
 * A name guessed from an email address's local part, when it plainly holds one:
 * `maria.lopez@x.org` -> "maria lopez"; `mlopez@x.org` -> undefined.
 */
export function nameFromEmail(email: string): string | undefined {
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  const words = local
    .split(/[._\-+]+/)
    .map((w) => w.replace(/\d+/g, ''))
    .filter((w) => w.length > 0);
  if (words.length < 2 || words.some((w) => w.length < 2)) return undefined;
  return words.join(' ');
}

/** Text in capitals or in lower case only, as people type names quickly. */
function isOneCase(text: string): boolean {
  return text === text.toLowerCase() || text === text.toUpperCase();
}

function capitalise(word: string): string {
  return word
    .split(/(['’\-])/)
    .map((part) => (part.length > 0 && !/['’\-]/.test(part) ? (part[0] as string).toUpperCase() + part.slice(1) : part))
    .join('');
}

/**
 * A written name tidied for display: spaces collapsed, and "robert JACKSON" or "o'neil" given
 * capitals ("Robert Jackson", "O'Neil"). Mixed-case text ("McDonald", "de la Cruz") is kept.
 */
export function tidyLabel(text: string): string {
  const tidy = tidySpaces(text);
  const wholeOneCase = isOneCase(tidy);
  return tidy
    .split(' ')
    .map((word, i) => {
      if (!/\p{Script=Latin}/u.test(word) || !isOneCase(word)) return word;
      // Surname particles stay as written ("Maria de la Cruz"), and in lower case when all was one case.
      if (i > 0 && LABEL_PARTICLES.has(word.toLowerCase())) return wholeOneCase ? word.toLowerCase() : word;
      return capitalise(word.toLowerCase());
    })
    .join(' ');
}

const LABEL_PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'y', 'e']);
