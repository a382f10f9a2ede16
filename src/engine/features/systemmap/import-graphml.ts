/**
 * System maps from GraphML (yEd, Cytoscape, Gephi, networkx, and netweave's own export): nodes
 * are factors, edges causal links. Node data keys named label/name give the label (else yEd's
 * NodeLabel), description and tags (`|`- or `;`-separated); a node key `type` naming an actor
 * type makes the node an actor. An edge's polarity comes from a data key named polarity or sign;
 * else from one named effect, type, interaction, label or relation when all its values are signs;
 * else from yEd's EdgeLabel text; else from the sign of a `weight`; strength from `strength` (or `weight` when it did not
 * give the sign); delay from `delay`; note from `note` or `description`. Other keys are kept as
 * attributes. Edges of an undirected graph are read from source to target, with a warning.
 */
import { graphmlKeyNamed, readGraphmlKeys, type GraphmlKeys } from '../../io/graphml-keys.ts';
import type { Attributes } from '../../core/model/records.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { readSoFar, resultOf, type Reading } from '../../core/util/result.ts';
import { setAttribute } from '../../io/attribute-columns.ts';
import { parseNumberText } from '../../io/numbers.ts';
import { readTypedValue } from '../../io/typed-values.ts';
import type { SourceFile } from '../../io/types.ts';
import { attribute, children, findDescendant, readXml, textOf } from '../../io/xml-read.ts';
import type { XmlDocument, XmlElement } from '../../io/xml-read.ts';
import { assembleSystemMap } from './assemble.ts';
import type { AssembleOptions, SystemMapImportResult } from './assemble.ts';
import { emptySystemMapPart, isActorType } from './drafts.ts';
import type { DraftOrigin, SystemMapPart } from './drafts.ts';
import { parsePolarity } from './polarity.ts';
import { appendAll } from '../../core/util/append-all.ts';

export interface SystemMapGraphmlOptions {
  /** Element types (a node `type` key) read as actors, lower case. Default ACTOR_TYPES. */
  actorTypes?: readonly string[];
}

const REPEATABLE = new Set(['key', 'graph', 'node', 'edge', 'data', 'port']);
const EXPLICIT_POLARITY_KEYS = ['polarity', 'sign'];
const LOOSE_POLARITY_KEYS = ['effect', 'type', 'interaction', 'label', 'relation'];




interface Values {
  values: Map<string, string>;
  graphics: XmlElement[];
}

function readValues(element: XmlElement, keys: GraphmlKeys): Values {
  const values = new Map<string, string>();
  const graphics: XmlElement[] = [];
  for (const data of children(element, 'data')) {
    const key = keys.get(attribute(data, 'key') ?? '');
    if (key === undefined) continue;
    if (key.graphics !== undefined) graphics.push(data);
    else values.set(key.id, textOf(data));
  }
  for (const key of keys.values()) if (key.graphics === undefined && !values.has(key.id) && key.default !== undefined) values.set(key.id, key.default);
  return { values, graphics };
}

function graphicsLabel(values: Values, tag: string): string {
  for (const g of values.graphics) {
    const label = findDescendant(g, tag);
    if (label !== undefined && textOf(label) !== '') return textOf(label);
  }
  return '';
}

function otherAttributes(keys: GraphmlKeys, values: Values, used: ReadonlySet<string | undefined>): Attributes | undefined {
  const attributes: Attributes = {};
  for (const key of keys.values()) {
    if (key.graphics !== undefined || used.has(key.id)) continue;
    const raw = values.values.get(key.id);
    if (raw === undefined || raw === '') continue;
    const reading = readTypedValue(raw, key.type, key.name);
    setAttribute(attributes, key.name, reading.ok ? reading.value : raw);
  }
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

function collect(graph: XmlElement, nodes: XmlElement[], edges: XmlElement[]): void {
  for (const node of children(graph, 'node')) {
    const inner = children(node, 'graph');
    nodes.push(node);
    for (const sub of inner) collect(sub, nodes, edges);
  }
  appendAll(edges, children(graph, 'edge'));
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'delay', 'delayed']);

function readGraph(document: XmlDocument, part: SystemMapPart, log: IssueLog, options: SystemMapGraphmlOptions): void {
  const graph = children(document.root, 'graph')[0];
  if (graph === undefined) {
    log.error('no-graph', 'the GraphML file has no <graph> element, so there is no map in it');
    return;
  }
  const where = (line: number | undefined): { row?: number } => (line !== undefined ? { row: line } : {});
  const edgeDefault = attribute(graph, 'edgedefault')?.toLowerCase();
  if (edgeDefault !== 'directed') {
    log.warn(
      'assumed-directed',
      `the graph is ${edgeDefault === undefined ? 'not declared directed' : `"${edgeDefault}"`}, but causal links have a direction; each edge was read from its source to its target`,
      { ...where(document.lineOf(graph)), field: 'edgedefault' },
    );
  }
  const nodeKeys = readGraphmlKeys(document.root, 'node');
  const edgeKeys = readGraphmlKeys(document.root, 'edge');
  const labelKey = graphmlKeyNamed(nodeKeys, ['label', 'name']);
  const descriptionKey = graphmlKeyNamed(nodeKeys, ['description']);
  const tagsKey = graphmlKeyNamed(nodeKeys, ['tags', 'tag']);
  const typeKey = graphmlKeyNamed(nodeKeys, ['type', 'element type', 'kind']);
  const edgeElements: XmlElement[] = [];
  const weightKey = graphmlKeyNamed(edgeKeys, ['weight']);
  const strengthKey = graphmlKeyNamed(edgeKeys, ['strength']);
  const delayKey = graphmlKeyNamed(edgeKeys, ['delay']);
  const noteKey = graphmlKeyNamed(edgeKeys, ['note', 'description']);

  const nodes: XmlElement[] = [];
  const edges = edgeElements;
  collect(graph, nodes, edges);
  const edgeValues = edges.map((element) => readValues(element, edgeKeys));
  // An explicit polarity or sign key is always the polarity; a looser name (type, label, ...)
  // only when every value it holds reads as a sign.
  const polarityKey =
    graphmlKeyNamed(edgeKeys, EXPLICIT_POLARITY_KEYS) ??
    LOOSE_POLARITY_KEYS.map((name) => graphmlKeyNamed(edgeKeys, [name])).find(
      (key) =>
        key !== undefined &&
        edgeValues.some((v) => (v.values.get(key.id) ?? '') !== '') &&
        edgeValues.every((v) => {
          const value = v.values.get(key.id) ?? '';
          return value === '' || parsePolarity(value) !== undefined;
        }),
    );
  for (const element of nodes) {
    const line = document.lineOf(element);
    const id = attribute(element, 'id') ?? '';
    if (id === '') {
      log.error('missing-id', 'a node has no id', { ...where(line), field: 'id' });
      continue;
    }
    if (children(element, 'graph').length > 0) {
      log.warn('nested-graph', `node "${id}" is a group holding its own nodes; it was read as a factor and its members as factors too`, { ...where(line), field: 'id' });
    }
    const values = readValues(element, nodeKeys);
    const label = (labelKey === undefined ? '' : (values.values.get(labelKey.id) ?? '')) || graphicsLabel(values, 'NodeLabel') || id;
    const origin: DraftOrigin = { file: part.file, ...where(line) };
    const used = new Set([labelKey?.id, descriptionKey?.id, tagsKey?.id]);
    const attributes = otherAttributes(nodeKeys, values, used);
    const type = typeKey === undefined ? undefined : values.values.get(typeKey.id);
    if (isActorType(type, options.actorTypes)) {
      part.actors.push({ id, label, ...(attributes ? { attributes } : {}), origin, field: 'id' });
      continue;
    }
    const description = descriptionKey === undefined ? '' : (values.values.get(descriptionKey.id) ?? '');
    const tagsText = tagsKey === undefined ? '' : (values.values.get(tagsKey.id) ?? '');
    const tags = tagsText
      .split(/[|;]/)
      .map((t) => t.trim())
      .filter((t) => t !== '');
    part.factors.push({
      id,
      label,
      ...(description ? { description } : {}),
      ...(tags.length > 0 ? { tags } : {}),
      ...(attributes ? { attributes } : {}),
      origin,
      field: 'id',
    });
  }
  part.listsFactors = part.factors.length > 0;

  let signFromWeight = false;
  let edgeLabelUsed = false;
  edges.forEach((element, edgeIndex) => {
    const line = document.lineOf(element);
    const origin: DraftOrigin = { file: part.file, ...where(line) };
    const values = edgeValues[edgeIndex] as Values;
    let polarity: string | undefined;
    let polarityField = polarityKey?.name ?? 'polarity';
    const used = new Set<string | undefined>([polarityKey?.id, strengthKey?.id, delayKey?.id, noteKey?.id]);
    if (polarityKey !== undefined) polarity = values.values.get(polarityKey.id) ?? '';
    let strength: number | undefined;
    const weightText = weightKey === undefined ? undefined : values.values.get(weightKey.id);
    const weight = weightText === undefined ? undefined : parseNumberText(weightText);
    if (polarity === undefined) {
      const edgeLabel = graphicsLabel(values, 'EdgeLabel');
      if (edgeLabel !== '' && parsePolarity(edgeLabel) !== undefined) {
        polarity = edgeLabel;
        polarityField = 'EdgeLabel';
        edgeLabelUsed = true;
      } else if (weight !== undefined && weight !== 0 && Number.isFinite(weight)) {
        polarity = weight < 0 ? '-' : '+';
        polarityField = weightKey?.name ?? 'weight';
        strength = Math.abs(weight);
        signFromWeight = true;
        used.add(weightKey?.id);
      }
    }
    const strengthText = strengthKey === undefined ? undefined : values.values.get(strengthKey.id);
    if (strengthText !== undefined && strengthText !== '') {
      const value = parseNumberText(strengthText);
      if (value === undefined || value === 0) {
        log.warn('bad-strength', `strength "${strengthText}" is not a non-zero number; the link was kept without a strength`, { ...where(line), field: strengthKey?.name ?? 'strength' });
      } else strength = value;
    }
    const delayText = delayKey === undefined ? '' : (values.values.get(delayKey.id) ?? '').toLowerCase();
    const note = noteKey === undefined ? '' : (values.values.get(noteKey.id) ?? '');
    const attributes = otherAttributes(edgeKeys, values, used);
    part.links.push({
      ...(attribute(element, 'id') ? { id: attribute(element, 'id') as string } : {}),
      from: attribute(element, 'source') ?? '',
      to: attribute(element, 'target') ?? '',
      ...(polarity !== undefined ? { polarity } : {}),
      ...(strength !== undefined ? { strength } : {}),
      ...(TRUE.has(delayText) ? { delay: true } : {}),
      ...(note ? { note } : {}),
      ...(attributes ? { attributes } : {}),
      origin,
      fields: { from: 'source', to: 'target', polarity: polarityField, strength: strengthKey?.name ?? 'strength' },
    });
  });
  if (signFromWeight) log.warn('sign-from-weight', 'the edges have no polarity key; each link\'s sign was read from the sign of its weight');
  if (edgeLabelUsed) log.warn('sign-from-label', 'the edges have no polarity key; signs were read from the edge labels drawn in yEd');
}

/** Reads a GraphML file into a part. Never throws. */
export function parseSystemMapGraphml(file: SourceFile, options: SystemMapGraphmlOptions = {}): Reading<SystemMapPart> {
  const part = emptySystemMapPart(file.name);
  const read = readXml(file.text, { file: file.name, repeatable: REPEATABLE });
  const document = readSoFar(read);
  if (document === undefined) return resultOf(part, read.issues);
  const log = new IssueLog(file.name);
  if (document.rootName !== 'graphml') {
    log.error('wrong-format', `this XML file is not GraphML: its top element is <${document.rootName}>, not <graphml>`, { row: document.lineOf(document.root) ?? 1 });
  } else {
    readGraph(document, part, log, options);
  }
  return resultOf(part, [...read.issues, ...log.issues]);
}

/** Reads a GraphML file into a map. Never throws. */
export function importSystemMapGraphml(file: SourceFile, options: AssembleOptions & SystemMapGraphmlOptions = {}): SystemMapImportResult {
  return assembleSystemMap([parseSystemMapGraphml(file, options)], options);
}
