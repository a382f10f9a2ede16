/**
 * What the System map view's panels can ask of the shell: trace a loop on the map, select a
 * factor, edit the map, undo and redo (with what each would undo or redo, in words).
 */
import type { EditOperation } from '../../engine/features/systemmap/edit.ts';

export interface SystemMapActions {
  /** Traces a loop (its factors, in order, as the report holds them) on the map; null shows the whole map. */
  highlightLoop: (factors: string[] | null) => void;
  selectFactor: (id: string | null) => void;
  edit: (operation: EditOperation) => void;
  undo: () => void;
  redo: () => void;
  /** What undo would revert (`Add factor "Public support"`), or undefined when there is nothing to undo. */
  undoLabel: string | undefined;
  redoLabel: string | undefined;
}
