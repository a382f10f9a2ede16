/**
 * Spreadsheet-safe CSV. A cell that starts with = + - @ (or a tab or carriage return) can run as
 * a formula when the file is opened in a spreadsheet; such text cells get a leading apostrophe.
 * Numbers are written as numbers.
 */
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: unknown): string | number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell `neutraliseCell` guarded (`'=x`) as it was before (`=x`): for reading back our own exports. */
export function restoreCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return Papa.unparse(
    { fields: header.map((h) => String(neutraliseCell(h))), data: rows.map((row) => row.map(neutraliseCell)) },
    { newline: '\n' },
  );
}
