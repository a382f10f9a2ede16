/**
 * Forget and private mode (#19 item 6), the parts that run in Node: what a stored project is
 * counted as (its record, its dataset kept apart, the note that it opens next), sizes in plain
 * words, the settings kept and forgotten, and the actions: private mode saves nothing (and leaves
 * no setting), deleting the open project closes it, forgetting removes every project.
 */
import { describe, expect, it } from 'vitest';
import { recordBytes, stringBytes } from '../../src/workers/stored-size.ts';
import { formatBytes } from '../../src/viz/format/bytes.ts';
import { storedBytes, storedRecords, type ProjectListing, type ProjectDb } from '../../src/viz/state/project-db.ts';
import { forgetSettings, keepBrowserState, storedSettings, writeSetting } from '../../src/viz/state/browser-state.ts';
import { AppStore } from '../../src/viz/state/app-state.ts';
import { createAppContext, type AppContext } from '../../src/viz/actions/context.ts';
import { deleteProject, forgetEverything, openDemo, removedElsewhere, setPrivateMode } from '../../src/viz/actions/projects.ts';
import { updateProject } from '../../src/viz/actions/analysis.ts';
import { storageSummary } from '../../src/viz/components/projects-dialog.tsx';
import type { EngineClient } from '../../src/workers/engine-client.ts';
import { engineApi } from '../../src/workers/engine-api.ts';
import { packedOf, unpackDataset } from '../../src/engine/core/model/packed-dataset.ts';
import { newProject } from '../../src/engine/project/new-project.ts';
import type { Project } from '../../src/engine/core/model/project.ts';
import { ok } from '../../src/engine/core/util/result.ts';

function team(): Project {
  const read = engineApi.importFiles([{ name: 'team.csv', text: 'source,target\nAna Lima,Bo\nBo,Zoë Ōkubo\n' }], {});
  if (!read.ok) throw new Error('team.csv did not read');
  return newProject('team', unpackDataset(read.value));
}
const TEAM = team();

describe('what a stored project takes', () => {
  it('counts strings as the browser stores them, typed arrays by their bytes (a shared buffer once), and object keys', () => {
    expect(stringBytes('abc')).toBe(3);
    expect(stringBytes('café')).toBe(4);
    expect(stringBytes('Zoë Ōkubo')).toBe(18);
    const buffer = new Float64Array(100);
    expect(recordBytes(buffer)).toBe(800);
    expect(recordBytes({ a: buffer, b: new Float64Array(buffer.buffer, 0, 10) })).toBe(2 + 800);
    expect(recordBytes({ id: 'x', n: 1, ok: true, none: null })).toBe(2 + 1 + 1 + 8 + 2 + 1 + 4 + 1);
    expect(recordBytes(['ab', ['cd']])).toBe(4);
    // A value met twice (or a cycle) is counted once.
    const shared = { text: 'x'.repeat(1000) };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.self = cyclic;
    expect(recordBytes(cyclic)).toBe(1 + 1 + 4 + 4 + 1000);
  });

  it('is its record, its dataset kept apart, and the note that it opens next', () => {
    const records = storedRecords(TEAM);
    // The record holds the dataset by reference, with the size of the dataset's own record.
    expect(records.project.dataset).toEqual({ format: 'netweave-dataset-ref', people: 3, bytes: recordBytes(packedOf(TEAM.dataset)) });
    expect(records.dataset).toBe(packedOf(TEAM.dataset));
    const both = recordBytes(records.project) + recordBytes(records.dataset);
    expect(storedBytes(records.project, false)).toBe(both);
    expect(storedBytes(records.project, true)).toBe(both + stringBytes('current') + stringBytes(TEAM.id));
    // Saved before sizes were kept: the dataset's record, read back, is measured.
    const older = { ...records.project, dataset: { format: 'netweave-dataset-ref', people: 3 } };
    expect(storedBytes(older, false, records.dataset)).toBe(recordBytes(older) + recordBytes(records.dataset));
    // Saved by version 1, the dataset inline: the record is all there is.
    const inline = { ...TEAM };
    expect(storedBytes(inline, false)).toBe(recordBytes(inline));
    // A damaged entry still counts what it holds.
    expect(storedBytes({ id: 'p-broken', name: 'half' }, false)).toBe(recordBytes({ id: 'p-broken', name: 'half' }));
  });

  it('reads in plain words', () => {
    expect(formatBytes(0)).toBe('nothing');
    expect(formatBytes(300)).toBe('under 1 KB');
    expect(formatBytes(850 * 1024)).toBe('850 KB');
    expect(formatBytes(2.4 * 1024 * 1024)).toBe('2.4 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(120 * 1024 ** 3)).toBe('120 GB');
  });

  it('sums the projects and settings, with what the browser says', () => {
    const list = [{ bytes: 2 * 1024 * 1024 }, { bytes: 512 * 1024 }] as ProjectListing[];
    expect(storageSummary(list, { settings: { count: 3, bytes: 1024 }, estimate: { usage: 3 * 1024 * 1024, quota: 10 * 1024 ** 3 } }, false)).toBe(
      'In all, netweave keeps about 2.5 MB in this browser: 2 projects and 3 settings. The browser counts 3 MB in use for this site, of up to 10 GB it allows.',
    );
    expect(storageSummary([], { settings: { count: 0, bytes: 0 }, estimate: null }, true)).toBe('netweave keeps nothing in this browser. Private mode adds nothing to it.');
  });
});

/** A storage in memory, as localStorage behaves. */
function memoryStorage(entries: Record<string, string> = {}) {
  const kept = new Map(Object.entries(entries));
  return {
    kept,
    get length() {
      return kept.size;
    },
    key: (i: number) => [...kept.keys()][i] ?? null,
    getItem: (k: string) => kept.get(k) ?? null,
    setItem: (k: string, v: string) => void kept.set(k, v),
    removeItem: (k: string) => void kept.delete(k),
  };
}

describe('settings kept in this browser', () => {
  it('are written only outside private mode, counted, and all forgotten (only netweave’s)', () => {
    const storage = memoryStorage({ 'other.app': 'keep me' });
    const store = new AppStore();
    store.set({ privateMode: true });
    const stop = keepBrowserState(store, storage);
    writeSetting('netweave.map.labels', '{"density":"all"}', storage);
    expect([...storage.kept.keys()]).toEqual(['other.app']);
    // Leaving private mode writes the settings as they are then.
    store.set({ privateMode: false });
    expect(storage.kept.has('netweave.state.drawers')).toBe(true);
    writeSetting('netweave.map.labels', '{"density":"all"}', storage);
    expect(storedSettings(storage)).toEqual({ count: 2, bytes: [...storage.kept].filter(([k]) => k.startsWith('netweave.')).reduce((s, [k, v]) => s + 2 * (k.length + v.length), 0) });
    const session = memoryStorage({ 'netweave.x': '1' });
    expect(forgetSettings([storage, session, null])).toBe(3);
    expect([...storage.kept.keys()]).toEqual(['other.app']);
    expect(session.kept.size).toBe(0);
    stop();
  });
});

/** The engine's own API in this thread, shaped as the page's client. */
function engineInThread(): EngineClient {
  return {
    importFiles: async (files, options) => {
      const r = engineApi.importFiles(files, options);
      return r.ok ? ok(unpackDataset(r.value), r.issues) : r;
    },
    setDataset: (dataset) => engineApi.setDataset(dataset),
    analyze: (options, onProgress) => engineApi.analyze(options, onProgress),
    cancel: () => undefined,
  } as Partial<EngineClient> as EngineClient;
}

/** Projects kept in memory, refusing writes in private mode as the browser's store does. */
function memoryDb() {
  const saved = new Map<string, Project>();
  let keepsNothing = false;
  const db = {
    saved,
    forgotten: 0,
    setPrivate: (on: boolean) => void (keepsNothing = on),
    save: async (p: Project) => {
      if (keepsNothing) throw new Error('written in private mode');
      saved.set(p.id, p);
    },
    load: async (id: string) => saved.get(id) ?? null,
    current: async () => null,
    remove: async (id: string) => void saved.delete(id),
    forgetAll: async () => {
      db.forgotten++;
      saved.clear();
    },
  };
  return db;
}

function context(): AppContext & { memory: ReturnType<typeof memoryDb> } {
  const memory = memoryDb();
  const ctx = createAppContext(new AppStore(), engineInThread(), memory as unknown as ProjectDb, { saveFiles: () => undefined, mapPicture: async () => undefined, isSmallScreen: () => false });
  return Object.assign(ctx, { memory });
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('private mode and forgetting, as actions', () => {
  it('saves nothing in private mode, writes what was due before it, and saves the open project when it ends', async () => {
    const ctx = context();
    await openDemo(ctx);
    const id = ctx.store.get().project!.id;
    updateProject(ctx, { name: 'renamed before' });
    // Turned on while a save waits: the waiting save is written first, then nothing.
    await setPrivateMode(ctx, true);
    expect(ctx.memory.saved.get(id)?.name).toBe('renamed before');
    updateProject(ctx, { name: 'renamed in private' });
    await openDemo(ctx);
    await settle();
    expect(ctx.memory.saved.size).toBe(1);
    expect(ctx.memory.saved.get(id)?.name).toBe('renamed before');
    expect(ctx.store.get().storageProblem).toBeNull();
    await setPrivateMode(ctx, false);
    await settle();
    expect(ctx.memory.saved.has(ctx.store.get().project!.id)).toBe(true);
  });

  it('closes the open project it deletes, with nothing of it left to save or show', async () => {
    const ctx = context();
    await openDemo(ctx);
    await settle();
    const id = ctx.store.get().project!.id;
    updateProject(ctx, { name: 'changed just now' });
    await deleteProject(ctx, id);
    await settle();
    const state = ctx.store.get();
    expect(ctx.memory.saved.has(id)).toBe(false);
    expect(state.project).toBeNull();
    expect(state.view).toBeNull();
    expect(state.drawn).toEqual({ tables: null, settings: null, details: null, map: null });
    expect(state.status).toEqual({ kind: 'idle' });
    expect(ctx.runtime.unsaved.size).toBe(0);
  });

  it('forgets everything: every project, and the open one closes', async () => {
    const ctx = context();
    await openDemo(ctx);
    await settle();
    await forgetEverything(ctx);
    await settle();
    expect(ctx.memory.forgotten).toBe(1);
    expect(ctx.memory.saved.size).toBe(0);
    expect(ctx.store.get().project).toBeNull();
    expect(ctx.store.get().notices.map((n) => n.message).join(' ')).toContain('Everything netweave kept in this browser is removed');
  });

  it('closes the open project when another tab deleted it, except in private mode', async () => {
    const ctx = context();
    await openDemo(ctx);
    const id = ctx.store.get().project!.id;
    removedElsewhere(ctx, 'p-some-other');
    expect(ctx.store.get().project?.id).toBe(id);
    await setPrivateMode(ctx, true);
    removedElsewhere(ctx, null);
    expect(ctx.store.get().project?.id).toBe(id);
    await setPrivateMode(ctx, false);
    updateProject(ctx, { name: 'changed' });
    removedElsewhere(ctx, id);
    expect(ctx.store.get().project).toBeNull();
    expect(ctx.runtime.unsaved.size).toBe(0);
    expect(ctx.store.get().notices[0]?.message).toContain('was deleted in another tab');
  });
});
