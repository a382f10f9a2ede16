/**
 * GEXF (Gephi's format, versions 1.1 to 1.3): nodes with labels and typed attributes declared in
 * `<attributes>`, edges with weight (0, which Gephi allows, is read as 1 with a warning: see
 * `readTieWeight`), direction and a relation taken from a `relation` attribute, the edge `kind`
 * (1.3) or its label.
 */
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
import { attribute, children, rawAttribute, textOf, textValue } from './xml-read.ts';
import type { XmlDocument, XmlElement } from './xml-read.ts';

export interface GexfOptions {
  /** File name used in issues. */
  file: string;
}

const REPEATABLE = new Set([
  'graph',
  'attributes',
  'attribute',
  'nodes',
  'node',
  'edges',
  'edge',
  'attvalues',
  'attvalue',
]);

interface AttributeDefinition {
  title: string;
  type: string;
  default: string | undefined;
}

type Definitions = Map<string, AttributeDefinition>;

function readDefinitions(graph: XmlElement, kind: 'node' | 'edge'): Definitions {
  const definitions: Definitions = new Map();
  for (const group of children(graph, 'attributes')) {
    if ((attribute(group, 'class') ?? 'node').toLowerCase() !== kind) continue;
    for (const definition of children(group, 'attribute')) {
      const id = attribute(definition, 'id');
      if (id === undefined) continue;
      const fallback = children(definition, 'default')[0];
      definitions.set(id, {
        // Our exports name an attribute whose title had to change (`label (attribute)`).
        title: rawAttribute(definition, 'netweave.name') ?? (rawAttribute(definition, 'title') || id),
        type: attribute(definition, 'type') ?? 'string',
        default: fallback === undefined ? undefined : textValue(fallback),
      });
    }
  }
  return definitions;
}

/**
 * Typed attribute values of a node or edge, every declared attribute present (null when the
 * element has no value and no default), so all people share the same attribute names.
 */
function readAttvalues(
  document: XmlDocument,
  element: XmlElement,
  definitions: Definitions,
  line: number | undefined,
  log: IssueLog,
  warned: Set<string>,
): Attributes {
  const raw = new Map<string, string>();
  const lines = new Map<string, number | undefined>();
  for (const group of children(element, 'attvalues')) {
    for (const value of children(group, 'attvalue')) {
      // GEXF 1.0 wrote `id`, later versions `for`.
      const key = attribute(value, 'for') ?? attribute(value, 'id');
      if (key === undefined) continue;
      if (!definitions.has(key)) {
        if (!warned.has(`unknown:${key}`)) {
          warned.add(`unknown:${key}`);
          log.warn('unknown-attribute', `a value refers to attribute "${key}", which the file does not declare; it was ignored`, {
            ...(line !== undefined ? { row: line } : {}),
          });
        }
        continue;
      }
      if (raw.has(key)) {
        if (!warned.has('dynamic')) {
          warned.add('dynamic');
          log.warn('dynamic-attribute', 'some attributes have several values over time; only the first value of each was kept', {
            ...(line !== undefined ? { row: line } : {}),
          });
        }
        continue;
      }
      raw.set(key, rawAttribute(value, 'value') ?? '');
      lines.set(key, document.lineOf(value) ?? line);
    }
  }
  const attributes: Attributes = {};
  for (const [id, definition] of definitions) {
    const text = raw.get(id) ?? definition.default ?? '';
    const reading = readTypedValue(text, definition.type, definition.title);
    if (reading.ok) {
      setAttribute(attributes, definition.title, reading.value);
    } else {
      // Keep the text rather than drop it: the user sees both the value and the warning.
      const at = lines.get(id) ?? line;
      log.warn('bad-attribute', `${reading.message}; it was kept as text`, {
        ...(at !== undefined ? { row: at } : {}),
        field: definition.title,
      });
      setAttribute(attributes, definition.title, text);
    }
  }
  return attributes;
}

/** Nodes in document order, nested (hierarchical) nodes included. */
function collectNodes(container: XmlElement, out: XmlElement[], nested: { found: boolean }): void {
  for (const group of children(container, 'nodes')) {
    for (const node of children(group, 'node')) {
      out.push(node);
      if (children(node, 'nodes').length > 0) {
        nested.found = true;
        collectNodes(node, out, nested);
      }
    }
  }
}

function readGraph(document: XmlDocument, part: ImportPart, log: IssueLog): void {
  const graphs = children(document.root, 'graph');
  const graph = graphs[0];
  if (graph === undefined) {
    log.error('no-graph', 'the GEXF file has no <graph> element, so there is no network in it');
    return;
  }
  if (graphs.length > 1) log.warn('extra-graph', 'the file holds several graphs; only the first was read');
  const description = children(document.root, 'meta').flatMap((meta) => children(meta, 'description'))[0];
  if (description !== undefined && textOf(description) !== '') part.description = textOf(description);

  const defaultType = (attribute(graph, 'defaultedgetype') ?? 'undirected').toLowerCase();
  let defaultDirected = defaultType === 'directed';
  if (!['directed', 'undirected', 'mutual'].includes(defaultType)) {
    log.warn('bad-edge-type', `defaultedgetype "${defaultType}" is not directed, undirected or mutual; edges were read as undirected`, {
      ...(document.lineOf(graph) !== undefined ? { row: document.lineOf(graph) as number } : {}),
      field: 'defaultedgetype',
    });
    defaultDirected = false;
  }
  const nodeDefinitions = readDefinitions(graph, 'node');
  const edgeDefinitions = readDefinitions(graph, 'edge');
  const warned = new Set<string>();

  const nodeElements: XmlElement[] = [];
  const nested = { found: false };
  collectNodes(graph, nodeElements, nested);
  if (nested.found) {
    log.warn('nested-nodes', 'the file groups nodes inside other nodes; every node, group or member, was read as a person');
  }
  const nodes: XmlNodeDraft[] = [];
  for (const element of nodeElements) {
    const line = document.lineOf(element);
    const id = attribute(element, 'id') ?? '';
    if (id === '') {
      log.error('missing-id', 'a node has no id', { ...(line !== undefined ? { row: line } : {}), field: 'id' });
      continue;
    }
    const person: Person = {
      id,
      label: rawAttribute(element, 'label') || id,
      attributes: readAttvalues(document, element, nodeDefinitions, line, log, warned),
    };
    nodes.push({ person, ...(line !== undefined ? { line } : {}) });
  }

  const relationKey = [...edgeDefinitions.entries()].find(
    ([, definition]) => definition.title.trim().toLowerCase() === 'relation',
  );
  const edges: XmlEdgeDraft[] = [];
  const edgeElements = children(graph, 'edges').flatMap((group) => children(group, 'edge'));
  for (const element of edgeElements) {
    const ends = edgeEnds(document, element, log);
    const { line, where, source, target } = ends;
    let ok = ends.ok;
    let weight = 1;
    const rawWeight = attribute(element, 'weight');
    if (rawWeight !== undefined && rawWeight !== '') {
      const reading = readTieWeight(rawWeight, 'weight');
      if (reading.ok) {
        weight = reading.weight;
        // weight="0.0": Gephi allows it; read as weight 1 with a warning (see readTieWeight).
        if (reading.issue !== undefined) log.warn(reading.issue.code, reading.issue.message, { ...where, field: 'weight' });
      } else {
        log.error('bad-weight', reading.message, { ...where, field: 'weight' });
        ok = false;
      }
    }
    const type = (attribute(element, 'type') ?? '').toLowerCase();
    let directed = defaultDirected;
    if (type === 'directed') directed = true;
    else if (type === 'undirected' || type === 'mutual') directed = false;
    else if (type !== '') {
      log.warn('bad-edge-type', `edge type "${type}" is not directed, undirected or mutual; the graph's default was used`, {
        ...where,
        field: 'type',
      });
    }
    if (!ok) continue;
    const attributes = readAttvalues(document, element, edgeDefinitions, line, log, warned);
    let relation = '';
    if (relationKey !== undefined) {
      const value = attributes[relationKey[1].title];
      if (typeof value === 'string' || typeof value === 'number') relation = String(value).trim();
      delete attributes[relationKey[1].title];
    }
    relation ||= attribute(element, 'kind') || attribute(element, 'label') || 'tie';
    const tie: Tie = { source, target, relation, directed, weight };
    if (Object.keys(attributes).length > 0) tie.attributes = attributes;
    edges.push({ tie, ...(line !== undefined ? { line } : {}) });
  }
  fillXmlGraph(part, nodes, edges, log);
}

/** Reads a GEXF file. Never throws: problems come back as the result's issues. */
export function parseGexf(text: string, options: GexfOptions): Result<ImportPart> {
  return parseXmlGraphFile(text, options.file, 'gexf', REPEATABLE, readGraph);
}
