/**
 * Reading numbers from cells. `Number()` is too lenient for user data (it reads "" as 0, "0x1f"
 * as 31 and " " as 0), so cells are matched against plain decimal notation first.
 */

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** `1,5`: the decimal comma spreadsheets write in much of Europe. */
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

export interface NumberTextOptions {
  /**
   * Also accept a comma as the decimal mark (`1,5`). Default false: only safe when the comma
   * cannot be a field delimiter, i.e. in semicolon-delimited files.
   */
  decimalComma?: boolean;
}

/** The number a cell holds, or undefined when it is not plainly a number (blank included). */
export function parseNumberText(text: string, options: NumberTextOptions = {}): number | undefined {
  const trimmed = text.trim();
  if (DECIMAL.test(trimmed)) return Number(trimmed);
  if (options.decimalComma === true && DECIMAL_COMMA.test(trimmed)) {
    return Number(trimmed.replace(',', '.'));
  }
  return undefined;
}

export type WeightReading = { ok: true; weight: number } | { ok: false; message: string };

/**
 * A tie weight from a cell. `field` is the column name shown to the user. Zero, negative and
 * infinite weights are refused rather than dropped: each would silently change the graph.
 */
export function parseWeight(
  text: string,
  field: string,
  options: NumberTextOptions = {},
): WeightReading {
  const value = parseNumberText(text, options);
  if (value === undefined) return { ok: false, message: `${field} is not a number: "${text.trim()}"` };
  if (!Number.isFinite(value)) {
    return { ok: false, message: `${field} is too large to use: "${text.trim()}"` };
  }
  if (value === 0) {
    return {
      ok: false,
      message: `${field} is 0; a tie needs a weight above 0 (leave the row out if there is no tie)`,
    };
  }
  if (value < 0) {
    return { ok: false, message: `${field} is negative ("${text.trim()}"); weights must be above 0` };
  }
  return { ok: true, weight: value };
}
