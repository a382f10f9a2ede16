/**
 * Typing attribute values that GEXF and GraphML files declare (`type="integer"`,
 * `attr.type="double"`, `liststring`, ...). Unknown types stay text.
 */
import type { AttributeValue } from '../core/model/records.ts';
import { parseNumberText } from './numbers.ts';

export type TypedValueReading = { ok: true; value: AttributeValue } | { ok: false; message: string };

const NUMBER_TYPES = new Set(['integer', 'int', 'long', 'short', 'byte', 'float', 'double', 'bigdecimal', 'biginteger']);
const TEXT_TYPES = new Set(['string', 'anyuri']);
const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

/**
 * A declared value in its type. `name` is the attribute's title for messages. Empty text is null;
 * text keeps its spaces (numbers, flags and lists are read from the trimmed text). Lists are a
 * JSON array of strings (netweave's exports: `["a","b|c"]`, items exactly as written), `[a, b, c]`
 * (GEXF 1.3) or `a|b|c` (GEXF 1.2).
 */
export function readTypedValue(raw: string, type: string | undefined, name: string): TypedValueReading {
  const text = raw.trim();
  const kind = (type ?? 'string').trim().toLowerCase();
  // White space alone is a value only in text (a file says so with xml:space="preserve").
  if (text === '') return { ok: true, value: raw === '' || !TEXT_TYPES.has(kind) ? null : raw };
  if (NUMBER_TYPES.has(kind)) {
    const value = parseNumberText(text);
    if (value === undefined || !Number.isFinite(value)) {
      return { ok: false, message: `${name} is declared as ${kind} but is not a number: "${text}"` };
    }
    return { ok: true, value };
  }
  if (kind === 'boolean') {
    const lower = text.toLowerCase();
    if (TRUE.has(lower)) return { ok: true, value: true };
    if (FALSE.has(lower)) return { ok: true, value: false };
    return { ok: false, message: `${name} is declared as true/false but is "${text}"` };
  }
  if (kind.startsWith('list')) {
    const json = jsonList(text);
    if (json !== undefined) return { ok: true, value: json };
    const items =
      text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1).split(',') : text.split('|');
    return { ok: true, value: items.map((item) => item.trim()).filter((item) => item !== '') };
  }
  return { ok: true, value: raw };
}

/** The items of a JSON array of strings (numbers and flags as text), else undefined. */
function jsonList(text: string): string[] | undefined {
  if (!text.startsWith('[') || !text.includes('"')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const items: string[] = [];
  for (const item of parsed) {
    if (typeof item === 'string') items.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') items.push(String(item));
    else return undefined;
  }
  return items;
}
