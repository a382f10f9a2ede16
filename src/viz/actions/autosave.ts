/**
 * Saving projects in this browser, soon after a burst of changes. Each project's latest version
 * waits for the timer, so a change to one project is still written when another is opened. In
 * private mode nothing is saved: the work lives in the page until it is exported.
 */
import type { AppContext } from './context.ts';
import type { Project } from '../../engine/core/model/project.ts';

/**
 * Saves soon. A save already due sooner is kept, not put off: a new project is stored at once
 * even when its map reports a layout a moment later.
 */
export function scheduleSave(ctx: AppContext, project: Project, delay = 800): void {
  if (ctx.store.get().privateMode) return;
  const runtime = ctx.runtime;
  runtime.unsaved.set(project.id, project);
  const due = Date.now() + delay;
  if (runtime.saveTimer && runtime.saveDue <= due) return;
  if (runtime.saveTimer) clearTimeout(runtime.saveTimer);
  runtime.saveDue = due;
  runtime.saveTimer = setTimeout(() => {
    runtime.saveTimer = null;
    void saveNow(ctx);
  }, delay);
}

/**
 * Why a save failed, in the words the status line uses: the site's storage is full, or the
 * browser keeps nothing (private windows, storage turned off), or something else it said.
 */
export function storageProblemOf(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return "this browser's storage for netweave is full (delete old projects, or free space on the computer)";
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'UnknownError') return 'this browser does not let netweave keep projects (a private window, or site storage turned off)';
  return `this browser did not save it (${error instanceof Error ? error.message : String(error)})`;
}

/**
 * Writes every waiting project now (also as the page is hidden or closed). When storage fails
 * the work stays open in this tab and the status line says so, with the way to keep it (export
 * the project file), until a save succeeds again. `closing`: the page itself writes, at once,
 * what waits and what the storage worker is still being handed.
 */
export async function saveNow(ctx: AppContext, closing = false): Promise<void> {
  const waiting = new Map([...(closing ? ctx.db.writingInWorker() : []), ...ctx.runtime.unsaved.values()].map((p) => [p.id, p]));
  ctx.runtime.unsaved.clear();
  if (ctx.store.get().privateMode) return;
  for (const project of waiting.values()) {
    try {
      await ctx.db.save(project, { onPage: closing });
      if (ctx.store.get().storageProblem !== null) ctx.store.set({ storageProblem: null });
    } catch (error) {
      ctx.store.set({ storageProblem: storageProblemOf(error) });
    }
  }
}

/** Drops the saves waiting (all, or one project's): a project deleted or forgotten is not written again. */
export function dropPendingSaves(ctx: AppContext, id?: string): void {
  const runtime = ctx.runtime;
  if (id === undefined) runtime.unsaved.clear();
  else runtime.unsaved.delete(id);
  if (runtime.unsaved.size === 0 && runtime.saveTimer) {
    clearTimeout(runtime.saveTimer);
    runtime.saveTimer = null;
  }
}
