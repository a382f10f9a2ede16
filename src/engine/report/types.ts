/**
 * The plain JSON report model. The CLI writes it, the UI renders it; both read these types.
 */
import type { ReportResolutionEntry } from '../features/survey/run-survey-import.ts';
import type { Attributes } from '../core/model/records.ts';
import type { InputIssue } from '../core/util/issues.ts';
import type { Approximation } from '../analysis/compute-metrics.ts';
import type { PeopleInsights } from '../analysis/people-insights.ts';
import type { AbilitiesSection, SkillsSection } from '../features/skills/skills-report.ts';
import type { AnySuggestion } from '../features/skills/merge-suggestions.ts';
import type { EventsSection } from '../features/convenings/summaries.ts';
import type { MentorshipSection } from '../features/mentorship/reach.ts';
import type { ChangeSection } from '../analysis/compare-waves.ts';

/** Per-person metrics. Definitions and normalisation follow networkx (see README glossary). */
export interface NodeMetrics {
  /** Number of distinct neighbours (in + out for directed graphs), as networkx `G.degree`. */
  degree: number;
  inDegree: number;
  outDegree: number;
  /** Sum of tie weights (in + out for directed graphs). */
  strength: number;
  /** networkx `degree_centrality`: degree / (n - 1). */
  degreeCentrality: number;
  betweenness: number;
  /** Directed graphs: from distances *to* the person (how easily others reach them). */
  closeness: number;
  harmonic: number;
  /** Directed graphs only: from distances *from* the person (how easily they reach others). */
  closenessOut?: number;
  harmonicOut?: number;
  /** Not unique on a disconnected graph: a report warning says so when that applies. */
  eigenvector: number;
  pagerank: number;
  clustering: number;
  coreness: number;
  /** Community number (0 = largest community). */
  community: number;
  /** Connected component number (0 = largest). */
  component: number;
  /** Borgatti-Everett continuous coreness (0 = edge, 1 = core); present with people insights. */
  coreScore?: number;
  /** Flagged as peripheral: someone to engage (see the report's `periphery`). */
  peripheral?: boolean;
  /** Burt's constraint (networkx `constraint`): high = all contacts know each other. */
  constraint?: number | null;
  /** Burt's effective size (networkx `effective_size`): non-redundant contacts. */
  effectiveSize?: number | null;
  /** Share of the network reached within two steps. */
  reach2?: number;
  /** Convening events attended; present when the dataset has attendance records. */
  eventsAttended?: number;
}

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

export interface AttributeCount {
  value: string;
  count: number;
}

export interface CommunitySummary {
  id: number;
  size: number;
  members: string[];
  density: number;
  /** Ties inside the community. */
  internalEdges: number;
  /** Ties from this community to any other. */
  externalEdges: number;
  /** For each attribute, the most common values among the members. */
  topAttributes: Record<string, AttributeCount[]>;
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
}

export interface AnalysisSettings {
  relations: string[];
  directed: boolean;
  /** Whether path metrics used weights, and how. */
  weight: 'none' | 'strength' | 'distance';
  seed: number;
  resolution: number;
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
  /** Who holds which skills, rare and stranded skills (when people have skills). */
  skills?: SkillsSection;
  /** Leadership-abilities self-assessment (when one is given). */
  abilities?: AbilitiesSection;
}

/** Optional report sections computed beside the metrics (`analyze` fills them). */
export type ReportSections = Pick<Report, 'events' | 'mentorship' | 'change' | 'skills' | 'abilities'>;

export type { ReportResolutionEntry };
