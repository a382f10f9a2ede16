/**
 * A map layout in the shape that goes into storage: ids and one array of coordinates. Stored as a
 * record, 50,000 positions are 50,000 small arrays that IndexedDB copies one by one on the page's
 * thread (about 60 ms, at every autosave after a layout run); packed, they are one string list
 * and one typed array.
 */
import { positionsFrom, setPosition, type Positions } from './layout-record.ts';

type Layout = Positions;

export interface PackedLayout {
  format: 'netweave-packed-layout';
  ids: string[];
  /** x and y of ids[i] at 2i and 2i + 1. */
  xy: Float64Array;
}

/** Packs a layout; a position that is not a number (a layout run gone wrong) is not stored, so the person is placed again. */
export function packLayout(layout: Layout): PackedLayout {
  const ids: string[] = [];
  const coordinates: number[] = [];
  for (const id of Object.keys(layout)) {
    const [x, y] = layout[id]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    ids.push(id);
    coordinates.push(x, y);
  }
  return { format: 'netweave-packed-layout', ids, xy: Float64Array.from(coordinates) };
}

export function unpackLayout(packed: PackedLayout): Layout {
  return positionsFrom(packed.ids.map((id, i) => [id, [packed.xy[2 * i]!, packed.xy[2 * i + 1]!]] as const));
}

/** The same in slices of `sliceSize` positions, awaiting `between` after each (50,000 at once were a long task). */
export async function unpackLayoutInSlices(packed: PackedLayout, between: () => Promise<void>, sliceSize = 10_000): Promise<Layout> {
  const layout: Layout = {};
  const n = packed.ids.length;
  for (let from = 0; from < n; from += sliceSize) {
    const to = Math.min(n, from + sliceSize);
    for (let i = from; i < to; i++) setPosition(layout, packed.ids[i]!, [packed.xy[2 * i]!, packed.xy[2 * i + 1]!]);
    if (to < n) await between();
  }
  return layout;
}

export function isPackedLayout(value: unknown): value is PackedLayout {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'netweave-packed-layout';
}

/** What is wrong with a stored packed layout, in words, or null when it can be unpacked. */
export function packedLayoutProblem(value: PackedLayout): string | null {
  if (!Array.isArray(value.ids) || !(value.xy instanceof Float64Array)) return 'the layout columns are damaged';
  if (value.xy.length !== value.ids.length * 2) return 'the layout has more ids than positions, or fewer';
  if (value.ids.some((id) => typeof id !== 'string')) return 'a layout id is not text';
  // Positions that are not numbers are no reason to lose the project: repairProject drops them and says so.
  return null;
}

const packedCache = new WeakMap<Layout, PackedLayout>();

/**
 * Notes that `packed` is `layout`'s packed form (the map has its ids and coordinates in columns
 * already), so that saving it does not walk 50,000 keys again. Not noted when a coordinate is
 * not a finite number: packLayout leaves those out.
 */
export function rememberPackedLayout(layout: Layout, packed: PackedLayout): void {
  if (packed.xy.every(Number.isFinite) && packed.ids.length * 2 === packed.xy.length) packedCache.set(layout, packed);
}

/** The packed form of a layout, packed once: autosaves often store the same layout again. */
export function packedLayoutOf(layout: Layout): PackedLayout {
  let packed = packedCache.get(layout);
  if (packed === undefined) {
    packed = packLayout(layout);
    packedCache.set(layout, packed);
  }
  return packed;
}
