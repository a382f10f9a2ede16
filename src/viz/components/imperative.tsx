/**
 * A place for an element made by imperative code (the sigma maps' roots, the hidden file input):
 * put in once and left there, in an element of its own that Preact never diffs, so the two never
 * fight over the same nodes.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

/** An element made elsewhere (a map's root), placed here and left in place while this stands. */
export function Placed({ node, class: className }: { node: HTMLElement; class?: string }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    host.current?.replaceChildren(node);
  }, [node]);
  return <div ref={host} class={className} />;
}
