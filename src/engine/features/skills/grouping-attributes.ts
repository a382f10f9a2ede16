/**
 * Attributes worth grouping people by (sector, region, organisation, ...) when the user chose
 * none: the categorical ones of the attribute profile (core/model/attribute-profile.ts: single
 * values, at least two different ones, at most `maxGroups` and few enough that groups hold
 * several people each; bookkeeping such as emails, ids and `responded` is never a group), less
 * the attributes in `exclude` (the skills themselves).
 */
import type { Attributes } from '../../core/model/records.ts';
import { DEFAULT_CATEGORY_RULE, isCategorical, profileAttributes } from '../../core/model/attribute-profile.ts';

export interface GroupingAttributeOptions {
  exclude?: Iterable<string>;
  /** Most groups. Default DEFAULT_CATEGORY_RULE.maxCategories. */
  maxGroups?: number;
}

export function groupingAttributes(people: ReadonlyArray<Attributes | undefined>, options: GroupingAttributeOptions = {}): string[] {
  const exclude = new Set([...(options.exclude ?? [])].map((e) => e.toLowerCase()));
  const maxCategories = options.maxGroups ?? DEFAULT_CATEGORY_RULE.maxCategories;
  return profileAttributes(people)
    .filter((p) => !exclude.has(p.name.toLowerCase()) && isCategorical(p, { maxCategories }))
    .map((p) => p.name)
    .sort();
}
