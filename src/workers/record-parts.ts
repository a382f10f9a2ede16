/**
 * A record cut into parts that each cost the page little to post to a worker, and put together
 * again there. Copying a big record into IndexedDB (or into one message) is one long task on the
 * page: 50,000 people and 250,000 ties took 120-190 ms. In parts, typed arrays go as copies of
 * a megabyte at most, moved rather than serialised, long arrays a slice at a time, and the page
 * can do other work between two parts.
 */

/** Where a part goes: the keys from the record's root. */
export type PartPath = string[];

export type RecordPart =
  /** Puts the value at the path. */
  | { path: PartPath; op: 'set'; value: unknown }
  /** Adds its items to the array at the path. */
  | { path: PartPath; op: 'append'; value: unknown[] }
  /** Puts a zeroed typed array of this kind and length at the path... */
  | { path: PartPath; op: 'typed'; value: { kind: TypedKind; length: number } }
  /** ...and copies this piece into it from `offset` on. */
  | { path: PartPath; op: 'into'; offset: number; value: TypedArray };

const TYPED_KINDS = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array'] as const;
type TypedKind = (typeof TYPED_KINDS)[number];
type TypedArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

export interface PartsOptions {
  /** Array items per part at most. Default 20,000. */
  itemsPerPart?: number;
  /** Bytes of a typed array per part at most. Default 1 MiB (copying it takes a few milliseconds). */
  bytesPerPart?: number;
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
 * The parts of `record`, in an order a PartAssembler rebuilds it from: plain objects key by key
 * (to four levels; deeper ones whole), arrays longer than a part in slices, typed arrays as moved
 * copies in pieces, everything else whole.
 */
export function* recordParts(record: unknown, options: PartsOptions = {}): Generator<PostedPart> {
  const per = options.itemsPerPart ?? 20_000;
  const bytes = options.bytesPerPart ?? 2 ** 20;
  function* walk(value: unknown, path: PartPath): Generator<PostedPart> {
    const kind = typedKind(value);
    if (kind !== null) {
      const typed = value as TypedArray;
      const step = Math.max(1, Math.floor(bytes / typed.BYTES_PER_ELEMENT));
      yield { part: { path, op: 'typed', value: { kind, length: typed.length } }, transfer: [], weight: 1 };
      for (let from = 0; from < typed.length; from += step) {
        const piece = typed.slice(from, from + step);
        yield { part: { path, op: 'into', offset: from, value: piece }, transfer: [piece.buffer as ArrayBuffer], weight: per };
      }
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

/** Parts to post in one message, with the buffers they move. */
export interface PartBatch {
  parts: RecordPart[];
  transfer: ArrayBuffer[];
}

/** Parts gathered into messages of about `maxWeight` each (a part heavier than that goes alone). */
export function* partBatches(parts: Iterable<PostedPart>, maxWeight: number): Generator<PartBatch> {
  let batch: PartBatch = { parts: [], transfer: [] };
  let weight = 0;
  for (const posted of parts) {
    if (batch.parts.length > 0 && weight + posted.weight > maxWeight) {
      yield batch;
      batch = { parts: [], transfer: [] };
      weight = 0;
    }
    batch.parts.push(posted.part);
    for (const buffer of posted.transfer) batch.transfer.push(buffer);
    weight += posted.weight;
  }
  if (batch.parts.length > 0) yield batch;
}

function typedKind(value: unknown): TypedKind | null {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null;
  const name = Object.getPrototypeOf(value)?.constructor?.name as string | undefined;
  return TYPED_KINDS.find((k) => k === name) ?? null;
}

/**
 * Puts parts together again, as they come (so that copying a column's pieces into place is spread
 * over the messages that bring them). Keys are untrusted text (a person called "__proto__"): each
 * is set as an own property, never through a prototype.
 */
export class PartAssembler {
  private readonly root: { value: unknown } = { value: undefined };

  /** The record as put together so far (whole once every part is added). */
  get value(): unknown {
    return this.root.value;
  }

  add(parts: Iterable<RecordPart>): void {
    for (const part of parts) this.addOne(part);
  }

  private addOne(part: RecordPart): void {
    const where = part.path.join('.');
    let holder: Record<string, unknown> = this.root as unknown as Record<string, unknown>;
    let key = 'value';
    for (const step of part.path) {
      holder = holder[key] as Record<string, unknown>;
      key = step;
      if (typeof holder !== 'object' || holder === null) throw new Error(`a part of the record has no place to go (${where})`);
    }
    const target = holder[key];
    if (part.op === 'append') {
      if (!Array.isArray(target) || !Array.isArray(part.value)) throw new Error(`a part of the record has no list to join (${where})`);
      for (const item of part.value) target.push(item);
    } else if (part.op === 'into') {
      const kind = typedKind(target);
      if (kind === null || kind !== typedKind(part.value) || !Number.isSafeInteger(part.offset) || part.offset < 0 || part.offset + part.value.length > (target as TypedArray).length) {
        throw new Error(`a part of the record does not fit its column (${where})`);
      }
      (target as TypedArray).set(part.value as never, part.offset);
    } else if (part.op === 'typed') {
      const { kind, length } = part.value;
      if (!TYPED_KINDS.includes(kind) || !Number.isSafeInteger(length) || length < 0) throw new Error(`a part of the record names no column kind (${where})`);
      ownKey(holder, key, new globalThis[kind](length));
    } else {
      ownKey(holder, key, part.value);
    }
  }
}

/** Every part put together at once. */
export function assembleParts(parts: Iterable<RecordPart>): unknown {
  const assembler = new PartAssembler();
  assembler.add(parts);
  return assembler.value;
}

function ownKey(holder: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(holder, key, { value, writable: true, enumerable: true, configurable: true });
}
