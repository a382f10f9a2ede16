/**
 * Network Canvas's GraphML export: the `nc` namespace (http://schema.networkcanvas.com/xmlns), one
 * `<graph>` per interview with the session on the graph element (`nc:caseId`, `nc:sessionUUID`,
 * `nc:protocolName`...), the ego's variables as `<data>` of the graph, nodes and edges numbered
 * per interview with `networkCanvasUUID` and `networkCanvasType` data, and categorical variables
 * as one boolean key per option (id `<variable>_<sha1 of the option>`, name `<var>_<option>`).
 *
 * Read into interviews (network-canvas.ts), not into one graph: generic GraphML (graphml.ts)
 * reads several graphs as relation layers, which would be wrong here.
 */
import type { Attributes } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { fail, resultOf, type Result } from '../core/util/result.ts';
import { setAttribute } from './attribute-columns.ts';
import { readGraphmlKeys, type GraphmlKeys } from './graphml-keys.ts';
import { categoricalGroups, foldCategoricals, layoutColumns, NC_COLUMNS, sharedPrefix, type NcEdge, type NcExport, type NcInterview } from './network-canvas.ts';
import { readTypedValue } from './typed-values.ts';
import { attribute, children, readXml, textOf, type XmlDocument, type XmlElement } from './xml-read.ts';

const REPEATABLE = new Set(['key', 'graph', 'node', 'edge', 'data']);
const NC_NAMESPACE = /xmlns:nc\s*=\s*["']http:\/\/schema\.networkcanvas\.com\/xmlns/;
/** Keys the exporter adds that are bookkeeping, not variables. */
const RESERVED = new Set<string>([NC_COLUMNS.uuid, NC_COLUMNS.type, NC_COLUMNS.source, NC_COLUMNS.target, 'label']);
const OPTION_ID = /^(.+)_[0-9a-f]{40}$/i;

/** Whether a GraphML text was written by Network Canvas (its namespace or its reserved keys). */
export function hasNetworkCanvasMarks(text: string): boolean {
  const head = text.slice(0, 65536);
  return NC_NAMESPACE.test(head) || (head.includes(`"${NC_COLUMNS.uuid}"`) && head.includes(`"${NC_COLUMNS.type}"`));
}

/** Categorical option keys grouped by the variable their id names, then named by their shared prefix. */
function optionGroups(keys: GraphmlKeys): Map<string, string[]> {
  const byVariable = new Map<string, string[]>();
  for (const key of keys.values()) {
    const match = OPTION_ID.exec(key.id);
    if (match === null || key.type.toLowerCase() !== 'boolean') continue;
    const list = byVariable.get(match[1] as string) ?? [];
    list.push(key.name);
    byVariable.set(match[1] as string, list);
  }
  const groups = new Map<string, string[]>();
  for (const names of byVariable.values()) {
    const name = names.length > 1 ? sharedPrefix(names) : names[0]?.slice(0, names[0].lastIndexOf('_'));
    if (name !== undefined && name !== '') groups.set(name, names);
  }
  // Files whose option ids are not hashed still fold by their names.
  return groups.size > 0 ? groups : categoricalGroups([...keys.values()].filter((k) => k.type.toLowerCase() === 'boolean').map((k) => k.name));
}

interface Values {
  reserved: Map<string, string>;
  attributes: Attributes;
}

/** An element's data: the reserved keys by id, the variables typed by their keys' names. */
function readValues(element: XmlElement, keys: GraphmlKeys, groups: ReadonlyMap<string, readonly string[]>, log: IssueLog, line: number | undefined): Values {
  const reserved = new Map<string, string>();
  const attributes: Attributes = {};
  const layout = layoutColumns([...keys.values()].map((k) => k.name));
  for (const data of children(element, 'data')) {
    const id = attribute(data, 'key') ?? '';
    const key = keys.get(id);
    if (key === undefined) {
      if (RESERVED.has(id)) reserved.set(id, textOf(data));
      continue;
    }
    if (layout.has(key.name)) continue;
    if (RESERVED.has(key.id) || RESERVED.has(key.name)) {
      reserved.set(key.name, textOf(data));
      continue;
    }
    const reading = readTypedValue(textOf(data), key.type, key.name);
    if (reading.ok) setAttribute(attributes, key.name, reading.value);
    else {
      log.warn('bad-attribute', `${reading.message}; it was kept as text`, { ...(line !== undefined ? { row: line } : {}), field: key.name });
      setAttribute(attributes, key.name, textOf(data));
    }
  }
  return { reserved, attributes: foldCategoricals(attributes, groups) };
}

function readInterview(graph: XmlElement, index: number, document: XmlDocument, keys: Record<'graph' | 'node' | 'edge', GraphmlKeys>, log: IssueLog): NcInterview {
  const file = log.file;
  const graphLine = document.lineOf(graph);
  const ego = readValues(graph, keys.graph, optionGroups(keys.graph), log, graphLine);
  const caseId = attribute(graph, 'caseId');
  const sessionId = attribute(graph, 'sessionUUID');
  const protocol = attribute(graph, 'protocolName');
  const interview: NcInterview = {
    egoUuid: ego.reserved.get(NC_COLUMNS.uuid) || sessionId || caseId || `graph ${index + 1}`,
    ...(caseId ? { caseId } : {}),
    ...(sessionId ? { sessionId } : {}),
    ...(protocol ? { protocol } : {}),
    attributes: ego.attributes,
    at: { file, row: graphLine ?? 1, rowUnit: 'line' },
    alters: [],
    edges: [],
  };
  const nodeGroups = optionGroups(keys.node);
  const edgeGroups = optionGroups(keys.edge);
  const uuidOf = new Map<string, string>();
  for (const node of children(graph, 'node')) {
    const line = document.lineOf(node) ?? graphLine ?? 1;
    const id = attribute(node, 'id') ?? '';
    const values = readValues(node, keys.node, nodeGroups, log, line);
    const uuid = values.reserved.get(NC_COLUMNS.uuid) || `${interview.egoUuid}/${id}`;
    if (id === '') log.error('missing-id', 'this node has no id', { row: line, field: 'id' });
    else if (uuidOf.has(id)) log.error('duplicate-node', `node "${id}" is declared twice in this interview`, { row: line, field: 'id' });
    uuidOf.set(id, uuid);
    const label = values.reserved.get('label');
    const attributes = values.attributes;
    // The exporter's label is the node's name variable, or "Node" when it has none.
    if (attributes.name === undefined && label !== undefined && label !== '' && label !== 'Node') setAttribute(attributes, 'name', label);
    interview.alters.push({ uuid, type: values.reserved.get(NC_COLUMNS.type) || 'node', attributes, at: { file, row: line, rowUnit: 'line' } });
  }
  for (const edge of children(graph, 'edge')) {
    const line = document.lineOf(edge) ?? graphLine ?? 1;
    const values = readValues(edge, keys.edge, edgeGroups, log, line);
    const ends: Array<string | undefined> = [];
    for (const field of ['source', 'target'] as const) {
      const id = attribute(edge, field) ?? '';
      const uuid = uuidOf.get(id);
      if (uuid === undefined) log.error('unknown-node', id === '' ? `this edge has no ${field}` : `the edge's ${field} "${id}" is no node of this interview`, { row: line, field });
      ends.push(uuid);
    }
    const [source, target] = ends;
    if (source === undefined || target === undefined) continue;
    const parsed: NcEdge = { type: values.reserved.get(NC_COLUMNS.type) || 'tie', source, target, attributes: values.attributes, at: { file, row: line, rowUnit: 'line' }, sourceField: 'source', targetField: 'target' };
    interview.edges.push(parsed);
  }
  return interview;
}

/** Reads a Network Canvas GraphML export into its interviews. Never throws. */
export function readNetworkCanvasGraphml(text: string, file: string): Result<NcExport> {
  const read = readXml(text, { file, repeatable: REPEATABLE });
  if (!read.ok) return fail(read.issues);
  const document = read.value;
  const log = new IssueLog(file);
  if (document.rootName !== 'graphml') {
    log.error('not-graphml', `the file's root element is <${document.rootName}>, not <graphml>`);
    return fail(log.issues);
  }
  const root = document.root;
  const keys = { graph: readGraphmlKeys(root, 'graph'), node: readGraphmlKeys(root, 'node'), edge: readGraphmlKeys(root, 'edge') };
  const graphs = children(root, 'graph');
  if (graphs.length === 0) log.error('no-graph', 'the file holds no <graph>: no interview to read');
  const interviews = graphs.map((graph, i) => readInterview(graph, i, document, keys, log));
  return resultOf({ files: [file], interviews }, [...read.issues, ...log.issues]);
}
