/**
 * Abilities and network position. Two readings per ability:
 *
 * - **untapped** people: they rate the ability high (at least `highScore`, default 4 on a 1-5
 *   scale) but sit at the edge of the network (flagged peripheral by the people insights), so
 *   the group is not using what they say they can do: "untapped conveners" for Convening. Listed
 *   highest score first, then most peripheral, each with reasons in plain words.
 * - how scores go with position: Spearman's rank correlation between the score and the
 *   Borgatti-Everett core score over the people who answered (average ranks for ties; null with
 *   fewer than 3 answers or no variation), and the mean core score of the high scorers against
 *   the others.
 */
import { listNames } from '../../algorithms/brokerage/ranks.ts';
import type { AbilityAssessment } from '../../core/model/abilities.ts';
import { abilityPeopleNoun } from './leadership-abilities.ts';

export interface PositionInputs {
  ids: readonly string[];
  labels: readonly string[];
  peripheral: Uint8Array;
  peripheryScore: ArrayLike<number>;
  coreScore: ArrayLike<number>;
  /** Contacts per node. */
  contacts: ArrayLike<number>;
  /** Periphery reasons per person id (from the people insights' periphery list), if known. */
  reasons?: ReadonlyMap<string, readonly string[]>;
}

export interface UntappedPerson {
  id: string;
  label: string;
  score: number;
  peripheryScore: number;
  coreScore: number;
  contacts: number;
  reasons: string[];
}

export interface UntappedAbility {
  ability: string;
  /** "untapped conveners". */
  label: string;
  people: UntappedPerson[];
}

export interface AbilityPosition {
  ability: string;
  /** People who answered. */
  n: number;
  /** Spearman's rho between the score and the core score (null when undefined). */
  spearmanCoreScore: number | null;
  /** Mean core score of people scoring at least highScore, and of the others who answered. */
  meanCoreScoreHigh: number | null;
  meanCoreScoreOthers: number | null;
  /** People scoring at least highScore, and how many of them are peripheral. */
  high: number;
  highPeripheral: number;
}

export interface PositionOptions {
  /** Default 4 (of 5): scores from here up count as high. */
  highScore?: number;
}

/** Average ranks (1-based), ties sharing their mean rank. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && order[end]!.v === order[start]!.v) end++;
    const rank = (start + end + 1) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!.i] = rank;
    start = end;
  }
  return ranks;
}

/** Spearman's rho (Pearson correlation of average ranks); null when n < 3 or either side is constant. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 3 || y.length !== n) return null;
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = rx[i]! - mean;
    const b = ry[i]! - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

const ties = (k: number): string => (k === 1 ? '1 tie' : `${k} ties`);

/**
 * How far out a periphery score is, in words, against everyone else's (blanks left out): "further
 * out than 9 in 10 people" rather than "periphery score 0.84", which no one can weigh. Counted
 * exactly below 20 others ("further out than 3 of the 4 others"), in tenths from there (rounded
 * down, so it never claims more than is true). `sorted` holds the scores in ascending order.
 */
export function furtherOutText(sorted: Float64Array, score: number): string {
  const others = sorted.length - 1;
  if (others <= 0 || Number.isNaN(score)) return '';
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < score) lo = mid + 1;
    else hi = mid;
  }
  const closer = lo;
  if (closer >= others) return 'further out than anyone else';
  if (closer === 0) return 'no further out than anyone else';
  if (others < 20) return `further out than ${closer} of the ${others} others`;
  const tenths = Math.floor((10 * closer) / others);
  return tenths === 0 ? 'further out than fewer than 1 in 10 people' : `further out than ${tenths} in 10 people`;
}

/** Scores in ascending order, blanks left out, for furtherOutText. */
export function sortedScores(scores: ArrayLike<number>): Float64Array {
  return Float64Array.from(scores).filter((v) => !Number.isNaN(v)).sort();
}
const average = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export function abilityPosition(
  assessment: AbilityAssessment,
  inp: PositionInputs,
  options: PositionOptions = {},
): { untapped: UntappedAbility[]; position: AbilityPosition[] } {
  const highScore = options.highScore ?? Math.max(assessment.scale.min, assessment.scale.max - 1);
  const index = new Map(inp.ids.map((id, v) => [id, v]));
  const untapped: UntappedAbility[] = [];
  const position: AbilityPosition[] = [];
  let sortedPeriphery: Float64Array | null = null;
  const furtherOut = (v: number): string => furtherOutText((sortedPeriphery ??= sortedScores(inp.peripheryScore)), inp.peripheryScore[v]!);
  // Convening first: the headline reading; then the assessment's order.
  const order = [...assessment.abilities].sort((a, b) => Number(b.toLowerCase() === 'convening') - Number(a.toLowerCase() === 'convening'));
  for (const ability of order) {
    const scores: number[] = [];
    const cores: number[] = [];
    const highCores: number[] = [];
    const otherCores: number[] = [];
    const people: UntappedPerson[] = [];
    for (const response of assessment.responses) {
      const v = index.get(response.person);
      const score = response.scores[ability];
      if (v === undefined || score === null || score === undefined) continue;
      scores.push(score);
      cores.push(inp.coreScore[v]!);
      if (score >= highScore) highCores.push(inp.coreScore[v]!);
      else otherCores.push(inp.coreScore[v]!);
      if (score < highScore || !inp.peripheral[v]) continue;
      const contacts = inp.contacts[v]!;
      const edge = (inp.reasons?.get(response.person) ?? []).slice(0, 2);
      people.push({
        id: response.person,
        label: inp.labels[v]!,
        score,
        peripheryScore: inp.peripheryScore[v]!,
        coreScore: inp.coreScore[v]!,
        contacts,
        reasons: [
          `rates ${ability} ${score} of ${assessment.scale.max}`,
          edge.length > 0
            ? `sits at the edge of the network: ${listNames(edge.map((r) => r.replace(/\.$/, '')))}`
            : `sits at the edge of the network (${[contacts === 0 ? 'no ties yet' : ties(contacts), furtherOut(v)].filter(Boolean).join(', ')})`,
        ],
      });
    }
    people.sort((a, b) => b.score - a.score || b.peripheryScore - a.peripheryScore || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    untapped.push({ ability, label: `untapped ${abilityPeopleNoun(ability)}`, people });
    position.push({
      ability,
      n: scores.length,
      spearmanCoreScore: spearman(scores, cores),
      meanCoreScoreHigh: average(highCores),
      meanCoreScoreOthers: average(otherCores),
      high: highCores.length,
      highPeripheral: people.length,
    });
  }
  return { untapped, position };
}
