/**
 * Continuous core/periphery scores of Borgatti & Everett (1999), "Models of core/periphery
 * structures", Social Networks 21: 375-395: the coreness vector c whose products c_i c_j best
 * fit the ties, a_ij ~ c_i c_j for i != j (the diagonal is not fitted).
 *
 * Fitted as UCINET does, by one-factor minimum-residual (MINRES) factor analysis with iterated
 * communalities: start with a zero diagonal, take the leading eigenpair (lambda, v) of the
 * matrix, set the loadings c = sqrt(lambda) v, put c_i^2 on the diagonal and repeat until no
 * loading moves by more than `tolerance`. The fixed point minimises the off-diagonal residual.
 * Scores are |c| / ||c|| (unit length, non-negative). Directed ties are fitted through the
 * symmetric part (A + A^T) / 2, which is what the least-squares fit of an asymmetric matrix
 * reduces to; the fit is the Pearson correlation between that matrix and c c^T over all pairs
 * i != j. This reproduces the shared reference values (UCINET-style, same iteration count).
 *
 * Convergence can be slow (Florentine families: 619 iterations; UCINET stops at 100 and warns),
 * so the default cap is generous and the result says whether it converged.
 */
import type { Csr } from '../../core/graph/csr.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { contactsOf, type Contacts } from '../brokerage/contacts.ts';
import { eigenWorkspace, leadingEigenpair } from './leading-eigenpair.ts';

export interface ContinuousCoreOptions {
  /** Fit tie weights (valued data). Default false: every tie counts 1. */
  weighted?: boolean;
  /** Stop when no loading changes by more than this between iterations. Default 1e-5. */
  tolerance?: number;
  /** Cap on iterations after the first solve. Default 2000. */
  maxIterations?: number;
  /**
   * Cap on the total work, in tie visits (one matrix-vector product visits every tie once).
   * Default 3e8: a second or two in a browser worker (2e9 took 20 s on a 50,000-person
   * network). Research-sized networks never reach it; large ones stop with `converged: false`
   * rather than running on (their scores are then close, not exact).
   */
  maxWork?: number;
}

export interface ContinuousCore {
  /** Coreness per node, |c| / ||c||: 0 = periphery; the squares sum to 1. */
  coreness: Float64Array;
  /** Correlation between the ties and the ideal pattern c_i c_j (null when undefined). */
  fit: number | null;
  /** Iterations after the first eigen-solve (UCINET's count). */
  iterations: number;
  converged: boolean;
}

/** Pearson correlation of the symmetric tie matrix with c c^T over pairs i != j. */
export function continuousFit(contacts: Contacts, loadings: Float64Array): number | null {
  const { n, offsets, targets, weights } = contacts;
  if (n < 2) return null;
  const scale = contacts.halved ? 1 : 0.5;
  let sx = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const s = weights[k]! * scale;
      sx += s;
      sxx += s * s;
      sxy += s * loadings[i]! * loadings[targets[k]!]!;
    }
  }
  let c1 = 0;
  let c2 = 0;
  let c4 = 0;
  for (let i = 0; i < n; i++) {
    const c = loadings[i]!;
    c1 += c;
    c2 += c * c;
    c4 += c * c * c * c;
  }
  const pairs = n * (n - 1);
  const sy = c1 * c1 - c2;
  const syy = c2 * c2 - c4;
  const varX = pairs * sxx - sx * sx;
  const varY = pairs * syy - sy * sy;
  if (!(varX > 0) || !(varY > 0)) return null;
  return (pairs * sxy - sx * sy) / Math.sqrt(varX * varY);
}

export function continuousCorePeriphery(
  csr: Csr,
  options: ContinuousCoreOptions = {},
  hooks?: RunHooks,
): ContinuousCore {
  const contacts = contactsOf(csr, { weighted: options.weighted ?? false });
  return continuousCoreFromContacts(contacts, options, hooks);
}

export function continuousCoreFromContacts(
  contacts: Contacts,
  options: ContinuousCoreOptions = {},
  hooks?: RunHooks,
): ContinuousCore {
  const { n, offsets, targets, weights } = contacts;
  const tolerance = options.tolerance ?? 1e-5;
  const maxIterations = options.maxIterations ?? 2000;
  const maxWork = options.maxWork ?? 3e8;
  const workPerProduct = Math.max(1, offsets[n]! + n);
  let products = 0;
  const scale = contacts.halved ? 1 : 0.5;
  const diagonal = new Float64Array(n);
  // Every entry the same (unweighted ties): sum the row, then scale once. Scaling by 1/2 or 1
  // is exact in floating point, so each partial sum is the old one over `scale` and the result
  // has the same bits as scaling each term.
  const plain = (scale === 0.5 || scale === 1) && weights.every((w) => w === 1);
  const apply = plain
    ? (x: Float64Array, out: Float64Array): void => {
        for (let i = 0; i < n; i++) {
          let sum = (diagonal[i]! * x[i]!) / scale;
          for (let k = offsets[i]!; k < offsets[i + 1]!; k++) sum += x[targets[k]!]!;
          out[i] = scale * sum;
        }
      }
    : (x: Float64Array, out: Float64Array): void => {
        for (let i = 0; i < n; i++) {
          let s = diagonal[i]! * x[i]!;
          for (let k = offsets[i]!; k < offsets[i + 1]!; k++) s += weights[k]! * scale * x[targets[k]!]!;
          out[i] = s;
        }
      };
  // Start from the row sums (plus a little, so isolated parts are not exactly zero).
  const start = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 1e-3;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) s += weights[k]!;
    start[i] = s;
  }
  const workspace = eigenWorkspace(n);
  let pair = leadingEigenpair(n, apply, start, { tolerance: 1e-9, maxIterations: 1000, workspace });
  products += pair.iterations;
  let loadings = new Float64Array(n);
  const setLoadings = (): void => {
    const root = Math.sqrt(Math.max(pair.value, 0));
    for (let i = 0; i < n; i++) loadings[i] = root * pair.vector[i]!;
  };
  setLoadings();
  let iterations = 0;
  let converged = n === 0 || pair.value <= 0;
  let change = Infinity;
  while (!converged && iterations < maxIterations && products * workPerProduct < maxWork) {
    checkCancelled(hooks);
    iterations++;
    hooks?.onProgress?.('core/periphery scores', iterations / maxIterations);
    for (let i = 0; i < n; i++) diagonal[i] = loadings[i]! * loadings[i]!;
    const previous = loadings;
    // Each solve need only be a little more precise than the step it measures.
    const inner = Math.min(1e-9, Math.max(1e-13, change * 1e-5));
    pair = leadingEigenpair(n, apply, pair.vector, { tolerance: inner, maxIterations: 500, workspace });
    products += pair.iterations;
    loadings = new Float64Array(n);
    setLoadings();
    change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(loadings[i]! - previous[i]!));
    if (change < tolerance) converged = true;
  }
  let norm = 0;
  for (let i = 0; i < n; i++) norm += loadings[i]! * loadings[i]!;
  norm = Math.sqrt(norm);
  const coreness = new Float64Array(n);
  if (norm > 0) for (let i = 0; i < n; i++) coreness[i] = Math.abs(loadings[i]!) / norm;
  return { coreness, fit: continuousFit(contacts, loadings), iterations, converged };
}
