/**
 * The results mode: results files added to the project (read in the worker with those it holds;
 * a file with an error adds nothing), the results joined to the system map and the people in the
 * worker whenever any of the three changed, the story behind a curve kept as the user writes it,
 * and the templates and turn-the-curve tables saved through the page.
 */
import type { AppContext } from './context.ts';
import { updateProject } from './analysis.ts';
import { fileSafe } from './exports.ts';
import { analyseResults } from './results-analysis.ts';
import { readSourceFile } from '../../engine/io/workbook-detect.ts';
import type { SourceFile } from '../../engine/io/types.ts';
import { RESULTS_TEMPLATES } from '../../engine/features/results/templates.ts';
import type { ResultsFileKind } from '../../engine/features/results/results-file-kinds.ts';
import { turnTheCurveCsv } from '../../engine/features/results/forecast.ts';
import type { IndicatorReport } from '../../engine/features/results/analyze-results.ts';

/**
 * Results files read with those the project already holds (one of the same name is replaced).
 * Any error adds nothing and says what is wrong by file, row and field.
 */
export async function addResultsFiles(ctx: AppContext, files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  await addResultsSources(ctx, await Promise.all(files.map((f) => readSourceFile(f))));
}

/** Results files already read (from the import dialog): added, and the Results view shown. */
export async function addResultsSources(ctx: AppContext, sources: readonly SourceFile[]): Promise<void> {
  const project = ctx.store.get().project;
  if (!project || sources.length === 0) return;
  const read = await ctx.engine.readResults([...sources], project.results?.files ?? []);
  if (!read.ok) {
    const one = sources.length === 1;
    ctx.store.set({ status: { kind: 'error', message: `${one ? sources[0]!.name : `${sources.length} files`} not added: fix what is listed and add ${one ? 'it' : 'them'} again. The project's results are unchanged.`, issues: read.issues } });
    return;
  }
  const current = ctx.store.get().project;
  if (!current || current.id !== project.id) return;
  updateProject(ctx, { results: { files: read.value.files, set: read.value.set, stories: current.results?.stories ?? {} } });
  // Shown where they are read; an earlier refusal no longer stands.
  ctx.store.set({ mode: 'results', notices: read.issues, ...(ctx.store.get().status.kind === 'error' ? { status: { kind: 'idle' as const } } : {}) });
  await analyseResults(ctx);
}

/** Forgets the project's results (the files they were read from, and the stories written). */
export function removeResults(ctx: AppContext): void {
  updateProject(ctx, { results: null });
  void analyseResults(ctx);
}

/** Keeps the story behind an indicator's curve as written; the report shows it as it is now. */
export function setStory(ctx: AppContext, indicator: string, story: string): void {
  const results = ctx.store.get().project?.results;
  if (!results) return;
  updateProject(ctx, { results: { ...results, stories: { ...results.stories, [indicator]: story } } });
}

export function downloadResultsTemplate(ctx: AppContext, kind: ResultsFileKind): void {
  const template = RESULTS_TEMPLATES[kind];
  ctx.page.saveFiles([{ name: template.file, content: template.csv, type: 'text/csv' }]);
}

/** The turn-the-curve table of one indicator: actuals, targets, baseline and the trend, marked as such. */
export function exportCurve(ctx: AppContext, indicator: IndicatorReport): void {
  const name = `${fileSafe(ctx.store.get().project?.name ?? 'netweave')}-${fileSafe(indicator.id)}-curve.csv`;
  ctx.page.saveFiles([{ name, content: turnTheCurveCsv(indicator), type: 'text/csv' }]);
}
