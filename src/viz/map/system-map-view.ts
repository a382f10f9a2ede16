/**
 * The system map view: factors joined by causal arrows (+ in blue, − in vermillion, both
 * labelled, so colour is never the only cue), ForceAtlas2 layout, loop highlighting.
 */
import Sigma from 'sigma';
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { el } from '../dom.ts';
import { LayoutRunner } from './layout-runner.ts';
import type { MapGraph } from './map-graph.ts';
import type { SystemMap } from '../../engine/core/model/systemmap.ts';
import type { SystemMapReport } from '../../engine/features/systemmap/analyze-systemmap.ts';
import { CATEGORY_COLORS } from './palette.ts';
import { positionOf, positionsFrom } from '../../engine/core/model/layout-record.ts';

const POSITIVE = '#0072B2';
const NEGATIVE = '#D55E00';
const QUADRANT_COLORS: Record<string, string> = {
  driving: CATEGORY_COLORS[5]!,
  linkage: CATEGORY_COLORS[3]!,
  dependent: CATEGORY_COLORS[0]!,
  autonomous: '#999999',
};

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

  constructor(private onSelect: (factor: string | null) => void, private onLayoutSaved: (positions: Record<string, [number, number]>) => void) {
    this.container = el('div', { class: 'map-canvas', role: 'img', aria: { label: 'System map: factors and causal links' } });
    const legend = el(
      'div',
      { class: 'legend' },
      el('div', { class: 'legend-title' }, 'Causal links'),
      el('ul', {}, el('li', {}, el('span', { class: 'swatch', style: { background: POSITIVE } }), '+ more leads to more'), el('li', {}, el('span', { class: 'swatch', style: { background: NEGATIVE } }), '− more leads to less')),
      el('div', { class: 'legend-title' }, 'Factor colour: role'),
      el('ul', {}, ...Object.entries(QUADRANT_COLORS).map(([q, c]) => el('li', {}, el('span', { class: 'swatch', style: { background: c } }), q))),
    );
    this.root = el('section', { class: 'map' }, this.container, legend);
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
        color: QUADRANT_COLORS[quadrant.get(f.id) ?? 'autonomous'] ?? '#999',
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
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.sigma.on('clickNode', ({ node }) => this.onSelect(node));
    this.sigma.on('clickStage', () => this.onSelect(null));
    this.layout = new LayoutRunner(graph, { maxMillis: 6000, onStop: () => this.saveLayout() });
    if (map.factors.some((f) => !positionOf(layout, f.id))) this.layout.start();
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
