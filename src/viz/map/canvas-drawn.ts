/**
 * What one pass of the worker-drawn map produces (canvas-renderer.ts): everyone's display values
 * as typed arrays, the ties on show, the colours used and the framing, filled on the side and
 * swapped in whole. Pure: tested in Node.
 */
import type { Framing } from './canvas-scene.ts';

/** Everything one pass produced, swapped in whole when the pass ends. */
export interface Drawn {
  ids: string[];
  indexOf: Map<string, number>;
  labels: string[];
  x: Float32Array;
  y: Float32Array;
  size: Float32Array;
  color: Uint16Array;
  flags: Uint8Array;
  zIndex: Int8Array;
  order: Uint32Array;
  tieKeys: string[];
  tieSource: Uint32Array;
  tieTarget: Uint32Array;
  tieColor: Uint16Array;
  tieSize: Float32Array;
  tieZ: Int8Array;
  palette: string[];
  paletteIndex: Map<string, number>;
  framing: Framing;
}

export function emptyDrawn(): Drawn {
  return sized([], new Map(), [], [], new Uint32Array(0), new Uint32Array(0));
}

/** A state for these people and ties, every display value still to be filled. */
export function sized(ids: string[], indexOf: Map<string, number>, labels: string[], tieKeys: string[], tieSource: Uint32Array, tieTarget: Uint32Array): Drawn {
  const n = ids.length;
  const m = tieKeys.length;
  return {
    ids,
    indexOf,
    labels,
    x: new Float32Array(n),
    y: new Float32Array(n),
    size: new Float32Array(n),
    color: new Uint16Array(n),
    flags: new Uint8Array(n),
    zIndex: new Int8Array(n),
    order: new Uint32Array(n),
    tieKeys,
    tieSource,
    tieTarget,
    tieColor: new Uint16Array(m),
    tieSize: new Float32Array(m),
    tieZ: new Int8Array(m),
    palette: [],
    paletteIndex: new Map(),
    framing: { cx: 0, cy: 0, extent: 1 },
  };
}

export function colorIndex(drawn: Drawn, color: string): number {
  let index = drawn.paletteIndex.get(color);
  if (index === undefined) {
    index = drawn.palette.length;
    drawn.palette.push(color);
    drawn.paletteIndex.set(color, index);
  }
  return index;
}

export const clampZ = (z: unknown): number => Math.max(-100, Math.min(100, Math.round(Number(z ?? 0)) || 0));

/** Everyone by zIndex (a counting sort: people keep their order within a level). */
export function drawingOrder(zIndex: Int8Array): Uint32Array {
  const n = zIndex.length;
  const counts = new Uint32Array(202);
  for (let i = 0; i < n; i++) counts[zIndex[i]! + 101]!++;
  for (let z = 1; z < counts.length; z++) counts[z] = counts[z]! + counts[z - 1]!;
  const order = new Uint32Array(n);
  for (let i = n - 1; i >= 0; i--) order[--counts[zIndex[i]! + 101]!] = i;
  return order;
}
