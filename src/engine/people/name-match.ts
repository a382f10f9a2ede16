/**
 * Matching a written name to known people. Each known person has one or more names (roster
 * name, the name they wrote as respondent, a name read from their email) and emails. A written
 * name is compared word by word with each: given name with given name, surname with surname
 * (or the other way round, for "Chen Jin"), allowing an initial ("J. Chen"), a nickname
 * (Bob/Robert), a shortened word (Dan/Daniel, Mart/Martinez), a one-letter typo (Cohn/Cohen) and a
 * missing or extra middle name. The result is a name score in 0..1 per candidate:
 *
 * | written vs known                                   | score |
 * |----------------------------------------------------|-------|
 * | same words (case, accents, spaces, "Last, First")  | 1     |
 * | same email                                         | 1     |
 * | same words in another order                        | 0.97  |
 * | one word a nickname, shortened or one-letter typo  | 0.85-0.9 |
 * | initial and surname ("J. Chen")                    | 0.85  |
 * | given name and surname initial ("Robert M.")       | 0.8   |
 * | given name or surname alone                        | 0.6 x |
 *
 * Scores multiply across words, so two deviations score lower than one. Candidates are found
 * through indexes of words, of one-letter deletions of words (symmetric-delete typo search) and
 * of word prefixes, never by comparing every pair of names: a lookup costs the size of the
 * blocks it touches, so 5,000 people resolve in well under a second.
 */
import { areNicknames, nicknameVariants } from './nicknames.ts';
import { emailOf, nameFromEmail, nameTokens } from './name-normalize.ts';
import type { NameToken } from './name-normalize.ts';

/** A known person as the matcher sees them. */
export interface KnownPerson {
  id: string;
  label: string;
  names: string[];
  emails: string[];
}

export interface NameScore {
  score: number;
  /** How the words matched, in words: `exact name`, `initial and surname`, `nickname`, ... */
  method: string;
}

export interface NameCandidate extends NameScore {
  /** Index of the person in the matcher. */
  person: number;
}

/** A parsed name, kept so that a name is parsed once. */
export interface ParsedName {
  tokens: NameToken[];
  key: string;
  sortedKey: string;
}

export function parseName(text: string): ParsedName {
  const tokens = nameTokens(text);
  const texts = tokens.map((t) => t.text);
  return { tokens, key: texts.join(' '), sortedKey: [...texts].sort().join(' ') };
}

/** Optimal string alignment distance (Damerau-Levenshtein without re-edits), or max + 1 once above max. */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  // Three rows of the dynamic programme: two back (transpositions), one back, current.
  let back2 = new Int32Array(m + 1);
  let back1 = new Int32Array(m + 1);
  let row = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) back1[j] = j;
  for (let i = 1; i <= n; i++) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min((back1[j] as number) + 1, (row[j - 1] as number) + 1, (back1[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, (back2[j - 2] as number) + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [back2, back1, row] = [back1, row, back2];
  }
  return back1[m] as number;
}

const length = (text: string): number => [...text].length;

/** A written given name against a known given name. */
export function givenSimilarity(w: NameToken, p: NameToken): NameScore {
  if (w.text === p.text) return { score: w.initial && !p.initial ? 0.85 : 1, method: w.initial ? 'initial' : 'same' };
  if (w.initial) return p.text.startsWith(w.text) ? { score: 0.85, method: 'initial' } : { score: 0, method: '' };
  if (p.initial) return w.text.startsWith(p.text) ? { score: 0.85, method: 'initial' } : { score: 0, method: '' };
  if (areNicknames(w.text, p.text)) return { score: 0.9, method: 'nickname' };
  const lw = length(w.text);
  const lp = length(p.text);
  if (lw >= 3 && p.text.startsWith(w.text)) return { score: 0.88, method: 'shortened name' };
  if (lp >= 3 && w.text.startsWith(p.text)) return { score: 0.85, method: 'longer name' };
  const shortest = Math.min(lw, lp);
  if (shortest >= 4) {
    const distance = editDistance(w.text, p.text, 2);
    if (distance <= 1) return { score: 0.85, method: 'typo' };
    if (distance === 2 && shortest >= 8) return { score: 0.75, method: 'typo' };
  }
  return { score: 0, method: '' };
}

/** A written surname against a known surname. */
export function surnameSimilarity(w: NameToken, p: NameToken): NameScore {
  if (w.text === p.text) return { score: w.initial && !p.initial ? 0.8 : 1, method: w.initial ? 'surname initial' : 'same' };
  if (w.initial) return p.text.startsWith(w.text) ? { score: 0.8, method: 'surname initial' } : { score: 0, method: '' };
  if (p.initial) return w.text.startsWith(p.text) ? { score: 0.8, method: 'surname initial' } : { score: 0, method: '' };
  const lw = length(w.text);
  const lp = length(p.text);
  const shortest = Math.min(lw, lp);
  if (shortest >= 3 && Math.max(lw, lp) >= 4) {
    const distance = editDistance(w.text, p.text, 2);
    // A letter more or less in a short surname (Rth, Roth) is likelier a different name: it counts less.
    if (distance <= 1) return { score: shortest >= 4 ? 0.9 : 0.8, method: 'one-letter typo' };
    if (distance === 2 && shortest >= 7) return { score: 0.8, method: 'typo' };
  }
  if (lw >= 4 && p.text.startsWith(w.text)) return { score: 0.85, method: 'shortened surname' };
  return { score: 0, method: '' };
}

function describe(given: NameScore, surname: NameScore): string {
  const parts: string[] = [];
  if (given.method === 'initial' && surname.method === 'same') return 'initial and surname';
  if (given.method === 'same' && surname.method === 'surname initial') return 'given name and surname initial';
  if (given.method !== 'same') parts.push(given.method === 'initial' ? 'initial' : `${given.method} (given name)`);
  if (surname.method !== 'same') parts.push(surname.method === 'surname initial' ? 'surname initial' : `${surname.method} (surname)`);
  return parts.length === 0 ? 'same name' : parts.join(', ');
}

/** Written words in this order against the known words. */
function orientedScore(w: readonly NameToken[], p: readonly NameToken[]): NameScore {
  const none: NameScore = { score: 0, method: '' };
  if (w.length === 0 || p.length === 0) return none;
  const wg = w[0] as NameToken;
  const ws = w[w.length - 1] as NameToken;
  const pg = p[0] as NameToken;
  const ps = p[p.length - 1] as NameToken;
  if (w.length === 1) {
    if (wg.initial) return none;
    if (p.length === 1) {
      const s = surnameSimilarity(wg, pg);
      return s.score > 0 ? { score: s.score * 0.95, method: s.method } : none;
    }
    const given = givenSimilarity(wg, pg);
    const surname = surnameSimilarity(wg, ps);
    if (given.score === 0 && surname.score === 0) return none;
    return given.score * 0.55 >= surname.score * 0.6
      ? { score: given.score * 0.55, method: given.method === 'same' ? 'given name only' : `given name only (${given.method})` }
      : { score: surname.score * 0.6, method: surname.method === 'same' ? 'surname only' : `surname only (${surname.method})` };
  }
  if (p.length === 1) return none;
  let best = none;
  const consider = (g: NameScore, s: NameScore, factor: number, pMiddle: readonly NameToken[]): void => {
    if (g.score === 0 || s.score === 0) return;
    // Written middle words must agree with a known middle word; unknown ones cost a little.
    // A known middle name the writer left out costs a little, so that the exact name wins.
    let penalty = factor * (pMiddle.length > w.length - 2 ? 0.97 : 1);
    for (const middle of w.slice(1, -1)) {
      const agrees = pMiddle.some((m) => givenSimilarity(middle, m).score >= 0.85);
      penalty *= agrees ? 1 : pMiddle.length === 0 ? 0.95 : 0.8;
    }
    const score = g.score * s.score * penalty;
    if (score > best.score) best = { score, method: describe(g, s) + (factor < 1 ? ', middle name' : '') };
  };
  const middles = p.slice(1, -1);
  consider(givenSimilarity(wg, pg), surnameSimilarity(ws, ps), 1, middles);
  // Compound surnames ("Garcia Lopez" written "Garcia") and people known by their middle name.
  for (let k = 1; k < p.length - 1; k++) {
    const pk = p[k] as NameToken;
    consider(givenSimilarity(wg, pg), surnameSimilarity(ws, pk), 0.9, p.slice(1, k));
    consider(givenSimilarity(wg, pk), surnameSimilarity(ws, ps), 0.9, p.slice(k + 1, -1));
  }
  return best;
}

/** How well a written name fits a known name, 0..1. */
export function scoreName(written: ParsedName, known: ParsedName): NameScore {
  if (written.key === '' || known.key === '') return { score: 0, method: '' };
  if (written.key === known.key) return { score: 1, method: 'exact name' };
  if (written.tokens.length > 1 && written.sortedKey === known.sortedKey) return { score: 0.97, method: 'same name, other order' };
  const straight = orientedScore(written.tokens, known.tokens);
  if (written.tokens.length < 2) return straight;
  const reversed = orientedScore([...written.tokens].reverse(), known.tokens);
  return reversed.score * 0.95 > straight.score
    ? { score: reversed.score * 0.95, method: `${reversed.method}, surname first` }
    : straight;
}

/**
 * Words longer than this are matched exactly, never by edits or prefixes: no name word is this
 * long, and the variants of a word grow with the square of its length (a 1,000,000-character
 * survey answer took minutes).
 */
export const MAX_FUZZY_WORD = 40;

function deletions(token: string): string[] {
  const chars = [...token];
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) out.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
  return [...out];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Names with a score below this are not candidates at all. */
export const MIN_CANDIDATE_SCORE = 0.3;

/**
 * Known people indexed for matching. People and names can be added while matching runs (new
 * people found in the answers), which is how names are clustered when there is no roster.
 */
export class NameMatcher {
  readonly people: KnownPerson[] = [];
  private readonly aliases: Array<{ person: number; parsed: ParsedName }> = [];
  private readonly aliasKeys = new Map<string, number>();
  private readonly byKey = new Map<string, number[]>();
  /** Aliases by their first word (a given name), and by every later word (surnames, middle names). */
  private readonly byGiven = new Map<string, number[]>();
  private readonly bySurname = new Map<string, number[]>();
  private readonly vocabulary = new Set<string>();
  private readonly byDeletion = new Map<string, string[]>();
  private readonly byPrefix = new Map<string, string[]>();
  private readonly indexedTokens = new Set<string>();
  private readonly byEmail = new Map<string, number>();

  constructor(people: readonly KnownPerson[] = []) {
    for (const person of people) this.add(person);
  }

  /** Adds a person (with their names and emails); returns their index. */
  add(person: KnownPerson): number {
    const index = this.people.length;
    this.people.push({ ...person, names: [], emails: [] });
    for (const name of person.names) this.addName(index, name);
    for (const email of person.emails) this.addEmail(index, email);
    return index;
  }

  /** Another name the person is known by. */
  addName(person: number, name: string): void {
    const parsed = parseName(name);
    if (parsed.key === '') return;
    const aliasKey = `${person}\u0000${parsed.key}`;
    if (this.aliasKeys.has(aliasKey)) return;
    const alias = this.aliases.length;
    this.aliasKeys.set(aliasKey, alias);
    this.aliases.push({ person, parsed });
    this.people[person]?.names.push(name);
    push(this.byKey, parsed.key, alias);
    parsed.tokens.forEach((token, position) => {
      if (token.initial) return;
      const single = parsed.tokens.length === 1;
      if (position === 0 || single) push(this.byGiven, token.text, alias);
      if (position > 0 || single) push(this.bySurname, token.text, alias);
      this.vocabulary.add(token.text);
      if (this.indexedTokens.has(token.text)) return;
      this.indexedTokens.add(token.text);
      const chars = [...token.text];
      if (chars.length > MAX_FUZZY_WORD) return;
      if (chars.length >= 4) for (const variant of deletions(token.text)) push(this.byDeletion, variant, token.text);
      for (let k = 3; k < chars.length; k++) push(this.byPrefix, chars.slice(0, k).join(''), token.text);
    });
  }

  /** An email the person is known by (compared case-insensitively). */
  addEmail(person: number, email: string): void {
    const key = emailOf(email);
    if (key === undefined) return;
    const known = this.people[person];
    if (!this.byEmail.has(key)) this.byEmail.set(key, person);
    if (known !== undefined && !known.emails.includes(key)) known.emails.push(key);
  }

  /** The person with this email, if any. */
  findEmail(email: string): number | undefined {
    const key = emailOf(email);
    return key === undefined ? undefined : this.byEmail.get(key);
  }

  /** Known words close to `token`: itself, one edit away, words it is a prefix of, nicknames. */
  private similarTokens(token: NameToken, asGiven: boolean): string[] {
    const out = new Set<string>();
    if (this.vocabulary.has(token.text)) out.add(token.text);
    const size = length(token.text);
    if (size > MAX_FUZZY_WORD) return [...out];
    if (size >= 3) for (const known of this.byDeletion.get(token.text) ?? []) out.add(known);
    if (size >= 4) {
      for (const variant of deletions(token.text)) {
        if (this.vocabulary.has(variant)) out.add(variant);
        for (const known of this.byDeletion.get(variant) ?? []) out.add(known);
      }
    }
    if (size >= 3) for (const known of this.byPrefix.get(token.text) ?? []) out.add(known);
    if (asGiven) for (const variant of nicknameVariants(token.text)) if (this.vocabulary.has(variant)) out.add(variant);
    return [...out];
  }

  /**
   * Every known person the written name could be, best first, with their name score (at least
   * MIN_CANDIDATE_SCORE). Ties are broken by person order, so results are deterministic.
   */
  candidates(written: string | ParsedName): NameCandidate[] {
    const parsed = typeof written === 'string' ? parseName(written) : written;
    const best = new Map<number, NameScore>();
    const note = (person: number, score: NameScore): void => {
      if (score.score < MIN_CANDIDATE_SCORE) return;
      const had = best.get(person);
      if (had === undefined || score.score > had.score) best.set(person, score);
    };
    const email = typeof written === 'string' ? emailOf(written) : undefined;
    if (email !== undefined) {
      const person = this.byEmail.get(email);
      if (person !== undefined) note(person, { score: 1, method: 'email' });
      const fromEmail = nameFromEmail(email);
      if (fromEmail !== undefined) {
        for (const candidate of this.candidates(fromEmail)) note(candidate.person, { score: candidate.score * 0.95, method: `name in the email (${candidate.method})` });
      }
      return this.sorted(best);
    }
    if (parsed.key === '') return [];
    // Blocking: a match shares a (similar) surname, or a given name when the surname is an
    // initial ("Robert M."); "Lopez Maria" is found through its first word as a surname.
    const aliasIds = new Set<number>(this.byKey.get(parsed.key) ?? []);
    const collect = (token: NameToken, asGiven: boolean, index: Map<string, number[]>): void => {
      for (const known of this.similarTokens(token, asGiven)) for (const alias of index.get(known) ?? []) aliasIds.add(alias);
    };
    const tokens = parsed.tokens;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (first !== undefined && last !== undefined) {
      if (tokens.length === 1) {
        if (!first.initial) {
          collect(first, true, this.byGiven);
          collect(first, false, this.bySurname);
        }
      } else {
        if (!last.initial) collect(last, false, this.bySurname);
        else if (!first.initial) collect(first, true, this.byGiven);
        if (!first.initial) collect(first, false, this.bySurname);
        if (last.initial && first.initial) {
          for (const middle of tokens.slice(1, -1)) if (!middle.initial) collect(middle, false, this.bySurname);
        }
      }
    }
    for (const alias of aliasIds) {
      const entry = this.aliases[alias];
      if (entry !== undefined) note(entry.person, scoreName(parsed, entry.parsed));
    }
    return this.sorted(best);
  }

  private sorted(best: Map<number, NameScore>): NameCandidate[] {
    return [...best.entries()]
      .map(([person, score]) => ({ person, ...score }))
      .sort((a, b) => b.score - a.score || a.person - b.person);
  }
}
