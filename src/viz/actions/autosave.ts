/**
 * Saving projects in this browser, soon after a burst of changes. Each project's latest version
 * waits for the timer, so a change to one project is still written when another is opened.
 */
import type { AppContext } from './context.ts';
import type { Project } from '../../engine/core/model/project.ts';

/**
 * Saves soon. A save already due sooner is kept, not put off: a new project is stored at once
 * even when its map reports a layout a moment later.
 */
export function scheduleSave(ctx: AppContext, project: Project, delay = 800): void {
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

/** Writes every waiting project now (also as the page is hidden or closed). */
export async function saveNow(ctx: AppContext): Promise<void> {
  const waiting = [...ctx.runtime.unsaved.values()];
  ctx.runtime.unsaved.clear();
  for (const project of waiting) {
    try {
      await ctx.db.save(project);
    } catch (error) {
      ctx.store.set({ notices: [{ level: 'warning', code: 'not-saved', message: `This browser did not save the project (${(error as Error).message}). Export it to a file to keep it.` }] });
    }
  }
}
