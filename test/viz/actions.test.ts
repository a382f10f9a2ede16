/**
 * The app's named actions, run in Node against the real engine in this thread (the worker's own
 * API, without the worker): opening a project, presenting results part by part, changes that need
 * no new analysis, a failed analysis, marking introductions, and the system map's mode and edits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppStore } from '../../src/viz/state/app-state.ts';
import { createAppContext, type AppContext } from '../../src/viz/actions/context.ts';
import { isDrawing, reanalyse, updateProject } from '../../src/viz/actions/analysis.ts';
import { openDemo, openProject } from '../../src/viz/actions/projects.ts';
import { followSelection, select, showDetailsTab } from '../../src/viz/actions/people.ts';
import { exportLedger, importLedger, markSuggestion, recordIntroduction, removeIntroduction } from '../../src/viz/actions/program.ts';
import { restoreFromKey, setConsent, setSharing } from '../../src/viz/actions/sharing.ts';
import { runExport } from '../../src/viz/actions/run-export.ts';
import { editMap, highlightLoop, setMode, systemMapImported, undoMapEdit } from '../../src/viz/actions/system-map.ts';
import type { DownloadFile } from '../../src/viz/actions/exports.ts';
import type { ProjectDb } from '../../src/viz/state/project-db.ts';
import type { EngineClient } from '../../src/workers/engine-client.ts';
import { engineApi } from '../../src/workers/engine-api.ts';
import { unpackDataset } from '../../src/engine/core/model/packed-dataset.ts';
import type { Project } from '../../src/engine/core/model/project.ts';
import { importSystemMapFiles } from '../../src/engine/features/systemmap/import-files.ts';
import { ok } from '../../src/engine/core/util/result.ts';
import { COALITION_DIR } from '../helpers/samples.ts';

/** The engine's own API in this thread, shaped as the page's client. */
function engineInThread(): EngineClient {
  return {
    importFiles: async (files, options) => {
      const r = engineApi.importFiles(files, options);
      return r.ok ? ok(unpackDataset(r.value), r.issues) : r;
    },
    setDataset: (dataset) => engineApi.setDataset(dataset),
    analyze: (options, onProgress) => engineApi.analyze(options, onProgress),
    analyzeSystemMap: async (map, people) => engineApi.analyzeSystemMap(map, people),
    exportFiles: async (dataset, request, onProgress) => {
      engineApi.setDataset(dataset);
      return engineApi.exportFiles(request, onProgress);
    },
    restoreNames: async (dataset, keyText, file) => {
      engineApi.setDataset(dataset);
      const r = engineApi.restoreNames(keyText, file);
      return r.ok ? ok(unpackDataset(r.value), r.issues) : r;
    },
    programParts: async (dataset, options) => {
      engineApi.setDataset(dataset);
      return engineApi.programParts(options);
    },
    importLedger: async (dataset, file) => {
      engineApi.setDataset(dataset);
      return engineApi.importLedger(file);
    },
    busy: false,
    cancel: () => undefined,
  } as Partial<EngineClient> as EngineClient;
}

/** A saved file's text (files written in the worker come as a Blob). */
async function textOf(file: DownloadFile): Promise<string> {
  const content = file.content;
  if (typeof content === 'string') return content;
  return content instanceof Blob ? content.text() : new TextDecoder().decode(content);
}

/** Projects kept in memory, as the browser's IndexedDB store would keep them. */
function memoryDb(): ProjectDb & { saved: Map<string, Project> } {
  const saved = new Map<string, Project>();
  return {
    saved,
    save: async (p: Project) => void saved.set(p.id, p),
    load: async (id: string) => saved.get(id) ?? null,
    current: async () => null,
  } as unknown as ProjectDb & { saved: Map<string, Project> };
}

function context(): AppContext & { files: DownloadFile[] } {
  const files: DownloadFile[] = [];
  const ctx = createAppContext(new AppStore(), engineInThread(), memoryDb(), {
    saveFiles: (f) => files.push(...f),
    mapPicture: async () => undefined,
    isSmallScreen: () => false,
  });
  return Object.assign(ctx, { files });
}

describe('the app actions', () => {
  it('open the demo, draw every part with its analysis, and save the project', async () => {
    const ctx = context();
    await openDemo(ctx);
    const state = ctx.store.get();
    expect(state.project?.name).toMatch(/^Demo: /);
    expect(state.isDemo).toBe(true);
    expect(state.view?.ids.length).toBe(state.project?.dataset.people.length);
    expect(isDrawing(state.view, state.drawn)).toBe(false);
    for (const part of ['tables', 'settings', 'details', 'map'] as const) expect(state.drawn[part]?.analysis).toBe(state.view?.analysis);
    await new Promise((r) => setTimeout(r, 20));
    expect((ctx.db as unknown as { saved: Map<string, Project> }).saved.has(state.project!.id)).toBe(true);
  });

  it('keep the analysis on a change that needs none, and every drawn part follows the project', async () => {
    const ctx = context();
    await openDemo(ctx);
    const before = ctx.store.get();
    updateProject(ctx, { layout: { [before.view!.ids[0]!]: [1, 2] } });
    const after = ctx.store.get();
    expect(after.view?.analysis).toBe(before.view?.analysis);
    expect(after.drawn.details?.project.layout[before.view!.ids[0]!]).toEqual([1, 2]);
    expect(isDrawing(after.view, after.drawn)).toBe(false);
  });

  it('record an introduction made from a suggestion, check the ledger alone, and take it back when reopened', async () => {
    const ctx = context();
    await openDemo(ctx);
    const first = ctx.store.get().view!.analysis.introductions[0]!;
    const analysis = ctx.store.get().view!.analysis;
    recordIntroduction(ctx, { date: '2026-05-01', weaver: 'Ana', personA: first.source, personB: first.target, level: 3, kind: 'close-triangle', note: '', suggestion: first.id });
    expect(ctx.store.get().project?.weaving[first.id]).toBe('done');
    expect(ctx.store.get().project?.ledger).toHaveLength(1);
    // The ledger is checked again alone: the analysis stays.
    await vi.waitFor(() => expect(ctx.store.get().program?.ledger?.introductions).toHaveLength(1));
    expect(ctx.store.get().view!.analysis).toBe(analysis);
    markSuggestion(ctx, first.id, 'dismissed');
    expect(ctx.store.get().project?.weaving[first.id]).toBe('dismissed');
    // Reopened: it was not made after all, so its record goes too.
    markSuggestion(ctx, first.id, null);
    expect(ctx.store.get().project?.weaving[first.id]).toBeUndefined();
    expect(ctx.store.get().project?.ledger).toHaveLength(0);
    await vi.waitFor(() => expect(ctx.store.get().program?.ledger).toBeNull());
  });

  it('add a ledger file to the introductions made, refuse a bad one whole, export and remove them', async () => {
    const ctx = context();
    await openDemo(ctx);
    const [a, b, c] = ctx.store.get().project!.dataset.people;
    const bad = `date,weaver,personA,personB,level\n2026-04-02,Ana,${a!.label},${b!.label},3\n2026-04-03,Ana,${a!.label},${c!.label},9\n`;
    expect(await importLedger(ctx, { name: 'bad.csv', text: bad })).toBeNull();
    const status = ctx.store.get().status;
    expect(status.kind === 'error' && status.issues?.some((i) => i.row === 3 && i.field === 'level')).toBe(true);
    expect(ctx.store.get().project!.ledger).toHaveLength(0);

    const good = `date,weaver,personA,personB,level,kind,note\n2026-04-02,Ana,${a!.label},${b!.label},3,,"=cmd()"\n2026-04-03,Ana,${a!.label},Someone Else,6,by hand,\n`;
    expect(await importLedger(ctx, { name: 'ledger.csv', text: good })).toBe('ledger.csv: 2 introductions added.');
    expect(await importLedger(ctx, { name: 'ledger.csv', text: good })).toBe('ledger.csv: 0 introductions added, 2 already recorded.');
    expect(ctx.store.get().project!.ledger.map((e) => e.personB)).toEqual([b!.id, 'Someone Else']);
    await vi.waitFor(() => expect(ctx.store.get().program?.ledger?.notInProject).toEqual(['Someone Else']));

    exportLedger(ctx);
    const csv = ctx.files.at(-1)!;
    expect(csv.name).toMatch(/-introductions-made\.csv$/);
    expect(String(csv.content)).toContain(`2026-04-02,Ana,${a!.label},${b!.label},3,by hand,'=cmd()`);

    removeIntroduction(ctx, 0);
    expect(ctx.store.get().project!.ledger.map((e) => e.personB)).toEqual(['Someone Else']);
    await vi.waitFor(() => expect(ctx.store.get().program?.ledger?.introductions).toHaveLength(1));
  });

  it('show a selected person in the details, and highlight the edge list on the map', async () => {
    const ctx = context();
    followSelection(ctx);
    await openDemo(ctx);
    const id = ctx.store.get().view!.ids[3]!;
    select(ctx, id);
    expect(ctx.store.get().detailsTab).toBe('person');
    showDetailsTab(ctx, 'periphery');
    expect(ctx.store.get().highlight).toEqual(ctx.store.get().view!.analysis.insights!.periphery.map((p) => p.id));
    select(ctx, ctx.store.get().view!.ids[4]!);
    // Another list stays open, with the person marked in it.
    expect(ctx.store.get().detailsTab).toBe('periphery');
  });

  it('leave the project and the results as they were when an analysis fails', async () => {
    const ctx = context();
    await openDemo(ctx);
    const before = ctx.store.get();
    const failing = { ...ctx.engine, analyze: async () => Promise.reject(new Error('out of memory')) } as unknown as EngineClient;
    const failed = { ...ctx, engine: failing };
    await reanalyse(failed, { direction: 'directed' });
    const after = ctx.store.get();
    expect(after.project).toBe(before.project);
    expect(after.view).toBe(before.view);
    expect(after.status).toMatchObject({ kind: 'error' });
    expect(after.status.kind === 'error' && after.status.message).toContain('out of memory');
  });

  it('switch to a system map, trace a loop, and undo an edit', async () => {
    const ctx = context();
    await openDemo(ctx);
    const dir = join(COALITION_DIR, 'systemmap');
    const read = (name: string) => ({ name, text: readFileSync(join(dir, name), 'utf8') });
    const imported = importSystemMapFiles([
      { ...read('links.csv'), kind: 'map-links' },
      { ...read('factors.csv'), kind: 'map-factors' },
    ]);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    await systemMapImported(ctx, imported.value, imported.issues);
    let state = ctx.store.get();
    expect(state.mode).toBe('systemmap');
    expect(state.drawers.settings.open).toBe(true);
    const report = state.systemMap.report!;
    expect(report.loops.length).toBeGreaterThan(0);
    highlightLoop(ctx, report.loops[0]!.factors);
    expect(ctx.store.get().systemMap.activeLoop).toBe(report.loops[0]!.id);
    const factors = state.project!.systemMap!.factors.length;
    editMap(ctx, { kind: 'add-factor', factor: { label: 'A new factor' } });
    expect(ctx.store.get().project!.systemMap!.factors.length).toBe(factors + 1);
    undoMapEdit(ctx);
    expect(ctx.store.get().project!.systemMap!.factors.length).toBe(factors);
    await setMode(ctx, 'people');
    state = ctx.store.get();
    expect(state.mode).toBe('people');
    expect(isDrawing(state.view, state.drawn)).toBe(false);
  });

  it('open a project only once its analysis succeeded', async () => {
    const ctx = context();
    await openDemo(ctx);
    const open = ctx.store.get().project!;
    const broken = { ...open, id: 'other', name: 'Other' };
    const failing = { ...ctx, engine: { ...ctx.engine, analyze: async () => Promise.reject(new Error('worker stopped')) } as unknown as EngineClient };
    await openProject(failing, broken, false);
    expect(ctx.store.get().project).toBe(open);
  });

  it('keep a change made while an analysis runs: settings build on the pending ones, marks and map edits survive the result', async () => {
    const ctx = context();
    await openDemo(ctx);
    const first = ctx.store.get().view!.analysis.introductions[0]!;
    const direction = reanalyse(ctx, { direction: 'undirected' });
    markSuggestion(ctx, first.id, 'dismissed');
    await Promise.all([direction, reanalyse(ctx, { weighting: 'strength' })]);
    const project = ctx.store.get().project!;
    expect(project.settings.direction).toBe('undirected');
    expect(project.settings.weighting).toBe('strength');
    expect(project.weaving[first.id]).toBe('dismissed');
    expect(ctx.store.get().view!.analysis.settings.directed).toBe(false);
    expect(isDrawing(ctx.store.get().view, ctx.store.get().drawn)).toBe(false);
  });

  it('drop an analysis of the project left behind when another opens meanwhile', async () => {
    const ctx = context();
    await openDemo(ctx);
    const demo = ctx.store.get().project!;
    const other = { ...demo, id: 'other', name: 'Another network' };
    const late = reanalyse(ctx, { direction: 'directed' });
    await openProject(ctx, other, false);
    await late;
    expect(ctx.store.get().project?.id).toBe('other');
    expect(ctx.store.get().project?.name).toBe('Another network');
  });

  it('analyse the system map of a project opened while the system map is shown, and edit it', async () => {
    const ctx = context();
    await openDemo(ctx);
    const dir = join(COALITION_DIR, 'systemmap');
    const read = (name: string) => ({ name, text: readFileSync(join(dir, name), 'utf8') });
    const imported = importSystemMapFiles([{ ...read('links.csv'), kind: 'map-links' }]);
    if (!imported.ok) throw new Error('the sample map should read');
    await systemMapImported(ctx, imported.value, []);
    const withMap = ctx.store.get().project!;
    await openProject(ctx, { ...withMap, id: 'copy', name: 'Copy' }, false);
    const state = ctx.store.get();
    expect(state.mode).toBe('systemmap');
    expect(state.systemMap.report).not.toBeNull();
    expect(state.systemMap.analysed).toBe(state.project!.systemMap);
    const factors = state.project!.systemMap!.factors.length;
    editMap(ctx, { kind: 'add-factor', factor: { label: 'Another factor' } });
    expect(ctx.store.get().project!.systemMap!.factors.length).toBe(factors + 1);
  });
});

describe('sharing in the app', () => {
  it('exports the demo as its members agreed, with codes and a key, and a key that does not fit changes nothing', async () => {
    const ctx = context();
    await openDemo(ctx);
    const project = ctx.store.get().project!;
    expect(project.sharing.consentColumn).toBe('consent to share');
    const said = (p: Project['dataset']['people'][number]): string => String(p.attributes['consent to share']);
    const refused = project.dataset.people.filter((p) => said(p) === 'no');
    const named = project.dataset.people.find((p) => said(p) === 'yes')!;
    // One named member left out in their profile: a project edit, saved like the others.
    setConsent(ctx, named.id, 'out');
    expect(ctx.store.get().project!.sharing.consent).toEqual({ [named.id]: 'out' });
    await runExport(ctx, 'people-csv');
    const csv = await textOf(ctx.files.at(-1)!);
    for (const person of [...refused, named]) expect(csv).not.toContain(person.label);
    expect(ctx.store.get().notices[0]!.message).toMatch(/^Shared as each member agreed: \d+ named, 7 counted but not named \("a member"\), 6 left out/);
    // The figures come from the shared network: the CSV has one row per person shared.
    expect(csv.trim().split('\n').length - 1).toBe(project.dataset.people.length - 6);

    setSharing(ctx, { pseudonymise: true });
    ctx.files.length = 0;
    await runExport(ctx, 'gexf');
    expect(ctx.files.map((f) => f.name)).toEqual([expect.stringMatching(/\.gexf$/), expect.stringMatching(/KEY-keep-apart\.csv$/)]);
    for (const person of project.dataset.people) expect(await textOf(ctx.files[0]!)).not.toContain(person.label);

    // A key that does not fit: said, and nothing changes.
    const before = ctx.store.get().project!;
    const problems = await restoreFromKey(ctx, { name: 'key.csv', text: await textOf(ctx.files[1]!) });
    expect(problems.map((i) => i.code)).toEqual(['key-mismatch']);
    expect(ctx.store.get().project).toBe(before);
    expect(ctx.store.get().status.kind).toBe('error');
  });
});
