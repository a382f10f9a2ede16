/**
 * GraphML as yEd, Cytoscape, Gephi, networkx and igraph write it: `<key>` declarations with
 * names and types, `<data>` values, `edgedefault` and per-edge `directed`. A key named weight
 * gives tie weights; label or name gives node labels (else yEd's NodeLabel graphics); relation,
 * type, label or interaction (Cytoscape) on edges gives the relation.
 */
import { graphmlKeyNamed, readGraphmlKeys, type GraphmlKeys } from './graphml-keys.ts';
import type { Attributes, Person, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { parseXmlGraphFile } from './xml-graph-file.ts';
import { setAttribute } from './attribute-columns.ts';
import { parseWeight } from './numbers.ts';
import { readTypedValue } from './typed-values.ts';
import type { ImportPart } from './types.ts';
import type { Result } from '../core/util/result.ts';
import { edgeEnds, fillXmlGraph } from './xml-graph.ts';
import type { XmlEdgeDraft, XmlNodeDraft } from './xml-graph.ts';
import { attribute, children, findDescendant, textOf } from './xml-read.ts';
import type { XmlDocument, XmlElement } from './xml-read.ts';

export interface GraphmlOptions {
  /** File name used in issues. */
  file: string;
}

const REPEATABLE = new Set(['key', 'graph', 'node', 'edge', 'data', 'hyperedge', 'port']);

const LABEL_NAMES = ['label', 'name'];
const RELATION_NAMES = ['relation', 'type', 'label', 'interaction'];


type Keys = GraphmlKeys;



interface DataValues {
  values: Map<string, string>;
  /** The line of each value's <data> element, so issues point at the value itself. */
  lines: Map<string, number | undefined>;
  /** Elements of graphics keys, for yEd labels. */
  graphics: XmlElement[];
}

function readData(
  document: XmlDocument,
  element: XmlElement,
  keys: Keys,
  line: number | undefined,
  log: IssueLog,
  warned: Set<string>,
): DataValues {
  const values = new Map<string, string>();
  const lines = new Map<string, number | undefined>();
  const graphics: XmlElement[] = [];
  for (const data of children(element, 'data')) {
    const id = attribute(data, 'key') ?? '';
    const key = keys.get(id);
    if (key === undefined) {
      if (!warned.has(id)) {
        warned.add(id);
        log.warn('unknown-attribute', `a value refers to key "${id}", which the file does not declare; it was ignored`, {
          ...(line !== undefined ? { row: line } : {}),
        });
      }
      continue;
    }
    if (key.graphics !== undefined) graphics.push(data);
    else {
      values.set(id, textOf(data));
      lines.set(id, document.lineOf(data) ?? line);
    }
  }
  return { values, lines, graphics };
}

/** Typed attributes for every declared data key except those consumed as label, weight, relation. */
function typedAttributes(
  keys: Keys,
  data: DataValues,
  skip: ReadonlySet<string>,
  line: number | undefined,
  log: IssueLog,
): Attributes {
  const { values } = data;
  const attributes: Attributes = {};
  for (const key of keys.values()) {
    if (key.graphics !== undefined || skip.has(key.id)) continue;
    const text = values.get(key.id) ?? key.default ?? '';
    const reading = readTypedValue(text, key.type, key.name);
    if (reading.ok) setAttribute(attributes, key.name, reading.value);
    else {
      const at = data.lines.get(key.id) ?? line;
      log.warn('bad-attribute', `${reading.message}; it was kept as text`, {
        ...(at !== undefined ? { row: at } : {}),
        field: key.name,
      });
      setAttribute(attributes, key.name, text);
    }
  }
  return attributes;
}

/** Nodes and edges of a graph and of graphs nested in its nodes (yEd groups), in file order. */
function collect(graph: XmlElement, nodes: XmlElement[], edges: XmlElement[], groups: XmlElement[]): void {
  for (const node of children(graph, 'node')) {
    const inner = children(node, 'graph');
    if (inner.length > 0) {
      groups.push(node);
      for (const sub of inner) collect(sub, nodes, edges, groups);
    } else {
      nodes.push(node);
    }
  }
  edges.push(...children(graph, 'edge'));
}

function readGraph(document: XmlDocument, part: ImportPart, log: IssueLog): void {
  const graphs = children(document.root, 'graph');
  const graph = graphs[0];
  if (graph === undefined) {
    log.error('no-graph', 'the GraphML file has no <graph> element, so there is no network in it');
    return;
  }
  if (graphs.length > 1) log.warn('extra-graph', 'the file holds several graphs; only the first was read');
  const graphLine = document.lineOf(graph);
  const edgeDefault = attribute(graph, 'edgedefault')?.toLowerCase();
  if (edgeDefault === undefined) {
    log.warn('assumed-undirected', 'the graph does not say whether its edges are directed (edgedefault); they were read as undirected', {
      ...(graphLine !== undefined ? { row: graphLine } : {}),
      field: 'edgedefault',
    });
  } else if (edgeDefault !== 'directed' && edgeDefault !== 'undirected') {
    log.warn('bad-edge-type', `edgedefault "${edgeDefault}" is not directed or undirected; edges were read as undirected`, {
      ...(graphLine !== undefined ? { row: graphLine } : {}),
      field: 'edgedefault',
    });
  }
  const defaultDirected = edgeDefault === 'directed';
  const nodeKeys = readGraphmlKeys(document.root, 'node');
  const edgeKeys = readGraphmlKeys(document.root, 'edge');
  const labelKey = graphmlKeyNamed(nodeKeys, LABEL_NAMES);
  const weightKey = graphmlKeyNamed(edgeKeys, ['weight']);
  const relationKey = graphmlKeyNamed(edgeKeys, RELATION_NAMES);
  const warned = new Set<string>();

  const nodeElements: XmlElement[] = [];
  const edgeElements: XmlElement[] = [];
  const groups: XmlElement[] = [];
  collect(graph, nodeElements, edgeElements, groups);
  for (const group of groups) {
    const line = document.lineOf(group);
    log.warn(
      'nested-graph',
      `node "${attribute(group, 'id') ?? ''}" is a group holding its own nodes; the group was left out and its members read as people`,
      { ...(line !== undefined ? { row: line } : {}), field: 'id' },
    );
  }
  if (children(graph, 'hyperedge').length > 0) {
    log.warn('hyperedge', 'the file has hyperedges (ties among more than two nodes); they were ignored');
  }

  const nodes: XmlNodeDraft[] = [];
  for (const element of nodeElements) {
    const line = document.lineOf(element);
    const id = attribute(element, 'id') ?? '';
    if (id === '') {
      log.error('missing-id', 'a node has no id', { ...(line !== undefined ? { row: line } : {}), field: 'id' });
      continue;
    }
    const data = readData(document, element, nodeKeys, line, log, warned);
    let label = labelKey === undefined ? '' : (data.values.get(labelKey.id) ?? labelKey.default ?? '');
    if (label === '') {
      for (const graphics of data.graphics) {
        const nodeLabel = findDescendant(graphics, 'NodeLabel');
        if (nodeLabel !== undefined && textOf(nodeLabel) !== '') {
          label = textOf(nodeLabel);
          break;
        }
      }
    }
    const skip = new Set(labelKey === undefined ? [] : [labelKey.id]);
    const person: Person = {
      id,
      label: label || id,
      attributes: typedAttributes(nodeKeys, data, skip, line, log),
    };
    nodes.push({ person, ...(line !== undefined ? { line } : {}) });
  }

  const edges: XmlEdgeDraft[] = [];
  for (const element of edgeElements) {
    const ends = edgeEnds(document, element, log);
    const { line, where, source, target } = ends;
    let ok = ends.ok;
    const data = readData(document, element, edgeKeys, line, log, warned);
    let weight = 1;
    if (weightKey !== undefined) {
      const raw = data.values.get(weightKey.id) ?? weightKey.default ?? '';
      if (raw !== '') {
        const reading = parseWeight(raw, weightKey.name);
        if (reading.ok) weight = reading.weight;
        else {
          const at = data.lines.get(weightKey.id) ?? line;
          log.error('bad-weight', reading.message, { ...(at !== undefined ? { row: at } : {}), field: weightKey.name });
          ok = false;
        }
      }
    }
    let directed = defaultDirected;
    const flag = attribute(element, 'directed')?.toLowerCase();
    if (flag === 'true') directed = true;
    else if (flag === 'false') directed = false;
    else if (flag !== undefined) {
      log.warn('bad-edge-type', `directed="${flag}" is not true or false; the graph's default was used`, {
        ...where,
        field: 'directed',
      });
    }
    if (!ok) continue;
    const relation =
      (relationKey === undefined ? '' : (data.values.get(relationKey.id) ?? relationKey.default ?? '')) || 'tie';
    const skip = new Set([weightKey?.id, relationKey?.id].filter((id): id is string => id !== undefined));
    const attributes = typedAttributes(edgeKeys, data, skip, line, log);
    const tie: Tie = { source, target, relation, directed, weight };
    if (Object.keys(attributes).length > 0) tie.attributes = attributes;
    edges.push({ tie, ...(line !== undefined ? { line } : {}) });
  }
  fillXmlGraph(part, nodes, edges, log);
}

/** Reads a GraphML file. Never throws: problems come back as the result's issues. */
export function parseGraphml(text: string, options: GraphmlOptions): Result<ImportPart> {
  return parseXmlGraphFile(text, options.file, 'graphml', REPEATABLE, readGraph);
}
