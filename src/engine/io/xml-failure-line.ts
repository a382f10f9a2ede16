/**
 * Where an XML file that passed validation failed to parse. The parser (fast-xml-parser) says
 * what it met ("Pi Tag is not closed.", "CDATA is not closed.", "Maximum nested tags exceeded")
 * but not where; these scanners find the place it means, so the message can name the line.
 * Each is one pass over the text.
 */

/** The 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The first `<?` whose `?>` never comes outside quotes (how the parser reads a processing instruction). */
function unclosedInstruction(text: string): number | undefined {
  for (let start = text.indexOf('<?'); start >= 0; start = text.indexOf('<?', start + 2)) {
    let quote = '';
    let closed = -1;
    for (let i = start + 2; i < text.length; i++) {
      const c = text[i] as string;
      if (quote !== '') {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '?' && text[i + 1] === '>') {
        closed = i;
        break;
      }
    }
    if (closed < 0) return start;
    start = closed;
  }
  return undefined;
}

/** The first `open` with no `close` after it. */
function unclosed(text: string, open: string, close: string): number | undefined {
  for (let start = text.indexOf(open); start >= 0; ) {
    const end = text.indexOf(close, start + open.length);
    if (end < 0) return start;
    start = text.indexOf(open, end + close.length);
  }
  return undefined;
}

/** Where element nesting first goes past `limit`, skipping comments, instructions and CDATA. */
function tooDeep(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    const next = text[i + 1];
    if (next === '!' || next === '?') continue;
    if (next === '/') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    const end = text.indexOf('>', i);
    if (end < 0) return undefined;
    if (text[end - 1] !== '/') depth++;
    if (depth > limit) return i;
    i = end;
  }
  return undefined;
}

/** The line the parser's `reason` points at, when it can be found. */
export function xmlFailureLine(text: string, reason: string, depthLimit: number): number | undefined {
  let at: number | undefined;
  const position = /at position (\d+)/.exec(reason);
  if (position) at = Number(position[1]);
  else if (/Pi Tag is not closed/i.test(reason)) at = unclosedInstruction(text);
  else if (/Comment is not closed/i.test(reason)) at = unclosed(text, '<!--', '-->');
  else if (/CDATA is not closed/i.test(reason)) at = unclosed(text, '<![CDATA[', ']]>');
  else if (/Closing Tag is not closed/i.test(reason)) at = unclosed(text, '</', '>');
  else if (/nested tags/i.test(reason)) at = tooDeep(text, depthLimit);
  else {
    const named = /(?:Invalid tag name: |Unexpected end of |Invalid name: "|<\/)([^\s">]+)/.exec(reason);
    if (named) {
      const found = text.indexOf(named[1] as string);
      if (found >= 0) at = found;
    }
  }
  return at === undefined ? undefined : lineOfOffset(text, at);
}
