/**
 * Adjacency lists (Gephi's `a;b;c`, networkx write_adjlist, SocNetV's .lst) on real files,
 * compared with networkx 2.8.8's read_adjlist of the same files
 * (test/reference/formats/edgelists.json, make_edgelists.py), and the rule that tells an
 * adjacency list from a headerless edge list.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Tie } from '../../../src/engine/core/model/records.ts';
import { formatIssueGroup, groupIssues } from '../../../src/engine/core/util/issue-groups.ts';
import { looksLikeAdjacencyList, parseAdjacencyList } from '../../../src/engine/io/adjacency-list.ts';
import { looksLikeEdgeListText } from '../../../src/engine/io/edge-list-text.ts';
import { partOf } from './read-part.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const formats = (path: string): string => readFileSync(`${root}test/fixtures/formats/${path}`, 'utf8');

interface Reading {
  directed: boolean;
  nodes: string[];
  edges: Array<[string, string, number | null]>;
  edge_count: number;
}
const reference = JSON.parse(readFileSync(`${root}test/reference/formats/edgelists.json`, 'utf8')) as {
  files: Record<string, Record<string, Reading>>;
};
const ref = (file: string, reading: string): Reading => {
  const found = reference.files[file]?.[reading];
  if (found === undefined) throw new Error(`no reference reading ${reading} of ${file}`);
  return found;
};
const pairsOf = (ties: readonly Tie[]): string[] =>
  ties.map((t) => (t.directed || t.source <= t.target ? [t.source, t.target] : [t.target, t.source]).join('\u0000')).sort();
const refPairs = (reading: Reading): string[] => reading.edges.map(([a, b]) => `${a}\u0000${b}`).sort();
const sorted = (names: readonly string[]): string[] => [...names].sort();

describe('parseAdjacencyList on real files', () => {
  it('reads SocNetV\'s Mexican power network (.lst, no line break at the end) as networkx does, both ways', () => {
    const text = formats('adjlist/socnetv-mexican-power-1940s.lst');
    const undirected = partOf(parseAdjacencyList(text, { file: 'mexican.lst' }));
    const expected = ref('adjlist/socnetv-mexican-power-1940s.lst', 'undirected');
    expect(undirected.ok).toBe(true);
    expect(sorted(undirected.people.map((p) => p.id))).toEqual(sorted(expected.nodes));
    expect(pairsOf(undirected.ties)).toEqual(refPairs(expected));
    // Every tie is listed from both ends: read undirected, each second listing is a reversed repeat, shown as one line.
    expect(undirected.issues).toHaveLength(expected.edge_count);
    expect(groupIssues(undirected.issues).map(formatIssueGroup)).toEqual([
      // Lines 4, 6 and 7 each repeat ties of earlier lines (23 – 18; 5 – 4; 6 – 5 and 6 – 4, ...).
      'mexican.lst: 53 ties also appear in reverse (b – a after a – b); each was merged into the first one and the weights added: rows 4, 6, 7, …',
    ]);
    const directed = partOf(parseAdjacencyList(text, { file: 'mexican.lst', directed: true }));
    expect(pairsOf(directed.ties)).toEqual(refPairs(ref('adjlist/socnetv-mexican-power-1940s.lst', 'directed')));
    expect(directed.issues).toEqual([]);
    expect(directed.tieOrigins?.at(-1)).toMatchObject({ row: 19, rowUnit: 'line', targetField: 'name 4' });
  });

  it('reads networkx write_adjlist output (comment lines, a last name alone) as networkx read_adjlist does', () => {
    const florentine = partOf(parseAdjacencyList(formats('adjlist/networkx-florentine.adjlist'), { file: 'florentine.adjlist' }));
    const expected = ref('adjlist/networkx-florentine.adjlist', 'undirected');
    expect(florentine.ok).toBe(true);
    expect(florentine.issues).toEqual([]);
    expect(sorted(florentine.people.map((p) => p.id))).toEqual(sorted(expected.nodes));
    expect(pairsOf(florentine.ties)).toEqual(refPairs(expected));
    const kite = partOf(parseAdjacencyList(formats('adjlist/networkx-kite-directed.adjlist'), { file: 'kite.adjlist', directed: true }));
    expect(pairsOf(kite.ties)).toEqual(refPairs(ref('adjlist/networkx-kite-directed.adjlist', 'directed')));
    expect(kite.issues).toEqual([]);
  });

  it('reads Gephi\'s documented adjacency list (a;b / b;c;d) and its mixed example, a repeat adding weight as Gephi does', () => {
    const adjacency = partOf(parseAdjacencyList(formats('adjlist/gephi-docs-adjacency.csv'), { file: 'adj.csv', directed: true }));
    expect(pairsOf(adjacency.ties)).toEqual(refPairs(ref('adjlist/gephi-docs-adjacency.csv', 'directed')));
    expect(adjacency.ties.map((t) => [t.source, t.target])).toEqual([
      ['a', 'b'],
      ['b', 'c'],
      ['b', 'd'],
    ]);
    const mixed = partOf(parseAdjacencyList(formats('adjlist/gephi-docs-mixed.csv'), { file: 'mixed.csv', directed: true }));
    expect(pairsOf(mixed.ties)).toEqual(refPairs(ref('adjlist/gephi-docs-mixed.csv', 'directed')));
    // "D -> E is repeated twice ... D -> E has a edge weight at two" (Gephi's documentation).
    expect(mixed.ties.find((t) => t.source === 'D' && t.target === 'E')?.weight).toBe(2);
    expect(mixed.issues.map((i) => [i.code, i.row])).toEqual([
      ['self-loop', 3],
      ['duplicate-edge', 6],
    ]);
  });
});

describe('parseAdjacencyList details and broken files', () => {
  it('keeps a name alone on its line as a person, reads quotes, tabs between names with spaces, and other scripts', () => {
    const part = partOf(parseAdjacencyList('"Ana Ruiz";"Jin Chen";Bo\nCara\n', { file: 'q.csv' }));
    expect(part.people.map((p) => p.id)).toEqual(['Ana Ruiz', 'Jin Chen', 'Bo', 'Cara']);
    expect(part.ties.map((t) => [t.source, t.target])).toEqual([
      ['Ana Ruiz', 'Jin Chen'],
      ['Ana Ruiz', 'Bo'],
    ]);
    const tabs = partOf(parseAdjacencyList('Мария Иванова\t李雷\tJosé Núñez\nअनिल\n', { file: 't.tsv' }));
    expect(tabs.people.map((p) => p.id)).toEqual(['Мария Иванова', '李雷', 'José Núñez', 'अनिल']);
    expect(tabs.ties).toHaveLength(2);
  });

  it('reads lines separated by tabs and lines separated by spaces in one file, when no name holds a space', () => {
    const part = partOf(parseAdjacencyList('a\tb \t c\nb d   e \n', { file: 'm.txt' }));
    expect(part.ties.map((t) => [t.source, t.target])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'd'],
      ['b', 'e'],
    ]);
  });

  it('reports a line cut inside a quote with its line, and reads the others', () => {
    const part = partOf(parseAdjacencyList('a;b\n"Ana;c\n', { file: 'cut.csv' }));
    expect(part.ok).toBe(false);
    expect(part.ties).toHaveLength(1);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'error', code: 'bad-quote', file: 'cut.csv', row: 2, field: 'name' })]);
  });

  it('gives one clear error for a file of another format, and for one with no names', () => {
    const xml = partOf(parseAdjacencyList('<?xml version="1.0"?>\n<gexf/>\n', { file: 'x.adj' }));
    expect(xml.issues).toEqual([expect.objectContaining({ level: 'error', code: 'wrong-format', row: 1 })]);
    expect(xml.issues[0]?.message).toContain('XML');
    const pajek = partOf(parseAdjacencyList('% made by Pajek\n*Vertices 2\n1 "a"\n', { file: 'p.adj' }));
    expect(pajek.issues).toEqual([expect.objectContaining({ code: 'wrong-format', row: 2 })]);
    const empty = partOf(parseAdjacencyList('# nothing\n\n', { file: 'e.adj' }));
    expect(empty.issues).toEqual([expect.objectContaining({ level: 'error', code: 'no-ties', row: 1 })]);
  });

  it('reads 1,000,000 lines in one pass', () => {
    const lines: string[] = [];
    for (let i = 0; i < 1_000_000; i++) lines.push(`p${i} p${i + 1}`);
    const part = partOf(parseAdjacencyList(lines.join('\n'), { file: 'big.adj', directed: true }));
    expect(part.ok).toBe(true);
    expect(part.ties).toHaveLength(1_000_000);
    expect(part.people).toHaveLength(1_000_001);
  }, 180_000);
});

describe('telling an adjacency list from an edge list', () => {
  it('takes ; and | separated names, lines of four or more values, and three values ending in a name, as adjacency lists', () => {
    for (const path of [
      'adjlist/socnetv-mexican-power-1940s.lst',
      'adjlist/networkx-florentine.adjlist',
      'adjlist/networkx-kite-directed.adjlist',
      'adjlist/gephi-docs-adjacency.csv',
      'adjlist/gephi-docs-mixed.csv',
    ]) {
      const text = formats(path);
      expect([path, looksLikeAdjacencyList(text)]).toEqual([path, true]);
      expect([path, looksLikeEdgeListText(text)]).toEqual([path, false]);
    }
    expect(looksLikeAdjacencyList('a|b|c\n')).toBe(true);
    expect(looksLikeAdjacencyList('a b c\n')).toBe(true);
  });

  it('leaves two names and a number per line to edge lists, and claims neither when the only sign is a lone name', () => {
    for (const path of ['edgelist/snap-ca-grqc-head.txt', 'edgelist/networkx-karate.edgelist', 'edgelist/networkx-lesmis-weight.edgelist', 'edgelist/igraph-graph1.ncol']) {
      const text = formats(path);
      expect([path, looksLikeAdjacencyList(text), looksLikeEdgeListText(text)]).toEqual([path, false, true]);
    }
    // networkx's write_adjlist of a path (1 2 / 2 3 / 3) or an edge list cut short: ask, do not guess.
    const ambiguous = '1 2\n2 3\n3\n';
    expect([looksLikeAdjacencyList(ambiguous), looksLikeEdgeListText(ambiguous)]).toEqual([false, false]);
    expect(looksLikeAdjacencyList('a;b;3\nb;c;1\n')).toBe(false);
  });

  it('leaves matrices, tables with a header, XML and JSON alone', () => {
    expect(looksLikeAdjacencyList(';A;B;C\nA;0;1;0\nB;1;0;0\nC;0;0;1\n')).toBe(false);
    expect(looksLikeAdjacencyList('0 1 0 1\n1 0 1 0\n0 1 0 1\n1 0 1 0\n')).toBe(false);
    expect(looksLikeAdjacencyList('source;target;relation\nAna;Ben;advice\n')).toBe(false);
    expect(looksLikeAdjacencyList('<graphml/>')).toBe(false);
    expect(looksLikeAdjacencyList('{"a": ["b", "c", "d"]}')).toBe(false);
    expect(looksLikeAdjacencyList('')).toBe(false);
  });
});
