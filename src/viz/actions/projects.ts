/**
 * Opening projects: the bundled demo, one saved in this browser, a project file, or files just
 * imported. A project becomes current only once its analysis succeeded: a failure leaves the open
 * one as it was. Closing, deleting and forgetting: a project removed with everything kept for it,
 * or everything netweave kept in this browser; and private mode, where nothing is kept.
 */
import type { AppContext } from './context.ts';
import { setWorking } from './context.ts';
import { analyse, present } from './analysis.ts';
import { dropPendingSaves, saveNow, scheduleSave, storageProblemOf } from './autosave.ts';
import { noFilters } from '../state/filters.ts';
import { getDefaultAppState, type AppState } from '../state/app-state.ts';
import { forgetSettings } from '../state/browser-state.ts';
import type { ImportSummary } from '../format/import-summary.ts';
import type { ImportDone } from '../components/import-dialog.tsx';
import { loadDemoFiles, DEMO_NAME } from '../demo.ts';
import { yieldToPage } from '../../workers/yield-to-page.ts';
import type { Project } from '../../engine/core/model/project.ts';
import type { InputIssue } from '../../engine/core/util/issues.ts';
import { parseProjectFile } from '../../engine/project/project-file.ts';
import { repairProjectInSlices } from '../../engine/project/project-consistency.ts';
import { newProject, newProjectId, relationNames } from '../../engine/project/new-project.ts';

/** Analyses a project, then makes it current with a fresh selection and its saved encodings. */
export async function openProject(ctx: AppContext, project: Project, isDemo: boolean, notices: InputIssue[] = [], imported: ImportSummary | null = null): Promise<void> {
  const analysis = await analyse(ctx, project);
  if (!analysis) return;
  // Receiving a big analysis is one task of its own; drawing it starts in the next.
  await yieldToPage();
  // One change with the project itself: size and colour must never meet the project being left.
  const opened: Partial<AppState> = {
    isDemo,
    bannerHidden: false,
    selected: null,
    hovered: null,
    highlight: null,
    filters: noFilters(),
    sizeBy: project.settings.sizeBy,
    colorBy: project.settings.colorBy,
    notices,
    imported,
    systemMap: { report: null, analysed: null, editor: null, selection: { factor: null, loop: null }, activeLoop: null },
  };
  const drawing = present(ctx, project, analysis, opened);
  scheduleSave(ctx, project, 0);
  await drawing;
}

/** The last project of this browser, else the demo (also when storage is unavailable, as in private windows). */
export async function openStart(ctx: AppContext): Promise<void> {
  // Said at once: until a project is open the page would otherwise read as an empty start.
  setWorking(ctx, 'Opening', 'your last project', false);
  try {
    const saved = await ctx.db.current();
    if (saved) return await openStored(ctx, saved);
  } catch (error) {
    // The demo opens, and the status line says this browser is keeping nothing.
    ctx.store.set({ storageProblem: storageProblemOf(error) });
  }
  await openDemo(ctx);
}

/**
 * A project from this browser's storage, mended first where it contradicts itself (old or damaged
 * storage), with what was mended said; checked in slices, so a million ties never hold the page.
 */
async function openStored(ctx: AppContext, stored: Project): Promise<void> {
  const { project, notes } = await repairProjectInSlices(stored, `${stored.name} (saved in this browser)`, yieldToPage);
  return openProject(ctx, project, false, notes);
}

export async function openDemo(ctx: AppContext): Promise<void> {
  setWorking(ctx, 'Loading the demo', 'reading files', false);
  const outcome = await ctx.engine.importFiles(loadDemoFiles(), { name: DEMO_NAME, kinds: { 'people.csv': 'nodes', 'ties.csv': 'edges' } });
  if (!outcome.ok) {
    ctx.store.set({ status: { kind: 'error', message: 'The demo data could not be read.', issues: outcome.issues } });
    return;
  }
  const project = newProject(`Demo: ${DEMO_NAME}`, outcome.value, { sources: [{ name: 'people.csv', kind: 'nodes' }, { name: 'ties.csv', kind: 'edges' }] });
  await openProject(ctx, project, true);
}

export async function openSaved(ctx: AppContext, id: string): Promise<void> {
  const project = await ctx.db.load(id);
  if (project) await openStored(ctx, project);
  else ctx.store.set({ status: { kind: 'error', message: "That project could not be read from this browser's storage." } });
}

export async function openProjectFile(ctx: AppContext, file: File): Promise<void> {
  const result = parseProjectFile(await file.text(), file.name);
  if (!result.ok) {
    ctx.store.set({ status: { kind: 'error', message: `${file.name} could not be opened; your current project is unchanged.`, issues: result.issues } });
    return;
  }
  // A file opened twice becomes a separate project rather than overwriting the first.
  const project = (await ctx.db.load(result.value.id)) ? { ...result.value, id: newProjectId() } : result.value;
  await openProject(ctx, project, false, result.issues);
}

/** Files just imported become a new project, with what the import found said first. */
export async function openImported(ctx: AppContext, result: ImportDone): Promise<void> {
  const name = result.dataset.name || result.sources[0]?.name || 'My network';
  const created = newProject(name, result.dataset, { sources: result.sources });
  const project = result.survey ? { ...created, survey: result.survey } : created;
  const imported: ImportSummary = {
    people: result.dataset.people.length,
    ties: result.dataset.ties.length,
    relations: relationNames(result.dataset).length,
    ...(result.responses ? { responses: result.responses } : {}),
  };
  await openProject(ctx, project, false, result.issues.filter((i) => i.level === 'warning'), imported);
}

/**
 * Closes the open project: nothing of it stays on screen or waits to be saved, and the app shows
 * its empty start (import, open a project, the demo). Analyses and drawings still running for it
 * are dropped when they land.
 */
/** What goes back to how the app starts when the project closes (display preferences stay). */
const CLOSED = ['project', 'view', 'drawn', 'isDemo', 'status', 'selected', 'hovered', 'highlight', 'filters', 'notices', 'imported', 'mode', 'systemMap', 'program', 'results', 'storageProblem'] as const satisfies ReadonlyArray<keyof AppState>;

export function closeProject(ctx: AppContext): void {
  const { store, runtime } = ctx;
  const { project, status } = store.get();
  if (project) dropPendingSaves(ctx, project.id);
  runtime.analyses++;
  runtime.shown++;
  runtime.pending = null;
  if (status.kind === 'working') ctx.engine.cancel();
  const start = getDefaultAppState();
  store.set(Object.fromEntries(CLOSED.map((key) => [key, start[key]])) as Partial<AppState>);
}

/** Deletes a project kept in this browser with everything kept for it; the open one closes first. */
export async function deleteProject(ctx: AppContext, id: string): Promise<void> {
  dropPendingSaves(ctx, id);
  if (ctx.store.get().project?.id === id) closeProject(ctx);
  await ctx.db.remove(id);
}

/**
 * Removes everything netweave kept in this browser: every project (the whole database) and every
 * setting. The open project closes; while another netweave tab holds the database, the status
 * line asks for it to be closed.
 */
export async function forgetEverything(ctx: AppContext): Promise<void> {
  dropPendingSaves(ctx);
  closeProject(ctx);
  await ctx.db.forgetAll(() => ctx.store.set({ status: { kind: 'working', task: 'Forgetting', step: 'waiting for the other netweave tabs to close', fraction: 0, cancellable: false } }));
  forgetSettings();
  ctx.store.set({
    status: { kind: 'idle' },
    notices: [{ level: 'warning', code: 'forgotten', message: 'Everything netweave kept in this browser is removed: its projects and its settings.' }],
  });
}

/**
 * Private mode on: saves already due are written first, then nothing more is (no autosave, no
 * settings); projects kept before stay listed and open read-only. Off: the open project and later
 * changes are saved again, at once.
 */
export async function setPrivateMode(ctx: AppContext, on: boolean): Promise<void> {
  const { store } = ctx;
  if (store.get().privateMode === on) return;
  if (on) {
    await saveNow(ctx);
    dropPendingSaves(ctx);
    ctx.db.setPrivate(true);
    store.set({ privateMode: true, storageProblem: null });
    return;
  }
  ctx.db.setPrivate(false);
  store.set({ privateMode: false });
  const project = store.get().project;
  if (project) scheduleSave(ctx, project, 0);
}

/**
 * Another netweave tab deleted this project (or forgot everything): it closes here too, with a
 * word why, rather than be saved again by its next change (in private mode it stays: it was
 * never stored).
 */
export function removedElsewhere(ctx: AppContext, id: string | null): void {
  const open = ctx.store.get().project;
  if (id === null) dropPendingSaves(ctx);
  else dropPendingSaves(ctx, id);
  // In private mode the open project lives only in this page: nothing stored of it went.
  if (!open || (id !== null && open.id !== id) || ctx.store.get().privateMode) return;
  closeProject(ctx);
  const message = id === null ? 'Everything netweave kept in this browser was removed in another tab, so the project open here closed.' : `"${open.name}" was deleted in another tab, so it closed here too.`;
  ctx.store.set({ notices: [{ level: 'warning', code: 'removed-elsewhere', message }] });
}
