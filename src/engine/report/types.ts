/**
 * The plain JSON report model. The CLI writes it, the UI renders it; both read these types.
 */
import type { ReportResolutionEntry } from '../features/survey/run-survey-import.ts';
import type { Attributes } from '../core/model/records.ts';
import type { InputIssue } from '../core/util/issues.ts';
import type { Approximation, BetweennessBound } from '../analysis/compute-metrics.ts';
import type { METRICS } from '../analysis/metric-registry.ts';
import type { AttributeCount, CommunitySummary } from '../analysis/community-summaries.ts';
import type { AnalysisSettings } from '../analysis/analysis-options.ts';
import type { PeopleInsights } from '../analysis/people-insights.ts';
import type { AbilitiesSection, SkillsSection } from '../features/skills/skills-report.ts';
import type { AnySuggestion } from '../features/skills/merge-suggestions.ts';
import type { EventsSection } from '../features/convenings/summaries.ts';
import type { MentorshipSection } from '../features/mentorship/reach.ts';
import type { ChangeSection } from '../analysis/compare-waves.ts';
import type { LedgerSection } from '../features/ledger/stick.ts';
import type { LadderSection } from '../features/ladder/ladder-section.ts';

type Metric = (typeof METRICS)[number];
type MetricValue<M extends Metric> = M extends { display: 'flag' } ? boolean : M extends { requires: string } ? number | null : number;
type Always<M extends Metric> = M extends { scope: 'all' } ? (M extends { requires: string } ? never : M['id']) : never;

/**
 * Per-person measures, one key per metric registry entry that applies (see
 * analysis/metric-registry.ts for each one's definition and reference): directed-only measures
 * appear on directed networks, insight measures when people insights ran, `eventsAttended` with
 * attendance. A value that does not exist for someone (constraint with no ties) is null.
 */
export type NodeMetrics = { [M in Metric as Always<M>]: MetricValue<M> } & { [M in Metric as Exclude<M['id'], Always<M>>]?: MetricValue<M> };

export interface ReportNode {
  id: string;
  label: string;
  attributes: Attributes;
  metrics: NodeMetrics;
}

export interface ReportEdge {
  source: string;
  target: string;
  relation: string;
  weight: number;
  directed: boolean;
}

export interface GraphSummary {
  nodes: number;
  edges: number;
  directed: boolean;
  weighted: boolean;
  density: number;
  components: number;
  /** Directed graphs: strongly connected components. */
  strongComponents: number | null;
  largestComponentSize: number;
  largestComponentShare: number;
  /** Unweighted, over the largest (strongly, if directed) connected component. */
  averagePathLength: number | null;
  diameter: number | null;
  transitivity: number;
  averageClustering: number;
  /** Directed graphs only: share of ties that are reciprocated (networkx `reciprocity`). */
  reciprocity: number | null;
  modularity: number;
  communities: number;
  selfLoops: number;
  isolates: number;
  /** Set when betweenness, closeness and harmonic were estimated from sampled sources. */
  approximation: Approximation | null;
  /** Set when bridging was estimated: what the estimate promises (method, epsilon, delta, samples). */
  betweennessBound: BetweennessBound | null;
}


export interface Report {
  format: 'netweave-report';
  version: 1;
  generatedBy: string;
  settings: AnalysisSettings;
  dataset: { name: string; people: number; ties: number; relations: string[] };
  summary: GraphSummary;
  nodes: ReportNode[];
  edges: ReportEdge[];
  communities: CommunitySummary[];
  warnings: InputIssue[];
  /** Survey imports only: one entry per name written. */
  resolution?: ReportResolutionEntry[];
  /** People insights (periphery, brokers, equity, suggestions), unless turned off. */
  insightSettings?: PeopleInsights['settings'];
  corePeriphery?: PeopleInsights['corePeriphery'];
  periphery?: PeopleInsights['periphery'];
  brokers?: PeopleInsights['brokers'];
  cutPoints?: PeopleInsights['cutPoints'];
  keyPlayers?: PeopleInsights['keyPlayers'];
  equity?: PeopleInsights['equity'];
  /** Introductions to make: weaving suggestions and skill introductions, best first. */
  suggestions?: AnySuggestion[];
  /** Convenings: per-event summaries and per-person attendance (datasets with attendance). */
  events?: EventsSection;
  /** Mentorship reach (datasets with mentorships). */
  mentorship?: MentorshipSection;
  /** What changed between the last two waves (datasets whose ties carry two waves or more). */
  change?: ChangeSection;
  /** The weaving ledger (when one is given): each introduction made, whether it stuck, and the stick rates. */
  ledger?: LedgerSection;
  /** The engagement ladder: rungs, each period's counts, each person's rung, entry points, movements, who is ready for a next step. */
  ladder?: LadderSection;
  /** Who holds which skills, rare and stranded skills (when people have skills). */
  skills?: SkillsSection;
  /** Leadership-abilities self-assessment (when one is given). */
  abilities?: AbilitiesSection;
}

/** Optional report sections computed beside the metrics (`analyze` fills them). */
export type ReportSections = Pick<Report, 'events' | 'mentorship' | 'change' | 'skills' | 'abilities'>;

export type { ReportResolutionEntry };
export type { AnalysisSettings, AttributeCount, CommunitySummary };
