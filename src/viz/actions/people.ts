/**
 * What a person does with the people network: pick someone, open a view of the details drawer,
 * add program files or a self-assessment to the open project.
 */
import type { AppContext } from './context.ts';
import { reanalyseProject, updateProject } from './analysis.ts';
import { exportIntroductions } from './run-export.ts';
import type { DetailsTab } from '../state/app-state.ts';
import type { Dataset } from '../../engine/core/model/dataset.ts';
import type { InputIssue } from '../../engine/core/util/issues.ts';
import type { SourceFile } from '../../engine/io/types.ts';
import { defaultRelations } from '../../engine/project/new-project.ts';

export function select(ctx: AppContext, id: string | null): void {
  ctx.store.set({ selected: id });
}

/**
 * Someone selected anywhere (map, table, a list) shows their profile when the network summary
 * is open; another list stays, with them marked. Returns the function that stops following.
 */
export function followSelection(ctx: AppContext): () => void {
  return ctx.store.subscribe((state, previous) => {
    if (state.selected && state.selected !== previous.selected && state.detailsTab === 'summary') ctx.store.set({ detailsTab: 'person' });
  });
}

/** Opening the edge or broker list highlights those people on the map. */
export function showDetailsTab(ctx: AppContext, tab: DetailsTab): void {
  const insights = ctx.store.get().view?.analysis.insights;
  const highlight = tab === 'periphery' && insights ? insights.periphery.map((p) => p.id) : tab === 'brokers' && insights ? insights.brokers.map((b) => b.id) : null;
  ctx.store.set({ detailsTab: tab, highlight });
}

/** The introductions list as CSV, shared as the project's sharing allows. */
export function exportSuggestions(ctx: AppContext): void {
  void exportIntroductions(ctx);
}

/** Import needs room for previews and column choices: on a phone the app is a viewer. */
export function openImport(ctx: AppContext, files: File[] = []): void {
  if (ctx.page.isSmallScreen()) {
    ctx.store.set({ notices: [{ level: 'warning', code: 'small-screen', message: 'Importing files needs a larger screen: open netweave on a computer or tablet to add your data. On a phone you can read the map and the lists.' }] });
    return;
  }
  ctx.store.set({ dialog: { kind: 'import', files } });
}

/** Attendance or mentorships joined the open project's people: analysed again with every relation. */
export async function programFilesAdded(ctx: AppContext, dataset: Dataset, issues: InputIssue[]): Promise<void> {
  const project = ctx.store.get().project;
  if (!project) return;
  ctx.store.set({ notices: issues.filter((i) => i.level === 'warning') });
  await reanalyseProject(ctx, { ...project, dataset, settings: { ...project.settings, relations: defaultRelations(dataset) } });
}

/** A self-assessment joins the open project; a file that names no one here, or fails to read, leaves it as it was. */
export async function importAssessment(ctx: AppContext, source: SourceFile): Promise<void> {
  const { store, engine } = ctx;
  const project = store.get().project;
  if (!project) return;
  const result = await engine.importAbilities(source);
  if (!result.ok) {
    store.set({ status: { kind: 'error', message: `${source.name} could not be used; your project is unchanged.`, issues: result.issues } });
    return;
  }
  if (result.value.matches.length === 0) {
    store.set({ status: { kind: 'error', message: `No row of ${source.name} names someone in this network: is it the assessment for this group? Your project is unchanged.` } });
    return;
  }
  const { assessment, unmatched: rows } = result.value;
  const unmatched: InputIssue[] = rows.length > 0 ? [{ level: 'warning', code: 'abilities-unmatched', message: `${rows.length} rows of ${source.name} name no one in this network (${rows.slice(0, 5).map((u) => u.written).join(', ')}).` }] : [];
  store.set({ notices: [...result.issues, ...unmatched] });
  await reanalyseProject(ctx, { ...project, abilities: assessment });
}

/** Size and colour are the project's settings: a change is saved with it, so it reopens as left. */
export function followEncodings(ctx: AppContext): () => void {
  return ctx.store.subscribe((state, previous) => {
    if (state.sizeBy === previous.sizeBy && state.colorBy === previous.colorBy) return;
    const settings = state.project?.settings;
    if (settings && (settings.sizeBy !== state.sizeBy || settings.colorBy !== state.colorBy)) updateProject(ctx, { settings: { ...settings, sizeBy: state.sizeBy, colorBy: state.colorBy } });
  });
}
