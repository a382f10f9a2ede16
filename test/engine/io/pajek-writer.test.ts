/**
 * toPajek: the files it writes (test/fixtures/formats/pajek/written/, checked byte for byte; run
 * with UPDATE_PAJEK=1 to rewrite them after a deliberate change), what networkx and igraph read
 * from them (test/reference/formats/make_pajek.py -> pajek.json, `written`), and a round trip
 * through parsePajek on generated graphs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportEdge, ExportGraph, ExportNode } from '../../../src/engine/io/export-graph.ts';
import { parsePajek } from '../../../src/engine/io/pajek.ts';
import { pajekEnding, pajekQuote, toPajek } from '../../../src/engine/io/pajek-writer.ts';
import { parseLegend } from '../../../src/engine/io/pajek-text.ts';
import type { AttributeValue, Attributes } from '../../../src/engine/core/model/records.ts';
import { partOf } from './read-part.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const writtenPath = (name: string): string => `${root}test/fixtures/formats/pajek/written/${name}`;

const node = (id: string, label: string, attributes: Attributes = {}, metrics: Record<string, number> = {}): ExportNode => ({
  id,
  label,
  attributes,
  metrics,
});
const edge = (source: string, target: string, relation: string, weight = 1): ExportEdge => ({ source, target, relation, weight });

/** The graphs whose files are kept in written/. */
const GRAPHS: Record<string, ExportGraph> = {
  'single.net': {
    directed: true,
    nodes: [
      node('ana', 'Ana Lima'),
      node('ben', 'Ben "Benji" Okafor'),
      node('kar', 'Карина Петрова'),
      node('li', '李小龙'),
      node('mar', 'مريم & Co'),
      node('zoe', ''),
    ],
    edges: [
      edge('ana', 'ben', 'advice', 3),
      edge('ben', 'kar', 'advice', 1.5),
      edge('kar', 'li', 'advice'),
      edge('li', 'mar', 'advice', 2),
      edge('mar', 'ana', 'advice', 0.25),
      edge('zoe', 'ana', 'advice'),
    ],
  },
  'multi.net': {
    directed: false,
    nodes: [node('a', 'Ana'), node('b', 'Ben'), node('c', 'Caro'), node('d', 'Dev')],
    edges: [
      edge('a', 'b', 'collaboration', 2),
      edge('b', 'c', 'collaboration'),
      edge('c', 'd', 'advice', 4),
      edge('a', 'd', 'friendship'),
      edge('b', 'd', 'advice'),
    ],
  },
  'plain.net': {
    directed: false,
    nodes: [node('1', 'Ana'), node('2', 'Ben'), node('3', 'Caro')],
    edges: [edge('1', '2', 'tie', 2), edge('2', '3', 'tie')],
  },
  'attributes.paj': {
    directed: true,
    nodes: [
      node('ana', 'Ana', { sector: 'Health', years: 4.5, skills: ['facilitation', 'policy'], lead: true }, { degree: 2, betweenness: 0.5, community: 1 }),
      node('ben', 'Ben', { sector: 'Philanthropy', years: null, skills: [], lead: false }, { degree: 1, betweenness: 0, community: 2 }),
      node('car', 'Карина', { sector: 'Health; 2: "mixed"', years: 12 }, { degree: 2, betweenness: 0.25, community: 1 }),
      node('dev', 'Dev', { sector: null, years: -3, lead: true }, { degree: 1, betweenness: 0 }),
    ],
    edges: [edge('ana', 'ben', 'tie', 2), edge('car', 'ana', 'tie'), edge('dev', 'car', 'tie', 0.5)],
  },
};

interface WrittenProject {
  people: Array<[string, string]>;
  ties: TieRow[];
  relations: Array<[string, boolean]>;
  /** Partitions and vectors by name, each person's value with make_pajek.py's reading of the legend. */
  attributes: Record<string, Record<string, AttributeValue>>;
  name: string | null;
}
type TieRow = [string, string, string, boolean, number];

interface WrittenReading {
  networkx: { directed: boolean; nodes: string[]; edges: Array<[string, string, number | null]> };
  igraph: { vertices: number; edges: number; labels: string[] } | { error: string };
}
const reference = JSON.parse(readFileSync(`${root}test/reference/formats/pajek.json`, 'utf8')) as {
  written: Record<string, WrittenReading>;
  writtenProjects: Record<string, WrittenProject>;
};

const labelOf = (graph: ExportGraph, id: string): string => {
  const found = graph.nodes.find((n) => n.id === id) as ExportNode;
  return found.label.trim() !== '' ? found.label : found.id;
};

describe('toPajek files', () => {
  for (const [name, graph] of Object.entries(GRAPHS)) {
    it(`writes ${name} as kept in written/`, () => {
      const text = toPajek(graph);
      if (process.env.UPDATE_PAJEK === '1' || !existsSync(writtenPath(name))) writeFileSync(writtenPath(name), text);
      expect(text).toBe(readFileSync(writtenPath(name), 'utf8'));
    });
  }

  it('writes quoted labels, one numbered section per relation and weights', () => {
    expect(toPajek(GRAPHS['multi.net'] as ExportGraph)).toBe(
      [
        '% netweave export',
        '*Vertices 4',
        '1 "Ana"',
        '2 "Ben"',
        '3 "Caro"',
        '4 "Dev"',
        '*Edges :1 "collaboration"',
        '1 2 2',
        '2 3 1',
        '*Edges :2 "advice"',
        '3 4 4',
        '2 4 1',
        '*Edges :3 "friendship"',
        '1 4 1',
        '',
      ].join('\n'),
    );
  });

  it('starts with a byte-order mark only when there is text beyond ASCII, and never before *Vertices', () => {
    expect(toPajek(GRAPHS['single.net'] as ExportGraph).startsWith('\uFEFF% netweave export\n*Vertices 6\n')).toBe(true);
    expect(toPajek(GRAPHS['plain.net'] as ExportGraph).startsWith('% netweave export\n*Vertices 3\n*Edges\n'.slice(0, 30))).toBe(true);
  });

  it('writes quotes and would-be references as Pajek references, control characters as spaces', () => {
    expect(pajekQuote('Ben "Benji"')).toBe('"Ben &#34;Benji&#34;"');
    expect(pajekQuote('R&D &#169; 2024')).toBe('"R&D &#38;#169; 2024"');
    expect(pajekQuote('two\nlines\ttab')).toBe('"two lines tab"');
  });

  it('writes an empty graph that reads back empty, and leaves out edges to unknown nodes', () => {
    const empty = toPajek({ directed: true, nodes: [], edges: [] });
    expect(empty).toBe('% netweave export\n*Vertices 0\n*Arcs\n');
    expect(partOf(parsePajek(empty, { file: 'e.net' }))).toMatchObject({ ok: true, people: [], ties: [] });
    const text = toPajek({ directed: true, nodes: [node('a', 'A')], edges: [edge('a', 'ghost', 'tie')] });
    expect(text).toBe('% netweave export\n*Vertices 1\n1 "A"\n*Arcs\n');
  });
  it('writes a project (.paj) when people carry attributes or measures: partitions with their legend, vectors', () => {
    const graph = GRAPHS['attributes.paj'] as ExportGraph;
    expect(pajekEnding(graph)).toBe('paj');
    expect(pajekEnding(GRAPHS['multi.net'] as ExportGraph)).toBe('net');
    const text = toPajek(graph, { name: 'Team "A"' });
    expect(text.startsWith('\uFEFF% netweave export\n*Network "Team &#34;A&#34;"\n*Vertices 4\n')).toBe(true);
    // The default relation is numbered in a project, or it would take the network's name.
    expect(text).toContain('\n*Arcs :1 "tie"\n1 2 2\n');
    const section = (name: string): string[] => {
      const lines = text.split('\n');
      const start = lines.findIndex((line) => line === `*Partition ${name}` || line === `*Vector ${name}`);
      const end = lines.findIndex((line, i) => i > start + 1 && line.startsWith('*') && !line.startsWith('*Vertices'));
      return lines.slice(start, end < 0 ? lines.length - 1 : end);
    };
    expect(section('sector')).toEqual([
      '*Partition sector',
      '% 1: "Health"',
      '% 2: "Health; 2: \\"mixed\\""',
      '% 3: "Philanthropy"',
      '% 0: null',
      '*Vertices 4',
      '1',
      '3',
      '2',
      '0',
    ]);
    expect(section('years')).toEqual(['*Vector years', '% 999999998: null', '*Vertices 4', '4.5', '999999998', '12', '-3']);
    expect(section('community')).toEqual(['*Partition community', '% 0: null', '*Vertices 4', '1', '2', '1', '0']);
    expect(section('degree')).toEqual(['*Vector degree', '*Vertices 4', '2', '1', '2', '1']);
    // A vector whose values include the usual code for "no value" takes the next free number.
    const taken = toPajek({ directed: false, nodes: [node('a', 'A', { x: 999999998 }), node('b', 'B')], edges: [] });
    expect(taken).toContain('*Vector x\n% 999999999: null\n*Vertices 2\n999999998\n999999999\n');
  });

  it('reads legends as the writer writes them, and as Batagelj\'s vecnom2clu writes them', () => {
    expect(parseLegend(' 1: "Health; 2: x"')).toEqual([[1, 'Health; 2: x']]);
    expect(parseLegend(' 0: null')).toEqual([[0, null]]);
    expect(parseLegend(' 3: ["a","b"]')).toEqual([[3, ['a', 'b']]]);
    expect(parseLegend(' 999999998: null')).toEqual([[999999998, null]]);
    expect(parseLegend(' 1: female; 2: male; 3: not known')).toEqual([
      [1, 'female'],
      [2, 'male'],
      [3, 'not known'],
    ]);
    expect(parseLegend(' Baboons H22A / gender partition')).toBeUndefined();
    expect(parseLegend(' 1 - female; 2 - male')).toBeUndefined();
    const clu = ['*Vertices 3', '1 "a"', '2 "b"', '3 "c"', '*Partition sex', '% nom2Pajek Wed Feb 7 2024', '% 1: F; 2: M', '*Vertices 3', '1', '2', '0'];
    const part = partOf(parsePajek(clu.join('\n'), { file: 'sex.paj' }));
    expect(part.people.map((p) => p.attributes.sex)).toEqual(['F', 'M', 0]);
  });
});

describe('what other tools read from toPajek files (make_pajek.py)', () => {
  it('a Pajek project reader written anew in Python reads the people, ties, partitions and vectors written (legends decoded)', () => {
    const graph = GRAPHS['attributes.paj'] as ExportGraph;
    const read = reference.writtenProjects['attributes.paj'] as WrittenProject;
    expect(read.name).toBe('netweave');
    expect(read.people).toEqual(graph.nodes.map((n) => [n.label, n.label]));
    expect(read.relations).toEqual([['tie', true]]);
    const label = (id: string): string => labelOf(graph, id);
    expect(read.ties).toEqual(graph.edges.map((e) => [label(e.source), label(e.target), 'tie', true, e.weight]));
    const names = [...new Set(graph.nodes.flatMap((n) => [...Object.keys(n.attributes)]))];
    const measures = [...new Set(graph.nodes.flatMap((n) => Object.keys(n.metrics)))];
    expect(Object.keys(read.attributes)).toEqual([...names, ...measures]);
    for (const name of names) {
      expect(read.attributes[name], name).toEqual(Object.fromEntries(graph.nodes.map((n) => [n.label, n.attributes[name] ?? null])));
    }
    for (const name of measures) {
      expect(read.attributes[name], name).toEqual(Object.fromEntries(graph.nodes.map((n) => [n.label, n.metrics[name] ?? null])));
    }
  });

  it('networkx reads a one-relation file exactly: nodes by label, ties with weights', () => {
    for (const name of ['single.net', 'plain.net']) {
      const graph = GRAPHS[name] as ExportGraph;
      const read = (reference.written[name] as WrittenReading).networkx;
      expect(read.directed).toBe(graph.directed);
      // networkx shows Pajek's &#34; as written: it does not decode references.
      expect(read.nodes).toEqual(graph.nodes.map((n) => pajekQuote(labelOf(graph, n.id)).slice(1, -1)));
      const asRead = (id: string) => pajekQuote(labelOf(graph, id)).slice(1, -1);
      const key = ([u, v, w]: [string, string, number | null]) => JSON.stringify([u, v, w]);
      expect(read.edges.map(key).sort()).toEqual(graph.edges.map((e) => key([asRead(e.source), asRead(e.target), e.weight])).sort());
    }
  });

  it('networkx reads every tie of a file with several relations, plus one stray tie per later section header', () => {
    const graph = GRAPHS['multi.net'] as ExportGraph;
    const read = (reference.written['multi.net'] as WrittenReading).networkx;
    const stray = read.edges.filter(([u]) => u.startsWith('*'));
    expect(stray).toEqual([
      ['*Edges', ':2', null],
      ['*Edges', ':3', null],
    ]);
    const real = read.edges.filter(([u]) => !u.startsWith('*'));
    const key = ([u, v, w]: [string, string, number | null]) => `${[u, v].sort().join('|')}|${w}`;
    expect(real.map(key).sort()).toEqual(graph.edges.map((e) => key([labelOf(graph, e.source), labelOf(graph, e.target), e.weight])).sort());
  });

  it('igraph reads an ASCII file whose only relation is the default one; it refuses numbered sections and a byte-order mark', () => {
    expect(reference.written['plain.net']?.igraph).toEqual({ vertices: 3, edges: 2, labels: ['Ana', 'Ben', 'Caro'] });
    expect(reference.written['multi.net']?.igraph).toHaveProperty('error', expect.stringContaining('line 7'));
    expect(reference.written['single.net']?.igraph).toHaveProperty('error', expect.stringContaining('line 1'));
  });
});

// ------------------------------------------------------------------ round trip

type Row = [string, string, string, boolean, number];
const normal = (row: Row): Row => (row[3] || row[0] <= row[1] ? row : [row[1], row[0], row[2], row[3], row[4]]);
const sorted = (rows: Row[]): string[] => rows.map((row) => JSON.stringify(normal(row))).sort();

/** What the graph should read back as, people by position. */
function expectRoundTrip(graph: ExportGraph, cleanLabel: (label: string, id: string) => string): void {
  const result = parsePajek(toPajek(graph), { file: 'round.net' });
  expect(result.issues.filter((issue) => issue.level === 'error')).toEqual([]);
  const part = partOf(result);
  expect(part.people.map((p) => p.label)).toEqual(graph.nodes.map((n) => cleanLabel(n.label, n.id)));
  const idAt = new Map(graph.nodes.map((n, i) => [n.id, part.people[i]?.id as string]));
  expect(new Set(part.people.map((p) => p.id)).size).toBe(graph.nodes.length);
  const relation = (name: string): string => (name.trim() === '' ? 'tie' : cleanLabel(name, 'tie'));
  expect(sorted(part.ties.map((t) => [t.source, t.target, t.relation, t.directed, t.weight]))).toEqual(
    sorted(graph.edges.map((e) => [idAt.get(e.source) as string, idAt.get(e.target) as string, relation(e.relation), graph.directed, e.weight])),
  );
  const names = [...new Set(graph.edges.map((e) => relation(e.relation)))];
  expect(part.relations.map((r) => [r.name, r.directed])).toEqual(names.map((name) => [name, graph.directed]));
}

const arbitraryGraph = (label: fc.Arbitrary<string>, uniqueLabels: boolean, relation: fc.Arbitrary<string> = label) =>
  fc
    .record({
      directed: fc.boolean(),
      labels: uniqueLabels ? fc.uniqueArray(label, { minLength: 1, maxLength: 12 }) : fc.array(label, { minLength: 1, maxLength: 12 }),
      relations: fc.uniqueArray(relation, { minLength: 1, maxLength: 3 }),
      edges: fc.array(
        fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.oneof(fc.integer({ min: 1, max: 9 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }))),
        { maxLength: 30 },
      ),
    })
    .map(({ directed, labels, relations, edges }): ExportGraph => {
      const nodes = labels.map((l, i) => node(`n${i}`, l));
      const seen = new Set<string>();
      const out: ExportEdge[] = [];
      for (const [s, t, r, weight] of edges) {
        const a = s % nodes.length;
        const b = t % nodes.length;
        const relation = relations[r % relations.length] as string;
        const key = `${relation}|${directed || a <= b ? `${a}|${b}` : `${b}|${a}`}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(edge(`n${a}`, `n${b}`, relation, weight));
      }
      return { directed, nodes, edges: out };
    });

describe('toPajek -> parsePajek round trip', () => {
  it('keeps people (id = label when labels are unique), ties, weights, relations and direction', () => {
    // Trimmed, non-blank labels without control characters: any script, quotes, &, %, *, backslashes.
    const label = fc
      .oneof(
        fc.string({ minLength: 1, maxLength: 10, unit: 'grapheme' }),
        fc.constantFrom('Ana "A" Lima', 'R&D &#34; x', '*Arcs', '% not a comment', 'C:\\dir\\', 'Ωμέγα', '李小龙', 'مريم', '1', '12'),
      )
      // eslint-disable-next-line no-control-regex
      .map((s) => s.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, '').trim())
      .filter((s) => s !== '');
    fc.assert(
      fc.property(arbitraryGraph(label, true), (graph) => {
        expectRoundTrip(graph, (l) => l);
        const part = partOf(parsePajek(toPajek(graph), { file: 'round.net' }));
        expect(part.people.map((p) => p.id)).toEqual(graph.nodes.map((n) => n.label));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps people apart by position when labels repeat, are blank or hold line breaks', () => {
    const label = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('Sam', 'Sam', ' ', 'a\nb', '\t'));
    fc.assert(
      fc.property(arbitraryGraph(label, false, fc.constantFrom('tie', 'advice', 'co-work')), (graph) => {
        // eslint-disable-next-line no-control-regex
        const clean = (l: string, id: string) => l.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ').trim() || id;
        expectRoundTrip(graph, clean);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps attributes as partitions (text, flags, lists, mixes) and vectors (numbers), measures too, and who has no value', () => {
    const number = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true })).map((x) => (Object.is(x, -0) ? 0 : x));
    const text = fc.oneof(fc.string({ maxLength: 8, unit: 'grapheme' }), fc.constantFrom('Health', '1: a; 2: b', 'line\nbreak', '\u2028', '"', 'null', '12', ''));
    const anyValue: fc.Arbitrary<AttributeValue | undefined> = fc.oneof(
      text,
      number,
      fc.boolean(),
      fc.array(text, { maxLength: 3 }),
      fc.constant(null),
      fc.constant(undefined),
    );
    const numberValue: fc.Arbitrary<AttributeValue | undefined> = fc.oneof(number, fc.constant(null), fc.constant(undefined), fc.constant(999999998));
    const measure = fc.option(fc.oneof(fc.integer({ min: 1, max: 5 }), number), { nil: undefined });
    const label = fc.string({ minLength: 1, maxLength: 6 }).map((s) => s.replace(/[^A-Za-z0-9]/g, 'x'));
    const columns = ['sector', 'years', 'Ωμέγα & "co"', 'tags'] as const;
    fc.assert(
      fc.property(
        arbitraryGraph(label, true, fc.constantFrom('tie', 'advice')),
        fc.array(fc.tuple(anyValue, numberValue, anyValue, anyValue, measure, measure), { minLength: 12, maxLength: 12 }),
        (graph, values) => {
          graph.nodes.forEach((n, i) => {
            const [a, b, c, d, degree, community] = values[i] as [AttributeValue | undefined, AttributeValue | undefined, AttributeValue | undefined, AttributeValue | undefined, number | undefined, number | undefined];
            [a, b, c, d].forEach((value, k) => {
              if (value !== undefined) n.attributes[columns[k] as string] = value;
            });
            if (degree !== undefined) n.metrics.degree = degree;
            if (community !== undefined) n.metrics.community = community;
          });
          expectRoundTrip(graph, (l) => l);
          const part = partOf(parsePajek(toPajek(graph), { file: 'round.paj' }));
          const written = (get: (n: ExportNode) => AttributeValue | undefined) => graph.nodes.some((n) => get(n) !== undefined && get(n) !== null);
          for (const name of columns) {
            const get = (n: ExportNode) => n.attributes[name];
            if (!written(get)) expect(part.people.every((p) => !(name in p.attributes))).toBe(true);
            else expect(part.people.map((p) => p.attributes[name])).toEqual(graph.nodes.map((n) => get(n) ?? null));
          }
          for (const name of ['degree', 'community']) {
            const get = (n: ExportNode) => n.metrics[name];
            if (written(get)) expect(part.people.map((p) => p.attributes[name])).toEqual(graph.nodes.map((n) => get(n) ?? null));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
