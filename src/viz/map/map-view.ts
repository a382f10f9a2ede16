/**
 * The network map: sigma (WebGL) over a graph built from the analysis. Display state (hover,
 * selection, filters, encodings) is applied through reducers, never written into the graph.
 */
import Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import type { Attributes } from 'graphology-types';
import { downloadAsPNG } from '@sigma/export-image';
import { buildMapGraph, type MapEdge, type MapGraph, type MapNode } from './map-graph.ts';
import { LayoutRunner } from './layout-runner.ts';
import { colorEncoding, sizeEncoding, type ColorEncoding } from './encodings.ts';
import { el, replace } from '../dom.ts';
import { isVisible, labelOf, type ViewModel } from '../state/view-model.ts';
import type { AppState, AppStore } from '../state/app-state.ts';
import { yieldToPage } from '../../workers/yield-to-page.ts';
import { positionOf, positionsFrom, type Positions } from '../../engine/core/model/layout-record.ts';

/**
 * Above this many ties the map starts with them hidden: drawn, they are a grey mass that says
 * nothing and costs every frame (seconds per frame where WebGL runs in software). The selected
 * person's ties are always drawn, and "Show ties" draws them all.
 */
export const BIG_MAP_TIES = 50_000;

/** Replaces the display graph's ties with those of `selected` in `graph`. */
function showTiesOf(display: MapGraph, graph: MapGraph, selected: string | null): void {
  display.clearEdges();
  // The display may not hold the people yet (a big map being drawn): the ties wait for them.
  if (selected === null || !graph.hasNode(selected) || !display.hasNode(selected)) return;
  graph.forEachEdge(selected, (edge, attributes, source, target) => {
    display.addEdgeWithKey(edge, source, target, attributes);
  });
}

export class MapView {
  readonly root: HTMLElement;
  private container: HTMLElement;
  private legend: HTMLElement;
  private tooltip: HTMLElement;
  private layoutButton: HTMLButtonElement;
  private tiesButton: HTMLButtonElement;
  private tiesNote: HTMLElement;
  /** Whether every tie is drawn (else only the selected person's). */
  private showTies = true;
  /** More ties than BIG_MAP_TIES: ties hidden at first, layout run off-screen. */
  private big = false;
  /** Bumped by every show(): a build still running for an older analysis stops. */
  private generation = 0;
  private sigma: Sigma<MapNode, MapEdge> | null = null;
  /** Bumped by every mount: a staged mount still adding people stops when a newer one starts. */
  private mounts = 0;
  private graph: MapGraph | null = null;
  /**
   * What sigma draws: the graph itself, or on a big map with ties hidden, its people plus the
   * selected person's ties. Hidden ties still cost sigma every frame (their vertices are
   * processed and drawn, degenerate): seconds per frame for 250,000 ties in software WebGL.
   */
  private display: MapGraph | null = null;
  private layout: LayoutRunner | null = null;
  private vm: ViewModel | null = null;
  private visible = new Uint8Array(0);
  /** Whether any filter hides someone: when not, the edge reducer has nothing to do. */
  private filtering = false;
  private neighbours = new Set<string>();
  private highlighted: Set<string> | null = null;
  private colors: ColorEncoding | null = null;
  private sizeOf: (i: number) => number = () => 5;

  /** `onLayoutSaved` gets the positions and the id of the project they were laid out for. */
  constructor(private store: AppStore, private onLayoutSaved: (positions: Positions, projectId: string) => void) {
    this.container = el('div', { class: 'map-canvas', aria: { label: 'Network map' }, role: 'img' });
    this.legend = el('div', { class: 'legend', aria: { label: 'Legend' } });
    this.tooltip = el('div', { class: 'tooltip', hidden: true, role: 'tooltip' });
    this.layoutButton = el('button', { class: 'small', on: { click: () => this.toggleLayout() } }, 'Run layout');
    this.tiesButton = el('button', { class: 'small', hidden: true, aria: { pressed: 'false' }, on: { click: () => this.setShowTies(!this.showTies) } }, 'Show ties');
    this.tiesNote = el('div', { class: 'map-note muted', hidden: true, role: 'note' });
    const zoom = (factor: number) => () => {
      const camera = this.sigma?.getCamera();
      if (camera) void camera.animate({ ratio: camera.getState().ratio * factor }, { duration: 200 });
    };
    const controls = el(
      'div',
      { class: 'map-controls' },
      this.layoutButton,
      this.tiesButton,
      el('button', { class: 'small', title: 'Zoom in', aria: { label: 'Zoom in' }, on: { click: zoom(1 / 1.5) } }, '+'),
      el('button', { class: 'small', title: 'Zoom out', aria: { label: 'Zoom out' }, on: { click: zoom(1.5) } }, '−'),
      el('button', { class: 'small', title: 'Show the whole network', on: { click: () => void this.sigma?.getCamera().animatedReset() } }, 'Fit'),
    );
    this.root = el('section', { class: 'map' }, this.container, controls, this.tiesNote, this.legend, this.tooltip);
    store.subscribe((state, previous) => this.onState(state, previous));
    // The canvas follows its container (drawers open and close, notes appear above the map);
    // sigma itself only listens to the window. A render starts with sigma measuring its container.
    new ResizeObserver(() => this.sigma?.scheduleRender()).observe(this.container);
  }

  /**
   * Rebuilds the map for a new analysis. The graph is built in slices between which the page
   * stays responsive; a newer show() abandons an older one still building.
   */
  async show(vm: ViewModel): Promise<void> {
    const generation = ++this.generation;
    // For scripts and tests: 'building' the graph, 'arranging' (big maps lay out first), 'drawing'
    // (big maps, a few tasks), 'drawn'.
    this.root.dataset.state = 'building';
    this.layout?.kill();
    this.layout = null;
    this.layoutButton.textContent = 'Run layout';
    this.mounts++;
    this.sigma?.kill();
    this.sigma = null;
    this.vm = null;
    // Releasing the old WebGL context takes tens of milliseconds (software GL): not in the same
    // task as the first slice of the new graph.
    await yieldToPage();
    if (generation !== this.generation) return;
    const savedLayout = vm.project.layout;
    const graph = await buildMapGraph(vm.analysis, (id) => labelOf(vm, id), savedLayout, {
      between: async () => {
        await yieldToPage();
        return generation === this.generation;
      },
    });
    if (graph === null || generation !== this.generation) return;
    this.vm = vm;
    this.graph = graph;
    const ties = vm.analysis.edgeSource.length;
    this.big = ties > BIG_MAP_TIES;
    this.tiesButton.hidden = !this.big;
    this.setShowTies(!this.big, false);
    this.recomputeEncodings(this.store.get());
    this.layout = new LayoutRunner(graph, {
      onStop: () => {
        // A map taken down for a newer analysis must not save its positions into the new project.
        if (generation !== this.generation) return;
        this.layoutButton.textContent = 'Run layout';
        this.saveLayout();
        if (this.big) {
          // Drawn in the next task: saving 50,000 positions is a task's worth already.
          void yieldToPage().then(() => {
            if (generation === this.generation && !this.layoutRunning) this.mountSigma();
          });
        } else {
          this.sigma?.refresh({ skipIndexation: true });
        }
        this.renderNote();
      },
    });
    if (this.big) {
      // Starting the layout copies the whole graph into ForceAtlas2's arrays: a task of its own.
      await yieldToPage();
      if (generation !== this.generation) return;
    }
    const laidOut = vm.ids.filter((id) => positionOf(savedLayout, id)).length;
    // Small maps are drawn at once and move as the layout runs; big ones wait for the layout.
    if (!this.big) this.mountSigma();
    if (laidOut < vm.ids.length * 0.9) this.toggleLayout();
    if (!this.sigma && !this.layoutRunning) this.mountSigma();
  }

  /**
   * Draws the current graph (again): on a big map, after each layout run.
   *
   * A big map with ties hidden is drawn in four tasks rather than one of 0.3-0.4 s: sigma starts
   * on an empty graph (WebGL context and programs), colours and sizes are worked out, the people
   * are copied into a graph of their own, and sigma is handed that graph (it reads, indexes and
   * draws them: the one long step left, about 0.2 s at 50,000 people in software WebGL).
   */
  private mountSigma(): void {
    const vm = this.vm;
    const graph = this.graph;
    if (!vm || !graph) return;
    this.sigma?.kill();
    const mount = ++this.mounts;
    const staged = this.big && !this.showTies;
    // State may have changed while the map was down (a selection, a filter).
    if (!staged) this.recomputeEncodings(this.store.get());
    this.display = staged ? graph.nullCopy() : graph;
    this.sigma = this.createSigma(vm, this.display);
    if (!staged) {
      this.root.dataset.state = 'drawn';
      return;
    }
    this.root.dataset.state = 'drawing';
    void (async () => {
      await yieldToPage();
      if (mount !== this.mounts) return;
      this.recomputeEncodings(this.store.get());
      await yieldToPage();
      if (mount !== this.mounts) return;
      // Filled before sigma sees it: added under sigma's eyes, each person is an event and a
      // partial refresh (five times the work).
      const display = graph.nullCopy();
      graph.forEachNode((id, attributes) => display.addNode(id, attributes));
      await yieldToPage();
      if (mount !== this.mounts || !this.sigma) return;
      showTiesOf(display, graph, this.store.get().selected);
      this.display = display;
      this.sigma.setGraph(display);
      this.root.dataset.state = 'drawn';
    })();
  }

  private createSigma(vm: ViewModel, display: MapGraph): Sigma<MapNode, MapEdge> {
    const sigma = new Sigma<MapNode, MapEdge>(display, this.container, {
      renderEdgeLabels: false,
      // The view can be briefly detached (switching to the system map); sigma then waits.
      allowInvalidContainer: true,
      labelRenderedSizeThreshold: vm.ids.length > 2000 ? 12 : 8,
      // Hiding ties while the camera moves makes sigma redraw them all when it stops (a long
      // pause on a big map): only worth it while every tie is drawn.
      hideEdgesOnMove: this.showTies && vm.analysis.edgeSource.length > 20000,
      defaultEdgeType: 'line',
      // One vertex per person instead of a quad: a third of the work per frame on a big map.
      ...(this.big ? { nodeProgramClasses: { circle: NodePointProgram } } : {}),
      zIndex: true,
      nodeReducer: (node, data) => this.reduceNode(node, data) as MapNode,
      edgeReducer: (edge, data) => this.reduceEdge(edge, data) as MapEdge,
    });
    sigma.on('clickNode', ({ node }) => this.store.set({ selected: node }));
    sigma.on('clickStage', () => this.store.set({ selected: null }));
    sigma.on('enterNode', ({ node }) => this.store.set({ hovered: node }));
    sigma.on('leaveNode', () => this.store.set({ hovered: null }));
    return sigma;
  }

  private renderNote(): void {
    const ties = this.vm?.analysis.edgeSource.length ?? 0;
    const people = this.vm?.ids.length ?? 0;
    if (this.big && this.layoutRunning) {
      this.tiesNote.textContent = `Arranging ${people.toLocaleString('en')} people: the map is drawn when the layout settles (at most 20 seconds), or press Stop layout to draw it now.`;
    } else {
      this.tiesNote.textContent = `${ties.toLocaleString('en')} ties are too many to read on one map, so they are hidden: select someone to see their ties, or press Show ties.`;
    }
    this.tiesNote.hidden = !this.big || (this.showTies && !this.layoutRunning);
  }

  /** Draws every tie, or (on big maps) only the selected person's. */
  setShowTies(show: boolean, refresh = true): void {
    this.showTies = show;
    this.tiesButton.textContent = show ? 'Hide ties' : 'Show ties';
    this.tiesButton.setAttribute('aria-pressed', String(show));
    this.renderNote();
    // Big maps switch between drawing every tie and drawing people only: a new sigma either way.
    if (refresh && this.sigma && this.big) this.mountSigma();
    else if (refresh) this.sigma?.refresh({ skipIndexation: true });
  }

  /** Releases the WebGL context and layout worker while another view takes the space. */
  hide(): void {
    const arranging = this.layoutRunning;
    this.generation++;
    this.layout?.kill();
    this.layout = null;
    this.layoutButton.textContent = 'Run layout';
    this.mounts++;
    this.sigma?.kill();
    this.sigma = null;
    // Positions reached so far are kept, so coming back does not start the layout over.
    if (arranging) this.saveLayout();
  }

  get layoutRunning(): boolean {
    return this.layout?.running ?? false;
  }

  toggleLayout(): void {
    if (!this.layout) return;
    if (this.layout.running) {
      this.layout.stop('user');
    } else {
      // A big map is not redrawn at every layout step (each redraw takes longer than a step):
      // it is taken down while the layout runs and drawn again when it stops.
      if (this.big) {
        this.mounts++;
        this.sigma?.kill();
        this.sigma = null;
        this.root.dataset.state = 'arranging';
      }
      this.layout.start();
      this.layoutButton.textContent = 'Stop layout';
      this.renderNote();
    }
  }

  async exportPng(fileName: string): Promise<void> {
    if (!this.sigma) return;
    await downloadAsPNG(this.sigma as unknown as Sigma, { fileName, backgroundColor: '#ffffff', layers: ['edges', 'nodes', 'edgeLabels', 'labels'] });
  }

  private saveLayout(): void {
    if (!this.graph || !this.vm) return;
    const round = (v: number) => Math.round(v * 100) / 100;
    this.onLayoutSaved(positionsFrom(this.graph.mapNodes((id, a) => [id, [round(a.x), round(a.y)]] as const)), this.vm.project.id);
  }

  private recomputeEncodings(state: AppState): void {
    const vm = this.vm;
    if (!vm) return;
    this.colors = colorEncoding(vm, state.colorBy);
    this.sizeOf = sizeEncoding(vm, state.sizeBy);
    this.visible = new Uint8Array(vm.ids.length);
    let hidden = 0;
    const { attributes, range } = state.filters;
    if (range === null && Object.values(attributes).every((keep) => keep.length === 0)) {
      // No filter: everyone shows, without asking for each of 50,000 people.
      this.visible.fill(1);
    } else {
      for (let i = 0; i < vm.ids.length; i++) {
        this.visible[i] = isVisible(vm, state.filters, i) ? 1 : 0;
        hidden += 1 - this.visible[i]!;
      }
    }
    this.filtering = hidden > 0 || state.filters.hiddenRelations.length > 0;
    this.neighbours = new Set(state.selected && this.graph?.hasNode(state.selected) ? this.graph.neighbors(state.selected) : []);
    this.highlighted = state.highlight ? new Set(state.highlight) : null;
    this.renderLegend();
  }

  private renderLegend(): void {
    const enc = this.colors;
    if (!enc) return;
    replace(
      this.legend,
      el('div', { class: 'legend-title' }, `Colour: ${enc.title}`),
      el('ul', {}, ...enc.legend.map((entry) => el('li', {}, el('span', { class: 'swatch', style: { background: entry.color } }), entry.label))),
    );
  }

  private onState(state: AppState, previous: AppState): void {
    if (!this.sigma || !this.vm) return;
    const encodingsChanged =
      state.colorBy !== previous.colorBy ||
      state.sizeBy !== previous.sizeBy ||
      state.filters !== previous.filters ||
      state.selected !== previous.selected ||
      state.highlight !== previous.highlight;
    if (encodingsChanged) this.recomputeEncodings(state);
    if (state.selected !== previous.selected && this.display && this.display !== this.graph && this.graph) showTiesOf(this.display, this.graph, state.selected);
    if (state.hovered !== previous.hovered) this.renderTooltip(state.hovered);
    if (encodingsChanged) {
      this.sigma.refresh({ skipIndexation: true });
    } else if (state.hovered !== previous.hovered) {
      // Hovering changes only the two people involved: redrawing everyone would cost a big map a
      // long pause at every mouse move.
      const nodes = [state.hovered, previous.hovered].filter((id): id is string => id !== null && this.graph!.hasNode(id));
      this.sigma.refresh({ partialGraph: { nodes }, skipIndexation: true });
    }
    // After the refresh: until sigma has processed the graph again, display data holds graph
    // coordinates, not the camera's (the pan went off the map on big ones).
    if (state.selected !== previous.selected && state.selected && this.display?.hasNode(state.selected)) {
      const pos = this.sigma.getNodeDisplayData(state.selected);
      if (pos) void this.sigma.getCamera().animate({ x: pos.x, y: pos.y }, { duration: 300 });
    }
  }

  private renderTooltip(id: string | null): void {
    if (!id || !this.sigma || !this.vm || !this.graph?.hasNode(id)) {
      this.tooltip.hidden = true;
      return;
    }
    const data = this.sigma.getNodeDisplayData(id);
    if (!data) return;
    const point = this.sigma.framedGraphToViewport(data);
    const i = this.vm.indexOf.get(id)!;
    replace(this.tooltip, el('strong', {}, labelOf(this.vm, id)), el('div', {}, `${this.vm.analysis.table.columns.degree[i]} connections · group ${this.vm.analysis.table.columns.community[i]!}`));
    this.tooltip.style.left = `${point.x + 12}px`;
    this.tooltip.style.top = `${point.y + 12}px`;
    this.tooltip.hidden = false;
  }

  /**
   * Sigma hands reducers its own copy of the attributes, so they are written in place: a new
   * object per person per redraw was 50,000 allocations at every selection on a big map.
   */
  private reduceNode(node: string, data: Attributes): Attributes {
    const vm = this.vm!;
    const i = vm.indexOf.get(node)!;
    const state = this.store.get();
    data.color = this.colors!.colorOf(i);
    data.size = this.sizeOf(i);
    if (!this.visible[i]) {
      data.hidden = true;
      return data;
    }
    // On a big map faded people are dust: drawn full size they would cover the ties shown.
    const fade = (): Attributes => Object.assign(data, { color: '#e4e6ea', label: '', zIndex: 0 }, this.big ? { size: 1 } : {});
    if (state.selected) {
      if (node === state.selected) return Object.assign(data, { highlighted: true, forceLabel: true, zIndex: 2 });
      if (this.neighbours.has(node)) return Object.assign(data, { forceLabel: vm.ids.length < 3000, zIndex: 1 });
      return fade();
    }
    if (state.hovered === node) return Object.assign(data, { highlighted: true, zIndex: 2 });
    if (this.highlighted) return this.highlighted.has(node) ? Object.assign(data, { forceLabel: this.highlighted.size <= 40, zIndex: 1 }) : fade();
    return data;
  }

  private reduceEdge(edge: string, data: Attributes): Attributes {
    const state = this.store.get();
    // Big maps redraw every layout step: drawing their ties while nodes move costs more than it shows.
    if (this.layout?.running && this.vm!.analysis.edgeSource.length > 20000) return Object.assign(data, { hidden: true });
    if (!this.showTies && !state.selected) return Object.assign(data, { hidden: true });
    if (!this.filtering && !state.selected) return data;
    const graph = this.graph!;
    const vm = this.vm!;
    const [s, t] = graph.extremities(edge);
    if (!this.showTies && s !== state.selected && t !== state.selected) return Object.assign(data, { hidden: true });
    if (!this.visible[vm.indexOf.get(s)!] || !this.visible[vm.indexOf.get(t)!]) return Object.assign(data, { hidden: true });
    const hidden = state.filters.hiddenRelations;
    if (hidden.length > 0) {
      const names = vm.analysis.relationNames;
      const bits = data.relations as number;
      const shown = names.some((name, r) => (bits & (1 << (r % 32))) !== 0 && !hidden.includes(name));
      if (!shown) return Object.assign(data, { hidden: true });
    }
    if (state.selected) {
      if (s === state.selected || t === state.selected) return Object.assign(data, { color: '#555b66', size: 1.5, zIndex: 1 });
      return Object.assign(data, { color: '#f0f1f3' });
    }
    return data;
  }
}
