/**
 * What people could meet over: the values of their interest-like attributes (skills, interests,
 * goals, topics, ...). `matchAttributes` picks them explicitly; otherwise every attribute whose
 * name says so, plus every attribute that holds lists (a "skills" cell `facilitation;policy`),
 * bookkeeping left out.
 * Values are compared case-insensitively and shown as first written.
 */
import type { Attributes } from '../../core/model/records.ts';
import { attributeValues } from '../../core/model/attribute-values.ts';

const INTEREST_NAME = /skill|interest|goal|topic|expertise|passion|focus|issue|offer|need|want|learn|hobb/i;

/**
 * Attributes that are bookkeeping or contact details, not something a person brings: the survey
 * importer's `responded`, `respondedIn` and `onRoster`, emails, phones, timestamps, ids, names.
 */
const BOOKKEEPING =
  /^(responded|respondedin|onroster|e-?mail|e-?mail address|your e-?mail|phone|telephone|mobile|timestamp|submitted at|id|name|full name|your full name|label)$/i;

export function isBookkeeping(attribute: string): boolean {
  return BOOKKEEPING.test(attribute.trim());
}

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
  const found = new Set<string>();
  for (const person of people) {
    for (const [key, value] of Object.entries(person.attributes)) {
      if (isBookkeeping(key)) continue;
      if (INTEREST_NAME.test(key) || (Array.isArray(value) && value.length > 0)) found.add(key);
    }
  }
  return [...found].sort();
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
