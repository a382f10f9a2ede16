import { describe, expect, it } from 'vitest';
import { AppStore, APP_STATE_STORAGE, getDefaultAppState } from '../../src/viz/state/app-state.ts';

describe('the app state', () => {
  it('has a default and a storage rule for every key', () => {
    expect(Object.keys(APP_STATE_STORAGE).sort()).toEqual(Object.keys(getDefaultAppState()).sort());
  });

  it('reads one snapshot until something changes, and tells subscribers the state before', () => {
    const store = new AppStore();
    const first = store.get();
    expect(store.get()).toBe(first);
    const heard: Array<[string | null, string | null]> = [];
    store.subscribe((state, previous) => heard.push([state.selected, previous.selected]));
    store.set({ selected: 'a' });
    expect(store.get()).not.toBe(first);
    expect(store.get().selected).toBe('a');
    store.signals.selected.value = 'b';
    expect(store.get().selected).toBe('b');
    expect(heard).toEqual([
      ['a', null],
      ['b', 'a'],
    ]);
  });
});

describe('the state kept in this browser', () => {
  it('reads back only what has the default shape, and writes the browser keys when they change', async () => {
    const { keepBrowserState, loadBrowserState } = await import('../../src/viz/state/browser-state.ts');
    const { DRAWER_DEFAULTS } = await import('../../src/viz/state/app-state.ts');
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    expect(loadBrowserState(storage)).toEqual({});
    // A drawer moved, one broken by hand, one with a key that was never ours, and a non-number.
    kept.set('netweave.state.drawers', JSON.stringify({ tables: { open: true, size: 300 }, details: 'wide', settings: { size: 'big', open: true, __proto__: { x: 1 } }, extra: 1 }));
    const loaded = loadBrowserState(storage);
    expect(loaded.drawers).toEqual({ tables: { open: true, size: 300 }, details: DRAWER_DEFAULTS.details, settings: { open: true, size: DRAWER_DEFAULTS.settings.size } });
    kept.set('netweave.state.drawers', '{not json');
    expect(loadBrowserState(storage)).toEqual({});
    const store = new AppStore();
    keepBrowserState(store, storage);
    store.set({ drawers: { ...DRAWER_DEFAULTS, details: { open: false, size: 400 } } });
    expect(JSON.parse(kept.get('netweave.state.drawers')!).details).toEqual({ open: false, size: 400 });
  });
});
