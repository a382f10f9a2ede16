/**
 * GraphML as yEd, yEd Live, Cytoscape, Gephi, networkx, igraph and SocNetV write it: `<key>`
 * declarations with names and types, `<data>` values, `edgedefault` and per-edge `directed`. A
 * key named weight gives tie weights (0 is read as 1 with a warning, see `readTieWeight`); label
 * or name gives node labels, else the label yEd (`<y:NodeLabel>`) or yEd Live / yFiles for HTML
 * (`<y:Label Text>` in a NodeLabels value) draws, with a warning for a node that has none;
 * relation, type, label or interaction (Cytoscape) on edges gives the relation. A file with
 * several `<graph>` elements (SocNetV writes one per relation) gives one relation layer per
 * graph, named by its `relation` or `name` data or its id, with people merged by id.
 */
import { graphmlKeyNamed, readGraphmlKeys, type GraphmlKeys } from './graphml-keys.ts';
import type { Attributes, Person, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { parseXmlGraphFile } from './xml-graph-file.ts';
import { setAttribute } from './attribute-columns.ts';
import { readTieWeight } from './merge-ties.ts';
import { readTypedValue } from './typed-values.ts';
import type { ImportPart } from './types.ts';
import type { Result } from '../core/util/result.ts';
import { edgeEnds, fillXmlGraph } from './xml-graph.ts';
import type { XmlEdgeDraft, XmlNodeDraft } from './xml-graph.ts';
import { attribute, children, findDescendant, textOf, textValue } from './xml-read.ts';
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
      values.set(id, textValue(data));
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
  // A loop, not push(...): a graph can hold more edges than a call takes arguments.
  for (const edge of children(graph, 'edge')) edges.push(edge);
}

/**
 * A node label drawn by yEd or yFiles: yEd's `<y:NodeLabel>` text inside a nodegraphics value,
 * or yFiles for HTML's (yEd Live's) `<x:List><y:Label Text="...">` or `<y:Label.Text>` inside a
 * NodeLabels value. The first non-empty one; '' when there is none.
 */
function drawnLabel(graphics: readonly XmlElement[]): string {
  for (const data of graphics) {
    const nodeLabel = findDescendant(data, 'NodeLabel');
    if (nodeLabel !== undefined && textOf(nodeLabel) !== '') return textOf(nodeLabel);
    for (const list of children(data, 'List')) {
      for (const label of children(list, 'Label')) {
        const text = attribute(label, 'Text') ?? children(label, 'Label.Text').map(textOf).find((t) => t !== '') ?? '';
        if (text !== '') return text;
      }
    }
  }
  return '';
}

/** Whether any node key can carry a label drawn by yEd or yFiles. */
function drawsLabels(keys: Keys): boolean {
  for (const key of keys.values()) {
    const kind = key.graphics?.toLowerCase();
    if (kind === 'nodegraphics' || kind === 'nodelabels') return true;
  }
  return false;
}

/** The name of one graph among several: its `relation` or `name` data, else its id, else its position. */
function graphName(graph: XmlElement, graphKeys: Keys, index: number): string {
  const named = graphmlKeyNamed(graphKeys, ['relation', 'name']);
  if (named !== undefined) {
    const value = children(graph, 'data').find((data) => attribute(data, 'key') === named.id);
    const text = value === undefined ? (named.default ?? '') : textOf(value);
    if (text !== '') return text;
  }
  return attribute(graph, 'id') || `graph ${index + 1}`;
}

interface GraphContext {
  document: XmlDocument;
  log: IssueLog;
  nodeKeys: Keys;
  edgeKeys: Keys;
  warned: Set<string>;
  /** Several graphs: each is a relation layer named `relation`. */
  relation: string | undefined;
  index: number;
  /** Nodes declared without a label so far (id → line), reported once all graphs are read. */
  unlabelled: Map<string, { line: number | undefined; drawn: boolean; field: string }>;
  labelled: Set<string>;
}

function readOneGraph(graph: XmlElement, context: GraphContext, nodes: XmlNodeDraft[], edges: XmlEdgeDraft[]): void {
  const { document, log, nodeKeys, edgeKeys, warned, relation: graphRelation, index, unlabelled, labelled } = context;
  const graphLine = document.lineOf(graph);
  const edgeDefault = attribute(graph, 'edgedefault')?.toLowerCase();
  const named = graphRelation === undefined ? '' : ` "${graphRelation}"`;
  if (edgeDefault === undefined) {
    log.warn('assumed-undirected', `the graph${named} does not say whether its edges are directed (edgedefault); they were read as undirected`, {
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
  const labelKey = graphmlKeyNamed(nodeKeys, LABEL_NAMES);
  const weightKey = graphmlKeyNamed(edgeKeys, ['weight']);
  // With several graphs the graph names the relation; an edge's label or type stays an attribute.
  const relationKey = graphRelation === undefined ? graphmlKeyNamed(edgeKeys, RELATION_NAMES) : undefined;
  const labelsDrawn = drawsLabels(nodeKeys);

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

  for (const element of nodeElements) {
    const line = document.lineOf(element);
    const id = attribute(element, 'id') ?? '';
    if (id === '') {
      log.error('missing-id', 'a node has no id', { ...(line !== undefined ? { row: line } : {}), field: 'id' });
      continue;
    }
    const data = readData(document, element, nodeKeys, line, log, warned);
    let label = labelKey === undefined ? '' : (data.values.get(labelKey.id) ?? labelKey.default ?? '');
    if (label === '') label = drawnLabel(data.graphics);
    if (label !== '') labelled.add(id);
    else if ((labelsDrawn || labelKey !== undefined) && !unlabelled.has(id)) {
      unlabelled.set(id, { line, drawn: labelsDrawn, field: labelKey?.name ?? 'label' });
    }
    const skip = new Set(labelKey === undefined ? [] : [labelKey.id]);
    const person: Person = {
      id,
      label: label || id,
      attributes: typedAttributes(nodeKeys, data, skip, line, log),
    };
    nodes.push({ person, ...(line !== undefined ? { line } : {}), graph: index });
  }

  for (const element of edgeElements) {
    const ends = edgeEnds(document, element, log);
    const { line, where, source, target } = ends;
    let ok = ends.ok;
    const data = readData(document, element, edgeKeys, line, log, warned);
    let weight = 1;
    if (weightKey !== undefined) {
      const raw = data.values.get(weightKey.id) ?? weightKey.default ?? '';
      if (raw !== '') {
        const reading = readTieWeight(raw, weightKey.name);
        const at = data.lines.get(weightKey.id) ?? line;
        if (reading.ok) {
          weight = reading.weight;
          if (reading.issue !== undefined) {
            log.warn(reading.issue.code, reading.issue.message, { ...(at !== undefined ? { row: at } : {}), field: weightKey.name });
          }
        } else {
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
      graphRelation ??
      ((relationKey === undefined ? '' : (data.values.get(relationKey.id) ?? relationKey.default ?? '')) || 'tie');
    const skip = new Set([weightKey?.id, relationKey?.id].filter((id): id is string => id !== undefined));
    const attributes = typedAttributes(edgeKeys, data, skip, line, log);
    const tie: Tie = { source, target, relation, directed, weight };
    if (Object.keys(attributes).length > 0) tie.attributes = attributes;
    edges.push({ tie, ...(line !== undefined ? { line } : {}) });
  }
}

function readGraph(document: XmlDocument, part: ImportPart, log: IssueLog): void {
  const graphs = children(document.root, 'graph');
  if (graphs.length === 0) {
    log.error('no-graph', 'the GraphML file has no <graph> element, so there is no network in it');
    return;
  }
  const nodeKeys = readGraphmlKeys(document.root, 'node');
  const edgeKeys = readGraphmlKeys(document.root, 'edge');
  const graphKeys = readGraphmlKeys(document.root, 'graph');
  const warned = new Set<string>();
  const nodes: XmlNodeDraft[] = [];
  const edges: XmlEdgeDraft[] = [];
  // SocNetV writes one <graph> per relation: each becomes a relation layer, people merged by id.
  const names = new Map<string, number>();
  const unlabelled: GraphContext['unlabelled'] = new Map();
  const labelled = new Set<string>();
  graphs.forEach((graph, index) => {
    let relation: string | undefined;
    if (graphs.length > 1) {
      const name = graphName(graph, graphKeys, index);
      const seen = names.get(name) ?? 0;
      names.set(name, seen + 1);
      relation = seen === 0 ? name : `${name} (${seen + 1})`;
    }
    readOneGraph(graph, { document, log, nodeKeys, edgeKeys, warned, relation, index, unlabelled, labelled }, nodes, edges);
  });
  // Once per person, and only when no graph of the file labels them.
  for (const [id, { line, drawn, field }] of unlabelled) {
    if (labelled.has(id)) continue;
    log.warn('missing-label', `node "${id}" has no label${drawn ? ' in its drawing' : ''}; its id was used as its name`, {
      ...(line !== undefined ? { row: line } : {}),
      field,
    });
  }
  fillXmlGraph(part, nodes, edges, log);
}

/** Reads a GraphML file. Never throws: problems come back as the result's issues. */
export function parseGraphml(text: string, options: GraphmlOptions): Result<ImportPart> {
  return parseXmlGraphFile(text, options.file, 'graphml', REPEATABLE, readGraph);
}
