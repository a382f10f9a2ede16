/**
 * The whole analysis of a dataset: build the graph from the chosen relations, compute every
 * metric and community, and return the JSON report. This is what the CLI and the UI call.
 */
import type { Dataset } from '../core/model/dataset.ts';
import { buildGraph, selectedRelations } from '../core/graph/build-graph.ts';
import { computeMetrics, computeMetricsWith, type ComputedAnalysis, type ComputeOptions } from './compute-metrics.ts';
import type { PathRunner } from '../algorithms/parallel/path-batches.ts';
import { peopleInsights } from './people-insights.ts';
import { skillsReport, type SkillsReportOptions } from '../features/skills/skills-report.ts';
import { toCsr } from '../core/graph/csr.ts';
import { buildReport } from '../report/build-report.ts';
import type { PathWeighting } from '../algorithms/metrics/shortest-paths.ts';
import type { AnalysisSettings, Report } from '../report/types.ts';
import type { RunHooks } from '../core/util/cancel.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { eventsSection, type EventsSectionOptions } from '../features/convenings/summaries.ts';
import { mentorshipSection } from '../features/mentorship/reach.ts';
import { changeSection } from './compare-waves.ts';

export interface AnalyzeOptions {
  /** Relation layers to combine; all when omitted. */
  relations?: string[];
  /** Default `auto`: directed when any chosen relation is. */
  direction?: 'auto' | 'directed' | 'undirected';
  /** Analyse one wave's ties (plus ties without a wave). Default: all waves together. */
  wave?: string;
  /** How tie weights are read (see ComputeOptions.weighting). Default `none`. */
  weighting?: PathWeighting;
  /** Seed for Louvain. Default 42. */
  seed?: number;
  /** Louvain resolution. Default 1. */
  resolution?: number;
  louvainRestarts?: number;
  /** Above this many people, path measures are estimated by sampling (default 20,000). */
  approximateAbove?: number;
  /**
   * Skills and abilities: options for the skills report (e.g. `skillsAttribute`, `abilities`), or
   * false to leave the sections out. Default: computed when people have a skills attribute.
   */
  skills?: SkillsReportOptions | false;
  /** Attribute for the equity view and brokerage roles (e.g. "sector"). */
  groupBy?: string;
  /** Compute periphery, brokers, equity and suggestions. Default true. */
  insights?: boolean;
  /** Issues from import to carry into the report's warnings. */
  importWarnings?: InputIssue[];
  /** Settings of the `events` section (datasets with attendance records). */
  events?: EventsSectionOptions;
  /** The `change` section: the waves to compare (default the last two); false leaves it out. */
  change?: { from?: string; to?: string } | false;
}

/** The whole analysis in this thread. */
export function analyze(dataset: Dataset, options: AnalyzeOptions = {}, hooks?: RunHooks): Report {
  const run = prepareRun(dataset, options);
  const analysis = computeMetrics(run.graph, run.compute, hooks, run.csr);
  return finishReport(dataset, options, run, analysis, hooks);
}

/** The whole analysis, with shortest-path passes on `runner` (a pool of workers). */
export async function analyzeWith(runner: PathRunner, dataset: Dataset, options: AnalyzeOptions = {}, hooks?: RunHooks): Promise<Report> {
  const run = prepareRun(dataset, options);
  const analysis = await computeMetricsWith(runner, run.graph, run.compute, hooks, run.csr);
  return finishReport(dataset, options, run, analysis, hooks);
}

/** The graph, CSR, settings and metric options of one analysis run (also the worker payload's). */
export function prepareRun(dataset: Dataset, options: AnalyzeOptions) {
  const relations = selectedRelations(dataset, options.relations);
  const graph = buildGraph(dataset, { relations, direction: options.direction, ...(options.wave ? { wave: options.wave } : {}) });
  const settings: AnalysisSettings = {
    relations,
    directed: graph.type === 'directed',
    weight: options.weighting ?? 'none',
    seed: options.seed ?? 42,
    resolution: options.resolution ?? 1,
  };
  const compute: ComputeOptions = {
    weighting: settings.weight,
    seed: settings.seed,
    resolution: settings.resolution,
    louvainRestarts: options.louvainRestarts,
    approximateAbove: options.approximateAbove,
  };
  return { graph, csr: toCsr(graph), settings, compute };
}

function finishReport(
  dataset: Dataset,
  options: AnalyzeOptions,
  run: ReturnType<typeof prepareRun>,
  analysis: ComputedAnalysis,
  hooks: RunHooks | undefined,
): Report {
  const insights =
    options.insights === false
      ? undefined
      : peopleInsights(dataset, run.graph, run.csr, analysis.table, { groupBy: options.groupBy, weighted: run.settings.weight !== 'none', seed: run.settings.seed }, hooks);
  const { seed, resolution, relations } = run.settings;
  const skills =
    insights && options.skills !== false
      ? skillsReport(dataset, run.csr, analysis.table, insights, { ...(options.groupBy ? { groupBy: [options.groupBy] } : {}), ...(options.skills ?? {}) }, hooks)
      : undefined;
  // Without any skills recorded (and no assessment) the section would only say so: left out.
  const withSkills = skills && (skills.skills.settings.attributes.length > 0 || options.skills);
  const sections = {
    ...(withSkills ? { skills: skills.skills } : {}),
    ...(skills?.abilities ? { abilities: skills.abilities } : {}),
    events: eventsSection(dataset, options.events),
    mentorship: mentorshipSection(dataset, { seed, resolution, groupBy: options.groupBy }),
    change:
      options.change === false
        ? undefined
        : changeSection(dataset, { relations, direction: options.direction, seed, resolution, groupBy: options.groupBy, ...options.change }, hooks),
  };
  return buildReport({ dataset, graph: run.graph, analysis, insights, settings: run.settings, warnings: options.importWarnings, sections });
}
