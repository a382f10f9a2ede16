/**
 * How many ties each relation has and which survey waves the ties come from, in one pass without
 * allocating per tie: the settings panel needs both and redraws on every filter change, and at
 * 250,000 ties a map/filter per relation was tens of milliseconds of garbage each time.
 */
import type { Dataset } from './dataset.ts';

export interface TieSummary {
  /** Every relation, declared or used, in first-seen order, with its tie count. */
  relations: Map<string, number>;
  /** Waves named by ties, sorted. */
  waves: string[];
}

export function tieSummary(dataset: Pick<Dataset, 'relations' | 'ties'>): TieSummary {
  const relations = new Map<string, number>(dataset.relations.map((r) => [r.name, 0]));
  const waves = new Set<string>();
  for (const tie of dataset.ties) {
    relations.set(tie.relation, (relations.get(tie.relation) ?? 0) + 1);
    if (tie.wave !== undefined) waves.add(tie.wave);
  }
  return { relations, waves: [...waves].sort() };
}

const cache = new WeakMap<object, TieSummary>();

/** tieSummary, computed once per dataset object (datasets are never changed in place). */
export function tieSummaryOf(dataset: Pick<Dataset, 'relations' | 'ties'>): TieSummary {
  let summary = cache.get(dataset);
  if (summary === undefined) {
    summary = tieSummary(dataset);
    cache.set(dataset, summary);
  }
  return summary;
}
