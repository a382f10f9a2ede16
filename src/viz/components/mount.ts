/**
 * While the shell still places panels imperatively, a component is drawn into a fresh host
 * element: a container that other code empties with `replace` would leave Preact diffing
 * against nodes that are gone.
 */
import { render, type ComponentChild } from 'preact';

export function mount(target: HTMLElement, node: ComponentChild): void {
  const host = document.createElement('div');
  host.className = 'component-host';
  target.replaceChildren(host);
  render(node, host);
}
