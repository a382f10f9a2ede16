/**
 * What an export writes, apart from how: the kinds of file made from a project's data, the shape
 * of a file handed to the browser, and names safe for a file. The page's Export menu needs these
 * without the writers, which run in the analysis worker (export-files.ts).
 */

/** The exports written from data (the map picture is drawn from the screen, not listed here). */
export type FileExportKind = 'people-csv' | 'gexf' | 'graphml' | 'pajek' | 'gml' | 'graphology' | 'ucinet' | 'kumu' | 'project' | 'project-own' | 'systemmap-csv' | 'systemmap-kumu' | 'systemmap-graphml' | 'introductions';

export interface DownloadFile {
  name: string;
  /** Text, or the bytes of a file (a workbook; any file made in the worker, moved to the page). */
  content: string | Uint8Array;
  type: string;
  /** What the file could not hold as it was, said to the user when it is saved. */
  note?: string;
}

/** A name safe for a file: letters, digits, dots and dashes, at most 60 characters. */
export function fileSafe(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'netweave';
}

/** The name of the key file that goes with a pseudonymised export. */
export function keyFileName(projectName: string): string {
  return `${fileSafe(projectName)}-KEY-keep-apart.csv`;
}
