/**
 * The "who to engage, who bridges, which introductions" panels (Edge, Brokers, Equity, Weave),
 * drawn where the shell asks: each `renderX` draws its component (../components). Drawn again
 * in the same place (a person selected, an introduction marked), a panel keeps its page and
 * filters: the component is updated in place rather than drawn afresh.
 */
import { h, render, type ComponentChild } from 'preact';
import { el, replace } from '../dom.ts';
import { labelOf, type ViewModel } from '../state/view-model.ts';
import type { AppStore } from '../state/app-state.ts';
import { mount } from '../components/mount.ts';
import type { People } from '../components/insight-parts.tsx';
import { PeripheryList } from '../components/periphery-list.tsx';
import { BrokerList } from '../components/broker-list.tsx';
import { EquityView } from '../components/equity-view.tsx';
import { WeaveList, type WeaveActions } from '../components/weave-list.tsx';

/**
 * Draws `node` into `target`: updates the panel's component where it still stands (so its page
 * and filters survive), else mounts it in a fresh host.
 */
function draw(target: HTMLElement, panel: string, node: ComponentChild): void {
  const host = target.firstElementChild;
  if (target.childNodes.length === 1 && host instanceof HTMLElement && host.dataset.insightPanel === panel) {
    render(node, host);
    return;
  }
  mount(target, node);
  (target.firstElementChild as HTMLElement).dataset.insightPanel = panel;
}

function peopleOf(vm: ViewModel, store: AppStore): People {
  return { label: (id) => labelOf(vm, id), select: (id) => store.set({ selected: id }), selected: store.get().selected };
}

export function renderPeriphery(target: HTMLElement, vm: ViewModel, store: AppStore): void {
  const insights = vm.analysis.insights;
  if (!insights) return replace(target, el('p', {}, 'Periphery analysis was not run for this network.'));
  draw(target, 'periphery', h(PeripheryList, { insights, people: peopleOf(vm, store) }));
}

export function renderBrokers(target: HTMLElement, vm: ViewModel, store: AppStore): void {
  const insights = vm.analysis.insights;
  if (!insights) return replace(target, el('p', {}, 'Broker analysis was not run for this network.'));
  draw(target, 'brokers', h(BrokerList, { insights, people: peopleOf(vm, store) }));
}

export function renderEquity(target: HTMLElement, vm: ViewModel, store: AppStore, choose: (attribute: string) => void): void {
  void store;
  draw(
    target,
    'equity',
    h(EquityView, {
      equity: vm.analysis.insights?.equity,
      attributes: vm.categorical.map((c) => c.key),
      current: vm.project.settings.groupBy,
      directed: vm.analysis.settings.directed,
      choose,
    }),
  );
}

export type WeavingActions = WeaveActions;

export function renderWeaving(target: HTMLElement, vm: ViewModel, store: AppStore, actions: WeavingActions): void {
  if (!vm.analysis.insights) return replace(target, el('p', {}, 'Suggestions were not computed for this network.'));
  draw(target, 'weaving', h(WeaveList, { introductions: vm.analysis.introductions, marks: vm.project.weaving, people: peopleOf(vm, store), actions }));
}
