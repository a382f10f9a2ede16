/**
 * The ladder and the weaving ledger of the open project: introductions recorded (from a
 * suggestion or by hand), removed, imported from and exported to CSV; the ladder's rules edited.
 * Each change is kept in the project and the two parts are computed again in the worker, not the
 * whole analysis.
 */
import type { AppContext } from './context.ts';
import { refreshProgram, updateProject } from './analysis.ts';
import { fileSafe } from './exports.ts';
import type { LedgerEntry } from '../../engine/core/model/ledger.ts';
import type { LadderRules } from '../../engine/core/model/ladder.ts';
import type { Project } from '../../engine/core/model/project.ts';
import type { SourceFile } from '../../engine/io/types.ts';
import { ledgerCsv } from '../../engine/features/ledger/ledger-csv.ts';

function changeProgram(ctx: AppContext, patch: Partial<Project>): void {
  updateProject(ctx, patch);
  void refreshProgram(ctx);
}

/** Records an introduction made; one from a suggestion also marks the suggestion as made. */
export function recordIntroduction(ctx: AppContext, entry: LedgerEntry): void {
  const project = ctx.store.get().project;
  if (!project) return;
  const ledger = [...project.ledger.filter((e) => entry.suggestion === undefined || e.suggestion !== entry.suggestion), entry];
  const weaving = entry.suggestion !== undefined ? { ...project.weaving, [entry.suggestion]: 'done' as const } : project.weaving;
  changeProgram(ctx, { ledger, weaving });
}

/**
 * Marks a suggestion dismissed, or open again. Reopening one recorded as made takes its record
 * out of the ledger: it was not made after all.
 */
export function markSuggestion(ctx: AppContext, id: string, state: 'dismissed' | null): void {
  const project = ctx.store.get().project;
  if (!project) return;
  const weaving = { ...project.weaving };
  if (state) weaving[id] = state;
  else delete weaving[id];
  const ledger = project.ledger.filter((e) => e.suggestion !== id);
  if (ledger.length === project.ledger.length) updateProject(ctx, { weaving });
  else changeProgram(ctx, { weaving, ledger });
}

/** Takes the `index`-th introduction out of the ledger (its suggestion, if any, is open again). */
export function removeIntroduction(ctx: AppContext, index: number): void {
  const project = ctx.store.get().project;
  const entry = project?.ledger[index];
  if (!project || entry === undefined) return;
  const weaving = { ...project.weaving };
  if (entry.suggestion !== undefined && weaving[entry.suggestion] === 'done') delete weaving[entry.suggestion];
  changeProgram(ctx, { ledger: project.ledger.filter((_, i) => i !== index), weaving });
}

/**
 * Adds a ledger file's introductions to the project's (a row already there is not added twice).
 * A file with errors adds nothing and says what is wrong, by row and field; names matching no one
 * are kept as written and listed. Returns what was added, in words, or null when nothing was read.
 */
export async function importLedger(ctx: AppContext, file: SourceFile): Promise<string | null> {
  const project = ctx.store.get().project;
  if (!project) return null;
  const read = await ctx.engine.importLedger(project.dataset, file);
  if (!read.ok) {
    ctx.store.set({ status: { kind: 'error', message: `${file.name} was not added: fix what is listed and add it again. Your introductions are unchanged.`, issues: read.issues } });
    return null;
  }
  const current = ctx.store.get().project;
  if (!current || current.id !== project.id) return null;
  const key = (e: LedgerEntry) => JSON.stringify([e.date, e.weaver, e.personA, e.personB, e.level, e.kind, e.note]);
  const had = new Set(current.ledger.map(key));
  const added = read.value.entries.filter((e) => !had.has(key(e)));
  const repeated = read.value.entries.length - added.length;
  const summary = `${file.name}: ${added.length === 1 ? '1 introduction' : `${added.length} introductions`} added${repeated > 0 ? `, ${repeated} already recorded` : ''}.`;
  if (read.issues.length > 0) ctx.store.set({ notices: read.issues });
  if (added.length > 0) changeProgram(ctx, { ledger: [...current.ledger, ...added] });
  return summary;
}

/** The ledger as CSV (`date,weaver,personA,personB,level,kind,note,suggestion`), people by name. */
export function exportLedger(ctx: AppContext): void {
  const { project } = ctx.store.get();
  if (!project) return;
  const labels = new Map(project.dataset.people.map((p) => [p.id, p.label || p.id]));
  const csv = ledgerCsv(project.ledger, (id) => labels.get(id) ?? id);
  ctx.page.saveFiles([{ name: `${fileSafe(project.name)}-introductions-made.csv`, content: csv, type: 'text/csv' }]);
}

/** The ladder's rules as edited, or null for the default ladder. */
export function saveLadder(ctx: AppContext, rules: LadderRules | null): void {
  changeProgram(ctx, { ladder: rules });
}
