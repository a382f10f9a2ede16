/**
 * Pajek `.net`: what Pajek, networkx (`read_pajek`), igraph and Gephi open.
 *
 * ```
 * % netweave export              <- always first, so a byte-order mark never precedes *Vertices
 * *Vertices 3
 * 1 "Ana Lima"
 * 2 "Ben &#34;Benji&#34; Okafor"
 * 3 "Карина"
 * *Arcs :1 "advice"
 * 1 2 3
 * *Arcs :2 "friendship"
 * 2 3 1
 * ```
 *
 * - Vertices are numbered in the graph's node order; each line holds the number and the quoted
 *   label (the id when the label is empty). Pajek has no escape inside quotes: a `"` is written
 *   as Pajek's own character reference `&#34;` (and an `&` that would start one as `&#38;`), which
 *   Pajek and parsePajek decode; line breaks and other control characters become spaces (parsePajek
 *   trims labels, so leading and trailing spaces do not come back either).
 * - One section per relation, in order of first use, `*Arcs` when the graph is directed and
 *   `*Edges` when not, numbered `:k "name"`; a graph whose only relation is the default `tie`
 *   gets a plain `*Arcs` / `*Edges`, which every Pajek reader takes. Each line is
 *   `from to weight`.
 * - Text with characters beyond ASCII starts with a UTF-8 byte-order mark, which Pajek needs to
 *   read the file as UTF-8 (without it Pajek assumes a Windows code page).
 *
 * networkx's `read_pajek` reads a file with one relation exactly (labels as written, so `&#34;`
 * stays); with several, it keeps reading ties past the first section and turns each later
 * `*Arcs :k "name"` line into a stray tie between nodes named `*Arcs` and `:k`. igraph 0.10
 * refuses `:k` headers and a byte-order mark, so it reads only ASCII files with the one default
 * relation. A file for those tools should hold one relation. Edges naming a node missing from
 * `nodes` are left out.
 *
 * People with attributes or measures make a Pajek project (`.paj`, see `pajekEnding`) instead:
 *
 * ```
 * % netweave export
 * *Network "Team"
 * *Vertices 3
 * ...                            <- the network as above, every relation in a numbered section
 * *Partition sector
 * % 1: "Health"                  <- the legend: what each class stands for, as JSON
 * % 2: "Philanthropy"
 * % 0: null                      <- people without a value
 * *Vertices 3
 * 2
 * 1
 * 0
 * *Vector years
 * % 999999998: null
 * *Vertices 3
 * 4.5
 * 999999998
 * 12
 * ```
 *
 * - Attributes in first-seen order, then measures: a column whose values are all numbers is a
 *   `*Vector` (the numbers as written); any other (text, flags, lists, or a mix) is a
 *   `*Partition` whose classes 1..k are its distinct values in sorted order. The measures
 *   `community` and `component` are partitions of their own group numbers (1, 2, ...). A person
 *   without a value is class 0 in a partition, and in a vector a number no one has (999999998,
 *   or the next one free).
 * - Each legend line `% k: value` is a Pajek comment, so Pajek, R's `read.paj` and other readers
 *   skip it; parsePajek reads it back (as it reads Vladimir Batagelj's `% 1: A; 2: B` legend of
 *   `vecnom2clu`) and restores every value exactly: text, flags, lists, numbers and no value.
 * - Names are written as they are (control characters as spaces), so one ending in `.clu` or
 *   `.vec` reads back without it, and a measure named like an attribute reads back as `name (2)`.
 * - The network is named (`*Network`, by `options.name`, else `netweave`) and every relation has
 *   its own numbered section, so the default relation `tie` keeps its name when read back.
 * - igraph and networkx read no project files: networkx turns the `*Partition` lines into stray
 *   ties, igraph stops at them. The `.net` of a network without attributes is what they read.
 */
import type { AttributeValue } from '../core/model/records.ts';
import type { ExportGraph } from './export-graph.ts';
import { legendLine } from './pajek-text.ts';

/** The one relation name that gets a plain, unnumbered section. */
const DEFAULT_RELATION = 'tie';

/** Line breaks and other control characters, which cannot stand in a Pajek line. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** Quoted Pajek text: `"` and a would-be `&#...;` written as references, control characters as spaces. */
export function pajekQuote(text: string): string {
  const safe = text
    .replace(CONTROL, ' ')
    .replace(/&(?=#(?:\d+|[xX][0-9a-fA-F]+);)/g, '&#38;')
    .replace(/"/g, '&#34;');
  return `"${safe}"`;
}

/** The label a node is written with: its own when it has one that survives the line, else its id. */
function labelOf(label: string, id: string): string {
  return label.replace(CONTROL, ' ').trim() !== '' ? label : id;
}

function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '1';
}

export interface PajekWriteOptions {
  /** The network's name in a project file (`*Network name`); `netweave` when not given. */
  name?: string;
}

/** Measures that are classes (a group number), written as partitions like text attributes. */
const CLASS_MEASURES = new Set(['community', 'component']);

/** A vector's code for "no value" when no one has it. */
const MISSING_NUMBER = 999_999_998;

interface ValuesSection {
  kind: 'Partition' | 'Vector';
  name: string;
  /** Legend lines `k: JSON value`, in the order written. */
  legend: Array<[number, AttributeValue]>;
  values: number[];
}

/** Class numbers (a measure's group numbers), written as themselves: the legend names only "no value". */
function classPartition(name: string, column: ReadonlyArray<number | undefined>): ValuesSection {
  const values = column.map((value) => value ?? 0);
  return { kind: 'Partition', name, legend: column.includes(undefined) ? [[0, null]] : [], values };
}

/** A column of values (undefined: no value) as a partition of its distinct values, with their legend. */
function partitionOf(name: string, column: ReadonlyArray<AttributeValue | undefined>): ValuesSection {
  const distinct = new Map<string, AttributeValue>();
  for (const value of column) if (value !== undefined && value !== null) distinct.set(JSON.stringify(value), value);
  const keys = [...distinct.keys()].sort();
  const codes = new Map(keys.map((key, i) => [key, i + 1]));
  const legend: Array<[number, AttributeValue]> = keys.map((key, i) => [i + 1, distinct.get(key) as AttributeValue]);
  const values = column.map((value) => (value === undefined || value === null ? 0 : (codes.get(JSON.stringify(value)) as number)));
  if (values.includes(0)) legend.push([0, null]);
  return { kind: 'Partition', name, legend, values };
}

/** A column of finite numbers (undefined: no value) as a vector, "no value" as a number no one has. */
function vectorOf(name: string, column: ReadonlyArray<number | undefined>): ValuesSection {
  const used = new Set(column);
  let missing = MISSING_NUMBER;
  while (used.has(missing)) missing += 1;
  const values = column.map((value) => value ?? missing);
  return { kind: 'Vector', name, legend: used.has(undefined) ? [[missing, null]] : [], values };
}

/** Attributes, then measures, as partitions and vectors (see the file's header). */
function valueSections(graph: ExportGraph): ValuesSection[] {
  const sections: ValuesSection[] = [];
  const attributeNames = new Set<string>();
  for (const node of graph.nodes) for (const name of Object.keys(node.attributes)) attributeNames.add(name);
  for (const name of attributeNames) {
    const column = graph.nodes.map((node) => (Object.hasOwn(node.attributes, name) ? node.attributes[name] : undefined));
    if (column.every((value) => value === undefined || value === null)) continue;
    const numeric = column.every((value) => value === undefined || value === null || (typeof value === 'number' && Number.isFinite(value)));
    sections.push(numeric ? vectorOf(name, column.map((value) => (typeof value === 'number' ? value : undefined))) : partitionOf(name, column));
  }
  const measureNames = new Set<string>();
  for (const node of graph.nodes) for (const name of Object.keys(node.metrics)) measureNames.add(name);
  for (const name of measureNames) {
    const column = graph.nodes.map((node) => {
      const value = Object.hasOwn(node.metrics, name) ? node.metrics[name] : undefined;
      return value !== undefined && Number.isFinite(value) ? value : undefined;
    });
    if (column.every((value) => value === undefined)) continue;
    const classes = CLASS_MEASURES.has(name) && column.every((value) => value === undefined || (Number.isSafeInteger(value) && value >= 1));
    sections.push(classes ? classPartition(name, column) : CLASS_MEASURES.has(name) ? partitionOf(name, column) : vectorOf(name, column));
  }
  return sections;
}

/** `paj` when toPajek writes a project (people carry attributes or measures), else `net`. */
export function pajekEnding(graph: ExportGraph): 'paj' | 'net' {
  const has = (record: object) => Object.keys(record).length > 0;
  return graph.nodes.some((node) => has(node.attributes) || has(node.metrics)) && valueSections(graph).length > 0 ? 'paj' : 'net';
}

/** A name after a Pajek keyword: one line, trimmed. */
function headerText(name: string): string {
  return name.replace(CONTROL, ' ').trim();
}

export function toPajek(graph: ExportGraph, options: PajekWriteOptions = {}): string {
  const sections = valueSections(graph);
  const project = sections.length > 0;
  const lines: string[] = ['% netweave export'];
  if (project) lines.push(`*Network ${pajekQuote(headerText(options.name ?? '') || 'netweave')}`);
  lines.push(`*Vertices ${graph.nodes.length}`);
  const numbers = new Map<string, number>();
  graph.nodes.forEach((node, index) => {
    if (!numbers.has(node.id)) numbers.set(node.id, index + 1);
    lines.push(`${index + 1} ${pajekQuote(labelOf(node.label, node.id))}`);
  });

  const byRelation = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const from = numbers.get(edge.source);
    const to = numbers.get(edge.target);
    if (from === undefined || to === undefined) continue;
    const relation = edge.relation.replace(CONTROL, ' ').trim() !== '' ? edge.relation : DEFAULT_RELATION;
    let section = byRelation.get(relation);
    if (section === undefined) {
      section = [];
      byRelation.set(relation, section);
    }
    section.push(`${from} ${to} ${numberText(edge.weight)}`);
  }
  const keyword = graph.directed ? '*Arcs' : '*Edges';
  // In a project, an unnumbered section's relation would take the network's name.
  const plain = !project && byRelation.size === 1 && byRelation.has(DEFAULT_RELATION);
  if (byRelation.size === 0) lines.push(keyword);
  let k = 0;
  for (const [relation, section] of byRelation) {
    k += 1;
    lines.push(plain ? keyword : `${keyword} :${k} ${pajekQuote(relation)}`);
    for (const line of section) lines.push(line);
  }
  for (const section of sections) {
    lines.push(`*${section.kind} ${headerText(section.name)}`);
    for (const [code, value] of section.legend) lines.push(legendLine(code, value));
    lines.push(`*Vertices ${section.values.length}`);
    for (const value of section.values) lines.push(String(value));
  }
  const text = `${lines.join('\n')}\n`;
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007F]/.test(text) ? `\uFEFF${text}` : text;
}
