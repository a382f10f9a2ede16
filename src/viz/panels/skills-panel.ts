/**
 * Distributed skills and leadership abilities in the side panel: the SkillsPanel component, drawn
 * where the shell asks and kept across redraws.
 */
import { h } from 'preact';
import { labelOf, type ViewModel } from '../state/view-model.ts';
import type { AppStore } from '../state/app-state.ts';
import { SkillsPanel, type SkillsActions } from '../components/skills-panel.tsx';
import { identityKey, mountKept } from '../components/keep-mount.ts';

export type { SkillsActions };

export function renderSkills(target: HTMLElement, vm: ViewModel, store: AppStore, actions: SkillsActions): void {
  mountKept(
    target,
    'skills',
    h(SkillsPanel, {
      key: identityKey(vm.analysis),
      skills: vm.analysis.skills,
      labelOf: (id: string) => labelOf(vm, id),
      select: (id: string) => store.set({ selected: id }),
      actions,
    }),
  );
}
