/**
 * Network Canvas interviews as read from its exports, before anyone is matched: per interview
 * (session) the ego with its attributes, the alters (nodes) with their type, and the edges between
 * alters with their type, each with where it was read. The CSV reader (network-canvas-csv.ts) and
 * the GraphML reader (network-canvas-graphml.ts) both give this shape; merging the interviews into
 * one network of people is features/network-canvas's work (it needs the people matcher).
 *
 * Network Canvas writes a categorical variable as one true/false column per option
 * (`support_emotional`, `support_practical`); `foldCategoricals` turns them back into one
 * attribute holding the list of options that are true.
 */
import type { AttributeValue, Attributes } from '../core/model/records.ts';
import { setAttribute } from './attribute-columns.ts';

/** Where a record was read: file and row (CSV) or line (GraphML). */
export interface NcPlace {
  file: string;
  row: number;
  rowUnit?: 'row' | 'line';
}

export interface NcAlter {
  /** networkCanvasUUID, unique within its interview. */
  uuid: string;
  /** The node type (`Person`, `Organization`): the attribute list's name, or networkCanvasType. */
  type: string;
  attributes: Attributes;
  at: NcPlace;
}

export interface NcEdge {
  /** The edge type (`friends`): the edge list's name, or networkCanvasType. It becomes a relation. */
  type: string;
  source: string;
  target: string;
  attributes: Attributes;
  at: NcPlace;
  /** The fields the two ends were read from, for messages. */
  sourceField: string;
  targetField: string;
}

export interface NcInterview {
  /** networkCanvasEgoUUID: which interview. */
  egoUuid: string;
  caseId?: string;
  sessionId?: string;
  protocol?: string;
  /** The ego's own variables (name, age...). */
  attributes: Attributes;
  /** Where the ego was read; absent when no ego file was given. */
  at?: NcPlace;
  alters: NcAlter[];
  edges: NcEdge[];
}

export interface NcExport {
  /** Every file read, in the order given. */
  files: string[];
  interviews: NcInterview[];
}

/** The columns and keys Network Canvas itself writes (the exporter's reserved names). */
export const NC_COLUMNS = {
  ego: 'networkCanvasEgoUUID',
  uuid: 'networkCanvasUUID',
  source: 'networkCanvasSourceUUID',
  target: 'networkCanvasTargetUUID',
  caseId: 'networkCanvasCaseID',
  session: 'networkCanvasSessionID',
  protocol: 'networkCanvasProtocolName',
  type: 'networkCanvasType',
} as const;

/** Columns the exporter adds that are bookkeeping, not the interview's variables. */
export const NC_BOOKKEEPING = new Set<string>([
  ...Object.values(NC_COLUMNS),
  'nodeID',
  'edgeID',
  'from',
  'to',
  '_egoID',
  'sessionStart',
  'sessionFinish',
  'sessionExported',
  'APP_VERSION',
  'COMMIT_HASH',
]);

const TRUE = new Set(['true', '1', 'yes']);

/**
 * The categorical variables among `names` (true/false columns named `<var>_<option>`): each name
 * goes to the prefix (cut at an underscore) that the most true/false columns share, at least two;
 * on a tie the longer prefix (`close_friend` over `close` for `close_friend_yes`, `close_friend_no`).
 * `groups` may be given instead when the file says which columns belong together (GraphML key ids).
 */
export function categoricalGroups(names: readonly string[]): Map<string, string[]> {
  const counts = new Map<string, number>();
  const prefixes = (name: string): string[] => {
    const out: string[] = [];
    for (let i = name.indexOf('_'); i > 0 && i < name.length - 1; i = name.indexOf('_', i + 1)) out.push(name.slice(0, i));
    return out;
  };
  for (const name of names) for (const p of prefixes(name)) counts.set(p, (counts.get(p) ?? 0) + 1);
  const groups = new Map<string, string[]>();
  for (const name of names) {
    let best: string | undefined;
    for (const p of prefixes(name)) {
      const c = counts.get(p) ?? 0;
      if (c < 2) continue;
      if (best === undefined || c > (counts.get(best) ?? 0) || (c === counts.get(best) && p.length > best.length)) best = p;
    }
    if (best === undefined) continue;
    const list = groups.get(best) ?? [];
    list.push(name);
    groups.set(best, list);
  }
  return groups;
}

/** The longest prefix, cut at an underscore, that every name of a group shares: the variable's name. */
export function sharedPrefix(names: readonly string[]): string | undefined {
  const first = names[0];
  if (first === undefined) return undefined;
  let best: string | undefined;
  for (let i = first.indexOf('_'); i > 0; i = first.indexOf('_', i + 1)) {
    const p = first.slice(0, i);
    if (names.every((n) => n.startsWith(`${p}_`) && n.length > p.length + 1)) best = p;
  }
  return best;
}

/**
 * One entity's attributes with each categorical group folded: `<var>` becomes the list of options
 * whose column is true (an empty list when none is), and the option columns go.
 */
export function foldCategoricals(attributes: Attributes, groups: ReadonlyMap<string, readonly string[]>): Attributes {
  if (groups.size === 0) return attributes;
  const folded: Attributes = {};
  const inGroup = new Map<string, string>();
  for (const [name, columns] of groups) for (const column of columns) inGroup.set(column, name);
  for (const [key, value] of Object.entries(attributes)) {
    const group = inGroup.get(key);
    if (group === undefined) {
      setAttribute(folded, key, value);
      continue;
    }
    const options = (folded[group] as string[] | undefined) ?? [];
    if (isTrue(value)) options.push(key.slice(group.length + 1));
    setAttribute(folded, group, options);
  }
  return folded;
}

function isTrue(value: AttributeValue | undefined): boolean {
  if (value === true) return true;
  if (typeof value === 'number') return value === 1;
  return typeof value === 'string' && TRUE.has(value.trim().toLowerCase());
}

/**
 * The names among `names` that hold a node's position on an interview's screen (`<var>_x` and
 * `<var>_y`, `_screenSpaceX`/`_screenSpaceY`; GraphML's `_X`/`_Y`): meaningless once interviews
 * are merged.
 */
export function layoutColumns(names: readonly string[]): Set<string> {
  const all = new Set(names);
  const out = new Set<string>();
  for (const name of names) {
    const match = /^(.+)_(x|y|screenSpaceX|screenSpaceY)$/i.exec(name);
    if (match === null) continue;
    const base = match[1] as string;
    if ((all.has(`${base}_x`) && all.has(`${base}_y`)) || (all.has(`${base}_X`) && all.has(`${base}_Y`))) out.add(name);
  }
  return out;
}

/** Whether every filled value is true or false (as text, a flag or 0/1). */
export function isTrueFalseColumn(values: readonly AttributeValue[]): boolean {
  const filled = values.filter((v) => v !== null && v !== '');
  return filled.length > 0 && filled.every((v) => typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v.trim())));
}
