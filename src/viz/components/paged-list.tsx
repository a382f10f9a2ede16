/**
 * A long list shown a page at a time, with its count at the top ("11–20 of 86 people at the
 * edge") and Previous / Next above and below. The page is kept while the list is drawn again
 * (a person selected, an introduction marked) and goes back to the first when `resetKey` changes.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { pageOf, pageText } from './paging.ts';
import './insight-panels.css';

export interface PagedListProps<T> {
  items: readonly T[];
  /** What one item and several are called ("person at the edge", "people at the edge"). */
  noun: readonly [string, string];
  pageSize?: number;
  /** Numbered (a ranking) or not. */
  ordered?: boolean;
  /** Back to the first page when this changes (a new analysis, another filter). */
  resetKey?: unknown;
  itemKey: (item: T) => string;
  itemClass?: (item: T) => string | undefined;
  renderItem: (item: T, index: number) => ComponentChildren;
  /** Shown instead of the list when it is empty. */
  empty?: ComponentChildren;
}

export function PagedList<T>({ items, noun, pageSize = 10, ordered = true, resetKey, itemKey, itemClass, renderItem, empty }: PagedListProps<T>) {
  const [at, setAt] = useState<{ key: unknown; page: number }>({ key: resetKey, page: 0 });
  const top = useRef<HTMLDivElement>(null);
  const slice = pageOf(items.length, at.key === resetKey ? at.page : 0, pageSize);
  const count = `${pageText(slice)} ${items.length === 1 ? noun[0] : noun[1]}`;
  if (items.length === 0) return <div class="paged-list">{empty ?? <p class="muted">No {noun[1]}.</p>}</div>;
  const go = (page: number, fromBottom: boolean) => {
    setAt({ key: resetKey, page });
    if (fromBottom) top.current?.scrollIntoView({ block: 'nearest' });
  };
  const pager = (where: 'top' | 'bottom') =>
    slice.pages > 1 && (
      <div class="pager-buttons">
        <button type="button" class="small" disabled={slice.page === 0} onClick={() => go(slice.page - 1, where === 'bottom')} aria-label={`Previous ${pageSize} ${noun[1]}`}>
          ‹ Previous
        </button>
        <button type="button" class="small" disabled={slice.page >= slice.pages - 1} onClick={() => go(slice.page + 1, where === 'bottom')} aria-label={`Next ${pageSize} ${noun[1]}`}>
          Next ›
        </button>
      </div>
    );
  const rows = items.slice(slice.start, slice.end).map((item, i) => (
    <li key={itemKey(item)} class={itemClass?.(item)}>
      {renderItem(item, slice.start + i)}
    </li>
  ));
  return (
    <div class="paged-list">
      <div class="pager" ref={top}>
        <span class="pager-count" aria-live="polite">
          {count}
        </span>
        {pager('top')}
      </div>
      {ordered ? (
        <ol class="insight-list" start={slice.start + 1} aria-label={count}>
          {rows}
        </ol>
      ) : (
        <ul class="insight-list" aria-label={count}>
          {rows}
        </ul>
      )}
      {slice.pages > 1 && <div class="pager pager-bottom">{pager('bottom')}</div>}
    </div>
  );
}
