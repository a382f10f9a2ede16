/**
 * What one analysis run is asked to do, and the defaults, in one place. The CLI's flags and the
 * app's project settings both become these options; the same options give the same result.
 */
import { DEFAULT_SEED } from '../core/util/rng.ts';
import { DEFAULT_APPROXIMATE_ABOVE } from '../core/model/project.ts';
import { DEFAULT_RESOLUTION } from '../algorithms/communities/modularity.ts';
import type { PathWeighting } from '../algorithms/metrics/shortest-paths.ts';
import type { SkillsReportOptions } from '../features/skills/skills-report.ts';
import type { EventsSectionOptions } from '../features/convenings/summaries.ts';
import type { InputIssue } from '../core/util/issues.ts';
import type { LedgerEntry } from '../core/model/ledger.ts';
import type { LadderOptions } from '../features/ladder/ladder-section.ts';

export interface AnalysisOptions {
  /** Relation layers to combine; all when omitted or empty. */
  relations?: string[];
  /** `auto`: directed when any chosen relation is. */
  direction?: 'auto' | 'directed' | 'undirected';
  /** Analyse one wave's ties (plus ties without a wave). Default: all waves together. */
  wave?: string;
  /** How tie weights are read (see ComputeOptions.weighting). */
  weighting?: PathWeighting;
  /** Seed for Louvain and every other seeded step; recorded in the result. */
  seed?: number;
  /** Louvain resolution. */
  resolution?: number;
  louvainRestarts?: number;
  /** Above this many people, path measures are estimated by sampling. */
  approximateAbove?: number;
  /** Attribute for the equity view and brokerage roles (e.g. "sector"); empty for none. */
  groupBy?: string;
  /** Periphery, brokers, equity and introductions. */
  insights?: boolean;
  /**
   * Skills and abilities: options for the skills sections (e.g. `skillsAttribute`, `abilities`,
   * `perPerson`), or false to leave them out. Computed whenever people insights are.
   */
  skills?: SkillsReportOptions | false;
  /** Settings of the convenings section (datasets with attendance records). */
  events?: EventsSectionOptions;
  /** The change section: the waves to compare (default the last two); false leaves it out. */
  change?: { from?: string; to?: string } | false;
  /** The weaving ledger: introductions made, checked against the waves (the ledger section). */
  ledger?: readonly LedgerEntry[];
  /**
   * The engagement ladder: its rules (the default ladder when none are given, computed when the
   * data has waves or attendance) and the circles formed; false leaves it out.
   */
  ladder?: Omit<LadderOptions, 'relations'> | false;
  /** Issues from import, carried into the result's warnings. */
  importWarnings?: InputIssue[];
}

/** The defaults every entry point shares. */
export const ANALYSIS_DEFAULTS = {
  direction: 'auto',
  weighting: 'none',
  seed: DEFAULT_SEED,
  resolution: DEFAULT_RESOLUTION,
  approximateAbove: DEFAULT_APPROXIMATE_ABOVE,
  insights: true,
} as const satisfies AnalysisOptions;

/** The settings a run used, as recorded in its result and report. */
export interface AnalysisSettings {
  relations: string[];
  directed: boolean;
  /** Whether path metrics used weights, and how. */
  weight: PathWeighting;
  seed: number;
  resolution: number;
}
