/**
 * What people could meet over: the values of their interest-like attributes (skills, interests,
 * goals, topics, ...). `matchAttributes` picks them explicitly; otherwise every attribute whose
 * name says so, plus every attribute that holds lists (a "skills" cell `facilitation;policy`:
 * the attribute profile's `lists`), bookkeeping (the profile's `identifier`) left out.
 * Values are compared case-insensitively and shown as first written.
 */
import type { Attributes } from '../../core/model/records.ts';
import { attributeValues } from '../../core/model/attribute-values.ts';
import { isBookkeeping, profileAttributes } from '../../core/model/attribute-profile.ts';

export { isBookkeeping };

const INTEREST_NAME = /skill|interest|goal|topic|expertise|passion|focus|issue|offer|need|want|learn|hobb/i;

export interface InterestItem {
  /** Attribute name and lower-cased value: what must match. */
  key: string;
  /** The value as written (first seen). */
  text: string;
  attribute: string;
}

/** Attributes to match people on (see the module comment). */
export function interestAttributes(people: Array<{ attributes: Attributes }>, explicit?: string[]): string[] {
  if (explicit && explicit.length > 0) return [...explicit];
  return profileAttributes(people.map((p) => p.attributes))
    .filter((p) => !p.identifier && (INTEREST_NAME.test(p.name) || (p.lists && p.filled > 0)))
    .map((p) => p.name)
    .sort();
}

/** Each node's interest items (node order = `ids`). */
export function interestItems(
  ids: string[],
  attributes: string[],
  attributesOf: (id: string) => Attributes | undefined,
): InterestItem[][] {
  const shown = new Map<string, string>();
  return ids.map((id) => {
    const attrs = attributesOf(id);
    const items: InterestItem[] = [];
    const seen = new Set<string>();
    if (!attrs) return items;
    for (const attribute of attributes) {
      const value = attrs[attribute];
      if (typeof value === 'boolean' || typeof value === 'number') continue;
      for (const raw of attributeValues(value)) {
        const text = raw.trim();
        if (text === '') continue;
        const key = `${attribute}\u0000${text.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (!shown.has(key)) shown.set(key, text);
        items.push({ key, text: shown.get(key)!, attribute });
      }
    }
    return items;
  });
}
