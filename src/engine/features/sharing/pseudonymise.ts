/**
 * A pseudonymised copy of a dataset: every person's id and name become a code (`P001`, given in
 * an order keyed by a secret: the same secret gives the same codes in every export, and the codes
 * cannot be read back from the member list), and
 * every attribute is left out except those the user keeps (emails and free text go with them);
 * tie attributes, which can hold names (who reported a tie), are left out too. The key linking
 * codes to ids and names is a separate CSV the user keeps; `restoreNames` puts them back, and
 * changes nothing when the key does not fit.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { Attributes, Person } from '../../core/model/records.ts';
import { fail, ok, type Result } from '../../core/util/result.ts';
import { readCsv } from '../../io/csv-read.ts';
import { toCsv } from '../../io/csv-cells.ts';
import { codeOrder, newCodeSecret } from './code-order.ts';

export interface PseudonymOptions {
  /** Attributes kept as they are (e.g. sector, group). Default: none. */
  keep?: readonly string[];
  /** What codes start with. Default 'P'. */
  prefix?: string;
  /** The secret ordering the codes (a project's `sharing.codeSecret`). Default: a new one each time. */
  secret?: string;
}

export interface Pseudonymised {
  dataset: Dataset;
  /** The key as CSV (`code,id,name`): keep it apart from the data. */
  keyCsv: string;
  /** Each person's id and their code. */
  codes: ReadonlyMap<string, string>;
}

const KEY_HEADER = ['code', 'id', 'name'] as const;

/** Codes in the secret's order, numbered from 1, zero-padded to at least three digits. */
function codesFor(people: readonly Person[], prefix: string, secret: string): Map<string, string> {
  const ids = codeOrder(people.map((p) => p.id), secret);
  const width = Math.max(3, String(ids.length).length);
  return new Map(ids.map((id, i) => [id, `${prefix}${String(i + 1).padStart(width, '0')}`]));
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function kept(attributes: Attributes, keep: ReadonlySet<string>): Attributes {
  const out: Attributes = {};
  for (const key of Object.keys(attributes)) if (keep.has(key)) out[key] = attributes[key] as Attributes[string];
  return out;
}

/** The dataset with people as codes and only the kept attributes, and its key. */
export function pseudonymise(dataset: Dataset, options: PseudonymOptions = {}): Pseudonymised {
  const keep = new Set(options.keep ?? []);
  const codes = codesFor(dataset.people, options.prefix ?? 'P', options.secret ?? newCodeSecret());
  const code = (id: string): string => codes.get(id) ?? id;
  const pseudonymous: Dataset = {
    ...dataset,
    // In code order and sorted, so no position in a file says which roster row someone was.
    people: dataset.people.map((p) => ({ id: code(p.id), label: code(p.id), attributes: kept(p.attributes, keep) })).sort((a, b) => text(a.id, b.id)),
    ties: dataset.ties
      .map(({ attributes: _dropped, ...tie }) => ({ ...tie, source: code(tie.source), target: code(tie.target) }))
      .sort((a, b) => text(a.source, b.source) || text(a.target, b.target) || text(a.relation, b.relation)),
    attendance: dataset.attendance.map((a) => ({ ...a, person: code(a.person) })).sort((a, b) => text(a.event, b.event) || text(a.person, b.person)),
    mentorships: dataset.mentorships.map(({ goal: _goal, ...m }) => ({ ...m, mentor: code(m.mentor), mentee: code(m.mentee) })).sort((a, b) => text(a.mentor, b.mentor) || text(a.mentee, b.mentee)),
  };
  const rows = dataset.people.map((p) => [code(p.id), p.id, p.label]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return { dataset: pseudonymous, keyCsv: toCsv([...KEY_HEADER], rows), codes };
}

/** toCsv guards cells that a spreadsheet would run (= + - @) with a leading quote; the key reads them back. */
function unguarded(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * The dataset with its codes replaced by the ids and names in the key. Fails, changing nothing,
 * when the key is not a key or does not hold every code in the dataset (naming the codes).
 */
export function restoreNames(dataset: Dataset, keyText: string, file: string): Result<Dataset> {
  const read = readCsv(keyText, { file });
  if (!read.ok) return fail(read.issues);
  const table = read.value;
  const column = (name: string): number => table.headers.findIndex((h) => h.toLowerCase() === name);
  const [codeAt, idAt, nameAt] = KEY_HEADER.map(column);
  if (codeAt === undefined || idAt === undefined || nameAt === undefined || codeAt < 0 || idAt < 0 || nameAt < 0) {
    return fail([{ level: 'error', code: 'not-a-key', message: `this is not a netweave key: it needs the columns ${KEY_HEADER.join(', ')} (found ${table.headers.map((h) => `"${h}"`).join(', ')})`, file, row: table.headerRow }]);
  }
  const byCode = new Map<string, { id: string; name: string }>();
  for (const record of table.records) {
    const codeText = record.cells[codeAt] ?? '';
    if (codeText !== '') byCode.set(codeText, { id: unguarded(record.cells[idAt] ?? ''), name: unguarded(record.cells[nameAt] ?? '') });
  }
  const missing = dataset.people.map((p) => p.id).filter((id) => !byCode.has(id));
  if (missing.length > 0) {
    const shown = missing.slice(0, 8).join(', ') + (missing.length > 8 ? ` and ${missing.length - 8} more` : '');
    return fail([{ level: 'error', code: 'key-mismatch', message: `the key does not fit this network: ${missing.length} code${missing.length === 1 ? ' is' : 's are'} not in it (${shown}); nothing was changed`, file }]);
  }
  const id = (codeText: string): string => byCode.get(codeText)?.id ?? codeText;
  return ok({
    ...dataset,
    people: dataset.people.map((p) => ({ ...p, id: id(p.id), label: byCode.get(p.id)?.name || id(p.id) })),
    ties: dataset.ties.map((t) => ({ ...t, source: id(t.source), target: id(t.target) })),
    attendance: dataset.attendance.map((a) => ({ ...a, person: id(a.person) })),
    mentorships: dataset.mentorships.map((m) => ({ ...m, mentor: id(m.mentor), mentee: id(m.mentee) })),
  });
}
