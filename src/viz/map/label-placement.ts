/**
 * Where a person's name goes on the map: beside them, inside the canvas (flipped to their left
 * near the right edge, pulled in at the others), and not over a name already drawn in this
 * frame. Sigma's label grid chooses whose names are candidates (the biggest in each cell);
 * these functions decide where they fit. Pure: tested in Node.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface View {
  width: number;
  height: number;
}

/** Space kept between a name and the canvas edge, in CSS pixels. */
export const EDGE_MARGIN = 4;

/** Text start (x), baseline (y) and the box a name covers. */
export interface LabelSpot {
  x: number;
  y: number;
  box: Box;
}

/**
 * A name of `textWidth` at `fontSize` for a person drawn at (`nodeX`, `nodeY`) with radius
 * `nodeSize`, in viewport pixels: to the right of them as sigma draws it, to their left when it
 * would cross the right edge, and moved inside the canvas at every edge.
 */
export function labelSpot(nodeX: number, nodeY: number, nodeSize: number, textWidth: number, fontSize: number, view: View, margin = EDGE_MARGIN): LabelSpot {
  const gap = nodeSize + 3;
  let x = nodeX + gap;
  if (x + textWidth > view.width - margin) x = nodeX - gap - textWidth;
  x = Math.max(margin, Math.min(x, view.width - margin - textWidth));
  // A name wider than the canvas starts at its left edge.
  if (textWidth > view.width - 2 * margin) x = margin;
  const ascent = fontSize * 0.8;
  const descent = fontSize * 0.25;
  let y = nodeY + fontSize / 3;
  y = Math.max(margin + ascent, Math.min(y, view.height - margin - descent));
  return { x, y, box: { x: x - 2, y: y - ascent - 1, width: textWidth + 4, height: ascent + descent + 2 } };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The names drawn so far in a frame, on a grid of cells so a new name is checked only against
 * its neighbours: a frame with a thousand names costs a few thousand box checks.
 */
export class LabelSpace {
  private cells = new Map<number, Box[]>();
  private columns = 1;

  constructor(private readonly cell = 64) {}

  /** Starts a frame on a canvas of this size. */
  reset(view: View): void {
    this.cells.clear();
    this.columns = Math.max(1, Math.ceil(view.width / this.cell) + 2);
  }

  private keys(box: Box): number[] {
    const keys: number[] = [];
    // Boxes may reach a little past the canvas: shifted by one cell so indices stay positive.
    const x0 = Math.floor(box.x / this.cell) + 1;
    const x1 = Math.floor((box.x + box.width) / this.cell) + 1;
    const y0 = Math.floor(box.y / this.cell) + 1;
    const y1 = Math.floor((box.y + box.height) / this.cell) + 1;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) keys.push(y * this.columns + x);
    return keys;
  }

  /** Whether `box` overlaps no name taken so far. */
  fits(box: Box): boolean {
    for (const key of this.keys(box)) {
      for (const other of this.cells.get(key) ?? []) if (overlaps(box, other)) return false;
    }
    return true;
  }

  /** Marks `box` as taken (whether or not it fits). */
  take(box: Box): void {
    for (const key of this.keys(box)) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }

  /** Takes `box` if it fits; says whether it did. */
  place(box: Box): boolean {
    if (!this.fits(box)) return false;
    this.take(box);
    return true;
  }
}

/** How many names the map shows: sigma's label settings for each choice. */
export type LabelDensity = 'few' | 'some' | 'all';

export const LABEL_DENSITIES: ReadonlyArray<{ value: LabelDensity; label: string }> = [
  { value: 'few', label: 'few' },
  { value: 'some', label: 'some' },
  { value: 'all', label: 'all' },
];

export const LABEL_SIZE = { min: 10, max: 22, default: 14 } as const;

export interface LabelSettings {
  labelDensity: number;
  labelGridCellSize: number;
  labelRenderedSizeThreshold: number;
  labelSize: number;
}

/**
 * Sigma's settings for a density and name size. Sigma keeps, per grid cell, the biggest people's
 * names (`labelDensity` per cell at this zoom, more as one zooms in) among those drawn at least
 * `labelRenderedSizeThreshold` pixels; cells grow with the font so bigger names get more room.
 * On a big map "all" still leaves out the smallest dots: 50,000 names a frame would freeze it.
 */
export function labelSettings(density: LabelDensity, size: number, people: number): LabelSettings {
  const big = people > 2000;
  const threshold = big ? 12 : 8;
  const cell = (factor: number): number => Math.round(100 * factor * (size / LABEL_SIZE.default));
  switch (density) {
    case 'few':
      return { labelDensity: 0.4, labelGridCellSize: cell(1.6), labelRenderedSizeThreshold: threshold + 3, labelSize: size };
    case 'all':
      return big
        ? { labelDensity: 4, labelGridCellSize: cell(0.6), labelRenderedSizeThreshold: 4, labelSize: size }
        : { labelDensity: 1000, labelGridCellSize: cell(0.6), labelRenderedSizeThreshold: 0, labelSize: size };
    default:
      return { labelDensity: 1, labelGridCellSize: cell(1), labelRenderedSizeThreshold: threshold, labelSize: size };
  }
}
