/**
 * The network as one inline SVG, from positions: ties as one thin path (the strongest first, up
 * to a budget), people as round dots coloured by group (one path per colour, a dot being a
 * zero-length round-capped line: ten bytes a person, so 10,000 people stay near 100 kB), and
 * names only for the few people the text talks about. People not to be named are never labelled.
 */
import { html, trusted, type Html } from '../html/html-text.ts';
import type { AnalysisResult } from '../../analysis/analysis-result.ts';
import { CATEGORY_COLORS, OTHER_COLOR, categoryColor } from '../../report/palette.ts';
import { count } from '../../report/readable.ts';

export interface MapDrawing {
  /** Positions as [x0, y0, x1, y1, ...] in the order of result.table.ids. */
  xy: Float64Array;
  /** The people to name on the map (never someone not to be named), most important first. */
  labelled: ReadonlyArray<{ id: string; label: string }>;
  /** Most ties drawn. */
  tieBudget: number;
}

const WIDTH = 800;
const PAD = 16;

/** A coordinate as the SVG writes it: whole pixels are plenty at this size. */
const px = (v: number): number => Math.round(v);

/** Indices of the ties drawn: all of them under the budget, else the heaviest (ties broken by order). */
function drawnTies(result: AnalysisResult, budget: number): Int32Array {
  const m = result.edgeSource.length;
  const order = Int32Array.from({ length: m }, (_, e) => e);
  if (m <= budget) return order;
  const w = result.edgeWeight;
  return order.sort((a, b) => w[b]! - w[a]! || a - b).subarray(0, Math.max(0, budget));
}

/** The group colour of each community number (from 1): palette order, then grey. */
export function groupColor(community: number): string {
  return Number.isFinite(community) && community >= 1 ? categoryColor(community - 1) : OTHER_COLOR;
}

export function networkMap(result: AnalysisResult, drawing: MapDrawing): Html {
  const n = result.table.ids.length;
  const { xy } = drawing;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, xy[2 * i]!);
    maxX = Math.max(maxX, xy[2 * i]!);
    minY = Math.min(minY, xy[2 * i + 1]!);
    maxY = Math.max(maxY, xy[2 * i + 1]!);
  }
  if (n === 0) return html`<p class="muted">No one to draw.</p>`;
  const spanX = Math.max(1e-9, maxX - minX);
  const spanY = Math.max(1e-9, maxY - minY);
  // Keep the network's own proportions, within a page-friendly height.
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, (WIDTH * 0.9 - 2 * PAD) / spanY);
  const height = Math.max(200, Math.round(spanY * scale + 2 * PAD));
  const offX = (WIDTH - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  const X = (i: number): number => px(offX + (xy[2 * i]! - minX) * scale);
  const Y = (i: number): number => px(offY + (xy[2 * i + 1]! - minY) * scale);

  const ties = drawnTies(result, drawing.tieBudget);
  let tiePath = '';
  // A pair who named each other is one line on paper: drawing it twice doubles the file for nothing.
  const drawn = new Set<number>();
  for (const e of ties) {
    const s = result.edgeSource[e]!;
    const t = result.edgeTarget[e]!;
    const pair = Math.min(s, t) * n + Math.max(s, t);
    if (drawn.has(pair)) continue;
    drawn.add(pair);
    tiePath += `M${X(s)} ${Y(s)}L${X(t)} ${Y(t)}`;
  }
  const dot = n > 2000 ? 4 : n > 300 ? 6 : 9;
  const community = result.table.columns.community;
  const byColor = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const color = groupColor(community[i]!);
    byColor.set(color, (byColor.get(color) ?? '') + `M${X(i)} ${Y(i)}h0`);
  }
  const dots = [...byColor].map(([color, d]) => `<path stroke="${color}" stroke-width="${dot}" stroke-linecap="round" d="${d}"/>`).join('');

  const index = new Map(result.table.ids.map((id, i) => [id, i]));
  const labels = drawing.labelled.flatMap(({ id, label }) => {
    const i = index.get(id);
    return i === undefined ? [] : [{ i, label }];
  });
  const labelMarks = labels.map(({ i, label }) => {
    const right = X(i) > WIDTH * 0.75;
    return html`<circle cx="${X(i)}" cy="${Y(i)}" r="${dot / 2 + 2}" fill="none" stroke="#1f2328" stroke-width="1.5"/><text x="${X(i) + (right ? -(dot / 2 + 5) : dot / 2 + 5)}" y="${Y(i) + 4}" text-anchor="${right ? 'end' : 'start'}">${label}</text>`;
  });
  const shown = ties.length < result.edgeSource.length ? `${count(ties.length)} of its ${count(result.edgeSource.length)} ties, the strongest,` : `its ${count(result.edgeSource.length)} ties`;
  return html`<figure class="network-map">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${`The network: ${count(n)} people coloured by group, with ${shown} drawn as lines`}">
<g fill="none" stroke="#8c959f" stroke-opacity="0.35" stroke-width="0.6">${trusted(tiePath === '' ? '' : `<path d="${tiePath}"/>`)}</g>
<g fill="none">${trusted(dots)}</g>
<g class="map-labels" font-size="12" fill="#1f2328" paint-order="stroke" stroke="#fff" stroke-width="3" stroke-linejoin="round">${labelMarks}</g>
</svg>
${legend(result)}
<figcaption>Each dot is a person, placed near the people they are tied to; ${shown} are drawn as grey lines. Only the people this report talks about are named.</figcaption>
</figure>`;
}

/** One swatch per group with a colour of its own, then "other groups" when there are more. */
function legend(result: AnalysisResult): Html {
  const groups = result.communities;
  const own = groups.filter((g) => g.id <= CATEGORY_COLORS.length);
  const rest = groups.length - own.length;
  const swatch = (color: string): Html => html`<svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><circle cx="6" cy="6" r="5" fill="${color}"/></svg>`;
  return html`<ul class="map-legend">${own.map((g) => html`<li>${swatch(groupColor(g.id))}${g.name} <span class="muted">(${count(g.size)})</span></li>`)}${
    rest > 0 ? html`<li>${swatch(OTHER_COLOR)}${count(rest)} smaller groups</li>` : ''
  }</ul>`;
}
