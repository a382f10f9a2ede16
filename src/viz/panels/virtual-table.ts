/**
 * The shell's handle on a table (people, groups, factors): `root` to place, `highlight` to mark
 * the row of the person selected elsewhere, `setData` for new rows. The table itself is the
 * VirtualTableView component (src/viz/components/virtual-table.tsx), drawn into `root`.
 */
import { drawVirtualTable, type TableHandle } from '../components/virtual-table.tsx';
import type { Column } from './sort-rows.ts';

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

export class VirtualTable {
  readonly root: HTMLElement;
  private readonly handle: TableHandle;

  constructor(options: VirtualTableOptions) {
    this.root = document.createElement('div');
    this.root.className = 'vt-host';
    const { columns, rowCount, searchText, label, onPick, initialSort } = options;
    this.handle = drawVirtualTable(this.root, { label, onPick, initialSort, data: { columns, rowCount, searchText } });
  }

  /** Replaces the data (same columns API, new row count) and keeps sort, filter and chosen columns. */
  setData(columns: Column[], rowCount: number, searchText: (row: number) => string): void {
    this.handle.setData({ columns, rowCount, searchText });
  }

  /** Scrolls to and marks a row (by data index), e.g. the person selected on the map. */
  highlight(row: number | null): void {
    this.handle.highlight(row);
  }
}
