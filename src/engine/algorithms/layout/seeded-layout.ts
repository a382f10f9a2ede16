/**
 * A deterministic layout for drawing a network outside the app's map: ForceAtlas2 (Jacomy et al.
 * 2014, the same forces and settings as the app's map, on typed arrays: fa2-typed.ts) run
 * synchronously, in batches of iterations so that a caller sees progress and can cancel between
 * them. Starting positions come from a seeded generator, so one network and one seed always give
 * the same picture (a report made twice from the same files is the same file).
 */
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { DEFAULT_SEED } from '../../core/util/rng.ts';
import { Fa2Layout, inferFa2Settings } from './fa2-typed.ts';
import { layoutCsr } from './layout-csr.ts';
import { randomStart } from './random-start.ts';

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
  if (n === 0) return new Float64Array(0);
  const inferred = inferFa2Settings(n);
  const layout = new Fa2Layout(layoutCsr(n, graph.source, graph.target), randomStart(n, settings.seed), {
    ...inferred,
    // Stronger repulsion than inferSettings' default keeps groups readable apart (as on the map).
    scalingRatio: inferred.scalingRatio * 4,
    barnesHutOptimize: n > 500,
  });
  const total = Math.max(0, Math.round(settings.iterations ?? defaultIterations(n)));
  const batch = Math.max(1, Math.round(settings.batch));
  hooks?.onProgress?.('layout', 0);
  for (let done = 0; done < total; ) {
    checkCancelled(hooks);
    const step = Math.min(batch, total - done);
    layout.step(step);
    done += step;
    hooks?.onProgress?.('layout', done / total);
  }
  return layout.xy;
}
