/**
 * Every network file format netweave reads, declared as data: its kind, its name for people, the
 * file name endings it goes by, a cheap look at its content, and its reader. Detection
 * (detect-format.ts) and reading (import-files.ts) both go through this table, so a format is
 * added in one place.
 */
import type { Result } from '../core/util/result.ts';
import type { ImportPart, SourceFile } from './types.ts';
import { parseAdjacencyCsv } from './csv-adjacency.ts';
import { parseEdgeListCsv, type EdgeColumns } from './csv-edges.ts';
import { parseNodeListCsv, type NodeColumns } from './csv-nodes.ts';
import { parseDatasetJson } from './dataset-json.ts';
import { parseGexf } from './gexf.ts';
import { parseGraphml } from './graphml.ts';
import { looksLikeKumuJson, parseKumuPeople, parseKumuWorkbookPeople } from './kumu-people.ts';
import type { KumuTypeRoles } from './kumu-types.ts';
import { isWorkbook } from './workbook-detect.ts';
import { looksLikePajek, parsePajek } from './pajek.ts';
import { looksLikeUcinetDl, parseUcinetDl } from './ucinet-dl.ts';
import { looksLikeVna, parseVna } from './vna.ts';
import { looksLikeGml, parseGml } from './gml.ts';
import { looksLikeDot, parseDot } from './dot.ts';
import { looksLikeGraphologyJson, parseGraphologyJson } from './graphology-json.ts';
import { looksLikeGephiLite, parseGephiLite } from './gephi-lite.ts';
import { looksLikeEdgeListText, parseEdgeListText } from './edge-list-text.ts';
import { looksLikeAdjacencyList, parseAdjacencyList } from './adjacency-list.ts';
import { looksLikeNetworkCanvasCsv } from './network-canvas-csv.ts';
import { hasNetworkCanvasMarks } from './network-canvas-graphml.ts';
import { fail } from '../core/util/result.ts';

/** What reading one file may be told (see ImportOptions). */
export interface ReadOptions {
  directed?: boolean;
  columns?: EdgeColumns & NodeColumns;
  multiValueSeparator?: string;
  onReadProgress?: (fraction: number) => void;
  /** Kumu files: what each element type is read as (kumu-types.ts). */
  typeRoles?: KumuTypeRoles;
}

export interface FileFormat<K extends string = string> {
  kind: K;
  /** What people call it, for messages and menus. */
  label: string;
  /** File name endings that mean this format (lower case, without the dot). */
  extensions: readonly string[];
  /** A cheap look at the start of the content; absent for kinds only a table's header tells apart. */
  looksLike?: (text: string) => boolean;
  /** A special case of another format, told by its content (Network Canvas's GraphML is GraphML). */
  refines?: string;
  read: (file: SourceFile, options: ReadOptions) => Result<ImportPart>;
}

const optional = <T extends object>(value: T | undefined): T | Record<string, never> => value ?? {};
const directedOf = (o: ReadOptions) => (o.directed !== undefined ? { directed: o.directed } : {});
const rolesOf = (o: ReadOptions) => (o.typeRoles ? { typeRoles: o.typeRoles } : {});
const progressOf = (o: ReadOptions) => (o.onReadProgress ? { onReadProgress: o.onReadProgress } : {});

/**
 * The formats, in the order content is tried when the name does not decide: specific signatures
 * (XML roots, JSON shapes, Pajek's `*Vertices`, DL's `dl n=`) before the loose ones (headerless
 * edge and adjacency lists), and tables last.
 */
export const FILE_FORMATS = [
  { kind: 'network-canvas-graphml', label: 'Network Canvas interviews (GraphML)', extensions: [], refines: 'graphml', looksLike: (t) => xmlRoot(t) === 'graphml' && hasNetworkCanvasMarks(t), read: (f) => readsAsInterviews(f) },
  { kind: 'network-canvas', label: 'Network Canvas interviews (CSV export)', extensions: [], looksLike: looksLikeNetworkCanvasCsv, read: (f) => readsAsInterviews(f) },
  { kind: 'gexf', label: 'GEXF (Gephi)', extensions: ['gexf'], looksLike: (t) => xmlRoot(t) === 'gexf', read: (f) => parseGexf(f.text, { file: f.name }) },
  { kind: 'graphml', label: 'GraphML', extensions: ['graphml'], looksLike: (t) => xmlRoot(t) === 'graphml', read: (f) => parseGraphml(f.text, { file: f.name }) },
  { kind: 'gephi-lite', label: 'Gephi Lite project (JSON)', extensions: [], looksLike: looksLikeGephiLite, read: (f) => parseGephiLite(f.text, { file: f.name }) },
  { kind: 'graphology', label: 'graphology JSON (Gephi Lite, sigma)', extensions: [], looksLike: looksLikeGraphologyJson, read: (f) => parseGraphologyJson(f.text, { file: f.name }) },
  {
    kind: 'kumu',
    label: 'Kumu blueprint (JSON) or workbook (Excel)',
    extensions: [],
    looksLike: looksLikeKumuJson,
    // A workbook with Elements and Connections sheets (detect-format.ts tells it by its sheets).
    read: (f, o) => (isWorkbook(f) ? parseKumuWorkbookPeople(f, rolesOf(o)) : parseKumuPeople(f.text, { file: f.name, ...rolesOf(o) })),
  },
  { kind: 'json', label: 'netweave dataset (JSON)', extensions: ['json'], looksLike: (t) => /^\s*\{/.test(t.replace(/^\uFEFF/, '')), read: (f) => parseDatasetJson(f.text, { file: f.name }) },
  { kind: 'pajek', label: 'Pajek (.net, .paj)', extensions: ['net', 'paj'], looksLike: looksLikePajek, read: (f, o) => parsePajek(f.text, { file: f.name, ...progressOf(o) }) },
  { kind: 'ucinet', label: 'UCINET DL', extensions: ['dl'], looksLike: looksLikeUcinetDl, read: (f, o) => parseUcinetDl(f.text, { file: f.name, ...directedOf(o) }) },
  { kind: 'vna', label: 'NetDraw VNA', extensions: ['vna'], looksLike: looksLikeVna, read: (f, o) => parseVna(f.text, { file: f.name, ...directedOf(o) }) },
  { kind: 'gml', label: 'GML', extensions: ['gml'], looksLike: looksLikeGml, read: (f) => parseGml(f.text, { file: f.name }) },
  { kind: 'dot', label: 'Graphviz DOT', extensions: ['dot', 'gv'], looksLike: looksLikeDot, read: (f) => parseDot(f.text, { file: f.name }) },
  {
    kind: 'edgelist',
    label: 'edge list without a header (SNAP, NCOL, networkx)',
    extensions: ['edgelist', 'edges', 'ncol'],
    looksLike: looksLikeEdgeListText,
    read: (f, o) => parseEdgeListText(f.text, { file: f.name, ...directedOf(o), ...progressOf(o) }),
  },
  {
    kind: 'adjlist',
    label: 'adjacency list (each line: a person, then whom they name)',
    extensions: ['adjlist', 'lst'],
    looksLike: looksLikeAdjacencyList,
    read: (f, o) => parseAdjacencyList(f.text, { file: f.name, ...directedOf(o), ...progressOf(o) }),
  },
  {
    kind: 'edges',
    label: 'edge list (CSV: one row per tie)',
    extensions: [],
    read: (f, o) => parseEdgeListCsv(f.text, { file: f.name, ...progressOf(o), ...(o.columns ? { columns: o.columns } : {}), ...directedOf(o) }),
  },
  {
    kind: 'nodes',
    label: 'people list (CSV: one row per person)',
    extensions: [],
    read: (f, o) => parseNodeListCsv(f.text, { file: f.name, ...progressOf(o), ...(o.columns ? { columns: o.columns } : {}), ...optional(o.multiValueSeparator !== undefined ? { multiValueSeparator: o.multiValueSeparator } : undefined) }),
  },
  { kind: 'adjacency', label: 'matrix (CSV: names across and down)', extensions: [], read: (f, o) => parseAdjacencyCsv(f.text, { file: f.name, ...progressOf(o), ...directedOf(o) }) },
] as const satisfies ReadonlyArray<FileFormat>;

/**
 * Network Canvas files are interviews to merge with the people matcher (features/network-canvas),
 * never one file's network on its own: read alone, they say so.
 */
function readsAsInterviews(file: SourceFile): Result<ImportPart> {
  return fail([
    {
      level: 'error',
      code: 'network-canvas-alone',
      file: file.name,
      message: 'this is part of a Network Canvas export: import it with the other files of its export (the ego file, attribute lists and edge lists), so that its interviews are merged into one network',
    },
  ]);
}

export type ImportKind = (typeof FILE_FORMATS)[number]['kind'];

export const IMPORT_KINDS: readonly ImportKind[] = FILE_FORMATS.map((f) => f.kind);

export function formatOf(kind: ImportKind): FileFormat<ImportKind> {
  return FILE_FORMATS.find((f) => f.kind === kind)! as FileFormat<ImportKind>;
}

/** How far into a file the XML prolog (declaration, comments, DOCTYPE) is looked through. */
const PROLOG_LIMIT = 65536;

/**
 * Where the XML prolog ends: after the declaration, processing instructions, comments and the
 * DOCTYPE (whose internal subset may hold `>` inside brackets and quotes). A scanner, one pass:
 * regular expressions for this backtracked for a minute on a crafted 78-byte DOCTYPE.
 * -1 when the prolog is unfinished within the text.
 */
function afterProlog(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = end + 3;
    } else if (text.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      let depth = 0;
      let quote = '';
      let j = i + 9;
      for (; j < text.length; j++) {
        const c = text[j] as string;
        if (quote !== '') {
          if (c === quote) quote = '';
        } else if (c === '<' && text.startsWith('<!--', j)) {
          const end = text.indexOf('-->', j + 4);
          if (end < 0) return -1;
          j = end + 2;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '[') depth++;
        else if (c === ']') depth = Math.max(0, depth - 1);
        else if (c === '>' && depth === 0) break;
      }
      if (j >= text.length) return -1;
      i = j + 1;
    } else return i;
  }
}

/** The name of the first element of an XML text, without namespace prefix. */
export function xmlRoot(text: string): string | undefined {
  const head = text.slice(0, PROLOG_LIMIT);
  const start = afterProlog(head);
  if (start < 0) return undefined;
  const match = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/y;
  match.lastIndex = start;
  return match.exec(head)?.[2];
}
