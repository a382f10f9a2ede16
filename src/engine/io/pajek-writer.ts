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
 */
import type { ExportGraph } from './export-graph.ts';

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

export function toPajek(graph: ExportGraph): string {
  const lines: string[] = ['% netweave export', `*Vertices ${graph.nodes.length}`];
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
  const plain = byRelation.size === 1 && byRelation.has(DEFAULT_RELATION);
  if (byRelation.size === 0) lines.push(keyword);
  let k = 0;
  for (const [relation, section] of byRelation) {
    k += 1;
    lines.push(plain ? keyword : `${keyword} :${k} ${pajekQuote(relation)}`);
    for (const line of section) lines.push(line);
  }
  const text = `${lines.join('\n')}\n`;
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007F]/.test(text) ? `\uFEFF${text}` : text;
}
