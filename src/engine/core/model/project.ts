/**
 * A saved project: the dataset plus the user's settings and layout. Saved to IndexedDB and to a
 * single `.netweave.json` file; validated with zod whenever it comes back in.
 */
import { z } from 'zod';
import { DatasetSchema } from './dataset.ts';
import { ResolutionDecisionsSchema, SurveyLayoutSchema } from './survey.ts';
import { SystemMapSchema } from './systemmap.ts';
import { AbilityAssessmentSchema } from './abilities.ts';
import { ProjectCirclesSchema } from './circles.ts';
import { LedgerEntrySchema } from './ledger.ts';
import { LadderRulesSchema } from './ladder.ts';
import { ProjectResultsSchema } from './project-results.ts';
import { DEFAULT_SEED } from '../util/rng.ts';

export const PROJECT_VERSION = 1 as const;

/**
 * Above this many people, bridging, closeness and reach are estimated from sampled people: a new
 * project's setting, and the analysis's default (`ANALYSIS_DEFAULTS.approximateAbove`).
 */
export const DEFAULT_APPROXIMATE_ABOVE = 20_000;

export const ProjectSettingsSchema = z.object({
  relations: z.array(z.string()).default([]),
  direction: z.enum(['auto', 'directed', 'undirected']).default('auto'),
  weighting: z.enum(['none', 'strength', 'distance']).default('none'),
  /** Default DEFAULT_SEED. */
  seed: z.number().int().default(DEFAULT_SEED),
  sizeBy: z.string().default('degree'),
  colorBy: z.string().default('community'),
  /** The two waves the change view compares ('' = the last two). */
  compareFrom: z.string().default(''),
  compareTo: z.string().default(''),
  /** The survey wave shown ('' = all waves together). */
  wave: z.string().default(''),
  /** Above this many people, bridging, closeness and reach are estimated by sampling. Default DEFAULT_APPROXIMATE_ABOVE. */
  approximateAbove: z.number().int().min(0).default(DEFAULT_APPROXIMATE_ABOVE),
  /** Attribute for the equity view and brokerage roles ('' = none chosen). */
  groupBy: z.string().default(''),
});
export type ProjectSettings = z.infer<typeof ProjectSettingsSchema>;

/**
 * What members agreed to be shown as, and how shared files are written. Consent is read from a
 * column and overridden per person in the app; every export, the report and the packets honour it.
 */
export const SharingSettingsSchema = z.object({
  /** The attribute holding each member's consent ('' = no consent column: everyone named). */
  consentColumn: z.string().default(''),
  /** Per-person choices made in the app, by person id; they win over the column. */
  consent: z.record(z.string(), z.enum(['named', 'unnamed', 'out'])).default({}),
  /** Write people as codes (P001) in shared files, with the key as a separate file. */
  pseudonymise: z.boolean().default(false),
  /** Attributes kept as they are when pseudonymising. */
  keepAttributes: z.array(z.string()).default([]),
  /**
   * The secret that orders the codes (P001, member-1), so a project's exports agree and the codes
   * cannot be read back from the member list; made with the project ('' before: a new one per export).
   */
  codeSecret: z.string().default(''),
});
export type SharingSettings = z.infer<typeof SharingSettingsSchema>;

export const ProjectSchema = z.object({
  format: z.literal('netweave-project'),
  version: z.literal(PROJECT_VERSION),
  id: z.string().min(1),
  name: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  dataset: DatasetSchema,
  settings: ProjectSettingsSchema.default(ProjectSettingsSchema.parse({})),
  /** Map positions by person id, so a reopened project looks as it was left. */
  layout: z.record(z.string(), z.tuple([z.number(), z.number()])).default({}),
  /** What the user did with each suggested introduction, by suggestion id. */
  weaving: z.record(z.string(), z.enum(['done', 'dismissed'])).default({}),
  /** Introductions made (the weaving ledger), in the order recorded. */
  ledger: z.array(LedgerEntrySchema).default([]),
  /** Survey imports: the layouts confirmed and the name decisions made, re-applied on re-import. */
  survey: z
    .object({
      layouts: z.record(z.string(), SurveyLayoutSchema).default({}),
      decisions: ResolutionDecisionsSchema.default([]),
    })
    .default({ layouts: {}, decisions: [] }),
  /** A leadership-abilities self-assessment matched to people, or null. */
  abilities: AbilityAssessmentSchema.nullable().default(null),
  /** A system map (causal loop diagram) kept with the people network, or null. */
  systemMap: SystemMapSchema.nullable().default(null),
  systemMapLayout: z.record(z.string(), z.tuple([z.number(), z.number()])).default({}),
  /** Consent and pseudonyms for what is shared. */
  sharing: SharingSettingsSchema.default(SharingSettingsSchema.parse({})),
  /** Peer circles: the choices last made, the locks and the last circles formed. */
  circles: ProjectCirclesSchema.default(ProjectCirclesSchema.parse({})),
  /** The engagement ladder as the user edited it, or null for the default ladder. */
  ladder: LadderRulesSchema.nullable().default(null),
  /** Results, indicators, strategies, aligned actions and commitments (results-based accountability), or null. */
  results: ProjectResultsSchema.nullable().default(null),
  /** Files the user imported, for the record (names and what kind they were). */
  sources: z.array(z.object({ name: z.string(), kind: z.string() })).default([]),
});
export type Project = z.infer<typeof ProjectSchema>;
