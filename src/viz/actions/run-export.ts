/**
 * The Export menu's action: the files an entry makes, written in the analysis worker with
 * progress and Cancel, then handed to the browser; the map picture is drawn by the map itself.
 * When the project's sharing changes anything (someone left out or not named, or names replaced
 * with codes), the shared dataset is made and analysed again there and every file is written
 * from that: people left out are removed before any figure is computed.
 */
import type { AppContext } from './context.ts';
import { setWorking } from './context.ts';
import { fileSafe, MAP_PICTURE_RESTRICTED, type DownloadFile, type ExportKind } from './exports.ts';
import { keyFileName, type FileExportKind } from '../../engine/project/export-kinds.ts';
import type { SharingApplied } from '../../engine/project/export-files.ts';
import type { ExportRequest } from '../../workers/engine-api.ts';
import { CancelledByUser } from '../../workers/engine-client.ts';
import { projectAnalysisOptions } from '../../engine/project/project-analysis.ts';
import { sharingRestricts } from '../../engine/features/sharing/share.ts';
import { packedLayoutOf } from '../../engine/core/model/packed-layout.ts';
import type { Project } from '../../engine/core/model/project.ts';
import type { InputIssue } from '../../engine/core/util/issues.ts';

export async function runExport(ctx: AppContext, kind: ExportKind): Promise<void> {
  const { project } = ctx.store.get();
  if (!project) return;
  // These open a dialog of their own, which makes the file in the worker.
  if (kind === 'sharing' || kind === 'report' || kind === 'packets') {
    ctx.store.set({ dialog: { kind } });
    return;
  }
  if (kind === 'map-png') {
    if (sharingRestricts(project.dataset.people, project.sharing)) ctx.store.set({ notices: [{ level: 'warning', code: 'map-picture-restricted', message: MAP_PICTURE_RESTRICTED }], imported: null });
    else void ctx.page.mapPicture(fileSafe(project.name));
    return;
  }
  await writeFiles(ctx, project, kind);
}

/** The introductions list, shared as the project's sharing allows. */
export async function exportIntroductions(ctx: AppContext): Promise<void> {
  const { project, view } = ctx.store.get();
  if (project && view) await writeFiles(ctx, project, 'introductions');
}

/** Only the project files hold the layout: it is not sent for the others (50,000 positions are a copy of their own, even packed). */
const WITH_LAYOUT: ReadonlySet<FileExportKind> = new Set(['project', 'project-own']);

/** Has the worker write one export's files, with progress, then saves them; said in the status line when cancelled or failed. */
async function writeFiles(ctx: AppContext, project: Project, kind: FileExportKind): Promise<void> {
  const { store, engine } = ctx;
  if (engine.busy) {
    store.set({ notices: [{ level: 'warning', code: 'export-busy', message: 'netweave is still working on something else: export again when it has finished.' }], imported: null });
    return;
  }
  const task = 'Writing the file';
  const { dataset: _dataset, layout, ...rest } = project;
  const request: ExportRequest = {
    kind,
    project: rest,
    layout: WITH_LAYOUT.has(kind) ? packedLayoutOf(layout) : null,
    // The analysis on screen, recalled in the worker by the options it was made with.
    analysedWith: store.get().view ? projectAnalysisOptions(project) : null,
    // The self-assessment is matched to the people by their ids: it stays with the weaver.
    sharedWith: projectAnalysisOptions({ settings: project.settings, abilities: null }),
  };
  setWorking(ctx, task, 'starting', true);
  let finished = false;
  try {
    const made = await engine.exportFiles(project.dataset, request, (step, fraction) => {
      if (!finished) setWorking(ctx, task, step, true, fraction);
    });
    finished = true;
    store.set({ status: { kind: 'idle' } });
    if (made.shared) saveShared(ctx, project, made.shared, made.files);
    else saveWithNotes(ctx, made.files);
  } catch (error) {
    finished = true;
    if (error instanceof CancelledByUser) store.set({ status: { kind: 'idle' }, notices: [{ level: 'warning', code: 'cancelled', message: 'The export was cancelled; nothing was saved.' }], imported: null });
    else store.set({ status: { kind: 'error', message: `The export failed: ${(error as Error).message}. Nothing was saved.` } });
  }
}

function saveShared(ctx: AppContext, project: Project, shared: SharingApplied, files: DownloadFile[]): void {
  const said: InputIssue[] = [{ level: 'warning', code: 'shared', message: sharedSummary(shared) }];
  const key = keyFileName(project.name);
  if (shared.codes && files.some((f) => f.name === key)) {
    said.push({ level: 'warning', code: 'key-saved', message: `The key linking the codes to the names is saved as ${key}. Keep it apart from what you share (never send it with the files): with it anyone can read the names, and without it you cannot get them back.` });
  }
  saveWithNotes(ctx, files, said);
}

/** What sharing did, in plain words. */
export function sharedSummary(shared: SharingApplied): string {
  const parts = [`${shared.named} named${shared.codes ? ' (as codes)' : ''}`];
  if (shared.unnamed > 0) parts.push(`${shared.unnamed} counted but not named ("a member")`);
  if (shared.leftOut > 0) parts.push(`${shared.leftOut} left out before anything was computed`);
  return `Shared as each member agreed: ${parts.join(', ')}.`;
}

function saveWithNotes(ctx: AppContext, files: DownloadFile[], said: InputIssue[] = []): void {
  ctx.page.saveFiles(files);
  const notes = files.flatMap((f) => (f.note !== undefined ? [{ level: 'warning' as const, code: 'export-replaced', message: f.note, file: f.name }] : []));
  if (notes.length + said.length > 0) ctx.store.set({ notices: [...said, ...notes], imported: null });
}
