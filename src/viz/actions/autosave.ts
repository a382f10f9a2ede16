/**
 * Saving the open project in this browser, soon after a burst of changes.
 */
import type { AppContext } from './context.ts';
import type { Project } from '../../engine/core/model/project.ts';

/**
 * Saves soon. A save already due sooner is kept, not put off: it writes whatever is current when
 * it runs, so a new project is stored at once even when its map reports a layout a moment later.
 */
export function scheduleSave(ctx: AppContext, project: Project, delay = 800): void {
  const runtime = ctx.runtime;
  const due = Date.now() + delay;
  if (runtime.saveTimer && runtime.saveDue <= due) return;
  if (runtime.saveTimer) clearTimeout(runtime.saveTimer);
  runtime.saveDue = due;
  runtime.saveTimer = setTimeout(() => {
    runtime.saveTimer = null;
    ctx.db.save(ctx.store.get().project ?? project).catch((error: unknown) => {
      ctx.store.set({ notices: [{ level: 'warning', code: 'not-saved', message: `This browser did not save the project (${(error as Error).message}). Export it to a file to keep it.` }] });
    });
  }, delay);
}
