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
