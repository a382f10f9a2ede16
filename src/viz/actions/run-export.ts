/**
 * The Export menu's action: the files an entry makes, handed to the browser; the map picture is
 * drawn by the map itself.
 */
import type { AppContext } from './context.ts';
import { exportFiles, fileSafe, type ExportKind } from './exports.ts';

export function runExport(ctx: AppContext, kind: ExportKind): void {
  const { project, view } = ctx.store.get();
  if (!project) return;
  if (kind === 'map-png') {
    void ctx.page.mapPicture(fileSafe(project.name));
    return;
  }
  const files = exportFiles(kind, project, view?.analysis ?? null);
  ctx.page.saveFiles(files);
  const notes = files.flatMap((f) => (f.note !== undefined ? [{ level: 'warning' as const, code: 'export-replaced', message: f.note, file: f.name }] : []));
  if (notes.length > 0) ctx.store.set({ notices: notes, imported: null });
}
