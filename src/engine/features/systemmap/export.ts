/**
 * Writing a system map back out, in forms that the importers (and other tools) read again:
 * - CSV: a factors file (id, label, description, tags joined with `|`, attributes), a links file
 *   (id, from, to, polarity, strength, delay, note, attributes) and an actors file (actor, works
 *   on). Cells that a spreadsheet could run as formulas get a leading `'` (which the importers
 *   drop again); the polarity column is written as plain `+` / `-` (or Kumu's `+-` / `-+` for
 *   an ambiguous link).
 * - Kumu JSON blueprint: elements (factors with type "Factor" unless they have a type of their
 *   own, actors with type "Organization") and connections (type = polarity, strength, delay,
 *   description = note; actors' "works on" connections). Elements are referred to by label when
 *   labels are unique and equal the ids, else by id.
 * - GraphML (directed): node keys label, description, tags, type and attributes; edge keys
 *   polarity, strength, delay, note and attributes; actors as nodes of type "Organization" with
 *   edges (without polarity) to the factors they work on.
 */
import type { Attributes } from '../../core/model/records.ts';
import { neutraliseCell } from '../../io/csv-cells.ts';
import { attributeColumns, attributeText, xmlEscape as x } from '../../io/export-graph.ts';
import type { AttributeKind, ExportNode } from '../../io/export-graph.ts';
import Papa from 'papaparse';
import type { SystemMap } from '../../core/model/systemmap.ts';
import { isActorType } from './drafts.ts';
import { polarityText } from './polarity.ts';

export interface SystemMapExportOptions {
  /** Write actors and their works-on links too (Kumu JSON, GraphML). Default true. */
  includeActors?: boolean;
}

function columnsOf(records: ReadonlyArray<{ attributes?: Attributes | undefined }>, reserved: readonly string[]): Array<{ key: string; kind: AttributeKind; header: string }> {
  const nodes: ExportNode[] = records.map((r) => ({ id: '', label: '', attributes: r.attributes ?? {}, metrics: {} }));
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  return attributeColumns(nodes).map(({ key, kind }) => {
    let header = key;
    while (taken.has(header.toLowerCase())) header = `attribute ${header}`;
    taken.add(header.toLowerCase());
    return { key, kind, header };
  });
}

function csv(header: string[], rows: Array<Array<string | number>>): string {
  return Papa.unparse({ fields: header.map((h) => String(neutraliseCell(h))), data: rows }, { newline: '\n' }) + '\n';
}

const cell = (value: unknown): string | number => neutraliseCell(value);

/** The factors as CSV. */
export function factorsCsv(map: SystemMap): string {
  const reserved = ['id', 'label', 'description', 'tags'];
  const columns = columnsOf(map.factors, reserved);
  return csv(
    [...reserved, ...columns.map((c) => c.header)],
    map.factors.map((f) => [
      cell(f.id),
      cell(f.label),
      cell(f.description),
      cell(f.tags.join('|')),
      ...columns.map((c) => cell(attributeText(f.attributes[c.key] ?? null, c.kind) ?? '')),
    ]),
  );
}

/** The causal links as CSV. */
export function linksCsv(map: SystemMap): string {
  const reserved = ['id', 'from', 'to', 'polarity', 'strength', 'delay', 'note'];
  const columns = columnsOf(map.links, reserved);
  return csv(
    [...reserved, ...columns.map((c) => c.header)],
    map.links.map((l) => [
      cell(l.id),
      cell(l.from),
      cell(l.to),
      polarityText(l.polarity, l.ambiguous),
      l.strength ?? '',
      l.delay ? 'yes' : '',
      cell(l.note ?? ''),
      ...columns.map((c) => cell(attributeText(l.attributes?.[c.key] ?? null, c.kind) ?? '')),
    ]),
  );
}

/** Who works on what as CSV: one row per actor and factor (an actor with no factor gets one row). */
export function actorsCsv(map: SystemMap): string {
  const reserved = ['actor', 'works on'];
  const columns = columnsOf(map.actors, reserved);
  const rows: Array<Array<string | number>> = [];
  for (const actor of map.actors) {
    const attributes = columns.map((c) => cell(attributeText(actor.attributes[c.key] ?? null, c.kind) ?? ''));
    const factors = map.worksOn.filter((e) => e.actor === actor.id).map((e) => e.factor);
    if (factors.length === 0) rows.push([cell(actor.id), '', ...attributes]);
    for (const factor of factors) rows.push([cell(actor.id), cell(factor), ...attributes]);
  }
  return csv([...reserved, ...columns.map((c) => c.header)], rows);
}

type JsonValue = string | number | boolean | null | string[];

function plainAttributes(attributes: Attributes | undefined, reserved: ReadonlySet<string>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === null || reserved.has(key.toLowerCase())) continue;
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export interface KumuBlueprint {
  elements: Array<Record<string, JsonValue>>;
  connections: Array<Record<string, JsonValue>>;
}

/** The map as a Kumu blueprint object. */
export function kumuBlueprint(map: SystemMap, options: SystemMapExportOptions = {}): KumuBlueprint {
  const includeActors = options.includeActors ?? true;
  const actors = includeActors ? map.actors : [];
  const labels = [...map.factors.map((f) => f.label), ...actors.map((a) => a.label)];
  const byLabel = new Set(labels).size === labels.length && map.factors.every((f) => f.id === f.label) && actors.every((a) => a.id === a.label);
  const elementReserved = new Set(['id', '_id', 'label', 'type', 'element type', 'description', 'tags', 'attributes']);
  const elements: Array<Record<string, JsonValue>> = [];
  for (const f of map.factors) {
    const type = typeof f.attributes.type === 'string' && f.attributes.type !== '' ? f.attributes.type : 'Factor';
    elements.push({
      ...(byLabel ? {} : { id: f.id }),
      label: f.label,
      type,
      ...(f.description ? { description: f.description } : {}),
      ...(f.tags.length > 0 ? { tags: [...f.tags] } : {}),
      ...plainAttributes(f.attributes, elementReserved),
    });
  }
  for (const a of actors) {
    const type = typeof a.attributes.type === 'string' && isActorType(a.attributes.type) ? a.attributes.type : 'Organization';
    elements.push({ ...(byLabel ? {} : { id: a.id }), label: a.label, type, ...plainAttributes(a.attributes, elementReserved) });
  }
  const refer = (id: string, kind: 'factor' | 'actor'): string =>
    byLabel ? ((kind === 'factor' ? map.factors.find((f) => f.id === id)?.label : map.actors.find((a) => a.id === id)?.label) ?? id) : id;
  const connectionReserved = new Set(['id', '_id', 'from', 'to', 'direction', 'type', 'strength', 'delay', 'description', 'attributes', 'polarity', 'sign']);
  const connections: Array<Record<string, JsonValue>> = map.links.map((l) => ({
    from: refer(l.from, 'factor'),
    to: refer(l.to, 'factor'),
    direction: 'directed',
    type: polarityText(l.polarity, l.ambiguous),
    ...(l.strength !== undefined ? { strength: l.strength } : {}),
    ...(l.delay ? { delay: true } : {}),
    ...(l.note ? { description: l.note } : {}),
    ...plainAttributes(l.attributes, connectionReserved),
  }));
  const actorIds = new Set(actors.map((a) => a.id));
  for (const e of map.worksOn) {
    if (!actorIds.has(e.actor)) continue;
    connections.push({
      from: refer(e.actor, 'actor'),
      to: refer(e.factor, 'factor'),
      direction: 'directed',
      type: 'works on',
      ...(e.note ? { description: e.note } : {}),
    });
  }
  return { elements, connections };
}

/** The map as Kumu JSON text. */
export function kumuJson(map: SystemMap, options: SystemMapExportOptions = {}): string {
  return JSON.stringify(kumuBlueprint(map, options), null, 2) + '\n';
}

function graphmlType(kind: AttributeKind): string {
  return kind === 'double' ? 'double' : kind === 'boolean' ? 'boolean' : 'string';
}

/** The map as GraphML text. */
export function systemMapGraphml(map: SystemMap, options: SystemMapExportOptions = {}): string {
  const includeActors = options.includeActors ?? true;
  const actors = includeActors ? map.actors : [];
  const nodeReserved = ['label', 'description', 'tags', 'type'];
  const nodeColumns = columnsOf([...map.factors, ...actors], nodeReserved).filter((c) => c.key.toLowerCase() !== 'type');
  const edgeReserved = ['polarity', 'strength', 'delay', 'note'];
  const edgeColumns = columnsOf(map.links, edgeReserved);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="description" for="node" attr.name="description" attr.type="string"/>',
    '  <key id="tags" for="node" attr.name="tags" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    ...nodeColumns.map((c, i) => `  <key id="n${i}" for="node" attr.name="${x(c.header)}" attr.type="${graphmlType(c.kind)}"/>`),
    '  <key id="polarity" for="edge" attr.name="polarity" attr.type="string"/>',
    '  <key id="strength" for="edge" attr.name="strength" attr.type="double"/>',
    '  <key id="delay" for="edge" attr.name="delay" attr.type="boolean"/>',
    '  <key id="note" for="edge" attr.name="note" attr.type="string"/>',
    ...edgeColumns.map((c, i) => `  <key id="e${i}" for="edge" attr.name="${x(c.header)}" attr.type="${graphmlType(c.kind)}"/>`),
    `  <graph id="${x(map.name)}" edgedefault="directed">`,
  ];
  const data = (key: string, value: string): string => `<data key="${key}">${x(value)}</data>`;
  const attributeData = (attributes: Attributes | undefined, columns: typeof nodeColumns, prefix: string): string[] =>
    columns.flatMap((c, i) => {
      const text = attributeText(attributes?.[c.key] ?? null, c.kind);
      return text === null ? [] : [data(`${prefix}${i}`, text)];
    });
  for (const f of map.factors) {
    const type = typeof f.attributes.type === 'string' && f.attributes.type !== '' ? [data('type', f.attributes.type)] : [];
    const parts = [
      data('label', f.label),
      ...(f.description ? [data('description', f.description)] : []),
      ...(f.tags.length > 0 ? [data('tags', f.tags.join('|'))] : []),
      ...type,
      ...attributeData(f.attributes, nodeColumns, 'n'),
    ];
    lines.push(`    <node id="${x(f.id)}">${parts.join('')}</node>`);
  }
  for (const a of actors) {
    const type = typeof a.attributes.type === 'string' && isActorType(a.attributes.type) ? a.attributes.type : 'Organization';
    lines.push(`    <node id="${x(a.id)}">${[data('label', a.label), data('type', type), ...attributeData(a.attributes, nodeColumns, 'n')].join('')}</node>`);
  }
  map.links.forEach((l) => {
    const parts = [
      data('polarity', polarityText(l.polarity, l.ambiguous)),
      ...(l.strength !== undefined ? [data('strength', String(l.strength))] : []),
      data('delay', l.delay ? 'true' : 'false'),
      ...(l.note ? [data('note', l.note)] : []),
      ...attributeData(l.attributes, edgeColumns, 'e'),
    ];
    lines.push(`    <edge id="${x(l.id)}" source="${x(l.from)}" target="${x(l.to)}">${parts.join('')}</edge>`);
  });
  const actorIds = new Set(actors.map((a) => a.id));
  map.worksOn.forEach((e, i) => {
    if (!actorIds.has(e.actor)) return;
    lines.push(`    <edge id="works-on-${i}" source="${x(e.actor)}" target="${x(e.factor)}">${e.note ? data('note', e.note) : ''}</edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
