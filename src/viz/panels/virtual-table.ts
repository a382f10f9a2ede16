/**
 * A sortable, filterable table that stays fast at tens of thousands of rows: only the rows in
 * view exist in the DOM. Headers are buttons (keyboard sortable); rows are focusable and
 * Enter/click picks one; arrow keys move between rows.
 */
import { el, replace } from '../dom.ts';
import { sortRows, type Column } from './sort-rows.ts';

export type { Column };

export interface VirtualTableOptions {
  columns: Column[];
  rowCount: number;
  onPick: (row: number) => void;
  /** Text searched by the filter box for a row. */
  searchText: (row: number) => string;
  label: string;
  initialSort?: { key: string; descending: boolean };
}

const ROW_HEIGHT = 28;

export class VirtualTable {
  readonly root: HTMLElement;
  private body: HTMLElement;
  private spacer: HTMLElement;
  private rowsHost: HTMLElement;
  private header: HTMLElement;
  private countLabel: HTMLElement;
  private order: Int32Array = new Int32Array(0);
  private sort: { key: string; descending: boolean } | null;
  private filter = '';
  private highlighted: number | null = null;
  private drawn = { first: -1, last: -1 };

  constructor(private options: VirtualTableOptions) {
    this.sort = options.initialSort ?? null;
    const filterBox = el('input', {
      type: 'search',
      placeholder: 'Filter rows…',
      aria: { label: `Filter ${options.label}` },
      on: {
        input: (event) => {
          this.filter = (event.target as HTMLInputElement).value.trim().toLowerCase();
          this.recompute();
        },
      },
    });
    this.countLabel = el('span', { class: 'muted' });
    this.header = el('div', { class: 'vt-row vt-head', role: 'row' });
    this.spacer = el('div', { class: 'vt-spacer' });
    this.rowsHost = el('div', { class: 'vt-rows', role: 'rowgroup' });
    this.body = el('div', { class: 'vt-body', tabindex: -1 }, this.spacer, this.rowsHost);
    this.body.addEventListener('scroll', () => this.draw());
    this.root = el(
      'div',
      { class: 'vtable', role: 'table', aria: { label: options.label } },
      el('div', { class: 'vt-tools' }, filterBox, this.countLabel),
      el('div', { class: 'vt-scroll' }, this.header, this.body),
    );
    new ResizeObserver(() => this.draw()).observe(this.body);
    this.renderHeader();
    this.recompute();
  }

  /** Replaces the data (same columns API, new row count) and keeps sort and filter. */
  setData(columns: Column[], rowCount: number, searchText: (row: number) => string): void {
    this.options = { ...this.options, columns, rowCount, searchText };
    this.renderHeader();
    this.recompute();
  }

  /** Scrolls to and marks a row (by data index), e.g. the person selected on the map. */
  highlight(row: number | null): void {
    this.highlighted = row;
    if (row !== null) {
      const position = this.order.indexOf(row);
      if (position >= 0) {
        const top = position * ROW_HEIGHT;
        if (top < this.body.scrollTop || top > this.body.scrollTop + this.body.clientHeight - ROW_HEIGHT) {
          this.body.scrollTop = Math.max(0, top - this.body.clientHeight / 2);
        }
      }
    }
    this.drawn = { first: -1, last: -1 };
    this.draw();
  }

  private renderHeader(): void {
    replace(
      this.header,
      ...this.options.columns.map((c) => {
        const active = this.sort?.key === c.key;
        const arrow = active ? (this.sort!.descending ? ' ▼' : ' ▲') : '';
        return el(
          'div',
          { class: `vt-cell${c.numeric ? ' num' : ''}`, role: 'columnheader', aria: { sort: active ? (this.sort!.descending ? 'descending' : 'ascending') : 'none' } },
          el('button', { class: 'vt-sort', title: c.title ?? `Sort by ${c.label}`, on: { click: () => this.toggleSort(c) } }, c.label + arrow),
        );
      }),
    );
  }

  private toggleSort(column: Column): void {
    this.sort = this.sort?.key === column.key ? { key: column.key, descending: !this.sort.descending } : { key: column.key, descending: !!column.numeric };
    this.renderHeader();
    this.recompute();
  }

  private recompute(): void {
    const { rowCount, searchText, columns } = this.options;
    let rows: Int32Array;
    if (this.filter) {
      const kept: number[] = [];
      for (let r = 0; r < rowCount; r++) if (searchText(r).toLowerCase().includes(this.filter)) kept.push(r);
      rows = Int32Array.from(kept);
    } else {
      rows = new Int32Array(rowCount);
      for (let r = 0; r < rowCount; r++) rows[r] = r;
    }
    const column = columns.find((c) => c.key === this.sort?.key);
    if (column) sortRows(rows, rowCount, column, this.sort!.descending);
    this.order = rows;
    this.countLabel.textContent = `${rows.length.toLocaleString('en')} of ${rowCount.toLocaleString('en')} rows`;
    this.spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
    this.drawn = { first: -1, last: -1 };
    this.draw();
  }

  private draw(): void {
    const height = this.body.clientHeight || 400;
    const first = Math.max(0, Math.floor(this.body.scrollTop / ROW_HEIGHT) - 5);
    const last = Math.min(this.order.length, first + Math.ceil(height / ROW_HEIGHT) + 10);
    if (first === this.drawn.first && last === this.drawn.last) return;
    this.drawn = { first, last };
    const { columns, onPick } = this.options;
    const rows: HTMLElement[] = [];
    for (let p = first; p < last; p++) {
      const r = this.order[p]!;
      const row = el(
        'div',
        {
          class: `vt-row${r === this.highlighted ? ' selected' : ''}`,
          role: 'row',
          tabindex: 0,
          style: { top: `${p * ROW_HEIGHT}px` },
          data: { row: String(r) },
          on: {
            click: () => onPick(r),
            keydown: (event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onPick(r);
              } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                const next = (event.currentTarget as HTMLElement)[event.key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling'] as HTMLElement | null;
                next?.focus();
              }
            },
          },
        },
        ...columns.map((c) => {
          const v = c.value(r);
          return el('div', { class: `vt-cell${c.numeric ? ' num' : ''}`, role: 'cell' }, c.format ? c.format(v) : String(v));
        }),
      );
      rows.push(row);
    }
    replace(this.rowsHost, ...rows);
  }
}
