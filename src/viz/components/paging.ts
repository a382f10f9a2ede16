/**
 * Pages of a long list: which slice to draw and how to say where the reader is ("11–20 of 86").
 * Pure, tested in Node; `paged-list.tsx` draws it.
 */

export interface PageSlice {
  /** 0-based page, clamped to the pages there are. */
  page: number;
  pages: number;
  /** Items [start, end) are on this page. */
  start: number;
  end: number;
  total: number;
}

export function pageOf(total: number, page: number, size: number): PageSlice {
  const per = Math.max(1, Math.floor(size));
  const count = Math.max(0, Math.floor(total));
  const pages = Math.max(1, Math.ceil(count / per));
  const at = Math.min(pages - 1, Math.max(0, Number.isFinite(page) ? Math.floor(page) : 0));
  const start = at * per;
  return { page: at, pages, start, end: Math.min(count, start + per), total: count };
}

/** Where the reader is: "8" on a single page, "11–20 of 86" or "86 of 86" on one of several. */
export function pageText(slice: PageSlice): string {
  const n = (x: number): string => x.toLocaleString('en');
  if (slice.pages === 1) return n(slice.total);
  const from = slice.start + 1;
  return from === slice.end ? `${n(from)} of ${n(slice.total)}` : `${n(from)}–${n(slice.end)} of ${n(slice.total)}`;
}
