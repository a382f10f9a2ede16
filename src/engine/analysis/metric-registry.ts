/**
 * Every per-person measure netweave computes, declared once as data. The analysis produces a
 * column for each entry that applies; the JSON report, both CSVs, the glossary (README and app),
 * the app's table, profile and size menu all read this list. Adding a measure is: its algorithm
 * file, one entry here, one reference-fixture row (test/reference/make.py).
 *
 * Order matters: it is the column order of the CSVs and the key order of the report's metrics.
 */
import type { MetricInputs } from './metric-kernels.ts';
import { insightColumn } from './metric-kernels.ts';
import { inDegreeCentrality } from '../algorithms/metrics/in-degree-centrality.ts';

/** Where a measure is shown. */
export type MetricView = 'table' | 'profile' | 'size' | 'csv' | 'report';

/**
 * How a measure reads to a person: `count` (a whole number of people or ties), `share` (0..1, shown
 * as a percentage), `percentile` (a score only meaningful against others: shown as a percentile
 * band), `group` (a group number), `flag` (yes / no).
 */
export type MetricDisplay = 'count' | 'share' | 'percentile' | 'group' | 'flag';

export interface MetricDefinition {
  /** Column key in the analysis result, the report and the CSVs. */
  readonly id: string;
  /** Plain-words name. */
  readonly label: string;
  /** One line on what it means for a person in the network. */
  readonly explanation: string;
  /** The reference implementation whose definition it follows (and the tests compare against). */
  readonly reference: string;
  /** Key of the values in the networkx reference fixtures (test/reference/graphs), when there is one. */
  readonly fixture?: string;
  /** `directed`: only on directed networks (on undirected ones it would repeat another measure). */
  readonly scope: 'all' | 'directed';
  /** Estimated from sampled people on large networks (see `approximateAbove`). */
  readonly estimated: boolean;
  readonly display: MetricDisplay;
  readonly views: readonly MetricView[];
  /**
   * For a `percentile` measure whose "top" and "bottom" would read wrong or unclear, how its two
   * ends read, so a band says where a person stands in the measure's own words: peripheryScore's
   * top 10% reads "furthest out 10%", its bottom 10% "furthest in 10%" (a plain "bottom
   * 10%" read as if a core member were at the edge). Without it, "top 10%" / "bottom 10%", which
   * read right where more is more of what the label names (Bridging, Influence, Reach).
   */
  readonly ends?: MetricEnds;
  /** What must have run for the measure to exist: people insights, or convening attendance. */
  readonly requires?: 'insights' | 'events';
  /** Builds the column, in CSR order, from what the run computed. */
  readonly produce: (inputs: MetricInputs) => Float64Array;
}

/** The words for the high and the low end of a percentile measure (see `MetricDefinition.ends`). */
export interface MetricEnds {
  readonly high: string;
  readonly low: string;
}

const EVERYWHERE = ['table', 'profile', 'size', 'csv', 'report'] as const;
const FILES = ['csv', 'report'] as const;

export const METRICS = [
  {
    id: 'degree',
    label: 'Connections',
    explanation: 'How many people this person is directly tied to (named or naming, for directed ties).',
    reference: 'networkx G.degree',
    fixture: 'degree',
    scope: 'all',
    estimated: false,
    display: 'count',
    views: EVERYWHERE,
    produce: ({ kernels }) => kernels.degree.degree,
  },
  {
    id: 'inDegree',
    label: 'Named by',
    explanation: 'How many people named this person (ties pointing to them).',
    reference: 'networkx G.in_degree',
    fixture: 'in_degree',
    scope: 'directed',
    estimated: false,
    display: 'count',
    views: EVERYWHERE,
    produce: ({ kernels }) => kernels.degree.inDegree,
  },
  {
    id: 'outDegree',
    label: 'Names',
    explanation: 'How many people this person named (ties pointing away from them).',
    reference: 'networkx G.out_degree',
    fixture: 'out_degree',
    scope: 'directed',
    estimated: false,
    display: 'count',
    views: EVERYWHERE,
    produce: ({ kernels }) => kernels.degree.outDegree,
  },
  {
    id: 'strength',
    label: 'Tie strength',
    explanation: "How much tie this person has in all: many or strong ties give a high value (the sum of their ties' weights, weighted degree).",
    reference: 'networkx G.degree(weight="weight")',
    fixture: 'strength',
    scope: 'all',
    estimated: false,
    display: 'count',
    views: ['profile', 'size', 'csv', 'report'],
    produce: ({ kernels }) => kernels.degree.strength,
  },
  {
    id: 'degreeCentrality',
    label: 'Share connected',
    explanation: 'The share of everyone else this person is directly tied to (degree centrality).',
    reference: 'networkx degree_centrality',
    fixture: 'degree_centrality',
    scope: 'all',
    estimated: false,
    display: 'share',
    views: FILES,
    produce: ({ kernels }) => kernels.degree.degreeCentrality,
  },
  {
    id: 'degreeCentralityIn',
    label: 'Share naming them',
    explanation: 'The share of everyone else who named this person (in-degree centrality).',
    reference: 'networkx in_degree_centrality',
    fixture: 'in_degree_centrality',
    scope: 'directed',
    estimated: false,
    display: 'share',
    views: FILES,
    produce: ({ kernels }) => inDegreeCentrality(kernels.csr),
  },
  {
    id: 'betweenness',
    label: 'Bridging',
    explanation: 'How often this person lies on the shortest path between two others: high values bridge groups that would otherwise be far apart (betweenness centrality).',
    reference: 'networkx betweenness_centrality (normalized)',
    fixture: 'betweenness',
    scope: 'all',
    estimated: true,
    display: 'percentile',
    views: EVERYWHERE,
    produce: ({ kernels }) => kernels.paths.betweenness,
  },
  {
    id: 'closeness',
    label: 'Closeness',
    explanation: 'How few introductions it takes to reach this person from everyone else; lower when part of the network cannot reach them at all (closeness centrality).',
    reference: 'networkx closeness_centrality (wf_improved)',
    fixture: 'closeness',
    scope: 'all',
    estimated: true,
    display: 'percentile',
    views: EVERYWHERE,
    produce: ({ kernels }) => kernels.paths.closeness,
  },
  {
    id: 'harmonic',
    label: 'Reach',
    explanation: 'How easily everyone else can reach this person, near people counting more than far ones: like closeness, but also fair when the network has separate parts (harmonic centrality).',
    reference: 'networkx harmonic_centrality',
    fixture: 'harmonic',
    scope: 'all',
    estimated: true,
    display: 'percentile',
    views: EVERYWHERE,
    produce: ({ kernels }) => kernels.paths.harmonic,
  },
  {
    id: 'closenessOut',
    label: 'Closeness outward',
    explanation: 'How few introductions it takes this person to reach everyone else, following ties the way they point (outward closeness centrality).',
    reference: 'networkx closeness_centrality(G.reverse())',
    fixture: 'closeness_out',
    scope: 'directed',
    estimated: true,
    display: 'percentile',
    views: FILES,
    produce: ({ kernels }) => kernels.paths.closenessOut,
  },
  {
    id: 'harmonicOut',
    label: 'Reach outward',
    explanation: 'How easily this person reaches everyone else following ties the way they point, near people counting more than far ones (outward harmonic centrality).',
    reference: 'networkx harmonic_centrality(G.reverse())',
    fixture: 'harmonic_out',
    scope: 'directed',
    estimated: true,
    display: 'percentile',
    views: FILES,
    produce: ({ kernels }) => kernels.paths.harmonicOut,
  },
  {
    id: 'eigenvector',
    label: 'Well-connected ties',
    explanation: 'High when this person is tied to people who are themselves well connected (eigenvector centrality).',
    reference: 'networkx eigenvector_centrality_numpy',
    fixture: 'eigenvector',
    scope: 'all',
    estimated: false,
    display: 'percentile',
    views: EVERYWHERE,
    produce: ({ kernels }) => kernels.eigenvector,
  },
  {
    id: 'pagerank',
    label: 'Influence (PageRank)',
    explanation: 'How likely word passed along ties at random ends with this person; being named by influential people counts more (PageRank).',
    reference: 'networkx pagerank (alpha 0.85)',
    fixture: 'pagerank',
    scope: 'all',
    estimated: false,
    display: 'percentile',
    views: EVERYWHERE,
    produce: ({ kernels }) => kernels.pagerank,
  },
  {
    id: 'clustering',
    label: 'Tight-knit circle',
    explanation: "The share of this person's contacts who are also tied to each other (clustering coefficient).",
    reference: 'networkx clustering',
    fixture: 'clustering',
    scope: 'all',
    estimated: false,
    display: 'share',
    views: EVERYWHERE,
    produce: ({ kernels }) => kernels.clustering,
  },
  {
    id: 'coreness',
    label: 'Core level',
    explanation: 'How deep in the network this person sits: the largest number of ties that everyone in their innermost circle has to others in it. Low values mean the edge of the network (k-core number).',
    reference: 'networkx core_number',
    fixture: 'core_number',
    scope: 'all',
    estimated: false,
    display: 'count',
    views: EVERYWHERE,
    produce: ({ kernels }) => kernels.coreness,
  },
  {
    id: 'community',
    label: 'Group',
    explanation: 'The densely tied group (community) this person falls in, found by the Louvain method; groups are numbered from 1, the largest first.',
    reference: 'networkx community.louvain_communities (seeded, best of 10 runs)',
    scope: 'all',
    estimated: false,
    display: 'group',
    views: FILES,
    // Numbered from 1 as people count (the kernels number from 0): the app, the CSV and the report
    // show the same number, and the group summaries' ids match it.
    produce: ({ kernels }) => kernels.community.map((c) => c + 1),
  },
  {
    id: 'component',
    label: 'Connected part',
    explanation: 'The part of the network this person is in, numbered from 1, the largest first. People in different parts have no path between them (connected component).',
    reference: 'networkx connected_components (weakly, for directed networks)',
    scope: 'all',
    estimated: false,
    display: 'group',
    views: FILES,
    // Numbered from 1 like groups (the kernels number from 0, the largest part first).
    produce: ({ kernels }) => Float64Array.from(kernels.component.label, (c) => c + 1),
  },
  {
    id: 'coreScore',
    label: 'Near the core',
    explanation: 'How close this person is to the densely tied core of the network (Borgatti-Everett core score: 0 at the edge, 1 in the core).',
    reference: 'UCINET core/periphery (continuous), Borgatti & Everett 1999',
    scope: 'all',
    estimated: false,
    display: 'percentile',
    ends: { high: 'most central', low: 'furthest out' },
    views: ['table', 'csv', 'report'],
    requires: 'insights',
    produce: (inputs) => insightColumn(inputs, (node) => node.coreScore),
  },
  {
    id: 'peripheryScore',
    label: 'At the edge',
    explanation: 'How far toward the edge of the network this person sits, from few ties, few people naming them and little reach (periphery score: 0 in the core, 1 furthest out).',
    reference: 'netweave periphery ranking (core score, ties and reach)',
    scope: 'all',
    estimated: false,
    display: 'percentile',
    ends: { high: 'furthest out', low: 'furthest in' },
    views: ['table', 'csv', 'report'],
    requires: 'insights',
    produce: (inputs) => insightColumn(inputs, (node) => node.peripheryScore),
  },
  {
    id: 'peripheral',
    label: 'Someone to engage',
    explanation: 'Flagged as at the edge of the network: someone to draw in.',
    reference: 'netweave periphery ranking',
    scope: 'all',
    estimated: false,
    display: 'flag',
    views: FILES,
    requires: 'insights',
    produce: (inputs) => insightColumn(inputs, (node) => node.peripheral),
  },
  {
    id: 'constraint',
    label: 'Closed circle',
    explanation: "High when this person's contacts all know each other, so they hear what their circle hears; low when they link circles that do not otherwise meet (Burt's constraint).",
    reference: 'networkx constraint',
    scope: 'all',
    estimated: false,
    display: 'percentile',
    ends: { high: 'most closed-in', low: 'most open' },
    views: ['table', 'csv', 'report'],
    requires: 'insights',
    produce: (inputs) => insightColumn(inputs, (node) => node.constraint),
  },
  {
    id: 'effectiveSize',
    label: 'Distinct contacts',
    explanation: "How many of this person's contacts are not already tied to each other (Burt's effective size).",
    reference: 'networkx effective_size',
    scope: 'all',
    estimated: false,
    display: 'count',
    views: FILES,
    requires: 'insights',
    produce: (inputs) => insightColumn(inputs, (node) => node.effectiveSize),
  },
  {
    id: 'brokerScore',
    label: 'Broker score',
    explanation: 'How much this person holds the network together: bridging, linking circles that do not otherwise meet, and being someone whose leaving would cut others off, combined (broker score).',
    reference: 'netweave broker ranking',
    scope: 'all',
    estimated: false,
    display: 'percentile',
    views: FILES,
    requires: 'insights',
    produce: (inputs) => insightColumn(inputs, (node) => node.brokerScore),
  },
  {
    id: 'reach2',
    label: 'Reach in 2 steps',
    explanation: 'The share of the network this person reaches within two introductions (2-step reach).',
    reference: 'Borgatti 2006 (k-step reach)',
    scope: 'all',
    estimated: false,
    display: 'share',
    views: ['table', 'csv', 'report'],
    requires: 'insights',
    produce: (inputs) => insightColumn(inputs, (node) => node.reach2),
  },
  {
    id: 'eventsAttended',
    label: 'Events attended',
    explanation: 'How many convenings this person attended.',
    reference: 'attendance records',
    scope: 'all',
    estimated: false,
    display: 'count',
    views: FILES,
    requires: 'events',
    produce: ({ kernels, attended }) => Float64Array.from(kernels.csr.ids, (id) => attended?.get(id) ?? 0),
  },
] as const satisfies readonly MetricDefinition[];

export type MetricId = (typeof METRICS)[number]['id'];
/** Measures every analysis computes (the kernels' columns); the others need insights or attendance. */
export type NodeMetricName = Exclude<(typeof METRICS)[number], { requires: string }>['id'];

export const NODE_METRICS: readonly NodeMetricName[] = METRICS.filter((m): m is Extract<(typeof METRICS)[number], { id: NodeMetricName }> => !('requires' in m)).map((m) => m.id);

const BY_ID = new Map<string, MetricDefinition>(METRICS.map((m) => [m.id, m]));

/** The definition of a measure, or undefined for an unknown id. */
export function metricDefinition(id: string): MetricDefinition | undefined {
  return BY_ID.get(id);
}

/** What an analysis ran: decides which measures exist in its result. */
export interface MetricContext {
  directed: boolean;
  insights: boolean;
  events: boolean;
}

/** Whether a measure exists for a run of this kind. */
export function metricApplies(metric: MetricDefinition, context: MetricContext): boolean {
  if (metric.scope === 'directed' && !context.directed) return false;
  if (metric.requires === 'insights') return context.insights;
  if (metric.requires === 'events') return context.events;
  return true;
}

/** The measures shown in one view for a run of this kind, in registry order. */
export function metricsFor(view: MetricView, context: MetricContext): MetricDefinition[] {
  return METRICS.filter((m) => (m.views as readonly MetricView[]).includes(view) && metricApplies(m, context));
}
