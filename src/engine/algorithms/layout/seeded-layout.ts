/**
 * A deterministic layout for drawing a network outside the app's map: ForceAtlas2 (Jacomy et al.
 * 2014, the same settings as the app's map) run synchronously, in batches of iterations so that
 * a caller sees progress and can cancel between them. Starting positions come from a seeded
 * generator, so one network and one seed always give the same picture (a report made twice from
 * the same files is the same file).
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { createRng, DEFAULT_SEED } from '../../core/util/rng.ts';

export interface SeededLayoutOptions {
  /** Seed of the starting positions. Default DEFAULT_SEED. */
  seed: number;
  /** Iterations in all; default `defaultIterations(n)`. */
  iterations?: number;
  /** Iterations between two progress reports (and cancellation checks). Default 10. */
  batch: number;
}

export const SEEDED_LAYOUT_DEFAULTS: SeededLayoutOptions = { seed: DEFAULT_SEED, batch: 10 };

/** Enough iterations for a readable picture, fewer on big networks where each costs more. */
export function defaultIterations(n: number): number {
  if (n <= 500) return 300;
  if (n <= 5000) return 150;
  return 80;
}

/** Ties as pairs of indices into 0..n-1 (the analysis result's edgeSource and edgeTarget). */
export interface LayoutGraph {
  n: number;
  source: ArrayLike<number>;
  target: ArrayLike<number>;
}

/**
 * Positions as [x0, y0, x1, y1, ...] for people 0..n-1. Progress is reported as the step
 * "layout" with the fraction of iterations done; `hooks.isCancelled` stops it between batches.
 */
export function seededLayout(graph: LayoutGraph, options: Partial<SeededLayoutOptions> = {}, hooks?: RunHooks): Float64Array {
  const settings = { ...SEEDED_LAYOUT_DEFAULTS, ...options };
  const n = graph.n;
  const xy = new Float64Array(n * 2);
  if (n === 0) return xy;
  const random = createRng(settings.seed);
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  // Spread the start over a square that grows with the network, as the app's map does.
  const side = Math.sqrt(n) * 10;
  for (let i = 0; i < n; i++) g.addNode(String(i), { x: (random() - 0.5) * side, y: (random() - 0.5) * side });
  for (let e = 0; e < graph.source.length; e++) {
    const s = graph.source[e]!;
    const t = graph.target[e]!;
    if (s !== t) g.mergeEdge(String(s), String(t));
  }
  const inferred = forceAtlas2.inferSettings(g);
  const fa2 = {
    // Stronger repulsion than inferSettings' default keeps groups readable apart (as on the map).
    settings: { ...inferred, scalingRatio: (inferred.scalingRatio ?? 1) * 4, barnesHutOptimize: n > 500, adjustSizes: false },
    getEdgeWeight: null,
  };
  const total = Math.max(0, Math.round(settings.iterations ?? defaultIterations(n)));
  const batch = Math.max(1, Math.round(settings.batch));
  hooks?.onProgress?.('layout', 0);
  for (let done = 0; done < total; ) {
    checkCancelled(hooks);
    const step = Math.min(batch, total - done);
    forceAtlas2.assign(g, { ...fa2, iterations: step });
    done += step;
    hooks?.onProgress?.('layout', done / total);
  }
  for (let i = 0; i < n; i++) {
    const a = g.getNodeAttributes(String(i));
    xy[2 * i] = a['x'] as number;
    xy[2 * i + 1] = a['y'] as number;
  }
  return xy;
}
