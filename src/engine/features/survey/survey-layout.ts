/**
 * Detecting what each column of a survey export means, from its header and its cells, for the
 * exports of Google Forms, Microsoft Forms, SurveyMonkey, Qualtrics and Typeform alike:
 *
 * - identity: the respondent's name (or first + last name) and email;
 * - the submission time, so the latest of duplicate submissions wins;
 * - relationship questions: free-recall columns whose cells list names, grids with one column per
 *   listed person (`Who do you know? [Maria Lopez]`, `Q - Maria Lopez`, checkbox columns named
 *   after people), or a long table of (respondent, named person, relation, strength);
 * - attributes (organisation, sector, region, skills, ...), lists when cells hold `a;b`;
 * - form metadata (IP address, response id, progress, ...) and empty columns, left out.
 *
 * The result is a plain `SurveyLayout` that the UI shows and the user edits before import.
 */
import type { CsvTable } from '../../io/csv-read.ts';
import { columnName } from '../../io/csv-read.ts';
import { parseNumberText } from '../../io/numbers.ts';
import type { SurveyAttribute, SurveyColumn, SurveyLayout, SurveyQuestion } from '../../core/model/survey.ts';
import { defaultScale, scaleKey } from './grid-scale.ts';
import { normalizeSurveyTable } from './header-rows.ts';
import { foldText, isEmail, nameKey } from '../../people/name-normalize.ts';
import { nonPersonReason } from '../../people/non-person.ts';
import { relationNameFor, uniqueNames } from './relation-name.ts';
import { splitNames } from './split-names.ts';
import { parseTimestamp } from '../../io/timestamps.ts';
import { appendAll } from '../../core/util/append-all.ts';
import { withoutBracketed } from '../../core/util/brackets.ts';

export interface DetectLayoutOptions {
  /** Names of known people (a roster): answers that name them are surely relationship questions. */
  knownNames?: readonly string[];
  /** Attribute names used by the roster, so survey attributes take the same names. */
  knownAttributes?: readonly string[];
}

/** How many rows are sampled to profile a column (evenly spread); detection stays fast on big files. */
const SAMPLE_ROWS = 2000;

interface Profile {
  index: number;
  header: string;
  /** Folded header, camelCase split, punctuation as spaces. */
  norm: string;
  values: string[];
  filled: number;
  distinct: number;
  emailShare: number;
  dateShare: number;
  numberShare: number;
  /** Share of cells listing more than one name. */
  multiShare: number;
  /** Share of written pieces that look like a person's name (two to four words). */
  nameShare: number;
  /** Share of cells with at least one piece that looks like a full name. */
  cellNameShare: number;
  /** Share of written pieces that are known people. */
  knownShare: number;
  piecesPerCell: number;
  distinctPieces: number;
  averageLength: number;
}

function normHeader(header: string): string {
  return foldText(header.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

function column(table: CsvTable, index: number): SurveyColumn {
  return { index, header: table.headers[index] ?? '' };
}

const NAME_WORD = /^[\p{L}\p{M}][\p{L}\p{M}'’.\-]*$/u;

function looksLikeName(piece: string): 0 | 0.5 | 1 {
  if (nonPersonReason(piece) !== undefined) return 0;
  const words = piece.split(/\s+/).filter((w) => w !== '' && w !== ',');
  if (words.length === 0 || words.length > 4) return 0;
  if (!words.every((w) => NAME_WORD.test(w.replace(/,$/, '')) && w.length <= 30)) return 0;
  return words.length === 1 ? 0.5 : 1;
}

function sample<T>(items: readonly T[]): T[] {
  if (items.length <= SAMPLE_ROWS) return [...items];
  const step = items.length / SAMPLE_ROWS;
  return Array.from({ length: SAMPLE_ROWS }, (_, i) => items[Math.floor(i * step)] as T);
}

function profile(table: CsvTable, index: number, known: ReadonlySet<string>): Profile {
  const all = table.records.map((r) => r.cells[index] ?? '').filter((v) => v.trim() !== '');
  const values = sample(all);
  const n = Math.max(1, values.length);
  let pieces = 0;
  let named = 0;
  let knownCount = 0;
  let multi = 0;
  let cellsWithNames = 0;
  const distinctPieces = new Set<string>();
  for (const value of values) {
    const written = value.length > 2000 ? splitNames(value.slice(0, 2000)) : splitNames(value);
    if (written.length > 1) multi++;
    let hasName = false;
    for (const w of written) {
      pieces++;
      const likeness = looksLikeName(w.name);
      named += likeness;
      if (likeness === 1) hasName = true;
      const key = nameKey(w.name);
      distinctPieces.add(key);
      if (known.has(key)) knownCount++;
    }
    if (hasName) cellsWithNames++;
  }
  return {
    index,
    header: table.headers[index] ?? '',
    norm: normHeader(table.headers[index] ?? ''),
    values,
    filled: all.length,
    distinct: new Set(all.map((v) => v.trim().toLowerCase())).size,
    emailShare: values.filter((v) => isEmail(v)).length / n,
    dateShare: values.filter((v) => parseTimestamp(v) !== undefined).length / n,
    numberShare: values.filter((v) => parseNumberText(v) !== undefined).length / n,
    multiShare: multi / n,
    nameShare: pieces === 0 ? 0 : named / pieces,
    knownShare: pieces === 0 ? 0 : knownCount / pieces,
    cellNameShare: cellsWithNames / n,
    piecesPerCell: pieces / n,
    distinctPieces: distinctPieces.size,
    averageLength: values.reduce((sum, v) => sum + v.length, 0) / n,
  };
}

// --- header patterns (on folded, punctuation-free headers) ---------------------------------

const OTHER_PEOPLE = /\b(who|whom|list|names|people|others|colleagues?|contacts?|nominee|nominate\w*|person you|persons|partners?)\b/;
const NOT_A_PERSON_NAME = /\b(organi[sz]ation|org|company|agency|team|group|project|program+e?|school|business|event|file|user ?name|username|screen ?name|network|tool|product|site|venue|course|department|city|country)\b/;
const FIRST_NAME = /^(your |recipient |respondent s |respondent )?(first|given|fore) ?name$|^first$/;
const LAST_NAME = /^(your |recipient |respondent s |respondent )?(last|family|sur) ?name$|^surname$|^last$/;
const EMAIL_HEADER = /\be ?mail\b|\bmail address\b|^username$|^user$|^email address$/;
const ID_HEADER = /^(participant|person|member|staff|employee|student|respondent s|your|roster) ?(id|number|code|no)$|^external ?(data ?)?reference$|^external ?ref$/;
const TIMESTAMP_HEADERS: RegExp[] = [
  /^timestamp$|\btime ?stamp\b/,
  /\b(completion|completed|submit|submitted|submission|end|ended|recorded|finish|finished)\b.*\b(time|date|at|on)\b|^(end|recorded|submit) ?date|^date submitted$|^submitted at$|^completion time$/,
  /\blast modified\b/,
  /\b(start|started)\b.*\b(time|date)\b|^start ?date/,
  /^date$|^time$|^date ?time$/,
];
const METADATA =
  /^(status|ip ?address|ip|progress|duration.*|finished|response ?id|response ?type|respondent ?id|collector ?id|id|#|distribution ?channel|user ?language|language|location ?(latitude|longitude)|latitude|longitude|network ?id|tags|user ?agent|browser.*|device.*|operating system|os|platform|referr?er|custom ?data.*|last modified time|submit ?date.*|start ?date.*|end ?date.*|start ?time|completion ?time|recorded ?date|q ?recaptcha.*|q (relevant|url|ballot|total).*|token|submission ?id|time taken|time to complete|started|ended|hidden.*|utm .*|source|medium|campaign|recipient ?(first|last)? ?name|recipient ?email|external ?(data ?)?reference|response ?url|edit ?url|score|total ?score|quiz.*|consent.*|i agree.*|i consent.*)$/;
const RELATIONAL =
  /\b(who|whom|names? of|list|people|persons?|colleagues?|contacts?|nominat\w*|go to|turn to|rely on|depend on|collaborat\w*|advice|advise|work(ed|s)? (with|together|alongside)|partner(ed|s)? with|trust|know|mentor\w*|connect\w*|reach out|ask|support|help|introduc\w*|friends?|talk|communicat\w*|influen\w*|relationships?)\b/;
const GROUP_BRACKET = /^(.*?\S)\s*\[([^[\]]+)\]\s*$/;
const GROUP_SEPARATED = /^(.*\S)\s+(?:-|–|—|\||:|::)\s+(\S.*)$/;
const GROUP_DOTTED = /^(.*\S[?:])\s*\.?\s*(\S.*)$/;

const ATTRIBUTE_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\borgani[sz]ations?\b|\borg\b|\bcompany\b|\bemployer\b|\bagency\b|\baffiliation\b|\binstitution\b|\bwork for\b/, 'organization'],
  [/\bsector\b|\bindustry\b|\bfield\b/, 'sector'],
  [/\bregion\b|\bdistrict\b|\bneighbou?rhood\b|\bcounty\b|\bzone\b|\barea\b/, 'region'],
  [/\bskills?\b|\bexpertise\b|\bbring to\b|\bstrengths?\b/, 'skills'],
  [/\bjob title\b|\btitle\b|\bposition\b|\brole\b/, 'role'],
  [/\bdepartment\b|\bdept\b|\bunit\b|\bdivision\b/, 'department'],
  [/\bcity\b|\btown\b/, 'city'],
  [/\bcountry\b/, 'country'],
  [/\bgender\b/, 'gender'],
  [/\bage\b|\byear of birth\b/, 'age'],
  [/\bethnic\w*\b|\brace\b/, 'ethnicity'],
  [/\binterests?\b|\bissues?\b|\bfocus\b|\btopics?\b/, 'interests'],
  [/\bhow long\b|\byears\b|\btenure\b/, 'years'],
  [/\blanguages?\b/, 'language'],
  [/\bcohort\b/, 'cohort'],
  [/\bphone\b|\bmobile\b|\btelephone\b/, 'phone'],
];

const CHECK_ALL = /\b(check|select|choose|tick|mark) all\b|\ball that apply\b|\bmultiple\b|\bselect (one or more|any)\b/;

function attributeName(header: string, known: readonly string[]): string {
  const norm = normHeader(header);
  const exact = known.find((k) => normHeader(k) === norm);
  if (exact !== undefined) return exact;
  for (const [pattern, name] of ATTRIBUTE_NAMES) {
    if (pattern.test(norm)) return known.find((k) => normHeader(k) === name) ?? name;
  }
  const short = withoutBracketed(header).replace(/\s+/g, ' ').trim().replace(/[?:.]+$/, '');
  if (short.length <= 40) return short === '' ? header.trim() || 'attribute' : short;
  const cut = short.slice(0, 40);
  return cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : 40).trim();
}

function listSeparator(p: Profile): string | undefined {
  if (p.values.some((v) => v.includes(';'))) return ';';
  const withComma = p.values.filter((v) => v.includes(',')).length;
  if (withComma === 0) return undefined;
  if (CHECK_ALL.test(p.norm)) return ',';
  // Google Forms joins checkbox answers with ", ": the same few items recur across rows.
  const items = p.values.flatMap((v) => v.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''));
  const distinct = new Set(items).size;
  return withComma / p.values.length >= 0.2 && items.length >= 3 * distinct ? ',' : undefined;
}

function isNameHeader(norm: string): boolean {
  if (OTHER_PEOPLE.test(norm) || NOT_A_PERSON_NAME.test(norm)) return false;
  if (FIRST_NAME.test(norm) || LAST_NAME.test(norm) || /\b(first|last|given|family|middle|nick) ?name\b/.test(norm) && !/first and last|first last/.test(norm)) return false;
  return /\bname\b/.test(norm) || /^(respondent|participant|your identity|who are you|full name)$/.test(norm);
}

function isAnonymous(p: Profile): boolean {
  return p.values.length > 0 && p.values.every((v) => /^anonymous$|^anon$/i.test(v.trim()));
}

/** Grid groups: adjacent columns sharing a question, each naming an option. */
interface Group {
  question: string;
  members: Array<{ index: number; option: string }>;
}

function splitHeader(header: string): { question: string; option: string } | undefined {
  const bracket = GROUP_BRACKET.exec(header);
  if (bracket !== null) return { question: (bracket[1] as string).trim(), option: (bracket[2] as string).trim() };
  const separated = GROUP_SEPARATED.exec(header);
  if (separated !== null) return { question: (separated[1] as string).trim(), option: (separated[2] as string).trim() };
  const dotted = GROUP_DOTTED.exec(header);
  if (dotted !== null) return { question: (dotted[1] as string).trim(), option: (dotted[2] as string).trim() };
  return undefined;
}

function gridGroups(table: CsvTable): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  table.headers.forEach((header, index) => {
    const split = splitHeader(header);
    if (split !== undefined && current !== undefined && current.question === split.question) {
      current.members.push({ index, option: split.option });
      return;
    }
    current = split === undefined ? undefined : { question: split.question, members: [{ index, option: split.option }] };
    if (current !== undefined) groups.push(current);
  });
  return groups.filter((g) => g.members.length >= 2 || GROUP_BRACKET.test(table.headers[g.members[0]?.index ?? 0] ?? ''));
}

/**
 * Typeform and Microsoft Forms checkbox exports: one column per option, headed by the option,
 * holding the option when checked. Runs of such columns headed by people's names form a grid.
 */
function checkboxRuns(profiles: readonly Profile[], taken: ReadonlySet<number>, known: ReadonlySet<string>): Group[] {
  const runs: Group[] = [];
  let current: Group | undefined;
  for (const p of profiles) {
    const checkbox =
      !taken.has(p.index) &&
      p.header !== '' &&
      p.values.length > 0 &&
      p.values.every((v) => scaleKey(v) === scaleKey(p.header) || /^(x|✓|✔|1|yes|true|checked|selected)$/i.test(v.trim())) &&
      (looksLikeName(p.header) === 1 || known.has(nameKey(p.header)));
    if (!checkbox) {
      current = undefined;
      continue;
    }
    if (current === undefined) {
      current = { question: 'Checked people', members: [] };
      runs.push(current);
    }
    current.members.push({ index: p.index, option: p.header });
  }
  return runs.filter((g) => g.members.length >= 2);
}

/** The default scale of the values found in grid columns; a cell repeating its column's option is a check mark, not a scale value. */
function scaleFor(table: CsvTable, columns: ReadonlyArray<{ index: number; option?: string }>): { scale: Record<string, number>; unknown: string[] } {
  const values = new Set<string>();
  for (const record of table.records) {
    for (const { index, option } of columns) {
      const value = record.cells[index] ?? '';
      if (value.trim() !== '' && (option === undefined || scaleKey(value) !== scaleKey(option))) values.add(value);
    }
    if (values.size > 200) break;
  }
  return defaultScale([...values].sort());
}

// --- long format --------------------------------------------------------------------------

const LONG_RESPONDENT = /^(respondent|respondent (name|email|e mail)|ego|ego name|source|from|rater|nominator|reporter|informant|sender|name of respondent|respondent s name|person answering|your name)$/;
const LONG_NAMED = /^(named|named person|person named|alter|alter name|target|to|nominee|nominated|nominated person|contact|contact name|name given|receiver|peer|colleague|named name|who)$/;
const LONG_RELATION = /^(relation|relationship|relation type|relationship type|question|type|tie type|layer|kind|network)$/;
const LONG_STRENGTH = /^(strength|weight|value|frequency|closeness|intensity|score|rating|level|tie strength)$/;

function detectLong(table: CsvTable, profiles: readonly Profile[], notes: string[]): SurveyLayout | undefined {
  const find = (pattern: RegExp, skip: ReadonlySet<number> = new Set()): Profile | undefined =>
    profiles.find((p) => pattern.test(p.norm) && !skip.has(p.index));
  const respondent = find(LONG_RESPONDENT);
  if (respondent === undefined) return undefined;
  const named = find(LONG_NAMED, new Set([respondent.index]));
  if (named === undefined) return undefined;
  const used = new Set([respondent.index, named.index]);
  const relation = find(LONG_RELATION, used);
  if (relation !== undefined) used.add(relation.index);
  const strength = find(LONG_STRENGTH, used);
  if (strength !== undefined) used.add(strength.index);
  const email = profiles.find((p) => !used.has(p.index) && EMAIL_HEADER.test(p.norm) && p.emailShare >= 0.5);
  if (email !== undefined) used.add(email.index);
  const timestamp = profiles.find((p) => !used.has(p.index) && TIMESTAMP_HEADERS.some((re) => re.test(p.norm)) && p.dateShare >= 0.5);
  if (timestamp !== undefined) used.add(timestamp.index);

  const questions: SurveyQuestion[] = [];
  if (relation !== undefined) {
    const values: string[] = [];
    const seen = new Set<string>();
    for (const record of table.records) {
      const value = (record.cells[relation.index] ?? '').trim();
      if (value === '' || seen.has(value.toLowerCase())) continue;
      seen.add(value.toLowerCase());
      values.push(value);
      if (values.length > 50) break;
    }
    const names = uniqueNames(values.map((v) => (/^[\p{L}\p{N}_-]{1,24}$/u.test(v) ? v.toLowerCase() : relationNameFor(v))));
    values.forEach((value, i) => questions.push({ relation: names[i] as string, question: value, columns: [], values: [value] }));
    if (values.length > 50) notes.push(`the relation column "${relation.header}" has more than 50 different values; check that it holds relation types`);
  } else {
    questions.push({ relation: 'named', question: named.header, columns: [] });
  }
  const identity: SurveyLayout['identity'] =
    respondent.emailShare >= 0.8 ? { email: column(table, respondent.index) } : { name: column(table, respondent.index) };
  if (email !== undefined && identity.email === undefined) identity.email = column(table, email.index);
  const scale = strength !== undefined ? scaleFor(table, [{ index: strength.index }]) : { scale: {}, unknown: [] };
  if (scale.unknown.length > 0) {
    notes.push(`strength values not on a known scale were given weight 1: ${scale.unknown.slice(0, 8).map((v) => `"${v}"`).join(', ')}; edit the scale`);
  }
  const attributes: SurveyAttribute[] = [];
  const ignored: SurveyLayout['ignored'] = [];
  for (const p of profiles) {
    if (used.has(p.index)) continue;
    if (p.filled === 0) ignored.push({ ...column(table, p.index), reason: 'empty column' });
    else if (METADATA.test(p.norm)) ignored.push({ ...column(table, p.index), reason: 'form metadata' });
    else ignored.push({ ...column(table, p.index), reason: 'a column of the long table that is not about the respondent; make it an attribute if it is' });
  }
  return {
    kind: 'long',
    identity,
    ...(timestamp !== undefined ? { timestamp: column(table, timestamp.index) } : {}),
    questions,
    long: {
      named: column(table, named.index),
      ...(relation !== undefined ? { relation: column(table, relation.index) } : {}),
      ...(strength !== undefined ? { strength: column(table, strength.index) } : {}),
    },
    scale: scale.scale,
    attributes,
    ignored,
    headerRows: 1,
    notes,
  };
}

// --- the detector ---------------------------------------------------------------------------

/**
 * Proposes a layout for a survey table (header rows of SurveyMonkey and Qualtrics exports are
 * merged first, see `normalizeSurveyTable`; column indexes refer to the merged table).
 */
export function detectSurveyLayout(rawTable: CsvTable, options: DetectLayoutOptions = {}): SurveyLayout {
  const normalized = normalizeSurveyTable(rawTable);
  const table = normalized.table;
  const notes = [...normalized.notes];
  const known = new Set((options.knownNames ?? []).map((n) => nameKey(n)).filter((k) => k !== ''));
  const profiles = table.headers.map((_, index) => profile(table, index, known));

  const long = detectLong(table, profiles, notes);
  if (long !== undefined) return { ...long, headerRows: normalized.headerRows };

  const taken = new Set<number>();
  const questions: SurveyQuestion[] = [];
  const questionTexts: string[] = [];
  const scaleColumns: Array<{ index: number; option: string }> = [];
  const attributes: SurveyAttribute[] = [];
  const ignored: SurveyLayout['ignored'] = [];

  // Grids: bracketed or separated options under one question, or checkbox columns named after people.
  for (const group of gridGroups(table)) {
    const members = group.members;
    const options = members.map((m) => m.option);
    const personLike = options.filter((o) => looksLikeName(o) === 1 || known.has(nameKey(o))).length / options.length;
    const values = new Set<string>();
    for (const m of members) for (const v of profiles[m.index]?.values ?? []) values.add(scaleKey(v));
    const scaleLike = values.size <= 15;
    const relational = RELATIONAL.test(normHeader(group.question)) || personLike >= 0.6;
    if (!scaleLike || !relational) continue;
    for (const m of members) taken.add(m.index);
    appendAll(scaleColumns, members);
    questions.push({
      relation: '',
      question: group.question,
      columns: members.map((m) => ({ ...column(table, m.index), person: m.option })),
    });
    questionTexts.push(group.question);
  }
  for (const run of checkboxRuns(profiles, taken, known)) {
    for (const m of run.members) taken.add(m.index);
    appendAll(scaleColumns, run.members);
    questions.push({ relation: '', question: run.question, columns: run.members.map((m) => ({ ...column(table, m.index), person: m.option })) });
    questionTexts.push(run.question);
  }

  // Identity.
  const free = (p: Profile): boolean => !taken.has(p.index);
  const identity: SurveyLayout['identity'] = {};
  const emailColumn = profiles
    .filter((p) => free(p) && !isAnonymous(p) && p.filled > 0)
    .filter((p) => (EMAIL_HEADER.test(p.norm) && p.emailShare >= 0.5) || p.emailShare >= 0.8)
    .filter((p) => !/\brecipient\b/.test(p.norm) || p.emailShare >= 0.5)
    .sort((a, b) => Number(EMAIL_HEADER.test(b.norm)) - Number(EMAIL_HEADER.test(a.norm)) || b.filled - a.filled || a.index - b.index)[0];
  if (emailColumn !== undefined) {
    identity.email = column(table, emailColumn.index);
    taken.add(emailColumn.index);
  }
  const nameColumn = profiles
    .filter((p) => free(p) && p.filled > 0 && !isAnonymous(p) && isNameHeader(p.norm) && p.emailShare < 0.5)
    .filter((p) => p.multiShare < 0.3)
    .sort((a, b) => {
      const rank = (p: Profile): number => (/^(your |respondent s |respondent )?(full )?name$/.test(p.norm) ? 0 : /\byour\b|\brespondent\b|\bfull\b/.test(p.norm) ? 1 : 2);
      return rank(a) - rank(b) || b.filled - a.filled || a.index - b.index;
    })[0];
  if (nameColumn !== undefined) {
    identity.name = column(table, nameColumn.index);
    taken.add(nameColumn.index);
  } else {
    const first = profiles.find((p) => free(p) && p.filled > 0 && FIRST_NAME.test(p.norm));
    const last = profiles.find((p) => free(p) && p.filled > 0 && LAST_NAME.test(p.norm));
    if (first !== undefined && last !== undefined) {
      identity.firstName = column(table, first.index);
      identity.lastName = column(table, last.index);
      taken.add(first.index);
      taken.add(last.index);
    }
  }
  const idColumn = profiles.find((p) => free(p) && p.filled > 0 && ID_HEADER.test(p.norm));
  if (idColumn !== undefined) {
    identity.id = column(table, idColumn.index);
    taken.add(idColumn.index);
  }
  for (const p of profiles) {
    if (isAnonymous(p) && (EMAIL_HEADER.test(p.norm) || isNameHeader(p.norm))) {
      taken.add(p.index);
      ignored.push({ ...column(table, p.index), reason: 'every answer is "anonymous"' });
    }
  }
  if (identity.name === undefined && identity.email === undefined && identity.firstName === undefined && identity.id === undefined) {
    notes.push(
      `no column says who answered (a name or an email); choose it: the columns are ${table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ')}`,
    );
  }

  // Submission time.
  let timestamp: Profile | undefined;
  for (const pattern of TIMESTAMP_HEADERS) {
    timestamp = profiles.find((p) => free(p) && p.filled > 0 && pattern.test(p.norm) && p.dateShare >= 0.5);
    if (timestamp !== undefined) break;
  }
  if (timestamp !== undefined) taken.add(timestamp.index);

  // Free-recall questions and attributes.
  for (const p of profiles) {
    if (taken.has(p.index)) continue;
    if (p.filled === 0) {
      ignored.push({ ...column(table, p.index), reason: 'empty column' });
      continue;
    }
    if (METADATA.test(p.norm)) {
      ignored.push({ ...column(table, p.index), reason: 'form metadata' });
      continue;
    }
    const relationalHeader = RELATIONAL.test(p.norm);
    const textual = p.emailShare < 0.5 && p.dateShare < 0.5 && p.numberShare < 0.5;
    const varied = p.distinctPieces >= 8 || p.distinctPieces >= 0.3 * p.filled;
    const isQuestion =
      textual &&
      varied &&
      ((relationalHeader && (p.nameShare >= 0.3 || p.cellNameShare >= 0.5)) ||
        p.knownShare >= 0.3 ||
        // Lists under a header that names a familiar attribute (skills, sector...) are attributes.
        (p.nameShare >= 0.6 && p.multiShare >= 0.3 && !CHECK_ALL.test(p.norm) && !ATTRIBUTE_NAMES.some(([pattern]) => pattern.test(p.norm))));
    if (isQuestion) {
      questions.push({ relation: '', question: p.header, columns: [column(table, p.index)] });
      questionTexts.push(p.header);
      continue;
    }
    if (relationalHeader && p.nameShare >= 0.2 && textual) {
      notes.push(`"${columnName(table, p.index)}" may be a relationship question (its header asks about people) but few answers look like names; it was kept as an attribute`);
    }
    const separator = listSeparator(p);
    attributes.push({
      ...column(table, p.index),
      name: attributeName(columnName(table, p.index), options.knownAttributes ?? []),
      ...(separator !== undefined ? { separator } : {}),
    });
  }
  const attributeNames = uniqueNames(attributes.map((a) => a.name));
  attributes.forEach((a, i) => {
    a.name = attributeNames[i] as string;
  });
  const relationNames = uniqueNames(questionTexts.map((q) => relationNameFor(q)));
  questions.forEach((q, i) => {
    q.relation = relationNames[i] as string;
  });
  if (questions.length === 0) {
    notes.push('no relationship question was found: mark the columns where respondents named people');
  }
  const scale = scaleFor(table, scaleColumns);
  if (scale.unknown.length > 0) {
    notes.push(`grid answers not on a known scale were given weight 1: ${scale.unknown.slice(0, 8).map((v) => `"${v}"`).join(', ')}; edit the scale`);
  }
  const hasGrid = questions.some((q) => q.columns.some((c) => c.person !== undefined));
  const hasFree = questions.some((q) => q.columns.some((c) => c.person === undefined));
  return {
    kind: hasGrid && !hasFree ? 'grid' : 'free-recall',
    identity,
    ...(timestamp !== undefined ? { timestamp: column(table, timestamp.index) } : {}),
    questions,
    scale: scale.scale,
    attributes,
    ignored,
    headerRows: normalized.headerRows,
    notes,
  };
}
