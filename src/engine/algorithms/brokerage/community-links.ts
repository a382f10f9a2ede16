/**
 * Ties between groups (communities or attribute groups): how many ties join each pair of groups,
 * which pairs hang on a single tie (that tie is the only link between them), and which pairs have
 * none. Ties are counted once per pair of people, either direction (the contacts view).
 */
import type { Contacts } from './contacts.ts';

export interface GroupLink {
  /** Group numbers, a < b. */
  a: number;
  b: number;
  /** Ties between the two groups. */
  ties: number;
}

export interface SoleLink extends GroupLink {
  /** The one tie, as node indices [member of a, member of b]. */
  tie: [number, number];
}

export interface GroupLinks {
  /** Number of groups (max group number + 1). */
  groups: number;
  /** Group sizes. */
  sizes: number[];
  /** Every pair of groups with at least one tie, ordered by (a, b). */
  linked: GroupLink[];
  /** Pairs joined by exactly one tie. */
  sole: SoleLink[];
  /** Pairs of groups with no tie at all, ordered by (a, b). */
  unlinked: Array<[number, number]>;
}

/** `group[v]` >= 0 is v's group; -1 leaves v out. */
export function groupLinks(contacts: Contacts, group: ArrayLike<number>): GroupLinks {
  const { n, offsets, targets } = contacts;
  let groups = 0;
  for (let v = 0; v < n; v++) if (group[v]! + 1 > groups) groups = group[v]! + 1;
  const sizes = new Array<number>(groups).fill(0);
  for (let v = 0; v < n; v++) if (group[v]! >= 0) sizes[group[v]!]!++;
  const pairs = new Map<number, { ties: number; tie: [number, number] }>();
  for (let u = 0; u < n; u++) {
    const gu = group[u]!;
    if (gu < 0) continue;
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const v = targets[k]!;
      const gv = group[v]!;
      if (v <= u || gv < 0 || gv === gu) continue;
      const a = Math.min(gu, gv);
      const b = Math.max(gu, gv);
      const key = a * groups + b;
      const entry = pairs.get(key);
      if (entry) entry.ties++;
      else pairs.set(key, { ties: 1, tie: gu === a ? [u, v] : [v, u] });
    }
  }
  const linked: GroupLink[] = [];
  const sole: SoleLink[] = [];
  const unlinked: Array<[number, number]> = [];
  for (let a = 0; a < groups; a++) {
    if (sizes[a] === 0) continue;
    for (let b = a + 1; b < groups; b++) {
      if (sizes[b] === 0) continue;
      const entry = pairs.get(a * groups + b);
      if (!entry) {
        unlinked.push([a, b]);
        continue;
      }
      linked.push({ a, b, ties: entry.ties });
      if (entry.ties === 1) sole.push({ a, b, ties: 1, tie: entry.tie });
    }
  }
  return { groups, sizes, linked, sole, unlinked };
}
