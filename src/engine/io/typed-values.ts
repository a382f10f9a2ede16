/**
 * Typing attribute values that GEXF and GraphML files declare (`type="integer"`,
 * `attr.type="double"`, `liststring`, ...). Unknown types stay text.
 */
import type { AttributeValue } from '../core/model/records.ts';
import { parseNumberText } from './numbers.ts';

export type TypedValueReading = { ok: true; value: AttributeValue } | { ok: false; message: string };

const NUMBER_TYPES = new Set(['integer', 'int', 'long', 'short', 'byte', 'float', 'double', 'bigdecimal', 'biginteger']);
const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

/**
 * A declared value in its type. `name` is the attribute's title for messages. Empty text is null.
 * Lists are `a|b|c` (GEXF 1.2) or `[a, b, c]` (GEXF 1.3).
 */
export function readTypedValue(raw: string, type: string | undefined, name: string): TypedValueReading {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  const kind = (type ?? 'string').trim().toLowerCase();
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
    const items =
      text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1).split(',') : text.split('|');
    return { ok: true, value: items.map((item) => item.trim()).filter((item) => item !== '') };
  }
  return { ok: true, value: text };
}
