/**
 * What kind of attribute each person attribute is, decided in one place from the values people
 * carry: the convening mix, mentor bridging, the waves' cross-group share, the skills report's
 * groups, name disambiguation, introductions and the map's colour and filter choices all ask here.
 *
 * | kind          | when                                                                    |
 * |---------------|-------------------------------------------------------------------------|
 * | `empty`       | no one has a value                                                      |
 * | `identifier`  | the name says bookkeeping or a contact detail (`isBookkeeping`): email, |
 * |               | id, name, label, phone, timestamp, the survey's `responded`...          |
 * | `list`        | someone holds two or more different values (`facilitation;policy`)      |
 * | `numeric`     | every value is a number, and they are measures: some are fractions, or  |
 * |               | there are too many whole numbers for categories (ages, scores)          |
 * | `categorical` | its values repeat: the category rule below, with DEFAULT_CATEGORY_RULE; |
 * |               | whole-number codes too (a department 1-5, a level 1-3)                  |
 * | `text`        | anything else: free text, a value per person, one value for everyone    |
 *
 * The category rule: at least `minFilled` people have a value, there are at least 2 and at most
 * `maxCategories` different values (compared trimmed and case-insensitively, list items one by
 * one), and no more than `maxShare` of the people who have one (so groups hold 1 / maxShare people
 * on average; two values are always few enough). Callers with another purpose pass their own
 * rule to `isCategorical` (the map's filters go wider, name disambiguation stricter); `kind`
 * always uses the default one. FILTER_CATEGORY_RULE is the map's.
 */
import type { Attributes } from './records.ts';

export type AttributeKind = 'empty' | 'identifier' | 'list' | 'numeric' | 'categorical' | 'text';

export interface CategoryRule {
  /** Most different values a category attribute may have. */
  maxCategories: number;
  /** Different values at most this share of the people who have a value (2 are always allowed). */
  maxShare: number;
  /** Fewest people with a value. */
  minFilled: number;
  /** Whether a list attribute's items count as its categories (filtering by one skill); else lists are never categorical. */
  lists: boolean;
  /** Whether bookkeeping attributes (`responded`, `onRoster`...) may be categorical; else never. */
  bookkeeping: boolean;
}

/**
 * Groups for reports: at most 12 (more groups than a table or legend can show), two people per
 * group on average, at least two people with a value; lists and bookkeeping are not groups.
 */
export const DEFAULT_CATEGORY_RULE: Readonly<CategoryRule> = {
  maxCategories: 12,
  maxShare: 1 / 2,
  minFilled: 2,
  lists: false,
  bookkeeping: false,
};

/**
 * Attributes to colour and filter the map by: up to 40 values (the filter lists them all, the
 * legend shows 16), no more than 0.8 of the people who have one, list items one by one (filter
 * by a skill), and bookkeeping flags such as `responded` too (colour the non-respondents).
 */
export const FILTER_CATEGORY_RULE: Readonly<CategoryRule> = {
  maxCategories: 40,
  maxShare: 0.8,
  minFilled: 1,
  lists: true,
  bookkeeping: true,
};

export interface AttributeProfile {
  name: string;
  kind: AttributeKind;
  /** People with a value. */
  filled: number;
  /** Different values, compared trimmed and case-insensitively (list items one by one). */
  distinct: number;
  /** Each value as written (list items one by one, numbers and booleans as text) and how many people have it; most common first, then by name. */
  values: Array<{ value: string; count: number }>;
  /** Some value is a list (a multi-valued cell, even with one item). */
  lists: boolean;
  /** Someone holds two or more different values. */
  multiValued: boolean;
  /** Every value is a number. */
  numeric: boolean;
  /** Every value is a whole number (codes such as a department number may be categories). */
  integers: boolean;
  /** The name is bookkeeping or a contact detail (`isBookkeeping`). */
  identifier: boolean;
}

/**
 * Attributes that are bookkeeping or contact details, not something a person brings or a group
 * they belong to: the survey importer's `responded`, `respondedIn` and `onRoster`, emails, phones,
 * timestamps, ids, names.
 */
const BOOKKEEPING =
  /^(responded|respondedin|onroster|e-?mail|e-?mail address|your e-?mail|phone|telephone|mobile|timestamp|submitted at|id|name|full name|your full name|label)$/i;

export function isBookkeeping(attribute: string): boolean {
  return BOOKKEEPING.test(attribute.trim());
}

interface Tally {
  filled: number;
  folded: Set<string>;
  counts: Map<string, number>;
  lists: boolean;
  multiValued: boolean;
  numeric: boolean;
  integers: boolean;
}

/**
 * One profile per attribute any person has (in the order first met), from each person's
 * attributes (undefined for someone without any). Plain loops: the map profiles 50,000 people.
 */
export function profileAttributes(people: Iterable<Attributes | undefined>): AttributeProfile[] {
  const tallies = new Map<string, Tally>();
  for (const attributes of people) {
    if (attributes === undefined) continue;
    for (const name in attributes) {
      if (!Object.prototype.hasOwnProperty.call(attributes, name)) continue;
      const value = attributes[name];
      let tally = tallies.get(name);
      if (tally === undefined) {
        tally = { filled: 0, folded: new Set(), counts: new Map(), lists: false, multiValued: false, numeric: true, integers: true };
        tallies.set(name, tally);
      }
      if (value === null || value === undefined) continue;
      if (Array.isArray(value)) {
        tally.lists = true;
        let first: string | undefined;
        let any = false;
        for (const item of value) {
          const key = item.trim().toLowerCase();
          if (key === '') continue;
          any = true;
          if (first === undefined) first = key;
          else if (key !== first) tally.multiValued = true;
          tally.folded.add(key);
          tally.counts.set(item, (tally.counts.get(item) ?? 0) + 1);
        }
        if (any) {
          tally.filled++;
          tally.numeric = false;
        }
        continue;
      }
      const text = String(value);
      const key = text.trim().toLowerCase();
      if (key === '') continue;
      tally.filled++;
      if (typeof value !== 'number') tally.numeric = false;
      else if (!Number.isInteger(value)) tally.integers = false;
      tally.folded.add(key);
      tally.counts.set(text, (tally.counts.get(text) ?? 0) + 1);
    }
  }
  const profiles: AttributeProfile[] = [];
  for (const [name, tally] of tallies) {
    const values = [...tally.counts].map(([value, count]) => ({ value, count }));
    values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    const profile: AttributeProfile = {
      name,
      kind: 'empty',
      filled: tally.filled,
      distinct: tally.folded.size,
      values,
      lists: tally.lists,
      multiValued: tally.multiValued,
      numeric: tally.filled > 0 && tally.numeric,
      integers: tally.filled > 0 && tally.numeric && tally.integers,
      identifier: isBookkeeping(name),
    };
    profile.kind = kindOf(profile);
    profiles.push(profile);
  }
  return profiles;
}

function kindOf(profile: AttributeProfile): AttributeKind {
  if (profile.filled === 0) return 'empty';
  if (profile.identifier) return 'identifier';
  if (profile.multiValued) return 'list';
  if (isCategorical(profile)) return 'categorical';
  return profile.numeric ? 'numeric' : 'text';
}

/** Whether the attribute makes categories under `rule` (see the module comment); DEFAULT_CATEGORY_RULE by default. */
export function isCategorical(profile: AttributeProfile, rule: Partial<CategoryRule> = {}): boolean {
  const r = { ...DEFAULT_CATEGORY_RULE, ...rule };
  if (profile.filled === 0 || profile.filled < r.minFilled) return false;
  if (profile.identifier && !r.bookkeeping) return false;
  if (profile.numeric && !profile.integers) return false;
  if (profile.multiValued && !r.lists) return false;
  const d = profile.distinct;
  // Whole-number codes: never more than the default's many, whatever the rule (16 ages are a measure).
  const most = profile.numeric ? Math.min(r.maxCategories, DEFAULT_CATEGORY_RULE.maxCategories) : r.maxCategories;
  return d >= 2 && d <= most && d <= Math.max(2, profile.filled * r.maxShare);
}
