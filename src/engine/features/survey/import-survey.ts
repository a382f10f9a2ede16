/**
 * Importing relationship surveys: survey exports (one or more waves) and an optional roster
 * become one dataset, with every judgement on the way listed: how each written name was
 * resolved, which names are ambiguous, which name nobody, and the survey's hygiene (duplicate
 * submissions, blank rows, self-nominations, people not on the roster, response rate).
 *
 * Each question becomes a relation layer of directed ties respondent -> person named, weighted 1
 * (free recall) or by the grid's scale. Every person keeps their roster attributes (email
 * included) and survey attributes, plus `responded` (true/false: did they answer any survey),
 * `onRoster` when a roster is given and `respondedIn` (the waves) when several surveys are.
 * Deterministic: the same input gives the same output, ids included.
 */
import { assembleDataset } from '../../io/assemble-dataset.ts';
import { setAttribute } from '../../io/attribute-columns.ts';
import type { CsvTable } from '../../io/csv-read.ts';
import { emptyPart } from '../../io/types.ts';
import { ok, readSoFar, resultOf, type Reading } from '../../core/util/result.ts';
import type { TieOrigin } from '../../io/types.ts';
import type { Dataset } from '../../core/model/dataset.ts';
import type { Person, Relation, Tie } from '../../core/model/records.ts';
import { SurveyLayoutSchema } from '../../core/model/survey.ts';
import type { Ambiguity, ResolutionDecision, ResolutionEntry, ResolutionStatus, SurveyLayout, SurveyLayoutInput } from '../../core/model/survey.ts';
import { checkCancelled } from '../../core/util/cancel.ts';
import type { RunHooks } from '../../core/util/cancel.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { decisionBook } from '../../people/decisions.ts';
import { normalizeSurveyTable } from './header-rows.ts';
import { dropDuplicateSubmissions } from './hygiene.ts';
import type { SurveyFileHygiene, SurveyHygiene } from './hygiene.ts';
import { nameFromEmail, nameTokens, tidyLabel } from '../../people/name-normalize.ts';
import { PeopleRegistry } from '../../people/people-registry.ts';
import { readResponses } from './read-responses.ts';
import { ACCEPT_SCORE, AUTO_RESOLVE_THRESHOLD, CONTENDER_MARGIN, resolveMentions } from '../../people/resolve-names.ts';
import type { Mention, ResolvedMention } from '../../people/resolve-names.ts';
import type { SurveyResponse } from './responses.ts';
import { describeIdentity } from './responses.ts';
import { readRoster } from './roster.ts';
import type { RosterColumns } from './roster.ts';
import { detectSurveyLayout } from './survey-layout.ts';
import { appendAll } from '../../core/util/append-all.ts';

export interface SurveySource {
  /** File name, used in every issue. */
  file: string;
  /** The table as read by `readCsv` or `readXlsx` (extra header rows are merged here). */
  table: CsvTable;
  /** The layout the user confirmed; default: `detectSurveyLayout`. */
  layout?: SurveyLayoutInput;
  /** Wave label for the ties. Default: the file name (without extension) when several surveys are imported. */
  wave?: string;
}

export interface RosterSource {
  file: string;
  table: CsvTable;
  columns?: RosterColumns;
}

export interface ImportSurveyInput {
  surveys: SurveySource[];
  roster?: RosterSource;
}

export interface ImportSurveyOptions {
  /**
   * `review` (default): ambiguous names stay unresolved and are listed for the user. `auto`
   * (the CLI): an ambiguous name takes its best candidate when that candidate's confidence is at
   * least `threshold`, with a warning.
   */
  mode?: 'review' | 'auto';
  /** Default AUTO_RESOLVE_THRESHOLD (0.5). */
  threshold?: number;
  /** The user's saved decisions, re-applied. */
  decisions?: ResolutionDecision[];
  /** With a roster: full names matching no one on it become new people ('add', default) or stay unresolved ('leave'). */
  unknownNames?: 'add' | 'leave';
  /** Dataset name. Default: the first survey's file name. */
  name?: string;
}

/** A written name that did not become a tie, and why. */
export interface UnresolvedName {
  written: string;
  key: string;
  respondent: string;
  question: string;
  file: string;
  row: number;
  field: string;
  wave?: string;
  status: Extract<ResolutionStatus, 'ambiguous' | 'unmatched' | 'not-a-person'>;
  reason: string;
}

export interface SurveyImport {
  /** Validated when `issues` has no errors. */
  dataset: Dataset;
  /** One entry per name written, in file and row order. */
  resolution: ResolutionEntry[];
  /** Names that could be several people (resolved or not), for the user to review. */
  ambiguous: Ambiguity[];
  /** Names that did not become a tie: unresolved ambiguities, names matching no one, answers naming no one. */
  unmatched: UnresolvedName[];
  hygiene: SurveyHygiene;
  /** The layout used for each survey, in input order. */
  layouts: SurveyLayout[];
}

function stem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

function waveLabels(surveys: readonly SurveySource[]): Array<string | undefined> {
  if (surveys.length < 2) return surveys.map((s) => s.wave);
  const labels = surveys.map((s) => s.wave ?? stem(s.file));
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}

const quote = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;

/**
 * Imports surveys (and a roster) into a dataset, resolving every name written. Never throws on
 * bad input (problems are the result's issues; a failure still carries everything it read as
 * `partial`); throws CancelledError when `hooks.isCancelled` says so. Progress steps: `reading
 * surveys`, `resolving names`, `building the network`.
 */
export function importSurvey(input: ImportSurveyInput, options: ImportSurveyOptions = {}, hooks?: RunHooks): Reading<SurveyImport> {
  const issues: InputIssue[] = [];
  const mode = options.mode ?? 'review';
  const threshold = options.threshold ?? AUTO_RESOLVE_THRESHOLD;
  const registry = new PeopleRegistry();

  // The roster.
  const rosterRead = input.roster !== undefined ? readRoster(input.roster.table, input.roster.columns !== undefined ? { columns: input.roster.columns } : {}) : undefined;
  const roster = rosterRead !== undefined ? readSoFar(rosterRead) : undefined;
  if (rosterRead !== undefined && roster !== undefined) {
    appendAll(issues, rosterRead.issues);
    for (const person of roster.people) {
      registry.add({ id: person.id, label: person.label, attributes: person.attributes, source: 'roster', names: person.names, emails: person.emails });
    }
  }
  const hasRoster = roster !== undefined && roster.people.length > 0;
  const emailAttribute = roster?.emailAttribute ?? 'email';
  const rosterAttributes = roster === undefined ? [] : [...new Set(roster.people.flatMap((p) => Object.keys(p.attributes)))];

  // The surveys.
  const waves = waveLabels(input.surveys);
  const layouts: SurveyLayout[] = [];
  const responses: SurveyResponse[] = [];
  const fileStats: SurveyFileHygiene[] = [];
  input.surveys.forEach((source, s) => {
    checkCancelled(hooks);
    hooks?.onProgress?.('reading surveys', s / Math.max(1, input.surveys.length));
    const table = normalizeSurveyTable(source.table).table;
    let layout: SurveyLayout;
    if (source.layout !== undefined) {
      const parsed = SurveyLayoutSchema.safeParse(source.layout);
      if (!parsed.success) {
        issues.push({
          level: 'error',
          code: 'bad-layout',
          message: `the layout given for this file is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'layout'}: ${i.message}`).join('; ')}`,
          file: source.file,
        });
        layouts.push(detectSurveyLayout(source.table));
        return;
      }
      layout = parsed.data;
    } else {
      layout = detectSurveyLayout(source.table, {
        knownNames: roster?.people.flatMap((p) => p.names) ?? [],
        knownAttributes: rosterAttributes,
      });
      for (const note of layout.notes) issues.push({ level: 'warning', code: 'layout', message: note, file: source.file });
    }
    layouts.push(layout);
    const wave = waves[s];
    const reading = readResponses(table, layout, { file: source.file, ...(wave !== undefined ? { wave } : {}) });
    appendAll(issues, reading.issues);
    const read = readSoFar(reading);
    for (const row of read.blankRows) issues.push({ level: 'warning', code: 'blank-row', message: 'this row is blank; it was skipped', file: source.file, row });
    const unlisted = read.blankRowCount - read.blankRows.length;
    if (unlisted > 0) issues.push({ level: 'warning', code: 'blank-rows', message: `and ${unlisted.toLocaleString('en')} more blank rows after it were skipped`, file: source.file, row: read.blankRows.at(-1) ?? table.headerRow });
    appendAll(responses, read.responses);
    fileStats.push({
      file: source.file,
      ...(wave !== undefined ? { wave } : {}),
      submissions: read.responses.length,
      respondents: 0,
      blankRows: read.blankRows,
      withoutIdentity: [],
      duplicateSubmissions: 0,
      responseRate: 0,
    });
  });

  // Who answered: roster people by id, email or name; otherwise new people.
  const respondentsNotOnRoster = new Set<number>();
  const submissions: Array<{ response: SurveyResponse; person: string; index: number }> = [];
  for (const response of responses) {
    const identity = response.identity;
    const stats = fileStats.find((f) => f.file === response.file);
    if (identity.name === undefined && identity.email === undefined && identity.id === undefined) {
      stats?.withoutIdentity.push(response.row);
      if (response.nominations.length > 0 || Object.keys(response.attributes).length > 0) {
        issues.push({
          level: 'warning',
          code: 'no-respondent',
          message: `this row does not say who answered (no name or email)${response.nominations.length > 0 ? `, so its ${response.nominations.length} name${response.nominations.length === 1 ? '' : 's'} could not be tied to anyone` : ''}; it was left out`,
          file: response.file,
          row: response.row,
        });
      }
      continue;
    }
    const index = findRespondent(response, registry, hasRoster, issues);
    if (index === undefined) {
      const fromEmail = identity.email !== undefined ? nameFromEmail(identity.email) : undefined;
      const label = identity.name !== undefined ? tidyLabel(identity.name) : identity.email !== undefined ? tidyLabel(fromEmail ?? identity.email) : identity.id ?? 'respondent';
      const names = [identity.name, fromEmail].filter((n): n is string => n !== undefined);
      const added = registry.add({
        ...(identity.id !== undefined && !hasRoster ? { id: identity.id } : {}),
        label,
        source: 'respondent',
        names,
        emails: identity.email !== undefined ? [identity.email] : [],
      });
      if (identity.name !== undefined && nameTokens(identity.name).filter((t) => !t.initial).length >= 2) registry.vote(added, identity.name, 3);
      if (fromEmail !== undefined) registry.vote(added, fromEmail, 1.5);
      if (hasRoster) {
        respondentsNotOnRoster.add(added);
        issues.push({
          level: 'warning',
          code: 'respondent-not-on-roster',
          message: `the respondent ${quote(describeIdentity(identity))} is not on the roster (${roster?.file}); they were added as a person`,
          file: response.file,
          row: response.row,
        });
      }
      submissions.push({ response, person: registry.record(added).id, index: added });
    } else {
      if (identity.email !== undefined) registry.matcher.addEmail(index, identity.email);
      if (!hasRoster && identity.name !== undefined) {
        registry.matcher.addName(index, identity.name);
        if (nameTokens(identity.name).filter((t) => !t.initial).length >= 2) registry.vote(index, identity.name, 3);
      }
      submissions.push({ response, person: registry.record(index).id, index });
    }
  }

  // Duplicate submissions: the latest wins.
  const { kept, duplicates } = dropDuplicateSubmissions(submissions);
  for (const duplicate of duplicates) {
    const stats = fileStats.find((f) => f.file === duplicate.file);
    if (stats !== undefined) stats.duplicateSubmissions += duplicate.dropped.length;
    for (const row of duplicate.dropped) {
      issues.push({
        level: 'warning',
        code: 'duplicate-submission',
        message: `${quote(duplicate.respondent)} answered more than once; the latest submission (row ${duplicate.kept}) was kept and this one left out`,
        file: duplicate.file,
        row,
      });
    }
  }

  // Survey attributes: the roster's values win; otherwise the latest survey's.
  const respondedIn = new Map<number, Set<string>>();
  for (const { response, index } of kept) {
    const record = registry.record(index);
    for (const [name, value] of Object.entries(response.attributes)) {
      const current = record.attributes[name];
      if (record.source !== 'roster' || current === undefined || current === null) setAttribute(record.attributes, name, value);
    }
    const email = response.identity.email;
    if (email !== undefined && (record.attributes[emailAttribute] === undefined || record.attributes[emailAttribute] === null)) {
      setAttribute(record.attributes, emailAttribute, email);
    }
    const set = respondedIn.get(index) ?? new Set<string>();
    set.add(response.wave ?? response.file);
    respondedIn.set(index, set);
  }

  // Every name written, resolved.
  const mentions: Mention[] = [];
  for (const { response, index } of kept) {
    for (const nomination of response.nominations) {
      mentions.push({
        respondent: index,
        file: response.file,
        ...(response.wave !== undefined ? { wave: response.wave } : {}),
        row: nomination.row,
        field: nomination.field,
        relation: nomination.relation,
        written: nomination.written,
        name: nomination.name,
        weight: nomination.weight,
      });
    }
  }
  checkCancelled(hooks);
  const { resolved, issues: resolveIssues } = resolveMentions(
    mentions,
    registry,
    {
      mode,
      threshold,
      hasRoster,
      unknownNames: options.unknownNames ?? 'add',
      decisions: decisionBook(options.decisions ?? []),
    },
    hooks,
  );
  checkCancelled(hooks);
  hooks?.onProgress?.('building the network', 0);
  appendAll(issues, resolveIssues);
  appendAll(issues, mentionIssues(resolved, registry, mode, threshold, hasRoster));

  // Ties: one per (respondent, person, relation, wave); a name given twice counts once.
  const ties: Tie[] = [];
  const origins: TieOrigin[] = [];
  const tieAt = new Map<string, number>();
  for (const entry of resolved) {
    if (entry.person === undefined) continue;
    const m = entry.mention;
    const source = registry.record(m.respondent).id;
    const target = registry.record(entry.person).id;
    const key = [source, target, m.relation, m.wave ?? ''].join('\u0000');
    const at = tieAt.get(key);
    if (at !== undefined) {
      const tie = ties[at] as Tie;
      tie.weight = Math.max(tie.weight, m.weight);
      issues.push({
        level: 'warning',
        code: 'named-twice',
        message: `${quote(source)} named ${quote(target)} twice under "${m.relation}" (this time as ${quote(m.written)}); counted once`,
        file: m.file,
        row: m.row,
        field: m.field,
      });
      continue;
    }
    tieAt.set(key, ties.length);
    ties.push({ source, target, relation: m.relation, directed: true, weight: m.weight, ...(m.wave !== undefined ? { wave: m.wave } : {}) });
    origins.push({ file: m.file, row: m.row, sourceField: m.field, targetField: m.field });
  }

  // People, with what the survey says about them.
  const named = new Set(resolved.filter((e) => e.person !== undefined).map((e) => e.person as number));
  const namedNotOnRoster: string[] = [];
  const nonRespondents: string[] = [];
  const people: Person[] = registry.records.map((record, index) => {
    const attributes = { ...record.attributes };
    const responded = respondedIn.has(index);
    setAttribute(attributes, 'responded', responded);
    if (input.surveys.length > 1) setAttribute(attributes, 'respondedIn', [...(respondedIn.get(index) ?? [])].sort());
    if (hasRoster) setAttribute(attributes, 'onRoster', record.source === 'roster');
    if (!responded) nonRespondents.push(record.id);
    if (hasRoster && record.source !== 'roster' && !responded && named.has(index)) namedNotOnRoster.push(record.id);
    return { id: record.id, label: record.label, attributes };
  });
  const relations: Relation[] = [];
  const seenRelations = new Set<string>();
  for (const layout of layouts) {
    for (const question of layout.questions) {
      if (seenRelations.has(question.relation)) continue;
      seenRelations.add(question.relation);
      relations.push({ name: question.relation, directed: true, ...(question.question !== '' ? { description: question.question } : {}) });
    }
  }
  const part = emptyPart(input.surveys.map((s) => s.file).join(', '));
  part.people = people;
  part.ties = ties;
  part.tieOrigins = origins;
  part.relations = relations;
  const firstFile = input.surveys[0]?.file;
  const assembled = assembleDataset([ok(part)], { name: options.name ?? (firstFile !== undefined ? stem(firstFile) : 'Survey') });
  appendAll(issues, assembled.issues);

  // Hygiene summary.
  const respondents = new Set(kept.map((k) => k.index));
  const rosterSize = hasRoster ? registry.records.filter((r) => r.source === 'roster').length : null;
  const rate = (set: ReadonlySet<number>): number => {
    if (rosterSize !== null) return rosterSize === 0 ? 0 : [...set].filter((i) => registry.record(i).source === 'roster').length / rosterSize;
    return people.length === 0 ? 0 : set.size / people.length;
  };
  for (const stats of fileStats) {
    const inFile = new Set(kept.filter((k) => k.response.file === stats.file).map((k) => k.index));
    stats.respondents = inFile.size;
    stats.responseRate = rate(inFile);
  }
  const hygiene: SurveyHygiene = {
    files: fileStats,
    duplicateSubmissions: duplicates,
    selfNominations: resolved
      .filter((e) => e.status === 'self')
      .map((e) => ({ file: e.mention.file, row: e.mention.row, respondent: registry.record(e.mention.respondent).id, written: e.mention.written })),
    respondentsNotOnRoster: [...respondentsNotOnRoster].map((i) => registry.record(i).id),
    namedNotOnRoster,
    nonRespondents,
    respondents: respondents.size,
    people: people.length,
    rosterSize,
    responseRate: rate(respondents),
  };

  const resolution: ResolutionEntry[] = resolved.map((entry) => toEntry(entry, registry));
  const ambiguous = resolved.map((e) => e.ambiguity).filter((a): a is Ambiguity => a !== undefined);
  const unmatched: UnresolvedName[] = resolved
    .filter((e): e is ResolvedMention & { status: UnresolvedName['status'] } => e.status === 'ambiguous' || e.status === 'unmatched' || e.status === 'not-a-person')
    .map((e) => ({
      written: e.mention.written,
      key: e.key,
      respondent: registry.record(e.mention.respondent).id,
      question: e.mention.relation,
      file: e.mention.file,
      row: e.mention.row,
      field: e.mention.field,
      ...(e.mention.wave !== undefined ? { wave: e.mention.wave } : {}),
      status: e.status,
      reason: e.method,
    }));
  hooks?.onProgress?.('building the network', 1);
  return resultOf({ dataset: readSoFar(assembled), resolution, ambiguous, unmatched, hygiene, layouts }, issues);
}

/** The roster person (or earlier respondent) a submission is from, or undefined for someone new. */
function findRespondent(response: SurveyResponse, registry: PeopleRegistry, hasRoster: boolean, issues: InputIssue[]): number | undefined {
  const identity = response.identity;
  if (identity.id !== undefined) {
    const byId = registry.indexOf(identity.id);
    if (byId !== undefined) return byId;
  }
  if (identity.email !== undefined) {
    const byEmail = registry.matcher.findEmail(identity.email);
    if (byEmail !== undefined) return byEmail;
  }
  if (identity.name === undefined) return undefined;
  const candidates = registry.matcher.candidates(identity.name);
  const top = candidates[0];
  if (top === undefined) return undefined;
  const exact = candidates.filter((c) => c.score >= 0.999);
  const sameEmailOrNone = (index: number): boolean => {
    const emails = registry.matcher.people[index]?.emails ?? [];
    return identity.email === undefined || emails.length === 0 || emails.includes(identity.email);
  };
  if (!hasRoster) {
    const same = exact.filter((c) => sameEmailOrNone(c.person));
    return same.length === 1 ? (same[0] as (typeof same)[number]).person : undefined;
  }
  if (exact.length === 1) return top.person;
  const contenders = candidates.filter((c) => c.score >= top.score - CONTENDER_MARGIN);
  if (exact.length === 0 && top.score >= ACCEPT_SCORE && contenders.length === 1) {
    issues.push({
      level: 'warning',
      code: 'respondent-matched-by-name',
      message: `the respondent ${quote(identity.name)} was taken to be ${quote(registry.record(top.person).label)} on the roster (${top.method})`,
      file: response.file,
      row: response.row,
    });
    return top.person;
  }
  if (contenders.length > 1 || exact.length > 1) {
    issues.push({
      level: 'warning',
      code: 'ambiguous-respondent',
      message: `the respondent ${quote(identity.name)} could be ${contenders
        .slice(0, 4)
        .map((c) => quote(registry.record(c.person).label))
        .join(' or ')} on the roster; give the respondent's email to tell them apart`,
      file: response.file,
      row: response.row,
    });
  }
  return undefined;
}

function toEntry(entry: ResolvedMention, registry: PeopleRegistry): ResolutionEntry {
  const m = entry.mention;
  return {
    file: m.file,
    row: m.row,
    field: m.field,
    ...(m.wave !== undefined ? { wave: m.wave } : {}),
    respondent: registry.record(m.respondent).id,
    written: m.written,
    key: entry.key,
    question: m.relation,
    person: entry.person === undefined ? null : registry.record(entry.person).id,
    confidence: entry.confidence,
    status: entry.status,
    method: entry.method,
  };
}

function mentionIssues(resolved: readonly ResolvedMention[], registry: PeopleRegistry, mode: 'review' | 'auto', threshold: number, hasRoster: boolean): InputIssue[] {
  const issues: InputIssue[] = [];
  const reportedNew = new Set<number>();
  for (const entry of resolved) {
    const m = entry.mention;
    const at = { file: m.file, row: m.row, field: m.field };
    const who = quote(registry.record(m.respondent).id);
    switch (entry.status) {
      case 'not-a-person':
        issues.push({ level: 'warning', code: 'not-a-person', message: `${quote(m.written)} names no one (${entry.method}); left out`, ...at });
        break;
      case 'unmatched':
        issues.push({ level: 'warning', code: 'unmatched-name', message: `${quote(m.written)} (written by ${who}) ${entry.method}; left out`, ...at });
        break;
      case 'self':
        issues.push({ level: 'warning', code: 'self-nomination', message: `${who} named themself (${quote(m.written)}); left out`, ...at });
        break;
      case 'new-person':
        if (hasRoster && entry.person !== undefined && !reportedNew.has(entry.person)) {
          reportedNew.add(entry.person);
          issues.push({ level: 'warning', code: 'not-on-roster', message: `${quote(m.written)} matches no one on the roster; added as a new person`, ...at });
        }
        break;
      case 'best-guess':
      case 'ambiguous': {
        const candidates = entry.ambiguity?.candidates ?? [];
        const list = candidates
          .slice(0, 4)
          .map((c) => `${quote(c.label)} (${c.confidence})`)
          .join(' or ');
        const verdict =
          entry.status === 'best-guess'
            ? `${quote(registry.record(entry.person as number).label)} was taken (confidence ${entry.confidence} >= ${threshold})`
            : mode === 'auto'
              ? `none was taken: the best confidence is below ${threshold}`
              : 'choose who is meant';
        issues.push({
          level: 'warning',
          code: entry.status === 'best-guess' ? 'ambiguous-name-resolved' : 'ambiguous-name',
          message: `${quote(m.written)} written by ${who} under "${m.relation}" could be ${list}; ${verdict}`,
          ...at,
        });
        break;
      }
      default:
        break;
    }
  }
  return issues;
}
