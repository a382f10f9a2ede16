/**
 * The whole analysis of a system map in one call: feedback loops, leverage of every factor, the
 * actors overlay (gaps and introductions), as one plain JSON report that the CLI writes and the
 * app renders. Betweenness and the map's arrays are computed once and shared.
 */
import type { RunHooks } from '../../core/util/cancel.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { VERSION } from '../../core/util/version.ts';
import { actorOverlay } from './actors.ts';
import type { ActorOverlayOptions, ActorSummary, Gap, Introduction } from './actors.ts';
import { LEVERAGE_GLOSSARY, factorLeverage } from './leverage.ts';
import type { FactorLeverage, LeverageOptions } from './leverage.ts';
import { DEFAULT_MAX_LOOPS, findFeedbackLoops } from './loops.ts';
import type { FeedbackLoop } from './loops.ts';
import { factorBetweenness, mapGraph } from './map-graph.ts';
import type { SystemMap } from '../../core/model/systemmap.ts';

export interface SystemMapAnalysisOptions extends LeverageOptions, ActorOverlayOptions {
  /** Longest loop searched, in factors. Default: no limit. */
  maxLoopLength?: number | null;
  /** Most loops listed. Default 10,000. */
  maxLoops?: number;
  /** Issues from import, carried into the report's warnings. */
  importWarnings?: InputIssue[];
}

export interface FactorReport extends FactorLeverage {
  description: string;
  tags: string[];
  /** Actor ids working on the factor. */
  actors: string[];
}

export interface SystemMapReport {
  format: 'netweave-systemmap-report';
  version: 1;
  generatedBy: string;
  settings: {
    maxLoopLength: number | null;
    maxLoops: number;
    reachSteps: number;
    micmacWeights: 'binary' | 'strength';
    /** The power of (I + M) the indirect MICMAC values come from, and whether the ranking settled. */
    micmacPower: number;
    micmacStable: boolean;
    /** The split between high and low influence/dependence in the quadrants. */
    quadrantSplit: number;
    organizationAttribute: string | null;
  };
  map: {
    name: string;
    factors: number;
    links: number;
    positiveLinks: number;
    negativeLinks: number;
    selfLoops: number;
    delayedLinks: number;
    ambiguousLinks: number;
    actors: number;
    worksOn: number;
  };
  summary: {
    loops: number;
    reinforcing: number;
    balancing: number;
    /** Whether every loop is listed (no limit cut the search short). */
    loopsComplete: boolean;
    /** Factor ids, best lever first: driving or linkage factors in at least one loop. */
    leveragePoints: string[];
    gaps: number;
    introductions: number;
  };
  loops: FeedbackLoop[];
  factors: FactorReport[];
  gaps: Gap[];
  actors: ActorSummary[];
  introductions: Introduction[];
  /** Remarks that are not problems (e.g. no people network given). */
  notes: string[];
  /** Import warnings, and analysis limits that were hit (loop limits), with codes. */
  warnings: InputIssue[];
  glossary: Record<string, { name: string; explanation: string }>;
}

const GLOSSARY: Record<string, { name: string; explanation: string }> = {
  reinforcing: { name: 'Reinforcing loop (R)', explanation: 'A loop with an even number of negative links: a change travels around and comes back bigger, a virtuous or vicious circle.' },
  balancing: { name: 'Balancing loop (B)', explanation: 'A loop with an odd number of negative links: a change travels around and comes back opposed, holding the system steady or towards a goal.' },
  ...LEVERAGE_GLOSSARY,
  gap: { name: 'Gap', explanation: 'A factor that sits in feedback loops but that no organisation works on.' },
  introduction: { name: 'Introduction', explanation: 'Two organisations working on the same factor with no tie between their people: an introduction worth making.' },
};

/** Analyses a map: loops, leverage, gaps, introductions. Long steps report progress and can be cancelled. */
export function analyzeSystemMap(map: SystemMap, options: SystemMapAnalysisOptions = {}, hooks?: RunHooks): SystemMapReport {
  const graph = mapGraph(map);
  const betweenness = factorBetweenness(graph, hooks);
  const maxLoopLength = options.maxLoopLength ?? null;
  const maxLoops = options.maxLoops ?? DEFAULT_MAX_LOOPS;
  const loops = findFeedbackLoops(map, { maxLength: maxLoopLength, maxLoops, betweenness }, hooks, graph);
  const leverage = factorLeverage(map, loops, options, hooks, graph, betweenness);
  const overlay = actorOverlay(map, { loops, leverage: leverage.factors }, options);

  const warnings: InputIssue[] = [...(options.importWarnings ?? [])];
  for (const note of loops.notes) warnings.push({ level: 'warning', code: note.code, message: note.message });
  const notes = [...overlay.notes];
  if (!leverage.micmac.stable && map.links.length > 0) {
    notes.push(`The indirect influence ranking was still changing at power ${leverage.micmac.power}; quadrants near the split may shift.`);
  }
  const actorsOf = new Map(overlay.coverage.map((c) => [c.factor, c.actors]));
  const factors: FactorReport[] = leverage.factors.map((f, i) => ({
    ...f,
    description: map.factors[i]!.description,
    tags: map.factors[i]!.tags,
    actors: actorsOf.get(f.id) ?? [],
  }));
  return {
    format: 'netweave-systemmap-report',
    version: 1,
    generatedBy: `netweave ${VERSION}`,
    settings: {
      maxLoopLength,
      maxLoops,
      reachSteps: leverage.reachSteps,
      micmacWeights: leverage.micmac.weights,
      micmacPower: leverage.micmac.power,
      micmacStable: leverage.micmac.stable,
      quadrantSplit: leverage.micmac.mean,
      organizationAttribute: overlay.organizationAttribute,
    },
    map: {
      name: map.name,
      factors: map.factors.length,
      links: map.links.length,
      positiveLinks: map.links.filter((l) => l.polarity === '+').length,
      negativeLinks: map.links.filter((l) => l.polarity === '-').length,
      selfLoops: map.links.filter((l) => l.from === l.to).length,
      delayedLinks: map.links.filter((l) => l.delay).length,
      ambiguousLinks: map.links.filter((l) => l.ambiguous === true).length,
      actors: map.actors.length,
      worksOn: map.worksOn.length,
    },
    summary: {
      loops: loops.loops.length,
      reinforcing: loops.reinforcing,
      balancing: loops.balancing,
      loopsComplete: loops.complete,
      leveragePoints: leverage.leveragePoints,
      gaps: overlay.gaps.length,
      introductions: overlay.introductions.length,
    },
    loops: loops.loops,
    factors,
    gaps: overlay.gaps,
    actors: overlay.actors,
    introductions: overlay.introductions,
    notes,
    warnings,
    glossary: GLOSSARY,
  };
}
