/**
 * What the program did, in the side panel: the ProgramPanel component (convenings, mentorships,
 * change between waves), drawn where the shell asks and kept across redraws.
 */
import { h } from 'preact';
import { labelOf, type ViewModel } from '../state/view-model.ts';
import type { AppStore } from '../state/app-state.ts';
import { ProgramPanel, type ProgramActions } from '../components/program-panel.tsx';
import { identityKey, mountKept } from '../components/keep-mount.ts';

export type { ProgramActions };

export function renderProgram(target: HTMLElement, vm: ViewModel, store: AppStore, actions: ProgramActions): void {
  mountKept(
    target,
    'program',
    h(ProgramPanel, {
      key: identityKey(vm.analysis),
      program: vm.analysis.program,
      labelOf: (id: string) => labelOf(vm, id),
      select: (id: string) => store.set({ selected: id }),
      actions,
    }),
  );
}
