/**
 * What the worker-drawn map (canvas-renderer.ts, used where WebGL runs in software) hands its
 * drawing worker: everyone's place, size, colour and state as typed arrays, the ties on show,
 * the names, and the camera; and the one mapping from the map's framed coordinates to the
 * screen that both sides use, so a click lands on the person drawn there. Pure: no DOM.
 */

/** Bits of SceneNodes.flags. */
export const NODE_HIDDEN = 1;
export const NODE_HIGHLIGHTED = 2;
export const NODE_FORCE_LABEL = 4;
/** The reducer took the name away (a faded person). */
export const NODE_NO_LABEL = 8;

/** People, by their index in SceneNodes; coordinates framed into [0, 1] (fitCamera's unit). */
export interface SceneNodes {
  x: Float32Array;
  y: Float32Array;
  /** Radius in CSS pixels at zoom 1 (scaled by the zoom as sigma scales it). */
  size: Float32Array;
  /** Index into SceneStyle.palette. */
  color: Uint16Array;
  flags: Uint8Array;
  /** Drawing order: lower zIndex first, ties in order broken by index. */
  order: Uint32Array;
}

/** The ties on show, drawn in order under everyone. */
export interface SceneTies {
  source: Uint32Array;
  target: Uint32Array;
  color: Uint16Array;
  /** Width in CSS pixels at zoom 1; 0: hidden. */
  size: Float32Array;
  /** Drawn in ascending zIndex: the selected person's ties over the faded rest. */
  zIndex: Int8Array;
}

export interface LabelStyle {
  labelSize: number;
  labelFont: string;
  labelWeight: string;
  labelColor: { color?: string };
  labelDensity: number;
  labelGridCellSize: number;
  labelRenderedSizeThreshold: number;
}

export interface SceneStyle extends LabelStyle {
  palette: string[];
  /** Names keep clear of each other (off: every name asked for is drawn). */
  avoidOverlaps: boolean;
  /** Ties are left out while the camera moves. */
  hideEdgesOnMove: boolean;
}

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewSize {
  /** CSS pixels. */
  width: number;
  height: number;
  pixelRatio: number;
}

export interface SceneView extends ViewSize {
  camera: CameraView;
  /** The camera is being moved (dragged, zoomed, animated). */
  moving: boolean;
}

/** Page to worker. */
export type ToDrawWorker =
  | { kind: 'canvas'; canvas: OffscreenCanvas }
  /** Everyone's name by index, sent when who is drawn changes (before the scenes that use them). */
  | { kind: 'labels'; labels: string[] }
  | { kind: 'scene'; frame: number; nodes: SceneNodes; ties: SceneTies; style: SceneStyle }
  | { kind: 'view'; frame: number; view: SceneView }
  | { kind: 'picture'; id: number; background: string };

/** Worker to page. */
export type FromDrawWorker = { kind: 'drawn'; frame: number; millis: number; names: number } | { kind: 'picture'; id: number; blob: Blob | null; error?: string };

/** Space kept around the network at zoom 1, in CSS pixels (sigma's stagePadding). */
export const STAGE_PADDING = 30;

/** Pixels per framed unit at this zoom: the network's longer side fills the shorter side of the view. */
export function pixelsPerUnit(size: { width: number; height: number }, ratio: number): number {
  return Math.max(1, Math.min(size.width, size.height) - 2 * STAGE_PADDING) / ratio;
}

/**
 * The frame on the screen for this view: a framed point (x, y) is drawn at
 * (ox + x * scale, oy - y * scale) in CSS pixels from the top left (y grows upwards in the frame).
 * The one mapping: the worker draws with it, the page finds who is under the pointer with it.
 */
export function screenTransform(size: { width: number; height: number }, camera: CameraView): { scale: number; ox: number; oy: number } {
  const scale = pixelsPerUnit(size, camera.ratio);
  return { scale, ox: size.width / 2 - camera.x * scale, oy: size.height / 2 + camera.y * scale };
}

export function framedToViewport(x: number, y: number, size: { width: number; height: number }, camera: CameraView): { x: number; y: number } {
  const { scale, ox, oy } = screenTransform(size, camera);
  return { x: ox + x * scale, y: oy - y * scale };
}

export function viewportToFramed(x: number, y: number, size: { width: number; height: number }, camera: CameraView): { x: number; y: number } {
  const { scale, ox, oy } = screenTransform(size, camera);
  return { x: (x - ox) / scale, y: (oy - y) / scale };
}

/** A size (radius, width) on screen at this zoom: sigma's default, which grows as the square root of the zoom. */
export function scaledSize(size: number, ratio: number): number {
  return size / Math.sqrt(ratio);
}

/** Raw layout coordinates into the frame: the longer side of their extent spans [0, 1], centred. */
export interface Framing {
  cx: number;
  cy: number;
  extent: number;
}

export function framingOf(xs: ArrayLike<number>, ys: ArrayLike<number>, count: number): Framing {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!Number.isFinite(minX)) return { cx: 0, cy: 0, extent: 1 };
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, extent: Math.max(maxX - minX, maxY - minY) || 1 };
}

export function frame(value: number, centre: number, framing: Framing): number {
  return 0.5 + (value - centre) / framing.extent;
}
