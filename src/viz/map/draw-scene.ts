/**
 * Draws a scene (canvas-scene.ts) on a 2D canvas: ties, then people by zIndex, then names where
 * they fit, then the selected and hovered people with a halo and their name on a white box, as
 * the sigma map draws them. Runs in the map's drawing worker; the page never rasters the map.
 */
import { NODE_FORCE_LABEL, NODE_HIDDEN, NODE_HIGHLIGHTED, NODE_NO_LABEL, scaledSize, screenTransform, type SceneNodes, type SceneStyle, type SceneTies, type SceneView } from './canvas-scene.ts';
import { LabelSpace, labelSpot } from './label-placement.ts';
import { drawHoverLabel } from './hover-label.ts';

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface Scene {
  nodes: SceneNodes;
  ties: SceneTies;
  style: SceneStyle;
  labels: string[];
}

/** Screen positions and radii of everyone, for this view (reused between frames). */
interface Placed {
  sx: Float32Array;
  sy: Float32Array;
  r: Float32Array;
}

function place(nodes: SceneNodes, view: SceneView, into: Placed | null): Placed {
  const n = nodes.x.length;
  const placed = into && into.sx.length === n ? into : { sx: new Float32Array(n), sy: new Float32Array(n), r: new Float32Array(n) };
  const { scale: s, ox, oy } = screenTransform(view, view.camera);
  const grow = scaledSize(1, view.camera.ratio);
  for (let i = 0; i < n; i++) {
    placed.sx[i] = ox + nodes.x[i]! * s;
    placed.sy[i] = oy - nodes.y[i]! * s;
    placed.r[i] = nodes.size[i]! * grow;
  }
  return placed;
}

let placedCache: Placed | null = null;

/** Draws the scene; returns how many names it drew (the highlighted people's included). */
export function drawScene(context: Context2D, scene: Scene, view: SceneView, background: string | null = null): number {
  const { width, height, pixelRatio } = view;
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.clearRect(0, 0, width, height);
  if (background) {
    context.fillStyle = background;
    context.fillRect(0, 0, width, height);
  }
  const { nodes, ties, style } = scene;
  const placed = (placedCache = place(nodes, view, placedCache));
  if (!(view.moving && style.hideEdgesOnMove)) drawTies(context, ties, nodes, placed, style, view);
  drawPeople(context, nodes, placed, style, view);
  return drawNames(context, scene, placed, view);
}

function outside(x: number, y: number, r: number, view: SceneView): boolean {
  return x + r < 0 || y + r < 0 || x - r > view.width || y - r > view.height;
}

function drawTies(context: Context2D, ties: SceneTies, nodes: SceneNodes, placed: Placed, style: SceneStyle, view: SceneView): void {
  const grow = scaledSize(1, view.camera.ratio);
  // One path per zIndex, colour and width: a stroke per tie would cost a draw call each.
  const paths = new Map<number, { z: number; color: string; width: number; path: Path2D }>();
  const { sx, sy } = placed;
  for (let e = 0; e < ties.source.length; e++) {
    const size = ties.size[e]!;
    if (size <= 0) continue;
    const a = ties.source[e]!;
    const b = ties.target[e]!;
    if ((nodes.flags[a]! | nodes.flags[b]!) & NODE_HIDDEN) continue;
    const x0 = sx[a]!;
    const y0 = sy[a]!;
    const x1 = sx[b]!;
    const y1 = sy[b]!;
    // Both ends past the same edge of the view: nothing of it shows.
    if ((x0 < 0 && x1 < 0) || (y0 < 0 && y1 < 0) || (x0 > view.width && x1 > view.width) || (y0 > view.height && y1 > view.height)) continue;
    const widthPx = Math.max(0.5, Math.round(size * grow * 4) / 4);
    const z = ties.zIndex[e]!;
    const key = ((z + 128) * 65536 + ties.color[e]!) * 4096 + Math.round(widthPx * 4);
    let entry = paths.get(key);
    if (!entry) {
      entry = { z, color: style.palette[ties.color[e]!] ?? '#ccc', width: widthPx, path: new Path2D() };
      paths.set(key, entry);
    }
    entry.path.moveTo(x0, y0);
    entry.path.lineTo(x1, y1);
  }
  context.lineCap = 'butt';
  for (const { color, width, path } of [...paths.values()].sort((p, q) => p.z - q.z)) {
    context.strokeStyle = color;
    context.lineWidth = width;
    context.stroke(path);
  }
}

function drawPeople(context: Context2D, nodes: SceneNodes, placed: Placed, style: SceneStyle, view: SceneView): void {
  const { sx, sy, r } = placed;
  let color = -1;
  let open = false;
  const flush = (): void => {
    if (!open) return;
    context.fill();
    open = false;
  };
  for (let k = 0; k < nodes.order.length; k++) {
    const i = nodes.order[k]!;
    if (nodes.flags[i]! & NODE_HIDDEN) continue;
    const x = sx[i]!;
    const y = sy[i]!;
    const radius = Math.max(0.75, r[i]!);
    if (outside(x, y, radius, view)) continue;
    if (nodes.color[i] !== color) {
      flush();
      color = nodes.color[i]!;
      context.fillStyle = style.palette[color] ?? '#999';
    }
    if (!open) {
      context.beginPath();
      open = true;
    }
    context.moveTo(x + radius, y);
    context.arc(x, y, radius, 0, Math.PI * 2);
  }
  flush();
}

/**
 * Names: the highlighted (selected, hovered) people's first, on a halo and a white box; then
 * those asked for (forceLabel); then, cell by cell of a grid, the biggest people drawn at least
 * the threshold size, `labelDensity` per cell: the rule sigma's label grid follows.
 */
function drawNames(context: Context2D, scene: Scene, placed: Placed, view: SceneView): number {
  const { nodes, style, labels } = scene;
  const { sx, sy, r } = placed;
  const size = style.labelSize;
  const font = `${style.labelWeight} ${size}px ${style.labelFont}`;
  context.font = font;
  const space = new LabelSpace();
  space.reset(view);
  const highlighted: number[] = [];
  const forced: number[] = [];
  const candidates: number[] = [];
  const named = (i: number): string | null => (nodes.flags[i]! & NODE_NO_LABEL ? null : labels[i] || null);
  for (let i = 0; i < nodes.x.length; i++) {
    const flags = nodes.flags[i]!;
    if (flags & NODE_HIDDEN || outside(sx[i]!, sy[i]!, r[i]!, view)) continue;
    // The highlighted get their halo even without a name.
    if (flags & NODE_HIGHLIGHTED) highlighted.push(i);
    else if (!named(i)) continue;
    else if (flags & NODE_FORCE_LABEL) forced.push(i);
    else if (r[i]! >= style.labelRenderedSizeThreshold) candidates.push(i);
  }
  for (const i of highlighted) {
    const text = named(i);
    if (text) space.take(labelSpot(sx[i]!, sy[i]!, r[i]!, context.measureText(text).width, size, view).box);
  }
  // The grid: cells grow as the density falls below one name a cell.
  const cell = style.labelGridCellSize / Math.sqrt(Math.min(1, Math.max(style.labelDensity, 1e-3)));
  const perCell = Math.max(1, Math.floor(style.labelDensity));
  candidates.sort((a, b) => r[b]! - r[a]! || a - b);
  const taken = new Map<number, number>();
  const columns = Math.ceil(view.width / cell) + 2;
  const chosen: number[] = [...forced];
  for (const i of candidates) {
    const key = (Math.floor(sy[i]! / cell) + 1) * columns + Math.floor(sx[i]! / cell) + 1;
    const count = taken.get(key) ?? 0;
    if (count >= perCell) continue;
    taken.set(key, count + 1);
    chosen.push(i);
  }
  context.fillStyle = style.labelColor.color ?? '#000';
  let drawn = highlighted.filter(named).length;
  for (const i of chosen) {
    const text = labels[i]!;
    const spot = labelSpot(sx[i]!, sy[i]!, r[i]!, context.measureText(text).width, size, view);
    if (style.avoidOverlaps && !space.place(spot.box)) continue;
    context.fillText(text, spot.x, spot.y);
    drawn++;
  }
  for (const i of highlighted) {
    const data = { x: sx[i]!, y: sy[i]!, size: r[i]!, label: named(i) };
    drawHoverLabel(context, data, style, (width, fontSize) => labelSpot(data.x, data.y, data.size, width, fontSize, view));
    context.fillStyle = style.palette[nodes.color[i]!] ?? '#999';
    context.beginPath();
    context.arc(data.x, data.y, Math.max(0.75, data.size), 0, Math.PI * 2);
    context.fill();
  }
  return drawn;
}

