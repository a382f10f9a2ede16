/**
 * The targets, judged on the medium (10k/50k) figures of this run: ratios of netweave's
 * wall time to igraph's for the same computation on the same edge list. Figures, not asserts:
 * a verdict is printed and recorded, the run never fails on it.
 */
import type { IgraphResult, IgraphStep } from './igraph-runner.ts';
import type { NetweaveResult, NetweaveStep } from './netweave-runner.ts';
import { FULL_ANALYSIS_IGRAPH, igraphCost, netweaveCost, type Cost } from './report.ts';
import { formatRatio, formatSeconds } from './timing.ts';

/** The size the targets are stated for. */
export const TARGET_SIZE = 'medium';

interface TargetSpec {
  id: string;
  description: (threads: number) => string;
  netweave: { step: NetweaveStep; on: 'one' | 'pool' };
  igraph: IgraphStep[];
  igraphName: string;
  /** netweave / igraph on wall time must be at most this. */
  limit: number;
}

const TARGETS: TargetSpec[] = [
  {
    id: 'fullAnalysisAllCores',
    description: (threads) => `full analysis (computeMetrics, exact), all cores (${threads} threads)`,
    netweave: { step: 'computeMetrics', on: 'pool' },
    igraph: FULL_ANALYSIS_IGRAPH,
    igraphName: "igraph's summed equivalent set",
    limit: 1,
  },
  {
    id: 'fullAnalysisOneThread',
    description: () => 'full analysis (computeMetrics, exact), 1 thread',
    netweave: { step: 'computeMetrics', on: 'one' },
    igraph: FULL_ANALYSIS_IGRAPH,
    igraphName: "igraph's summed equivalent set",
    limit: 1.3,
  },
  {
    id: 'wholeReportAllCores',
    description: (threads) => `the whole analyze report (runAnalysis, exact), all cores (${threads} threads)`,
    netweave: { step: 'analyze', on: 'pool' },
    igraph: FULL_ANALYSIS_IGRAPH,
    igraphName: "igraph's summed equivalent set",
    limit: 0.3,
  },
  {
    id: 'betweennessAllCores',
    // netweave's exact pass yields closeness and harmonic too; it has no betweenness-only pass.
    description: (threads) => `exact betweenness (the shortest-path pass), all cores (${threads} threads)`,
    netweave: { step: 'paths', on: 'pool' },
    igraph: ['betweenness'],
    igraphName: 'igraph betweenness',
    limit: 0.6,
  },
];

export interface Verdict {
  id: string;
  description: string;
  netweave: Cost | null;
  igraph: Cost | null;
  igraphName: string;
  /** Wall-time ratio; null when either side is missing from this run. */
  ratio: number | null;
  limit: number;
  met: boolean | null;
}

export function targetVerdicts(nw: NetweaveResult | null, ig: IgraphResult | null, threads: number): Verdict[] {
  return TARGETS.map((t) => {
    const ours = nw === null ? null : netweaveCost(nw, [t.netweave.step], t.netweave.on);
    const theirs = igraphCost(ig, t.igraph);
    const ratio = ours !== null && theirs !== null && theirs.wall > 0 ? ours.wall / theirs.wall : null;
    return {
      id: t.id,
      description: t.description(threads),
      netweave: ours,
      igraph: theirs,
      igraphName: t.igraphName,
      ratio,
      limit: t.limit,
      met: ratio === null ? null : ratio <= t.limit,
    };
  });
}

export interface TargetContext {
  /** Whether the medium size ran, and with igraph figures. */
  mediumRan: boolean;
  igraphRan: boolean;
  /** Other work shared the machine while the medium size ran (wall times inflated). */
  busy: boolean;
  maxLoad: number;
  cores: number;
}

export function formatTargets(verdicts: Verdict[], context: TargetContext): string {
  const missing = !context.mediumRan
    ? 'not measured: the medium size was not in --sizes'
    : !context.igraphRan
      ? 'not measured: no igraph figures for medium (skipped or not installed)'
      : 'not measured';
  const lines = ['## Targets (10k nodes / 50k edges, wall time, netweave / igraph)', ''];
  for (const v of verdicts) {
    const limit = `target ≤ ${v.limit.toFixed(2)}×`;
    if (v.ratio === null || v.netweave === null || v.igraph === null) {
      lines.push(`- ${v.description}: ${limit}: ${missing}`);
      continue;
    }
    lines.push(
      `- ${v.description}: ${formatSeconds(v.netweave.wall)} s vs ${v.igraphName} ${formatSeconds(v.igraph.wall)} s ` +
        `= ${formatRatio(v.netweave.wall, v.igraph.wall)} (${limit}): ${v.met ? 'met' : 'NOT met'}`,
    );
  }
  if (context.mediumRan && context.busy) {
    lines.push(
      '',
      `Caution: the 1-minute load average reached ${context.maxLoad.toFixed(2)} on ${context.cores} cores while medium ran; ` +
        'other work shared the machine, so these wall-time verdicts are not reliable. Run again on a quiet machine.',
    );
  }
  return lines.join('\n');
}
