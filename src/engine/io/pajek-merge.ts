/**
 * The ties of a Pajek file as records, exactly as `mergeTies` (merge-ties.ts) would make them from
 * one draft per tie read (the same ties, origins and warnings, in the same order), without an
 * object or a key string per tie read: repeats are found with a hash table over typed columns of
 * person numbers, and only the ties kept become objects, after the columns read from the file
 * are let go. A file of millions of ties would otherwise hold several objects and a key string
 * for each at once.
 */
import type { Tie } from '../core/model/records.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { duplicateIssue, selfLoopIssue, type MergedTies } from './merge-ties.ts';
import type { TieColumns } from './pajek-ties.ts';
import type { TieOrigin } from './types.ts';

export interface TieSource {
  columns: TieColumns;
  /** The person (index in `personIds`) of vertex v, at v-1. */
  people: Int32Array;
  /** Relation name of a relation key (`k` of `*Arcs :k`). */
  relationName: (key: number) => string;
}

function origin(file: string, line: number): TieOrigin {
  return { file, row: line, rowUnit: 'line', sourceField: 'source', targetField: 'target' };
}

/** The smallest power of two at least twice `count` (and at least 16): a table at most half full. */
function tableSize(count: number): number {
  let size = 16;
  while (size < count * 2) size *= 2;
  return size;
}

function hash(relation: number, directed: number, a: number, b: number): number {
  let h = Math.imul(relation ^ 0x9e3779b9, 0x85ebca6b) ^ directed;
  h = Math.imul(h ^ a, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0x27d4eb2f);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Merges the ties of `sources` in order. `release` is called once every tie was looked at, before
 * the kept ties become objects, so the caller can let the columns go.
 */
export function mergePajekTies(sources: readonly TieSource[], personIds: readonly string[], file: string, release: () => void): MergedTies {
  let total = 0;
  for (const source of sources) total += source.columns.count;
  // The kept ties, in order of first appearance.
  const from = new Int32Array(total);
  const to = new Int32Array(total);
  const relation = new Int32Array(total);
  const directedOf = new Uint8Array(total);
  const weight = new Float64Array(total);
  const lineOf = new Int32Array(total);
  let kept = 0;
  const relationNames: string[] = [];
  const relationIndex = new Map<string, number>();
  const table = new Int32Array(tableSize(total));
  const mask = table.length - 1;
  const issues: InputIssue[] = [];
  const tieAt = (k: number): Tie => ({
    source: personIds[from[k] as number] as string,
    target: personIds[to[k] as number] as string,
    relation: relationNames[relation[k] as number] as string,
    directed: directedOf[k] === 1,
    weight: weight[k] as number,
  });

  for (const source of sources) {
    const columns = source.columns;
    const byKey = new Map<number, number>();
    for (let i = 0; i < columns.count; i += 1) {
      const key = columns.relation[i] as number;
      let rel = byKey.get(key);
      if (rel === undefined) {
        const name = source.relationName(key);
        rel = relationIndex.get(name);
        if (rel === undefined) {
          rel = relationNames.length;
          relationNames.push(name);
          relationIndex.set(name, rel);
        }
        byKey.set(key, rel);
      }
      const s = source.people[(columns.from[i] as number) - 1] as number;
      const t = source.people[(columns.to[i] as number) - 1] as number;
      const directed = columns.directed[i] as number;
      const w = columns.weight[i] as number;
      const line = columns.line[i] as number;
      // Kept in the next slot, unless it repeats a kept tie.
      from[kept] = s;
      to[kept] = t;
      relation[kept] = rel;
      directedOf[kept] = directed;
      weight[kept] = w;
      lineOf[kept] = line;
      if (s === t) issues.push(selfLoopIssue(tieAt(kept), origin(file, line)));
      const a = directed === 1 || s <= t ? s : t;
      const b = a === s ? t : s;
      let slot = hash(rel, directed, a, b) & mask;
      let found = -1;
      for (;;) {
        const entry = table[slot] as number;
        if (entry === 0) break;
        const k = entry - 1;
        if (relation[k] === rel && directedOf[k] === directed) {
          const ka = from[k] as number;
          const kb = to[k] as number;
          if ((ka === a && kb === b) || (directed === 0 && ka === b && kb === a)) {
            found = k;
            break;
          }
        }
        slot = (slot + 1) & mask;
      }
      if (found < 0) {
        table[slot] = kept + 1;
        kept += 1;
        continue;
      }
      const first = tieAt(found);
      const sum = first.weight + w;
      issues.push(duplicateIssue(tieAt(kept), origin(file, line), first, origin(file, lineOf[found] as number), sum));
      weight[found] = sum;
    }
  }
  release();

  const ties: Tie[] = [];
  const origins: TieOrigin[] = [];
  for (let k = 0; k < kept; k += 1) {
    ties.push(tieAt(k));
    origins.push(origin(file, lineOf[k] as number));
  }
  return { ties, origins, issues };
}
