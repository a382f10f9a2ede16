/**
 * A Gephi Lite project file (JSON, `"type": "gephi-lite"`, what Gephi Lite's "Save" writes), read
 * as the graph it holds:
 *
 * ```json
 * { "type": "gephi-lite", "version": "1.0.0",
 *   "graphDataset": { "fullGraph": <graphology graph: keys and ends only>,
 *                     "nodeData": { key: { "label": ..., ... } }, "edgeData": { key: { "weight": ... } },
 *                     "layout": { key: { "x", "y" } }, "metadata": { "title": ... },
 *                     "nodeFields": [...], "edgeFields": [...] },
 *   "filters": ..., "appearance": ... }
 * ```
 *
 * Version 0.x files kept the label, colour, size and weight in `nodeRenderingData` and
 * `edgeRenderingData` instead; both are read. The graph is read as graphology's serialised JSON
 * is (graphology-json.ts: label, attributes, weight, relation, direction), with each node's and
 * edge's attributes taken from `nodeData` / `edgeData`. The layout, the appearance (colours and
 * sizes by attribute) and the filters are Gephi Lite's view of the graph: every node and edge is
 * read whatever the filters hide, and a warning says so when the project had filters.
 */
import { IssueLog } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { readJsonText, readSerializedGraph } from './graphology-json.ts';
import { emptyPart, type ImportPart } from './types.ts';

export interface GephiLiteOptions {
  /** File name used in issues. */
  file: string;
}

/** A cheap test of whether a text is a Gephi Lite project: a JSON object saying `"type": "gephi-lite"` near its start. */
export function looksLikeGephiLite(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  return head.startsWith('{') && /"type"\s*:\s*"gephi-lite"/.test(head);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `record[key]` when it is an object (a lookup of per-key data; own keys only). */
function entryOf(record: unknown, key: string): Record<string, unknown> | undefined {
  if (!isObject(record) || !Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  const value = record[key];
  return isObject(value) ? value : undefined;
}

function merged(...records: Array<Record<string, unknown> | undefined>): Record<string, unknown> | undefined {
  const present = records.filter((record): record is Record<string, unknown> => record !== undefined);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  const out: Record<string, unknown> = {};
  for (const record of present) {
    for (const [name, value] of Object.entries(record)) {
      if (!Object.prototype.hasOwnProperty.call(out, name)) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

function hasFilters(filters: unknown): boolean {
  if (Array.isArray(filters)) return filters.length > 0;
  if (!isObject(filters)) return false;
  return Array.isArray(filters.filters) && filters.filters.length > 0;
}

/** Reads a Gephi Lite project file. Never throws: problems come back as the result's issues. */
export function parseGephiLite(text: string, options: GephiLiteOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const log = new IssueLog(options.file);
  const data = readJsonText(text, log);
  if (data === undefined) return resultOf(part, log.issues);
  if (!isObject(data) || data.type !== 'gephi-lite') {
    log.error(
      'wrong-format',
      isObject(data) && Array.isArray(data.nodes)
        ? 'this JSON file is a plain graphology graph, not a Gephi Lite project; read it as graphology JSON'
        : 'this JSON file is not a Gephi Lite project: it should say "type": "gephi-lite"',
      { field: 'type' },
    );
    return resultOf(part, log.issues);
  }
  const dataset = data.graphDataset;
  if (!isObject(dataset)) {
    log.error('wrong-format', 'the Gephi Lite project has no graphDataset, so there is no network in it', { field: 'graphDataset' });
    return resultOf(part, log.issues);
  }
  const graph = dataset.fullGraph;
  const read = readSerializedGraph(
    graph,
    {
      path: 'graphDataset.fullGraph',
      nodeData: (key) => merged(entryOf(dataset.nodeData, key), entryOf(dataset.nodeRenderingData, key)),
      edgeData: (key) => merged(entryOf(dataset.edgeData, key), entryOf(dataset.edgeRenderingData, key)),
    },
    part,
    log,
  );
  if (read) {
    const metadata = isObject(dataset.metadata) ? dataset.metadata : {};
    if (typeof metadata.title === 'string' && metadata.title.trim() !== '') part.name = metadata.title.trim();
    if (typeof metadata.description === 'string' && metadata.description.trim() !== '') part.description = metadata.description.trim();
    if (hasFilters(data.filters)) {
      log.warn('filters-ignored', "the project's filters were not applied: every node and edge in it was read", { field: 'filters' });
    }
  }
  return resultOf(part, log.issues);
}
