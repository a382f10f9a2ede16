/**
 * What kind of file the user dropped: by extension first, then by content (the XML root element,
 * a JSON object, or a CSV's header row).
 */
import type { InputIssue } from '../core/util/issues.ts';
import { guessCsvKind } from './csv-columns.ts';
import { readCsv } from './csv-read.ts';
import { readSoFar } from '../core/util/result.ts';
import type { SourceFile } from './types.ts';
import { looksLikeKumuJson } from './kumu-people.ts';

/** `kumu`: a Kumu blueprint read as a people network (as a system map it is features/systemmap's). */
export type ImportKind = 'edges' | 'nodes' | 'adjacency' | 'gexf' | 'graphml' | 'json' | 'kumu';

export const IMPORT_KINDS: readonly ImportKind[] = ['edges', 'nodes', 'adjacency', 'gexf', 'graphml', 'json', 'kumu'];

export interface DetectedFormat {
  kind: ImportKind | 'unknown';
  /** Why, in words for the user (shown when the kind is unknown). */
  reason: string;
  /** Problems that kept the file from being read at all (e.g. an empty CSV). */
  issues: InputIssue[];
}

/** The name of the first element of an XML text, without namespace prefix. */
export function sniffXmlRoot(text: string): string | undefined {
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/i, '');
  const match = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(body);
  return match?.[2];
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function fromXml(file: SourceFile): DetectedFormat {
  const root = sniffXmlRoot(file.text);
  if (root === 'gexf') return { kind: 'gexf', reason: 'the XML root element is <gexf>', issues: [] };
  if (root === 'graphml') return { kind: 'graphml', reason: 'the XML root element is <graphml>', issues: [] };
  return {
    kind: 'unknown',
    reason:
      root === undefined
        ? `"${file.name}" does not look like XML`
        : `"${file.name}" is XML with root element <${root}>, which is neither GEXF nor GraphML`,
    issues: [],
  };
}

function fromCsv(file: SourceFile): DetectedFormat {
  const reading = readCsv(file.text, { file: file.name });
  const table = readSoFar(reading);
  if (table === undefined) return { kind: 'unknown', reason: `"${file.name}" could not be read`, issues: reading.issues };
  const kind = guessCsvKind(
    table.headers,
    table.records.map((record) => record.cells[0] ?? ''),
  );
  const headers = table.headers.map((h) => `"${h}"`).join(', ');
  const reasons = {
    edges: 'its header has source- and target-like columns',
    adjacency: 'it is a matrix: the names across the first row are the names down the first column',
    nodes: 'its header has an id or name column',
    unknown: `could not tell from its header (${headers}) whether "${file.name}" lists ties, lists people or is a matrix; choose which it is, or rename the columns (e.g. source and target, or id)`,
  } as const;
  return { kind, reason: reasons[kind], issues: [] };
}

function fromJson(file: SourceFile, why: string): DetectedFormat {
  if (looksLikeKumuJson(file.text)) return { kind: 'kumu', reason: 'it is a Kumu blueprint (elements and connections)', issues: [] };
  return { kind: 'json', reason: why, issues: [] };
}

export function detectFormat(file: SourceFile): DetectedFormat {
  const extension = extensionOf(file.name);
  if (extension === 'gexf') return { kind: 'gexf', reason: 'the file name ends in .gexf', issues: [] };
  if (extension === 'graphml') return { kind: 'graphml', reason: 'the file name ends in .graphml', issues: [] };
  if (extension === 'xml') return fromXml(file);
  if (extension === 'json') return fromJson(file, 'the file name ends in .json');
  if (['csv', 'tsv', 'txt', 'tab'].includes(extension)) return fromCsv(file);
  const start = file.text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return fromXml(file);
  if (start.startsWith('{')) return fromJson(file, 'the file starts with "{"');
  return fromCsv(file);
}
