/**
 * The largest eigenvalue and its eigenvector of a symmetric matrix given only as a product
 * `y = M x`, by the locally optimal block preconditioned conjugate gradient method with a block
 * of one (Knyazev 2001, "Toward the optimal preconditioned eigensolver: LOBPCG", SIAM J. Sci.
 * Comput. 23(2)): Rayleigh-Ritz on span{x, residual, previous step} at each iteration. It needs
 * far fewer products than power iteration when the top two eigenvalues are close, and restarts
 * cheaply from a nearby vector (the core/periphery fit solves a slowly changing matrix hundreds
 * of times).
 */

export type MatVec = (x: Float64Array, out: Float64Array) => void;

export interface EigenpairOptions {
  /** Stop when ||M x - lambda x|| <= tolerance * max(|lambda|, 1e-300). Default 1e-12. */
  tolerance?: number;
  /** Default 2000. */
  maxIterations?: number;
  /**
   * Arrays to work in (from `eigenWorkspace(n)`), for callers that solve many times: the
   * core/periphery fit solves hundreds of times, and fresh arrays each time cost more in
   * garbage collection than the arithmetic. Default: allocated for this call.
   */
  workspace?: EigenWorkspace;
}

/** Scratch arrays of one size for `leadingEigenpair`. */
export interface EigenWorkspace {
  n: number;
  arrays: Float64Array[];
}

const WORKSPACE_ARRAYS = 11;
type Eleven<T> = [T, T, T, T, T, T, T, T, T, T, T];

export function eigenWorkspace(n: number): EigenWorkspace {
  return { n, arrays: Array.from({ length: WORKSPACE_ARRAYS }, () => new Float64Array(n)) };
}

export interface Eigenpair {
  value: number;
  /** Unit vector, sign chosen so that its entries sum to >= 0. */
  vector: Float64Array;
  iterations: number;
  converged: boolean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. */
export function smallSymmetricEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const k = a.length;
  const m = a.map((row) => row.slice());
  const v: number[][] = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += m[p]![q]! * m[p]![q]!;
    if (off < 1e-300) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = m[p]![q]!;
        if (apq === 0) continue;
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const mrp = m[r]![p]!;
          const mrq = m[r]![q]!;
          m[r]![p] = c * mrp - s * mrq;
          m[r]![q] = s * mrp + c * mrq;
        }
        for (let r = 0; r < k; r++) {
          const mpr = m[p]![r]!;
          const mqr = m[q]![r]!;
          m[p]![r] = c * mpr - s * mqr;
          m[q]![r] = s * mpr + c * mqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r]![p]!;
          const vrq = v[r]![q]!;
          v[r]![p] = c * vrp - s * vrq;
          v[r]![q] = s * vrp + c * vrq;
        }
      }
    }
  }
  return { values: m.map((row, i) => row[i]!), vectors: v };
}

/**
 * Leading eigenpair of the symmetric operator `apply`, starting from `start` (any non-zero
 * vector; a good guess makes it fast).
 */
export function leadingEigenpair(
  n: number,
  apply: MatVec,
  start: Float64Array,
  options: EigenpairOptions = {},
): Eigenpair {
  const tol = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 2000;
  const given = options.workspace;
  if (given !== undefined && given.n !== n) throw new Error(`leadingEigenpair: a workspace for ${given.n} values, not ${n}.`);
  const [ax, r, ar, q1, mq1, q2, mq2, step0, step1, image0, image1] = (given ?? eigenWorkspace(n)).arrays as Eleven<Float64Array>;
  // The vector is returned, so it is never a workspace array.
  const x = Float64Array.from(start);
  let norm = Math.sqrt(dot(x, x));
  if (n === 0 || norm === 0) {
    return { value: 0, vector: new Float64Array(n), iterations: 0, converged: true };
  }
  for (let i = 0; i < n; i++) x[i]! /= norm;
  const scratch = [q1, mq1, q2, mq2];
  let p: Float64Array | null = null;
  let ap: Float64Array | null = null;
  // Two homes for the step and its image, used in turn.
  const steps = [step0, step1];
  const stepImages = [image0, image1];
  let lambda = 0;
  let iterations = 0;
  let converged = false;
  for (;;) {
    apply(x, ax);
    lambda = dot(x, ax);
    for (let i = 0; i < n; i++) r[i] = ax[i]! - lambda * x[i]!;
    const rn = Math.sqrt(dot(r, r));
    if (rn <= tol * Math.max(Math.abs(lambda), 1e-300)) {
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;
    iterations++;
    apply(r, ar);
    // Orthonormal basis of span{x, r, p}, carrying the images along (M is linear).
    const basis: Float64Array[] = [x];
    const images: Float64Array[] = [ax];
    const candidates = [
      [r, ar],
      [p, ap],
    ] as const;
    for (let slot = 0; slot < candidates.length; slot++) {
      const [vec, img] = candidates[slot]!;
      if (!vec || !img) continue;
      const q = scratch[2 * slot]!;
      const mq = scratch[2 * slot + 1]!;
      q.set(vec);
      mq.set(img);
      const before = Math.sqrt(dot(q, q));
      for (let pass = 0; pass < 2; pass++) {
        for (let b = 0; b < basis.length; b++) {
          const c = dot(basis[b]!, q);
          const base = basis[b]!;
          const baseImage = images[b]!;
          for (let i = 0; i < n; i++) {
            q[i]! -= c * base[i]!;
            mq[i]! -= c * baseImage[i]!;
          }
        }
      }
      const after = Math.sqrt(dot(q, q));
      if (!(after > 1e-10 * before) || after === 0) continue;
      for (let i = 0; i < n; i++) {
        q[i]! /= after;
        mq[i]! /= after;
      }
      basis.push(q);
      images.push(mq);
    }
    const k = basis.length;
    if (k === 1) {
      converged = true;
      break;
    }
    const t: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let a = 0; a < k; a++) {
      for (let b = a; b < k; b++) {
        const v = (dot(basis[a]!, images[b]!) + dot(basis[b]!, images[a]!)) / 2;
        t[a]![b] = v;
        t[b]![a] = v;
      }
    }
    const eig = smallSymmetricEigen(t);
    let best = 0;
    for (let j = 1; j < k; j++) if (eig.values[j]! > eig.values[best]!) best = j;
    const y = eig.vectors.map((row) => row[best]!);
    const home: number = p === steps[0] ? 1 : 0;
    const nextP: Float64Array = steps[home]!;
    const nextAp: Float64Array = stepImages[home]!;
    nextP.fill(0);
    nextAp.fill(0);
    for (let j = 1; j < k; j++) {
      const c = y[j]!;
      const bj = basis[j]!;
      const ij = images[j]!;
      for (let i = 0; i < n; i++) {
        nextP[i]! += c * bj[i]!;
        nextAp[i]! += c * ij[i]!;
      }
    }
    for (let i = 0; i < n; i++) x[i] = y[0]! * x[i]! + nextP[i]!;
    norm = Math.sqrt(dot(x, x));
    for (let i = 0; i < n; i++) x[i]! /= norm;
    p = nextP;
    ap = nextAp;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  if (sum < 0) for (let i = 0; i < n; i++) x[i] = -x[i]!;
  return { value: lambda, vector: x, iterations, converged };
}
