/**
 * Long lists shown a few items first, with more at a click: "Showing 10 of 42 · Show 10 more
 * ties" (the Program and Skills panels and the matching dialog; the insight panels page with
 * Previous/Next in paged-list.tsx). `usePaged` gives the items to draw and the control to put
 * under them, so lists, tables and tie lists grow the same way.
 */
import { useState } from 'preact/hooks';
import type { ComponentChild } from 'preact';
import { count } from '../format/readable.ts';
import { counted } from './program-words.ts';
import './show-more.css';

export interface Paged<T> {
  visible: T[];
  /** "Showing 10 of 42 · Show 10 more", or null when everything is shown. */
  more: ComponentChild;
}

/**
 * The first `first` items, `step` more at each click (default: as many again); `noun` names one
 * item on the button ("Show 1 more introduction", "Show 5 more introductions").
 */
export function usePaged<T>(items: readonly T[], first: number, noun?: string, step = first): Paged<T> {
  const [shown, setShown] = useState(first);
  const visible = items.slice(0, shown);
  const left = items.length - visible.length;
  const more =
    left > 0 ? (
      <p class="paged-more">
        <span class="muted">
          Showing {count(visible.length)} of {count(items.length)}
        </span>{' '}
        <button type="button" class="small" onClick={() => setShown(shown + step)}>
          Show {noun ? counted(Math.min(step, left), `more ${noun}`) : `${count(Math.min(step, left))} more`}
        </button>
      </p>
    ) : null;
  return { visible, more };
}

/** A list (`ul`/`ol`) of `items`, paged. */
export function ShowMoreList<T>({ items, first = 10, render, ordered = false, class: className, noun }: { items: readonly T[]; first?: number; render: (item: T, index: number) => ComponentChild; ordered?: boolean; class?: string; noun?: string }) {
  const { visible, more } = usePaged(items, first, noun);
  const List = ordered ? 'ol' : 'ul';
  return (
    <>
      <List class={className}>{visible.map(render)}</List>
      {more}
    </>
  );
}
