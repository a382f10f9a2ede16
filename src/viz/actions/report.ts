/**
 * The self-contained HTML report of the open project: made in the worker from the project's
 * sharing settings (consent applied, codes when it pseudonymises, the analysis run again when
 * sharing changes anything), laid out from the project's stored positions, then handed to the
 * browser to save (with the key beside it when pseudonymised). The dialog
 * (components/report-dialog.tsx) is given these.
 */
import type { AppContext } from './context.ts';
import { fileSafe, type DownloadFile } from './exports.ts';
import type { ProgressCallback, ReportFile } from '../../workers/engine-api.ts';
import { packedLayoutOf } from '../../engine/core/model/packed-layout.ts';
import type { ReportMade } from '../../engine/export/report-html/shared-report.ts';
import { sectionChoices, type SectionChoice } from '../../engine/export/report-html/section-catalogue.ts';
import { projectAnalysisOptions } from '../../engine/project/project-analysis.ts';
import type { Project } from '../../engine/core/model/project.ts';
import type { SystemMapReport } from '../../engine/features/systemmap/analyze-systemmap.ts';
import type { ReportChoices } from '../components/report-dialog.tsx';
import type { ResultsReport } from '../../engine/features/results/analyze-results.ts';
import { analyseResults } from './results-analysis.ts';

/** Every section with whether the open project holds it (read from the page's own analysis). */
export function reportSections(ctx: AppContext): SectionChoice[] {
  const { project, view, systemMap } = ctx.store.get();
  if (project === null || view === null) return [];
  const choices = sectionChoices({ dataset: project.dataset, result: view.analysis, ...(systemMap.report ? { systemMap: systemMap.report } : {}) });
  // A system map not analysed yet (the System map view was not opened) is analysed when the report is made.
  const hasMap = (project.systemMap?.factors.length ?? 0) > 0;
  // Results not joined yet (the Results view was not opened) are joined when the report is made.
  const hasResults = (project.results?.set.results.length ?? 0) > 0;
  return choices.map((c) => ((c.id === SYSTEM_MAP_SECTION && hasMap) || (c.id === RESULTS_SECTION && hasResults) ? { ...c, available: true } : c));
}

const SYSTEM_MAP_SECTION = 'systemmap';
const RESULTS_SECTION = 'results';

/** The project's results joined to its map and people: the Results view's, or joined now in the worker. */
async function resultsReport(ctx: AppContext): Promise<ResultsReport | null> {
  if (ctx.store.get().project?.results == null) return null;
  await analyseResults(ctx);
  return ctx.store.get().results.report;
}

/** The project's system map analysed: the one the System map view made, or made now in the worker. */
async function systemMapReport(ctx: AppContext, project: Project): Promise<SystemMapReport | null> {
  const { systemMap } = ctx.store.get();
  if (project.systemMap === null || project.systemMap.factors.length === 0) return null;
  if (systemMap.report !== null && systemMap.analysed === project.systemMap) return systemMap.report;
  return ctx.engine.analyzeSystemMap(project.systemMap, project.dataset);
}

/** Makes the report of the open project in the worker. */
export async function makeReport(ctx: AppContext, choices: ReportChoices, onProgress: ProgressCallback): Promise<ReportFile> {
  const { project, view } = ctx.store.get();
  if (project === null) throw new Error('Open a project first.');
  const wantsMap = choices.sections.includes(SYSTEM_MAP_SECTION);
  if (wantsMap) onProgress('finding feedback loops', 0);
  const request = {
    sharing: project.sharing,
    // The ledger's names and notes are never shared (see sharedProject); it is not checked here.
    options: projectAnalysisOptions({ ...project, ledger: [] }),
    analysedWith: view ? projectAnalysisOptions(project) : null,
    layout: packedLayoutOf(project.layout),
    systemMap: wantsMap ? await systemMapReport(ctx, project) : null,
    results: choices.sections.includes(RESULTS_SECTION) ? await resultsReport(ctx) : null,
    report: { title: choices.title, intro: choices.intro, sections: choices.sections },
  };
  return ctx.engine.htmlReport(project.dataset, request, onProgress);
}

/** The files to save: the report, and the key beside it when the project pseudonymises. */
export function reportFiles(projectName: string, made: Pick<ReportFile, 'keyCsv'> & { html: ReportFile['html'] | ReportMade['html'] }): DownloadFile[] {
  const base = fileSafe(projectName);
  const files: DownloadFile[] = [{ name: `${base}-report.html`, content: made.html, type: 'text/html' }];
  if (made.keyCsv !== null) files.push({ name: `${base}-key.csv`, content: made.keyCsv, type: 'text/csv' });
  return files;
}

/** Hands the report (and key) to the browser to save; returns their names. */
export function saveReport(ctx: AppContext, made: ReportFile): string[] {
  const files = reportFiles(ctx.store.get().project?.name ?? 'netweave', made);
  ctx.page.saveFiles(files);
  return files.map((f) => f.name);
}

/** Stops a report being made (the worker is restarted). */
export function cancelReport(ctx: AppContext): void {
  ctx.engine.cancel();
}
