/**
 * The analysis as compact typed arrays, for crossing from a worker to the page: metric columns,
 * the built graph's edges as index arrays, and the small summaries. Nothing per-node is an
 * object, so the transfer costs milliseconds even for large graphs.
 */
import type { Dataset } from '../core/model/dataset.ts';
import { computeMetricsWith, type MetricTable, type NetworkFigures } from './compute-metrics.ts';
import { inThreadRunner, type PathRunner } from '../algorithms/parallel/path-batches.ts';
import { buildReport } from '../report/build-report.ts';
import { prepareRun, type AnalyzeOptions } from './analyze.ts';
import type { AnalysisSettings, CommunitySummary } from '../report/types.ts';
import type { RunHooks } from '../core/util/cancel.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { peopleInsights, type PeopleInsights } from './people-insights.ts';
import { skillsReport, type SkillsReport } from '../features/skills/skills-report.ts';
import type { AbilityAssessment } from '../core/model/abilities.ts';
import { eventsSection, type EventsSection } from '../features/convenings/summaries.ts';
import { mentorshipSection, type MentorshipSection } from '../features/mentorship/reach.ts';
import { changeSection, type ChangeSection } from './compare-waves.ts';
import { mergeSuggestions, type AnySuggestion } from '../features/skills/merge-suggestions.ts';
import { reciprocityByRelation, type RelationReciprocity } from '../features/survey/relations.ts';

export interface AnalysisPayload {
  settings: AnalysisSettings;
  table: MetricTable;
  figures: NetworkFigures;
  communities: CommunitySummary[];
  /** The analysed graph's ties (merged per pair), as indices into table.ids. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeWeight: Float64Array;
  /** Relations merged into each tie, as indices into `relationNames`. */
  edgeRelations: Uint32Array;
  relationNames: string[];
  /** Periphery, brokers, equity and introductions (absent when turned off). */
  insights: PayloadInsights | null;
  /** Skills coverage and, with an assessment, abilities (absent without people insights). */
  skills: SkillsReport | null;
  /** Introductions to make: weaving suggestions and skill introductions in one ranked list. */
  introductions: AnySuggestion[];
  /** Share of directed ties returned, per relation (and wave). */
  reciprocity: RelationReciprocity[];
  /** Convenings, mentorship reach and change between waves, when the dataset has them. */
  program: { events: EventsSection | null; mentorship: MentorshipSection | null; change: ChangeSection | null };
  warnings: InputIssue[];
}

export interface PayloadExtras {
  /** A leadership-abilities self-assessment kept with the project. */
  abilities?: AbilityAssessment | null;
}

export async function analysisPayload(
  dataset: Dataset,
  options: AnalyzeOptions = {},
  hooks?: RunHooks,
  runner: PathRunner = inThreadRunner,
  extras: PayloadExtras = {},
): Promise<AnalysisPayload> {
  const { graph, csr, settings, compute } = prepareRun(dataset, options);
  const { relations } = settings;
  const analysis = await computeMetricsWith(runner, graph, compute, hooks, csr);
  const insights =
    options.insights === false
      ? null
      : peopleInsights(dataset, graph, csr, analysis.table, { groupBy: options.groupBy || undefined, weighted: settings.weight !== 'none', seed: settings.seed, ...contactBetweennessFrom(analysis.table, settings) }, hooks);
  const skills = insights
    ? // Per-person skill lists are for reports: the app does not show them, and at 50,000 people
      // they are 250,000 small objects for the page to copy in.
      skillsReport(dataset, csr, analysis.table, insights, { perPerson: false, ...(options.groupBy ? { groupBy: [options.groupBy] } : {}), ...(extras.abilities ? { abilities: extras.abilities } : {}) }, hooks)
    : null;
  const program = {
    events: eventsSection(dataset) ?? null,
    mentorship: mentorshipSection(dataset, { seed: settings.seed, resolution: settings.resolution, ...(options.groupBy ? { groupBy: options.groupBy } : {}) }) ?? null,
    change:
      options.change === false
        ? null
        : changeSection(dataset, { direction: options.direction ?? 'auto', seed: settings.seed, resolution: settings.resolution, ...(options.groupBy ? { groupBy: options.groupBy } : {}), ...options.change }, hooks) ?? null,
  };
  // The report builder owns the community summaries; reuse it rather than summarise twice.
  const report = buildReport({ dataset, graph, analysis, settings });
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
    // A bit per relation (up to 32 layers); enough for survey questions.
    let bits = 0;
    for (const r of attr.relations) bits |= 1 << (relationIndex.get(r)! % 32);
    edgeRelations[e] = bits >>> 0;
    e++;
  });
  return {
    settings,
    table: analysis.table,
    figures: analysis.figures,
    communities: report.communities,
    edgeSource,
    edgeTarget,
    edgeWeight,
    edgeRelations,
    relationNames: relations,
    insights: insights ? insightColumns(insights, analysis.table.ids) : null,
    skills,
    introductions: mergeSuggestions(insights?.suggestions ?? [], skills?.skills.introductions ?? []),
    reciprocity: reciprocityByRelation(dataset),
    program,
    warnings: analysis.warnings,
  };
}

/** Per-person insight figures as columns aligned with table.ids (NaN where there is none). */
export const INSIGHT_COLUMNS = ['coreScore', 'peripheryScore', 'constraint', 'effectiveSize', 'brokerScore', 'reach1', 'reach2', 'reach3'] as const;
export type InsightColumn = (typeof INSIGHT_COLUMNS)[number];

/**
 * People insights as they cross to the page: the per-person record of 50,000 people is 50,000
 * objects to copy on the page's thread (a fifth of a second); as columns they are transferred.
 */
export type PayloadInsights = Omit<PeopleInsights, 'nodes'> & { columns: Record<InsightColumn, Float64Array> };

export function insightColumns(insights: PeopleInsights, ids: readonly string[]): PayloadInsights {
  const { nodes, ...rest } = insights;
  const columns = Object.fromEntries(INSIGHT_COLUMNS.map((key) => [key, new Float64Array(ids.length).fill(Number.NaN)])) as Record<InsightColumn, Float64Array>;
  ids.forEach((id, i) => {
    const node = nodes[id];
    if (!node) return;
    for (const key of INSIGHT_COLUMNS) columns[key][i] = node[key] ?? Number.NaN;
  });
  return { ...rest, columns };
}

/** Each buffer once: undirected graphs share one array for degree, in- and out-degree. */
export function payloadTransferables(payload: AnalysisPayload): ArrayBuffer[] {
  const buffers = [
    ...Object.values(payload.table.columns).map((c) => c.buffer as ArrayBuffer),
    ...Object.values(payload.insights?.columns ?? {}).map((c) => c.buffer as ArrayBuffer),
    payload.edgeSource.buffer as ArrayBuffer,
    payload.edgeTarget.buffer as ArrayBuffer,
    payload.edgeWeight.buffer as ArrayBuffer,
    payload.edgeRelations.buffer as ArrayBuffer,
  ];
  return [...new Set(buffers)];
}

/**
 * On an undirected, unweighted network the contact betweenness people insights need is the
 * betweenness already computed (on the worker pool); reusing it saves a second all-pairs pass.
 */
export function contactBetweennessFrom(table: MetricTable, settings: AnalysisSettings): { contactBetweenness?: Float64Array } {
  return !settings.directed && settings.weight === 'none' ? { contactBetweenness: table.columns.betweenness } : {};
}
