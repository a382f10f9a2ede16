/**
 * The system map view: factors joined by causal arrows (+ in blue, − in vermillion, both
 * labelled, so colour is never the only cue), ForceAtlas2 layout, loop highlighting. Factors are
 * coloured by their role, named in plain words in a legend that folds away (folded at first on a
 * phone); names stay inside the canvas and clear of each other, the traced loop's and the
 * selected factor's first.
 */
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { el } from '../dom.ts';
import { LayoutRunner } from './layout-runner.ts';
import { EDGE_MARGIN, LabelSpace, labelSpot, type LabelSpot, type View } from './label-placement.ts';
import { drawHoverLabel } from './hover-label.ts';
import { placePeople, type MapGraph } from './map-graph.ts';
import type { SystemMap } from '../../engine/core/model/systemmap.ts';
import type { SystemMapReport } from '../../engine/features/systemmap/analyze-systemmap.ts';
import { CATEGORY_COLORS } from './palette.ts';
import { positionOf, positionsFrom } from '../../engine/core/model/layout-record.ts';

const POSITIVE = '#0072B2';
const NEGATIVE = '#D55E00';

/** Each factor role's colour on the map (and in the Leverage tab's chart). */
export const ROLE_COLORS: Readonly<Record<string, string>> = {
  driving: CATEGORY_COLORS[5]!,
  linkage: CATEGORY_COLORS[3]!,
  dependent: CATEGORY_COLORS[0]!,
  autonomous: '#999999',
};

/**
 * The roles' plain names in the legend: the same as ROLES in ../components/systemmap-words.ts
 * (which this folder may not import), where each is explained.
 */
const ROLE_LEGEND: ReadonlyArray<[string, string]> = [
  ['driving', 'Moves many others'],
  ['linkage', 'Moves others and is moved'],
  ['dependent', 'Mostly moved by others'],
  ['autonomous', 'Loosely connected'],
];

/** On a screen this narrow the legend starts folded, leaving the map its room. */
const NARROW_SCREEN = '(max-width: 600px)';

/** A name whose text starts at `x` on baseline `y`, with the box it covers (as labelSpot gives). */
function spotAt(x: number, y: number, width: number, fontSize: number): LabelSpot {
  const ascent = fontSize * 0.8;
  const descent = fontSize * 0.25;
  return { x, y, box: { x: x - 2, y: y - ascent - 1, width: width + 4, height: ascent + descent + 2 } };
}

export interface SystemMapSelection {
  factor: string | null;
  /** Factors of the highlighted loop, in order. */
  loop: string[] | null;
}

export class SystemMapView {
  readonly root: HTMLElement;
  private container: HTMLElement;
  private sigma: Sigma | null = null;
  private graph: MapGraph | null = null;
  private layout: LayoutRunner | null = null;
  private selection: SystemMapSelection = { factor: null, loop: null };
  private loopEdges = new Set<string>();
  private report: SystemMapReport | null = null;
  private labelContext: CanvasRenderingContext2D | null = null;
  private space = new LabelSpace();
  private view: View = { width: 0, height: 0 };
  /** Names placed before the frame's others: the traced loop's factors and the selected one. */
  private reserved = new Map<string, LabelSpot>();
  private frameStarted = false;

  constructor(private onSelect: (factor: string | null) => void, private onLayoutSaved: (positions: Record<string, [number, number]>) => void) {
    this.container = el('div', { class: 'map-canvas', role: 'img', aria: { label: 'System map: factors and causal links' } });
    const subtitle = (text: string) => el('div', { class: 'legend-subtitle', style: { fontWeight: '600', marginTop: '4px' } }, text);
    const swatch = (color: string) => el('span', { class: 'swatch', style: { background: color }, aria: { hidden: 'true' } });
    const body = el(
      'div',
      { id: 'systemmap-legend-body' },
      subtitle('Causal links'),
      el('ul', {}, el('li', {}, swatch(POSITIVE), '+ more leads to more'), el('li', {}, swatch(NEGATIVE), '− more leads to less')),
      subtitle('Factor colour: its role'),
      el('ul', {}, ...ROLE_LEGEND.map(([role, name]) => el('li', {}, swatch(ROLE_COLORS[role]!), name))),
    );
    let open = !(typeof matchMedia === 'function' && matchMedia(NARROW_SCREEN).matches);
    const title = el('button', { class: 'legend-title', type: 'button', aria: { controls: 'systemmap-legend-body' } }, 'Legend: links and roles');
    const legend = el('div', { class: 'legend', role: 'region', aria: { label: 'Legend' } }, title, body);
    const renderOpen = (): void => {
      title.setAttribute('aria-expanded', String(open));
      title.title = open ? 'Fold the legend away' : 'Show the legend';
      body.hidden = !open;
      legend.classList.toggle('folded', !open);
    };
    title.addEventListener('click', () => {
      open = !open;
      renderOpen();
    });
    renderOpen();
    // A window narrowed to a phone's width folds the legend too (a tablet turned, a window resized).
    if (typeof matchMedia === 'function') {
      matchMedia(NARROW_SCREEN).addEventListener('change', (event) => {
        if (!event.matches || !open) return;
        open = false;
        renderOpen();
      });
    }
    this.root = el('section', { class: 'map systemmap' }, this.container, legend);
    new ResizeObserver(() => this.sigma?.scheduleRender()).observe(this.container);
  }

  show(map: SystemMap, report: SystemMapReport | null, layout: Record<string, [number, number]>): void {
    this.layout?.kill();
    this.sigma?.kill();
    this.report = report;
    const graph: MapGraph = new Graph({ type: 'directed', allowSelfLoops: true }) as unknown as MapGraph;
    const quadrant = new Map(report?.factors.map((f) => [f.id, f.quadrant]) ?? []);
    const loops = new Map(report?.factors.map((f) => [f.id, f.loops]) ?? []);
    map.factors.forEach((f, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, map.factors.length);
      const saved = positionOf(layout, f.id);
      graph.addNode(f.id, {
        x: saved ? saved[0] : 100 * Math.cos(angle),
        y: saved ? saved[1] : 100 * Math.sin(angle),
        size: 6 + 2 * Math.sqrt(loops.get(f.id) ?? 0),
        color: ROLE_COLORS[quadrant.get(f.id) ?? 'autonomous'] ?? '#999',
        label: f.label,
      });
    });
    for (const link of map.links) {
      if (link.from === link.to || !graph.hasNode(link.from) || !graph.hasNode(link.to) || graph.hasEdge(link.from, link.to)) continue;
      graph.addEdgeWithKey(link.id, link.from, link.to, { weight: 1, relations: 0, size: 2, color: link.polarity === '+' ? POSITIVE : NEGATIVE, label: `${link.polarity === '+' ? '+' : '−'}${link.delay ? ' ||' : ''}` } as never);
    }
    this.graph = graph;
    this.sigma = new Sigma(graph as unknown as Graph, this.container, {
      defaultEdgeType: 'arrow',
      allowInvalidContainer: true,
      renderEdgeLabels: true,
      edgeLabelSize: 14,
      edgeLabelWeight: 'bold',
      labelRenderedSizeThreshold: 0,
      // Every factor is a label candidate: a system map has tens of factors, not thousands.
      labelDensity: 10,
      labelGridCellSize: 40,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
      defaultDrawNodeLabel: (context, data, settings) => this.drawLabel(context, data, settings as unknown as Settings),
      defaultDrawNodeHover: (context, data, settings) => this.drawHover(context, data, settings as unknown as Settings),
    });
    this.labelContext = this.sigma.getCanvases().labels?.getContext('2d') ?? null;
    // Names are placed once the frame's positions are known: sigma processes the graph after
    // beforeRender, so the frame starts with the first name drawn.
    this.sigma.on('beforeRender', () => {
      this.frameStarted = false;
    });
    this.sigma.on('clickNode', ({ node }) => this.onSelect(node));
    this.sigma.on('clickStage', () => this.onSelect(null));
    // The layout worker reads ties as index pairs; frames come back in the graph's node order.
    const order = new Map(graph.nodes().map((id, i) => [id, i]));
    const source = new Int32Array(graph.size);
    const target = new Int32Array(graph.size);
    const start = new Float64Array(2 * graph.order);
    let e = 0;
    graph.forEachEdge((_edge, _a, s, t) => {
      source[e] = order.get(s)!;
      target[e++] = order.get(t)!;
    });
    graph.forEachNode((id, a) => {
      start[2 * order.get(id)!] = a.x;
      start[2 * order.get(id)! + 1] = a.y;
    });
    this.layout = new LayoutRunner(
      { n: graph.order, source, target },
      {
        maxMillis: 6000,
        // Tens of factors: every frame is cheap to draw.
        frameMillis: 50,
        onFrame: (xy) => placePeople(graph, xy),
        onStop: (_reason, xy) => {
          placePeople(graph, xy);
          this.saveLayout();
        },
      },
    );
    if (map.factors.some((f) => !positionOf(layout, f.id))) this.layout.start(start);
  }

  select(selection: SystemMapSelection): void {
    this.selection = selection;
    this.loopEdges = new Set<string>();
    const loop = selection.loop;
    if (loop && this.graph) {
      loop.forEach((from, i) => {
        const edge = this.graph!.edge(from, loop[(i + 1) % loop.length]!);
        if (edge) this.loopEdges.add(edge);
      });
    }
    // For scripts and tests, as data-state: the loop traced (its factors and the links drawn
    // bold) and the factor selected.
    this.root.dataset.tracedFactors = String(loop?.length ?? 0);
    this.root.dataset.tracedLinks = String(this.loopEdges.size);
    if (selection.factor) this.root.dataset.selectedFactor = selection.factor;
    else delete this.root.dataset.selectedFactor;
    this.sigma?.refresh({ skipIndexation: true });
  }

  get hasReport(): boolean {
    return this.report !== null;
  }

  kill(): void {
    this.layout?.kill();
    this.sigma?.kill();
    this.sigma = null;
  }

  // ----- names on the map ---------------------------------------------------------------------

  /** A new frame: no name placed yet, but the traced loop's and the selected factor's names come first. */
  private startLabelFrame(): void {
    if (this.frameStarted) return;
    this.frameStarted = true;
    const sigma = this.sigma;
    this.reserved.clear();
    if (!sigma) return;
    this.view = sigma.getDimensions();
    this.space.reset(this.view);
    const context = this.labelContext;
    const ids = this.selection.loop ?? (this.selection.factor ? [this.selection.factor] : []);
    if (!context || !this.graph) return;
    const size = sigma.getSetting('labelSize');
    context.font = `${sigma.getSetting('labelWeight')} ${size}px ${sigma.getSetting('labelFont')}`;
    for (const id of ids) {
      if (!this.graph.hasNode(id)) continue;
      const data = sigma.getNodeDisplayData(id);
      if (!data || data.hidden || !data.label) continue;
      const point = sigma.framedGraphToViewport(data);
      const spot = this.bestSpot(point.x, point.y, sigma.scaleSize(data.size), context.measureText(data.label).width, size) ?? labelSpot(point.x, point.y, sigma.scaleSize(data.size), context.measureText(data.label).width, size, this.view);
      this.space.take(spot.box);
      this.reserved.set(id, spot);
    }
  }

  /**
   * Where a name fits: beside the factor (to its right, or its left near the right edge), else
   * above or below it, inside the canvas and over no name placed before; null when nowhere fits.
   */
  private bestSpot(x: number, y: number, nodeSize: number, width: number, fontSize: number): LabelSpot | null {
    const beside = labelSpot(x, y, nodeSize, width, fontSize, this.view);
    if (this.space.fits(beside.box)) return beside;
    const gap = nodeSize + 3;
    const candidates = [
      spotAt(x - gap - width, y + fontSize / 3, width, fontSize),
      spotAt(x - width / 2, y - nodeSize - 4, width, fontSize),
      spotAt(x - width / 2, y + nodeSize + fontSize * 0.8 + 2, width, fontSize),
    ];
    for (const spot of candidates) {
      const b = spot.box;
      if (b.x < EDGE_MARGIN || b.y < EDGE_MARGIN || b.x + b.width > this.view.width - EDGE_MARGIN || b.y + b.height > this.view.height - EDGE_MARGIN) continue;
      if (this.space.fits(b)) return spot;
    }
    return null;
  }

  /**
   * A factor's name inside the canvas where it overlaps no name placed before it; a name that fits
   * nowhere is left out (hovering the factor shows it). Other canvases (an image export) get
   * sigma's plain name.
   */
  private drawLabel(context: CanvasRenderingContext2D, data: { key?: string; x: number; y: number; size: number; label: string | null; highlighted?: boolean }, settings: Settings): void {
    if (!data.label) return;
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.fillStyle = settings.labelColor.color ?? '#000';
    if (context !== this.labelContext) {
      context.fillText(data.label, data.x + data.size + 3, data.y + size / 3);
      return;
    }
    this.startLabelFrame();
    // A highlighted factor's name is drawn on the hover layer, in its box (drawHover).
    if (data.highlighted) return;
    const reserved = data.key !== undefined ? this.reserved.get(data.key) : undefined;
    const spot = reserved ?? this.bestSpot(data.x, data.y, data.size, context.measureText(data.label).width, size);
    if (!spot) return;
    if (!reserved) this.space.take(spot.box);
    context.fillText(data.label, spot.x, spot.y);
  }

  /** A hovered or highlighted factor: a halo, and its name in a white box where the frame kept room for it. */
  private drawHover(context: CanvasRenderingContext2D, data: { key?: string; x: number; y: number; size: number; label: string | null }, settings: Settings): void {
    this.startLabelFrame();
    const reserved = data.key !== undefined ? this.reserved.get(data.key) : undefined;
    const view = this.view.width > 0 ? this.view : { width: Infinity, height: Infinity };
    drawHoverLabel(context, data, settings, (width, size) => reserved ?? labelSpot(data.x, data.y, data.size, width, size, view));
  }

  private saveLayout(): void {
    if (!this.graph) return;
    this.onLayoutSaved(positionsFrom(this.graph.mapNodes((id, a) => [id, [a.x, a.y]] as const)));
  }

  private reduceNode(node: string, data: Attributes): Attributes {
    const { factor, loop } = this.selection;
    if (loop) return loop.includes(node) ? { ...data, highlighted: true, zIndex: 2 } : { ...data, color: '#e4e6ea', zIndex: 0 };
    if (factor === node) return { ...data, highlighted: true };
    return data;
  }

  private reduceEdge(edge: string, data: Attributes): Attributes {
    const { factor, loop } = this.selection;
    if (loop) return this.loopEdges.has(edge) ? { ...data, size: 4, zIndex: 1 } : { ...data, color: '#eceef1', label: '' };
    if (factor && this.graph) {
      const [s, t] = this.graph.extremities(edge);
      if (s !== factor && t !== factor) return { ...data, color: '#eceef1', label: '' };
    }
    return data;
  }
}
