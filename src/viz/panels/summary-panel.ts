/**
 * Network health in the side panel: the SummaryPanel component, drawn where the shell asks.
 */
import { h } from 'preact';
import type { ViewModel } from '../state/view-model.ts';
import { SummaryPanel } from '../components/summary-panel.tsx';
import { mount } from '../components/mount.ts';

export function renderSummary(target: HTMLElement, vm: ViewModel): void {
  mount(target, h(SummaryPanel, { analysis: vm.analysis }));
}
