/**
 * Maximum-score assignment with capacities: the Hungarian algorithm (Kuhn 1955, "The Hungarian
 * method for the assignment problem"; Munkres 1957) in its shortest-augmenting-path form with
 * dual potentials (Jonker & Volgenant 1987), O(n^2 m) for n rows and m columns.
 *
 * Rows are mentees, each placed at most once; a mentor with capacity c stands for min(c, n)
 * identical columns. n extra "unplaced" columns of score 0 make every instance solvable, so when
 * mentees outnumber places (or rules forbid every place left) the best partial assignment comes
 * out instead of a failure. Forbidden pairs are never considered. With `placeFirst` (default)
 * each placement is worth a constant larger than any possible difference in total score, so the
 * assignment places as many rows as possible and, among those, maximises the total score
 * (lexicographic objective); without it, the total score alone is maximised.
 *
 * Deterministic: the same matrix gives the same assignment.
 */

export interface AssignmentProblem {
  rows: number;
  cols: number;
  /** Row-major rows x cols scores (higher is better). */
  score: Float64Array;
  /** Row-major: 1 where a pair may be made. Default all. */
  allowed?: Uint8Array;
  /** Places per column (mentor capacity). */
  capacity: ArrayLike<number>;
}

export interface AssignmentOptions {
  /** Place as many rows as possible before maximising the score. Default true. */
  placeFirst?: boolean;
}

export interface Assignment {
  /** Column per row, -1 when unplaced. */
  colOf: Int32Array;
  /** Sum of the scores of the pairs made. */
  total: number;
  /** Rows placed. */
  placed: number;
}

export function solveAssignment(problem: AssignmentProblem, options: AssignmentOptions = {}): Assignment {
  const { rows: n, cols: m, score, allowed, capacity } = problem;
  if (score.length !== n * m) throw new Error(`assignment: the score matrix has ${score.length} entries for ${n} x ${m}.`);
  if (capacity.length !== m) throw new Error(`assignment: ${capacity.length} capacities for ${m} columns.`);
  const placeFirst = options.placeFirst ?? true;
  const colOf = new Int32Array(n).fill(-1);
  if (n === 0) return { colOf, total: 0, placed: 0 };
  const ok = (i: number, j: number): boolean => allowed === undefined || allowed[i * m + j] === 1;

  // A placement bonus above any difference in total score.
  let bonus = 0;
  if (placeFirst) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let j = 0; j < m; j++) if (ok(i, j)) best = Math.max(best, Math.abs(score[i * m + j]!));
      sum += best;
    }
    bonus = 2 * sum + 1;
  }

  // Columns: mentor places, then n unplaced columns.
  const slotCol: number[] = [];
  for (let j = 0; j < m; j++) {
    const places = Math.min(Math.max(0, Math.floor(capacity[j]!)), n);
    for (let k = 0; k < places; k++) slotCol.push(j);
  }
  const slots = slotCol.length;
  const M = slots + n;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(M + 1);
  const p = new Int32Array(M + 1);
  const way = new Int32Array(M + 1);
  const minv = new Float64Array(M + 1);
  const used = new Uint8Array(M + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      const row = i0 - 1;
      let delta = Infinity;
      let j1 = -1;
      for (let j = 1; j <= M; j++) {
        if (used[j]) continue;
        let cost: number;
        if (j <= slots) {
          const col = slotCol[j - 1]!;
          if (!ok(row, col)) {
            if (minv[j]! < delta) {
              delta = minv[j]!;
              j1 = j;
            }
            continue;
          }
          cost = -(bonus + score[row * m + col]!);
        } else {
          cost = 0;
        }
        const cur = cost - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      if (j1 < 0) throw new Error('assignment: no augmenting path (this cannot happen with unplaced columns).');
      for (let j = 0; j <= M; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  let placed = 0;
  for (let j = 1; j <= slots; j++) {
    const i = p[j]!;
    if (i === 0) continue;
    const col = slotCol[j - 1]!;
    colOf[i - 1] = col;
    total += score[(i - 1) * m + col]!;
    placed++;
  }
  return { colOf, total, placed };
}
