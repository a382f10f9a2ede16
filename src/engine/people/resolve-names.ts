/**
 * Resolving every written name to one person, or saying why not. Per distinct written text
 * (normalised), the matcher's candidates decide:
 *
 * - one candidate fits well (name score >= ACCEPT_SCORE = 0.75) and no other comes within
 *   CONTENDER_MARGIN = 0.08 of it: **matched**;
 * - several fit about as well, or only weakly (a given name alone): **ambiguous**, weighed per
 *   answer with the respondent's context (`disambiguate.ts`) and listed for the user;
 * - nobody fits: text that names nobody ("my team") is **not-a-person**; a full name becomes a
 *   **new person** (without a roster: the people are the respondents and the names written;
 *   with one: unless `unknownNames` is 'leave'); anything shorter stays **unmatched**.
 *
 * Without a roster, names are clustered: full names are taken most frequent first, so that "Kevin
 * Cohen" (written four times) becomes a person before "Kevin Cohn" (once) matches it as a typo.
 * The user's decisions override all of this. Non-interactive mode (`mode: 'auto'`) takes an
 * ambiguous name's best candidate when its confidence is at least `threshold` (default 0.5), and
 * the caller lists it as a warning; review mode leaves it for the user.
 */
import type { Ambiguity, ResolutionDecision, ResolutionStatus } from '../core/model/survey.ts';
import { checkCancelled } from '../core/util/cancel.ts';
import type { RunHooks } from '../core/util/cancel.ts';
import type { InputIssue } from '../core/util/issues.ts';
import type { DecisionBook } from './decisions.ts';
import { contextAttributes, round, weighCandidates } from './disambiguate.ts';
import type { SurveyContext } from './disambiguate.ts';
import type { NameCandidate, ParsedName } from './name-match.ts';
import { parseName } from './name-match.ts';
import { emailOf, nameFromEmail, nameKey, tidyLabel } from './name-normalize.ts';
import { nonPersonReason } from './non-person.ts';
import type { PeopleRegistry } from './people-registry.ts';

/** A name score at least this, with no close competitor, is a match. */
export const ACCEPT_SCORE = 0.75;
/** Candidates within this of the best one compete with it. */
export const CONTENDER_MARGIN = 0.08;
/** Non-interactive mode takes an ambiguous name's best candidate when its confidence is at least this. */
export const AUTO_RESOLVE_THRESHOLD = 0.5;
/** Weaker single candidates are not offered at all. */
const REVIEW_SCORE = 0.5;
/** Candidates offered for an ambiguous name: within this of the best, at most MAX_OFFERED. */
const OFFER_MARGIN = 0.25;
const MAX_OFFERED = 6;

/** One name written by one respondent. */
export interface Mention {
  /** Registry index of the respondent. */
  respondent: number;
  file: string;
  wave?: string;
  row: number;
  field: string;
  relation: string;
  written: string;
  /** Text to match ("First Last"). */
  name: string;
  weight: number;
}

export interface ResolvedMention {
  mention: Mention;
  key: string;
  /** Registry index of the person meant; undefined when none was taken (or the respondent themself). */
  person: number | undefined;
  status: ResolutionStatus;
  confidence: number;
  method: string;
  ambiguity?: Ambiguity;
}

export interface ResolveOptions {
  mode: 'review' | 'auto';
  threshold: number;
  hasRoster: boolean;
  /** With a roster: full names matching nobody become new people ('add') or stay unresolved ('leave'). */
  unknownNames: 'add' | 'leave';
  decisions: DecisionBook;
}

type Verdict =
  | { kind: 'match'; person: number; score: number; method: string }
  | { kind: 'ambiguous'; candidates: NameCandidate[] }
  | { kind: 'new'; person: number | undefined; text: string }
  | { kind: 'not-a-person'; reason: string }
  | { kind: 'unmatched'; reason: string };

const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,}$/u;

/** A name that can stand for a new person: two full words, an email, or a name in a script without spaces. */
function isFullName(parsed: ParsedName, email: string | undefined): boolean {
  if (email !== undefined) return true;
  const full = parsed.tokens.filter((t) => !t.initial);
  if (full.length >= 2) return true;
  return full.length === 1 && parsed.tokens.length === 1 && UNSPACED.test(full[0]?.text ?? '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function resolveMentions(
  mentions: readonly Mention[],
  registry: PeopleRegistry,
  options: ResolveOptions,
  hooks?: RunHooks,
): { resolved: ResolvedMention[]; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const idOf = (index: number): string => registry.record(index).id;
  const keys = mentions.map((m) => nameKey(m.name));
  const decisions: Array<ResolutionDecision | undefined> = mentions.map((m, i) =>
    options.decisions.find(keys[i] as string, idOf(m.respondent), m.relation),
  );

  // Word counts over everything written: rare words are typos, common ones real names.
  const wordCounts = new Map<string, number>();
  const parsedOf = new Map<string, ParsedName>();
  const textOf = new Map<string, string>();
  const undecided = new Map<string, number>();
  mentions.forEach((m, i) => {
    const key = keys[i] as string;
    if (!parsedOf.has(key)) {
      parsedOf.set(key, parseName(m.name));
      textOf.set(key, m.name);
    }
    for (const token of (parsedOf.get(key) as ParsedName).tokens) if (!token.initial) wordCounts.set(token.text, (wordCounts.get(token.text) ?? 0) + 1);
    if (decisions[i] === undefined) undecided.set(key, (undecided.get(key) ?? 0) + 1);
  });
  const commonness = (parsed: ParsedName): number => parsed.tokens.reduce((sum, t) => sum + Math.log(1 + (wordCounts.get(t.text) ?? 0)), 0);
  const allKeys = [...parsedOf.keys()];
  const rank = (key: string): number => (isFullName(parsedOf.get(key) as ParsedName, emailOf(key)) ? 0 : 1);
  allKeys.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (undecided.get(b) ?? 0) - (undecided.get(a) ?? 0) ||
      commonness(parsedOf.get(b) as ParsedName) - commonness(parsedOf.get(a) as ParsedName) ||
      compare(a, b),
  );

  const mayCreate = !options.hasRoster || options.unknownNames === 'add';
  const create = (key: string): number => {
    const text = textOf.get(key) as string;
    const email = emailOf(key);
    const fromEmail = email !== undefined ? nameFromEmail(email) : undefined;
    const label = email !== undefined ? tidyLabel(fromEmail ?? email) : tidyLabel(text);
    const index = registry.add({ label, source: 'written', names: email !== undefined ? (fromEmail !== undefined ? [fromEmail] : []) : [text], emails: email !== undefined ? [email] : [] });
    registry.vote(index, label, 1);
    return index;
  };

  const verdicts = new Map<string, Verdict>();
  for (const [done, key] of allKeys.entries()) {
    if (done % 500 === 0) {
      checkCancelled(hooks);
      hooks?.onProgress?.('resolving names', done / allKeys.length);
    }
    const parsed = parsedOf.get(key) as ParsedName;
    const text = textOf.get(key) as string;
    const email = emailOf(key);
    const candidates = registry.matcher.candidates(email ?? parsed);
    const top = candidates[0];
    let verdict: Verdict;
    if (top !== undefined && top.score >= 0.999) {
      const exact = candidates.filter((c) => c.score >= 0.999);
      verdict = exact.length === 1 ? { kind: 'match', person: top.person, score: 1, method: top.method } : { kind: 'ambiguous', candidates: exact };
    } else {
      const reason = email === undefined ? nonPersonReason(text) : undefined;
      const contenders = top === undefined ? [] : candidates.filter((c) => c.score >= top.score - CONTENDER_MARGIN);
      if (reason !== undefined) verdict = { kind: 'not-a-person', reason };
      else if (top !== undefined && top.score >= ACCEPT_SCORE && contenders.length === 1) verdict = { kind: 'match', person: top.person, score: top.score, method: top.method };
      else if (top !== undefined && top.score >= ACCEPT_SCORE) verdict = { kind: 'ambiguous', candidates };
      else if (isFullName(parsed, email) && mayCreate) verdict = { kind: 'new', person: undefined, text };
      else if (top !== undefined && (top.score >= REVIEW_SCORE || contenders.length > 1)) verdict = { kind: 'ambiguous', candidates };
      else if (isFullName(parsed, email)) verdict = { kind: 'unmatched', reason: options.hasRoster ? 'matches no one on the roster' : 'matches no one' };
      else verdict = { kind: 'unmatched', reason: parsed.tokens.every((t) => t.initial) ? 'initials only' : 'too short to tell who it is, and matches no one' };
    }
    // New people are made only for texts someone will be resolved to without a decision.
    if (verdict.kind === 'new' && (undecided.get(key) ?? 0) > 0) verdict.person = create(key);
    verdicts.set(key, verdict);
  }

  const resolved: ResolvedMention[] = [];
  const pendingAmbiguous: number[] = [];
  const automatic = (i: number): ResolvedMention => {
    const mention = mentions[i] as Mention;
    const key = keys[i] as string;
    const verdict = verdicts.get(key) as Verdict;
    switch (verdict.kind) {
      case 'match':
        return { mention, key, person: verdict.person, status: 'matched', confidence: round(verdict.score), method: verdict.method };
      case 'new': {
        if (verdict.person === undefined) verdict.person = create(key);
        return { mention, key, person: verdict.person, status: 'new-person', confidence: 1, method: options.hasRoster ? 'not on the roster: added as a new person' : 'first written so' };
      }
      case 'not-a-person':
        return { mention, key, person: undefined, status: 'not-a-person', confidence: 0, method: verdict.reason };
      case 'unmatched':
        return { mention, key, person: undefined, status: 'unmatched', confidence: 0, method: verdict.reason };
      case 'ambiguous':
        pendingAmbiguous.push(i);
        return { mention, key, person: undefined, status: 'ambiguous', confidence: 0, method: 'several people could be meant' };
    }
  };
  mentions.forEach((mention, i) => {
    const decision = decisions[i];
    const key = keys[i] as string;
    if (decision === undefined) {
      resolved.push(automatic(i));
      return;
    }
    switch (decision.action) {
      case 'match': {
        const person = registry.indexOf(decision.person);
        if (person === undefined) {
          issues.push({
            level: 'warning',
            code: 'stale-decision',
            message: `your decision that "${decision.written}" is "${decision.person}" names a person who is no longer in the data; the name was resolved automatically`,
            file: mention.file,
            row: mention.row,
            field: mention.field,
          });
          resolved.push(automatic(i));
          return;
        }
        resolved.push({ mention, key, person, status: 'decided', confidence: 1, method: 'your decision' });
        return;
      }
      case 'new-person': {
        const label = decision.label ?? tidyLabel(mention.name);
        let person = registry.indexOf(label);
        if (person === undefined) {
          person = registry.add({ id: label, label, source: 'decision', names: [label, mention.name], emails: [] });
          registry.vote(person, label, 100);
        }
        resolved.push({ mention, key, person, status: 'decided', confidence: 1, method: 'your decision: a new person' });
        return;
      }
      case 'not-a-person':
        resolved.push({ mention, key, person: undefined, status: 'not-a-person', confidence: 0, method: 'your decision: names no one' });
        return;
    }
  });

  // Votes for labels of people found in the answers: exact spellings only, never typos.
  for (const entry of resolved) {
    if (entry.person === undefined || entry.status === 'decided') continue;
    if (entry.confidence >= 0.97) registry.vote(entry.person, entry.mention.name, 1);
  }

  // Context from everything resolved so far, to weigh the ambiguous names.
  const context = buildContext(resolved, registry);
  for (const i of pendingAmbiguous) {
    const entry = resolved[i] as ResolvedMention;
    const verdict = verdicts.get(entry.key) as Extract<Verdict, { kind: 'ambiguous' }>;
    const respondent = entry.mention.respondent;
    let candidates = verdict.candidates;
    const withoutSelf = candidates.filter((c) => c.person !== respondent);
    const selfRemoved = withoutSelf.length < candidates.length && withoutSelf.length > 0;
    if (selfRemoved) candidates = withoutSelf;
    const top = candidates[0] as NameCandidate;
    const contenders = candidates.filter((c) => c.score >= top.score - CONTENDER_MARGIN);
    if (selfRemoved && contenders.length === 1 && top.score >= ACCEPT_SCORE) {
      Object.assign(entry, { person: top.person, status: 'matched', confidence: round(top.score), method: `${top.method} (the other candidate is the respondent)` });
      continue;
    }
    const offered = candidates.filter((c) => c.score >= top.score - OFFER_MARGIN).slice(0, MAX_OFFERED);
    const weighed = weighCandidates(
      idOf(respondent),
      offered.map((c) => ({ person: idOf(c.person), label: registry.record(c.person).label, nameScore: c.score, method: c.method })),
      context,
    );
    const best = weighed[0];
    const second = weighed[1];
    const suggestion = best !== undefined && best.confidence >= options.threshold && (second === undefined || second.confidence < best.confidence) ? best.person : null;
    const mention = entry.mention;
    entry.ambiguity = {
      written: mention.written,
      key: entry.key,
      respondent: idOf(respondent),
      question: mention.relation,
      file: mention.file,
      row: mention.row,
      field: mention.field,
      ...(mention.wave !== undefined ? { wave: mention.wave } : {}),
      candidates: weighed,
      chosen: suggestion,
    };
    if (options.mode === 'auto' && suggestion !== null && best !== undefined) {
      entry.person = registry.indexOf(suggestion);
      entry.status = 'best-guess';
      entry.confidence = best.confidence;
      entry.method = `best of ${weighed.length} candidates (${best.reasons.join('; ')})`;
    } else {
      entry.confidence = 0;
      entry.method =
        best === undefined
          ? 'no candidate'
          : `${weighed.length === 1 ? 'one weak candidate' : `${weighed.length} candidates`}; the best (${best.label}, ${best.confidence}) is ${options.mode === 'auto' ? `below the threshold ${options.threshold}` : 'waiting for your choice'}`;
    }
  }

  // Self-nominations are reported and dropped.
  for (const entry of resolved) {
    if (entry.person !== undefined && entry.person === entry.mention.respondent) {
      entry.person = undefined;
      entry.status = 'self';
      entry.method = `the respondent themself (${entry.method})`;
    }
  }
  registry.chooseLabels(wordCounts);
  for (const decision of options.decisions.unused()) {
    issues.push({
      level: 'warning',
      code: 'unused-decision',
      message: `your decision about "${decision.written}"${decision.respondent !== undefined ? ` (answers of ${decision.respondent})` : ''} was not needed: no such answer in this import`,
    });
  }
  return { resolved, issues };
}

function buildContext(resolved: readonly ResolvedMention[], registry: PeopleRegistry): SurveyContext {
  const named = new Map<string, Map<string, string>>();
  const contacts = new Map<string, Set<string>>();
  const namers = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    const set = contacts.get(a) ?? new Set<string>();
    set.add(b);
    contacts.set(a, set);
  };
  for (const entry of resolved) {
    if (entry.person === undefined || entry.person === entry.mention.respondent) continue;
    if (entry.status !== 'matched' && entry.status !== 'decided' && entry.status !== 'new-person') continue;
    const source = registry.record(entry.mention.respondent).id;
    const target = registry.record(entry.person).id;
    const mine = named.get(source) ?? new Map<string, string>();
    if (!mine.has(target)) mine.set(target, entry.mention.written);
    named.set(source, mine);
    link(source, target);
    link(target, source);
    const by = namers.get(target) ?? new Set<string>();
    by.add(source);
    namers.set(target, by);
  }
  const attributesById = new Map(registry.records.map((r) => [r.id, r.attributes]));
  return {
    named,
    contacts,
    namedBy: new Map([...namers.entries()].map(([person, set]) => [person, set.size])),
    attributes: (person) => attributesById.get(person),
    ...contextAttributes(registry.records.map((r) => r.attributes)),
  };
}
