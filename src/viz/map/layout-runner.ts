/**
 * ForceAtlas2 (Jacomy et al. 2014) in the map's own worker (src/workers/layout-api.ts): typed
 * arrays fed from the analysis payload's ties, Barnes-Hut above 500 people. It stops by itself
 * once people barely move (checked every 600 ms), or after a time limit (20 s); meanwhile it
 * sends the page snapshots of the positions only as often as the page asks (none while the map
 * is laid out off-screen). The ties go to the worker once, in parts, for every run on this map.
 */
import * as Comlink from 'comlink';
import type { LayoutApi, LayoutOutcome, LayoutStop, LayoutTies } from '../../workers/layout-api.ts';
import { sendInParts } from '../../workers/parts-transfer.ts';

/** Work (array items, see record-parts.ts) per message of the ties handed to the worker: a megabyte. */
const TIES_PART_WEIGHT = 20_000;

export interface LayoutRunnerOptions {
  /** Give up after this long even if people still drift. Default 20 s. */
  maxMillis?: number;
  /** Snapshots of the positions while it runs (by analysis index); the next waits for this one. */
  onFrame?: (xy: Float32Array) => void;
  /** Time between snapshots; 0 (the default) sends none. */
  frameMillis?: number;
  /** The run ended: why, and where everyone is. Not called after kill(). */
  onStop?: (reason: LayoutStop, xy: Float64Array) => void;
}

export class LayoutRunner {
  private worker: Worker | null = null;
  private api: Comlink.Remote<LayoutApi> | null = null;
  private run: Promise<LayoutOutcome | null> | null = null;
  /** The ties handed to the worker, once for every run. */
  private tiesSent: Promise<void> | null = null;
  /** Whether the run in progress was asked to stop (it may still be waiting for the ties). */
  private stopAsked = { value: false };
  private frameMillis: number;

  constructor(private ties: LayoutTies, private options: LayoutRunnerOptions = {}) {
    this.frameMillis = options.frameMillis ?? 0;
  }

  get running(): boolean {
    return this.run !== null;
  }

  /** Lays out from `xy` (copied). */
  start(xy: Float64Array): void {
    if (this.running || this.ties.n === 0) return;
    if (this.api === null) {
      this.worker = new Worker(new URL('../../workers/layout.worker.ts', import.meta.url), { type: 'module', name: 'netweave-layout' });
      this.api = Comlink.wrap<LayoutApi>(this.worker);
    }
    const api = this.api;
    // In parts, with the page free between two: in one message a million ties were a long task.
    this.tiesSent ??= sendInParts(this.ties, TIES_PART_WEIGHT, (batch, first) => api.stageTies(batch.parts, first)).then(() => api.useStagedTies());
    const start = xy.slice();
    const onFrame = (snapshot: Float32Array): void => this.options.onFrame?.(snapshot);
    const stopAsked = { value: false };
    this.stopAsked = stopAsked;
    const from = xy.slice();
    const run = this.tiesSent
      .then(() =>
        stopAsked.value
          ? { reason: 'user' as const, xy: from, iterations: 0, millis: 0 }
          : api.run(Comlink.transfer(start, [start.buffer]), { maxMillis: this.options.maxMillis ?? 20_000, frameMillis: this.frameMillis }, Comlink.proxy(onFrame)),
      )
      // A run that fails (the worker out of memory, say) ends as if time ran out, from where it
      // started: the map is drawn all the same, never left waiting for a layout that will not come.
      .catch((): LayoutOutcome => {
        this.tiesSent = null;
        return { reason: 'time', xy: from, iterations: 0, millis: 0 };
      });
    this.run = run;
    void run.then((outcome) => {
      if (this.run !== run) return;
      this.run = null;
      if (outcome) this.options.onStop?.(outcome.reason, outcome.xy);
    });
  }

  /** Asks the run to stop; onStop follows with the positions reached. */
  stop(): void {
    if (!this.running) return;
    this.stopAsked.value = true;
    void this.api?.stop();
  }

  /** How often snapshots come while it runs (0: none). */
  setFrameMillis(ms: number): void {
    this.frameMillis = ms;
    if (this.running) void this.api?.setFrameMillis(ms);
  }

  /**
   * Stops the run and hands its positions to `keep` instead of onStop (the map is going away but
   * what was reached is worth saving), then ends the worker.
   */
  stopAndKeep(keep: (xy: Float64Array) => void): void {
    const run = this.run;
    this.run = null;
    if (!run) {
      this.kill();
      return;
    }
    this.stopAsked.value = true;
    void this.api?.stop();
    void run.then((outcome) => {
      if (outcome) keep(outcome.xy);
      this.kill();
    });
  }

  /** Ends the worker at once; no onStop. */
  kill(): void {
    this.run = null;
    this.tiesSent = null;
    this.api?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
