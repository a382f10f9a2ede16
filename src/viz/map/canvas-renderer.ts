/**
 * The people map where WebGL runs in software (no GPU: virtual desktops, locked-down laptops,
 * headless browsers). There every WebGL frame holds the page: the browser reads each of sigma's
 * canvases back from the software rasteriser on the main thread, 0.1-1.5 s a frame at 10,000
 * people. This renderer keeps what the page must do small: it applies the map view's reducers
 * to the graph in slices of a few milliseconds, finds who is under the pointer, and moves
 * sigma's own Camera; a worker (map-draw.worker.ts) draws ties, people and names on
 * a canvas handed over to it, and the browser shows that canvas without the page's help.
 *
 * It offers the part of sigma's interface the map view uses (camera, events, refresh, display
 * data, settings), so the view's reducers, focus, keyboard and tooltip work on both.
 */
import { Camera } from 'sigma';
import type { CameraState } from 'sigma/types';
import type { MapRenderer } from './map-renderer.ts';
import type { Attributes } from 'graphology-types';
import type { MapEdge, MapGraph, MapNode } from './map-graph.ts';
import { Slicer } from '../state/slicer.ts';
import {
  NODE_FORCE_LABEL,
  NODE_HIDDEN,
  NODE_HIGHLIGHTED,
  NODE_NO_LABEL,
  frame,
  framedToViewport,
  framingOf,
  pixelsPerUnit,
  scaledSize,
  screenTransform,
  viewportToFramed,
  type FromDrawWorker,
  type Framing,
  type LabelStyle,
  type SceneStyle,
  type SceneView,
  type ToDrawWorker,
} from './canvas-scene.ts';
import { yieldToPage } from '../../workers/yield-to-page.ts';
import { clampZ, colorIndex, drawingOrder, emptyDrawn, sized, type Drawn } from './canvas-drawn.ts';

type Reducer = (key: string, data: Attributes) => Attributes;

export interface CanvasRendererSettings extends LabelStyle {
  nodeReducer: Reducer | null;
  edgeReducer: Reducer | null;
  hideEdgesOnMove: boolean;
  /** Names keep clear of each other. */
  avoidLabelOverlaps: boolean;
}

const DEFAULTS: CanvasRendererSettings = {
  nodeReducer: null,
  edgeReducer: null,
  labelSize: 14,
  labelFont: 'Arial',
  labelWeight: 'normal',
  labelColor: { color: '#000' },
  labelDensity: 1,
  labelGridCellSize: 100,
  labelRenderedSizeThreshold: 6,
  hideEdgesOnMove: false,
  avoidLabelOverlaps: true,
};

/** Zoom limits (1: the whole network). */
const MIN_RATIO = 0.01;
const MAX_RATIO = 20;
/** A press that moves less than this (CSS pixels) is a click, not a drag. */
const CLICK_SLOP = 4;
/** The pointer finds a person within this many pixels of their edge (small dots need it). */
const HIT_SLOP = 3;

export interface NodeDisplayData {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string | null;
  hidden: boolean;
  highlighted: boolean;
  forceLabel: boolean;
  zIndex: number;
}

type Listener = (payload: { node: string; event?: unknown }) => void;

export class CanvasRenderer implements MapRenderer {
  private readonly camera = new Camera();
  private readonly canvas: HTMLCanvasElement;
  private readonly worker: Worker;
  private settings: CanvasRendererSettings;
  private listeners = new Map<string, Set<Listener>>();
  private graph: MapGraph;
  private graphListeners: Array<[string, () => void]> = [];
  private killed = false;

  /** What the last pass produced and the worker draws: hit testing and display data read it. */
  private drawn: Drawn = emptyDrawn();
  /** Whether the worker has the current names (sent once per change of who is drawn). */
  private labelsSent = false;
  /** Who is drawn changed: the next full pass indexes people and ties again. */
  private structureDirty = true;

  private dims = { width: 0, height: 0 };
  private frameId = 0;
  private renderQueued = false;
  private processing: Promise<void> | null = null;
  /** A full pass is due (every change of who is drawn makes one due too). */
  private again = true;
  private partial = new Set<string>();
  /** Main-thread milliseconds of the last processing (reducers, arrays), not the worker's drawing. */
  mainThreadMs = 0;
  /** The frame of the last scene handed over: 'afterRender' waits for it. */
  private sceneFrame = 0;

  private pointer: { id: number; x: number; y: number; camera: CameraState; moved: boolean } | null = null;
  private pinch: { distance: number; ratio: number } | null = null;
  private touches = new Map<number, { x: number; y: number }>();
  private wheelUntil = 0;
  private hovered: string | null = null;
  private viewQueued = false;
  private restTimer: ReturnType<typeof setTimeout> | null = null;
  private pictures = new Map<number, (blob: Blob | null) => void>();
  private pictureId = 0;

  constructor(graph: MapGraph, private container: HTMLElement, settings: Partial<CanvasRendererSettings> = {}) {
    this.settings = { ...DEFAULTS, ...settings };
    this.graph = graph;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map-drawn';
    this.canvas.setAttribute('aria-hidden', 'true');
    container.append(this.canvas);
    const offscreen = this.canvas.transferControlToOffscreen();
    this.worker = new Worker(new URL('./map-draw.worker.ts', import.meta.url), { type: 'module', name: 'netweave-map-draw' });
    this.worker.onmessage = (event: MessageEvent<FromDrawWorker>) => this.onWorker(event.data);
    this.worker.onerror = (event) => console.error(`netweave: the map's drawing worker failed: ${event.message}`);
    this.post({ kind: 'canvas', canvas: offscreen }, [offscreen]);
    this.attachGraph(graph);
    this.camera.on('updated', () => this.queueView());
    this.listen();
    this.scheduleRender();
  }

  /** Whether this browser can hand a canvas to a worker. */
  static supported(): boolean {
    return typeof HTMLCanvasElement !== 'undefined' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype && typeof Worker !== 'undefined';
  }

  // ----- sigma's interface, the part the map view uses -------------------------------------------

  getCamera(): Camera {
    return this.camera;
  }

  getGraph(): MapGraph {
    return this.graph;
  }

  setGraph(graph: MapGraph): void {
    this.detachGraph();
    this.graph = graph;
    this.attachGraph(graph);
    this.structureDirty = true;
    this.again = true;
    this.scheduleRender();
  }

  getDimensions(): { width: number; height: number } {
    return { ...this.dims };
  }

  getCanvases(): Record<string, HTMLCanvasElement> {
    return {};
  }

  getSetting<K extends keyof CanvasRendererSettings>(key: K): CanvasRendererSettings[K] {
    return this.settings[key];
  }

  setSettings(settings: Partial<CanvasRendererSettings>): void {
    this.settings = { ...this.settings, ...settings };
    // Reducers and label rules may have changed: everyone again.
    this.again = true;
    this.scheduleRender();
  }

  scaleSize(size = 1): number {
    return scaledSize(size, this.camera.ratio);
  }

  framedGraphToViewport(point: { x: number; y: number }): { x: number; y: number } {
    return framedToViewport(point.x, point.y, this.dims, this.camera);
  }

  viewportToFramedGraph(point: { x: number; y: number }): { x: number; y: number } {
    return viewportToFramed(point.x, point.y, this.dims, this.camera);
  }

  /** The person as drawn now: reducers applied, coordinates framed (as sigma's display data). */
  getNodeDisplayData(id: string): NodeDisplayData | undefined {
    return this.graph.hasNode(id) ? this.displayOf(id, this.graph.getNodeAttributes(id), this.drawn.framing) : undefined;
  }

  /** A person's reducers applied and position framed: what a pass stores, and display data. */
  private displayOf(id: string, attributes: MapNode, framing: Framing): NodeDisplayData {
    const data = this.reduceNode(id, attributes);
    return {
      x: frame(attributes.x, framing.cx, framing),
      y: frame(attributes.y, framing.cy, framing),
      size: Number(data.size ?? 1),
      color: String(data.color ?? '#999'),
      label: (data.label as string | null | undefined) ?? null,
      hidden: data.hidden === true,
      highlighted: data.highlighted === true,
      forceLabel: data.forceLabel === true,
      zIndex: clampZ(data.zIndex),
    };
  }

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (payload) => {
      this.off(event, wrapped);
      listener(payload);
    };
    return this.on(event, wrapped);
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  private emit(event: string, payload: { node: string; event?: unknown } = { node: '' }): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(payload);
  }

  /** Everything again (or, with `partialGraph`, only those people) on the next frame. */
  refresh(options: { partialGraph?: { nodes?: string[] }; skipIndexation?: boolean } = {}): this {
    const nodes = options.partialGraph?.nodes;
    if (nodes && !this.again) {
      for (const id of nodes) this.partial.add(id);
    } else {
      this.partial.clear();
      this.again = true;
    }
    this.scheduleRender();
    return this;
  }

  scheduleRender(): this {
    if (this.renderQueued || this.killed) return this;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      void this.render();
    });
    return this;
  }

  kill(): void {
    this.killed = true;
    if (this.restTimer !== null) clearTimeout(this.restTimer);
    this.detachGraph();
    this.camera.removeAllListeners();
    this.listeners.clear();
    this.worker.terminate();
    this.canvas.remove();
    for (const resolve of this.pictures.values()) resolve(null);
    this.pictures.clear();
  }

  /** The map as drawn now on a background, as a PNG (drawn by the worker). */
  picture(background: string): Promise<Blob | null> {
    const id = ++this.pictureId;
    return new Promise((resolve) => {
      this.pictures.set(id, resolve);
      this.post({ kind: 'picture', id, background });
    });
  }

  // ----- processing ------------------------------------------------------------------------------

  private post(message: ToDrawWorker, transfer: Transferable[] = []): void {
    if (!this.killed) this.worker.postMessage(message, transfer);
  }

  private attachGraph(graph: MapGraph): void {
    const structure = (): void => {
      this.structureDirty = true;
      this.again = true;
      this.scheduleRender();
    };
    const attributes = (): void => {
      this.again = true;
      this.scheduleRender();
    };
    this.graphListeners = [
      ['nodeAdded', structure],
      ['nodeDropped', structure],
      ['edgeAdded', structure],
      ['edgeDropped', structure],
      ['cleared', structure],
      ['edgesCleared', structure],
      ['nodeAttributesUpdated', attributes],
      ['eachNodeAttributesUpdated', attributes],
      ['edgeAttributesUpdated', attributes],
      ['eachEdgeAttributesUpdated', attributes],
    ];
    for (const [event, listener] of this.graphListeners) graph.on(event as 'nodeAdded', listener);
  }

  private detachGraph(): void {
    for (const [event, listener] of this.graphListeners) this.graph.off(event as 'nodeAdded', listener);
    this.graphListeners = [];
  }

  private reduceNode(id: string, attributes: MapNode): Attributes {
    const data: Attributes = { ...attributes };
    return this.settings.nodeReducer ? this.settings.nodeReducer(id, data) : data;
  }

  private reduceEdge(id: string, attributes: MapEdge): Attributes {
    const data: Attributes = { ...attributes };
    return this.settings.edgeReducer ? this.settings.edgeReducer(id, data) : data;
  }

  private measure(): void {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    this.dims = { width, height };
  }

  private async render(): Promise<void> {
    // A pass under way: the next follows it (see the end).
    if (this.killed || this.processing) return;
    this.measure();
    if (!this.again && this.partial.size === 0) {
      this.queueView();
      return;
    }
    this.processing = this.process().catch((error: unknown) => {
      // A reducer that failed: said, and the last scene stays drawn until the next change.
      if (!this.killed) console.warn('netweave: a map frame failed', error);
    });
    await this.processing;
    this.processing = null;
    if (this.again || this.partial.size > 0) this.scheduleRender();
  }

  /**
   * Applies the reducers to everyone (or to the people of a partial refresh) in slices, then
   * hands the scene over. A full pass fills a new state and swaps it in at the end, so hit
   * testing never sees half a pass; a pass whose graph was replaced meanwhile stops.
   */
  private async process(): Promise<void> {
    this.emit('beforeRender');
    const graph = this.graph;
    // Slices of a few milliseconds of the page's time; a pass stops when its graph is replaced.
    const slicer = new Slicer({
      between: async () => {
        await yieldToPage();
        return !this.killed && this.graph === graph;
      },
    });
    const restructure = this.structureDirty;
    const only = this.again ? null : [...this.partial];
    this.again = false;
    this.structureDirty = false;
    this.partial.clear();
    let drawn = this.drawn;
    if (only) {
      for (const id of only) {
        const i = drawn.indexOf.get(id);
        if (i !== undefined && graph.hasNode(id)) this.processNode(drawn, i, graph.getNodeAttributes(id));
      }
      drawn.order = drawingOrder(drawn.zIndex);
    } else {
      if (restructure) {
        // Who is drawn and which ties: indexed in slices too (50,000 people on a big map).
        const ids = graph.nodes();
        const indexOf = new Map<string, number>();
        const labels = new Array<string>(ids.length);
        for (let i = 0; i < ids.length; i++) {
          if (slicer.due(i) && !(await slicer.pause())) return;
          const id = ids[i]!;
          indexOf.set(id, i);
          labels[i] = graph.hasNode(id) ? (graph.getNodeAttribute(id, 'label') ?? '') : '';
        }
        const keys = graph.edges();
        const source = new Uint32Array(keys.length);
        const target = new Uint32Array(keys.length);
        for (let e = 0; e < keys.length; e++) {
          if (slicer.due(e) && !(await slicer.pause())) return;
          if (!graph.hasEdge(keys[e]!)) continue;
          source[e] = indexOf.get(graph.source(keys[e]!)) ?? 0;
          target[e] = indexOf.get(graph.target(keys[e]!)) ?? 0;
        }
        drawn = sized(ids, indexOf, labels, keys, source, target);
      } else {
        drawn = sized(drawn.ids, drawn.indexOf, drawn.labels, drawn.tieKeys, drawn.tieSource, drawn.tieTarget);
      }
      const n = drawn.ids.length;
      // Positions framed from the raw layout coordinates each pass (the layout moves them).
      const xs = new Float64Array(n);
      const ys = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        if (slicer.due(i) && !(await slicer.pause())) return;
        if (!graph.hasNode(drawn.ids[i]!)) continue;
        const a = graph.getNodeAttributes(drawn.ids[i]!);
        xs[i] = a.x;
        ys[i] = a.y;
      }
      drawn.framing = framingOf(xs, ys, n);
      for (let i = 0; i < n; i++) {
        if (slicer.due(i) && !(await slicer.pause())) return;
        if (!graph.hasNode(drawn.ids[i]!)) {
          drawn.flags[i] = NODE_HIDDEN;
          continue;
        }
        this.processNode(drawn, i, graph.getNodeAttributes(drawn.ids[i]!));
      }
      for (let e = 0; e < drawn.tieKeys.length; e++) {
        if (slicer.due(e) && !(await slicer.pause())) return;
        const key = drawn.tieKeys[e]!;
        if (!graph.hasEdge(key)) continue;
        const data = this.reduceEdge(key, graph.getEdgeAttributes(key));
        drawn.tieSize[e] = data.hidden ? 0 : Number(data.size ?? 1);
        drawn.tieColor[e] = colorIndex(drawn, String(data.color ?? '#ccc'));
        drawn.tieZ[e] = clampZ(data.zIndex);
      }
      drawn.order = drawingOrder(drawn.zIndex);
      if (restructure) this.labelsSent = false;
      // Copying 50,000 names to the worker takes its own task.
      if (!this.labelsSent) {
        this.post({ kind: 'labels', labels: drawn.labels });
        this.labelsSent = true;
        if (!(await slicer.pause())) return;
      } else if (slicer.due() && !(await slicer.pause())) return;
      this.drawn = drawn;
    }
    this.mainThreadMs = slicer.busyMs();
    this.postScene(drawn);
  }

  private postScene(drawn: Drawn): void {
    const frameId = ++this.frameId;
    this.sceneFrame = frameId;
    const nodes = { x: drawn.x.slice(), y: drawn.y.slice(), size: drawn.size.slice(), color: drawn.color.slice(), flags: drawn.flags.slice(), order: drawn.order.slice() };
    const ties = { source: drawn.tieSource.slice(), target: drawn.tieTarget.slice(), color: drawn.tieColor.slice(), size: drawn.tieSize.slice(), zIndex: drawn.tieZ.slice() };
    const { nodeReducer: _n, edgeReducer: _e, avoidLabelOverlaps, ...labelStyle } = this.settings;
    const style: SceneStyle = { ...labelStyle, palette: [...drawn.palette], avoidOverlaps: avoidLabelOverlaps };
    const buffers = [...Object.values(nodes), ...Object.values(ties)].map((array) => array.buffer as ArrayBuffer);
    this.post({ kind: 'scene', frame: frameId, nodes, ties, style }, buffers);
    this.postView(frameId);
  }

  private processNode(drawn: Drawn, i: number, attributes: MapNode): void {
    const data = this.displayOf(drawn.ids[i]!, attributes, drawn.framing);
    drawn.x[i] = data.x;
    drawn.y[i] = data.y;
    drawn.size[i] = data.size;
    drawn.color[i] = colorIndex(drawn, data.color);
    let flags = 0;
    if (data.hidden) flags |= NODE_HIDDEN;
    if (data.highlighted) flags |= NODE_HIGHLIGHTED;
    if (data.forceLabel) flags |= NODE_FORCE_LABEL;
    if (!data.label) flags |= NODE_NO_LABEL;
    drawn.flags[i] = flags;
    drawn.zIndex[i] = data.zIndex;
  }

  // ----- the camera and the view -----------------------------------------------------------------

  private moving(): boolean {
    return this.pointer?.moved === true || this.pinch !== null || performance.now() < this.wheelUntil || this.camera.isAnimated();
  }

  private queueView(): void {
    if (this.viewQueued || this.killed) return;
    this.viewQueued = true;
    requestAnimationFrame(() => {
      this.viewQueued = false;
      this.measure();
      this.postView(++this.frameId);
    });
  }

  private postView(frameId: number): void {
    const view: SceneView = {
      width: this.dims.width,
      height: this.dims.height,
      pixelRatio: window.devicePixelRatio || 1,
      camera: { x: this.camera.x, y: this.camera.y, ratio: this.camera.ratio },
      moving: this.moving(),
    };
    this.post({ kind: 'view', frame: frameId, view });
    if (view.moving) this.redrawAtRest();
  }

  /** Drawn while moving (ties left out): drawn again once the camera rests. */
  private redrawAtRest(): void {
    if (this.restTimer !== null) return;
    this.restTimer = setTimeout(() => {
      this.restTimer = null;
      if (this.moving()) this.redrawAtRest();
      else this.queueView();
    }, 150);
  }

  private onWorker(message: FromDrawWorker): void {
    if (message.kind === 'picture') {
      this.pictures.get(message.id)?.(message.blob);
      this.pictures.delete(message.id);
      return;
    }
    // For scripts and tests: how many names the last frame drew, and how long the worker took.
    this.canvas.dataset.names = String(message.names);
    this.canvas.dataset.drawMs = message.millis.toFixed(1);
    // A frame of the latest scene, with no pass under way or due: sigma's 'afterRender' comes
    // after its graph is processed, and the map view waits on it to say the map is drawn.
    const settled = !this.processing && !this.again && this.partial.size === 0;
    if (message.frame >= this.sceneFrame && settled) this.emit('afterRender');
  }

  // ----- the pointer -----------------------------------------------------------------------------

  private local(event: { clientX: number; clientY: number }): { x: number; y: number } {
    const box = this.canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  /** The person drawn on top at this point of the view, if any. */
  nodeAt(x: number, y: number): string | null {
    const d = this.drawn;
    const { scale: s, ox, oy } = screenTransform(this.dims, this.camera);
    const grow = scaledSize(1, this.camera.ratio);
    for (let k = d.order.length - 1; k >= 0; k--) {
      const i = d.order[k]!;
      if (d.flags[i]! & NODE_HIDDEN) continue;
      const dx = ox + d.x[i]! * s - x;
      const dy = oy - d.y[i]! * s - y;
      const r = Math.max(1, d.size[i]! * grow) + HIT_SLOP;
      if (dx * dx + dy * dy <= r * r) return d.ids[i] ?? null;
    }
    return null;
  }

  private setHovered(id: string | null, event: unknown): void {
    if (id === this.hovered) return;
    const previous = this.hovered;
    this.hovered = id;
    this.canvas.style.cursor = id ? 'pointer' : '';
    if (previous !== null) this.emit('leaveNode', { node: previous, event });
    if (id !== null) this.emit('enterNode', { node: id, event });
  }

  private zoomAt(x: number, y: number, ratio: number): void {
    const next = Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio));
    const before = this.viewportToFramedGraph({ x, y });
    const s = pixelsPerUnit(this.dims, next);
    this.camera.setState({ ratio: next, x: before.x - (x - this.dims.width / 2) / s, y: before.y + (y - this.dims.height / 2) / s });
  }

  private listen(): void {
    const canvas = this.canvas;
    canvas.style.touchAction = 'none';
    canvas.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      const point = this.local(event);
      this.touches.set(event.pointerId, point);
      if (this.touches.size === 2) {
        const [a, b] = [...this.touches.values()];
        this.pinch = { distance: Math.hypot(a!.x - b!.x, a!.y - b!.y) || 1, ratio: this.camera.ratio };
        this.pointer = null;
        return;
      }
      canvas.setPointerCapture(event.pointerId);
      this.pointer = { id: event.pointerId, ...point, camera: this.camera.getState(), moved: false };
    });
    canvas.addEventListener('pointermove', (event) => {
      const point = this.local(event);
      if (this.touches.has(event.pointerId)) this.touches.set(event.pointerId, point);
      if (this.pinch && this.touches.size === 2) {
        const [a, b] = [...this.touches.values()];
        const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y) || 1;
        this.zoomAt((a!.x + b!.x) / 2, (a!.y + b!.y) / 2, (this.pinch.ratio * this.pinch.distance) / distance);
        return;
      }
      const pointer = this.pointer;
      if (pointer && pointer.id === event.pointerId) {
        const dx = point.x - pointer.x;
        const dy = point.y - pointer.y;
        if (!pointer.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
        pointer.moved = true;
        const s = pixelsPerUnit(this.dims, pointer.camera.ratio);
        this.camera.setState({ x: pointer.camera.x - dx / s, y: pointer.camera.y + dy / s });
        return;
      }
      this.setHovered(this.nodeAt(point.x, point.y), event);
    });
    const end = (event: PointerEvent, cancelled: boolean): void => {
      this.touches.delete(event.pointerId);
      if (this.pinch) {
        if (this.touches.size < 2) this.pinch = null;
        this.queueView();
        return;
      }
      const pointer = this.pointer;
      if (!pointer || pointer.id !== event.pointerId) return;
      this.pointer = null;
      if (pointer.moved) {
        this.queueView();
        return;
      }
      if (cancelled) return;
      const point = this.local(event);
      const node = this.nodeAt(point.x, point.y);
      if (node !== null) this.emit('clickNode', { node, event });
      else this.emit('clickStage', { node: '', event });
    };
    canvas.addEventListener('pointerup', (event) => end(event, false));
    canvas.addEventListener('pointercancel', (event) => end(event, true));
    canvas.addEventListener('pointerleave', (event) => {
      if (!this.pointer) this.setHovered(null, event);
    });
    // A double click zooms in there, as on sigma's map.
    canvas.addEventListener('dblclick', (event) => {
      event.preventDefault();
      const point = this.local(event);
      this.wheelUntil = performance.now() + 200;
      this.zoomAt(point.x, point.y, this.camera.ratio / 2);
    });
    canvas.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const point = this.local(event);
        const lines = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
        this.wheelUntil = performance.now() + 200;
        this.zoomAt(point.x, point.y, this.camera.ratio * Math.pow(1.0025, lines));
      },
      { passive: false },
    );
  }
}
