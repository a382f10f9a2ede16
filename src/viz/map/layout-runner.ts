/**
 * ForceAtlas2 (Jacomy et al. 2014) in its own worker via graphology's supervisor, with
 * Barnes-Hut on large graphs. It stops by itself once nodes barely move, or after a time limit.
 */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { MapGraph } from './map-graph.ts';

export interface LayoutRunnerOptions {
  /** Give up after this long even if nodes still drift. Default 20 s. */
  maxMillis?: number;
  onStop?: (reason: 'settled' | 'time' | 'user') => void;
}

export class LayoutRunner {
  private layout: FA2Layout | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private started = 0;
  private updates = 0;
  private countUpdate = (): void => {
    this.updates++;
  };

  constructor(private graph: MapGraph, private options: LayoutRunnerOptions = {}) {}

  get running(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  start(): void {
    if (this.running || this.graph.order === 0) return;
    if (this.layout === null) {
      const settings = forceAtlas2.inferSettings(this.graph);
      this.layout = new FA2Layout(this.graph, {
        // Stronger repulsion than inferSettings' default keeps groups readable apart.
        settings: { ...settings, scalingRatio: (settings.scalingRatio ?? 1) * 4, barnesHutOptimize: this.graph.order > 500, adjustSizes: false },
        getEdgeWeight: null,
      });
    }
    this.layout.start();
    this.started = performance.now();
    let previous = this.snapshot();
    // On big graphs a tick can pass with no new positions from the worker: that is not "settled".
    this.updates = 0;
    this.graph.on('eachNodeAttributesUpdated', this.countUpdate);
    this.timer = setInterval(() => {
      const timeUp = performance.now() - this.started > (this.options.maxMillis ?? 20000);
      if (this.updates === 0 && !timeUp) return;
      this.updates = 0;
      const now = this.snapshot();
      // Mean displacement relative to the drawing's extent: below 0.1% the picture is settled.
      let moved = 0;
      for (let i = 0; i < now.length; i++) moved += Math.abs(now[i]! - previous[i]!);
      const extent = Math.max(1, spread(now));
      previous = now;
      const settled = moved / Math.max(1, now.length / 2) / extent < 0.001;
      if (settled) this.stop('settled');
      else if (timeUp) this.stop('time');
    }, 600);
  }

  stop(reason: 'settled' | 'time' | 'user' = 'user'): void {
    this.graph.off('eachNodeAttributesUpdated', this.countUpdate);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.layout?.isRunning()) {
      this.layout.stop();
      this.options.onStop?.(reason);
    }
  }

  kill(): void {
    this.stop();
    this.layout?.kill();
    this.layout = null;
  }

  private snapshot(): Float64Array {
    const out = new Float64Array(this.graph.order * 2);
    let i = 0;
    this.graph.forEachNode((_n, a) => {
      out[i++] = a.x;
      out[i++] = a.y;
    });
    return out;
  }
}

function spread(xy: Float64Array): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    minX = Math.min(minX, xy[i]!);
    maxX = Math.max(maxX, xy[i]!);
    minY = Math.min(minY, xy[i + 1]!);
    maxY = Math.max(maxY, xy[i + 1]!);
  }
  return Math.max(maxX - minX, maxY - minY);
}
