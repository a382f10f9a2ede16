/**
 * What a Kumu element's `type` is read as: a person, an organisation, a system factor, or left
 * out. The defaults live here, in one place, for both readings of a Kumu file (as a people
 * network, io/kumu-people.ts, and as a system map, features/systemmap/import-kumu*.ts); the
 * import dialog shows them per type with counts and lets the user change them (`typeRoles`).
 *
 * Types are compared trimmed and case-insensitively ("Person" and "person" are one type).
 * A type the lists below do not know is a person when the file is read as a people network and
 * a factor when it is read as a system map; so are elements without a type.
 */
export type KumuTypeRole = 'person' | 'organisation' | 'factor' | 'leave out';

/** The roles, in the order the import dialog offers them. */
export const KUMU_TYPE_ROLES: readonly KumuTypeRole[] = ['person', 'organisation', 'factor', 'leave out'];

/** What the user chose per element type (the type as written, e.g. `Interviewee`); the rest keep their default. */
export type KumuTypeRoles = Record<string, KumuTypeRole>;

/** How a Kumu file is read: its elements as people, or as a system map's factors and actors. */
export type KumuReading = 'people' | 'system-map';

/** Element types that are people (Kumu's ChangeLabs template calls them Interviewee), lower case. */
export const PERSON_TYPES: readonly string[] = ['person', 'people', 'individual', 'interviewee', 'participant', 'member', 'leader', 'staff', 'actor', 'stakeholder'];

/** Element types that are organisations, lower case. */
export const ORGANISATION_TYPES: readonly string[] = ['organization', 'organisation', 'org', 'agency', 'funder', 'institution', 'company', 'group'];

/** Element types that are system factors whichever way the file is read, lower case. */
export const FACTOR_TYPES: readonly string[] = ['factor', 'variable', 'stock', 'flow', 'constant', 'auxiliary', 'driver', 'outcome', 'issue', 'condition'];

function normal(type: string | undefined): string {
  return (type ?? '').trim().toLowerCase();
}

/** The default role of an element type (undefined or '' for an element without one). */
export function defaultKumuTypeRole(type: string | undefined, reading: KumuReading): KumuTypeRole {
  const key = normal(type).replace(/s$/, '');
  if (PERSON_TYPES.includes(key) || PERSON_TYPES.includes(normal(type))) return 'person';
  if (ORGANISATION_TYPES.includes(key) || ORGANISATION_TYPES.includes(normal(type))) return 'organisation';
  if (FACTOR_TYPES.includes(key) || FACTOR_TYPES.includes(normal(type))) return 'factor';
  return reading === 'people' ? 'person' : 'factor';
}

/** The role of an element type: the user's choice when given (matched case-insensitively), else the default. */
export function kumuTypeRole(type: string | undefined, reading: KumuReading, roles: KumuTypeRoles = {}): KumuTypeRole {
  const key = normal(type);
  for (const [written, role] of Object.entries(roles)) if (normal(written) === key) return role;
  return defaultKumuTypeRole(type, reading);
}

/** One element type of a file: as first written ('' for elements without a type), and how many elements have it. */
export interface KumuTypeCount {
  type: string;
  count: number;
}

/** The element types of a file with their counts, in the order they first appear. */
export function countKumuTypes(types: Iterable<string | undefined>): KumuTypeCount[] {
  const counts = new Map<string, KumuTypeCount>();
  for (const type of types) {
    const written = (type ?? '').trim();
    const key = written.toLowerCase();
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { type: written, count: 1 });
  }
  return [...counts.values()];
}

/** Every type's role for one reading: the user's choices over the defaults. */
export function kumuTypeRolesFor(types: readonly KumuTypeCount[], reading: KumuReading, chosen: KumuTypeRoles = {}): KumuTypeRoles {
  const roles: KumuTypeRoles = {};
  // Types are the file's text: `__proto__` is a type like any other, not the object's prototype.
  for (const { type } of types) Object.defineProperty(roles, type, { value: kumuTypeRole(type, reading, chosen), enumerable: true, writable: true, configurable: true });
  return roles;
}

/**
 * The one warning for the elements left out by their type, and the connections that went with
 * them: "3 elements were left out, as chosen for "Funder" (2), without a type (1), and with them 4 connections".
 */
export function leftOutMessage(types: ReadonlyArray<string | undefined>, connections: number): string {
  const counted = countKumuTypes(types).map((t) => `${t.type === '' ? 'without a type' : `"${t.type}"`} (${t.count})`);
  const n = types.length;
  return `${n} ${n === 1 ? 'element was' : 'elements were'} left out, as chosen for ${counted.join(', ')}${connections > 0 ? `, and with them ${connections} ${connections === 1 ? 'connection' : 'connections'}` : ''}`;
}
