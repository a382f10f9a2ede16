/**
 * Undo and redo for system-map edits as a plain, immutable data structure: every function takes
 * the current `{ map, history }` and returns a new one, so the app can keep it in its store, and
 * nothing here touches the DOM or the clock. A new edit clears the redo list; the oldest entries
 * are dropped beyond `limit`.
 */
import { applyEdit, describeEdit } from './edit.ts';
import type { EditOperation } from './edit.ts';
import type { SystemMap } from '../../core/model/systemmap.ts';

export interface HistoryEntry {
  /** What the edit did, for the undo/redo buttons. */
  label: string;
  /** The edit as applied (generated ids filled in), replayed by redo. */
  operation: EditOperation;
  /** Undoes `operation`. */
  inverse: EditOperation;
}

export interface EditHistory {
  /** Oldest first; the last entry is undone first. */
  past: HistoryEntry[];
  /** Entries undone, the next to redo last. */
  future: HistoryEntry[];
  limit: number;
}

export interface EditorState {
  map: SystemMap;
  history: EditHistory;
}

export type EditorResult = { ok: true; state: EditorState; warnings: string[] } | { ok: false; error: string };

/** An empty history keeping up to `limit` undo steps (default 200). */
export function createHistory(limit = 200): EditHistory {
  return { past: [], future: [], limit: Math.max(1, Math.floor(limit)) };
}

export function createEditorState(map: SystemMap, limit?: number): EditorState {
  return { map, history: createHistory(limit) };
}

/** Applies an edit and records it; the redo list is cleared. */
export function edit(state: EditorState, operation: EditOperation): EditorResult {
  const result = applyEdit(state.map, operation);
  if (!result.ok) return result;
  const entry: HistoryEntry = { label: describeEdit(operation, state.map), operation: result.applied, inverse: result.inverse };
  const past = [...state.history.past, entry];
  if (past.length > state.history.limit) past.splice(0, past.length - state.history.limit);
  return { ok: true, state: { map: result.map, history: { ...state.history, past, future: [] } }, warnings: result.warnings };
}

export function canUndo(state: EditorState): boolean {
  return state.history.past.length > 0;
}

export function canRedo(state: EditorState): boolean {
  return state.history.future.length > 0;
}

/** The label of the edit that undo would revert, if any. */
export function undoLabel(state: EditorState): string | undefined {
  return state.history.past.at(-1)?.label;
}

export function redoLabel(state: EditorState): string | undefined {
  return state.history.future.at(-1)?.label;
}

/** Reverts the last edit; the state itself when there is nothing to undo. */
export function undo(state: EditorState): EditorResult {
  const entry = state.history.past.at(-1);
  if (entry === undefined) return { ok: true, state, warnings: [] };
  const result = applyEdit(state.map, entry.inverse);
  if (!result.ok) return { ok: false, error: `cannot undo "${entry.label}": ${result.error}` };
  return {
    ok: true,
    state: { map: result.map, history: { ...state.history, past: state.history.past.slice(0, -1), future: [...state.history.future, entry] } },
    warnings: [],
  };
}

/** Re-applies the last undone edit; the state itself when there is nothing to redo. */
export function redo(state: EditorState): EditorResult {
  const entry = state.history.future.at(-1);
  if (entry === undefined) return { ok: true, state, warnings: [] };
  const result = applyEdit(state.map, entry.operation);
  if (!result.ok) return { ok: false, error: `cannot redo "${entry.label}": ${result.error}` };
  return {
    ok: true,
    state: {
      map: result.map,
      history: { ...state.history, past: [...state.history.past, { ...entry, inverse: result.inverse }], future: state.history.future.slice(0, -1) },
    },
    warnings: result.warnings,
  };
}
