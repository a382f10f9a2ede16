/**
 * Analysing the open project in the worker and putting the results on screen. A failed or
 * cancelled analysis leaves the project and what is on screen as they were (the settings drawn
 * again, so a choice that was not applied does not stay shown); a result that lands after a
 * newer analysis started, or after another project opened, is dropped.
 */
import type { AppContext } from './context.ts';
import { setWorking } from './context.ts';
import { scheduleSave } from './autosave.ts';
import { analyseMap, ensureEditor } from './system-map-analysis.ts';
import { analyseResults } from './results-analysis.ts';
import { viewLookupsInSlices, type ViewLookups, type ViewModel } from '../state/view-model.ts';
import type { AppState, Drawn } from '../state/app-state.ts';
import { CancelledByUser } from '../../workers/engine-client.ts';
import { yieldToPage } from '../../workers/yield-to-page.ts';
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';
import type { Project, ProjectSettings } from '../../engine/core/model/project.ts';
import { projectAnalysisOptions, projectProgramOptions } from '../../engine/project/project-analysis.ts';
import type { ProgramParts } from '../../engine/analysis/program-parts.ts';

/** The parts that draw a new analysis, in order: the map last, as building a big one allocates a lot and its collections would land in the steps before. */
const PARTS: Array<keyof Drawn> = ['tables', 'settings', 'details', 'map'];

/**
 * Runs the analysis of `project` in the worker, with progress. Null when it failed, was
 * cancelled, or a newer analysis started meanwhile (whose result is the one to show).
 */
export async function analyse(ctx: AppContext, project: Project): Promise<AnalysisResult | null> {
  const { store, engine, runtime } = ctx;
  const generation = ++runtime.analyses;
  runtime.pending = project;
  const current = (): boolean => generation === runtime.analyses;
  setWorking(ctx, 'Analysing', 'starting', true);
  const previous = store.get().project;
  // Progress messages travel on their own channel and can arrive after the result.
  let finished = false;
  try {
    engine.setDataset(project.dataset);
    const analysis = await engine.analyze(projectAnalysisOptions(project), (step, fraction) => {
      if (!finished && current()) setWorking(ctx, 'Analysing', step, true, fraction);
    });
    finished = true;
    if (!current()) return null;
    runtime.pending = null;
    store.set({ status: { kind: 'idle' } });
    return analysis;
  } catch (error) {
    finished = true;
    if (!current()) return null;
    runtime.pending = null;
    if (previous) engine.setDataset(previous.dataset);
    if (error instanceof CancelledByUser) {
      store.set({ status: { kind: 'idle' }, notices: [{ level: 'warning', code: 'cancelled', message: 'The analysis was cancelled; the map shows the previous results.' }] });
    } else {
      store.set({ status: { kind: 'error', message: `The analysis failed: ${(error as Error).message}. Your project is unchanged.` } });
    }
    // The settings drawer shows the project's settings again, not the choice that was not applied.
    const drawn = store.get().drawn;
    if (drawn.settings) store.set({ drawn: { ...drawn, settings: { ...drawn.settings } } });
    return null;
  }
}

/** The ladder and the ledger as the analysis computed them. */
function programOf(analysis: AnalysisResult): ProgramParts {
  return { ladder: analysis.program.ladder ?? null, ledger: analysis.program.ledger ?? null, warnings: [] };
}

/** Whether the ledger, the ladder or the circles of `after` differ from `before`'s. */
function programChanged(before: Project, after: Project): boolean {
  return before.ledger !== after.ledger || before.ladder !== after.ladder || before.circles.last !== after.circles.last;
}

/**
 * The ladder and the ledger of the open project computed again in the worker, when only they
 * changed. A later change wins over an earlier one still on its way.
 */
export async function refreshProgram(ctx: AppContext): Promise<void> {
  const { project, view } = ctx.store.get();
  if (project === null || view === null) return;
  const asked = ++ctx.runtime.programAsked;
  try {
    const parts = await ctx.engine.programParts(project.dataset, { relations: view.analysis.settings.relations, ...projectProgramOptions(project) });
    if (asked !== ctx.runtime.programAsked || ctx.store.get().project?.id !== project.id) return;
    ctx.store.set({ program: parts, ...(parts.warnings.length > 0 ? { notices: parts.warnings } : {}) });
  } catch (error) {
    if (asked !== ctx.runtime.programAsked) return;
    ctx.store.set({ status: { kind: 'error', message: `The ladder and the introductions made could not be worked out again: ${(error as Error).message}. Your project is unchanged.` } });
  }
}

/**
 * The look-ups of a view for `dataset` and `analysis`, built in slices; null when a newer
 * presentation started meanwhile (its result is the one to show).
 */
export async function lookupsFor(ctx: AppContext, dataset: Project['dataset'], analysis: AnalysisResult): Promise<ViewLookups | null> {
  const presenting = ++ctx.runtime.presenting;
  return viewLookupsInSlices(dataset, analysis, {
    between: async () => {
      await yieldToPage();
      return presenting === ctx.runtime.presenting;
    },
  });
}

/**
 * Makes `project` and its analysis current (with `also`, display state that goes with it) and
 * draws them part by part, a task each; `lookups` are the view's look-ups for its dataset, built
 * first (see lookupsFor) unless given. Resolves once every part is drawn.
 */
export async function present(ctx: AppContext, project: Project, analysis: AnalysisResult, also: Partial<AppState> = {}, lookups?: ViewLookups): Promise<void> {
  const built = lookups ?? (await lookupsFor(ctx, project.dataset, analysis));
  if (built === null) return;
  const view: ViewModel = { project, analysis, ...built };
  const mode = ctx.store.get().mode === 'systemmap' && !project.systemMap ? 'people' : ctx.store.get().mode;
  ctx.store.set({ ...also, project, view, mode, program: programOf(analysis) });
  if (mode === 'systemmap' && project.systemMap) {
    // The map's people (who works where) or the map itself may be new: analysed again.
    ensureEditor(ctx, project.systemMap);
    await analyseMap(ctx, project.systemMap);
    return;
  }
  if (mode === 'results') {
    // Its people may be new: joined again.
    await analyseResults(ctx);
    return;
  }
  // The results' introductions join the Weave view's suggestions.
  if (project.results) void analyseResults(ctx);
  await drawParts(ctx, view);
}

/** Draws a view part by part; a newer drawing, or leaving for the system map, stops the rest. */
export async function drawParts(ctx: AppContext, view: ViewModel): Promise<void> {
  const { store, runtime } = ctx;
  const shown = ++runtime.shown;
  for (const part of PARTS) {
    // Each part in a task of its own, the first too: the project's own change redraws the top
    // bar and the panels still showing the old results.
    await yieldToPage();
    if (shown !== runtime.shown || store.get().mode !== 'people') return;
    store.set({ drawn: { ...store.get().drawn, [part]: view } });
  }
}

/** Whether a part of the screen still has an older analysis to replace (for scripts and tests). */
export function isDrawing(view: ViewModel | null, drawn: Drawn): boolean {
  return view !== null && PARTS.some((part) => drawn[part]?.analysis !== view.analysis);
}

/**
 * Analyses a changed project and shows it. What the analysis depends on (dataset, settings,
 * abilities, survey) is laid onto the project as it is when the result lands, so a change made
 * meanwhile (a marked introduction, a layout, a map edit) is kept.
 */
export async function reanalyseProject(ctx: AppContext, changed: Project): Promise<void> {
  const analysis = await analyse(ctx, changed);
  if (!analysis) return;
  // Receiving a big analysis is one task of its own; drawing it starts in the next.
  await yieldToPage();
  // The look-ups depend only on the dataset and the analysis; the project is composed after
  // them, so a change made while they were built is kept.
  const lookups = await lookupsFor(ctx, changed.dataset, analysis);
  const current = ctx.store.get().project;
  if (lookups === null || current === null || current.id !== changed.id) return;
  // Size and colour are display choices, the current ones kept; the rest of the settings are the analysed ones.
  const settings = { ...changed.settings, sizeBy: current.settings.sizeBy, colorBy: current.settings.colorBy };
  const next: Project = { ...current, dataset: changed.dataset, settings, abilities: changed.abilities, survey: changed.survey, updatedAt: new Date().toISOString() };
  const drawing = present(ctx, next, analysis, {}, lookups);
  scheduleSave(ctx, next);
  // An introduction recorded or the ladder edited while this ran: what the analysis said of them is out of date.
  if (programChanged(changed, current)) void refreshProgram(ctx);
  await drawing;
}

/**
 * The same project analysed with other settings (relations, direction, weights, wave...), on top
 * of any change still being analysed.
 */
export async function reanalyse(ctx: AppContext, patch: Partial<ProjectSettings>): Promise<void> {
  const project = ctx.store.get().project;
  if (!project) return;
  const base = ctx.runtime.pending?.id === project.id ? ctx.runtime.pending : project;
  await reanalyseProject(ctx, { ...base, settings: { ...base.settings, ...patch } });
}

/**
 * A change to the project that needs no new analysis (a layout, a marked introduction, a map
 * edit): the view and every part showing this analysis follow, and it is saved soon. A change
 * still being analysed gets it too.
 */
export function updateProject(ctx: AppContext, patch: Partial<Project>): void {
  const { store, runtime } = ctx;
  const { project, view, drawn } = store.get();
  if (!project) return;
  const next = { ...project, ...patch, updatedAt: new Date().toISOString() };
  const pending = runtime.pending;
  if (pending?.id === project.id) {
    // Of the settings, only size and colour are changed without an analysis.
    const settings = patch.settings ? { ...pending.settings, sizeBy: patch.settings.sizeBy, colorBy: patch.settings.colorBy } : pending.settings;
    runtime.pending = { ...pending, ...patch, settings };
  }
  if (view) {
    const nextView = { ...view, project: next };
    const follow = (part: ViewModel | null) => (part && part.analysis === view.analysis ? nextView : part);
    store.set({ project: next, view: nextView, drawn: { tables: follow(drawn.tables), settings: follow(drawn.settings), details: follow(drawn.details), map: follow(drawn.map) } });
  } else {
    store.set({ project: next });
  }
  scheduleSave(ctx, next);
}
