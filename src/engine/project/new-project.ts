/**
 * The rules for a new project: its id, its empty settings and records, and which relations are
 * analysed at first. The app calls them when files are imported or the demo opens.
 */
import { PROJECT_VERSION, ProjectSettingsSchema, SharingSettingsSchema, type Project } from '../core/model/project.ts';
import { consentColumnOf } from '../features/sharing/consent.ts';
import { newCodeSecret } from '../features/sharing/code-order.ts';
import type { Dataset } from '../core/model/dataset.ts';
import { knownPacked } from '../core/model/packed-dataset.ts';
import { ProjectCirclesSchema } from '../core/model/circles.ts';

/**
 * Relations analysed by default: all, except that co-attendance (everyone at a convening tied to
 * everyone else there) would swamp the relationships people named; it stays one tick away.
 * An empty list means all.
 */
export function defaultRelations(dataset: Dataset): string[] {
  const all = relationNames(dataset);
  const named = all.filter((r) => r !== 'co-attendance');
  return named.length > 0 && named.length < all.length ? named : [];
}

/**
 * Every relation a dataset declares or its ties use, in first-seen order. Read from the packed
 * tie columns where the dataset came packed (an import, a stored project): a million tie objects
 * read one by one were 16 ms of a long task on the page, their relation column is a pass over
 * integers. Otherwise a plain loop (mapping the ties to an array first cost a long task too).
 */
export function relationNames(dataset: Dataset): string[] {
  const names = new Set<string>();
  for (const relation of dataset.relations) names.add(relation.name);
  const packed = knownPacked(dataset)?.ties;
  if (packed !== undefined) {
    const seen = new Uint8Array(packed.strings.length);
    for (let i = 0; i < packed.count; i++) {
      const r = packed.relation[i]!;
      if (seen[r] === 1) continue;
      seen[r] = 1;
      names.add(packed.strings[r]!);
    }
    return [...names];
  }
  const ties = dataset.ties;
  for (let i = 0; i < ties.length; i++) names.add(ties[i]!.relation);
  return [...names];
}

/** A fresh project id: time-ordered, with a random tail. */
export function newProjectId(now: number = Date.now(), random: () => number = Math.random): string {
  return `p-${now.toString(36)}-${Math.floor(random() * 1e9).toString(36)}`;
}

export interface NewProjectOptions {
  /** The files it came from, for the record. */
  sources?: Project['sources'];
  /** When it was made (ISO 8601). Default now. */
  createdAt?: string;
  id?: string;
}

/** A project holding `dataset` with default settings, relations chosen by `defaultRelations`. */
export function newProject(name: string, dataset: Dataset, options: NewProjectOptions = {}): Project {
  const now = options.createdAt ?? new Date().toISOString();
  const settings = { ...ProjectSettingsSchema.parse({}), relations: defaultRelations(dataset) };
  return {
    format: 'netweave-project',
    version: PROJECT_VERSION,
    id: options.id ?? newProjectId(),
    name,
    createdAt: now,
    updatedAt: now,
    dataset,
    settings,
    layout: {},
    weaving: {},
    ledger: [],
    survey: { layouts: {}, decisions: [] },
    abilities: null,
    systemMap: null,
    systemMapLayout: {},
    sharing: { ...SharingSettingsSchema.parse({}), consentColumn: consentColumnOf(dataset.people), codeSecret: newCodeSecret() },
    circles: ProjectCirclesSchema.parse({}),
    ladder: null,
    results: null,
    sources: options.sources ?? [],
  };
}
