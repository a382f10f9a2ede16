/**
 * Merging two records of the same person: the first one wins, and the later one only fills its
 * gaps (an empty label, empty or missing attributes). Disagreements are returned, not hidden.
 */
import type { Person } from '../core/model/records.ts';
import { sameAttributeValue, setAttribute } from './attribute-columns.ts';

export interface MergedPerson {
  person: Person;
  /** Names of attributes (or `label`) where the two records hold different values. */
  conflicts: string[];
  /** Names of attributes (or `label`) the later record filled in. */
  filled: string[];
}

/** A label equal to the id is the default importers give, not a real label. */
function hasOwnLabel(person: Person): boolean {
  return person.label.trim() !== '' && person.label !== person.id;
}

export function mergePerson(first: Person, later: Person): MergedPerson {
  const conflicts: string[] = [];
  const filled: string[] = [];
  let label = first.label;
  if (hasOwnLabel(later)) {
    if (!hasOwnLabel(first)) {
      label = later.label;
      filled.push('label');
    } else if (later.label !== first.label) {
      conflicts.push('label');
    }
  }
  const attributes = { ...first.attributes };
  for (const [name, value] of Object.entries(later.attributes)) {
    const kept = attributes[name];
    if (kept === undefined || kept === null) {
      setAttribute(attributes, name, value);
      if (value !== null) filled.push(name);
    } else if (value !== null && !sameAttributeValue(kept, value)) {
      conflicts.push(name);
    }
  }
  return { person: { id: first.id, label, attributes }, conflicts, filled };
}
