/**
 * Which people attribute holds a role (organisation, sector): the one the user named, else the
 * first of a list of usual names the people have; header spelling (case, `_`, `-`) ignored.
 */
import type { Person } from '../../core/model/records.ts';

const fold = (text: string): string => text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** The attribute key as the people write it, or null when they have none of those asked for. */
export function findAttribute(people: readonly Person[], chosen: string | undefined, usual: readonly string[]): string | null {
  const keys = new Map<string, string>();
  for (const person of people) for (const key of Object.keys(person.attributes)) if (!keys.has(fold(key))) keys.set(fold(key), key);
  if (chosen !== undefined) return keys.get(fold(chosen)) ?? null;
  for (const name of usual) {
    const key = keys.get(name);
    if (key !== undefined) return key;
  }
  return null;
}

/** An attribute's values as text: a list's items, one value, or none for a blank. */
export function attributeValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === null || value === undefined || value === '') return [];
  return [String(value)];
}
