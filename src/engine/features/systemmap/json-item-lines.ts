/**
 * The line each item of a top-level JSON array starts on (`{"elements": [ {...}, {...} ]}`), so
 * problems in a Kumu blueprint can name the line as well as the path. A small scanner that skips
 * strings and counts nesting; it assumes the text already parsed as JSON.
 */
export function jsonArrayItemLines(text: string, keys: readonly string[]): Map<string, number[]> {
  const result = new Map<string, number[]>(keys.map((k) => [k, []]));
  let line = 1;
  let depth = 0;
  /** The top-level key whose array we are in (depth 2 items belong to it). */
  let currentKey: string | undefined;
  let lastString: string | undefined;
  let arrayOpenDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === '"') {
      if (depth === arrayOpenDepth && currentKey !== undefined) result.get(currentKey)?.push(line);
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          value += text[j + 1] ?? '';
          j += 2;
          continue;
        }
        if (text[j] === '\n') line++;
        value += text[j];
        j++;
      }
      lastString = value;
      i = j;
      continue;
    }
    if (c === ':' && depth === 1) {
      currentKey = lastString;
      continue;
    }
    if (c === '{' || c === '[') {
      if (c === '[' && depth === 1 && currentKey !== undefined && result.has(currentKey)) arrayOpenDepth = depth + 1;
      else if (depth === arrayOpenDepth && currentKey !== undefined) result.get(currentKey)?.push(line);
      depth++;
      continue;
    }
    if (c === '}' || c === ']') {
      depth--;
      if (depth === 1 && arrayOpenDepth === 2) arrayOpenDepth = -1;
    }
  }
  return result;
}
