/**
 * A project's settings as analysis options: what the app asks the worker to run. Kept in the
 * engine so the app, the CLI's tests and the comparison of the two read one rule.
 */
import type { Project } from '../core/model/project.ts';
import type { AnalysisOptions } from '../analysis/analysis-options.ts';

type Analysed = Pick<Project, 'settings' | 'abilities'> & Partial<Pick<Project, 'ledger' | 'ladder' | 'circles'>>;

export function projectAnalysisOptions(project: Analysed): AnalysisOptions {
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
    ...projectProgramOptions(project),
  };
}

/** The ladder as the user edited it, reading the circles formed in the project, and the ledger. */
export function projectProgramOptions(project: Partial<Pick<Project, 'ledger' | 'ladder' | 'circles'>>): Pick<AnalysisOptions, 'ladder' | 'ledger'> {
  const circles = projectCircleOf(project.circles);
  return {
    ...(project.ledger && project.ledger.length > 0 ? { ledger: project.ledger } : {}),
    ...(project.ladder || circles ? { ladder: { ...(project.ladder ? { rules: project.ladder } : {}), ...(circles ? { circles } : {}) } } : {}),
  };
}

/** Person id to circle name of the last circles formed, or undefined when none were. */
function projectCircleOf(circles: Project['circles'] | undefined): Map<string, string> | undefined {
  const last = circles?.last;
  if (!last || last.circles.length === 0) return undefined;
  return new Map(last.circles.flatMap((c) => c.members.map((m) => [m.id, c.name] as const)));
}
