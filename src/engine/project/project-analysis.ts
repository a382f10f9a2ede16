/**
 * A project's settings as analysis options: what the app asks the worker to run. Kept in the
 * engine so the app, the CLI's tests and the comparison of the two read one rule.
 */
import type { Project } from '../core/model/project.ts';
import type { AnalysisOptions } from '../analysis/analysis-options.ts';

export function projectAnalysisOptions(project: Pick<Project, 'settings' | 'abilities'>): AnalysisOptions {
  const s = project.settings;
  return {
    ...(s.relations.length > 0 ? { relations: s.relations } : {}),
    direction: s.direction,
    weighting: s.weighting,
    seed: s.seed,
    approximateAbove: s.approximateAbove,
    ...(s.groupBy ? { groupBy: s.groupBy } : {}),
    ...(s.wave ? { wave: s.wave } : {}),
    ...(s.compareFrom && s.compareTo && s.compareFrom !== s.compareTo ? { change: { from: s.compareFrom, to: s.compareTo } } : {}),
    // The app never shows per-person skill lists: at 50,000 people they are 250,000 objects to copy.
    skills: { perPerson: false, ...(project.abilities ? { abilities: project.abilities } : {}) },
  };
}
