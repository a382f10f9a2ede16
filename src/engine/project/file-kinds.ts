/**
 * What each dropped file holds, and how sure netweave is: the import dialog's detection, made to
 * ask instead of guessing.
 *
 * Every kind a file fits is listed with what was found, as **strong** evidence (a sign only that
 * kind gives: a polarity column of + and −, columns named after the leadership abilities holding
 * scores, a mentor and a mentee column, a survey's submission time) or **weak** evidence (the
 * file would read as that kind, as any table with a name column reads as a list of people). A
 * file is sure when exactly one kind has strong evidence, or when a single kind fits at all; it
 * is unsure when several kinds have strong evidence, when several fit weakly and none strongly,
 * or when nothing fits: then no kind is chosen for the user.
 *
 * Files dropped together are judged together, from what each is (as chosen by the user, or as
 * surely detected): beside a survey a list of people is its roster; beside causal links a list of
 * names is the factors, or the actors when it names organisations. What was found never names
 * another file (a card is found by its file's name).
 */
import { findColumn, normalizeHeader } from '../io/csv-columns.ts';
import type { ImportKind } from '../io/detect-format.ts';
import { looksLikeCausalLinks, type SystemMapFileKind } from '../features/systemmap/import-files.ts';
import { FACTOR_ID_ALIASES, FACTOR_LABEL_ALIASES, DESCRIPTION_ALIASES, TAGS_ALIASES, ELEMENT_TYPE_ALIASES } from '../features/systemmap/import-csv.ts';
import { MENTEE_ALIASES, MENTOR_ALIASES } from '../features/mentorship/import-mentorships.ts';
import { abilityFromHeader } from '../features/skills/abilities-import.ts';
import { readScore } from '../features/skills/ability-scores.ts';
import { LEADERSHIP_SCALE } from '../features/skills/leadership-abilities.ts';
import type { FilePreview } from './preview-files.ts';
import { guessResultsFileKind } from '../features/results/import-results.ts';
import type { ProgramFileKind } from './add-program-files.ts';

/** Every kind of file the import reads: a network file, survey parts, program files, a system map. */
/** `results`: a results file (results, indicators, strategies, actions, commitments, a scorecard export), added in the Results view. */
export type FileKind = ImportKind | 'survey' | 'roster' | ProgramFileKind | 'abilities' | SystemMapFileKind | 'results';

/** Network formats whose content names them (no table header involved). */
const SIGNED_KINDS = new Set<ImportKind>(['pajek', 'ucinet', 'vna', 'gml', 'dot', 'graphology', 'gephi-lite', 'network-canvas', 'network-canvas-graphml']);

/** The kinds in the order the import dialog offers them. */
export const FILE_KINDS: readonly FileKind[] = [
  'edges',
  'nodes',
  'adjacency',
  'survey',
  'roster',
  'network-canvas',
  'network-canvas-graphml',
  'attendance',
  'mentorships',
  'abilities',
  'results',
  'map-links',
  'map-factors',
  'map-actors',
  'map-kumu',
  'kumu',
  'map-graphml',
  'gexf',
  'graphml',
  'pajek',
  'ucinet',
  'vna',
  'gml',
  'dot',
  'graphology',
  'gephi-lite',
  'edgelist',
  'adjlist',
  'json',
];

/** One kind a file fits, and what in the file says so (in words for the user, no sentence end). */
export interface KindEvidence {
  kind: FileKind;
  /** `strong`: a sign only this kind gives. `weak`: the file would read as this kind, as others could. */
  strength: 'strong' | 'weak';
  /** What was found, e.g. `columns "From" and "To"`. */
  found: string;
}

export interface KindVerdict {
  /** The kind to start from; null when netweave is not sure (the user chooses). */
  kind: FileKind | null;
  sure: boolean;
  /** Every kind the file fits, strong evidence first. Empty when nothing fits. */
  candidates: KindEvidence[];
  /** When nothing fits: why, in words (format detection's reason). */
  reason?: string;
  /** Something to know beyond the kind, e.g. that a mentees file belongs in mentor matching. */
  note?: string;
}

export interface FileToJudge {
  preview: FilePreview;
  /** The kind the user chose for this file, if they did: it decides the context for the others. */
  chosen?: FileKind | null;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`; long lists end in `and N more`. */
function quoted(names: readonly string[], most = 5): string {
  const shown = names.slice(0, most).map((n) => `"${n}"`);
  if (names.length > most) shown.push(`${names.length - most} more`);
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function columns(names: readonly string[]): string {
  return `${names.length === 1 ? 'column' : 'columns'} ${quoted(names)}`;
}

const NUMBER = /^\s*-?\d+([.,]\d+)?\s*$/;
/** The import of attendance reads these marks as "was there" in a table with one column per event. */
const PRESENCE = /^(x|1|yes|y|true|present|attended|p|✓|✔|v|here|0|no|n|false|absent|a|-|–)?$/i;
const DATE_IN_TEXT = /(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})/;
/** As `tableKindOf` (add-program-files.ts) tells attendance: a person column and an event column. */
const PERSON_HEADER = /^(attendee|participant|person|name|full name|email|e-?mail address)$/;
const EVENT_HEADER = /^(event|session|convening|meeting|workshop|event name)$/;
const EVENT_WORD = /\b(event|session|convening|meeting|workshop|retreat|gathering)\b/i;
const ACTOR_HEADER = /^(actor|organization|organisation|org|stakeholder|partner)$/;
const WORKS_ON_HEADER = /^(works on|working on|works on factor|focus|focus area|addresses|factor|factors|issue|issues)$/;
/** The import dialog's rule for a list beside causal links: one naming organisations is the actors. */
const ACTOR_WORD = /actor|organi[sz]ation|\borg\b|works? on/;
const FACTOR_TYPE = /^(factor|variable|stock|flow|constant|auxiliary|element|driver|outcome)$/i;
const QUESTION_LIKE = /\?|^(who|whom|how|which|with whom|name|list)\b/i;

function cellsOf(rows: readonly (readonly string[])[], column: number): string[] {
  return rows.map((row) => (row[column] ?? '').trim()).filter((cell) => cell !== '');
}

/** Whether most filled cells of a column read as a score on the 1-5 ability scale (or a number). */
function holdsScores(rows: readonly (readonly string[])[], column: number): boolean {
  const cells = cellsOf(rows, column);
  if (cells.length === 0) return true;
  const scores = cells.filter((cell) => {
    const reading = readScore(cell, LEADERSHIP_SCALE).kind;
    return reading === 'score' || reading === 'out-of-range';
  }).length;
  return scores >= cells.length / 2;
}

function tableEvidence(preview: FilePreview): KindEvidence[] {
  const csv = preview.csv;
  if (!csv || csv.headers.length === 0) return [];
  const { headers, rows } = csv;
  const norm = headers.map(normalizeHeader);
  const out: KindEvidence[] = [];
  const add = (kind: FileKind, strength: KindEvidence['strength'], found: string): void => {
    out.push({ kind, strength, found });
  };

  // System map: causal links.
  const links = looksLikeCausalLinks(headers, rows);
  if (links) {
    const ends = [norm.findIndex((h) => /^(from|source|cause)$/.test(h)), norm.findIndex((h) => /^(to|target|effect)$/.test(h))].map((i) => headers[i]!);
    const polarity = norm.findIndex((h) => /^(polarity|sign|effect type|link type)$/.test(h));
    add('map-links', 'strong', `${columns(ends)}, with ${polarity >= 0 ? `+ or − in "${headers[polarity]}"` : 'a column of + and − signs'}`);
  }

  // Ties.
  const guessed = csv.guessedColumns;
  if (guessed.source !== undefined && guessed.target !== undefined) {
    add('edges', links ? 'weak' : 'strong', `${columns([guessed.source, guessed.target])} name the two people of each tie`);
  }
  if (csv.guessedKind === 'adjacency' || preview.detected.kind === 'adjacency') {
    add('adjacency', 'strong', 'the names across the top row are the names down the first column');
  }

  // A relationship survey.
  const survey = preview.survey;
  if (survey) {
    const who = Object.values(survey.identity).filter((c) => c !== undefined).map((c) => c.header);
    const questions = survey.questions.map((q) => (q.question.length > 60 ? `${q.question.slice(0, 60)}…` : q.question));
    const formLike = survey.timestamp !== undefined || survey.kind !== 'free-recall' || survey.questions.some((q) => QUESTION_LIKE.test(q.question.trim()));
    const asked = `${survey.questions.length === 1 ? 'a question asks' : `${survey.questions.length} questions ask`} for names (${quoted(questions, 2)})`;
    add('survey', formLike ? 'strong' : 'weak', `${who.length > 0 ? `${columns(who)} ${who.length === 1 ? 'says' : 'say'} who answered; ` : ''}${asked}${survey.timestamp ? `; "${survey.timestamp.header}" is when` : ''}`);
  }

  // Results-based accountability: one of the results templates, or a scorecard export.
  const resultsKind = guessResultsFileKind(headers);
  if (resultsKind !== undefined) add('results', 'strong', `the columns of the ${resultsKind === 'scorecard' ? 'scorecard export (id, date, actual, target)' : `${resultsKind} template`}`);

  // Program files: a self-assessment, mentorship pairs, attendance.
  const abilityColumns = headers.map((h, i) => ({ header: h, index: i })).filter(({ header }) => abilityFromHeader(header).known);
  if (abilityColumns.length >= 2) {
    const scored = abilityColumns.filter(({ index }) => holdsScores(rows, index));
    if (scored.length >= 2) add('abilities', 'strong', `${columns(scored.map((c) => c.header))} hold${scored.length === 1 ? 's' : ''} scores from 1 to 5`);
    else add('abilities', 'weak', `${columns(abilityColumns.map((c) => c.header))} ${abilityColumns.length === 1 ? 'is' : 'are'} named after leadership abilities, but hold no scores`);
  }
  const mentor = findColumn(headers, MENTOR_ALIASES) ?? norm.findIndex((h) => /\bmentors?\b/.test(h));
  const mentee = findColumn(headers, MENTEE_ALIASES) ?? norm.findIndex((h) => /\bmentees?\b/.test(h));
  if (mentor >= 0 && mentee >= 0 && mentor !== mentee) add('mentorships', 'strong', columns([headers[mentor]!, headers[mentee]!]));
  const person = norm.findIndex((h) => PERSON_HEADER.test(h));
  const event = norm.findIndex((h) => EVENT_HEADER.test(h));
  if (person >= 0 && event >= 0) {
    const cells = cellsOf(rows, event);
    const numbers = cells.filter((cell) => NUMBER.test(cell)).length;
    if (cells.length > 0 && numbers > cells.length / 2) add('attendance', 'weak', `"${headers[person]}" could name who came and "${headers[event]}" the event, but "${headers[event]}" holds numbers, not event names`);
    else add('attendance', 'strong', `"${headers[person]}" names who came and "${headers[event]}" the event`);
  } else if (person >= 0) {
    // One column per event, marked x (or yes, 1) for who came.
    const marked = headers
      .map((h, i) => ({ header: h, index: i }))
      .filter(({ header, index }) => index !== person && (DATE_IN_TEXT.test(header) || EVENT_WORD.test(header)))
      .filter(({ index }) => rows.some((row) => (row[index] ?? '').trim() !== '') && rows.every((row) => PRESENCE.test((row[index] ?? '').trim())));
    if (marked.length >= 2) add('attendance', 'strong', `one column per event (${quoted(marked.map((m) => m.header), 3)}) marked for who came`);
  }

  // System map: factors and actors, on their own.
  const actor = norm.findIndex((h) => ACTOR_HEADER.test(h));
  const worksOn = norm.findIndex((h, i) => i !== actor && WORKS_ON_HEADER.test(h));
  if (actor >= 0 && worksOn >= 0) {
    const named = norm.some((h, i) => i !== actor && /^(id|name|full name|person|email|e mail)$/.test(h));
    add('map-actors', named ? 'weak' : 'strong', `${columns([headers[actor]!, headers[worksOn]!])}`);
  } else {
    const factorHeader = norm.findIndex((h) => h === 'factor' || h === 'variable');
    const type = findColumn(headers, ELEMENT_TYPE_ALIASES);
    const typeCells = type === undefined ? [] : cellsOf(rows, type);
    const factorTypes = typeCells.filter((cell) => FACTOR_TYPE.test(cell)).length;
    const label = findColumn(headers, FACTOR_LABEL_ALIASES) ?? findColumn(headers, FACTOR_ID_ALIASES);
    if (factorHeader >= 0) add('map-factors', 'strong', `${columns([headers[factorHeader]!])} names the factors`);
    else if (label !== undefined && type !== undefined && typeCells.length > 0 && factorTypes >= typeCells.length / 2) {
      add('map-factors', 'strong', `"${headers[type]}" says ${quoted([...new Set(typeCells.filter((c) => FACTOR_TYPE.test(c)).map((c) => c.toLowerCase()))], 3)}`);
    } else if (label !== undefined && (findColumn(headers, DESCRIPTION_ALIASES) !== undefined || findColumn(headers, TAGS_ALIASES) !== undefined)) {
      const extra = [findColumn(headers, DESCRIPTION_ALIASES), findColumn(headers, TAGS_ALIASES)].filter((i): i is number => i !== undefined).map((i) => headers[i]!);
      add('map-factors', 'weak', `${columns([headers[label]!, ...extra])}, as factors have`);
    }
  }

  // People.
  if (preview.detected.kind === 'nodes' && guessed.id !== undefined) add('nodes', 'weak', `${columns([guessed.id])} names each person`);
  return out;
}

function fileEvidence(preview: FilePreview): KindEvidence[] {
  const detected = preview.detected;
  if (preview.mapKind === 'map-kumu') {
    // One Kumu file can map a system or a network of people: its content leans one way (signed
    // connection types: a system map; people and organisations only: people), or asks.
    const what = preview.kumuShape === 'workbook' ? 'a Kumu workbook' : 'a Kumu blueprint';
    const signs = { kind: 'map-kumu' as const, strength: preview.kumu === 'system-map' ? ('strong' as const) : ('weak' as const), found: preview.kumu === 'system-map' ? `${what} whose connections carry + and - signs` : `${what}, which can map a system` };
    const people = { kind: 'kumu' as const, strength: preview.kumu === 'people' ? ('strong' as const) : ('weak' as const), found: preview.kumu === 'people' ? `${what} of people and organisations, with no signed connections` : `${what}, which can map people` };
    return preview.kumu === 'people' ? [people, signs] : [signs, people];
  }
  if (detected.kind === 'gexf') return [{ kind: 'gexf', strength: 'strong', found: detected.reason }];
  if (detected.kind === 'graphml') {
    return [
      { kind: 'graphml', strength: 'strong', found: detected.reason },
      { kind: 'map-graphml', strength: 'weak', found: 'a system map drawn in yEd is GraphML too' },
    ];
  }
  if (detected.kind === 'json') return [{ kind: 'json', strength: 'strong', found: detected.reason }];
  // Formats with a signature of their own (Pajek, UCINET, GML, DOT...) are what their content says.
  if (detected.kind !== 'unknown' && SIGNED_KINDS.has(detected.kind)) return [{ kind: detected.kind, strength: 'strong', found: detected.reason }];
  // A list without a header reads as such, but a person could mean a table: it asks unless alone.
  if (detected.kind === 'edgelist' || detected.kind === 'adjlist') return [{ kind: detected.kind, strength: 'weak', found: detected.reason }];
  return tableEvidence(preview);
}

/** The rule: one strong kind, or a single kind at all, is sure; anything else asks. */
function decide(candidates: KindEvidence[], reason: string | undefined, note: string | undefined, ask = false): KindVerdict {
  const ordered = [...candidates.filter((c) => c.strength === 'strong'), ...candidates.filter((c) => c.strength === 'weak')];
  const strong = ordered.filter((c) => c.strength === 'strong');
  const sure = !ask && (strong.length === 1 || (strong.length === 0 && ordered.length === 1));
  return {
    kind: sure ? ordered[0]!.kind : null,
    sure,
    candidates: ordered,
    ...(!sure && reason ? { reason } : {}),
    ...(note ? { note } : {}),
  };
}

/** Mentees and mentors files look like lists of people; they are read by mentor matching. */
function matchingNote(preview: FilePreview): string | undefined {
  const norm = (preview.csv?.headers ?? []).map(normalizeHeader);
  if (norm.some((h) => /\bmentors?\b|\bmentees?\b/.test(h))) return undefined;
  if (norm.includes('strengths') && norm.includes('capacity')) return 'This looks like a mentors file for mentor matching: choose Propose mentor matches in the Program view to use it.';
  if ((norm.includes('goals') || norm.includes('goal')) && norm.some((h) => h.startsWith('prefer'))) return 'This looks like a mentees file for mentor matching: choose Propose mentor matches in the Program view to use it.';
  return undefined;
}

/**
 * Judges the files dropped together: for each, every kind it fits with what was found, and the
 * kind to start from only when netweave is sure. Pure; the previews are `previewFiles`'s.
 */
export function judgeFileKinds(files: readonly FileToJudge[]): KindVerdict[] {
  const own = files.map((f) => fileEvidence(f.preview));
  const alone = own.map((candidates) => decide(candidates, undefined, undefined));
  const settled = files.map((f, i) => f.chosen ?? (alone[i]!.sure ? alone[i]!.kind : null));
  // Beside a survey or Network Canvas interviews, a list of people is their roster.
  const surveyAt = settled.findIndex((k) => k === 'survey' || k === 'network-canvas' || k === 'network-canvas-graphml');
  const besides = settled[surveyAt] === 'survey' ? 'a survey' : 'Network Canvas interviews';
  const linksAt = settled.indexOf('map-links');
  return files.map((f, i) => {
    let candidates = own[i]!;
    let ask = false;
    const strongKinds = new Set(candidates.filter((c) => c.strength === 'strong').map((c) => c.kind));
    const listLike = [...strongKinds].every((k) => k === 'map-factors' || k === 'map-actors');
    if (surveyAt >= 0 && surveyAt !== i && strongKinds.size === 0 && candidates.some((c) => c.kind === 'nodes')) {
      const id = f.preview.csv?.guessedColumns.id;
      candidates = [{ kind: 'roster', strength: 'strong', found: `a list of people${id ? ` (${columns([id])})` : ''} beside ${besides}` }, ...candidates];
    }
    if (linksAt >= 0 && linksAt !== i && f.preview.csv && f.preview.csv.headers.length > 0 && settled[i] !== 'map-links') {
      const beside = 'beside causal links';
      if (strongKinds.has('edges')) {
        candidates = [{ kind: 'map-links', strength: 'strong', found: `From and To columns, ${beside}` }, ...candidates];
      } else if (listLike) {
        const headers = f.preview.csv.headers.map((h) => h.toLowerCase());
        const kind = headers.some((h) => ACTOR_WORD.test(h)) ? 'map-actors' : 'map-factors';
        // A file that says nothing of itself is only a guess from its neighbour: offered, not chosen.
        if (candidates.length === 0) ask = true;
        if (!strongKinds.has(kind)) {
          const other = kind === 'map-actors' ? 'map-factors' : 'map-actors';
          candidates = [
            { kind, strength: ask ? 'weak' : 'strong', found: `${kind === 'map-actors' ? 'it names organisations' : 'a list of names'}, ${beside}` },
            ...candidates.filter((c) => c.kind !== kind).map((c) => (c.kind === other ? { ...c, strength: 'weak' as const } : c)),
          ];
        }
      }
    }
    const reason = f.preview.detected.kind === 'unknown' ? f.preview.detected.reason : undefined;
    return decide(candidates, reason, matchingNote(f.preview), ask);
  });
}
