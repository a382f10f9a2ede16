/**
 * Splitting a free-recall answer into the names written in it. People separate names with
 * commas, semicolons, new lines, " and ", "&", bullets or numbers, and some write "Last, First",
 * so a comma can be either a separator or part of a name: "Rivera, Ingrid and Ana O'Neil" is two
 * people, "Yesenia Jones, Nia O., Smith, Fatima" three.
 *
 * Rule for commas: within a list split on the other separators, two neighbouring comma pieces
 * that are a single word followed by a given name (one word, optionally with an initial, or an
 * initial alone) are read as "Last, First" when such single-word pieces come in pairs: "Smith,
 * Fatima" and "Smith, Fatima, Jones, Elena" pair up, "Kevin, Maria, Jose" (three single words)
 * stays three given names. A title or suffix after a comma ("Maria Lopez, PhD") stays with its name.
 */
import { tidySpaces } from '../../people/name-normalize.ts';

export interface WrittenName {
  /** The text as written (spaces collapsed), e.g. "Rivera, Ingrid". */
  text: string;
  /** The name to match, in "First Last" order: "Ingrid Rivera". */
  name: string;
  /** Written as "Last, First". */
  lastFirst: boolean;
}

const SUFFIX_PIECE = /^(jr|sr|ii|iii|iv|phd|md|esq|mba|msc|dr|prof)\.?$/i;
/** A list bullet or number at the start of a line: "- ", "* ", "• ", "1. ", "2) ". */
const BULLET = /^\s*(?:[-*•·▪◦‣–—>]+|\(?\d{1,3}[.)])\s*/u;
/** Separators that always end a name. */
const STRONG = /\r\n|[\n\r;|•\t、]|\s+(?:and|&|\+|\/)\s+|\s*&\s*/giu;
/**
 * A run of blanks as STRONG reads it, in at most two characters, so that splitting is linear:
 * on a long run, `\s+ and` and `\s*&` were tried from every blank and rescanned the run to its
 * end each time (85,000 spaces took seconds). A run without a tab is one space (or one U+FEFF,
 * which tidySpaces drops); with a tab it separates names, and a connector after it ("\t and ")
 * joins the separator when the run holds any other blank, as before.
 */
function shortBlanks(run: string): string {
  if (!run.includes('\t')) return /^\uFEFF+$/u.test(run) ? '\uFEFF' : ' ';
  return /[^\t]/u.test(run) ? ' \t' : '\t';
}

/** Particles that belong to a surname: "de la Cruz, Maria". */
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter', 'st', 'bin', 'ibn', 'al', 'el', 'mac', 'mc']);

function words(piece: string): string[] {
  return piece.split(' ').filter((w) => w !== '');
}

function isInitial(word: string): boolean {
  return /^\p{L}\.?$/u.test(word) || /^(\p{L}\.){2,3}$/u.test(word);
}

/** One surname: a single word, possibly with particles in front ("van der Berg"). */
function isSurnamePiece(piece: string): boolean {
  const w = words(piece);
  if (w.length === 0 || isInitial(w[w.length - 1] as string)) return false;
  return w.slice(0, -1).every((word) => PARTICLES.has(word.toLowerCase()));
}

/** A given name after the comma: "Fatima", "Ingrid M.", "A.", "Mary Jane" is not (two full words). */
function isGivenPiece(piece: string): boolean {
  const w = words(piece);
  if (w.length === 1) return true;
  if (w.length === 2) return isInitial(w[1] as string) || isInitial(w[0] as string);
  return false;
}

const PAIRS: Record<string, string> = { '"': '"', '“': '”', "'": "'", '‘': '’', '«': '»', '(': ')', '[': ']' };

/** Quotes or brackets around the whole name, stray double quotes, trailing commas and colons. */
function stripWrapping(text: string): string {
  let out = text.trim();
  for (;;) {
    const before = out;
    const close = PAIRS[out[0] ?? ''];
    if (close !== undefined && out.length > 2 && out.endsWith(close)) out = out.slice(1, -1).trim();
    out = out.replace(/^["“”«»]+/u, '').replace(/["“”«»]+$/u, '').replace(/[,:]+$/u, '').trim();
    if (out === before) return out;
  }
}

function splitCommas(chunk: string): WrittenName[] {
  const pieces = chunk
    .split(/\s*[,，]\s*/u)
    .map(stripWrapping)
    .filter((p) => p !== '');
  // Suffixes go back to the name before them.
  const merged: string[] = [];
  for (const piece of pieces) {
    if (SUFFIX_PIECE.test(piece) && merged.length > 0) merged[merged.length - 1] += `, ${piece}`;
    else merged.push(piece);
  }
  const out: WrittenName[] = [];
  const pair = (last: string, first: string): void => {
    out.push({ text: `${last}, ${first}`, name: `${first} ${last}`, lastFirst: true });
  };
  let i = 0;
  while (i < merged.length) {
    const piece = merged[i] as string;
    if (!isSurnamePiece(piece)) {
      out.push({ text: piece, name: piece, lastFirst: false });
      i += 1;
      continue;
    }
    // A maximal run of single-word pieces: pairs when even, given names when odd.
    let run = 1;
    while (i + run < merged.length && isSurnamePiece(merged[i + run] as string)) run++;
    if (run % 2 === 0) {
      for (let k = 0; k < run; k += 2) pair(merged[i + k] as string, merged[i + k + 1] as string);
      i += run;
      continue;
    }
    // Odd run: single words stay single, except that the last may own a following "A." or "Ingrid M.".
    for (let k = 0; k < run - 1; k++) out.push({ text: merged[i + k] as string, name: merged[i + k] as string, lastFirst: false });
    const last = merged[i + run - 1] as string;
    const next = merged[i + run];
    if (next !== undefined && isGivenPiece(next)) {
      pair(last, next);
      i += run + 1;
    } else {
      out.push({ text: last, name: last, lastFirst: false });
      i += run;
    }
  }
  return out;
}

/**
 * The names written in one answer cell, in order. Blank pieces are dropped; nothing else is:
 * answers that name nobody ("n/a", "my team") come back as written for the caller to report.
 */
export function splitNames(cell: string): WrittenName[] {
  const text = cell.normalize('NFKC').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return [];
  const lines = text.split('\n').map((line) => line.replace(BULLET, ''));
  const out: WrittenName[] = [];
  for (const line of lines) {
    // "n/a" and "and/or" must survive the split on " / ": only spaced slashes separate.
    for (const chunk of line.replace(/\s{2,}/gu, shortBlanks).split(STRONG)) {
      const tidy = tidySpaces(chunk ?? '');
      if (tidy === '') continue;
      for (const name of splitCommas(tidy)) {
        out.push({ text: tidySpaces(name.text), name: tidySpaces(name.name), lastFirst: name.lastFirst });
      }
    }
  }
  return out;
}
