/**
 * A sortable, filterable table that stays fast at tens of thousands of rows: only the rows in
 * view exist in the DOM. It scrolls inside itself both ways and never widens the page; the first
 * column (the name) and the header stay in view while it scrolls. A column chooser shows the
 * columns that are left out at first. Headers are sort buttons whose tooltip says what the column
 * means (the sort arrow is drawn by CSS from aria-sort); rows take focus one at a time (arrow keys, Page Up/Down, Home/End move, Enter picks).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReadonlySignal } from '@preact/signals';
import { sortRows, type Column } from './sort-rows.ts';
import { shownColumns, toggleColumn, type ColumnChoice } from './table-columns.ts';
import './tables.css';
import { readSetting, writeSetting } from '../state/browser-state.ts';

export const ROW_HEIGHT = 28;
/** Rows drawn beyond the visible ones, above and below. */
const OVERSCAN = 6;

export interface TableData {
  columns: Column[];
  rowCount: number;
  /** Text searched by the filter box for a row. */
  searchText: (row: number) => string;
  /** Rows kept by filters set outside the table (the map's), or all. */
  include?: ((row: number) => boolean) | undefined;
}

export interface VirtualTableProps {
  label: string;
  data: ReadonlySignal<TableData>;
  /** The row marked as selected (a data index); a new object each time asks to scroll to it. */
  highlighted: ReadonlySignal<{ row: number | null }>;
  onPick: (row: number) => void;
  initialSort?: { key: string; descending: boolean } | undefined;
  /** Hears the rows in the order shown (sorted, filtered), whenever it changes. */
  onOrder?: ((rows: Int32Array) => void) | undefined;
}

// ----- the reader's column choice, per table, kept in this browser ----------------------------------

const CHOICE_KEY = 'netweave.columns.';

function loadChoice(label: string): ColumnChoice | null {
  try {
    const saved = JSON.parse(readSetting(CHOICE_KEY + label) ?? 'null') as { offered?: unknown; shown?: unknown } | null;
    if (!saved || !Array.isArray(saved.offered) || !Array.isArray(saved.shown)) return null;
    return { offered: new Set(saved.offered.map(String)), shown: new Set(saved.shown.map(String)) };
  } catch {
    return null;
  }
}

/** Kept unless in private mode (or storage refuses): then the choice lasts as long as the page. */
function saveChoice(label: string, choice: ColumnChoice | null): void {
  writeSetting(CHOICE_KEY + label, choice === null ? null : JSON.stringify({ offered: [...choice.offered], shown: [...choice.shown] }));
}

// ----- layout ----------------------------------------------------------------------------------------

/**
 * Grid tracks: the name wider, text wider than numbers, sentences widest; every track has a
 * floor, so a narrow screen scrolls sideways inside the table rather than squeezing it.
 */
function track(column: Column, first: boolean): { css: string; min: number } {
  if (column.width === 'narrow') return { css: 'minmax(88px, 0.7fr)', min: 88 };
  if (column.width === 'wide') return { css: 'minmax(240px, 3fr)', min: 240 };
  if (first) return { css: 'minmax(150px, 1.4fr)', min: 150 };
  if (column.numeric) return { css: 'minmax(112px, 1fr)', min: 112 };
  return { css: 'minmax(130px, 1.2fr)', min: 130 };
}

/** Numbers sit at the end of their cells (class `num`), words at the start. */
function cellClass(column: Column): string {
  return (column.align ?? (column.numeric ? 'end' : 'start')) === 'end' ? 'vt-cell num' : 'vt-cell';
}

// ----- the column chooser ------------------------------------------------------------------------------

/** Columns by their chooser heading, in order of first appearance ('' for none). */
function sections(columns: Column[]): Array<[string, Column[]]> {
  const by = new Map<string, Column[]>();
  for (const c of columns) {
    const key = c.section ?? '';
    const list = by.get(key);
    if (list) list.push(c);
    else by.set(key, [c]);
  }
  return [...by];
}

function ColumnChooser({ columns, shown, onToggle, onReset, label }: { columns: Column[]; shown: Column[]; onToggle: (key: string, on: boolean) => void; onReset: () => void; label: string }) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  /** The menu opens just below the tools bar, whose height depends on how its parts wrap. */
  const [top, setTop] = useState(40);
  const shownKeys = new Set(shown.map((c) => c.key));
  // Closes when the pointer goes down anywhere else.
  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      if (details.current && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  const close = () => {
    if (!details.current) return;
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };
  const choosable = columns.slice(1);
  return (
    <details
      class="vt-columns"
      ref={details}
      onToggle={(event) => {
        const element = event.currentTarget as HTMLDetailsElement;
        const tools = element.closest('.vt-tools') as HTMLElement | null;
        if (element.open && tools) setTop(tools.offsetTop + tools.offsetHeight + 2);
        setOpen(element.open);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && details.current?.open) {
          // The page's Escape (clear the selection) is not for this key press.
          event.stopPropagation();
          close();
        }
      }}
    >
      <summary title="Choose the columns this table shows">
        Columns <span class="vt-columns-count">({shown.length} of {columns.length})</span>
      </summary>
      <div class="vt-columns-menu" role="group" aria-label={`Columns of ${label}`} style={{ top: `${top}px` }}>
        <p class="explain">
          {columns[0]!.label} always shows. Tick the others to show; hover a name for what it means.
        </p>
        {sections(choosable).map(([section, list]) => (
          <fieldset key={section}>
            {section && <legend>{section}</legend>}
            <ul>
              {list.map((c) => (
                <li key={c.key}>
                  <label title={c.title}>
                    <input type="checkbox" checked={shownKeys.has(c.key)} onChange={(event) => onToggle(c.key, (event.currentTarget as HTMLInputElement).checked)} /> {c.label}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
        <div class="vt-columns-actions">
          <button type="button" class="small" onClick={onReset}>
            Usual columns
          </button>
          <button type="button" class="small" onClick={close}>
            Done
          </button>
        </div>
      </div>
    </details>
  );
}

// ----- the table ----------------------------------------------------------------------------------------

export function VirtualTableView({ label, data, highlighted, onPick, initialSort, onOrder }: VirtualTableProps) {
  const { columns, rowCount, searchText, include } = data.value;
  const highlight = highlighted.value;
  const [sort, setSort] = useState<{ key: string; descending: boolean } | null>(initialSort ?? null);
  const [filter, setFilter] = useState('');
  const [choice, setChoice] = useState<ColumnChoice | null>(() => loadChoice(label));
  const [range, setRange] = useState({ first: 0, last: 0 });
  const [viewport, setViewport] = useState(0);
  /** Position (in the sorted order) of the row that takes focus: one row is in the tab order. */
  const [active, setActive] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);

  const order = useMemo(() => {
    let rows: Int32Array;
    const needle = filter.trim().toLowerCase();
    if (needle || include) {
      const kept: number[] = [];
      for (let r = 0; r < rowCount; r++) if ((!include || include(r)) && (!needle || searchText(r).toLowerCase().includes(needle))) kept.push(r);
      rows = Int32Array.from(kept);
    } else {
      rows = new Int32Array(rowCount);
      for (let r = 0; r < rowCount; r++) rows[r] = r;
    }
    const column = columns.find((c) => c.key === sort?.key);
    if (column) sortRows(rows, rowCount, column, sort!.descending);
    return rows;
  }, [columns, rowCount, searchText, include, filter, sort]);

  useEffect(() => onOrder?.(order), [order]);
  const shown = useMemo(() => shownColumns(columns, choice), [columns, choice]);
  const tracks = shown.map((c, i) => track(c, i === 0));
  const template = tracks.map((t) => t.css).join(' ');
  const minWidth = tracks.reduce((sum, t) => sum + t.min, 0) + 16;

  /** The rows to draw for a scroll position. */
  const rangeAt = (scrollTop: number, height: number) => {
    const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(order.length, first + Math.ceil((height || 400) / ROW_HEIGHT) + 2 * OVERSCAN);
    return { first, last };
  };
  const updateRange = () => {
    const box = scroller.current;
    const next = rangeAt(box?.scrollTop ?? 0, box?.clientHeight ?? 0);
    setRange((current) => (current.first === next.first && current.last === next.last ? current : next));
  };

  // The viewport's height decides how many rows to draw.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const observer = new ResizeObserver(() => setViewport(box.clientHeight));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  // New order (sort, filter, data) or size: draw the rows in view again; keep the focus row in range.
  useLayoutEffect(() => {
    updateRange();
    setActive((a) => Math.min(a, Math.max(0, order.length - 1)));
  }, [order, viewport]);

  // Scrolls to the selected row when asked (a selection on the map, a new table), and again when
  // a folded table opens (a box of no height cannot scroll).
  const shownOnScreen = viewport > 0;
  useLayoutEffect(() => {
    if (highlight.row === null) return;
    const position = order.indexOf(highlight.row);
    if (position < 0) return;
    setActive(position);
    const box = scroller.current;
    if (!box) return;
    const head = header.current?.offsetHeight ?? 0;
    const top = position * ROW_HEIGHT;
    if (top < box.scrollTop || top + ROW_HEIGHT > box.scrollTop + box.clientHeight - head) {
      box.scrollTop = Math.max(0, top - (box.clientHeight - head) / 2);
      updateRange();
    }
  }, [highlight, shownOnScreen]);

  // After a keyboard move, focus the row that moved into place (drawn by now).
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scroller.current?.querySelector<HTMLElement>(`.vt-row[data-pos="${active}"]`)?.focus({ preventScroll: true });
  });

  const toggleSort = (column: Column) =>
    setSort((current) => (current?.key === column.key ? { key: column.key, descending: !current.descending } : { key: column.key, descending: !!column.numeric }));

  const setChosen = (next: ColumnChoice | null) => {
    setChoice(next);
    saveChoice(label, next);
  };

  /** Moves the focus row to `position`, scrolling it into view. */
  const moveTo = (position: number) => {
    const box = scroller.current;
    if (!box || order.length === 0) return;
    const to = Math.max(0, Math.min(order.length - 1, position));
    const head = header.current?.offsetHeight ?? 0;
    const top = to * ROW_HEIGHT;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + ROW_HEIGHT > box.scrollTop + box.clientHeight - head) box.scrollTop = top + ROW_HEIGHT - (box.clientHeight - head);
    focusPending.current = true;
    setActive(to);
    updateRange();
  };

  const onRowKey = (event: KeyboardEvent, position: number, row: number) => {
    const page = Math.max(1, Math.floor(((scroller.current?.clientHeight ?? 400) - (header.current?.offsetHeight ?? 0)) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: position + 1, ArrowUp: position - 1, PageDown: position + page, PageUp: position - page, Home: 0, End: order.length - 1 };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(row);
    } else if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    }
  };

  const { first, last } = range;
  const last2 = Math.min(last, order.length);
  // The focus row if drawn, else the first drawn row: exactly one row is in the tab order.
  const tabbable = active >= first && active < last2 ? active : first;
  const rows = [];
  for (let p = first; p < last2; p++) {
    const r = order[p]!;
    rows.push(
      <div
        key={r}
        class={r === highlight.row ? 'vt-row selected' : 'vt-row'}
        role="row"
        aria-rowindex={p + 2}
        tabIndex={p === tabbable ? 0 : -1}
        style={{ top: `${p * ROW_HEIGHT}px` }}
        data-row={r}
        data-pos={p}
        onClick={() => {
          setActive(p);
          onPick(r);
        }}
        onFocus={() => setActive(p)}
        onKeyDown={(event) => onRowKey(event, p, r)}
      >
        {shown.map((c) => {
          const v = c.value(r);
          const text = c.format ? c.format(v) : String(v);
          const title = c.cellTitle ? c.cellTitle(v) : c.numeric ? undefined : text;
          return (
            <div key={c.key} class={cellClass(c)} role="cell" title={title || undefined}>
              {text}
            </div>
          );
        })}
      </div>,
    );
  }

  return (
    // The table role is on the grid alone: the filter box and column chooser beside it are not
    // rows (ARIA allows only rows and row groups in a table).
    <div class="vtable" role="region" aria-label={label}>
      <div class="vt-tools">
        <input type="search" placeholder="Filter rows…" aria-label={`Filter ${label}`} value={filter} onInput={(event) => setFilter((event.currentTarget as HTMLInputElement).value)} />
        <span class="muted">
          {order.length.toLocaleString('en')} of {rowCount.toLocaleString('en')} rows
        </span>
        {columns.some((c) => c.optional) && (
          <ColumnChooser
            label={label}
            columns={columns}
            shown={shown}
            onToggle={(key, on) => setChosen(toggleColumn(columns, choice, key, on))}
            onReset={() => setChosen(null)}
          />
        )}
      </div>
      <div
        class="vt-scroll"
        ref={scroller}
        onScroll={(event) => {
          updateRange();
          (event.currentTarget as HTMLElement).classList.toggle('scrolled-x', (event.currentTarget as HTMLElement).scrollLeft > 0);
        }}
      >
        <div class="vt-grid" role="table" aria-label={label} aria-rowcount={order.length + 1} style={{ '--vt-columns': template, minWidth: `${minWidth}px` }}>
          <div class="vt-row vt-head" role="row" aria-rowindex={1} ref={header}>
            {shown.map((c) => {
              const sorted = sort?.key === c.key;
              return (
                <div key={c.key} class={cellClass(c)} role="columnheader" aria-sort={sorted ? (sort!.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" class="vt-sort" title={c.title ? `${c.title} (Click to sort.)` : `Sort by ${c.label}`} onClick={() => toggleSort(c)}>
                    {c.label}
                  </button>
                </div>
              );
            })}
          </div>
          <div class="vt-body" role="rowgroup" style={{ height: `${order.length * ROW_HEIGHT}px` }}>
            <div class="vt-rows">{rows}</div>
          </div>
        </div>
      </div>
    </div>
  );
}
