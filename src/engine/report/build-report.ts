/**
 * The plain JSON report: a projection of one analysis result (and the dataset it was run on).
 * The CLI writes it; its per-person measures are the metric registry's `report` view.
 */
import type { Dataset } from '../core/model/dataset.ts';
import type { Attributes } from '../core/model/records.ts';
import { VERSION } from '../core/util/version.ts';
import type { AnalysisResult } from '../analysis/analysis-result.ts';
import { metricsFor, type MetricContext, type MetricDefinition } from '../analysis/metric-registry.ts';
import type { NodeMetrics, Report, ReportEdge, ReportNode, ReportResolutionEntry } from './types.ts';
import type { LedgerSection } from '../features/ledger/stick.ts';
import { BY_HAND } from '../core/model/ledger.ts';
import { introductionKind } from './insight-words.ts';

export interface ReportExtras {
  /** Survey imports: how each written name was resolved. */
  resolution?: ReportResolutionEntry[];
}

/** What kind of run a result comes from, for choosing the measures that apply. */
export function resultContext(result: AnalysisResult): MetricContext {
  return { directed: result.settings.directed, insights: result.insights !== null, events: result.program.events !== null };
}

/** A measure's value as files write it: flags as booleans, missing values as null. */
export function metricValue(metric: MetricDefinition, column: Float64Array, index: number): number | boolean | null {
  const value = column[index]!;
  if (metric.display === 'flag') return value === 1;
  return Number.isNaN(value) ? null : value;
}

export function buildReport(dataset: Dataset, result: AnalysisResult, extras: ReportExtras = {}): Report {
  const { table, figures, settings } = result;
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const attributesOf = (id: string): Attributes => people.get(id)?.attributes ?? {};
  const measures = metricsFor('report', resultContext(result));
  const columns = table.columns as Record<string, Float64Array>;

  const nodes: ReportNode[] = table.ids.map((id, i) => {
    const metrics: Record<string, number | boolean | null> = {};
    for (const metric of measures) metrics[metric.id] = metricValue(metric, columns[metric.id]!, i);
    return { id, label: people.get(id)?.label || id, attributes: attributesOf(id), metrics: metrics as NodeMetrics };
  });

  const chosen = new Set(settings.relations);
  const edges: ReportEdge[] = dataset.ties
    .filter((t) => chosen.has(t.relation))
    .map((t) => ({ source: t.source, target: t.target, relation: t.relation, weight: t.weight, directed: t.directed }));

  const skills = result.skills;
  const withSkills = skills !== null && (skills.skills.settings.attributes.length > 0 || result.skillsRequested);
  const { events, mentorship, change } = result.program;
  const ledger = result.program.ledger ? ledgerWithKindNames(result.program.ledger) : null;
  return {
    format: 'netweave-report',
    version: 1,
    generatedBy: `netweave ${VERSION}`,
    settings,
    dataset: result.dataset,
    summary: {
      nodes: figures.nodes,
      edges: figures.edges,
      directed: figures.directed,
      weighted: settings.weight !== 'none',
      density: figures.density,
      components: figures.components,
      strongComponents: figures.strongComponents,
      largestComponentSize: figures.largestComponentSize,
      largestComponentShare: figures.nodes > 0 ? figures.largestComponentSize / figures.nodes : 0,
      averagePathLength: figures.averagePathLength,
      diameter: figures.diameter,
      transitivity: figures.transitivity,
      averageClustering: figures.averageClustering,
      reciprocity: figures.reciprocity,
      modularity: figures.modularity,
      communities: figures.communities,
      selfLoops: figures.selfLoops,
      isolates: figures.isolates,
      approximation: figures.approximation,
      betweennessBound: figures.betweennessBound,
    },
    nodes,
    edges,
    communities: result.communities,
    ...(result.insights
      ? {
          insightSettings: result.insights.settings,
          corePeriphery: result.insights.corePeriphery,
          periphery: result.insights.periphery,
          brokers: result.insights.brokers,
          cutPoints: result.insights.cutPoints,
          keyPlayers: result.insights.keyPlayers,
          ...(result.insights.equity ? { equity: result.insights.equity } : {}),
          suggestions: result.introductions,
        }
      : {}),
    ...(events ? { events } : {}),
    ...(mentorship ? { mentorship } : {}),
    ...(change ? { change } : {}),
    ...(ledger ? { ledger } : {}),
    ...(result.program.ladder ? { ladder: result.program.ladder } : {}),
    ...(withSkills ? { skills: skills.skills } : {}),
    ...(skills?.abilities ? { abilities: skills.abilities } : {}),
    ...(extras.resolution ? { resolution: extras.resolution } : {}),
    warnings: result.warnings,
  };
}

/** The ledger with each kind's rate labelled in plain words ("Bring someone at the edge in"). */
function ledgerWithKindNames(ledger: LedgerSection): LedgerSection {
  const byKind = ledger.rates.byKind.map((r) => ({ ...r, label: r.key === BY_HAND ? 'Made by hand' : introductionKind(r.key).name }));
  return { ...ledger, rates: { ...ledger.rates, byKind } };
}
