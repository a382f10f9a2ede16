/**
 * Which people the map and tables show: display state, never written into the project.
 */
export interface MetricRange {
  metric: string;
  min: number;
  max: number;
}

export interface Filters {
  /** attribute -> values to keep (an absent attribute keeps everyone). */
  attributes: Record<string, string[]>;
  /** Relation layers hidden on the map. */
  hiddenRelations: string[];
  range: MetricRange | null;
}

/** Everyone shown. */
export function noFilters(): Filters {
  return { attributes: {}, hiddenRelations: [], range: null };
}

/** Whether any filter keeps someone out. */
export function hasFilters(filters: Filters): boolean {
  return filters.range !== null || Object.values(filters.attributes).some((values) => values.length > 0);
}
