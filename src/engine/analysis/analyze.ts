/**
 * The whole analysis of a dataset: build the graph from the chosen relations, compute every
 * metric and community, and return the JSON report. This is what the CLI and the UI call.
 */
import type { Dataset } from '../model/dataset.ts';
import { buildGraph, selectedRelations } from '../graph/build-graph.ts';
import { computeMetrics } from './compute-metrics.ts';
import { peopleInsights } from './people-insights.ts';
import { toCsr } from '../graph/csr.ts';
import { buildReport } from '../report/build-report.ts';
import type { PathWeighting } from '../metrics/shortest-paths.ts';
import type { Report } from '../report/types.ts';
import type { RunHooks } from '../util/cancel.ts';
import type { InputIssue } from '../util/issues.ts';

export interface AnalyzeOptions {
  /** Relation layers to combine; all when omitted. */
  relations?: string[];
  /** Default `auto`: directed when any chosen relation is. */
  direction?: 'auto' | 'directed' | 'undirected';
  /** How tie weights are read (see ComputeOptions.weighting). Default `none`. */
  weighting?: PathWeighting;
  /** Seed for Louvain. Default 42. */
  seed?: number;
  /** Louvain resolution. Default 1. */
  resolution?: number;
  louvainRestarts?: number;
  /** Above this many people, path measures are estimated by sampling (default 20,000). */
  approximateAbove?: number;
  /** Attribute for the equity view and brokerage roles (e.g. "sector"). */
  groupBy?: string;
  /** Compute periphery, brokers, equity and suggestions. Default true. */
  insights?: boolean;
  /** Issues from import to carry into the report's warnings. */
  importWarnings?: InputIssue[];
}

export function analyze(dataset: Dataset, options: AnalyzeOptions = {}, hooks?: RunHooks): Report {
  const relations = selectedRelations(dataset, options.relations);
  const graph = buildGraph(dataset, { relations, direction: options.direction });
  const seed = options.seed ?? 42;
  const resolution = options.resolution ?? 1;
  const weighting = options.weighting ?? 'none';
  const csr = toCsr(graph);
  const analysis = computeMetrics(
    graph,
    { weighting, seed, resolution, louvainRestarts: options.louvainRestarts, approximateAbove: options.approximateAbove },
    hooks,
    csr,
  );
  const insights =
    options.insights === false
      ? undefined
      : peopleInsights(dataset, graph, csr, analysis.table, { groupBy: options.groupBy, weighted: weighting !== 'none', seed }, hooks);
  return buildReport({
    dataset,
    graph,
    analysis,
    insights,
    settings: { relations, directed: graph.type === 'directed', weight: weighting, seed, resolution },
    warnings: options.importWarnings,
  });
}
