/**
 * The keys `APP_STATE_STORAGE` keeps in this browser (a person's preferences, such as where the
 * drawers are), read when the app starts and written when they change. What is read back is
 * checked against the default's shape: storage is outside input like any file.
 *
 * Every setting netweave keeps in localStorage has a key starting `netweave.` (these, the table
 * columns chosen, the map's labels) and is written through `writeSetting`, which writes nothing
 * in private mode; "Forget everything" removes them all (`forgetSettings`).
 */
import { effect } from '@preact/signals';
import { APP_STATE_STORAGE, getDefaultAppState, type AppState, type AppStore } from './app-state.ts';

/** The start of every key netweave keeps in localStorage. */
export const SETTINGS_PREFIX = 'netweave.';
const PREFIX = `${SETTINGS_PREFIX}state.`;

type Writable = Pick<Storage, 'setItem'> & Partial<Pick<Storage, 'removeItem'>>;

/** False in private mode (`keepBrowserState` follows the state): settings are then not written. */
let keeping = true;

/** Keeps a setting in this browser (null removes it), unless in private mode or storage refuses. */
export function writeSetting(key: string, value: string | null, storage: Writable | null = safeStorage()): void {
  if (!keeping || !key.startsWith(SETTINGS_PREFIX)) return;
  try {
    if (value === null) storage?.removeItem?.(key);
    else storage?.setItem(key, value);
  } catch {
    // Storage refused (private windows, full): the setting lasts as long as the page.
  }
}

/** A setting kept in this browser, or null. */
export function readSetting(key: string, storage: Pick<Storage, 'getItem'> | null = safeStorage()): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

type Listable = Pick<Storage, 'length' | 'key' | 'getItem' | 'removeItem'>;

function settingKeys(storage: Listable): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(SETTINGS_PREFIX)) keys.push(key);
  }
  return keys;
}

/** How many settings netweave keeps in this browser and about how many bytes (localStorage keeps two a character). */
export function storedSettings(storage: Listable | null = safeStorage()): { count: number; bytes: number } {
  try {
    const keys = storage ? settingKeys(storage) : [];
    return { count: keys.length, bytes: keys.reduce((sum, key) => sum + 2 * (key.length + (storage!.getItem(key)?.length ?? 0)), 0) };
  } catch {
    return { count: 0, bytes: 0 };
  }
}

/** Removes every setting netweave kept in these storages (localStorage and sessionStorage); returns how many. */
export function forgetSettings(storages: ReadonlyArray<Listable | null> = [safeStorage(), safeStorage('sessionStorage')]): number {
  let removed = 0;
  for (const storage of storages) {
    try {
      if (!storage) continue;
      for (const key of settingKeys(storage)) {
        storage.removeItem(key);
        removed++;
      }
    } catch {
      // Storage turned off: nothing was kept there.
    }
  }
  return removed;
}

function browserKeys(): Array<keyof AppState> {
  return (Object.keys(APP_STATE_STORAGE) as Array<keyof AppState>).filter((key) => 'browser' in APP_STATE_STORAGE[key]);
}

/** `saved` laid over `fallback`, keeping only what has the fallback's shape (objects key by key). */
export function sameShape<T>(fallback: T, saved: unknown): T {
  if (fallback === null || typeof fallback !== 'object' || Array.isArray(fallback)) {
    return typeof saved === typeof fallback && (typeof saved !== 'number' || Number.isFinite(saved)) ? (saved as T) : fallback;
  }
  if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return fallback;
  const out = { ...fallback } as Record<string, unknown>;
  for (const key of Object.keys(out)) {
    if (Object.prototype.hasOwnProperty.call(saved, key)) out[key] = sameShape(out[key], (saved as Record<string, unknown>)[key]);
  }
  return out as T;
}

/** What this browser kept of the state, over the defaults. */
export function loadBrowserState(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Partial<AppState> {
  const defaults = getDefaultAppState();
  const out: Partial<AppState> = {};
  for (const key of browserKeys()) {
    try {
      const text = storage?.getItem(PREFIX + key);
      if (text) (out as Record<string, unknown>)[key] = sameShape(defaults[key], JSON.parse(text));
    } catch {
      // Unreadable: the default stands.
    }
  }
  return out;
}

/**
 * Writes the browser-kept keys whenever they change, except in private mode (leaving it writes
 * them as they are then); returns the function that stops it.
 */
export function keepBrowserState(store: AppStore, storage: Writable | null = safeStorage()): () => void {
  const stops = [
    effect(() => {
      keeping = !store.signals.privateMode.value;
    }),
    ...browserKeys().map((key) =>
      effect(() => {
        const value = store.signals[key].value;
        if (!store.signals.privateMode.value) writeSetting(PREFIX + key, JSON.stringify(value), storage);
      }),
    ),
  ];
  return () => stops.forEach((stop) => stop());
}

function safeStorage(which: 'localStorage' | 'sessionStorage' = 'localStorage'): Storage | null {
  try {
    return typeof globalThis[which] === 'undefined' ? null : globalThis[which];
  } catch {
    return null;
  }
}
