/**
 * The shape every graph export writes from: people with attributes and metrics, and ties.
 * Both the CLI's report and the app's analysis convert to it.
 */
import type { AttributeValue, Attributes } from '../core/model/records.ts';

export interface ExportNode {
  id: string;
  label: string;
  attributes: Attributes;
  metrics: Record<string, number>;
}

export interface ExportEdge {
  source: string;
  target: string;
  weight: number;
  relation: string;
}

export interface ExportGraph {
  directed: boolean;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** Characters XML 1.0 cannot hold in any form: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and lone surrogates. */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

/** What XML 1.0 writes in place of a character it cannot hold (U+FFFD, the replacement character). */
export const XML_REPLACEMENT = '\uFFFD';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // As character references, so attribute-value normalisation keeps them (a raw newline in an
  // attribute reads as a space) and line-end normalisation keeps a CR.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * XML text and attribute escaping: labels are untrusted text. Tabs and line breaks are character
 * references wherever they stand; characters XML 1.0 forbids become U+FFFD (count them with
 * `xmlForbiddenCount`).
 */
export function xmlEscape(value: string): string {
  return value.replace(XML_FORBIDDEN, XML_REPLACEMENT).replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c] as string);
}

/** How many characters of `value` XML 1.0 cannot hold (each is written as U+FFFD). */
export function xmlForbiddenCount(value: string): number {
  let count = 0;
  for (const _ of value.matchAll(XML_FORBIDDEN)) count++;
  return count;
}

export type AttributeKind = 'string' | 'double' | 'boolean' | 'liststring';

/** Attribute columns with one type each, in first-seen order. */
export function attributeColumns(nodes: ExportNode[]): Array<{ key: string; kind: AttributeKind }> {
  const kinds = new Map<string, AttributeKind>();
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node.attributes)) {
      if (value === null) continue;
      const kind: AttributeKind = Array.isArray(value) ? 'liststring' : typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
      const seen = kinds.get(key);
      kinds.set(key, seen === undefined || seen === kind ? kind : 'string');
    }
  }
  return [...kinds].map(([key, kind]) => ({ key, kind }));
}

export function attributeText(value: Attributes[string], kind: AttributeKind): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return kind === 'liststring' ? value.join('|') : value.join(';');
  return String(value);
}

/** A list as GEXF liststring and netweave's GraphML lists hold it: a JSON array of strings. */
export function listText(items: readonly string[]): string {
  // Replaced first, so a lone surrogate is U+FFFD here as everywhere else, not a `\\ud800` escape.
  return JSON.stringify(items.map((item) => item.replace(XML_FORBIDDEN, XML_REPLACEMENT)));
}

/**
 * A value as GEXF and GraphML write it: lists (in a list column) as a JSON array, which Gephi,
 * graphology and netweave read item by item whatever the items hold (`|`, commas, quotes, line
 * breaks); numbers that are not finite are left out, as no reader takes them back.
 */
export function xmlValueText(value: AttributeValue | undefined, kind: AttributeKind): string | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (kind === 'liststring' && Array.isArray(value)) return listText(value);
  return attributeText(value ?? null, kind);
}

/** A column of the GEXF and GraphML exports: a person's attribute or a measure. */
export interface XmlColumn {
  /** The id written (`a0`, `m0`): attributes and measures never share one. */
  id: string;
  /** The attribute's or the measure's own name. */
  name: string;
  /**
   * The title written: the name, unless it is empty, reserved (`label`) or another column's
   * (ignoring case, as Gephi does); then `name (attribute)` or `name (measure)`, numbered if
   * need be. An attribute written under another title carries its name in `netweave.name`.
   */
  title: string;
  kind: AttributeKind;
  measure: boolean;
}

/**
 * The node columns of a GEXF or GraphML export, every title distinct, so networkx, Gephi and
 * netweave keep a person's attribute `degree` apart from the measure degree.
 */
export function xmlColumns(graph: ExportGraph, reserved: readonly string[]): XmlColumn[] {
  // Compared as written: forbidden characters replaced, ignoring case and surrounding spaces.
  const written = (title: string): string => title.replace(XML_FORBIDDEN, XML_REPLACEMENT).trim().toLowerCase();
  const taken = new Set(reserved.map(written));
  const titled = (name: string, what: 'attribute' | 'measure'): string => {
    let title = name;
    for (let n = 1; written(title) === '' || taken.has(written(title)); n++) {
      title = `${name.trim() === '' ? '' : `${name} `}(${what}${n === 1 ? '' : ` ${n}`})`;
    }
    taken.add(written(title));
    return title;
  };
  const columns: XmlColumn[] = attributeColumns(graph.nodes).map((a, i) => ({
    id: `a${i}`,
    name: a.key,
    title: titled(a.key, 'attribute'),
    kind: a.kind,
    measure: false,
  }));
  const measures = [...new Set(graph.nodes.flatMap((n) => Object.keys(n.metrics)))];
  measures.forEach((m, i) => columns.push({ id: `m${i}`, name: m, title: titled(m, 'measure'), kind: 'double', measure: true }));
  return columns;
}

/** A node's value in a column as text, or null when it has none. */
export function xmlColumnText(node: ExportNode, column: XmlColumn): string | null {
  if (column.measure) {
    const value = Object.hasOwn(node.metrics, column.name) ? node.metrics[column.name] : undefined;
    return value !== undefined && Number.isFinite(value) ? String(value) : null;
  }
  return xmlValueText(Object.hasOwn(node.attributes, column.name) ? node.attributes[column.name] : null, column.kind);
}

/**
 * How many characters of an export graph XML 1.0 cannot hold (C0 controls, U+FFFE, U+FFFF, lone
 * surrogates): the GEXF and GraphML exports write each as U+FFFD and say how many in a comment.
 */
export function xmlReplacedCount(graph: ExportGraph): number {
  let count = 0;
  // Names are written once, in the declarations.
  const measures = new Set<string>();
  for (const node of graph.nodes) {
    count += xmlForbiddenCount(node.id) + xmlForbiddenCount(node.label);
    for (const value of Object.values(node.attributes)) {
      if (typeof value === 'string') count += xmlForbiddenCount(value);
      else if (Array.isArray(value)) for (const item of value) count += xmlForbiddenCount(item);
    }
    for (const key of Object.keys(node.metrics)) measures.add(key);
  }
  for (const { key } of attributeColumns(graph.nodes)) count += xmlForbiddenCount(key);
  for (const name of measures) count += xmlForbiddenCount(name);
  for (const edge of graph.edges) count += xmlForbiddenCount(edge.source) + xmlForbiddenCount(edge.target) + xmlForbiddenCount(edge.relation);
  return count;
}

/** The comment an XML export opens with when it had to replace characters ('' when none). */
export function xmlReplacedComment(count: number): string {
  return count === 0 ? '' : `<!-- netweave: ${count} character${count === 1 ? '' : 's'} that XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF, lone surrogates) ${count === 1 ? 'was' : 'were'} written as U+FFFD -->`;
}
