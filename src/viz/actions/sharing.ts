/**
 * Consent and pseudonyms in the app: the project's sharing settings (the consent column, each
 * person's choice, codes and the attributes kept) are project edits, saved like any other; and
 * the names put back into pseudonymised data from its key, changing nothing when the key does not
 * fit.
 */
import type { AppContext } from './context.ts';
import { setWorking } from './context.ts';
import { CancelledByUser } from '../../workers/engine-client.ts';
import { analyse, present, updateProject } from './analysis.ts';
import { scheduleSave } from './autosave.ts';
import { openImport } from './people.ts';
import { yieldToPage } from '../../workers/yield-to-page.ts';
import type { Project, SharingSettings } from '../../engine/core/model/project.ts';
import type { Consent } from '../../engine/features/sharing/consent.ts';
import { looksLikeKey } from '../../engine/features/sharing/share.ts';
import { suggestionId } from '../../engine/features/weaving/suggestions.ts';
import type { InputIssue } from '../../engine/core/util/issues.ts';

export function setSharing(ctx: AppContext, patch: Partial<SharingSettings>): void {
  const project = ctx.store.get().project;
  if (project) updateProject(ctx, { sharing: { ...project.sharing, ...patch } });
}

/** One person's consent, chosen in their profile; null goes back to what the column says. */
export function setConsent(ctx: AppContext, id: string, consent: Consent | null): void {
  const project = ctx.store.get().project;
  if (!project) return;
  const chosen = { ...project.sharing.consent };
  if (consent === null) delete chosen[id];
  else chosen[id] = consent;
  setSharing(ctx, { consent: chosen });
}

/**
 * The open project's codes replaced by the names in a key. A key that does not fit is said with
 * its reason and changes nothing; returns the problems (empty when the names came back).
 */
export async function restoreFromKey(ctx: AppContext, file: { name: string; text: string }): Promise<InputIssue[]> {
  const { project, view } = ctx.store.get();
  if (!project) return [];
  let restored: Awaited<ReturnType<AppContext['engine']['restoreNames']>>;
  setWorking(ctx, 'Restoring names', 'reading the key', true);
  try {
    restored = await ctx.engine.restoreNames(project.dataset, file.text, file.name);
  } catch (error) {
    if (error instanceof CancelledByUser) ctx.store.set({ status: { kind: 'idle' } });
    else ctx.store.set({ status: { kind: 'error', message: `The names could not be restored: ${(error as Error).message}. Your project is unchanged.` } });
    return [];
  }
  ctx.store.set({ status: { kind: 'idle' } });
  if (ctx.store.get().project?.id !== project.id) return [];
  if (!restored.ok) {
    ctx.store.set({ status: { kind: 'error', message: `${file.name} could not restore the names; your project is unchanged.`, issues: restored.issues } });
    return restored.issues;
  }
  // restoreNames keeps the order of the people: the nth code is the nth person.
  const idOf = new Map(project.dataset.people.map((p, i) => [p.id, restored.value.people[i]!.id]));
  const id = (code: string): string => idOf.get(code) ?? code;
  const layout: Project['layout'] = {};
  for (const [code, position] of Object.entries(project.layout)) layout[id(code)] = position;
  const consent: SharingSettings['consent'] = {};
  for (const [code, choice] of Object.entries(project.sharing.consent)) consent[id(code)] = choice;
  const weaving: Project['weaving'] = {};
  for (const s of view?.analysis.introductions ?? []) {
    const mark = project.weaving[s.id];
    if (mark !== undefined) weaving[suggestionId(id(s.source), id(s.target))] = mark;
  }
  const next: Project = { ...project, dataset: restored.value, layout, weaving, sharing: { ...project.sharing, consent }, updatedAt: new Date().toISOString() };
  const analysis = await analyse(ctx, next);
  if (!analysis) return [];
  await yieldToPage();
  if (ctx.store.get().project?.id !== project.id) return [];
  const notices: InputIssue[] = [{ level: 'warning', code: 'names-restored', message: `The names of ${restored.value.people.length} people came back from ${file.name}.` }];
  const drawing = present(ctx, next, analysis, { selected: null, hovered: null, highlight: null, notices, imported: null });
  scheduleSave(ctx, next);
  await drawing;
  return [];
}

/**
 * Files dropped on the page: a netweave key alone, with a project open, restores its names;
 * anything else opens the import dialog.
 */
export async function filesDropped(ctx: AppContext, files: File[]): Promise<void> {
  const [only] = files;
  if (files.length === 1 && only && /\.(csv|txt)$/i.test(only.name) && ctx.store.get().project && !ctx.page.isSmallScreen()) {
    // Only the first line is read to tell: a big network file is not read twice.
    if (looksLikeKey(await only.slice(0, 4096).text())) {
      await restoreFromKey(ctx, { name: only.name, text: await only.text() });
      return;
    }
  }
  openImport(ctx, files);
}
