/**
 * Valid inputs with the graph they hold: a small graph (people, ties with whole-number weights in
 * relation layers, directed or not), written by netweave's own writer where the format has one
 * (GEXF, GraphML, Pajek, GML, UCINET DL, graphology JSON, CSV, XLSX, dataset JSON) or by the
 * format's plainest form (VNA, DOT, headerless edge lists, adjacency matrices), with what reading
 * it must give back (`ExpectedGraph`).
 */
import fc from 'fast-check';
import { toCsv } from '../../src/engine/io/csv-cells.ts';
import { toGexf } from '../../src/engine/io/gexf-writer.ts';
import { toGraphml } from '../../src/engine/io/graphml-writer.ts';
import { toPajek } from '../../src/engine/io/pajek-writer.ts';
import { toGml } from '../../src/engine/io/gml-writer.ts';
import { toGraphologyJson } from '../../src/engine/io/graphology-json-writer.ts';
import { toUcinetDl } from '../../src/engine/io/ucinet-dl-writer.ts';
import type { ExportGraph } from '../../src/engine/io/export-graph.ts';
import { workbook } from '../helpers/workbook.ts';
import { tieKey, type ExpectedGraph, type FuzzInput } from './protocol.ts';

export interface Graph {
  directed: boolean;
  people: string[];
  ties: Array<{ source: string; target: string; relation: string; weight: number }>;
}

/** Names as people write them: letters of many scripts, spaces, punctuation, quotes, markup characters. */
const RICH = ['a', 'B', 'Zoë', 'José', 'Ωμέγα', '中文', 'عربى', '😀', ' ', '.', '_', '1', '2', "O'", '"', ',', ';', '&', '<', '>', '#', '%', '|', '(', ')', '/', '\\'];
/** Names the plainest forms of a format hold without quoting. */
const PLAIN = ['a', 'b', 'K', 'x', 'é', 'ß', '1', '7', '_'];

function names(pieces: readonly string[], start: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...start), fc.array(fc.constantFrom(...pieces), { maxLength: 4 }))
    .map(([first, rest]) => (first + rest.join('')).trim())
    .filter((s) => s !== '' && s === s.trim());
}

const RELATIONS = ['tie', 'advice', 'friends'];

/** A graph of 2 to 7 people and at least one tie; at most one tie per pair of people, never a self-tie. */
export function graphs(options: { rich: boolean; directed?: boolean; relations?: boolean; isolates?: boolean; without?: string }): fc.Arbitrary<Graph> {
  const keep = (pieces: readonly string[]): string[] => pieces.filter((p) => !options.without?.includes(p));
  const name = options.rich ? names(keep(RICH), keep(['a', 'B', 'Zoë', '中文', '😀', '1', '"', '&', '<'])) : names(PLAIN, ['a', 'b', 'K', 'x', 'é']);
  return fc
    .record({
      people: fc.uniqueArray(name, { minLength: 2, maxLength: 7 }),
      directed: options.directed === undefined ? fc.boolean() : fc.constant(options.directed),
    })
    .chain(({ people, directed }) => {
      const tie = fc.record({
        s: fc.nat(people.length - 1),
        t: fc.nat(people.length - 1),
        weight: fc.integer({ min: 1, max: 9 }),
        relation: options.relations === false ? fc.constant('tie') : fc.constantFrom(...RELATIONS),
      });
      // One tie per pair, whichever way: a directed file then has no two-way tie, so formats that
      // tell direction from symmetry (UCINET DL, VNA, matrices) read it as written.
      const ties = fc.uniqueArray(tie.filter((e) => e.s !== e.t), { minLength: 1, maxLength: 10, selector: (e) => [e.s, e.t].sort().join('-') });
      return ties.map((list): Graph => {
        const used = new Set(list.flatMap((e) => [e.s, e.t]));
        return {
          directed,
          people: options.isolates === false ? people.filter((_, i) => used.has(i)) : people,
          ties: list.map((e) => ({ source: people[e.s]!, target: people[e.t]!, relation: e.relation, weight: e.weight })),
        };
      });
    });
}

function expected(graph: Graph, by: ExpectedGraph['by']): ExpectedGraph {
  return {
    by,
    people: [...graph.people].sort(),
    ties: graph.ties.map((t) => tieKey(t.source, t.target, graph.directed, t.relation, t.weight)).sort(),
  };
}

function exportGraph(graph: Graph): ExportGraph {
  return {
    directed: graph.directed,
    nodes: graph.people.map((id) => ({ id, label: id, attributes: {}, metrics: {} })),
    edges: graph.ties.map((t) => ({ ...t })),
  };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const quoteDot = (id: string): string => `"${id.replace(/"/g, '\\"')}"`;

interface Writer {
  graphs: fc.Arbitrary<Graph>;
  by: ExpectedGraph['by'];
  write: (graph: Graph) => Uint8Array;
}

/** Per reader: the graphs its format holds and how to write them. */
const WRITERS: Record<string, Writer> = {
  gexf: { graphs: graphs({ rich: true }), by: 'id', write: (g) => utf8(toGexf(exportGraph(g))) },
  graphml: { graphs: graphs({ rich: true }), by: 'id', write: (g) => utf8(toGraphml(exportGraph(g))) },
  graphology: { graphs: graphs({ rich: true }), by: 'id', write: (g) => utf8(toGraphologyJson(exportGraph(g))) },
  pajek: { graphs: graphs({ rich: true }), by: 'label', write: (g) => utf8(toPajek(exportGraph(g))) },
  gml: { graphs: graphs({ rich: true }), by: 'label', write: (g) => utf8(toGml(exportGraph(g))) },
  // DL has no escape for a double quote: the writer makes it ' (ucinet-dl-writer.ts).
  ucinet: { graphs: graphs({ rich: true, without: '"' }), by: 'label', write: (g) => utf8(toUcinetDl(exportGraph(g))) },
  json: {
    graphs: graphs({ rich: true }),
    by: 'id',
    write: (g) =>
      utf8(
        JSON.stringify({
          format: 'netweave-dataset',
          version: 1,
          name: 'fuzz',
          people: g.people.map((id) => ({ id, label: id, attributes: {} })),
          relations: [...new Set(g.ties.map((t) => t.relation))].map((name) => ({ name, directed: g.directed })),
          ties: g.ties.map((t) => ({ ...t, directed: g.directed })),
        }),
      ),
  },
  edges: {
    graphs: graphs({ rich: true, directed: false, isolates: false }),
    by: 'id',
    write: (g) => utf8(toCsv(['source', 'target', 'weight', 'relation'], g.ties.map((t) => [t.source, t.target, t.weight, t.relation]))),
  },
  'xlsx-edges': {
    graphs: graphs({ rich: true, directed: false, isolates: false }),
    by: 'id',
    write: (g) => workbook([['source', 'target', 'weight', 'relation'], ...g.ties.map((t) => [t.source, t.target, String(t.weight), t.relation])]),
  },
  nodes: {
    graphs: graphs({ rich: true }).map((g) => ({ ...g, ties: [] })),
    by: 'id',
    write: (g) => utf8(toCsv(['id', 'label'], g.people.map((id) => [id, id]))),
  },
  adjacency: {
    graphs: graphs({ rich: true, directed: false, relations: false }),
    by: 'id',
    write: (g) => {
      const weight = new Map(g.ties.flatMap((t) => [[`${t.source}\u0000${t.target}`, t.weight], [`${t.target}\u0000${t.source}`, t.weight]]));
      return utf8(toCsv(['', ...g.people], g.people.map((a) => [a, ...g.people.map((b) => weight.get(`${a}\u0000${b}`) ?? 0)])));
    },
  },
  edgelist: {
    graphs: graphs({ rich: false, directed: false, relations: false, isolates: false }),
    by: 'id',
    write: (g) => utf8(g.ties.map((t) => `${t.source} ${t.target} ${t.weight}\n`).join('')),
  },
  dot: {
    // A DOT string keeps a backslash as it is (only \" is an escape), so no id can end in one.
    graphs: graphs({ rich: true, without: '\\' }),
    by: 'id',
    write: (g) => {
      const arrow = g.directed ? '->' : '--';
      const lines = [
        ...g.people.map((id) => `  ${quoteDot(id)};`),
        ...g.ties.map((t) => `  ${quoteDot(t.source)} ${arrow} ${quoteDot(t.target)} [weight=${t.weight}, relation=${quoteDot(t.relation)}];`),
      ];
      return utf8(`${g.directed ? 'digraph' : 'graph'} {\n${lines.join('\n')}\n}\n`);
    },
  },
  vna: {
    graphs: graphs({ rich: false, directed: true, relations: false }),
    by: 'id',
    write: (g) => utf8(['*node data', 'ID', ...g.people, '*tie data', 'from to strength', ...g.ties.map((t) => `${t.source} ${t.target} ${t.weight}`), ''].join('\n')),
  },
};

export const ROUND_TRIP_READERS = Object.keys(WRITERS);

/** Valid inputs for a reader, each with the graph reading it must give. */
export function validInputs(reader: string, ext: string): fc.Arbitrary<FuzzInput> {
  const writer = WRITERS[reader];
  if (writer === undefined) throw new Error(`no writer for ${reader}`);
  return writer.graphs.map((graph) => ({ reader, name: `input.${ext}`, bytes: writer.write(graph), expect: expected(graph, writer.by) }));
}

/** Valid inputs without their expectation, as seeds for mutation; undefined when the reader has no writer. */
export function validSeeds(reader: string, ext: string): fc.Arbitrary<Uint8Array> | undefined {
  return WRITERS[reader] === undefined ? undefined : validInputs(reader, ext).map((input) => input.bytes);
}
