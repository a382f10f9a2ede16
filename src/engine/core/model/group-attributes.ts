/**
 * Which person attribute says what group someone belongs to (their sector, organisation, work
 * unit), found by name among the attributes people have: the convening mix, mentorship reach,
 * mentor matching and the waves' cross-group share all ask it.
 */
import type { AttributeValue, Person } from './records.ts';
import { profileAttributes } from './attribute-profile.ts';

/** Attribute names meaning "work unit", most specific first. */
export const WORK_UNIT_ATTRIBUTES = ['work unit', 'unit', 'department', 'dept', 'team', 'division', 'branch', 'program', 'office'] as const;
export const ORGANIZATION_ATTRIBUTES = ['organization', 'organisation', 'org', 'agency', 'employer', 'company', 'affiliation'] as const;
export const SECTOR_ATTRIBUTES = ['sector', 'field', 'industry'] as const;

/** `Work_Unit`, `work-unit` and `Work Unit` are the same name. */
export function normalizeAttributeName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/**
 * The actual attribute names (as people carry them) matching `wanted` names, in the order of
 * `wanted`, each at most once; only attributes that at least one person has a value for.
 */
export function findAttributes(people: readonly Person[], wanted: readonly string[]): string[] {
  const byNorm = new Map<string, string>();
  for (const person of people) {
    for (const [key, value] of Object.entries(person.attributes)) {
      if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      const norm = normalizeAttributeName(key);
      if (!byNorm.has(norm)) byNorm.set(norm, key);
    }
  }
  const out: string[] = [];
  for (const name of wanted) {
    const found = byNorm.get(normalizeAttributeName(name));
    if (found !== undefined && !out.includes(found)) out.push(found);
  }
  return out;
}

/** The first attribute found among `wanted`, or null. */
export function findAttribute(people: readonly Person[], wanted: readonly string[]): string | null {
  return findAttributes(people, wanted)[0] ?? null;
}

/** A person's group under an attribute: a text, or the first of a list; null when unknown. */
export function groupValue(value: AttributeValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length > 0 ? (value[0] as string) : null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/**
 * The first attribute among `wanted` that makes groups: categorical in the attribute profile
 * (attribute-profile.ts: its values repeat), so an organisation attribute that is different for
 * nearly everyone (one person per organisation) is passed over for, say, the sector. Null when
 * none does.
 */
export function findGroupingAttribute(people: readonly Person[], wanted: readonly string[]): string | null {
  const found = findAttributes(people, wanted);
  if (found.length === 0) return null;
  const kinds = new Map(profileAttributes(people.map((p) => p.attributes)).map((p) => [p.name, p.kind]));
  return found.find((attribute) => kinds.get(attribute) === 'categorical') ?? null;
}
