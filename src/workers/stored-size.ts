/**
 * About how many bytes a value takes once stored in IndexedDB or localStorage, for the Projects
 * dialog ("2.4 MB"). Measured on the very records written (the project, its packed dataset), the
 * way the browser's structured clone writes them: a string one byte a character when every
 * character fits in one (two otherwise), a number eight, a typed array its bytes (a buffer shared
 * by several views counted once), an object its keys and values. The browser adds its own
 * bookkeeping and may compress, so this is an estimate; `navigator.storage.estimate()` gives the
 * browser's own total for the whole site.
 */

const WIDE = /[^\u0000-\u00ff]/;

/** A string's bytes as stored: Latin-1 strings one byte a character, others two. */
export function stringBytes(text: string): number {
  return WIDE.test(text) ? text.length * 2 : text.length;
}

/** About how many bytes `value` takes as a stored record. */
export function recordBytes(value: unknown): number {
  const seen = new Set<object>();
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      total += stringBytes(v);
      continue;
    }
    if (typeof v === 'number' || typeof v === 'bigint') {
      total += 8;
      continue;
    }
    if (typeof v !== 'object' || v === null) {
      // booleans, null, undefined: a tag.
      total += 1;
      continue;
    }
    if (ArrayBuffer.isView(v)) {
      if (!seen.has(v.buffer)) {
        seen.add(v.buffer);
        total += v.buffer.byteLength;
      }
      continue;
    }
    if (v instanceof ArrayBuffer) {
      if (!seen.has(v)) {
        seen.add(v);
        total += v.byteLength;
      }
      continue;
    }
    if (seen.has(v)) continue;
    seen.add(v);
    if (typeof Blob !== 'undefined' && v instanceof Blob) {
      total += v.size;
    } else if (v instanceof Date) {
      total += 8;
    } else if (v instanceof Map) {
      for (const [key, item] of v) stack.push(key, item);
    } else if (v instanceof Set) {
      for (const item of v) stack.push(item);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else {
      for (const key of Object.keys(v)) {
        total += stringBytes(key);
        stack.push((v as Record<string, unknown>)[key]);
      }
    }
  }
  return total;
}
