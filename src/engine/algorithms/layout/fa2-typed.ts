/**
 * ForceAtlas2 (Jacomy et al. 2014) on typed arrays: the forces, settings and per-person speed
 * adaptation of graphology-layout-forceatlas2 0.10 (the app's map layout) with linLog,
 * outbound attraction distribution and adjustSizes off, so the pictures look the same, but with
 * positions, ties and the Barnes-Hut quadtree in flat arrays allocated once, so an iteration
 * allocates nothing and runs several times faster on big networks.
 *
 * Deterministic: the same ties, starting positions and settings give the same positions, bit for
 * bit, on every run (nothing here draws random numbers; `randomStart` seeds the start).
 */
import { BarnesHutRepulsion, exactRepulsion } from './fa2-repulsion.ts';
import type { LayoutCsr } from './layout-csr.ts';

export interface Fa2Settings {
  /** Repulsion strength k_r. */
  scalingRatio: number;
  gravity: number;
  /** Gravity not weakened by distance (graphology's strongGravityMode). */
  strongGravityMode: boolean;
  /** Divides every move; larger is slower and steadier. */
  slowDown: number;
  /** A tie of weight w pulls with w^edgeWeightInfluence. */
  edgeWeightInfluence: number;
  /** Barnes-Hut repulsion; off is exact (every pair, quadratic). */
  barnesHutOptimize: boolean;
  barnesHutTheta: number;
}

/** graphology-layout-forceatlas2's defaults. */
export const FA2_DEFAULTS: Fa2Settings = {
  scalingRatio: 1,
  gravity: 1,
  strongGravityMode: false,
  slowDown: 1,
  edgeWeightInfluence: 1,
  barnesHutOptimize: false,
  barnesHutTheta: 0.5,
};

/** graphology's `inferSettings(order)`: what it suggests for a network of n people. */
export function inferFa2Settings(n: number): Fa2Settings {
  return {
    ...FA2_DEFAULTS,
    barnesHutOptimize: n > 2000,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 10,
    slowDown: 1 + Math.log(n),
  };
}

/**
 * A ForceAtlas2 run over one network. Positions live in `xy` ([x0, y0, x1, y1, ...], the array
 * given, moved in place); `force` holds the last iteration's forces in the same layout.
 */
export class Fa2Layout {
  readonly n: number;
  readonly xy: Float64Array;
  readonly force: Float64Array;
  private readonly previous: Float64Array;
  /** 1 + weighted degree, as graphology's mass. */
  private readonly mass: Float64Array;
  private readonly convergence: Float64Array;
  /** Pull of each row entry, weight^edgeWeightInfluence; null when every tie pulls 1. */
  private readonly pull: Float64Array | null;
  private readonly repulsion: BarnesHutRepulsion | null;

  constructor(
    private readonly ties: LayoutCsr,
    xy: Float64Array,
    readonly settings: Fa2Settings,
  ) {
    const n = ties.n;
    if (xy.length !== 2 * n) throw new Error(`Fa2Layout: ${xy.length} coordinates for ${n} people (expected ${2 * n}).`);
    this.n = n;
    this.xy = xy;
    this.force = new Float64Array(2 * n);
    this.previous = new Float64Array(2 * n);
    this.mass = new Float64Array(n);
    this.convergence = new Float64Array(n).fill(1);
    const { offsets, weights } = ties;
    for (let i = 0; i < n; i++) {
      let degree = 0;
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) degree += weights ? weights[k]! : 1;
      this.mass[i] = 1 + degree;
    }
    this.pull = weights ? weights.map((w) => Math.pow(w, settings.edgeWeightInfluence)) : null;
    this.repulsion = settings.barnesHutOptimize ? new BarnesHutRepulsion(n) : null;
  }

  /** Runs `iterations` iterations (default 1). */
  step(iterations = 1): void {
    for (let t = 0; t < iterations; t++) this.iterate();
  }

  private iterate(): void {
    const { n, xy, force, previous, mass, convergence, pull, settings } = this;
    const { offsets, neighbours } = this.ties;
    previous.set(force);
    force.fill(0);

    if (this.repulsion) this.repulsion.apply(xy, mass, settings.scalingRatio, settings.barnesHutTheta, force);
    else exactRepulsion(xy, mass, settings.scalingRatio, force);

    // Gravity towards the origin; graphology's k_g = gravity / scalingRatio times scalingRatio.
    const g = (settings.gravity / settings.scalingRatio) * settings.scalingRatio;
    for (let i = 0; i < n; i++) {
      const x = xy[2 * i]!;
      const y = xy[2 * i + 1]!;
      const d = Math.sqrt(x * x + y * y);
      if (d > 0) {
        const f = settings.strongGravityMode ? mass[i]! * g : (mass[i]! * g) / d;
        force[2 * i]! -= x * f;
        force[2 * i + 1]! -= y * f;
      }
    }

    // Linear attraction along each tie; a row holds the tie from both ends, so each end pulls itself.
    for (let i = 0; i < n; i++) {
      const x = xy[2 * i]!;
      const y = xy[2 * i + 1]!;
      let fx = 0;
      let fy = 0;
      const a = offsets[i]!;
      const b = offsets[i + 1]!;
      if (pull) {
        for (let k = a; k < b; k++) {
          const j = neighbours[k]!;
          fx += (x - xy[2 * j]!) * pull[k]!;
          fy += (y - xy[2 * j + 1]!) * pull[k]!;
        }
      } else {
        for (let k = a; k < b; k++) {
          const j = neighbours[k]!;
          fx += x - xy[2 * j]!;
          fy += y - xy[2 * j + 1]!;
        }
      }
      force[2 * i]! -= fx;
      force[2 * i + 1]! -= fy;
    }

    // graphology's per-person speed: fast while the force keeps its direction (traction), slow
    // while it flips (swinging), and never faster than the person's convergence allows.
    const slowDown = settings.slowDown;
    for (let i = 0; i < n; i++) {
      const dx = force[2 * i]!;
      const dy = force[2 * i + 1]!;
      const ox = previous[2 * i]!;
      const oy = previous[2 * i + 1]!;
      const swinging = mass[i]! * Math.sqrt((ox - dx) * (ox - dx) + (oy - dy) * (oy - dy));
      const traction = Math.sqrt((ox + dx) * (ox + dx) + (oy + dy) * (oy + dy)) / 2;
      const damp = 1 + Math.sqrt(swinging);
      const speed = (convergence[i]! * Math.log(1 + traction)) / damp;
      convergence[i] = Math.min(1, Math.sqrt((speed * (dx * dx + dy * dy)) / damp));
      xy[2 * i]! += dx * (speed / slowDown);
      xy[2 * i + 1]! += dy * (speed / slowDown);
    }
  }
}
