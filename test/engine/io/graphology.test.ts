/**
 * graphology serialised JSON: the reader on real files (test/fixtures/formats/graphology/, origins
 * in its README) against json.load counts (test/reference/formats/gml_dot.json), on broken files,
 * and the writer: graphology's own Graph.from() opens what it writes, and the reader reads it back.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { ExportGraph } from '../../../src/engine/io/export-graph.ts';
import { looksLikeGraphologyJson, parseGraphologyJson } from '../../../src/engine/io/graphology-json.ts';
import { toGraphologyJson } from '../../../src/engine/io/graphology-json-writer.ts';
import { looksLikeGephiLite } from '../../../src/engine/io/gephi-lite.ts';
import { parseDot } from '../../../src/engine/io/dot.ts';
import { parseGml } from '../../../src/engine/io/gml.ts';
import { partOf } from './read-part.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const file = (name: string): string => readFileSync(`${root}test/fixtures/formats/graphology/${name}`, 'utf8');

interface Expected {
  people: number;
  edges: number;
  ties: number;
  directed: boolean;
  weight_sum: number;
  relations: string[];
  first_labels: Record<string, string>;
  name: string | null;
}
const reference = JSON.parse(readFileSync(`${root}test/reference/formats/gml_dot.json`, 'utf8')) as { graphology: Record<string, Expected> };

describe('parseGraphologyJson on real files, against json.load', () => {
  for (const [name, expected] of Object.entries(reference.graphology)) {
    it(`${name}: ${expected.people} people, ${expected.ties} ties`, () => {
      const part = partOf(parseGraphologyJson(file(name), { file: name }));
      expect(part.ok).toBe(true);
      const repeats = part.issues.filter((i) => i.code === 'duplicate-edge').length;
      expect(part.people).toHaveLength(expected.people);
      expect(part.ties.length + repeats).toBe(expected.edges);
      expect(part.ties).toHaveLength(expected.ties);
      expect(part.ties.every((t) => t.directed === expected.directed)).toBe(true);
      expect(part.ties.reduce((sum, t) => sum + t.weight, 0)).toBeCloseTo(expected.weight_sum, 9);
      expect([...new Set(part.ties.map((t) => t.relation))].sort()).toEqual(expected.relations);
      const labels = new Map(part.people.map((p) => [p.id, p.label]));
      for (const [id, label] of Object.entries(expected.first_labels)) expect(labels.get(id)).toBe(label);
      expect(part.name ?? null).toBe(expected.name);
      expect(looksLikeGraphologyJson(file(name))).toBe(true);
    });
  }

  it('keeps node attributes and reads Gephi Lite\'s "type" as the relation', () => {
    const clique = partOf(parseGraphologyJson(file('clique3.json'), { file: 'clique3.json' }));
    expect(clique.people[0]).toEqual({ id: '6', label: '6', attributes: { community: '1' } });
    expect(clique.issues).toEqual([]);
    const gephi = partOf(parseGraphologyJson(file('gephi-lite-test-graphology.json'), { file: 'g.json' }));
    expect(gephi.name).toBe('My Graph');
    expect(gephi.ties).toEqual([{ source: 'Thomas', target: 'Eric', relation: 'KNOWS', directed: true, weight: 1 }]);
  });

  it('reads direction from options.type and each edge of a mixed graph, leaves drawing attributes out', () => {
    const text = JSON.stringify({
      attributes: { title: 'Coalition', description: 'two layers' },
      options: { type: 'mixed', multi: true },
      nodes: [
        { key: 'ana', attributes: { label: 'Ana Lima', x: 1, y: 2, size: 5, color: '#f00', sector: 'Health', skills: ['media', 'budget'], meta: { a: 1 } } },
        { key: 2, attributes: { label: 'Ben' } },
      ],
      edges: [
        { source: 'ana', target: 2, attributes: { weight: 2, relation: 'advice', color: '#ccc', since: 2019 } },
        { source: 2, target: 'ana', undirected: true, attributes: { weight: '1.5', label: 'friends' } },
        { key: 'x', source: 'ana', target: 2, attributes: { weight: 3, relation: 'advice' } },
      ],
    });
    const part = partOf(parseGraphologyJson(text, { file: 'g.json' }));
    expect(part.name).toBe('Coalition');
    expect(part.description).toBe('two layers');
    expect(part.people).toEqual([
      { id: 'ana', label: 'Ana Lima', attributes: { sector: 'Health', skills: ['media', 'budget'], meta: '{"a":1}' } },
      { id: '2', label: 'Ben', attributes: {} },
    ]);
    expect(part.ties).toEqual([
      { source: 'ana', target: '2', relation: 'advice', directed: true, weight: 5, attributes: { since: 2019 } },
      { source: '2', target: 'ana', relation: 'friends', directed: false, weight: 1.5 },
    ]);
    expect(part.issues.map((i) => [i.level, i.code, i.field])).toEqual([
      ['warning', 'nested-attribute', 'nodes.0.attributes.meta'],
      ['warning', 'duplicate-edge', 'edges.2'],
    ]);
    const undirected = partOf(parseGraphologyJson(JSON.stringify({ options: { type: 'undirected' }, nodes: [{ key: 'a' }, { key: 'b' }], edges: [{ source: 'a', target: 'b' }] }), { file: 'u.json' }));
    expect(undirected.ties[0]?.directed).toBe(false);
  });
});

describe('parseGraphologyJson on broken files', () => {
  it('reports invalid JSON with its line, and a truncated file', () => {
    const text = file('clique3.json');
    const result = parseGraphologyJson(text.slice(0, 500), { file: 'cut.json' });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ level: 'error', code: 'not-json', row: 1, message: expect.stringContaining('ends too early') })]);
    const bad = parseGraphologyJson('{\n  "nodes": [\n    {"key": "a"},\n  ]\n}', { file: 'bad.json' });
    expect(bad.issues).toEqual([expect.objectContaining({ code: 'not-json', row: 4 })]);
  });

  it('adds an undeclared node, merges a repeated node, and refuses a missing key, a missing end and a bad weight by JSON path', () => {
    const text = JSON.stringify({
      nodes: [{ key: 'a', attributes: { label: 'Ana' } }, { attributes: {} }, { key: 'a', attributes: { label: 'Ann', team: 'x' } }],
      edges: [
        { source: 'a', target: 'zoe' },
        { source: 'a' },
        { source: 'a', target: 'zoe', attributes: { weight: 0 } },
        { source: 'a', target: 'zoe', attributes: { weight: [1] } },
      ],
    });
    const part = partOf(parseGraphologyJson(text, { file: 'g.json' }));
    expect(part.ok).toBe(false);
    expect(part.issues.map((i) => [i.level, i.code, i.field])).toEqual([
      ['error', 'missing-id', 'nodes.1.key'],
      ['warning', 'duplicate-node', 'nodes.2.key'],
      ['warning', 'unknown-id', 'edges.0.target'],
      ['error', 'missing-id', 'edges.1.target'],
      ['error', 'bad-weight', 'edges.2.attributes.weight'],
      ['error', 'bad-weight', 'edges.3.attributes.weight'],
    ]);
    expect(part.people).toEqual([
      { id: 'a', label: 'Ana', attributes: { team: 'x' } },
      { id: 'zoe', label: 'zoe', attributes: {} },
    ]);
  });

  it('reads keys and attribute names such as __proto__ as plain names (the dataset check refuses such ids later)', () => {
    const text = '{"nodes": [{"key": "__proto__", "attributes": {"__proto__": "x", "constructor": 1}}, {"key": "b"}], "edges": [{"source": "__proto__", "target": "b"}]}';
    const part = partOf(parseGraphologyJson(text, { file: 'g.json' }));
    expect(part.people[0]?.id).toBe('__proto__');
    expect(Object.keys(part.people[0]?.attributes ?? {})).toEqual(['__proto__', 'constructor']);
    expect(part.ties).toHaveLength(1);
    const gml = partOf(parseGml('graph [ node [ id "__proto__" constructor 2 ] edge [ source "__proto__" target "toString" ] ]', { file: 'g.gml' }));
    expect(gml.people.map((p) => p.id)).toEqual(['__proto__', 'toString']);
    const dot = partOf(parseDot('graph { __proto__ [constructor=1]; __proto__ -- toString }', { file: 'g.gv' }));
    expect(dot.people.map((p) => [p.id, Object.keys(p.attributes)])).toEqual([['__proto__', ['constructor']], ['toString', []]]);
  });

  it('reads non-Latin and quoted labels', () => {
    const text = JSON.stringify({ nodes: [{ key: 'ц', attributes: { label: 'Центр "Ц"' } }, { key: '😀', attributes: { label: "O'Brien & 北京" } }], edges: [{ source: 'ц', target: '😀' }] });
    const part = partOf(parseGraphologyJson(text, { file: 'g.json' }));
    expect(part.people.map((p) => p.label)).toEqual(['Центр "Ц"', "O'Brien & 北京"]);
  });

  it('refuses other formats with a .json name: a Gephi Lite project, a netweave dataset, GraphML, an array', () => {
    const gephi = readFileSync(`${root}test/fixtures/formats/gephi-lite/les-miserables.json`, 'utf8');
    expect(parseGraphologyJson(gephi, { file: 'x.json' }).issues).toEqual([
      expect.objectContaining({ code: 'wrong-format', field: 'type', message: expect.stringContaining('Gephi Lite') }),
    ]);
    expect(looksLikeGraphologyJson(gephi)).toBe(false);
    expect(looksLikeGephiLite(gephi)).toBe(true);
    expect(parseGraphologyJson('{"format": "netweave-dataset", "version": 3, "people": []}', { file: 'x.json' }).issues[0]).toMatchObject({
      code: 'wrong-format',
      field: 'nodes',
    });
    expect(parseGraphologyJson('<graphml/>', { file: 'x.json' }).issues[0]?.message).toContain('XML');
    expect(parseGraphologyJson('[1, 2]', { file: 'x.json' }).issues[0]?.code).toBe('wrong-format');
    expect(looksLikeGraphologyJson('{"people": [], "ties": []}')).toBe(false);
    expect(looksLikeGraphologyJson('{"attributes": {}, "nodes": []}')).toBe(true);
  });
});

const sample: ExportGraph = {
  directed: false,
  nodes: [
    { id: 'ana', label: 'Ana Lima', attributes: { sector: 'Health', years: 12, lead: true, skills: ['media', 'budget'], size: 'L', none: null }, metrics: { degree: 2, betweenness: 0.5, broken: Number.NaN } },
    { id: 'ben', label: 'Ben "B" Okafor', attributes: { sector: 'Arts', years: 3 }, metrics: { degree: 1 } },
    { id: 'цзы', label: '北京 Zoë', attributes: {}, metrics: { degree: 1 } },
  ],
  edges: [
    { source: 'ana', target: 'ben', weight: 2.5, relation: 'advice' },
    { source: 'ben', target: 'ana', weight: 1, relation: 'advice' },
    { source: 'ana', target: 'цзы', weight: 1, relation: 'friendship' },
  ],
};

describe('toGraphologyJson', () => {
  it("is opened by graphology's Graph.from, with labels, attributes, metrics, weights and relations", () => {
    const graph = Graph.from(JSON.parse(toGraphologyJson(sample)));
    expect(graph.type).toBe('undirected');
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(3);
    expect(graph.getNodeAttributes('ana')).toEqual({
      label: 'Ana Lima',
      sector: 'Health',
      years: 12,
      lead: true,
      skills: 'media|budget',
      size_: 'L',
      degree: 2,
      betweenness: 0.5,
    });
    expect(graph.getNodeAttribute('цзы', 'label')).toBe('北京 Zoë');
    expect(graph.getEdgeAttributes('e0')).toEqual({ relation: 'advice', weight: 2.5 });
    expect(graph.extremities('e1')).toEqual(['ben', 'ana']);
    expect(graph.edges('ana', 'ben')).toHaveLength(2);
  });

  it('writes multi false when no two edges join the same people, so a plain Graph opens it', () => {
    const simple: ExportGraph = { ...sample, directed: true, edges: sample.edges.slice(0, 2) };
    const json = JSON.parse(toGraphologyJson(simple)) as { options: { type: string; multi: boolean } };
    expect(json.options).toEqual({ type: 'directed', multi: false, allowSelfLoops: true });
    expect(Graph.from(json as never).size).toBe(2);
  });

  it('round-trips: the reader reads back the same people, ties, weights and relations', () => {
    const part = partOf(parseGraphologyJson(toGraphologyJson(sample), { file: 'out.json' }));
    expect(part.people.map((p) => [p.id, p.label])).toEqual(sample.nodes.map((n) => [n.id, n.label]));
    expect(part.people[0]?.attributes).toMatchObject({ sector: 'Health', years: 12, lead: true, degree: 2 });
    // The two advice edges between Ana and Ben are one undirected tie in netweave.
    expect(part.ties).toEqual([
      { source: 'ana', target: 'ben', relation: 'advice', directed: false, weight: 3.5 },
      { source: 'ana', target: 'цзы', relation: 'friendship', directed: false, weight: 1 },
    ]);
    expect(part.issues.map((i) => i.code)).toEqual(['duplicate-edge']);
  });
});
