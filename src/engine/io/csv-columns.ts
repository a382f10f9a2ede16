/**
 * Which CSV column plays which role. Survey tools and spreadsheets name columns every which way,
 * so each role has a list of aliases, matched case-insensitively, in order of preference.
 */
import { parseNumberText } from './numbers.ts';

export const SOURCE_ALIASES = ['source', 'from', 'src', 'ego', 'sender', 'respondent'] as const;
export const TARGET_ALIASES = ['target', 'to', 'tgt', 'alter', 'receiver', 'nominee'] as const;
export const WEIGHT_ALIASES = ['weight', 'value', 'strength', 'w', 'count'] as const;
export const RELATION_ALIASES = ['relation', 'type', 'layer', 'relationship', 'kind'] as const;
export const DIRECTED_ALIASES = ['directed'] as const;
export const ID_ALIASES = ['id', 'node', 'key', 'name', 'person', 'label'] as const;
export const LABEL_ALIASES = ['label', 'name', 'full name', 'display name'] as const;

/** `Full_Name ` and `full name` are the same header. */
export function normalizeHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/**
 * Index of the first column matching the aliases, trying aliases in order of preference (so
 * `name,id` picks `id` as the id column). Columns in `skip` are never chosen.
 */
export function findColumn(
  headers: readonly string[],
  aliases: readonly string[],
  skip: ReadonlySet<number> = new Set(),
): number | undefined {
  const normalized = headers.map(normalizeHeader);
  for (const alias of aliases) {
    const index = normalized.findIndex((h, i) => h === alias && !skip.has(i));
    if (index >= 0) return index;
  }
  return undefined;
}

/** Index of the column the user named, matched like the aliases. */
export function findNamedColumn(headers: readonly string[], name: string): number | undefined {
  return findColumn(headers, [normalizeHeader(name)]);
}

/** Header names (as written in the file) guessed for each role, for the import preview. */
export interface GuessedColumns {
  source?: string;
  target?: string;
  weight?: string;
  relation?: string;
  id?: string;
  label?: string;
}

export function guessColumns(headers: readonly string[]): GuessedColumns {
  const guessed: GuessedColumns = {};
  const source = findColumn(headers, SOURCE_ALIASES);
  const target = findColumn(headers, TARGET_ALIASES, new Set(source === undefined ? [] : [source]));
  const weight = findColumn(headers, WEIGHT_ALIASES);
  const relation = findColumn(headers, RELATION_ALIASES);
  const id = findColumn(headers, ID_ALIASES);
  const label = findColumn(headers, LABEL_ALIASES, new Set(id === undefined ? [] : [id]));
  if (source !== undefined) guessed.source = headers[source];
  if (target !== undefined) guessed.target = headers[target];
  if (weight !== undefined) guessed.weight = headers[weight];
  if (relation !== undefined) guessed.relation = headers[relation];
  if (id !== undefined) guessed.id = headers[id];
  if (label !== undefined) guessed.label = headers[label];
  return guessed;
}

export type CsvKind = 'edges' | 'nodes' | 'adjacency';

/**
 * A matrix with names across the top only (as UCINET exports it): as many rows as names, rows in
 * the same order as the columns, and numbers where the row names would be.
 */
export function isUnnamedMatrix(headers: readonly string[], firstColumn: readonly string[]): boolean {
  return (
    headers.length > 1 &&
    headers.length === firstColumn.length &&
    (headers[0] ?? '').trim() !== '' &&
    firstColumn.every((cell) => cell.trim() === '' || parseNumberText(cell, { decimalComma: true }) !== undefined)
  );
}

/**
 * What a CSV holds, judged from its header and first column: a tie list when it has source- and
 * target-like columns; a matrix when the top-left cell is empty or the names across the top are
 * the names down the side; a people list when it has an id-like column; and a matrix again when
 * it is square with names across the top only.
 */
export function guessCsvKind(
  headers: readonly string[],
  firstColumn: readonly string[],
): CsvKind | 'unknown' {
  const guessed = guessColumns(headers);
  if (guessed.source !== undefined && guessed.target !== undefined) return 'edges';
  if (headers.length > 1 && firstColumn.length > 0) {
    if ((headers[0] ?? '').trim() === '') return 'adjacency';
    const across = new Set(headers.slice(1).map((h) => h.trim()));
    const down = new Set(firstColumn.map((c) => c.trim()));
    if (across.size === down.size && [...down].every((name) => across.has(name))) return 'adjacency';
  }
  if (guessed.id !== undefined) return 'nodes';
  if (isUnnamedMatrix(headers, firstColumn)) return 'adjacency';
  return 'unknown';
}
