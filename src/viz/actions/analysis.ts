/**
 * Analysing the open project in the worker and putting the results on screen. A failed or
 * cancelled analysis leaves what was on screen, and the project, as they were.
 */
import type { AppContext } from './context.ts';
import { setWorking } from './context.ts';
import { scheduleSave } from './autosave.ts';
import { createViewModel, type ViewModel } from '../state/view-model.ts';
import type { Drawn } from '../state/app-state.ts';
import { CancelledByUser } from '../../workers/engine-client.ts';
import { yieldToPage } from '../../workers/yield-to-page.ts';
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';
import type { Project, ProjectSettings } from '../../engine/core/model/project.ts';
import { projectAnalysisOptions } from '../../engine/project/project-analysis.ts';

/** The parts that draw a new analysis, in order: the map last, as building a big one allocates a lot and its collections would land in the steps before. */
const PARTS: Array<keyof Drawn> = ['tables', 'settings', 'details', 'map'];

/** Runs the analysis of `project` in the worker, with progress; null when it failed or was cancelled. */
export async function analyse(ctx: AppContext, project: Project): Promise<AnalysisResult | null> {
  const { store, engine } = ctx;
  setWorking(ctx, 'Analysing', 'starting', true);
  const previous = store.get().project;
  // Progress messages travel on their own channel and can arrive after the result.
  let finished = false;
  try {
    engine.setDataset(project.dataset);
    const analysis = await engine.analyze(projectAnalysisOptions(project), (step, fraction) => {
      if (!finished) setWorking(ctx, 'Analysing', step, true, fraction);
    });
    finished = true;
    store.set({ status: { kind: 'idle' } });
    return analysis;
  } catch (error) {
    finished = true;
    if (previous) engine.setDataset(previous.dataset);
    if (error instanceof CancelledByUser) {
      store.set({ status: { kind: 'idle' }, notices: [{ level: 'warning', code: 'cancelled', message: 'The analysis was cancelled; the map shows the previous results.' }] });
    } else {
      store.set({ status: { kind: 'error', message: `The analysis failed: ${(error as Error).message}. Your project is unchanged.` } });
    }
    return null;
  }
}

/**
 * Makes `project` and its analysis current and draws them part by part, a task each. A newer
 * analysis, or leaving for the system map, stops the parts still to draw.
 */
export async function present(ctx: AppContext, project: Project, analysis: AnalysisResult): Promise<void> {
  const { store, runtime } = ctx;
  const shown = ++runtime.shown;
  const view = createViewModel(project, analysis);
  const mode = store.get().mode === 'systemmap' && !project.systemMap ? 'people' : store.get().mode;
  store.set({ project, view, mode });
  if (mode !== 'people') return;
  for (const part of PARTS) {
    if (shown !== runtime.shown || store.get().mode !== 'people') return;
    store.set({ drawn: { ...store.get().drawn, [part]: view } });
    await yieldToPage();
  }
}

/** Whether a part of the screen still has an older analysis to replace (for scripts and tests). */
export function isDrawing(view: ViewModel | null, drawn: Drawn): boolean {
  return view !== null && PARTS.some((part) => drawn[part]?.analysis !== view.analysis);
}

/** Analyses a changed project and shows it; a failed analysis keeps the old one on screen. */
export async function reanalyseProject(ctx: AppContext, changed: Project): Promise<void> {
  const next = { ...changed, updatedAt: new Date().toISOString() };
  const analysis = await analyse(ctx, next);
  if (!analysis) return;
  // Receiving a big analysis is one task of its own; drawing it starts in the next.
  await yieldToPage();
  const drawing = present(ctx, next, analysis);
  scheduleSave(ctx, next);
  await drawing;
}

/** The same project analysed with other settings (relations, direction, weights, wave...). */
export async function reanalyse(ctx: AppContext, patch: Partial<ProjectSettings>): Promise<void> {
  const project = ctx.store.get().project;
  if (!project) return;
  await reanalyseProject(ctx, { ...project, settings: { ...project.settings, ...patch } });
}

/**
 * A change to the project that needs no new analysis (a layout, a marked introduction, a map
 * edit): the view and every part showing this analysis follow, and it is saved soon.
 */
export function updateProject(ctx: AppContext, patch: Partial<Project>): void {
  const { store } = ctx;
  const { project, view, drawn } = store.get();
  if (!project) return;
  const next = { ...project, ...patch, updatedAt: new Date().toISOString() };
  if (view) {
    const nextView = { ...view, project: next };
    const follow = (part: ViewModel | null) => (part && part.analysis === view.analysis ? nextView : part);
    store.set({ project: next, view: nextView, drawn: { tables: follow(drawn.tables), settings: follow(drawn.settings), details: follow(drawn.details), map: follow(drawn.map) } });
  } else {
    store.set({ project: next });
  }
  scheduleSave(ctx, next);
}
