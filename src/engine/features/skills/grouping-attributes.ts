/**
 * Attributes worth grouping people by (sector, region, organisation, ...) when the user chose
 * none: single values (text, or one-item lists) rather than lists, at least two different
 * values, and few enough that groups hold several people each: at most `maxGroups` (default 12)
 * and at most a third of the people who have a value. Bookkeeping (emails, ids, `responded`) and
 * the attributes in `exclude` (the skills themselves) are left out.
 */
import type { Attributes } from '../../core/model/records.ts';
import { isBookkeeping } from '../weaving/interests.ts';
import { groupLabel } from '../../algorithms/equity/groups.ts';

export interface GroupingAttributeOptions {
  exclude?: Iterable<string>;
  /** Default 12. */
  maxGroups?: number;
}

export function groupingAttributes(people: ReadonlyArray<Attributes | undefined>, options: GroupingAttributeOptions = {}): string[] {
  const exclude = new Set([...(options.exclude ?? [])].map((e) => e.toLowerCase()));
  const maxGroups = options.maxGroups ?? 12;
  const values = new Map<string, Set<string>>();
  const filled = new Map<string, number>();
  const lists = new Set<string>();
  for (const attrs of people) {
    if (!attrs) continue;
    for (const [key, value] of Object.entries(attrs)) {
      if (Array.isArray(value) && value.length > 1) lists.add(key);
      if (typeof value === 'number' || typeof value === 'boolean') lists.add(key);
      const label = groupLabel(value);
      if (label === null) continue;
      const set = values.get(key) ?? new Set<string>();
      set.add(label);
      values.set(key, set);
      filled.set(key, (filled.get(key) ?? 0) + 1);
    }
  }
  return [...values.entries()]
    .filter(([key, set]) => {
      if (lists.has(key) || isBookkeeping(key) || exclude.has(key.toLowerCase())) return false;
      const n = filled.get(key) ?? 0;
      return set.size >= 2 && set.size <= maxGroups && set.size <= Math.max(2, n / 3);
    })
    .map(([key]) => key)
    .sort();
}
