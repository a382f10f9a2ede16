/**
 * Draws a component where the shell places a panel, keeping it across redraws: while the panel's
 * host is still the target's only child, the component is drawn again into it, so Preact keeps
 * its state (pages shown, open details, scroll) when the shell redraws the panel after a click.
 * A host some other code removed, or one of another panel, is let go and a fresh one made
 * (see mount.ts for why a container emptied by other code is never diffed against).
 */
import { render, type ComponentChild } from 'preact';

const hosts = new WeakMap<HTMLElement, { kind: string; host: HTMLElement }>();

export function mountKept(target: HTMLElement, kind: string, node: ComponentChild): void {
  const known = hosts.get(target);
  if (known && known.kind === kind && known.host.parentElement === target && target.childElementCount === 1) {
    render(node, known.host);
    return;
  }
  // Unmounted so its effects and listeners end, whether or not it is still on the page.
  if (known) render(null, known.host);
  const host = document.createElement('div');
  host.className = 'component-host';
  target.replaceChildren(host);
  hosts.set(target, { kind, host });
  render(node, host);
}

const keys = new WeakMap<object, number>();
let nextKey = 1;

/** A number per object, for a component `key` that starts afresh when, say, the analysis is new. */
export function identityKey(value: object): number {
  let key = keys.get(value);
  if (key === undefined) {
    key = nextKey++;
    keys.set(value, key);
  }
  return key;
}
