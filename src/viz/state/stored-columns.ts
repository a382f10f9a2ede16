/**
 * A packed dataset's tie columns kept in IndexedDB as Blobs. IndexedDB copies a Blob by
 * reference, but copies typed arrays byte by byte on the page's main thread: 250,000 ties are
 * 7 MB of columns, about 50 ms of a save's one task (structuredClone of them in Chromium took
 * 112 ms there and back). Datasets written before, with the arrays themselves, read as they are.
 */
import type { PackedDataset } from '../../engine/core/model/packed-dataset.ts';

const TIE_COLUMNS = {
  source: Int32Array,
  target: Int32Array,
  relation: Int32Array,
  wave: Int32Array,
  date: Int32Array,
  directed: Uint8Array,
  weight: Float64Array,
} as const;

type Column = keyof typeof TIE_COLUMNS;

/** The record written: the packed dataset with its tie columns as Blobs (the dataset itself untouched). */
export function withColumnsAsBlobs(packed: PackedDataset): unknown {
  const ties: Record<string, unknown> = { ...packed.ties };
  for (const column of Object.keys(TIE_COLUMNS) as Column[]) ties[column] = new Blob([packed.ties[column] as Uint8Array<ArrayBuffer>]);
  return { ...packed, ties };
}

/**
 * The record read back, its Blob columns turned into typed arrays again. Anything else is
 * returned as it came, for the dataset's own checks to judge: a column whose bytes do not fit
 * its type stays a Blob, and the dataset is then found damaged.
 */
export async function withColumnsFromBlobs(record: unknown): Promise<unknown> {
  const ties = (record as { ties?: unknown } | null)?.ties;
  if (typeof ties !== 'object' || ties === null) return record;
  const columns = ties as Record<string, unknown>;
  if (!Object.keys(TIE_COLUMNS).some((column) => columns[column] instanceof Blob)) return record;
  const out: Record<string, unknown> = { ...columns };
  for (const [column, Type] of Object.entries(TIE_COLUMNS)) {
    const value = columns[column];
    if (!(value instanceof Blob) || value.size % Type.BYTES_PER_ELEMENT !== 0) continue;
    out[column] = new Type(await value.arrayBuffer());
  }
  return { ...(record as object), ties: out };
}
