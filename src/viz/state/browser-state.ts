/**
 * The keys `APP_STATE_STORAGE` keeps in this browser (a person's preferences, such as where the
 * drawers are), read when the app starts and written when they change. What is read back is
 * checked against the default's shape: storage is outside input like any file.
 */
import { effect } from '@preact/signals';
import { APP_STATE_STORAGE, getDefaultAppState, type AppState, type AppStore } from './app-state.ts';

const PREFIX = 'netweave.state.';

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

/** Writes the browser-kept keys whenever they change; returns the function that stops it. */
export function keepBrowserState(store: AppStore, storage: Pick<Storage, 'setItem'> | null = safeStorage()): () => void {
  const stops = browserKeys().map((key) =>
    effect(() => {
      const value = store.signals[key].value;
      try {
        storage?.setItem(PREFIX + key, JSON.stringify(value));
      } catch {
        // Storage refused (private windows, full): the preference lasts as long as the page.
      }
    }),
  );
  return () => stops.forEach((stop) => stop());
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
