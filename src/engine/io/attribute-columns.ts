/**
 * Typing a spreadsheet column of attribute cells. A column is typed as a whole, not cell by cell,
 * so one stray "n/a" keeps a column of text instead of leaving a mix of numbers and strings.
 */
import type { AttributeValue, Attributes } from '../core/model/records.ts';
import { parseNumberText } from './numbers.ts';

export interface AttributeColumnOptions {
  /**
   * A cell containing this is a list (`a;b;c`): if any cell of the column has it, every
   * non-empty cell becomes a string[]. Default: no separator, lists are not split.
   */
  multiValueSeparator?: string;
  /** Accept `1,5` as a number (semicolon-delimited files). Default false. */
  decimalComma?: boolean;
}

/** Codes such as zip codes or "007" lose their leading zero as numbers, so they stay text. */
const LEADING_ZERO = /^[+-]?0\d/;

/**
 * The typed values of one column, aligned with `cells`: null for empty cells; numbers when every
 * non-empty cell is a number; string[] when any cell holds the separator; otherwise strings.
 */
export function typeAttributeColumn(
  cells: readonly string[],
  options: AttributeColumnOptions = {},
): AttributeValue[] {
  const trimmed = cells.map((cell) => cell.trim());
  const filled = trimmed.filter((cell) => cell !== '');
  const separator = options.multiValueSeparator;
  if (separator !== undefined && separator !== '' && filled.some((c) => c.includes(separator))) {
    return trimmed.map((cell) =>
      cell === ''
        ? null
        : cell
            .split(separator)
            .map((part) => part.trim())
            .filter((part) => part !== ''),
    );
  }
  const numbers = filled.map((cell) =>
    LEADING_ZERO.test(cell) ? undefined : parseNumberText(cell, options),
  );
  const numeric =
    filled.length > 0 && numbers.every((n) => n !== undefined && Number.isFinite(n));
  if (numeric) {
    return trimmed.map((cell) => (cell === '' ? null : (parseNumberText(cell, options) as number)));
  }
  return trimmed.map((cell) => (cell === '' ? null : cell));
}

/**
 * Sets an attribute even when its name is `__proto__` or `constructor`: column names come from
 * users, and a plain assignment would change the object's prototype instead of storing a value.
 */
export function setAttribute(attributes: Attributes, name: string, value: AttributeValue): void {
  Object.defineProperty(attributes, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Same value, comparing lists element by element. */
export function sameAttributeValue(a: AttributeValue, b: AttributeValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return a === b;
}
