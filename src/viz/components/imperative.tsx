/**
 * A place for a part drawn by imperative code (the sigma maps, panels not yet made components):
 * `draw` runs after each render whose `deps` changed, into an element of its own that Preact
 * never diffs, so the two never fight over the same nodes.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface ImperativeProps {
  draw: (host: HTMLElement) => void | (() => void);
  deps: unknown[];
  class?: string;
  /** Attributes of the host (a role, a label, a tab stop). */
  attributes?: Record<string, string | number>;
}

export function Imperative({ draw, deps, class: className, attributes }: ImperativeProps) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => (host.current ? draw(host.current) : undefined), deps);
  return <div ref={host} class={className ?? 'component-host'} {...attributes} />;
}

/** An element made elsewhere (a map's root), placed here and left in place while this stands. */
export function Placed({ node, class: className }: { node: HTMLElement; class?: string }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    host.current?.replaceChildren(node);
  }, [node]);
  return <div ref={host} class={className} />;
}
