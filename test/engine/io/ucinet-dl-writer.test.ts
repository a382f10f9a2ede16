/**
 * UCINET DL writer: what it writes for two sample networks is committed
 * (test/fixtures/formats/ucinet/netweave-written-*.dl) and read back by python-igraph and an
 * independent reader in test/reference/formats/make_ucinet.py, whose readings (ucinet.json) must
 * be the samples' people, ties and weights; and every network round-trips through
 * `parseUcinetDl` with the same people, ties, weights and relations.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExportGraph, ExportNode } from '../../../src/engine/io/export-graph.ts';
import { toUcinetDl } from '../../../src/engine/io/ucinet-dl-writer.ts';
import { parseUcinetDl } from '../../../src/engine/io/ucinet-dl.ts';
import { partOf } from './read-part.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const written = (name: string): string => readFileSync(`${ROOT}test/fixtures/formats/ucinet/${name}`, 'utf8');
const reference = JSON.parse(readFileSync(`${ROOT}test/reference/formats/ucinet.json`, 'utf8')) as {
  writer: Record<
    string,
    {
      people: string[];
      directed: boolean;
      relations: string[];
      ties: Array<[string, string, string, number]>;
      igraph?: { names: string[]; arcs: Array<[string, string, number]> };
    }
  >;
};

const node = (id: string, label = id): ExportNode => ({ id, label, attributes: {}, metrics: {} });

/**
 * One relation, undirected, labels without spaces: igraph reads the written file. The same
 * network is WRITER_SAMPLES["netweave-written-simple.dl"] in make_ucinet.py.
 */
const SIMPLE_SAMPLE: ExportGraph = {
  directed: false,
  nodes: ['ana', 'ben', 'caro', 'dev', 'eli'].map((id) => node(id)),
  edges: [
    { source: 'ana', target: 'ben', weight: 2, relation: 'advice' },
    { source: 'ben', target: 'caro', weight: 1.5, relation: 'advice' },
    { source: 'caro', target: 'ana', weight: 1, relation: 'advice' },
    { source: 'dev', target: 'caro', weight: 0.25, relation: 'advice' },
  ],
};

/** Two relations, directed, labels with spaces, a comma, non-Latin letters and a DL keyword. */
const MULTI_SAMPLE: ExportGraph = {
  directed: true,
  nodes: [node('a', 'Ana Lima'), node('b', 'Ben Okafor'), node('c', 'Carolina Ruíz'), node('d', 'Dev, Jr.'), node('e', 'data')],
  edges: [
    { source: 'a', target: 'b', weight: 3, relation: 'advice' },
    { source: 'b', target: 'a', weight: 1, relation: 'advice' },
    { source: 'c', target: 'd', weight: 2.5, relation: 'advice' },
    { source: 'a', target: 'c', weight: 1, relation: 'close friends' },
    { source: 'c', target: 'a', weight: 1, relation: 'close friends' },
    { source: 'e', target: 'e', weight: 4, relation: 'close friends' },
  ],
};

const SAMPLES: Record<string, ExportGraph> = {
  'netweave-written-simple.dl': SIMPLE_SAMPLE,
  'netweave-written-multi.dl': MULTI_SAMPLE,
};

/** The sample's ties by label, as `from to relation weight`, each undirected tie once. */
function sampleTies(graph: ExportGraph): Array<[string, string, string, number]> {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return graph.edges.map((e) => [label.get(e.source) as string, label.get(e.target) as string, e.relation, e.weight]);
}

function roundTrip(graph: ExportGraph) {
  const text = toUcinetDl(graph);
  const part = partOf(parseUcinetDl(text, { file: 'back.dl', directed: graph.directed }));
  return { text, part };
}

/** Ties as sorted `from to relation weight`, undirected ends in order. */
function tieList(ties: Array<{ source: string; target: string; relation: string; weight: number; directed?: boolean }>, directed: boolean) {
  return ties
    .map((t) => {
      const [a, b] = directed || t.source <= t.target ? [t.source, t.target] : [t.target, t.source];
      return `${a} → ${b} [${t.relation}] ${t.weight}`;
    })
    .sort();
}

describe('toUcinetDl: the committed samples, read by igraph and the reference reader', () => {
  for (const [name, graph] of Object.entries(SAMPLES)) {
    it(`${name} is what the writer writes, and the reference read it as the sample`, () => {
      expect(toUcinetDl(graph)).toBe(written(name));
      const expected = reference.writer[name];
      expect(expected?.people).toEqual(graph.nodes.map((n) => n.label));
      expect(expected?.directed).toBe(graph.directed);
      expect(expected?.relations).toEqual([...new Set(graph.edges.map((e) => e.relation))]);
      expect(expected?.ties).toEqual(sampleTies(graph));
    });
  }

  it('igraph (Graph.Read_DL) reads the one-relation sample as the same people and weighted ties, both ways', () => {
    const igraph = reference.writer['netweave-written-simple.dl']?.igraph;
    expect(igraph?.names).toEqual(['ana', 'ben', 'caro', 'dev', 'eli']);
    const both = SIMPLE_SAMPLE.edges.flatMap((e) => [
      [e.source, e.target, e.weight],
      [e.target, e.source, e.weight],
    ]);
    expect(igraph?.arcs).toEqual(both.sort((x, y) => `${x[0]} ${x[1]}`.localeCompare(`${y[0]} ${y[1]}`)));
  });

  it('writes the header UCINET expects: n, nm, edgelist1, every person listed, labels embedded, one matrix label per relation', () => {
    const lines = written('netweave-written-multi.dl').split('\n');
    expect(lines.slice(0, 3)).toEqual(['dl n=5 nm=2', 'format = edgelist1', 'labels:']);
    expect(lines.slice(8, 12)).toEqual(['labels embedded:', 'matrix labels:', 'advice', '"close friends"']);
    expect(lines).toContain('!');
    expect(lines).toContain('"data" "data" 4');
  });
});

describe('toUcinetDl round trip: same people, ties, weights and relations', () => {
  it('an undirected network (each tie written both ways reads back as one undirected tie)', () => {
    const { part } = roundTrip(SIMPLE_SAMPLE);
    expect(part.ok).toBe(true);
    expect(part.issues).toEqual([]);
    expect(part.people.map((p) => p.id)).toEqual(['ana', 'ben', 'caro', 'dev', 'eli']);
    expect(part.relations).toEqual([{ name: 'advice', directed: false }]);
    expect(tieList(part.ties, false)).toEqual(tieList(SIMPLE_SAMPLE.edges, false));
    // Read without saying how: symmetric, so undirected.
    expect(partOf(parseUcinetDl(toUcinetDl(SIMPLE_SAMPLE), { file: 'x.dl' })).relations).toEqual([{ name: 'advice', directed: false }]);
  });

  it('a directed network with two relations, labels with spaces, commas, accents and a keyword', () => {
    const { part } = roundTrip(MULTI_SAMPLE);
    expect(part.ok).toBe(true);
    expect(part.issues.map((i) => i.code)).toEqual(['self-loop']);
    expect(part.people.map((p) => p.label)).toEqual(MULTI_SAMPLE.nodes.map((n) => n.label));
    expect(part.relations).toEqual([
      { name: 'advice', directed: true },
      { name: 'close friends', directed: true },
    ]);
    const byLabel = new Map(MULTI_SAMPLE.nodes.map((n) => [n.id, n.label]));
    const expected = MULTI_SAMPLE.edges.map((e) => ({ ...e, source: byLabel.get(e.source) as string, target: byLabel.get(e.target) as string }));
    expect(tieList(part.ties, true)).toEqual(tieList(expected, true));
  });

  it('a directed relation whose every tie is returned with the same weight reads back undirected unless told', () => {
    const part = partOf(parseUcinetDl(toUcinetDl(MULTI_SAMPLE), { file: 'x.dl' }));
    expect(part.relations).toEqual([
      { name: 'advice', directed: true },
      { name: 'close friends', directed: false },
    ]);
  });

  it('keeps people without ties, adds up repeated ties, and falls back to ids when labels repeat', () => {
    const graph: ExportGraph = {
      directed: false,
      nodes: [node('p1', 'Sam'), node('p2', 'Sam'), node('p3', 'Alex'), node('p4', 'Kim')],
      edges: [
        { source: 'p1', target: 'p2', weight: 1, relation: 'tie' },
        { source: 'p2', target: 'p1', weight: 2, relation: 'tie' },
        { source: 'p3', target: 'p1', weight: 0.5, relation: 'tie' },
      ],
    };
    const { text, part } = roundTrip(graph);
    expect(text).toContain('labels:\np1\np2\np3\np4\n');
    expect(part.issues).toEqual([]);
    expect(part.people.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(tieList(part.ties, false)).toEqual(['p1 → p2 [tie] 3', 'p1 → p3 [tie] 0.5']);
  });

  it('labels with line breaks, quotes and tabs stay one label each', () => {
    const graph: ExportGraph = {
      directed: true,
      nodes: [node('x', 'Line\nbreak'), node('y', 'say "hi"'), node('z', 'tab\there'), node('w', '!')],
      edges: [
        { source: 'x', target: 'y', weight: 1, relation: 'a\nb' },
        { source: 'z', target: 'w', weight: 2, relation: 'a\nb' },
      ],
    };
    const { part } = roundTrip(graph);
    expect(part.ok).toBe(true);
    expect(part.people.map((p) => p.id)).toEqual(['Line break', "say 'hi'", 'tab here', '!']);
    expect(part.relations).toEqual([{ name: 'a b', directed: true }]);
    expect(part.ties).toHaveLength(2);
  });

  it('a network without ties: every person, one empty matrix called tie', () => {
    const graph: ExportGraph = { directed: false, nodes: [node('a'), node('b')], edges: [] };
    const { text, part } = roundTrip(graph);
    expect(text).toContain('dl n=2 nm=1');
    expect(part.ok).toBe(true);
    expect(part.people.map((p) => p.id)).toEqual(['a', 'b']);
    expect(part.ties).toEqual([]);
    expect(part.relations).toEqual([{ name: 'tie', directed: false }]);
  });

  it('a larger random network round-trips exactly', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const nodes = Array.from({ length: 300 }, (_, i) => node(`n${i}`, `Person ${i}`));
    const edges = Array.from({ length: 2000 }, () => ({
      source: `n${Math.floor(random() * 300)}`,
      target: `n${Math.floor(random() * 300)}`,
      weight: Math.round(random() * 100) / 10 + 0.1,
      relation: random() < 0.5 ? 'advice' : 'support',
    })).filter((e) => e.source !== e.target);
    const graph: ExportGraph = { directed: true, nodes, edges };
    const { part } = roundTrip(graph);
    expect(part.ok).toBe(true);
    expect(part.people).toHaveLength(300);
    // Repeated pairs are added up by the writer: compare with the summed sample.
    const summed = new Map<string, number>();
    for (const e of edges) {
      const key = `Person ${e.source.slice(1)} → Person ${e.target.slice(1)} [${e.relation}]`;
      summed.set(key, (summed.get(key) ?? 0) + e.weight);
    }
    const back = new Map(part.ties.map((t) => [`${t.source} → ${t.target} [${t.relation}]`, t.weight]));
    expect([...back.keys()].sort()).toEqual([...summed.keys()].sort());
    for (const [key, weight] of summed) expect(back.get(key)).toBeCloseTo(weight, 9);
  });
});
