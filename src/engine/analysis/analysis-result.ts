/**
 * The one result of an analysis run, columnar: per-person measures as typed-array columns keyed
 * by the metric registry's ids, ties as index arrays, and the sections as plain records. The CLI
 * projects it into the JSON report and CSV, the app into its map, tables and CSV. Nothing
 * per-person is an object, so it crosses from a worker to the page in milliseconds.
 */
import type { CommunitySummary } from './community-summaries.ts';
import type { AnalysisSettings } from './analysis-options.ts';
import type { MetricId } from './metric-registry.ts';
import type { NetworkFigures } from './compute-metrics.ts';
import type { PeopleInsights } from './people-insights.ts';
import type { SkillsReport } from '../features/skills/skills-report.ts';
import type { AnySuggestion } from '../features/skills/merge-suggestions.ts';
import type { RelationReciprocity } from '../features/survey/relations.ts';
import type { EventsSection } from '../features/convenings/summaries.ts';
import type { MentorshipSection } from '../features/mentorship/reach.ts';
import type { ChangeSection } from './compare-waves.ts';
import type { LedgerSection } from '../features/ledger/stick.ts';
import type { LadderSection } from '../features/ladder/ladder-section.ts';
import type { InputIssue } from '../core/util/issues.ts';

/** What an estimated bridging value promises (`figures.betweennessBound`), for the app and report to say. */
export type { BetweennessBound } from './compute-metrics.ts';

export interface MetricColumns {
  /** Person ids, in the order of every column. */
  ids: string[];
  /** One column per measure that applies to this run (see `metricApplies`). */
  columns: Partial<Record<MetricId, Float64Array>> & Record<'degree' | 'community' | 'component', Float64Array>;
  /** False where the eigenvector is not unique (graph not (strongly) connected). */
  eigenvectorDefined: boolean;
}

/** Periphery, brokers, cut points, key players, equity: the insights without per-person records (those are columns). */
export type InsightSections = Omit<PeopleInsights, 'nodes' | 'suggestions'>;

export interface AnalysisResult {
  settings: AnalysisSettings;
  /** The dataset analysed, in counts. */
  dataset: { name: string; people: number; ties: number; relations: string[] };
  table: MetricColumns;
  figures: NetworkFigures;
  communities: CommunitySummary[];
  /** The analysed graph's ties (merged per pair), as indices into table.ids. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeWeight: Float64Array;
  /** Relations merged into each tie: bit r stands for `relationNames[r]` (up to 32 layers). */
  edgeRelations: Uint32Array;
  relationNames: string[];
  /** Absent when insights were turned off. */
  insights: InsightSections | null;
  /** Skills coverage and, with an assessment, abilities (absent without people insights or skills turned off). */
  skills: SkillsReport | null;
  /** Whether the skills sections were asked for by name (kept in reports even when no one holds skills). */
  skillsRequested: boolean;
  /** Introductions to make: weaving suggestions and skill introductions in one ranked list. */
  introductions: AnySuggestion[];
  /** Share of directed ties returned, per relation (and wave). */
  reciprocity: RelationReciprocity[];
  /** Convenings, mentorship reach and change between waves, when the dataset has them; the ledger checked, when one is given. */
  program: { events: EventsSection | null; mentorship: MentorshipSection | null; change: ChangeSection | null; ledger?: LedgerSection | null; ladder?: LadderSection | null };
  /** Import warnings passed in, then the analysis's own. */
  warnings: InputIssue[];
}
