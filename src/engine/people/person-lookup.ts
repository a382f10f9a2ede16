/**
 * Finding the people an attendance list, a mentorship file or a matching file names, with the
 * survey importer's own name matching: `NameMatcher` (case, accents, "Last, First", initials,
 * nicknames, shortened names, one-letter typos, emails), its thresholds (`ACCEPT_SCORE` 0.75,
 * `CONTENDER_MARGIN` 0.08), `nonPersonReason` and the saved resolution decisions
 * (`decisionBook`). Nothing here re-implements a comparison of names.
 *
 * Each distinct written text (normalised with `nameKey`) is decided once, full names first and
 * the most frequent first, so that without any known people "Kevin Cohen" (written five times)
 * becomes a person before "Kevin Cohn" (once) joins it as a typo:
 *
 * - an email known for someone, or one clear candidate (score >= 0.75, no other within 0.08):
 *   **matched**;
 * - several people fit about as well, or only weakly (a given name alone): **ambiguous**, left
 *   out with a warning listing the candidates (a saved decision settles it: there is no survey
 *   context here to weigh them);
 * - nobody fits: a full name or an email becomes a **new person** (`unknownNames: 'add'`, the
 *   default) or is left out (`'leave'`); text naming nobody ("TBD", "my team") is
 *   **not-a-person**; anything shorter is **unmatched**.
 *
 * Deterministic: the same cells and people give the same answer, ids included.
 */
import type { Person } from '../core/model/records.ts';
import type { ResolutionDecision, ResolutionStatus } from '../core/model/survey.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { decisionBook } from './decisions.ts';
import { NameMatcher, parseName } from './name-match.ts';
import type { KnownPerson, NameCandidate } from './name-match.ts';
import { emailOf, nameFromEmail, nameKey, tidyLabel } from './name-normalize.ts';
import { nonPersonReason } from './non-person.ts';
import { ACCEPT_SCORE, CONTENDER_MARGIN } from './resolve-names.ts';

/** One cell naming a person: the text and where it was written. */
export interface NamedCell {
  text: string;
  file: string;
  /** Row as a spreadsheet shows it (header = 1). */
  row: number;
  field: string;
}

export interface PersonLookupOptions {
  /** People already known (the dataset's): matched by label, id and any email attribute. */
  people?: readonly Person[];
  /** People known with several names and emails (a roster read by `readRoster`). */
  known?: readonly KnownPerson[];
  /** Names that match nobody known: full names and emails become new people ('add', default) or are left out ('leave'). */
  unknownNames?: 'add' | 'leave';
  /** The user's saved decisions (the survey's format); `respondent` is not used here. */
  decisions?: readonly ResolutionDecision[];
  /** The "question" decisions are scoped by, e.g. `attendance` or `mentorship`. Default `attendance`. */
  question?: string;
  /** What the file lists, for messages: "attendance list", "mentorship pairs". Default "list". */
  what?: string;
  /** Weakest name score offered as a candidate of an ambiguous name. Default 0.5. */
  reviewScore?: number;
}

/** How one cell was resolved. */
export interface LookupEntry extends NamedCell {
  /** The normalised text (decisions are keyed by it). */
  key: string;
  /** The person's id, or null when nobody was taken. */
  person: string | null;
  status: ResolutionStatus;
  /** 0..1: the name score of the person taken (1 for an email, a decision or a new person). */
  confidence: number;
  /** How it matched, in words: `exact name`, `email`, `nickname`, `initial and surname`, ... */
  method: string;
  /** Ambiguous names: the people it could be, best first. */
  candidates?: Array<{ person: string; label: string; score: number }>;
}

export interface PersonLookup {
  /** Aligned with the cells given. */
  entries: LookupEntry[];
  /** People who were not known before (new full names, emails and decisions). */
  added: Person[];
  issues: InputIssue[];
}

const REVIEW_SCORE = 0.5;
const MAX_OFFERED = 5;

/** The matcher's view of a dataset person: label and id as names, email-looking attributes as emails. */
export function knownPerson(person: Person): KnownPerson {
  const names = [person.label];
  if (person.id !== person.label && emailOf(person.id) === undefined && /\p{L}{2}/u.test(person.id)) names.push(person.id);
  const emails: string[] = [];
  for (const value of Object.values(person.attributes)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string') continue;
      const email = emailOf(item);
      if (email !== undefined && !emails.includes(email)) emails.push(email);
    }
  }
  const idEmail = emailOf(person.id);
  if (idEmail !== undefined && !emails.includes(idEmail)) emails.push(idEmail);
  return { id: person.id, label: person.label || person.id, names, emails };
}

function isFullName(text: string, email: string | undefined): boolean {
  if (email !== undefined) return true;
  return parseName(text).tokens.filter((t) => !t.initial).length >= 2;
}

const quote = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;

type Verdict =
  | { status: 'matched'; person: number; score: number; method: string }
  | { status: 'decided'; person: number; method: string }
  | { status: 'new-person'; person: number }
  | { status: 'ambiguous'; candidates: NameCandidate[] }
  | { status: 'unmatched' | 'not-a-person'; reason: string };

/**
 * Resolves every cell to one person, or says why not. Never throws; each problem is an issue
 * naming the file, the first row it occurs in and the field.
 */
export function lookupPeople(cells: readonly NamedCell[], options: PersonLookupOptions = {}): PersonLookup {
  const issues: InputIssue[] = [];
  const matcher = new NameMatcher();
  const ids = new Map<string, number>();
  const records: Array<{ id: string; label: string; known: boolean; email?: string }> = [];
  const addKnown = (person: KnownPerson, known: boolean, email?: string): number => {
    const existing = ids.get(person.id);
    if (existing !== undefined) {
      for (const name of person.names) matcher.addName(existing, name);
      for (const mail of person.emails) matcher.addEmail(existing, mail);
      return existing;
    }
    const index = matcher.add(person);
    ids.set(person.id, index);
    records.push({ id: person.id, label: person.label, known, ...(email !== undefined ? { email } : {}) });
    return index;
  };
  for (const person of options.known ?? []) addKnown(person, true);
  for (const person of options.people ?? []) addKnown(knownPerson(person), true);
  const freeId = (wanted: string): string => {
    const base = wanted.trim() === '' ? 'person' : wanted.trim();
    if (!ids.has(base)) return base;
    for (let n = 2; ; n++) if (!ids.has(`${base} (${n})`)) return `${base} (${n})`;
  };

  const mayAdd = (options.unknownNames ?? 'add') === 'add';
  const question = options.question ?? 'attendance';
  const what = options.what ?? 'list';
  const reviewScore = options.reviewScore ?? REVIEW_SCORE;
  const book = decisionBook(options.decisions ?? []);

  // Distinct texts, full names first, then the most written, then alphabetically.
  const keys = cells.map((cell) => nameKey(cell.text));
  const count = new Map<string, number>();
  const firstCell = new Map<string, number>();
  keys.forEach((key, i) => {
    count.set(key, (count.get(key) ?? 0) + 1);
    if (!firstCell.has(key)) firstCell.set(key, i);
  });
  const order = [...count.keys()].filter((key) => key !== '');
  const full = new Map(order.map((key) => [key, isFullName(cells[firstCell.get(key)!]!.text, emailOf(key))]));
  order.sort((a, b) => Number(full.get(b)) - Number(full.get(a)) || count.get(b)! - count.get(a)! || (a < b ? -1 : a > b ? 1 : 0));

  const create = (label: string, names: string[], emails: string[]): number =>
    addKnown({ id: freeId(label), label, names, emails }, false, emails[0]);

  const verdicts = new Map<string, Verdict>();
  for (const key of order) {
    const cell = cells[firstCell.get(key)!]!;
    const text = cell.text.trim();
    const email = emailOf(key);
    const decision = book.find(key, '', question);
    if (decision !== undefined) {
      if (decision.action === 'match') {
        const person = ids.get(decision.person);
        if (person !== undefined) {
          verdicts.set(key, { status: 'decided', person, method: 'your decision' });
          continue;
        }
        issues.push({
          level: 'warning',
          code: 'stale-decision',
          message: `your decision that ${quote(decision.written)} is ${quote(decision.person)} names a person who is not in the data; the name was resolved automatically`,
          file: cell.file,
          row: cell.row,
          field: cell.field,
        });
      } else if (decision.action === 'new-person') {
        const label = decision.label ?? tidyLabel(text);
        const person = ids.get(label) ?? create(label, [label, text], email !== undefined ? [email] : []);
        verdicts.set(key, { status: 'decided', person, method: 'your decision: a new person' });
        continue;
      } else {
        verdicts.set(key, { status: 'not-a-person', reason: 'your decision: names no one' });
        continue;
      }
    }
    if (email !== undefined) {
      const byEmail = matcher.findEmail(email);
      if (byEmail !== undefined) {
        verdicts.set(key, { status: 'matched', person: byEmail, score: 1, method: 'email' });
        continue;
      }
    }
    const candidates = matcher.candidates(email ?? text);
    const top = candidates[0];
    const exact = candidates.filter((c) => c.score >= 0.999);
    const contenders = top === undefined ? [] : candidates.filter((c) => c.score >= top.score - CONTENDER_MARGIN);
    const reason = email === undefined ? nonPersonReason(text) : undefined;
    let verdict: Verdict;
    if (exact.length === 1) verdict = { status: 'matched', person: exact[0]!.person, score: 1, method: exact[0]!.method };
    else if (exact.length > 1) verdict = { status: 'ambiguous', candidates: exact };
    else if (reason !== undefined) verdict = { status: 'not-a-person', reason };
    else if (top !== undefined && top.score >= ACCEPT_SCORE && contenders.length === 1) verdict = { status: 'matched', person: top.person, score: top.score, method: top.method };
    else if (top !== undefined && top.score >= ACCEPT_SCORE) verdict = { status: 'ambiguous', candidates: contenders };
    else if (isFullName(text, email) && mayAdd) {
      const fromEmail = email !== undefined ? nameFromEmail(email) : undefined;
      const label = email !== undefined ? tidyLabel(fromEmail ?? email) : tidyLabel(text);
      const names = email !== undefined ? (fromEmail !== undefined ? [fromEmail] : []) : [text];
      verdict = { status: 'new-person', person: create(label, names, email !== undefined ? [email] : []) };
    } else if (top !== undefined && (top.score >= reviewScore || contenders.length > 1)) verdict = { status: 'ambiguous', candidates: contenders.length > 1 ? contenders : [top] };
    else if (isFullName(text, email)) verdict = { status: 'unmatched', reason: 'matches no one known' };
    else verdict = { status: 'unmatched', reason: parseName(text).tokens.every((t) => t.initial) ? 'initials only' : 'too short to tell who it is, and matches no one' };
    verdicts.set(key, verdict);
  }

  // One warning per distinct text, at its first row, saying how many more rows it covers.
  const rowsOf = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const list = rowsOf.get(key) ?? [];
    list.push(cells[i]!.row);
    rowsOf.set(key, list);
  });
  const more = (key: string): string => {
    const extra = (rowsOf.get(key)?.length ?? 1) - 1;
    return extra > 0 ? ` (and ${extra} more row${extra === 1 ? '' : 's'})` : '';
  };
  const labelOf = (index: number): string => records[index]!.label;
  for (const key of order) {
    const verdict = verdicts.get(key)!;
    const cell = cells[firstCell.get(key)!]!;
    const at = { file: cell.file, row: cell.row, field: cell.field };
    const written = quote(cell.text.trim());
    switch (verdict.status) {
      case 'ambiguous': {
        const list = verdict.candidates
          .slice(0, MAX_OFFERED)
          .map((c) => `${quote(labelOf(c.person))} (${round(c.score)})`)
          .join(' or ');
        issues.push({
          level: 'warning',
          code: 'ambiguous-name',
          message: `${written} could be ${list}; left out of the ${what}${more(key)}. Write the full name or email, or save a decision`,
          ...at,
        });
        break;
      }
      case 'unmatched':
        issues.push({ level: 'warning', code: 'unmatched-name', message: `${written} ${verdict.reason}; left out of the ${what}${more(key)}`, ...at });
        break;
      case 'not-a-person':
        issues.push({ level: 'warning', code: 'not-a-person', message: `${written} names no one (${verdict.reason}); left out of the ${what}${more(key)}`, ...at });
        break;
      case 'new-person':
        if ((options.people?.length ?? 0) + (options.known?.length ?? 0) > 0) {
          issues.push({ level: 'warning', code: 'not-on-roster', message: `${written} matches no one known; added as a new person`, ...at });
        }
        break;
      case 'matched':
        if (verdict.score < 0.97) {
          issues.push({
            level: 'warning',
            code: 'name-matched',
            message: `${written} was taken to be ${quote(labelOf(verdict.person))} (${verdict.method}, score ${round(verdict.score)})${more(key)}`,
            ...at,
          });
        }
        break;
      default:
        break;
    }
  }
  for (const decision of book.unused()) {
    issues.push({ level: 'warning', code: 'unused-decision', message: `your decision about ${quote(decision.written)} was not needed: no such name in this ${what}` });
  }

  const entries: LookupEntry[] = cells.map((cell, i) => {
    const key = keys[i]!;
    const base = { ...cell, key };
    if (key === '') return { ...base, person: null, status: 'unmatched', confidence: 0, method: 'empty' };
    const verdict = verdicts.get(key)!;
    switch (verdict.status) {
      case 'matched':
        return { ...base, person: records[verdict.person]!.id, status: 'matched', confidence: round(verdict.score), method: verdict.method };
      case 'decided':
        return { ...base, person: records[verdict.person]!.id, status: 'decided', confidence: 1, method: verdict.method };
      case 'new-person':
        return { ...base, person: records[verdict.person]!.id, status: 'new-person', confidence: 1, method: 'not known before: added as a new person' };
      case 'ambiguous':
        return {
          ...base,
          person: null,
          status: 'ambiguous',
          confidence: 0,
          method: 'several people could be meant',
          candidates: verdict.candidates.slice(0, MAX_OFFERED).map((c) => ({ person: records[c.person]!.id, label: labelOf(c.person), score: round(c.score) })),
        };
      default:
        return { ...base, person: null, status: verdict.status, confidence: 0, method: verdict.reason };
    }
  });
  const added: Person[] = records
    .filter((r) => !r.known)
    .map((r): Person => ({ id: r.id, label: r.label, attributes: r.email !== undefined ? { email: r.email } : {} }));
  return { entries, added, issues };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
