/**
 * An attribute cell as a list of text values: a multi-valued cell gives each value, an empty
 * cell none. Grouping, colouring and filtering by attribute all read attributes this way.
 */
import type { AttributeValue } from './records.ts';

export function attributeValues(value: AttributeValue | undefined): string[] {
  if (value === null || value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [String(value)];
}
