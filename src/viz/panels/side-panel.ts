/**
 * Map settings in the left drawer: the SidePanel component (components/side-panel.tsx), drawn
 * where the shell asks and kept across redraws, so the find box keeps what was typed and an
 * opened section stays open. The component reads filters and encodings from the store's signals
 * and draws itself again when they change.
 */
import { h } from 'preact';
import type { ViewModel } from '../state/view-model.ts';
import type { AppStore } from '../state/app-state.ts';
import { SidePanel, type SidePanelActions } from '../components/side-panel.tsx';
import { mountKept } from '../components/keep-mount.ts';

export type { SidePanelActions };

export function renderSidePanel(target: HTMLElement, vm: ViewModel, store: AppStore, actions: SidePanelActions): void {
  mountKept(target, 'side-panel', h(SidePanel, { vm, store, actions }));
}
