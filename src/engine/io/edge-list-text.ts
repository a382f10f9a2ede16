/**
 * Headerless edge lists, one tie per line, as network tools write them:
 *
 * - SNAP: `#` comment lines (`# Directed graph ...`, `# Nodes: 5242 Edges: 28980`,
 *   `# FromNodeId<TAB>ToNodeId`), then `from<TAB>to`; the header's column names name any further
 *   columns (`# FromNodeId ToNodeId Sign` keeps the sign as a tie attribute), and its
 *   "Directed graph" / "Undirected graph" line gives the direction unless the caller chose one;
 * - NCOL (igraph, LGL): `a b` or `a b weight`, whitespace separated;
 * - networkx `write_edgelist`: `a b {'weight': 3, 'color': 'red'}` (a data dictionary: `weight`
 *   is the tie weight, other keys tie attributes) or, with `data=['weight']`, `a b 3`;
 *   `write_weighted_edgelist` is the same `a b 3`.
 *
 * Fields are separated by spaces or tabs; when tabs separate names that hold spaces
 * (`Ana Ruiz<TAB>Jin Chen`) only tabs separate. Names may be quoted (`"Ana Ruiz" "Jin Chen" 2`).
 * A weight of 0 is read as 1 with a warning (merge-ties.ts `readTieWeight`); a line without a
 * weight in a file whose other lines have one gets weight 1 with a warning.
 *
 * Nothing is guessed: a line with one name, three names (the third is not a weight), or more
 * values than the header names is an error on its line, saying what the file may be instead (an
 * adjacency list; names with spaces). Never throws; linear in the file's length, reading line by
 * line, so files of millions of lines read without building an array of their lines.
 */
import type { AttributeValue, Attributes, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { foreignFormat, forEachLine, isNumberField, sampleLines, splitLine, type Separator } from './edge-list-text-lines.ts';
import { settleTies, readTieWeight, type TieDraft } from './merge-ties.ts';
import { emptyPart, type ImportPart } from './types.ts';

export interface EdgeListTextOptions {
  /** File name used in issues. */
  file: string;
  /**
   * Whether ties have a direction (first name → second). Default: as a SNAP header says
   * ("# Directed graph" / "# Undirected graph"), else false.
   */
  directed?: boolean;
  /** The relation of every tie. Default 'tie'. */
  relation?: string;
  /** Called as the file is read, with the fraction read (0..1). */
  onReadProgress?: (fraction: number) => void;
}

/** Column names a first line may hold instead of a tie (`source target`). */
const HEADER_NAMES = new Set([
  'source', 'target', 'from', 'to', 'src', 'dst', 'tgt', 'node1', 'node2', 'fromnodeid', 'tonodeid',
  'sourceid', 'targetid', 'source_id', 'target_id', 'weight', 'u', 'v', 'id1', 'id2',
]);

const FROM_NAME = /^(from|source|src|node_?1|id_?1|u|fromnodeid|sourceid|source_id|node_?id)$/i;
const TO_NAME = /^(to|target|dst|tgt|node_?2|id_?2|v|tonodeid|targetid|target_id|node_?id)$/i;
const WEIGHT_NAME = /^(weight|value|strength|w|linkweight|edgeweight)$/i;

/** Column names from a comment line such as `# FromNodeId<TAB>ToNodeId<TAB>Sign`, if it is one. */
function headerColumns(comment: string): string[] | undefined {
  const names = comment.split(/\s+/).filter((name) => name !== '');
  if (names.length < 2 || names.length > 12) return undefined;
  if (!FROM_NAME.test(names[0] as string) || !TO_NAME.test(names[1] as string)) return undefined;
  return names;
}

/** Tabs separate fields, and names hold spaces: `Ana Ruiz<TAB>Jin Chen`. */
function usesTabColumns(lines: readonly string[]): boolean {
  return lines.some((line) => {
    if (!line.includes('\t')) return false;
    const fields = line.split('\t').map((field) => field.trim()).filter((field) => field !== '' && !field.startsWith('{'));
    return fields.length >= 2 && fields.length <= 3 && fields.some((field) => /\s/.test(field) && !/^["']/.test(field));
  });
}

/** A value of a networkx data dictionary, or an error message. */
type DictValue = { ok: true; value: AttributeValue } | { ok: false };

/**
 * A flat Python dictionary literal as networkx writes it (`{'weight': 3.0, 'color': 'red'}`):
 * string keys, values that are strings, numbers, True, False or None. Undefined when it is not one.
 */
export function parsePythonDict(text: string): Map<string, AttributeValue> | undefined {
  const out = new Map<string, AttributeValue>();
  let i = 0;
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const readString = (): string | undefined => {
    const quote = text[i];
    if (quote !== "'" && quote !== '"') return undefined;
    let value = '';
    i += 1;
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\' && i + 1 < text.length) {
        const next = text[i + 1] as string;
        value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        i += 2;
        continue;
      }
      value += text[i];
      i += 1;
    }
    if (text[i] !== quote) return undefined;
    i += 1;
    return value;
  };
  const readValue = (): DictValue => {
    const string = readString();
    if (string !== undefined) return { ok: true, value: string };
    const match = /^(?:True|False|None|[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?inf|nan)/.exec(text.slice(i));
    if (match === null) return { ok: false };
    i += match[0].length;
    const word = match[0];
    if (word === 'True') return { ok: true, value: true };
    if (word === 'False') return { ok: true, value: false };
    if (word === 'None') return { ok: true, value: null };
    return { ok: true, value: Number(word.replace(/inf$/, 'Infinity').replace(/^nan$/, 'NaN')) };
  };
  skip();
  if (text[i] !== '{') return undefined;
  i += 1;
  skip();
  if (text[i] === '}') {
    i += 1;
    skip();
    return i === text.length ? out : undefined;
  }
  for (;;) {
    skip();
    const key = readString();
    if (key === undefined) return undefined;
    skip();
    if (text[i] !== ':') return undefined;
    i += 1;
    skip();
    const value = readValue();
    if (!value.ok) return undefined;
    out.set(key, value.value);
    skip();
    if (text[i] === ',') {
      i += 1;
      skip();
      if (text[i] === '}') break;
      continue;
    }
    if (text[i] === '}') break;
    return undefined;
  }
  i += 1;
  skip();
  return i === text.length ? out : undefined;
}

function quoteList(fields: readonly string[]): string {
  return fields.map((field) => `"${field.length > 40 ? `${field.slice(0, 40)}…` : field}"`).join(', ');
}

/** Whether a line is an edge-list line: two names, then nothing, a number, or a data dictionary. */
function isEdgeLine(line: string, separator: Separator): boolean {
  const split = splitLine(line, separator, { dict: true });
  if (split.error !== undefined) return false;
  if (split.skip) return true;
  const { fields, data } = split;
  if (data !== undefined) return fields.length === 2 && parsePythonDict(data) !== undefined;
  return fields.length === 2 || (fields.length === 3 && isNumberField(fields[2] as string));
}

/**
 * Whether a text reads as a headerless edge list: its first data lines (up to 200, `#` and `%`
 * comments skipped) each hold two names, optionally followed by a number (a weight) or a networkx
 * data dictionary. XML and JSON never do. A line of one name or of three names makes it false (an
 * adjacency list, or a damaged file: see adjacency-list.ts for the rule that tells them apart).
 */
export function looksLikeEdgeListText(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<') || start.startsWith('{') || start.startsWith('[')) return false;
  const lines = sampleLines(text);
  if (lines.length === 0) return false;
  const separator: Separator = usesTabColumns(lines) ? 'tab' : 'whitespace';
  const first = splitLine(lines[0] as string, separator, { dict: true });
  const rest = first.fields.length >= 2 && first.fields.every((field) => HEADER_NAMES.has(field.toLowerCase())) ? lines.slice(1) : lines;
  return rest.length > 0 && rest.every((line) => isEdgeLine(line, separator));
}

interface Column {
  /** The name issues use for the column. */
  field: string;
  role: 'weight' | 'attribute';
}

/** Reads a headerless edge list. Never throws: problems come back as the result's issues. */
export function parseEdgeListText(text: string, options: EdgeListTextOptions): Result<ImportPart> {
  const { file } = options;
  const part = emptyPart(file);
  const log = new IssueLog(file);
  const relation = (options.relation ?? 'tie').trim() || 'tie';
  const separator: Separator = usesTabColumns(sampleLines(text)) ? 'tab' : 'whitespace';

  let directed = options.directed;
  let header: string[] | undefined;
  let seenData = false;
  let sourceField = 'source';
  let targetField = 'target';
  const drafts: TieDraft[] = [];
  // Lines with and without a weight, to report the fewer kind when a file mixes them.
  const weighted: number[] = [];
  const unweighted: number[] = [];
  const progressEvery = 65_536;
  let lines = 0;
  let stopped = false;

  const columnOf = (index: number): Column => {
    const named = header?.[index];
    if (named !== undefined) return { field: named, role: WEIGHT_NAME.test(named) ? 'weight' : 'attribute' };
    return { field: index === 2 ? 'weight' : `column ${index + 1}`, role: index === 2 ? 'weight' : 'attribute' };
  };

  forEachLine(text, (line, number, next) => {
    lines += 1;
    if (options.onReadProgress !== undefined && lines % progressEvery === 0) options.onReadProgress(next / text.length);
    const split = splitLine(line, separator, { dict: true });
    const at = { row: number };
    if (split.skip && split.error === undefined) {
      if (!seenData && split.comment !== undefined) {
        const comment = split.comment;
        if (options.directed === undefined && /^undirected graph\b/i.test(comment)) directed = false;
        else if (options.directed === undefined && /^directed graph\b/i.test(comment)) directed = true;
        const columns = headerColumns(comment);
        if (columns !== undefined) header = columns;
      }
      return;
    }
    if (!seenData) {
      const other = foreignFormat(line);
      const csv = split.error === undefined && split.fields.length === 1 && /[,;]/.test(split.fields[0] as string);
      if (other !== undefined || csv) {
        log.error(
          'wrong-format',
          other !== undefined
            ? `this file is ${other}, not an edge list (two names per line); read it as that format`
            : 'this line separates values with commas or semicolons: the file looks like a CSV table, not an edge list of names separated by spaces or tabs; read it as CSV (with a first line such as source,target)',
          at,
        );
        stopped = true;
        return false;
      }
    }
    if (split.error !== undefined) {
      log.error('bad-quote', `${split.error}; the line could not be read`, { ...at, field: sourceField });
      return;
    }
    const { fields, data } = split;
    // A first line of column names (`source target`) is a header, not a tie.
    if (!seenData && data === undefined && fields.length >= 2 && fields.every((field) => HEADER_NAMES.has(field.toLowerCase()))) {
      seenData = true;
      header = fields;
      log.warn('header-line', `the first line holds column names (${quoteList(fields)}), not a tie; it was read as the header`, at);
      sourceField = fields[0] as string;
      targetField = fields[1] as string;
      return;
    }
    if (!seenData) {
      seenData = true;
      if (header !== undefined) {
        sourceField = header[0] as string;
        targetField = header[1] as string;
      }
    }
    if (fields.length === 0) {
      log.error('one-name', `the line holds data (${data ?? ''}) but no names; a tie needs two names`, { ...at, field: sourceField });
      return;
    }
    if (fields.length === 1 && separator === 'tab' && /\s/.test(fields[0] as string)) {
      log.error(
        'one-name',
        `no tab on the line (${quoteList(fields)}), while other lines separate their names with tabs because names hold spaces; put a tab between the two names`,
        { ...at, field: targetField },
      );
      return;
    }
    if (fields.length === 1) {
      log.error(
        'one-name',
        `only one name (${quoteList(fields)}) on the line; every line of an edge list needs two names, who the tie is from and to (is the line cut short, or is this an adjacency list with people who name no one?)`,
        { ...at, field: targetField },
      );
      return;
    }
    const [source, target] = fields as [string, string];
    let weight = 1;
    let hasWeight = false;
    let ok = true;
    let attributes: Attributes | undefined;
    if (data !== undefined) {
      if (fields.length > 2) {
        log.error(
          'three-names',
          `three names (${quoteList(fields)}) before the data ${data}; an edge list line has two names (names with spaces need quotes)`,
          { ...at, field: 'column 3' },
        );
        return;
      }
      const dict = parsePythonDict(data);
      if (dict === undefined) {
        log.error('bad-data', `the data ${data.length > 60 ? `${data.slice(0, 60)}…` : data} is not a dictionary netweave can read (text, numbers, True, False or None after each 'key':)`, { ...at, field: 'data' });
        return;
      }
      for (const [key, value] of dict) {
        if (key === 'weight') {
          hasWeight = true;
          const reading = typeof value === 'number' ? readTieWeight(String(value), 'weight') : readTieWeight(String(value ?? ''), 'weight');
          if (reading.ok) {
            weight = reading.weight;
            if (reading.issue !== undefined) log.warn(reading.issue.code, reading.issue.message, { ...at, field: 'weight' });
          } else {
            log.error('bad-weight', reading.message, { ...at, field: 'weight' });
            ok = false;
          }
          continue;
        }
        attributes ??= {};
        attributes[key] = value;
      }
    } else if (fields.length > 2) {
      for (let index = 2; index < fields.length; index++) {
        const value = fields[index] as string;
        const column = columnOf(index);
        if (header === undefined && index === 2 && !isNumberField(value)) {
          log.error(
            'three-names',
            `three names on the line (${quoteList(fields)}): an edge list has two names and an optional number, so "${value}" is not a weight. Names with spaces need quotes ("Ana Ruiz") or tabs between columns; a person followed by everyone they name is an adjacency list`,
            { ...at, field: column.field },
          );
          ok = false;
          break;
        }
        if (header === undefined && index > 2) {
          log.error(
            'extra-values',
            `${fields.length} values on the line (${quoteList(fields)}); an edge list has two names and an optional weight (a person followed by everyone they name is an adjacency list)`,
            { ...at, field: column.field },
          );
          ok = false;
          break;
        }
        if (header !== undefined && index >= header.length) {
          log.error(
            'extra-values',
            `${fields.length} values on the line, but the header names ${header.length} columns (${quoteList(header)})`,
            { ...at, field: column.field },
          );
          ok = false;
          break;
        }
        if (column.role === 'weight') {
          hasWeight = true;
          const reading = readTieWeight(value, column.field);
          if (reading.ok) {
            weight = reading.weight;
            if (reading.issue !== undefined) log.warn(reading.issue.code, reading.issue.message, { ...at, field: column.field });
          } else {
            log.error('bad-weight', reading.message, { ...at, field: column.field });
            ok = false;
          }
        } else {
          attributes ??= {};
          attributes[column.field] = isNumberField(value) ? Number(value) : value;
        }
      }
    }
    if (!ok) return;
    (hasWeight ? weighted : unweighted).push(number);
    const tie: Tie = { source, target, relation, directed: directed ?? false, weight };
    if (attributes !== undefined) tie.attributes = attributes;
    drafts.push({ tie, origin: { file, row: number, rowUnit: 'line', sourceField, targetField } });
  });
  options.onReadProgress?.(1);

  // A file whose lines mostly carry a weight but some do not (or the other way round): say so
  // on the fewer lines, as either may be the mistake.
  if (weighted.length > 0 && unweighted.length > 0) {
    if (unweighted.length <= weighted.length) {
      for (const row of unweighted) {
        log.warn('missing-weight', `no weight on this line, while ${weighted.length} other lines have one; the tie was given weight 1`, { row, field: 'weight' });
      }
    } else {
      for (const row of weighted) {
        log.warn('extra-weight', `this line has a weight, while ${unweighted.length} other lines have none; weights were read where given, and the others given weight 1`, { row, field: 'weight' });
      }
    }
  }
  if (stopped) return resultOf(part, log.issues);
  if (drafts.length === 0 && !log.hasErrors) {
    log.error('no-ties', 'the file holds no ties: every line is blank or a comment (# or %)', { row: 1 });
  }
  settleTies(part, drafts, log);
  return resultOf(part, log.issues);
}
