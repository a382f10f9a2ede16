/**
 * A record cut into parts that each cost the page little to post to a worker, and put together
 * again there. Copying a big record into IndexedDB (or into one message) is one long task on the
 * page: 50,000 people and 250,000 ties took 120-190 ms. In parts, the typed arrays are copied
 * and moved (a memory copy, not a serialisation), long arrays go a slice at a time, and the page
 * can do other work between two parts.
 */

/** Where a part goes: the keys from the record's root. */
export type PartPath = string[];

export interface RecordPart {
  path: PartPath;
  /** `set` puts the value at the path; `append` adds its items to the array there. */
  op: 'set' | 'append';
  value: unknown;
}

export interface PartsOptions {
  /** Array items (or typed array elements / 64) per part at most. Default 20,000. */
  itemsPerPart?: number;
}

export interface PostedPart {
  part: RecordPart;
  /** Buffers to move with the part: copies made for it, so the page keeps its own. */
  transfer: ArrayBuffer[];
  /** About how much work the part is, in array items: to batch small parts together. */
  weight: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The parts of `record`, in an order `assembleParts` rebuilds it from: plain objects key by
 * key, arrays longer than a part in slices, typed arrays as moved copies, everything else whole.
 */
export function* recordParts(record: unknown, options: PartsOptions = {}): Generator<PostedPart> {
  const per = options.itemsPerPart ?? 20_000;
  function* walk(value: unknown, path: PartPath): Generator<PostedPart> {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const copy = (value as unknown as { slice(): ArrayBufferView }).slice();
      yield { part: { path, op: 'set', value: copy }, transfer: [copy.buffer as ArrayBuffer], weight: Math.ceil(copy.byteLength / 512) };
    } else if (Array.isArray(value) && value.length > per) {
      yield { part: { path, op: 'set', value: [] }, transfer: [], weight: 1 };
      for (let from = 0; from < value.length; from += per) yield { part: { path, op: 'append', value: value.slice(from, from + per) }, transfer: [], weight: per };
    } else if (isPlainObject(value) && path.length < 4) {
      yield { part: { path, op: 'set', value: {} }, transfer: [], weight: 1 };
      for (const key of Object.keys(value)) yield* walk(value[key], [...path, key]);
    } else {
      yield { part: { path, op: 'set', value }, transfer: [], weight: Array.isArray(value) ? Math.max(1, value.length) : 1 };
    }
  }
  yield* walk(record, []);
}

/**
 * Puts parts together again. Keys are untrusted text (a person called "__proto__"): each is set
 * as an own property, never through a prototype.
 */
export function assembleParts(parts: Iterable<RecordPart>): unknown {
  const root: { value: unknown } = { value: undefined };
  for (const { path, op, value } of parts) {
    let holder: Record<string, unknown> = root as unknown as Record<string, unknown>;
    let key = 'value';
    for (const step of path) {
      holder = holder[key] as Record<string, unknown>;
      key = step;
      if (typeof holder !== 'object' || holder === null) throw new Error(`a part of the record has no place to go (${path.join('.')})`);
    }
    if (op === 'append') {
      const target = holder[key];
      if (!Array.isArray(target) || !Array.isArray(value)) throw new Error(`a part of the record has no list to join (${path.join('.')})`);
      for (const item of value) target.push(item);
    } else {
      Object.defineProperty(holder, key, { value, writable: true, enumerable: true, configurable: true });
    }
  }
  return root.value;
}
