/**
 * People grouped by one attribute (sector, region, any column), as group numbers on the CSR's
 * node order. A text, number or yes/no value is the group; a list with one value is that value;
 * a longer list is its values sorted and joined with "; " (a person in two regions is their own
 * combination, so groups never overlap). An empty cell, or a person without the attribute, has
 * no group (-1) and is left out of group figures. Groups are numbered largest first, then by
 * name.
 */
import type { AttributeValue, Attributes } from '../../core/model/records.ts';

export interface Grouping {
  attribute: string;
  /** Group number per node, -1 when unknown. */
  group: Int32Array;
  /** Group names by number. */
  labels: string[];
  sizes: number[];
  /** People with no value. */
  unknown: number;
}

export function groupLabel(value: AttributeValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.map((v) => v.trim()).filter((v) => v !== '');
    if (items.length === 0) return null;
    return [...new Set(items)].sort().join('; ');
  }
  const text = String(value).trim();
  return text === '' ? null : text;
}

/**
 * Groups of the nodes `ids` by `attribute`, reading each node's attributes through `attributesOf`
 * (undefined for nodes that are not people in the dataset).
 */
export function groupBy(
  ids: string[],
  attribute: string,
  attributesOf: (id: string) => Attributes | undefined,
): Grouping {
  const raw = ids.map((id) => groupLabel(attributesOf(id)?.[attribute]));
  const counts = new Map<string, number>();
  for (const label of raw) if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1);
  const labels = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const number = new Map(labels.map((l, i) => [l, i]));
  const group = Int32Array.from(raw, (label) => (label === null ? -1 : number.get(label)!));
  return {
    attribute,
    group,
    labels,
    sizes: labels.map((l) => counts.get(l)!),
    unknown: raw.filter((l) => l === null).length,
  };
}
