/**
 * Feedback loops of a system map: every elementary cycle of the causal links (Johnson 1975; the
 * Gupta-Suzumura bounded variant under a length limit, see `elementary-cycles.ts`), classified
 * and named as on a causal loop diagram.
 *
 * - Type: a loop is reinforcing (R) when it has an even number of negative links (the signs
 *   multiply to +: a change comes back around amplified), balancing (B) when the number is odd (a
 *   change comes back opposed). A self-loop is a loop of one link.
 * - Ranking: shorter loops first (they act faster and are easier to see), then loops whose
 *   factors are more central (mean betweenness of the factors, then their mean number of links),
 *   then map order. Names follow the ranking within each type: R1, R2, ..., B1, B2, ...
 * - Each loop starts at its factor that comes first in the map, and reads as a sentence:
 *   "more renewable installations -> less cost of renewable power -> more renewable
 *   installations: a reinforcing loop, so a change in renewable installations feeds on itself."
 * - Limits: `maxLength` (factors per loop) and `maxLoops` (count). When a limit may have left
 *   loops out the result says so in `notes`, `complete` is false, and per-factor loop counts are
 *   lower bounds. A dense map can hold millions of loops; the count limit keeps the search fast
 *   (Johnson's algorithm spends O(n + e) per loop found).
 */
import type { RunHooks } from '../../core/util/cancel.ts';
import { elementaryCycles } from './elementary-cycles.ts';
import { factorBetweenness, mapGraph } from './map-graph.ts';
import type { MapGraph } from './map-graph.ts';
import type { Polarity, SystemMap } from '../../core/model/systemmap.ts';

export type LoopType = 'R' | 'B';

export interface FeedbackLoop {
  /** `R1`, `B3`: type and rank within the type. */
  id: string;
  type: LoopType;
  /** Factor ids in order; the last links back to the first. */
  factors: string[];
  labels: string[];
  /** Link ids: links[i] runs from factors[i] to factors[i + 1] (the last back to factors[0]). */
  links: string[];
  polarities: Polarity[];
  /** Number of links (= factors). */
  length: number;
  negativeLinks: number;
  /** Links marked as delayed. */
  delays: number;
  /** Passes through a link whose sign is ambiguous, so the type may be wrong. */
  uncertain: boolean;
  /** Mean betweenness of the loop's factors (0..1), used in the ranking. */
  centrality: number;
  /** The loop read aloud. */
  sentence: string;
}

export interface FactorLoopCount {
  loops: number;
  reinforcing: number;
  balancing: number;
}

export interface LoopOptions {
  /** Longest loop searched, in factors. Default: no limit (null). */
  maxLength?: number | null;
  /** Most loops listed. Default 10,000. */
  maxLoops?: number;
  /** Betweenness per factor index, when already computed (else it is computed here). */
  betweenness?: Float64Array;
}

export interface LoopSearchResult {
  /** Ranked loops (see the module note). */
  loops: FeedbackLoop[];
  reinforcing: number;
  balancing: number;
  /** Whether every loop of the map is listed. */
  complete: boolean;
  /** Why the list may be incomplete, in plain words; empty when complete. */
  notes: LoopNote[];
  limits: { maxLength: number | null; maxLoops: number; countLimitHit: boolean; lengthLimitMayHide: boolean };
  /** Loops through each factor, by factor id (lower bounds when incomplete). */
  perFactor: Record<string, FactorLoopCount>;
}

export interface LoopNote {
  /** `loop-count-limit` or `loop-length-limit`. */
  code: string;
  message: string;
}

export const DEFAULT_MAX_LOOPS = 10_000;

/** R when the number of negative links is even, B when odd. */
export function loopType(polarities: readonly Polarity[]): LoopType {
  return polarities.filter((p) => p === '-').length % 2 === 0 ? 'R' : 'B';
}

/** "Coal plant emissions" -> "coal plant emissions", but "EU policy" and "CO2" stay as written. */
function inSentence(label: string): string {
  const first = label.split(/\s+/)[0] ?? '';
  return /^[A-Z][a-z'’-]*$/.test(first) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/**
 * The loop as a chain of "more"/"less": start with more of the first factor and follow each
 * link's sign; a reinforcing loop returns to "more", a balancing one to "less".
 */
export function loopSentence(labels: readonly string[], polarities: readonly Polarity[], delays: readonly boolean[] = [], uncertain = false): string {
  return sentenceOf(labels.map(inSentence), polarities, delays, uncertain);
}

/** `loopSentence` on labels already written for a sentence. */
function sentenceOf(words: readonly string[], polarities: readonly Polarity[], delays: readonly boolean[], uncertain: boolean): string {
  if (words.length === 0) return '';
  let up = true;
  let text = `more ${words[0]!}`;
  for (let i = 0; i < words.length; i++) {
    if (polarities[i] === '-') up = !up;
    text += ` -> ${delays[i] ? '(after a delay) ' : ''}${up ? 'more' : 'less'} ${words[(i + 1) % words.length]!}`;
  }
  const first = words[0]!;
  const meaning = up
    ? `a reinforcing loop, so a change in ${first} feeds on itself`
    : `a balancing loop, so a change in ${first} is pushed back`;
  const caveat = uncertain ? ' One link\'s sign is uncertain, so the loop\'s type may differ.' : '';
  return `${text}: ${meaning}.${caveat}`;
}

interface RawLoop {
  cycle: number[];
  centrality: number;
  degree: number;
}

function compareCycles(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Finds, classifies, ranks and names the feedback loops of a map. */
export function findFeedbackLoops(map: SystemMap, options: LoopOptions = {}, hooks?: RunHooks, graph: MapGraph = mapGraph(map)): LoopSearchResult {
  const maxLength = options.maxLength ?? null;
  const maxLoops = options.maxLoops ?? DEFAULT_MAX_LOOPS;
  if (maxLength !== null && (!Number.isInteger(maxLength) || maxLength < 1)) {
    throw new RangeError(`systemmap/loops: maxLength must be a whole number of at least 1, not ${maxLength}`);
  }
  if (!Number.isInteger(maxLoops) || maxLoops < 0) {
    throw new RangeError(`systemmap/loops: maxLoops must be a whole number of at least 0, not ${maxLoops}`);
  }
  const search = elementaryCycles(graph.n, graph.offsets, graph.targets, { maxLength: maxLength ?? Infinity, maxCount: maxLoops }, hooks);
  const betweenness = options.betweenness ?? factorBetweenness(graph, hooks);
  const degree = new Float64Array(graph.n);
  for (let u = 0; u < graph.n; u++) {
    for (let k = graph.offsets[u]!; k < graph.offsets[u + 1]!; k++) {
      const v = graph.targets[k]!;
      if (v === u) continue;
      degree[u]!++;
      degree[v]!++;
    }
  }
  const raw: RawLoop[] = search.cycles.map((cycle) => ({
    cycle,
    centrality: cycle.reduce((s, v) => s + betweenness[v]!, 0) / cycle.length,
    degree: cycle.reduce((s, v) => s + degree[v]!, 0) / cycle.length,
  }));
  const EPS = 1e-12;
  raw.sort(
    (a, b) =>
      a.cycle.length - b.cycle.length ||
      (Math.abs(b.centrality - a.centrality) > EPS ? b.centrality - a.centrality : 0) ||
      (Math.abs(b.degree - a.degree) > EPS ? b.degree - a.degree : 0) ||
      compareCycles(a.cycle, b.cycle),
  );

  const perFactor: Record<string, FactorLoopCount> = {};
  for (const id of graph.ids) perFactor[id] = { loops: 0, reinforcing: 0, balancing: 0 };
  const counters: Record<LoopType, number> = { R: 0, B: 0 };
  const words = graph.labels.map(inSentence);
  const loops: FeedbackLoop[] = raw.map(({ cycle, centrality }) => {
    const links = cycle.map((u, i) => map.links[graph.linkOf.get(u * graph.n + cycle[(i + 1) % cycle.length]!)!]!);
    const polarities = links.map((l) => l.polarity);
    const type = loopType(polarities);
    counters[type]++;
    const labels = cycle.map((v) => graph.labels[v]!);
    const uncertain = links.some((l) => l.ambiguous === true);
    for (const v of cycle) {
      const count = perFactor[graph.ids[v]!]!;
      count.loops++;
      if (type === 'R') count.reinforcing++;
      else count.balancing++;
    }
    return {
      id: `${type}${counters[type]}`,
      type,
      factors: cycle.map((v) => graph.ids[v]!),
      labels,
      links: links.map((l) => l.id),
      polarities,
      length: cycle.length,
      negativeLinks: polarities.filter((p) => p === '-').length,
      delays: links.filter((l) => l.delay).length,
      uncertain,
      centrality,
      sentence: sentenceOf(
        cycle.map((v) => words[v]!),
        polarities,
        links.map((l) => l.delay),
        uncertain,
      ),
    };
  });

  const notes: LoopNote[] = [];
  const lengthLimitMayHide = maxLength !== null && maxLength < search.largestComponent;
  if (search.truncated) {
    notes.push({
      code: 'loop-count-limit',
      message:
        `The search stopped after ${maxLoops.toLocaleString('en-US')} loops: the map has more. The loops listed are those found first, not a sample; ` +
        'raise the loop limit, or set a maximum loop length to list the short loops. Loop counts per factor are lower bounds.',
    });
  }
  if (lengthLimitMayHide) {
    notes.push({
      code: 'loop-length-limit',
      message:
        `Only loops of up to ${maxLength} factors were searched; the largest group of factors that all reach each other has ${search.largestComponent}, ` +
        'so longer loops may exist. Loop counts per factor count only the shorter loops.',
    });
  }
  return {
    loops,
    reinforcing: counters.R,
    balancing: counters.B,
    complete: !search.truncated && !lengthLimitMayHide,
    notes,
    limits: { maxLength, maxLoops, countLimitHit: search.truncated, lengthLimitMayHide },
    perFactor,
  };
}
