/**
 * One person's profile in the side panel: the ProfilePanel component (src/viz/components), drawn
 * where the shell asks. Following a tie selects that person in the store.
 */
import { h } from 'preact';
import { mount } from '../components/mount.ts';
import { ProfilePanel } from '../components/profile-panel.tsx';
import type { ViewModel } from '../state/view-model.ts';
import type { AppStore } from '../state/app-state.ts';

export function renderProfile(target: HTMLElement, vm: ViewModel, id: string, store: AppStore): void {
  mount(target, h(ProfilePanel, { vm, id, select: (other: string) => store.set({ selected: other }) }));
}
