/**
 * The network map: sigma (WebGL) over a graph built from the analysis, or, where WebGL runs in
 * software, the worker-drawn canvas that offers the same interface (canvas-renderer.ts, chosen
 * in createRenderer). Display state (hover, selection, highlight, filters, encodings, focus on one
 * person's circle, label density and size, group colours) is applied through reducers and the
 * renderer's settings, never written into the graph or the analysis.
 *
 * For reading: names placed inside the canvas and clear of each other (label-placement.ts),
 * "Labels: few / some / all" and a size slider, a legend that folds away (folded at first on a
 * phone) and keeps to its corner, the people the side panel's find box or a list panel
 * highlights (the store's `highlight`), a focus mode showing only the selected person's circle,
 * and the keyboard (map-keyboard.ts): arrows step through the current list, Enter selects, + and
 * - zoom, F focuses, Escape leaves the focus, then clears the selection.
 */
import Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { CameraState } from 'sigma/types';
import type { Attributes } from 'graphology-types';
import { downloadAsPNG } from '@sigma/export-image';
import { addAllTies, addPeople, addTie, emptyMapGraph, placePeople, startPositions, type MapEdge, type MapGraph, type MapNode } from './map-graph.ts';
import { contactsOf, mapTies, tiesOf, type MapTies } from './map-ties.ts';
import { LayoutRunner } from './layout-runner.ts';
import { FRAME_BUDGET_MS, frameMillisFor, holdFrames, isSoftwareWebGL, softwareWebGLKnown } from './frame-rate.ts';
import { colorEncoding, sizeEncoding, type ColorEncoding } from './encodings.ts';
import { GroupColors } from './group-colors.ts';
import { CATEGORY_COLORS } from './palette.ts';
import { LABEL_DENSITIES, LABEL_SIZE, LabelSpace, labelSettings, labelSpot, type LabelDensity } from './label-placement.ts';
import { drawHoverLabel } from './hover-label.ts';
import { CanvasRenderer } from './canvas-renderer.ts';
import type { MapRenderer } from './map-renderer.ts';
import { mapKeyAction, stepInList } from './map-keyboard.ts';
import { download, el, replace } from '../dom.ts';
import './map.css';
import { isVisible, labelOf, type ViewModel } from '../state/view-model.ts';
import type { AppState, AppStore } from '../state/app-state.ts';
import { readSetting, writeSetting } from '../state/browser-state.ts';
import { yieldToPage } from '../../workers/yield-to-page.ts';
import { positionOf, setPosition, type Positions } from '../../engine/core/model/layout-record.ts';
import { rememberPackedLayout } from '../../engine/core/model/packed-layout.ts';
import type { LayoutStop } from '../../workers/layout-api.ts';

/**
 * Above this many ties the map starts with them hidden: drawn, they are a grey mass that says
 * nothing and costs every frame (seconds per frame where WebGL runs in software). The selected
 * person's ties are always drawn, and "Show ties" draws them all.
 */
export const BIG_MAP_TIES = 50_000;

/**
 * Where WebGL runs in software, a map of more people and ties than this is laid out off-screen
 * from the start (a frame of 10,000 people and 40,000 ties holds the page for a second there);
 * smaller ones animate while their measured frames stay within FRAME_BUDGET_MS.
 */
const SOFTWARE_ANIMATION_ITEMS = 20_000;

/**
 * How the map draws, when set in this browser: 'webgl' (sigma) or 'worker' (canvas-renderer.ts).
 * Unset, the browser decides: the worker where WebGL runs in software. For tests, and for anyone
 * whose graphics driver misreports itself.
 */
const RENDERER_KEY = 'netweave.map.renderer';

function drawsInWorker(): boolean {
  const choice = readSetting(RENDERER_KEY);
  if (choice === 'webgl' || !CanvasRenderer.supported()) return false;
  return choice === 'worker' || isSoftwareWebGL();
}

/** Label choices are this browser's preference, kept between visits. */
const LABELS_KEY = 'netweave.map.labels';

interface LabelChoice {
  density: LabelDensity;
  size: number;
}

function loadLabelChoice(): LabelChoice {
  const fallback: LabelChoice = { density: 'some', size: LABEL_SIZE.default };
  try {
    const saved = JSON.parse(readSetting(LABELS_KEY) ?? 'null') as Partial<LabelChoice> | null;
    if (!saved) return fallback;
    const density = LABEL_DENSITIES.some((d) => d.value === saved.density) ? saved.density! : fallback.density;
    const size = typeof saved.size === 'number' && saved.size >= LABEL_SIZE.min && saved.size <= LABEL_SIZE.max ? saved.size : fallback.size;
    return { density, size };
  } catch {
    return fallback;
  }
}

/** On a screen this narrow the legend starts folded, leaving the map its room. */
const NARROW_SCREEN = '(max-width: 600px)';

/** Zoom step of the + and - buttons and keys. */
const ZOOM_STEP = 1.5;

export class MapView {
  readonly root: HTMLElement;
  private container: HTMLElement;
  private legend: HTMLElement;
  private legendTitle: HTMLButtonElement;
  private legendList: HTMLElement;
  /** Whether the legend's list shows (folded at first on a phone). */
  private legendOpen: boolean;
  private tooltip: HTMLElement;
  private layoutButton: HTMLButtonElement;
  private tiesButton: HTMLButtonElement;
  /** Shown while the layout runs off-screen: draws it as it moves, however slow each frame. */
  private animateButton: HTMLButtonElement;
  private focusButton: HTMLButtonElement;
  private labelsSummary: HTMLElement;
  private tiesNote: HTMLElement;
  private animateNote: HTMLElement;
  private animateBar: HTMLElement;
  /** What the map shows besides everyone: the focus on a circle, or the highlighted people. */
  private statusBar: HTMLElement;
  /** Read out to screen readers as the keyboard steps from person to person. */
  private live: HTMLElement;
  /** Whether every tie is drawn (else only the selected person's). */
  private showTies = true;
  /** More ties than BIG_MAP_TIES: ties hidden at first, layout run off-screen. */
  private big = false;
  /** The user asked to watch the layout move even where frames are slow. */
  private animateAnyway = false;
  /** Main-thread time of the last frame sigma drew (process and draw), or null before one. */
  private renderMs: number | null = null;
  /** The layout runs with the map taken down, drawn when it stops. */
  private offscreen = false;
  /** The last run's positions are not saved yet (they are once the map is drawn). */
  private layoutUnsaved = false;
  /**
   * A sigma taken down but kept, its graph emptied, for the next drawing: starting one costs
   * WebGL contexts and programs, a long task where WebGL runs in software. `big`: it draws
   * people as points (big maps), which is fixed when it starts.
   */
  private spare: { sigma: MapRenderer; big: boolean } | null = null;
  private sigmaBig = new WeakMap<MapRenderer, boolean>();
  /** Bumped by every show(): a build still running for an older analysis stops. */
  private generation = 0;
  private sigma: MapRenderer | null = null;
  /** Bumped by every mount: a staged mount still adding people stops when a newer one starts. */
  private mounts = 0;
  /**
   * What sigma draws: everyone, and the ties on show: every tie, or (ties hidden) the selected
   * person's. Hidden ties would still cost sigma every frame (their vertices are processed and
   * drawn, degenerate): seconds per frame for 250,000 ties in software WebGL.
   */
  private graph: MapGraph | null = null;
  /** Each person's ties, as indices into the analysis payload's tie arrays. */
  private ties: MapTies | null = null;
  /** Where everyone is ([x0, y0, ...] by analysis index): the saved layout or the last run's. */
  private xy: Float64Array = new Float64Array(0);
  private layout: LayoutRunner | null = null;
  private vm: ViewModel | null = null;
  private visible = new Uint8Array(0);
  /** Whether any filter hides someone: when not, the edge reducer has nothing to do. */
  private filtering = false;
  private neighbours = new Set<string>();
  private highlighted: Set<string> | null = null;
  private colors: ColorEncoding | null = null;
  private sizeOf: (i: number) => number = () => 5;
  /**
   * Group colours matched across analyses of the open project (group-colors.ts): display state,
   * kept here and never in the analysis or the project.
   */
  private groupColors = new GroupColors(CATEGORY_COLORS.length);
  private groupSlots: number[] = [];
  private labels: LabelChoice = loadLabelChoice();
  /** Names drawn in the current frame, so the next one goes where it fits. */
  private space = new LabelSpace();
  private view = { width: 0, height: 0 };
  private labelContext: CanvasRenderingContext2D | null = null;
  private hoverContext: CanvasRenderingContext2D | null = null;
  /** Only the selected person and their contacts are shown (Escape leaves). */
  private focusMode = false;
  /** Where the camera was before focusing, to go back there. */
  private cameraBeforeFocus: CameraState | null = null;
  /** The person the arrow keys reached (shown as hovered). */
  private cursor: string | null = null;
  /** The people table's order, when the shell gives it: the arrow keys follow it. */
  private peopleOrder: (() => readonly string[]) | null = null;

  /** `onLayoutSaved` gets the positions and the id of the project they were laid out for. */
  constructor(private store: AppStore, private onLayoutSaved: (positions: Positions, projectId: string) => void) {
    const keysHelp = el('p', { id: 'map-keys-help', class: 'map-keys' }, 'Arrow keys: next person · Enter: select · + / −: zoom · F: focus on their circle · Esc: leave focus, then clear');
    this.container = el('div', {
      class: 'map-canvas',
      role: 'application',
      tabindex: 0,
      aria: { label: 'Network map', roledescription: 'network map', describedby: 'map-keys-help' },
      on: { keydown: (e) => this.onKey(e) },
    });
    this.legendOpen = !(typeof matchMedia === 'function' && matchMedia(NARROW_SCREEN).matches);
    this.legendTitle = el('button', { class: 'legend-title', aria: { controls: 'map-legend-list' }, on: { click: () => { this.legendOpen = !this.legendOpen; this.renderLegendOpen(); } } });
    this.legendList = el('ul', { id: 'map-legend-list' });
    this.legend = el('div', { class: 'legend', role: 'region', aria: { label: 'Legend' } }, this.legendTitle, this.legendList);
    this.renderLegendOpen();
    this.tooltip = el('div', { class: 'tooltip', hidden: true, role: 'tooltip' });
    this.layoutButton = el('button', { class: 'small', on: { click: () => this.toggleLayout() } }, 'Run layout');
    this.tiesButton = el('button', { class: 'small', hidden: true, aria: { pressed: 'false' }, on: { click: () => this.setShowTies(!this.showTies) } }, 'Show ties');
    this.animateButton = el('button', { class: 'small', type: 'button', on: { click: () => this.setAnimateAnyway() } }, 'Animate anyway');
    this.focusButton = el(
      'button',
      { class: 'small', disabled: true, title: "Show only the selected person and their contacts (F); Escape shows everyone again", aria: { pressed: 'false' }, on: { click: () => this.setFocus(!this.focusMode) } },
      'Focus',
    );
    this.tiesNote = el('div', { class: 'map-note muted', hidden: true, role: 'note' });
    this.animateNote = el('span');
    this.statusBar = el('div', { class: 'map-status', role: 'status', hidden: true });
    this.live = el('div', { class: 'visually-hidden', aria: { live: 'polite' } });
    this.labelsSummary = el('summary', { title: 'How many names the map shows, and how big' });
    const controls = el(
      'div',
      { class: 'map-controls' },
      this.layoutButton,
      this.tiesButton,
      this.focusButton,
      this.labelControls(),
      el('button', { class: 'small', title: 'Zoom in (+)', aria: { label: 'Zoom in' }, on: { click: () => this.zoom(true) } }, '+'),
      el('button', { class: 'small', title: 'Zoom out (−)', aria: { label: 'Zoom out' }, on: { click: () => this.zoom(false) } }, '−'),
      el('button', { class: 'small', title: 'Show the whole network (0)', on: { click: () => void this.sigma?.getCamera().animatedReset() } }, 'Fit'),
    );
    this.animateBar = el('div', { class: 'map-animate', hidden: true }, this.animateNote, this.animateButton);
    this.root = el('section', { class: 'map' }, this.container, controls, el('div', { class: 'map-notes' }, this.tiesNote, this.animateBar), this.statusBar, keysHelp, this.legend, this.tooltip, this.live);
    store.subscribe((state, previous) => this.onState(state, previous));
    // Escape leaves the focus before anything else hears it (the shell's Escape clears the
    // selection, which would end the focus and lose the person): this listener is registered
    // first, as the map is made before the shell listens.
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !this.focusMode || e.defaultPrevented) return;
      const target = e.target as Element | null;
      if (target?.closest?.('dialog, [role="menu"], input, select, textarea')) return;
      this.setFocus(false);
      e.stopImmediatePropagation();
    });
    // The canvas follows its container (drawers open and close, notes appear above the map);
    // sigma itself only listens to the window. A render starts with sigma measuring its container.
    new ResizeObserver(() => this.sigma?.scheduleRender()).observe(this.container);
  }

  /** "Labels: few / some / all" and a size slider, folded into one control. */
  private labelControls(): HTMLElement {
    const name = 'map-label-density';
    const radios = LABEL_DENSITIES.map((d) => {
      const input = el('input', { type: 'radio', value: d.value });
      input.name = name;
      input.checked = this.labels.density === d.value;
      input.addEventListener('change', () => {
        if (input.checked) this.setLabels({ ...this.labels, density: d.value });
      });
      return el('label', { class: 'check' }, input, ` ${d.label}`);
    });
    const size = el('input', { type: 'range', aria: { label: 'Label size' } });
    size.min = String(LABEL_SIZE.min);
    size.max = String(LABEL_SIZE.max);
    size.step = '1';
    size.value = String(this.labels.size);
    size.addEventListener('input', () => this.setLabels({ ...this.labels, size: Number(size.value) }));
    this.renderLabelsSummary();
    return el(
      'details',
      { class: 'map-labels' },
      this.labelsSummary,
      el(
        'div',
        { class: 'map-labels-body' },
        el('fieldset', { role: 'radiogroup', aria: { label: 'Labels' } }, el('legend', {}, 'Names shown'), ...radios),
        el('label', { class: 'map-label-size' }, 'Size ', size),
        el('p', { class: 'explain' }, 'Names keep clear of each other ("all" shows every name: zoom in to read them).'),
      ),
    );
  }

  private renderLabelsSummary(): void {
    this.labelsSummary.textContent = `Labels: ${this.labels.density}`;
  }

  private setLabels(choice: LabelChoice): void {
    this.labels = choice;
    this.renderLabelsSummary();
    // Not kept in private mode (or where storage is off): the choice lasts for this page.
    writeSetting(LABELS_KEY, JSON.stringify(choice));
    this.root.dataset.labels = `${choice.density} ${choice.size}`;
    if (this.sigma && this.vm) this.sigma.setSettings(this.labelRendering(this.vm));
  }

  /** Names keep clear of each other, except when every name is asked for on a small map. */
  private get avoidOverlaps(): boolean {
    return this.labels.density !== 'all' || (this.vm?.ids.length ?? 0) > 2000;
  }

  /** The people table's order, for the arrow keys (null: the analysis order), listed when first needed. */
  setPeopleOrder(ids: (() => readonly string[]) | null): void {
    let listed: readonly string[] | null = null;
    this.peopleOrder = ids && (() => (listed ??= ids()));
  }

  /**
   * Rebuilds the map for a new analysis. The graph is built in slices between which the page
   * stays responsive; a newer show() abandons an older one still building.
   */
  async show(vm: ViewModel): Promise<void> {
    const generation = ++this.generation;
    // For scripts and tests: 'building' the map, 'arranging' (the layout runs off-screen),
    // 'drawing' (people and ties handed to sigma in slices), 'drawn'.
    this.root.dataset.state = 'building';
    this.layout?.kill();
    this.layout = null;
    this.layoutButton.textContent = 'Run layout';
    this.mounts++;
    this.parkSigma();
    this.vm = null;
    // Releasing the old WebGL context takes tens of milliseconds (software GL): not in the same
    // task as the first slice of the new graph.
    await yieldToPage();
    if (generation !== this.generation) return;
    // Each group keeps the colour it had in the analysis shown before (another wave, a
    // re-analysis): matched by the people they share, in a task of its own on a big map.
    this.groupSlots = this.groupColors.update(vm.project.id, vm.analysis.communities);
    this.focusMode = false;
    this.cameraBeforeFocus = null;
    this.cursor = null;
    this.animateAnyway = false;
    // Asked once per page (a WebGL context of its own, tens of milliseconds in software): in a
    // task of its own, at the first map, so later imports find the answer ready.
    if (!softwareWebGLKnown()) {
      isSoftwareWebGL();
      await yieldToPage();
      if (generation !== this.generation) return;
    }
    const analysis = vm.analysis;
    const savedLayout = vm.project.layout;
    const n = vm.ids.length;
    if (n > 2000) {
      await yieldToPage();
      if (generation !== this.generation) return;
    }
    this.xy = startPositions(analysis, savedLayout);
    if (n > 2000) {
      await yieldToPage();
      if (generation !== this.generation) return;
    }
    this.ties = mapTies(n, analysis.edgeSource, analysis.edgeTarget);
    if (n > 2000) {
      await yieldToPage();
      if (generation !== this.generation) return;
    }
    this.graph = null;
    this.vm = vm;
    const ties = analysis.edgeSource.length;
    this.big = ties > BIG_MAP_TIES;
    if (this.spare && this.spare.big !== this.big) this.dropSpare();
    this.tiesButton.hidden = !this.big;
    this.setShowTies(!this.big, false);
    this.recomputeEncodings(this.store.get());
    this.layout = new LayoutRunner(
      { n, source: analysis.edgeSource, target: analysis.edgeTarget },
      {
        onFrame: (xy) => this.onLayoutFrame(xy),
        onStop: (reason, xy) => this.onLayoutStop(generation, reason, xy),
      },
    );
    // Starting the worker and cutting the first part of the ties for it, not in the task that
    // indexed the ties above.
    if (n > 2000) {
      await yieldToPage();
      if (generation !== this.generation) return;
    }
    const laidOut = vm.ids.filter((id) => positionOf(savedLayout, id)).length;
    const arrange = laidOut < n * 0.9;
    // Where frames are known to be slow (a big map, WebGL in software), the layout runs with the
    // map taken down and the map is drawn once, when it settles: each frame would hold the page.
    if (arrange && this.drawWhenSettled()) {
      this.toggleLayout();
      return;
    }
    await this.mountSigma();
    if (generation !== this.generation) return;
    if (arrange && !this.layoutRunning) this.toggleLayout();
  }

  /** Whether the layout should run off-screen: frames are slow here, and no one asked to watch. */
  private drawWhenSettled(): boolean {
    if (this.animateAnyway) return false;
    const items = (this.vm?.ids.length ?? 0) + (this.vm?.analysis.edgeSource.length ?? 0);
    return this.big || (items > SOFTWARE_ANIMATION_ITEMS && isSoftwareWebGL());
  }

  /** A snapshot from the layout worker, drawn while the map animates. */
  private onLayoutFrame(xy: Float32Array): void {
    if (this.offscreen || !this.sigma || !this.graph) return;
    placePeople(this.graph, xy);
  }

  private onLayoutStop(generation: number, _reason: LayoutStop, xy: Float64Array): void {
    // A map taken down for a newer analysis must not save its positions into the new project.
    if (generation !== this.generation) return;
    this.xy = xy;
    this.layoutUnsaved = true;
    this.layoutButton.textContent = 'Run layout';
    const offscreen = this.offscreen;
    this.offscreen = false;
    this.renderNote();
    // Saved once the map is on screen, in a task of its own: saving the layout redraws every
    // part showing the project (a long task on a big one), and the map comes first.
    const saveAfterFrame = (sigma: MapRenderer | null): void => {
      const save = (): void => {
        if (generation === this.generation) this.saveLayout();
      };
      if (!sigma) save();
      else sigma.once('afterRender', () => void yieldToPage().then(save));
    };
    if (offscreen || !this.sigma || !this.graph) {
      void yieldToPage().then(async () => {
        if (generation !== this.generation || this.layoutRunning) return;
        await this.mountSigma();
        saveAfterFrame(generation === this.generation ? this.sigma : null);
      });
    } else {
      // 'drawn' again once the settled positions are on screen.
      this.root.dataset.state = 'drawing';
      this.sigma.once('afterRender', () => {
        if (generation === this.generation) this.root.dataset.state = 'drawn';
      });
      saveAfterFrame(this.sigma);
      placePeople(this.graph, xy);
      // Ties hidden while the layout ran show again.
      this.sigma.refresh({ skipIndexation: true });
    }
  }

  /**
   * Draws the map (again) without a long task: sigma starts on an empty graph (its WebGL
   * context and programs: a task of its own), then people and the ties on show are added in
   * slices of a few milliseconds while sigma indexes each as it comes, its frames held back;
   * the one frame that follows processes and draws them all.
   */
  private async mountSigma(): Promise<void> {
    const vm = this.vm;
    if (!vm) return;
    this.parkSigma();
    const mount = ++this.mounts;
    this.root.dataset.state = 'drawing';
    // The reducers read the graph being filled.
    const graph = emptyMapGraph(vm.analysis);
    this.graph = graph;
    const sigma = this.takeSigma(vm, graph);
    const held = holdFrames(sigma);
    const between = async (): Promise<boolean> => {
      await yieldToPage();
      return mount === this.mounts;
    };
    const abandon = (): void => {
      if (this.sigma !== sigma) sigma.kill();
    };
    if (!(await between())) return abandon();
    // State may have changed while the map was down (a selection, a filter).
    this.recomputeEncodings(this.store.get());
    if (!(await addPeople(graph, vm.analysis, (id) => labelOf(vm, id), this.xy, { between }))) return abandon();
    if (this.showTies && !(await addAllTies(graph, vm.analysis, { between }))) return abandon();
    if (!this.showTies) this.showTiesOf(this.store.get().selected);
    this.recomputeEncodings(this.store.get());
    this.sigma = sigma;
    sigma.once('afterRender', () => {
      if (mount === this.mounts) this.root.dataset.state = 'drawn';
    });
    held.release();
  }

  /** On a map with ties hidden: the graph holds the ties of `selected` only. */
  private showTiesOf(selected: string | null): void {
    const graph = this.graph;
    const vm = this.vm;
    if (!graph || !vm || !this.ties || this.showTies) return;
    // Only where there are ties to clear: clearing gives each person fresh adjacency, and the
    // renderer indexes the whole map again (a long task as a map of 100,000 people was drawn).
    if (graph.size > 0) graph.clearEdges();
    const i = selected === null ? undefined : vm.indexOf.get(selected);
    if (i === undefined) return;
    for (const e of tiesOf(this.ties, i)) addTie(graph, vm.analysis, e);
  }

  /** Takes the map down, keeping its sigma (graph emptied) for the next drawing. */
  private parkSigma(): void {
    const sigma = this.sigma;
    this.sigma = null;
    if (!sigma) return;
    this.dropSpare();
    sigma.setGraph(sigma.getGraph().nullCopy());
    this.spare = { sigma, big: this.sigmaBig.get(sigma) ?? false };
  }

  private dropSpare(): void {
    this.spare?.sigma.kill();
    this.spare = null;
  }

  /** The spare sigma, fitted to this map, or a new one. */
  private takeSigma(vm: ViewModel, graph: MapGraph): MapRenderer {
    const spare = this.spare;
    this.spare = null;
    if (!spare || spare.big !== this.big) {
      spare?.sigma.kill();
      return this.createRenderer(vm, graph);
    }
    const sigma = spare.sigma;
    sigma.setGraph(graph);
    sigma.setSettings({ ...this.labelRendering(vm), hideEdgesOnMove: this.hideEdgesOnMove(vm) });
    sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    // Drawn now, while the graph is empty: the frame these changes scheduled would otherwise
    // come while people are being added, and process all those added so far.
    sigma.refresh();
    return sigma;
  }

  /** Hiding ties while the camera moves makes sigma redraw them all when it stops: worth it only with every tie of a big map drawn. */
  private hideEdgesOnMove(vm: ViewModel): boolean {
    return this.showTies && vm.analysis.edgeSource.length > 20000;
  }

  /** Sigma's label settings for the current choice, and whether names keep clear of each other. */
  private labelRendering(vm: ViewModel): ReturnType<typeof labelSettings> & { avoidLabelOverlaps: boolean } {
    return { ...labelSettings(this.labels.density, this.labels.size, vm.ids.length), avoidLabelOverlaps: this.avoidOverlaps };
  }

  /**
   * Sigma on a GPU; where WebGL runs in software, the worker-drawn canvas (canvas-renderer.ts):
   * there each WebGL frame would hold the page while the browser reads it back.
   */
  private createRenderer(vm: ViewModel, display: MapGraph): MapRenderer {
    const reducers = {
      nodeReducer: (node: string, data: Attributes) => this.reduceNode(node, data),
      edgeReducer: (edge: string, data: Attributes) => this.reduceEdge(edge, data),
    };
    const inWorker = drawsInWorker();
    // For scripts and tests: which renderer draws the map.
    this.root.dataset.renderer = inWorker ? 'worker' : 'webgl';
    const sigma: MapRenderer = inWorker
      ? new CanvasRenderer(display, this.container, { ...this.labelRendering(vm), hideEdgesOnMove: this.hideEdgesOnMove(vm), ...reducers })
      : this.createWebGLSigma(vm, display);
    this.sigmaBig.set(sigma, this.big);
    sigma.on('clickNode', ({ node }) => this.store.set({ selected: node }));
    // A click on the background clears the selection, but not while focused on a circle: there
    // the background is everyone hidden (Escape or Show everyone leaves the focus).
    sigma.on('clickStage', () => {
      if (!this.focusMode) this.store.set({ selected: null });
    });
    sigma.on('enterNode', ({ node }) => this.store.set({ hovered: node }));
    sigma.on('leaveNode', () => this.store.set({ hovered: null }));
    this.labelContext = sigma.getCanvases().labels?.getContext('2d') ?? null;
    this.hoverContext = sigma.getCanvases().hovers?.getContext('2d') ?? null;
    // Each frame's main-thread time (sigma processes the graph, then draws): slow frames take the
    // animated layout off-screen, fast ones set its rate.
    let frameStart = 0;
    sigma.on('beforeRender', () => {
      frameStart = performance.now();
      this.startLabelFrame();
    });
    sigma.on('afterRender', () => {
      if (this.sigma === sigma) this.onRendered(sigma.mainThreadMs ?? performance.now() - frameStart);
    });
    // For scripts and tests, as data-state: the camera's zoom (1 = the whole network).
    sigma.getCamera().on('updated', (camera) => {
      this.root.dataset.zoom = camera.ratio.toFixed(3);
    });
    this.root.dataset.zoom = sigma.getCamera().getState().ratio.toFixed(3);
    this.root.dataset.labels = `${this.labels.density} ${this.labels.size}`;
    return sigma;
  }

  private createWebGLSigma(vm: ViewModel, display: MapGraph): MapRenderer {
    return new Sigma<MapNode, MapEdge>(display, this.container, {
      renderEdgeLabels: false,
      // The view can be briefly detached (switching to the system map); sigma then waits.
      allowInvalidContainer: true,
      // How many names, how big (labelDensity, labelGridCellSize, labelRenderedSizeThreshold,
      // labelSize), and where each goes: inside the canvas, clear of the others.
      ...labelSettings(this.labels.density, this.labels.size, vm.ids.length),
      defaultDrawNodeLabel: (context, data, settings) => this.drawLabel(context, data, settings as unknown as Settings),
      defaultDrawNodeHover: (context, data, settings) => this.drawHover(context, data, settings as unknown as Settings),
      hideEdgesOnMove: this.hideEdgesOnMove(vm),
      defaultEdgeType: 'line',
      // One vertex per person instead of a quad: a third of the work per frame on a big map.
      ...(this.big ? { nodeProgramClasses: { circle: NodePointProgram } } : {}),
      zIndex: true,
      nodeReducer: (node, data) => this.reduceNode(node, data) as MapNode,
      edgeReducer: (edge, data) => this.reduceEdge(edge, data) as MapEdge,
    }) as unknown as MapRenderer;
  }

  // ----- names on the map ---------------------------------------------------------------------

  /** A new frame: no name drawn yet, but the selected and hovered people's names come first. */
  private startLabelFrame(): void {
    const sigma = this.sigma;
    if (!sigma) return;
    this.view = sigma.getDimensions();
    this.space.reset(this.view);
    const context = this.labelContext;
    if (!context) return;
    const state = this.store.get();
    for (const id of new Set([state.selected, state.hovered])) {
      if (id === null || !this.graph?.hasNode(id)) continue;
      const data = sigma.getNodeDisplayData(id);
      if (!data || data.hidden || !data.label) continue;
      const point = sigma.framedGraphToViewport(data);
      context.font = `${sigma.getSetting('labelWeight')} ${this.labels.size}px ${sigma.getSetting('labelFont')}`;
      const width = context.measureText(data.label).width;
      this.space.take(labelSpot(point.x, point.y, sigma.scaleSize(data.size), width, this.labels.size, this.view).box);
    }
  }

  /**
   * A person's name beside them, inside the canvas, where it overlaps no name drawn before it
   * (sigma offers the biggest people first). The selected or hovered person's name is drawn on
   * the hover layer instead, in its box. Other canvases (the PNG export) get sigma's plain name.
   */
  private drawLabel(context: CanvasRenderingContext2D, data: { x: number; y: number; size: number; label: string | null; highlighted?: boolean }, settings: Settings): void {
    if (!data.label) return;
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.fillStyle = settings.labelColor.color ?? '#000';
    if (context !== this.labelContext) {
      context.fillText(data.label, data.x + data.size + 3, data.y + size / 3);
      return;
    }
    if (data.highlighted) return;
    const spot = labelSpot(data.x, data.y, data.size, context.measureText(data.label).width, size, this.view);
    if (this.avoidOverlaps && !this.space.place(spot.box)) return;
    context.fillText(data.label, spot.x, spot.y);
  }

  /** The selected or hovered person: a halo, and their name in a white box inside the canvas. */
  private drawHover(context: CanvasRenderingContext2D, data: { x: number; y: number; size: number; label: string | null }, settings: Settings): void {
    const view = context === this.hoverContext ? this.view : { width: Infinity, height: Infinity };
    drawHoverLabel(context, data, settings, (width, size) => labelSpot(data.x, data.y, data.size, width, size, view));
  }

  private renderNote(): void {
    const ties = this.vm?.analysis.edgeSource.length ?? 0;
    const people = this.vm?.ids.length ?? 0;
    const arranging = this.offscreen && this.layoutRunning;
    if (arranging) {
      this.tiesNote.textContent = `Arranging ${people.toLocaleString('en')} people: the map is drawn when the layout settles (at most 20 seconds), or press Stop layout to draw it now.`;
    } else {
      this.tiesNote.textContent = `${ties.toLocaleString('en')} ties are too many to read on one map, so they are hidden: select someone to see their ties, or press Show ties.`;
    }
    this.tiesNote.hidden = !arranging && (!this.big || this.showTies);
    // Watching the layout move: offered while it runs off-screen, and kept while chosen.
    const offer = this.layoutRunning && (this.offscreen || this.animateAnyway);
    this.animateBar.hidden = !offer;
    // A toggle keeps its name; pressed or not is what changes (read out as such).
    this.animateButton.setAttribute('aria-pressed', String(this.animateAnyway));
    this.animateNote.textContent = this.animateAnyway
      ? 'Drawing the layout as it moves: the page may be slow to answer until it settles. '
      : this.big
        ? 'Drawing this many people at each step would keep the page busy. '
        : 'Drawing each step is slow on this computer and would keep the page busy. ';
  }

  /** Watches the layout move however slow each frame is (on), or draws the map when it settles (off). */
  private setAnimateAnyway(on = !this.animateAnyway): void {
    this.animateAnyway = on;
    if (!this.layoutRunning) {
      this.renderNote();
      return;
    }
    if (on && this.offscreen) {
      this.offscreen = false;
      this.layout?.setFrameMillis(frameMillisFor(this.renderMs, true));
      void this.mountSigma();
    } else if (!on && !this.offscreen) {
      this.goOffscreen();
    }
    this.renderNote();
  }

  /** The layout goes on with the map taken down; it is drawn when the layout stops. */
  private goOffscreen(): void {
    this.offscreen = true;
    this.layout?.setFrameMillis(0);
    this.mounts++;
    this.parkSigma();
    this.root.dataset.state = 'arranging';
    this.renderNote();
  }

  /** Draws every tie, or (on big maps) only the selected person's. */
  setShowTies(show: boolean, refresh = true): void {
    this.showTies = show;
    this.tiesButton.textContent = show ? 'Hide ties' : 'Show ties';
    this.tiesButton.setAttribute('aria-pressed', String(show));
    this.renderNote();
    // Big maps switch between drawing every tie and drawing people only: drawn again either way.
    if (refresh && this.sigma && this.big) void this.mountSigma();
    else if (refresh) this.sigma?.refresh({ skipIndexation: true });
  }

  /** Releases the WebGL context and layout worker while another view takes the space. */
  hide(): void {
    this.generation++;
    const layout = this.layout;
    this.layout = null;
    const vm = this.vm;
    // Positions reached so far are kept, so coming back does not start the layout over.
    if (layout?.running && vm) layout.stopAndKeep((xy) => this.savePositions(vm, xy));
    else layout?.kill();
    // Positions of a run that stopped but were not saved yet (the map was still being drawn).
    if (this.layoutUnsaved) this.saveLayout();
    this.offscreen = false;
    this.layoutButton.textContent = 'Run layout';
    this.renderNote();
    this.mounts++;
    this.sigma?.kill();
    this.sigma = null;
    this.dropSpare();
  }

  get layoutRunning(): boolean {
    return this.layout?.running ?? false;
  }

  toggleLayout(): void {
    if (!this.layout) return;
    if (this.layout.running) {
      this.layout.stop();
      return;
    }
    // Where each frame costs more than a page can spare (a big map, WebGL in software), the map
    // is taken down while the layout runs and drawn again when it stops; elsewhere it moves, at
    // a rate its frames allow.
    if (this.drawWhenSettled() || !this.sigma) {
      this.goOffscreen();
      this.layout.setFrameMillis(0);
    } else {
      this.offscreen = false;
      this.layout.setFrameMillis(frameMillisFor(this.renderMs, this.animateAnyway));
    }
    this.layout.start(this.xy);
    this.layoutButton.textContent = 'Stop layout';
    this.renderNote();
  }

  /** A frame drawn: its cost sets the rate of the next, or takes the map off-screen when too slow. */
  private onRendered(ms: number): void {
    this.renderMs = ms;
    // For scripts and tests: the main-thread time of the last frame.
    this.root.dataset.frameMs = ms.toFixed(1);
    if (!this.layoutRunning || this.offscreen) return;
    // Taken down after sigma's frame has finished, not inside it.
    if (!this.animateAnyway && ms > FRAME_BUDGET_MS) {
      void yieldToPage().then(() => {
        if (this.layoutRunning && !this.offscreen && !this.animateAnyway) this.goOffscreen();
      });
    } else this.layout?.setFrameMillis(frameMillisFor(ms, this.animateAnyway));
  }

  async exportPng(fileName: string): Promise<void> {
    if (!this.sigma) return;
    if (this.sigma instanceof CanvasRenderer) {
      const blob = await this.sigma.picture('#ffffff');
      if (blob) download(`${fileName}.png`, blob, 'image/png');
      return;
    }
    await downloadAsPNG(this.sigma as unknown as Sigma, { fileName, backgroundColor: '#ffffff', layers: ['edges', 'nodes', 'edgeLabels', 'labels'] });
  }

  private saveLayout(): void {
    this.layoutUnsaved = false;
    if (this.vm) this.savePositions(this.vm, this.xy);
  }

  /**
   * Hands the positions to the project, built in slices on a big map (50,000 entries took a task
   * of their own), with their packed form noted for the save, and handed over in a task of their
   * own: the project's update redraws what shows it.
   */
  private savePositions(vm: ViewModel, xy: Float64Array): void {
    const round = (v: number) => Math.round(v * 100) / 100;
    const n = vm.ids.length;
    const positions: Positions = {};
    const packed = new Float64Array(2 * n);
    const slice = 10_000;
    const build = async (): Promise<void> => {
      for (let from = 0; from < n; from += slice) {
        for (let i = from; i < Math.min(n, from + slice); i++) {
          const x = round(xy[2 * i]!);
          const y = round(xy[2 * i + 1]!);
          packed[2 * i] = x;
          packed[2 * i + 1] = y;
          setPosition(positions, vm.ids[i]!, [x, y]);
        }
        if (n > slice) await yieldToPage();
      }
      rememberPackedLayout(positions, { format: 'netweave-packed-layout', ids: vm.ids, xy: packed });
      this.onLayoutSaved(positions, vm.project.id);
    };
    void build();
  }

  private recomputeEncodings(state: AppState): void {
    const vm = this.vm;
    if (!vm) return;
    this.colors = colorEncoding(vm, state.colorBy, this.groupSlots);
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
    this.neighbours = this.contactsOf(state.selected);
    this.highlighted = state.highlight ? new Set(state.highlight) : null;
    this.renderLegend();
    this.renderStatus();
  }

  /** The selected person's contacts (ids), from the payload's ties. */
  private contactsOf(selected: string | null): Set<string> {
    const vm = this.vm;
    const i = selected === null ? undefined : vm?.indexOf.get(selected);
    if (!vm || !this.ties || i === undefined) return new Set();
    const ids = vm.ids;
    return new Set([...contactsOf(this.ties, i, vm.analysis.edgeSource, vm.analysis.edgeTarget)].map((j) => ids[j]!));
  }

  /** The legend: its title folds it away and back; it keeps to its corner (map.css). */
  private renderLegend(): void {
    const enc = this.colors;
    if (!enc) return;
    replace(this.legendTitle, `Colour: ${enc.title}`);
    replace(this.legendList, ...enc.legend.map((entry) => el('li', {}, el('span', { class: 'swatch', style: { background: entry.color } }), entry.label)));
    this.renderLegendOpen();
  }

  private renderLegendOpen(): void {
    this.legendTitle.setAttribute('aria-expanded', String(this.legendOpen));
    this.legendTitle.title = this.legendOpen ? 'Fold the legend away' : 'Show the legend';
    this.legendList.hidden = !this.legendOpen;
    this.legend.classList.toggle('folded', !this.legendOpen);
  }

  // ----- focus on one circle, highlights, keyboard --------------------------------------------

  /** Shows only the selected person and their contacts (on), or everyone again (off). */
  setFocus(on: boolean): void {
    const selected = this.store.get().selected;
    if (on && (selected === null || !this.sigma)) return;
    if (on === this.focusMode) return;
    this.focusMode = on;
    const camera = this.sigma?.getCamera();
    if (on && camera) this.cameraBeforeFocus = camera.getState();
    this.renderStatus();
    this.sigma?.refresh({ skipIndexation: true });
    if (on) {
      this.fitCircle();
    } else if (camera && this.cameraBeforeFocus) {
      void camera.animate(this.cameraBeforeFocus, { duration: 300 });
      this.cameraBeforeFocus = null;
    }
  }

  /** The camera takes in the selected person's circle (after a refresh: display data are fresh). */
  private fitCircle(): void {
    const sigma = this.sigma;
    const selected = this.store.get().selected;
    if (!sigma || selected === null) return;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const id of [selected, ...this.neighbours]) {
      const data = sigma.getNodeDisplayData(id);
      if (!data || data.hidden) continue;
      minX = Math.min(minX, data.x);
      maxX = Math.max(maxX, data.x);
      minY = Math.min(minY, data.y);
      maxY = Math.max(maxY, data.y);
    }
    if (!Number.isFinite(minX)) return;
    const ratio = Math.min(1.2, Math.max(0.08, Math.max(maxX - minX, maxY - minY) * 1.35));
    void sigma.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 400 });
  }

  /** What the map shows besides everyone (a circle, highlighted people), with the way back. */
  private renderStatus(): void {
    const vm = this.vm;
    const state = this.store.get();
    this.focusButton.disabled = state.selected === null;
    this.focusButton.setAttribute('aria-pressed', String(this.focusMode));
    this.focusButton.classList.toggle('on', this.focusMode);
    this.root.dataset.focus = this.focusMode ? 'on' : 'off';
    if (vm && this.focusMode && state.selected !== null) {
      const people = this.neighbours.size + 1;
      replace(
        this.statusBar,
        el('span', {}, `${labelOf(vm, state.selected)}'s circle: ${people.toLocaleString('en')} ${people === 1 ? 'person' : 'people'}`),
        el('button', { class: 'small', on: { click: () => this.setFocus(false) } }, 'Show everyone'),
      );
      this.statusBar.hidden = false;
    } else if (vm && state.highlight !== null) {
      const n = state.highlight.length;
      replace(
        this.statusBar,
        el('span', {}, n === 0 ? 'No one highlighted' : `${n.toLocaleString('en')} ${n === 1 ? 'person' : 'people'} highlighted`),
        el('button', { class: 'small', on: { click: () => this.store.set({ highlight: null }) } }, 'Clear'),
      );
      this.statusBar.hidden = false;
    } else {
      replace(this.statusBar);
      this.statusBar.hidden = true;
    }
  }

  private zoom(closer: boolean): void {
    const camera = this.sigma?.getCamera();
    if (camera) void camera.animate({ ratio: camera.getState().ratio * (closer ? 1 / ZOOM_STEP : ZOOM_STEP) }, { duration: 200 });
  }

  /**
   * The people the arrow keys step through: the focused circle (the selected person first, then
   * their contacts by name), else the highlighted people (a search, a list panel), else the
   * people table's order (or the analysis order); only people the filters show.
   */
  private keyboardList(): string[] {
    const vm = this.vm;
    if (!vm) return [];
    const state = this.store.get();
    const shown = (id: string): boolean => {
      const i = vm.indexOf.get(id);
      return i !== undefined && this.visible[i] === 1;
    };
    if (this.focusMode && state.selected !== null) {
      const circle = [...this.neighbours].filter(shown).sort((a, b) => labelOf(vm, a).localeCompare(labelOf(vm, b)));
      return [state.selected, ...circle];
    }
    if (state.highlight !== null && state.highlight.length > 0) return state.highlight.filter(shown);
    return (this.peopleOrder?.() ?? vm.ids).filter(shown);
  }

  private onKey(event: KeyboardEvent): void {
    const action = mapKeyAction(event.key);
    if (!action || event.altKey || event.ctrlKey || event.metaKey || !this.vm) return;
    const state = this.store.get();
    switch (action.kind) {
      case 'step':
      case 'first':
      case 'last': {
        const list = this.keyboardList();
        const next =
          action.kind === 'first' ? (list[0] ?? null)
          : action.kind === 'last' ? (list[list.length - 1] ?? null)
          : stepInList(list, this.cursor ?? state.selected, action.by);
        if (next !== null) this.moveCursor(next, list);
        break;
      }
      case 'select':
        if (this.cursor === null) return;
        this.store.set({ selected: this.cursor });
        break;
      case 'zoom':
        this.zoom(action.in);
        break;
      case 'fit':
        void this.sigma?.getCamera().animatedReset();
        break;
      case 'focus':
        this.setFocus(!this.focusMode);
        break;
      case 'escape':
        // One step back at a time: the focus, then the selection, then the highlight. The
        // shell's own Escape (clearing the selection) need not hear it again.
        if (this.focusMode) this.setFocus(false);
        else if (state.selected !== null) this.store.set({ selected: null });
        else if (state.highlight !== null) this.store.set({ highlight: null });
        else return;
        event.stopPropagation();
        break;
    }
    event.preventDefault();
  }

  /** The keyboard's person: shown as hovered, brought into view, read out. */
  private moveCursor(id: string, list: readonly string[]): void {
    const vm = this.vm!;
    this.cursor = id;
    this.store.set({ hovered: id });
    const i = vm.indexOf.get(id)!;
    const degree = vm.analysis.table.columns.degree[i]!;
    this.live.textContent = `${labelOf(vm, id)}, ${list.indexOf(id) + 1} of ${list.length}: ${degree} ${degree === 1 ? 'connection' : 'connections'}, ${this.groupNameOf(i)}. Enter selects.`;
    const sigma = this.sigma;
    const data = sigma?.getNodeDisplayData(id);
    if (!sigma || !data) return;
    const point = sigma.framedGraphToViewport(data);
    const { width, height } = sigma.getDimensions();
    const margin = 40;
    if (point.x < margin || point.x > width - margin || point.y < margin || point.y > height - margin) {
      void sigma.getCamera().animate({ x: data.x, y: data.y }, { duration: 250 }).then(() => {
        if (this.store.get().hovered === id) this.renderTooltip(id);
      });
    }
  }

  private groupNameOf(index: number): string {
    const vm = this.vm!;
    const group = vm.analysis.table.columns.community[index]!;
    return vm.analysis.communities[group - 1]?.name ?? `Group ${group}`;
  }

  private onState(state: AppState, previous: AppState): void {
    if (!this.sigma || !this.vm) return;
    const selectionChanged = state.selected !== previous.selected;
    // The focus is on the selected person's circle: it ends with the selection, and moves with it.
    if (selectionChanged && state.selected === null && this.focusMode) {
      this.focusMode = false;
      if (this.cameraBeforeFocus) void this.sigma.getCamera().animate(this.cameraBeforeFocus, { duration: 300 });
      this.cameraBeforeFocus = null;
    }
    if (state.hovered !== null) this.cursor = state.hovered;
    const encodingsChanged =
      state.colorBy !== previous.colorBy ||
      state.sizeBy !== previous.sizeBy ||
      state.filters !== previous.filters ||
      selectionChanged ||
      state.highlight !== previous.highlight;
    if (encodingsChanged) this.recomputeEncodings(state);
    if (selectionChanged && !this.showTies) this.showTiesOf(state.selected);
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
    if (selectionChanged && state.selected && this.graph?.hasNode(state.selected)) {
      if (this.focusMode) {
        this.fitCircle();
      } else {
        const pos = this.sigma.getNodeDisplayData(state.selected);
        if (pos) void this.sigma.getCamera().animate({ x: pos.x, y: pos.y }, { duration: 300 });
      }
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
    const degree = this.vm.analysis.table.columns.degree[i]!;
    replace(this.tooltip, el('strong', {}, labelOf(this.vm, id)), el('div', {}, `${degree} ${degree === 1 ? 'connection' : 'connections'} · ${this.groupNameOf(i)}`));
    // Inside the map: to the left of the person near the right edge, above them near the bottom.
    const { width, height } = this.sigma.getDimensions();
    this.tooltip.style.left = `${point.x + 12}px`;
    this.tooltip.style.top = `${point.y + 12}px`;
    this.tooltip.hidden = false;
    const box = { width: this.tooltip.offsetWidth, height: this.tooltip.offsetHeight };
    if (point.x + 12 + box.width > width) this.tooltip.style.left = `${Math.max(0, point.x - 12 - box.width)}px`;
    if (point.y + 12 + box.height > height) this.tooltip.style.top = `${Math.max(0, point.y - 12 - box.height)}px`;
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
      const inCircle = this.neighbours.has(node);
      // Focused on the circle: everyone else is hidden.
      if (this.focusMode && !inCircle) {
        data.hidden = true;
        return data;
      }
      if (state.hovered === node) return Object.assign(data, { highlighted: true, zIndex: 2 });
      if (inCircle) return Object.assign(data, { forceLabel: this.focusMode || vm.ids.length < 3000, zIndex: 1 });
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
      // Focused: the ties among the circle's people show, the rest are hidden with their people.
      if (this.focusMode) return this.neighbours.has(s) && this.neighbours.has(t) ? Object.assign(data, { color: '#c3c8d0' }) : Object.assign(data, { hidden: true });
      return Object.assign(data, { color: '#f0f1f3' });
    }
    return data;
  }
}
