/**
 * Many Network Canvas ego interviews merged into one network of people, with the people matcher
 * the surveys use (people/): each interview's ego is a person (found by their name variable, else
 * known by the interview's case id), and every alter's name is resolved across the interviews and
 * against a roster when one is given; names that could be several people are listed for review
 * (review mode) or take their best candidate above the threshold (auto mode, the CLI).
 *
 * Ties are undirected. The ego's tie to each alter comes from the interview itself (relation
 * `named` by default); alter–alter ties come from the edge lists, one relation per edge type.
 * Each tie keeps who reported it (`reportedBy`: the egos whose interviews hold it, `reporters`:
 * how many) and is `confirmed` when both of its people reported it (A named B and B named A).
 * Node types become the person attribute `type`. An alter's variables (categoricals already
 * folded into lists) are what the interviewee said about them: they stay on the `named` tie (the
 * first reporter's, for a tie two people reported), and fill the person's empty attributes only
 * for people who were not interviewed themselves (the roster's values always win).
 */
import { assembleDataset } from '../../io/assemble-dataset.ts';
import { setAttribute } from '../../io/attribute-columns.ts';
import type { NcExport, NcInterview, NcPlace } from '../../io/network-canvas.ts';
import { emptyPart, type TieOrigin } from '../../io/types.ts';
import type { Dataset } from '../../core/model/dataset.ts';
import type { AttributeValue, Attributes, Person, Relation, Tie } from '../../core/model/records.ts';
import type { Ambiguity, ResolutionDecision, ResolutionEntry } from '../../core/model/survey.ts';
import type { RunHooks } from '../../core/util/cancel.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { ok, readSoFar, resultOf, type Reading } from '../../core/util/result.ts';
import { decisionBook } from '../../people/decisions.ts';
import { PeopleRegistry } from '../../people/people-registry.ts';
import { ACCEPT_SCORE, AUTO_RESOLVE_THRESHOLD, resolveMentions, type Mention, type ResolvedMention } from '../../people/resolve-names.ts';
import type { Roster } from '../survey/roster.ts';
import { appendAll } from '../../core/util/append-all.ts';

export interface MergeInterviewsOptions {
  /** `review` (default): ambiguous names wait for the user. `auto`: the best candidate above `threshold` is taken. */
  mode?: 'review' | 'auto';
  threshold?: number;
  decisions?: ResolutionDecision[];
  /** With a roster: names matching no one on it become new people ('add', default) or are left out ('leave'). */
  unknownNames?: 'add' | 'leave';
  /** The relation of the ties between each interviewee and the people they named. */
  namedRelation?: string;
  /** Dataset name. Default: the protocol's name, else the first file's name. */
  name?: string;
}

/** The defaults, in one place. */
export const MERGE_DEFAULTS = {
  mode: 'review',
  threshold: AUTO_RESOLVE_THRESHOLD,
  unknownNames: 'add',
  namedRelation: 'named',
} as const;

export interface NetworkCanvasImport {
  dataset: Dataset;
  /** One entry per alter name, in interview order. */
  resolution: ResolutionEntry[];
  /** Names that could be several people and are still waiting for the user (review mode). */
  pending: Ambiguity[];
  interviews: number;
}

const EGO_NAME = /^(ego[ _-]?)?(full[ _-]?|display[ _-]?)?name$/i;
const ALTER_NAME = /^(full[ _-]?|display[ _-]?)?name$|^label$|^nickname$/i;
const FIRST = /^(first[ _-]?name|given[ _-]?name|first)$/i;
const LAST = /^(last[ _-]?name|surname|family[ _-]?name|last)$/i;
const EMAIL = /^e-?mail([ _-]?address)?$/i;

const quote = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
const atOf = (place: NcPlace) => ({ file: place.file, row: place.row });

/** A name variable's value and the field it was read from. */
function nameIn(attributes: Attributes, pattern: RegExp): { name: string; field: string } | undefined {
  const text = (value: AttributeValue | undefined): string => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
  for (const [key, value] of Object.entries(attributes)) if (pattern.test(key) && text(value) !== '') return { name: text(value), field: key };
  const first = Object.keys(attributes).find((k) => FIRST.test(k));
  const last = Object.keys(attributes).find((k) => LAST.test(k));
  if (first !== undefined && last !== undefined) {
    const joined = `${text(attributes[first])} ${text(attributes[last])}`.trim();
    if (joined !== '') return { name: joined, field: first };
  }
  return undefined;
}

function emailIn(attributes: Attributes): string | undefined {
  const key = Object.keys(attributes).find((k) => EMAIL.test(k));
  const value = key === undefined ? undefined : attributes[key];
  return typeof value === 'string' && value.includes('@') ? value.trim() : undefined;
}

/** Attributes set only where the person has none yet (roster values and their own answers win). */
function fill(target: Attributes, source: Attributes, skip: ReadonlySet<string> = new Set()): void {
  for (const [key, value] of Object.entries(source)) {
    if (skip.has(key) || value === null) continue;
    const current = target[key];
    if (current === undefined || current === null) setAttribute(target, key, value);
  }
}

/** The interviewee: a roster person or an earlier interviewee by email or the same name, else someone new. */
function findEgo(registry: PeopleRegistry, name: string | undefined, email: string | undefined, hasRoster: boolean, at: NcPlace, issues: InputIssue[]): number | undefined {
  if (email !== undefined) {
    const byEmail = registry.matcher.findEmail(email);
    if (byEmail !== undefined) return byEmail;
  }
  if (name === undefined) return undefined;
  const candidates = registry.matcher.candidates(name);
  const exact = candidates.filter((c) => c.score >= 0.999);
  if (exact.length === 1) return exact[0]?.person;
  const top = candidates[0];
  if (hasRoster && exact.length === 0 && top !== undefined && top.score >= ACCEPT_SCORE && candidates.filter((c) => c.score >= top.score - 0.08).length === 1) {
    issues.push({ level: 'warning', code: 'interviewee-matched-by-name', message: `the interviewee ${quote(name)} was taken to be ${quote(registry.record(top.person).label)} on the roster (${top.method})`, ...atOf(at) });
    return top.person;
  }
  if (exact.length > 1) issues.push({ level: 'warning', code: 'ambiguous-interviewee', message: `the interviewee ${quote(name)} could be several people; they were added as someone new`, ...atOf(at) });
  return undefined;
}

interface TieAt {
  tie: Tie;
  reporters: string[];
  origin: TieOrigin;
}

function pairKey(a: string, b: string, relation: string): string {
  return [relation, ...(a < b ? [a, b] : [b, a])].join('\u0000');
}

/** Warnings for the names that did not become one person without doubt. */
function nameIssues(resolved: readonly ResolvedMention[], registry: PeopleRegistry, threshold: number): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const entry of resolved) {
    const m = entry.mention;
    const at = { file: m.file, row: m.row, field: m.field };
    const who = quote(registry.record(m.respondent).label);
    const candidates = (entry.ambiguity?.candidates ?? []).slice(0, 4).map((c) => `${quote(c.label)} (${c.confidence})`).join(' or ');
    if (entry.status === 'ambiguous') issues.push({ level: 'warning', code: 'ambiguous-name', message: `${quote(m.written)}, named by ${who}, could be ${candidates}; choose who is meant (below ${threshold}, none was taken)`, ...at });
    else if (entry.status === 'best-guess') issues.push({ level: 'warning', code: 'ambiguous-name-resolved', message: `${quote(m.written)}, named by ${who}, could be ${candidates}; ${quote(registry.record(entry.person as number).label)} was taken`, ...at });
    else if (entry.status === 'unmatched' || entry.status === 'not-a-person') issues.push({ level: 'warning', code: 'unmatched-name', message: `${quote(m.written)}, named by ${who}: ${entry.method}; left out`, ...at });
    else if (entry.status === 'self') issues.push({ level: 'warning', code: 'self-nomination', message: `${who} named themself (${quote(m.written)}); left out`, ...at });
  }
  return issues;
}

/**
 * Merges interviews (and a roster) into one dataset. Never throws on bad input; fails, with what
 * was built as `partial`, when the dataset does not validate. Throws CancelledError on cancel.
 */
export function mergeInterviews(read: NcExport, roster: Roster | undefined, options: MergeInterviewsOptions = {}, hooks?: RunHooks): Reading<NetworkCanvasImport> {
  const settings = { ...MERGE_DEFAULTS, ...options };
  const issues: InputIssue[] = [];
  const registry = new PeopleRegistry();
  for (const person of roster?.people ?? []) registry.add({ id: person.id, label: person.label, attributes: person.attributes, source: 'roster', names: person.names, emails: person.emails });
  const hasRoster = (roster?.people.length ?? 0) > 0;

  // The interviewees.
  const egos: number[] = [];
  const interviewedBy = new Map<number, NcInterview>();
  read.interviews.forEach((interview, i) => {
    const place = interview.at ?? interview.alters[0]?.at ?? { file: read.files[0] ?? '', row: 1 };
    const named = nameIn(interview.attributes, EGO_NAME);
    const email = emailIn(interview.attributes);
    let index = findEgo(registry, named?.name, email, hasRoster, place, issues);
    if (index === undefined) {
      const label = named?.name ?? (interview.caseId !== undefined ? `Interview ${interview.caseId}` : `Interview ${i + 1}`);
      index = registry.add({ label, source: 'respondent', names: named ? [named.name] : [], emails: email ? [email] : [] });
      if (named !== undefined) registry.vote(index, named.name, 3);
      if (hasRoster) issues.push({ level: 'warning', code: 'interviewee-not-on-roster', message: `the interviewee ${quote(label)} is not on the roster; they were added as a person`, ...atOf(place) });
    } else if (interviewedBy.has(index)) {
      issues.push({ level: 'warning', code: 'interviewed-twice', message: `${quote(registry.record(index).label)} was interviewed more than once; their interviews were merged`, ...atOf(place) });
    }
    interviewedBy.set(index, interview);
    fill(registry.record(index).attributes, interview.attributes, new Set(named ? [named.field] : []));
    if (interview.caseId !== undefined) setAttribute(registry.record(index).attributes, 'caseId', interview.caseId);
    egos.push(index);
  });

  // Every alter's name, resolved; alters without a name stay people of their own.
  const mentions: Mention[] = [];
  const mentionOf: Array<Map<string, number>> = read.interviews.map(() => new Map());
  const unnamed: Array<Map<string, number>> = read.interviews.map(() => new Map());
  read.interviews.forEach((interview, i) => {
    const ego = egos[i] as number;
    interview.alters.forEach((alter, n) => {
      const named = nameIn(alter.attributes, ALTER_NAME);
      if (named === undefined) {
        const label = `${alter.type} ${n + 1} named by ${registry.record(ego).label}`;
        const index = registry.add({ label, source: 'written', names: [], emails: [] });
        unnamed[i]?.set(alter.uuid, index);
        issues.push({ level: 'warning', code: 'unnamed-node', message: `this ${alter.type} has no name variable, so it cannot be matched with anyone; it was kept as ${quote(label)}`, ...atOf(alter.at) });
        return;
      }
      mentionOf[i]?.set(alter.uuid, mentions.length);
      mentions.push({ respondent: ego, file: alter.at.file, row: alter.at.row, field: named.field, relation: alter.type, written: named.name, name: named.name, weight: 1 });
    });
  });
  hooks?.onProgress?.('resolving names', 0);
  const { resolved, issues: resolveIssues } = resolveMentions(
    mentions,
    registry,
    { mode: settings.mode, threshold: settings.threshold, hasRoster, unknownNames: settings.unknownNames, decisions: decisionBook(settings.decisions ?? []) },
    hooks,
  );
  appendAll(issues, resolveIssues, nameIssues(resolved, registry, settings.threshold));
  hooks?.onProgress?.('building the network', 0);

  // Who each alter is, their type and variables.
  const personOf = (i: number, uuid: string): number | undefined => {
    const at = mentionOf[i]?.get(uuid);
    return at !== undefined ? resolved[at]?.person : unnamed[i]?.get(uuid);
  };
  read.interviews.forEach((interview, i) => {
    for (const alter of interview.alters) {
      const person = personOf(i, alter.uuid);
      if (person === undefined) continue;
      const attributes = registry.record(person).attributes;
      if (attributes.type === undefined || attributes.type === null) setAttribute(attributes, 'type', alter.type);
      // What an interviewee said about someone describes that person only when their own interview does not.
      if (!interviewedBy.has(person)) fill(attributes, alter.attributes, new Set([nameIn(alter.attributes, ALTER_NAME)?.field ?? '']));
    }
  });

  // Ties, each with who reported it.
  const ties = new Map<string, TieAt>();
  const relations: Relation[] = [{ name: settings.namedRelation, directed: false, description: 'named by the interviewee in their Network Canvas interview' }];
  const report = (a: number, b: number, relation: string, reporter: string, origin: TieOrigin, attributes: Attributes): void => {
    const [source, target] = [registry.record(a).id, registry.record(b).id];
    const key = pairKey(source, target, relation);
    const found = ties.get(key);
    if (found === undefined) {
      ties.set(key, { tie: { source, target, relation, directed: false, weight: 1, attributes: { ...attributes } }, reporters: [reporter], origin });
      if (!relations.some((r) => r.name === relation)) relations.push({ name: relation, directed: false });
      return;
    }
    if (found.reporters.includes(reporter)) {
      issues.push({ level: 'warning', code: 'named-twice', message: `${quote(registry.record(a).label)} and ${quote(registry.record(b).label)} are tied twice under "${relation}" in one interview; counted once`, file: origin.file, ...(origin.row !== undefined ? { row: origin.row } : {}) });
      return;
    }
    found.reporters.push(reporter);
    fill(found.tie.attributes as Attributes, attributes);
  };
  read.interviews.forEach((interview, i) => {
    const ego = egos[i] as number;
    const reporter = registry.record(ego).id;
    for (const alter of interview.alters) {
      const person = personOf(i, alter.uuid);
      if (person === undefined || person === ego) continue;
      const said = { ...alter.attributes };
      const nameField = nameIn(alter.attributes, ALTER_NAME)?.field;
      if (nameField !== undefined) delete said[nameField];
      report(ego, person, settings.namedRelation, reporter, { file: alter.at.file, row: alter.at.row, ...(alter.at.rowUnit ? { rowUnit: alter.at.rowUnit } : {}) }, said);
    }
    for (const edge of interview.edges) {
      const [a, b] = [personOf(i, edge.source), personOf(i, edge.target)];
      if (a === undefined || b === undefined) continue;
      const origin: TieOrigin = { file: edge.at.file, row: edge.at.row, ...(edge.at.rowUnit ? { rowUnit: edge.at.rowUnit } : {}), sourceField: edge.sourceField, targetField: edge.targetField };
      if (a === b) {
        issues.push({ level: 'warning', code: 'self-loop', message: `both ends of this "${edge.type}" edge are ${quote(registry.record(a).label)}; left out`, file: edge.at.file, row: edge.at.row });
        continue;
      }
      report(a, b, edge.type, reporter, origin, edge.attributes);
    }
  });
  const tieList: Tie[] = [];
  const origins: TieOrigin[] = [];
  for (const { tie, reporters, origin } of ties.values()) {
    const attributes = tie.attributes as Attributes;
    setAttribute(attributes, 'reportedBy', [...reporters].sort());
    setAttribute(attributes, 'reporters', reporters.length);
    setAttribute(attributes, 'confirmed', reporters.includes(tie.source) && reporters.includes(tie.target));
    tieList.push(tie);
    origins.push(origin);
  }

  // People.
  const people: Person[] = registry.records.map((record, index) => {
    const attributes = { ...record.attributes };
    setAttribute(attributes, 'interviewed', interviewedBy.has(index));
    if (hasRoster) setAttribute(attributes, 'onRoster', record.source === 'roster');
    return { id: record.id, label: record.label, attributes };
  });
  const part = emptyPart(read.files.join(', '));
  part.people = people;
  part.ties = tieList;
  part.tieOrigins = origins;
  part.relations = relations;
  const protocol = read.interviews.find((i) => i.protocol !== undefined)?.protocol;
  const name = settings.name ?? protocol ?? (read.files[0] ?? 'Network Canvas').replace(/\.[^.]+$/, '');
  const assembled = assembleDataset([ok(part)], { name });
  appendAll(issues, assembled.issues);

  const resolution: ResolutionEntry[] = resolved.map((entry) => ({
    file: entry.mention.file,
    row: entry.mention.row,
    field: entry.mention.field,
    respondent: registry.record(entry.mention.respondent).id,
    written: entry.mention.written,
    key: entry.key,
    question: entry.mention.relation,
    person: entry.person === undefined ? null : registry.record(entry.person).id,
    confidence: entry.confidence,
    status: entry.status,
    method: entry.method,
  }));
  const pending = resolved.filter((e) => e.status === 'ambiguous' && e.ambiguity !== undefined).map((e) => e.ambiguity as Ambiguity);
  hooks?.onProgress?.('building the network', 1);
  return resultOf({ dataset: readSoFar(assembled), resolution, pending, interviews: read.interviews.length }, issues);
}
