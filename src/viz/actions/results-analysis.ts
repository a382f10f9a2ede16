/**
 * The results mode's report: the project's results joined to its system map and people in the
 * worker, again whenever any of the three changed. Kept apart from ./results.ts (which changes
 * the project) so that the analysis actions can call it without a cycle.
 */
import type { AppContext } from './context.ts';
import type { Project } from '../../engine/core/model/project.ts';
import { withStories } from '../../engine/features/results/stories.ts';
import { today } from '../format/today.ts';

/** What a results report is made from, compared by identity. */
function inputsOf(project: Project) {
  return { results: project.results, systemMap: project.systemMap, dataset: project.dataset };
}

function sameInputs(a: ReturnType<typeof inputsOf> | null, b: ReturnType<typeof inputsOf>): boolean {
  return a !== null && a.results === b.results && a.systemMap === b.systemMap && a.dataset === b.dataset;
}

/**
 * The project's results joined to its system map and people, unless the report shown was made
 * from them already. A newer request wins over an older one still on its way.
 */
export async function analyseResults(ctx: AppContext): Promise<void> {
  const { project, results, systemMap } = ctx.store.get();
  if (project === null) return;
  const inputs = inputsOf(project);
  if (sameInputs(results.analysed as ReturnType<typeof inputsOf> | null, inputs)) return;
  if (project.results === null) {
    ctx.store.set({ results: { report: null, analysed: inputs } });
    return;
  }
  const asked = ++ctx.runtime.resultsAsked;
  // The leverage points the System map mode found, when it analysed this same map.
  const leveragePoints = systemMap.report !== null && systemMap.analysed === project.systemMap ? systemMap.report.summary.leveragePoints : undefined;
  try {
    const set = withStories(project.results.set, project.results.stories);
    const report = await ctx.engine.analyzeResults(project.dataset, set, project.systemMap, { asOf: today(), ...(leveragePoints ? { leveragePoints } : {}) });
    if (asked !== ctx.runtime.resultsAsked) return;
    ctx.store.set({ results: { report, analysed: inputs } });
  } catch (error) {
    if (asked !== ctx.runtime.resultsAsked) return;
    ctx.store.set({ status: { kind: 'error', message: `The results could not be worked out: ${(error as Error).message}. Your project is unchanged.` } });
  }
}
