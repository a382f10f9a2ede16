/**
 * Ids the network libraries cannot hold. graphology and sigma keep neighbours and drawing data in
 * plain objects keyed by id, so an id that names a built-in object member ("__proto__",
 * "constructor", "toString", ...) reads as an existing entry: ties to it fail or vanish. They
 * are refused with a message saying what to change, rather than failing deep in an analysis.
 */
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

export function isReservedId(id: string): boolean {
  return RESERVED.has(id);
}

export function reservedIdMessage(id: string): string {
  return `"${id}" cannot be used as a name or id: the network libraries netweave uses read it as a built-in word. Rename it (for example "${id} (person)") and import again`;
}
