/**
 * The analysis pipeline, the one both the CLI and the app's worker call: build the graph from the
 * chosen relations, run every kernel (shortest-path passes on the given runner), then people
 * insights, skills, convenings, mentorships and change, and return one columnar result.
 */
import type { Dataset } from '../core/model/dataset.ts';
import { buildGraph, selectedRelations, type NetworkGraph } from '../core/graph/build-graph.ts';
import { toCsr, type Csr } from '../core/graph/csr.ts';
import type { RunHooks } from '../core/util/cancel.ts';
import { inThreadRunner, type PathRunner } from '../algorithms/parallel/path-batches.ts';
import { skillsReport } from '../features/skills/skills-report.ts';
import { mergeSuggestions } from '../features/skills/merge-suggestions.ts';
import { eventsSection } from '../features/convenings/summaries.ts';
import { mentorshipSection } from '../features/mentorship/reach.ts';
import { reciprocityByRelation } from '../features/survey/relations.ts';
import { startMetrics, type ComputeOptions, type MetricTable } from './compute-metrics.ts';
import { peopleInsightsBeside, type PeopleInsightOptions, type PeopleInsights } from './people-insights.ts';
import { changeSection } from './compare-waves.ts';
import { programParts } from './program-parts.ts';
import { communitySummaries } from './community-summaries.ts';
import { METRICS, metricApplies, type MetricId } from './metric-registry.ts';
import type { MetricInputs } from './metric-kernels.ts';
import { ANALYSIS_DEFAULTS, type AnalysisOptions, type AnalysisSettings } from './analysis-options.ts';
import type { AnalysisResult, InsightSections, MetricColumns } from './analysis-result.ts';

/** How a run reports progress, is cancelled, and where its shortest-path passes run. */
export interface AnalysisRuntime extends RunHooks {
  /** Where shortest-path passes run: a pool of workers, or (default) this thread. */
  pathRunner?: PathRunner;
}

/** The graph, CSR and settings of one run. */
export interface PreparedRun {
  graph: NetworkGraph;
  csr: Csr;
  settings: AnalysisSettings;
  compute: ComputeOptions;
}

export function prepareRun(dataset: Dataset, options: AnalysisOptions = {}): PreparedRun {
  const relations = selectedRelations(dataset, options.relations?.length ? options.relations : undefined);
  const graph = buildGraph(dataset, { relations, direction: options.direction ?? ANALYSIS_DEFAULTS.direction, ...(options.wave ? { wave: options.wave } : {}) });
  const settings: AnalysisSettings = {
    relations,
    directed: graph.type === 'directed',
    weight: options.weighting ?? ANALYSIS_DEFAULTS.weighting,
    seed: options.seed ?? ANALYSIS_DEFAULTS.seed,
    resolution: options.resolution ?? ANALYSIS_DEFAULTS.resolution,
  };
  const compute: ComputeOptions = {
    weighting: settings.weight,
    seed: settings.seed,
    resolution: settings.resolution,
    louvainRestarts: options.louvainRestarts,
    approximateAbove: options.approximateAbove ?? ANALYSIS_DEFAULTS.approximateAbove,
  };
  return { graph, csr: toCsr(graph), settings, compute };
}

export async function runAnalysis(dataset: Dataset, options: AnalysisOptions = {}, runtime: AnalysisRuntime = {}): Promise<AnalysisResult> {
  const { pathRunner = inThreadRunner, ...hooks } = runtime;
  const run = prepareRun(dataset, options);
  const { graph, csr, settings } = run;
  const groupBy = options.groupBy || undefined;
  // The passes run on the runner while the other kernels and the insights that need no path
  // measure run here.
  const underWay = await startMetrics(pathRunner, graph, run.compute, hooks, csr);
  const insightOptions: PeopleInsightOptions = { groupBy, weighted: settings.weight !== 'none', seed: settings.seed, ...contactBetweennessFrom(settings) };
  const insights =
    (options.insights ?? ANALYSIS_DEFAULTS.insights)
      ? await peopleInsightsBeside(dataset, graph, csr, underWay.early, async () => ({ table: (await underWay.done).table }), insightOptions, hooks)
      : null;
  const analysis = await underWay.done;
  const skills =
    insights && options.skills !== false
      ? skillsReport(dataset, csr, analysis.table, insights, { ...(groupBy ? { groupBy: [groupBy] } : {}), ...(options.skills ?? {}) }, hooks)
      : null;
  const events = eventsSection(dataset, options.events) ?? null;
  const parts = programParts(dataset, { relations: settings.relations, ...(options.ladder !== undefined ? { ladder: options.ladder } : {}), ...(options.ledger ? { ledger: options.ledger } : {}) });
  const program = {
    events,
    mentorship: mentorshipSection(dataset, { seed: settings.seed, resolution: settings.resolution, ...(groupBy ? { groupBy } : {}) }) ?? null,
    change:
      options.change === false
        ? null
        : (changeSection(dataset, { relations: settings.relations, direction: options.direction ?? ANALYSIS_DEFAULTS.direction, seed: settings.seed, resolution: settings.resolution, ...(groupBy ? { groupBy } : {}), ...options.change }, hooks) ?? null),
    ledger: parts.ledger,
    ladder: parts.ladder,
  };

  const inputs: MetricInputs = {
    kernels: analysis.kernels,
    ...(insights ? { insights: insights.nodes } : {}),
    ...(events ? { attended: new Map(events.attendance.map((a) => [a.id, a.events])) } : {}),
  };
  const edges = edgeArrays(graph, csr, settings.relations);
  const suggestions = insights?.suggestions ?? [];
  return {
    settings,
    dataset: { name: dataset.name, people: dataset.people.length, ties: dataset.ties.length, relations: [...new Set(dataset.ties.map((t) => t.relation))] },
    table: metricColumns(analysis.table, inputs, { directed: settings.directed, insights: insights !== null, events: events !== null }),
    figures: analysis.figures,
    communities: communitySummaries({ dataset, ids: csr.ids, community: analysis.table.columns.community, communities: analysis.figures.communities, directed: settings.directed, edgeSource: edges.edgeSource, edgeTarget: edges.edgeTarget }),
    ...edges,
    relationNames: settings.relations,
    insights: insights ? insightSections(insights) : null,
    skills,
    skillsRequested: options.skills !== undefined && options.skills !== false && (options.skills.skillsAttribute !== undefined || options.skills.abilities !== undefined),
    introductions: mergeSuggestions(suggestions, skills?.skills.introductions ?? []),
    reciprocity: reciprocityByRelation(dataset),
    program,
    warnings: [...(options.importWarnings ?? []), ...analysis.warnings, ...parts.warnings],
  };
}

/** The insights' sections; their per-person records are the result's columns. */
function insightSections({ nodes: _nodes, suggestions: _suggestions, ...sections }: PeopleInsights): InsightSections {
  return sections;
}

/** Every registry measure that applies to this run, as columns. */
function metricColumns(table: MetricTable, inputs: MetricInputs, context: Parameters<typeof metricApplies>[1]): MetricColumns {
  const columns: Partial<Record<MetricId, Float64Array>> = {};
  for (const metric of METRICS) {
    if (!metricApplies(metric, context)) continue;
    columns[metric.id] = 'requires' in metric ? metric.produce(inputs) : table.columns[metric.id];
  }
  return { ids: table.ids, columns: columns as MetricColumns['columns'], eigenvectorDefined: table.eigenvectorDefined };
}

function edgeArrays(graph: NetworkGraph, csr: Csr, relations: string[]) {
  const index = new Map(csr.ids.map((id, i) => [id, i]));
  const m = graph.size;
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgeWeight = new Float64Array(m);
  const edgeRelations = new Uint32Array(m);
  const relationIndex = new Map(relations.map((r, i) => [r, i]));
  let e = 0;
  graph.forEachEdge((_key, attr, s, t) => {
    edgeSource[e] = index.get(s)!;
    edgeTarget[e] = index.get(t)!;
    edgeWeight[e] = attr.weight;
    let bits = 0;
    for (const r of attr.relations) bits |= 1 << (relationIndex.get(r)! % 32);
    edgeRelations[e] = bits >>> 0;
    e++;
  });
  return { edgeSource, edgeTarget, edgeWeight, edgeRelations };
}

/**
 * On an undirected, unweighted network the contact betweenness people insights need is the
 * table's betweenness (computed on the worker pool); reusing it saves a second all-pairs pass.
 */
function contactBetweennessFrom(settings: AnalysisSettings): Pick<PeopleInsightOptions, 'contactBetweenness'> {
  return !settings.directed && settings.weight === 'none' ? { contactBetweenness: 'table' } : {};
}

/** Each buffer of a result once (undirected runs share one array for degree, in- and out-degree): what a worker transfers. */
export function resultTransferables(result: AnalysisResult): ArrayBuffer[] {
  const buffers = [
    ...Object.values(result.table.columns).map((c) => c.buffer as ArrayBuffer),
    result.edgeSource.buffer as ArrayBuffer,
    result.edgeTarget.buffer as ArrayBuffer,
    result.edgeWeight.buffer as ArrayBuffer,
    result.edgeRelations.buffer as ArrayBuffer,
  ];
  return [...new Set(buffers)];
}
