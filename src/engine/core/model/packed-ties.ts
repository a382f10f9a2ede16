/**
 * Ties as columns of typed arrays over a string table. A million tie objects take a browser
 * about a second to copy between threads or into IndexedDB, all of it blocking the page; the
 * same ties packed copy in milliseconds (or are transferred) and are unpacked in slices.
 */
import type { Attributes, Tie } from './records.ts';

export interface PackedTies {
  count: number;
  /** Every distinct id, relation, wave and date, referenced by index below. */
  strings: string[];
  source: Int32Array;
  target: Int32Array;
  relation: Int32Array;
  /** -1 where a tie has no wave or date. */
  wave: Int32Array;
  date: Int32Array;
  directed: Uint8Array;
  weight: Float64Array;
  /** The few ties that carry attributes, by position. */
  attributes: Array<[number, Attributes]>;
}

export function packTies(ties: readonly Tie[]): PackedTies {
  const n = ties.length;
  const index = new Map<string, number>();
  const strings: string[] = [];
  const intern = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const packed: PackedTies = {
    count: n,
    strings,
    source: new Int32Array(n),
    target: new Int32Array(n),
    relation: new Int32Array(n),
    wave: new Int32Array(n),
    date: new Int32Array(n),
    directed: new Uint8Array(n),
    weight: new Float64Array(n),
    attributes: [],
  };
  for (let e = 0; e < n; e++) {
    const t = ties[e]!;
    packed.source[e] = intern(t.source);
    packed.target[e] = intern(t.target);
    packed.relation[e] = intern(t.relation);
    packed.wave[e] = t.wave === undefined ? -1 : intern(t.wave);
    packed.date[e] = t.date === undefined ? -1 : intern(t.date);
    packed.directed[e] = t.directed ? 1 : 0;
    packed.weight[e] = t.weight;
    if (t.attributes !== undefined) packed.attributes.push([e, t.attributes]);
  }
  return packed;
}

const attributeMaps = new WeakMap<ReadonlyArray<[number, Attributes]>, Map<number, Attributes> | null>();

/**
 * A packed table's sparse attributes (the few records that carry some, as [position, attributes]
 * pairs) by position; null when there are none. Made once per table, not once per slice.
 */
export function attributesByPosition(list: ReadonlyArray<[number, Attributes]>): Map<number, Attributes> | null {
  let map = attributeMaps.get(list);
  if (map === undefined) {
    map = list.length > 0 ? new Map(list) : null;
    attributeMaps.set(list, map);
  }
  return map;
}

/**
 * Ties `from` (inclusive) to `to` (exclusive), as the records they were packed from, each put
 * at its own position in `out` (by default an array for the whole table). Unpacked slice by
 * slice into one array of its final size, a million ties leave no growing copies and no slice
 * arrays behind for the page's garbage collector.
 */
export function unpackTies(packed: PackedTies, from = 0, to = packed.count, out: Tie[] = new Array<Tie>(packed.count)): Tie[] {
  const { strings } = packed;
  const attributes = attributesByPosition(packed.attributes);
  for (let e = from; e < to; e++) {
    const tie: Tie = {
      source: strings[packed.source[e]!]!,
      target: strings[packed.target[e]!]!,
      relation: strings[packed.relation[e]!]!,
      directed: packed.directed[e] === 1,
      weight: packed.weight[e]!,
    };
    // Optional fields stay absent rather than undefined, as the schema produces them.
    if (packed.wave[e]! >= 0) tie.wave = strings[packed.wave[e]!]!;
    if (packed.date[e]! >= 0) tie.date = strings[packed.date[e]!]!;
    const a = attributes?.get(e);
    if (a !== undefined) tie.attributes = a;
    out[e] = tie;
  }
  return out;
}

/** The typed arrays of a packed tie table, for postMessage's transfer list. */
export function packedTransferables(packed: PackedTies): ArrayBuffer[] {
  return [packed.source, packed.target, packed.relation, packed.wave, packed.date, packed.directed, packed.weight].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Checks a packed table read back from storage: lengths agree and every index points into the
 * string table. Returns a message naming the first problem, or null.
 */
export function packedTiesProblem(packed: PackedTies): string | null {
  const n = packed.count;
  if (!Number.isInteger(n) || n < 0) return 'the tie count is not a whole number';
  if (!Array.isArray(packed.strings) || packed.strings.some((s) => typeof s !== 'string')) return 'the string table is damaged';
  const columns = { source: packed.source, target: packed.target, relation: packed.relation, wave: packed.wave, date: packed.date, directed: packed.directed, weight: packed.weight };
  for (const [name, column] of Object.entries(columns)) if (!ArrayBuffer.isView(column) || column.length !== n) return `the ${name} column does not hold ${n} values`;
  const s = packed.strings.length;
  for (let e = 0; e < n; e++) {
    const src = packed.source[e]!;
    const dst = packed.target[e]!;
    const rel = packed.relation[e]!;
    if (src < 0 || src >= s || dst < 0 || dst >= s || rel < 0 || rel >= s) return `tie ${e + 1} refers to a name that is not stored`;
    if (packed.wave[e]! >= s || packed.date[e]! >= s) return `tie ${e + 1} refers to a wave or date that is not stored`;
    const w = packed.weight[e]!;
    if (!(w > 0) || !Number.isFinite(w)) return `tie ${e + 1} has a weight that is not a positive number`;
  }
  return null;
}
