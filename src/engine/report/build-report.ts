/**
 * Builds the plain JSON report from a dataset and the metrics computed on it. The CLI prints it
 * and the UI renders it, so everything either shows comes from here.
 */
import type { Dataset } from '../core/model/dataset.ts';
import type { Attributes } from '../core/model/records.ts';
import type { ComputedAnalysis } from '../analysis/compute-metrics.ts';
import type { NetworkGraph } from '../core/graph/build-graph.ts';
import type { InputIssue } from '../core/util/issues.ts';
import type {
  AnalysisSettings,
  AttributeCount,
  CommunitySummary,
  NodeMetrics,
  Report,
  ReportEdge,
  ReportNode,
  ReportSections,
} from './types.ts';
import { VERSION } from '../core/util/version.ts';
import { attributeValues } from '../core/model/attribute-values.ts';
import type { PeopleInsights } from '../analysis/people-insights.ts';
import { mergeSuggestions } from '../features/skills/merge-suggestions.ts';

const TOP_VALUES = 3;


/**
 * The most common values of each categorical attribute among `members`. Attributes that tell
 * people apart (emails, names: nearly one value per person) say nothing about a group: skipped.
 */
export function topAttributeValues(
  members: string[],
  attributesOf: (id: string) => Attributes,
  categorical: Set<string>,
): Record<string, AttributeCount[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const id of members) {
    for (const [key, value] of Object.entries(attributesOf(id))) {
      if (!categorical.has(key)) continue;
      const byValue = counts.get(key) ?? new Map<string, number>();
      for (const v of attributeValues(value)) byValue.set(v, (byValue.get(v) ?? 0) + 1);
      counts.set(key, byValue);
    }
  }
  const result: Record<string, AttributeCount[]> = {};
  for (const [key, byValue] of counts) {
    result[key] = [...byValue]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, TOP_VALUES);
  }
  return result;
}

/** Attributes whose values repeat enough to describe groups (not numbers, not per-person ids). */
export function categoricalAttributes(people: Dataset['people']): Set<string> {
  const distinct = new Map<string, Set<string>>();
  const numeric = new Set<string>();
  for (const person of people) {
    for (const [key, value] of Object.entries(person.attributes)) {
      if (typeof value === 'number') numeric.add(key);
      const set = distinct.get(key) ?? new Set<string>();
      for (const v of attributeValues(value)) set.add(v);
      distinct.set(key, set);
    }
  }
  const result = new Set<string>();
  const limit = Math.max(2, people.length / 2);
  for (const [key, set] of distinct) {
    if (!numeric.has(key) && set.size > 0 && set.size <= limit) result.add(key);
  }
  return result;
}

export interface ReportContext {
  dataset: Dataset;
  graph: NetworkGraph;
  analysis: ComputedAnalysis;
  insights?: PeopleInsights;
  settings: AnalysisSettings;
  warnings?: InputIssue[];
  /** Convenings, mentorship and change sections, when computed. */
  sections?: ReportSections;
}

export function buildReport({ dataset, graph, analysis, insights, settings, warnings = [], sections = {} }: ReportContext): Report {
  const { table, figures } = analysis;
  const c = table.columns;
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const attributesOf = (id: string): Attributes => people.get(id)?.attributes ?? {};
  const attended = sections.events ? new Map(sections.events.attendance.map((a) => [a.id, a.events])) : undefined;

  const nodes: ReportNode[] = table.ids.map((id, i) => {
    const metrics: NodeMetrics = {
      degree: c.degree[i]!,
      inDegree: c.inDegree[i]!,
      outDegree: c.outDegree[i]!,
      strength: c.strength[i]!,
      degreeCentrality: c.degreeCentrality[i]!,
      betweenness: c.betweenness[i]!,
      closeness: c.closeness[i]!,
      harmonic: c.harmonic[i]!,
      ...(figures.directed ? { closenessOut: c.closenessOut[i]!, harmonicOut: c.harmonicOut[i]! } : {}),
      eigenvector: c.eigenvector[i]!,
      pagerank: c.pagerank[i]!,
      clustering: c.clustering[i]!,
      coreness: c.coreness[i]!,
      community: c.community[i]!,
      component: c.component[i]!,
      ...insightMetrics(insights?.nodes[id]),
      ...(attended ? { eventsAttended: attended.get(id) ?? 0 } : {}),
    };
    return { id, label: graph.getNodeAttribute(id, 'label'), attributes: attributesOf(id), metrics };
  });

  const chosen = new Set(settings.relations);
  const edges: ReportEdge[] = dataset.ties
    .filter((t) => chosen.has(t.relation))
    .map((t) => ({ source: t.source, target: t.target, relation: t.relation, weight: t.weight, directed: t.directed }));

  const members: string[][] = Array.from({ length: figures.communities }, () => []);
  table.ids.forEach((id, i) => members[c.community[i]!]!.push(id));
  const index = new Map(table.ids.map((id, i) => [id, i]));
  const internal = new Array<number>(figures.communities).fill(0);
  const external = new Array<number>(figures.communities).fill(0);
  graph.forEachEdge((_e, _a, s, t) => {
    const cs = c.community[index.get(s)!]!;
    const ct = c.community[index.get(t)!]!;
    if (cs === ct) internal[cs]!++;
    else {
      external[cs]!++;
      external[ct]!++;
    }
  });
  const categorical = categoricalAttributes(dataset.people);
  const communities: CommunitySummary[] = members.map((ids, id) => {
    const size = ids.length;
    const pairs = figures.directed ? size * (size - 1) : (size * (size - 1)) / 2;
    return {
      id,
      size,
      members: ids,
      density: pairs > 0 ? internal[id]! / pairs : 0,
      internalEdges: internal[id]!,
      externalEdges: external[id]!,
      topAttributes: topAttributeValues(ids, attributesOf, categorical),
    };
  });

  return {
    format: 'netweave-report',
    version: 1,
    generatedBy: `netweave ${VERSION}`,
    settings,
    dataset: {
      name: dataset.name,
      people: dataset.people.length,
      ties: dataset.ties.length,
      relations: [...new Set(dataset.ties.map((t) => t.relation))],
    },
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
    },
    nodes,
    edges,
    communities,
    ...(insights
      ? {
          insightSettings: insights.settings,
          corePeriphery: insights.corePeriphery,
          periphery: insights.periphery,
          brokers: insights.brokers,
          cutPoints: insights.cutPoints,
          keyPlayers: insights.keyPlayers,
          ...(insights.equity ? { equity: insights.equity } : {}),
          suggestions: mergeSuggestions(insights.suggestions, sections.skills?.introductions ?? []),
        }
      : {}),
    ...(sections.events ? { events: sections.events } : {}),
    ...(sections.mentorship ? { mentorship: sections.mentorship } : {}),
    ...(sections.change ? { change: sections.change } : {}),
    ...(sections.skills ? { skills: sections.skills } : {}),
    ...(sections.abilities ? { abilities: sections.abilities } : {}),
    warnings: [...warnings, ...analysis.warnings],
  };
}

function insightMetrics(node: PeopleInsights['nodes'][string] | undefined): Partial<NodeMetrics> {
  if (!node) return {};
  return {
    coreScore: node.coreScore,
    peripheral: node.peripheral,
    constraint: node.constraint,
    effectiveSize: node.effectiveSize,
    reach2: node.reach2,
  };
}
