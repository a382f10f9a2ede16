/**
 * The map's layout worker: ForceAtlas2 on typed arrays (the engine's Fa2Layout, with the map's
 * settings) fed straight from the analysis payload's tie arrays, stepping until the picture
 * settles: mean displacement below 0.1% of the drawing's extent between two checks 600 ms apart,
 * or a time limit (20 s). Positions go back as transferred snapshots, only as often as the page
 * asks (none while it lays out off-screen) and never while the page still holds the last one.
 * The ties come once per map, in parts (a million ties in one message were a long task on the
 * page), and are kept for every run on it: a run is sent only the positions it starts from.
 */
import * as Comlink from 'comlink';
import { Fa2Layout, inferFa2Settings } from '../engine/algorithms/layout/fa2-typed.ts';
import { layoutCsr } from '../engine/algorithms/layout/layout-csr.ts';
import { yieldTurn } from '../engine/core/util/yield-turn.ts';
import { PartsInbox } from './parts-transfer.ts';
import type { RecordPart } from './record-parts.ts';

/** The people and ties laid out. */
export interface LayoutTies {
  n: number;
  /** Ties as indices into 0..n-1 (AnalysisResult.edgeSource / edgeTarget). */
  source: Int32Array;
  target: Int32Array;
}

export interface LayoutRules {
  /** Stop after this long even if people still drift. */
  maxMillis: number;
  /** Time between two settle checks. */
  checkMillis: number;
  /** Settled when the mean displacement since the last check is below this share of the extent. */
  settleRatio: number;
  /** Time between two snapshots sent to the page; 0 sends none. */
  frameMillis: number;
  /** Longest stretch of iterations before the worker reads its messages (a Stop, a new rate). */
  sliceMillis: number;
}

export const LAYOUT_RULES: LayoutRules = { maxMillis: 20_000, checkMillis: 600, settleRatio: 0.001, frameMillis: 0, sliceMillis: 30 };

export type LayoutStop = 'settled' | 'time' | 'user';

export interface LayoutOutcome {
  reason: LayoutStop;
  /** Final positions (the job's array, handed back). */
  xy: Float64Array;
  iterations: number;
  millis: number;
}

/** Receives a snapshot of the positions; the next one waits until its promise settles. */
export type FrameSink = (xy: Float32Array, iterations: number) => void | Promise<void>;

/** The map's settings: graphology's suggestion with stronger repulsion, Barnes-Hut above 500 people. */
export function mapFa2Settings(n: number): ReturnType<typeof inferFa2Settings> {
  const inferred = inferFa2Settings(n);
  // Stronger repulsion than inferSettings' default keeps groups readable apart.
  return { ...inferred, scalingRatio: inferred.scalingRatio * 4, barnesHutOptimize: n > 500 };
}

/** Mean displacement per person between two position arrays, over the larger side of `now`'s box. */
export function relativeDisplacement(previous: Float64Array, now: Float64Array): number {
  let moved = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < now.length; i += 2) {
    const x = now[i]!;
    const y = now[i + 1]!;
    moved += Math.abs(x - previous[i]!) + Math.abs(y - previous[i + 1]!);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const extent = Math.max(1, maxX - minX, maxY - minY);
  return moved / Math.max(1, now.length / 2) / extent;
}

interface Control {
  stopped: boolean;
  frameMillis: number;
}

let current: Control | null = null;
/** The ties laid out, with their adjacency once a run has built it. */
let laidOut: { ties: LayoutTies; csr: ReturnType<typeof layoutCsr> | null } | null = null;
/** Ties being handed over in parts (stageTies). */
const staging = new PartsInbox();

function isLayoutTies(value: unknown): value is LayoutTies {
  const t = value as Partial<LayoutTies> | null;
  return typeof t === 'object' && t !== null && Number.isInteger(t.n) && t.source instanceof Int32Array && t.target instanceof Int32Array && t.source.length === t.target.length;
}

export const layoutApi = {
  /** The ties every later run lays out. */
  setTies(ties: LayoutTies): void {
    laidOut = { ties, csr: null };
  },

  /** A message of the ties being handed over in parts (record-parts.ts); `first` starts them afresh. */
  stageTies(parts: RecordPart[], first: boolean): void {
    staging.add(parts, first);
  },

  /** The ties whose parts were staged become those laid out. */
  useStagedTies(): void {
    const ties = staging.take();
    if (!isLayoutTies(ties)) throw new Error('The ties handed over in parts are not whole.');
    layoutApi.setTies(ties);
  },

  /**
   * Lays out the ties set from `xy` ([x0, y0, x1, y1, ...], moved in place and handed back at the
   * end) until settled, out of time, or stopped; one run at a time (a new one stops the old).
   */
  async run(xy: Float64Array, rules: Partial<LayoutRules> = {}, onFrame?: FrameSink): Promise<LayoutOutcome> {
    if (laidOut === null) throw new Error('The layout worker has no ties to lay out.');
    const r = { ...LAYOUT_RULES, ...rules };
    if (current) current.stopped = true;
    const control: Control = { stopped: false, frameMillis: r.frameMillis };
    current = control;
    const { n, source, target } = laidOut.ties;
    const started = performance.now();
    laidOut.csr ??= layoutCsr(n, source, target);
    const layout = new Fa2Layout(laidOut.csr, xy, mapFa2Settings(n));
    const previous = xy.slice();
    let lastCheck = performance.now();
    let lastFrame = -Infinity;
    let lastYield = lastCheck;
    let waiting = false;
    let iterations = 0;
    let reason: LayoutStop = 'user';
    while (n > 0 && !control.stopped) {
      layout.step(1);
      iterations++;
      const now = performance.now();
      if (now - lastCheck >= r.checkMillis) {
        const moved = relativeDisplacement(previous, xy);
        previous.set(xy);
        lastCheck = now;
        if (moved < r.settleRatio) {
          reason = 'settled';
          break;
        }
      }
      if (now - started >= r.maxMillis) {
        reason = 'time';
        break;
      }
      if (onFrame && control.frameMillis > 0 && !waiting && now - lastFrame >= control.frameMillis) {
        waiting = true;
        lastFrame = now;
        const snapshot = Float32Array.from(xy);
        // A page that has gone away (or whose handler threw) only misses its frames.
        void Promise.resolve(onFrame(Comlink.transfer(snapshot, [snapshot.buffer]), iterations))
          .catch(() => undefined)
          .finally(() => {
            waiting = false;
          });
      }
      if (now - lastYield >= r.sliceMillis) {
        await yieldTurn();
        lastYield = performance.now();
      }
    }
    if (current === control) current = null;
    const outcome: LayoutOutcome = { reason, xy, iterations, millis: performance.now() - started };
    return Comlink.transfer(outcome, [xy.buffer]);
  },

  /** Stops the run in progress after its current iteration (it resolves with reason 'user'). */
  stop(): void {
    if (current) current.stopped = true;
  },

  /** Changes how often the run in progress sends snapshots (0: none). */
  setFrameMillis(ms: number): void {
    if (current) current.frameMillis = ms;
  },
};

export type LayoutApi = typeof layoutApi;
