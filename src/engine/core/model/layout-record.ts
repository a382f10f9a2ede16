/**
 * Map positions keyed by id. Ids are untrusted text: "constructor" or "__proto__" must read and
 * write as ordinary keys, never reach an object's prototype.
 */
export type Positions = Record<string, [number, number]>;

/** The saved position of `id`, if it has one of its own. */
export function positionOf(layout: Positions, id: string): [number, number] | undefined {
  return Object.hasOwn(layout, id) ? layout[id] : undefined;
}

/** Positions from id and position pairs, every id an own key (even "__proto__"). */
export function positionsFrom(entries: Iterable<readonly [string, [number, number]]>): Positions {
  return Object.fromEntries(entries) as Positions;
}

/** Sets `id`'s position as an own key (even "__proto__"), for positions built one at a time. */
export function setPosition(layout: Positions, id: string, position: [number, number]): void {
  if (id === '__proto__') Object.defineProperty(layout, id, { value: position, writable: true, enumerable: true, configurable: true });
  else layout[id] = position;
}
