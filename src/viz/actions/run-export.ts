/**
 * The Export menu's action: the files an entry makes, handed to the browser; the map picture is
 * drawn by the map itself. When the project's sharing changes anything (someone left out or not
 * named, or names replaced with codes), the shared dataset is made and analysed again in the
 * worker, with progress and Cancel, and every file is written from that: people left out are
 * removed before any figure is computed.
 */
import type { AppContext } from './context.ts';
import { setWorking } from './context.ts';
import { fileSafe, keyFileName, MAP_PICTURE_RESTRICTED, type DownloadFile, type ExportKind } from './exports.ts';
import type { SharedNetwork } from './export-files.ts';
import { CancelledByUser } from '../../workers/engine-client.ts';
import { projectAnalysisOptions } from '../../engine/project/project-analysis.ts';
import { sharingRestricts } from '../../engine/features/sharing/share.ts';
import type { Project } from '../../engine/core/model/project.ts';
import type { InputIssue } from '../../engine/core/util/issues.ts';

export async function runExport(ctx: AppContext, kind: ExportKind): Promise<void> {
  const { project, view } = ctx.store.get();
  if (!project) return;
  // These open a dialog of their own, which makes the file in the worker.
  if (kind === 'sharing' || kind === 'report' || kind === 'packets') {
    ctx.store.set({ dialog: { kind } });
    return;
  }
  const restricted = sharingRestricts(project.dataset.people, project.sharing);
  if (kind === 'map-png') {
    if (restricted) ctx.store.set({ notices: [{ level: 'warning', code: 'map-picture-restricted', message: MAP_PICTURE_RESTRICTED }], imported: null });
    else void ctx.page.mapPicture(fileSafe(project.name));
    return;
  }
  const writers = await exportWriters(ctx);
  if (!writers) return;
  const { exportFiles, sharedExportFiles } = writers;
  if (!restricted || kind === 'project-own') {
    saveWithNotes(ctx, exportFiles(kind, project, view?.analysis ?? null));
    return;
  }
  const shared = await shareForExport(ctx, project);
  if (shared) saveShared(ctx, project, shared, sharedExportFiles(kind, project, shared));
}

/**
 * The file writers, loaded at the first export: they are not needed to start the app. Null when
 * they could not be loaded (said in the status line).
 */
async function exportWriters(ctx: AppContext): Promise<typeof import('./export-files.ts') | null> {
  try {
    return await import('./export-files.ts');
  } catch (error) {
    ctx.store.set({ status: { kind: 'error', message: `The export could not start: ${(error as Error).message}. Reload the page and export again; nothing was saved.` } });
    return null;
  }
}

/** The introductions list, shared as the project's sharing allows. */
export async function exportIntroductions(ctx: AppContext): Promise<void> {
  const { project, view } = ctx.store.get();
  if (!project || !view) return;
  const writers = await exportWriters(ctx);
  if (!writers) return;
  const { introductionsFile, sharedExportFiles } = writers;
  if (!sharingRestricts(project.dataset.people, project.sharing)) {
    ctx.page.saveFiles([introductionsFile(project, view.analysis)]);
    return;
  }
  const shared = await shareForExport(ctx, project);
  if (shared) saveShared(ctx, project, shared, sharedExportFiles('introductions', project, shared));
}

/** The shared network and its analysis, from the worker; null when cancelled or failed (said in the status line). */
export async function shareForExport(ctx: AppContext, project: Project): Promise<SharedNetwork | null> {
  const { store, engine } = ctx;
  if (engine.busy) {
    store.set({ notices: [{ level: 'warning', code: 'export-busy', message: 'netweave is still working on something else: export again when it has finished.' }], imported: null });
    return null;
  }
  setWorking(ctx, 'Preparing what is shared', 'applying consent', true);
  let finished = false;
  try {
    // The self-assessment is matched to the people by their ids: it stays with the weaver.
    const options = projectAnalysisOptions({ settings: project.settings, abilities: null });
    const shared = await engine.shareAndAnalyze(project.dataset, project.sharing, options, (step, fraction) => {
      if (!finished) setWorking(ctx, 'Preparing what is shared', step, true, fraction);
    });
    finished = true;
    store.set({ status: { kind: 'idle' } });
    return { ...shared, ids: new Map(shared.ids) };
  } catch (error) {
    finished = true;
    if (error instanceof CancelledByUser) store.set({ status: { kind: 'idle' }, notices: [{ level: 'warning', code: 'cancelled', message: 'The export was cancelled; nothing was saved.' }], imported: null });
    else store.set({ status: { kind: 'error', message: `The export failed: ${(error as Error).message}. Nothing was saved.` } });
    return null;
  }
}

function saveShared(ctx: AppContext, project: Project, shared: SharedNetwork, files: DownloadFile[]): void {
  const said: InputIssue[] = [{ level: 'warning', code: 'shared', message: sharedSummary(shared) }];
  if (shared.keyCsv !== null && files.some((f) => f.name === keyFileName(project))) {
    said.push({ level: 'warning', code: 'key-saved', message: `The key linking the codes to the names is saved as ${keyFileName(project)}. Keep it apart from what you share (never send it with the files): with it anyone can read the names, and without it you cannot get them back.` });
  }
  saveWithNotes(ctx, files, said);
}

/** What sharing did, in plain words. */
export function sharedSummary(shared: Pick<SharedNetwork, 'named' | 'unnamed' | 'leftOut' | 'keyCsv'>): string {
  const parts = [`${shared.named} named${shared.keyCsv !== null ? ' (as codes)' : ''}`];
  if (shared.unnamed > 0) parts.push(`${shared.unnamed} counted but not named ("a member")`);
  if (shared.leftOut > 0) parts.push(`${shared.leftOut} left out before anything was computed`);
  return `Shared as each member agreed: ${parts.join(', ')}.`;
}

function saveWithNotes(ctx: AppContext, files: DownloadFile[], said: InputIssue[] = []): void {
  ctx.page.saveFiles(files);
  const notes = files.flatMap((f) => (f.note !== undefined ? [{ level: 'warning' as const, code: 'export-replaced', message: f.note, file: f.name }] : []));
  if (notes.length + said.length > 0) ctx.store.set({ notices: [...said, ...notes], imported: null });
}
