/**
 * The one rule every importer applies to ties: a repeated tie (same people, same relation, same
 * wave and date; for undirected ties a-b is b-a) is merged into the first one with the weights
 * added, and a self-loop is kept but reported. Both are warned about, never silently applied.
 */
import type { Tie } from '../core/model/records.ts';
import type { InputIssue, IssueLog } from '../core/util/issues.ts';
import { appendAll } from '../core/util/append-all.ts';
import { collectRelations } from './collect-relations.ts';
import { setAttribute } from './attribute-columns.ts';
import { parseNumberText, parseWeight } from './numbers.ts';
import type { ImportPart, TieOrigin } from './types.ts';

export interface TieDraft {
  tie: Tie;
  origin: TieOrigin;
}

export interface MergeTiesOptions {
  /** Warn `self-loop` for each tie from a person to themself. Default true. */
  reportSelfLoops?: boolean;
}

export interface MergedTies {
  ties: Tie[];
  /** Aligned with `ties`: where each kept tie was first read. */
  origins: TieOrigin[];
  issues: InputIssue[];
}

/** Two ties with the same key are the same tie. */
export function tieKey(tie: Tie): string {
  const forward = tie.directed || tie.source <= tie.target;
  const a = forward ? tie.source : tie.target;
  const b = forward ? tie.target : tie.source;
  // A template, not [...].join: this runs once per tie of files with millions of them.
  return `${tie.relation}\u0000${tie.directed ? 'd' : 'u'}\u0000${a}\u0000${b}\u0000${tie.wave ?? ''}\u0000${tie.date ?? ''}`;
}

/** `row 3` (or `line 3`) in the same file, `edges.csv row 3` in another, or a JSON path. */
export function describeOrigin(origin: TieOrigin, fromFile?: string): string {
  const place =
    origin.row !== undefined
      ? `${origin.rowUnit ?? 'row'} ${origin.row}`
      : origin.path !== undefined
        ? origin.path
        : '';
  if (origin.file === fromFile) return place === '' ? 'earlier in this file' : place;
  return place === '' ? origin.file : `${origin.file} ${place}`;
}

/** Where an issue about a tie points: its row, or its JSON path as the field. */
export function issueLocation(origin: TieOrigin): Pick<InputIssue, 'file' | 'row' | 'field'> {
  return {
    file: origin.file,
    ...(origin.row !== undefined ? { row: origin.row } : {}),
    ...(origin.path !== undefined ? { field: origin.path } : {}),
  };
}

export type TieWeightReading =
  | { ok: true; weight: number; issue?: { code: 'zero-weight'; message: string } }
  | { ok: false; message: string };

/**
 * A weight as graph tools write it (GEXF, GraphML, headerless edge lists), where 0 is a legal
 * value. netweave's ties need a weight above 0 (the dataset schema and the packed ties refuse
 * anything else: 1/weight is a path length), so a 0 is read as weight 1 with a `zero-weight`
 * warning saying what that means: analyses that ignore weights (the default) count the tie like
 * any other, a weighted one counts it with weight 1. Negative, non-numeric and infinite weights
 * are refused, as everywhere (`parseWeight`).
 */
export function readTieWeight(text: string, field: string): TieWeightReading {
  const reading = parseWeight(text, field);
  if (reading.ok) return reading;
  if (parseNumberText(text) === 0) {
    return {
      ok: true,
      weight: 1,
      issue: {
        code: 'zero-weight',
        message:
          `${field} is 0 ("${text.trim()}"), and netweave needs weights above 0, so the tie was kept with weight 1: ` +
          'analyses that ignore weights (the default) count it like any tie, but a weighted analysis counts it with weight 1, ' +
          'not as no tie (remove it from the file if 0 means "no tie")',
      },
    };
  }
  return reading;
}

function pairText(tie: Tie): string {
  return `${tie.source} ${tie.directed ? '→' : '–'} ${tie.target}`;
}

/** The warning for a tie from a person to themself (kept). */
export function selfLoopIssue(tie: Tie, origin: TieOrigin): InputIssue {
  return {
    level: 'warning',
    code: 'self-loop',
    message: `"${tie.source}" is tied to themself (source and target are the same); the tie was kept`,
    ...issueLocation(origin),
  };
}

/** The warning for a repeat of `first` (read at `firstOrigin`), merged into it with the weights added to `weight`. */
export function duplicateIssue(tie: Tie, origin: TieOrigin, first: Tie, firstOrigin: TieOrigin, weight: number): InputIssue {
  const reversed = !tie.directed && tie.source !== first.source;
  // core/util/issue-groups.ts groups the reversed repeats by the words "the same undirected tie as".
  const sameAs = reversed
    ? `the same undirected tie as ${pairText(first)} in ${describeOrigin(firstOrigin, origin.file)}`
    : `the same tie as ${describeOrigin(firstOrigin, origin.file)}`;
  return {
    level: 'warning',
    code: 'duplicate-edge',
    message:
      `${pairText(tie)} (relation "${tie.relation}") is ${sameAs}; ` +
      `it was merged into that one and the weights added (${first.weight} + ${tie.weight} = ${weight})`,
    ...issueLocation(origin),
  };
}

export function mergeTies(drafts: readonly TieDraft[], options: MergeTiesOptions = {}): MergedTies {
  const reportSelfLoops = options.reportSelfLoops ?? true;
  const ties: Tie[] = [];
  const origins: TieOrigin[] = [];
  const issues: InputIssue[] = [];
  const firstIndex = new Map<string, number>();
  for (const { tie, origin } of drafts) {
    if (reportSelfLoops && tie.source === tie.target) issues.push(selfLoopIssue(tie, origin));
    const key = tieKey(tie);
    const index = firstIndex.get(key);
    if (index === undefined) {
      firstIndex.set(key, ties.length);
      // Kept as given: a merge below replaces the kept tie with a new object, never changes it.
      ties.push(tie);
      origins.push(origin);
      continue;
    }
    const first = ties[index] as Tie;
    const firstOrigin = origins[index] as TieOrigin;
    const weight = first.weight + tie.weight;
    issues.push(duplicateIssue(tie, origin, first, firstOrigin, weight));
    let attributes = first.attributes;
    if (tie.attributes !== undefined) {
      attributes = { ...(first.attributes ?? {}) };
      for (const [name, value] of Object.entries(tie.attributes)) {
        const kept = attributes[name];
        if (kept === undefined || kept === null) {
          setAttribute(attributes, name, value);
        }
      }
    }
    ties[index] = { ...first, weight, ...(attributes !== undefined ? { attributes } : {}) };
  }
  return { ties, origins, issues };
}

/**
 * The last step of a reader: its tie drafts merged (repeats, reversed duplicates), their
 * relations collected, both set on the part, and every issue of either logged.
 */
export function settleTies(part: ImportPart, drafts: readonly TieDraft[], log: IssueLog, options: MergeTiesOptions = {}): void {
  const merged = mergeTies(drafts, options);
  const relations = collectRelations(merged.ties, part.file);
  part.ties = merged.ties;
  part.tieOrigins = merged.origins;
  part.relations = relations.relations;
  appendAll(log.issues, merged.issues, relations.issues);
}
