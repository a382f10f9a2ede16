/**
 * The sizes netweave reads, stated once (the README's "Limits" lists them with the rest): each is
 * well above what real users bring (a 200 MB edge list, a million ties, a 50 MB workbook) and
 * each, when passed, stops with a message naming the file and the limit instead of exhausting
 * memory.
 */

/** The largest file the command line reads, in bytes: text files are held whole in memory while they are read. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** The largest file the app reads: a browser tab has less memory to hold the text, the network and the map. */
export const MAX_BROWSER_FILE_BYTES = 200 * 1024 * 1024;

/** How deep XML elements may nest (GEXF and GraphML need about 5 levels). */
export const MAX_XML_DEPTH = 100;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`;
}

/** The message for a file over a limit (the command line's unless another is given). */
export function fileTooLargeMessage(bytes: number, limit: number = MAX_FILE_BYTES): string {
  const where = limit === MAX_BROWSER_FILE_BYTES ? ' in the browser' : '';
  const otherwise = limit === MAX_BROWSER_FILE_BYTES ? `, or analyse it with the command line (npx netweave analyze, up to ${megabytes(MAX_FILE_BYTES)})` : '';
  return `the file is ${megabytes(bytes)}; netweave reads files up to ${megabytes(limit)}${where}. Split it (by relation or by wave) and import the parts together${otherwise}`;
}
