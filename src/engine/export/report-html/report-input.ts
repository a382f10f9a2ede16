/**
 * What the HTML report is made from, and the choices a weaver makes about it, with every default
 * in one place.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import { DEFAULT_SEED } from '../../core/util/rng.ts';
import type { AnalysisResult } from '../../analysis/analysis-result.ts';
import type { SystemMapReport } from '../../features/systemmap/analyze-systemmap.ts';
import type { ResultsReport } from '../../features/results/analyze-results.ts';

/** A person's place on the map. */
export interface Point {
  x: number;
  y: number;
}

export interface ReportInput {
  /** The dataset as analysed: for sharing, already consented (people who are out removed). */
  dataset: Dataset;
  result: AnalysisResult;
  /** Stored map positions by person id (a project's layout); missing: laid out with a seed. */
  positions?: Readonly<Record<string, Point>>;
  /** What consent did before the analysis, said in the report's opening. */
  sharing?: { leftOut: number; unnamed: number; pseudonymised: boolean };
  /** Ids of people not to be named (default: everyone labelled as "a member"). */
  unnamed?: ReadonlySet<string>;
  /** The project's system map, analysed. */
  systemMap?: SystemMapReport;
  /** The project's results joined to its map and people (the people as imported, not shared). */
  results?: ResultsReport;
  /**
   * How a person of the project (by their id as imported, else by their name) may be named:
   * their name, "a member", or null when they are out; undefined when no person of the project
   * is meant. Default: everyone as the results say.
   */
  personName?: (id: string | null, label: string) => string | null | undefined;
}

export interface ReportHtmlOptions {
  /** The report's title. */
  title: string;
  /** The weaver's introduction, plain text; blank lines separate paragraphs. */
  intro: string;
  /** Section ids in the order wanted; null: every section the data holds, in the usual order. */
  sections: readonly string[] | null;
  /** Longest list in a section (people at the edge, brokers, introductions...). */
  listLength: number;
  /** People named on the map: at most this many, among those the text talks about. */
  mapLabels: number;
  /** Ties drawn on the map at most (the strongest first), so a big network stays a small file. */
  mapTies: number;
  /** Seed of the layout when there are no stored positions. */
  layoutSeed: number;
  /** Layout iterations when laying out (default: by network size). */
  layoutIterations?: number;
}

export const REPORT_HTML_DEFAULTS: ReportHtmlOptions = {
  title: 'Our network',
  intro: '',
  sections: null,
  listLength: 10,
  mapLabels: 12,
  mapTies: 5000,
  layoutSeed: DEFAULT_SEED,
};

/** The options with every default filled in. */
export function reportOptions(options: Partial<ReportHtmlOptions> = {}): ReportHtmlOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...REPORT_HTML_DEFAULTS, ...defined };
}
