/**
 * The DOT reader on Graphviz's own sample graphs (test/fixtures/formats/dot/, origins in its
 * README), checked against Graphviz's parser reading the same files through pygraphviz
 * (test/reference/formats/gml_dot.json, written by make_gml_dot.py), and on broken and hostile ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DRAWING_ATTRIBUTES, htmlLabelText, looksLikeDot, MAX_DOT_CHAIN, MAX_DOT_CHARS, MAX_DOT_DEPTH, parseDot } from '../../../src/engine/io/dot.ts';
import { partOf } from './read-part.ts';
import { readSoFar } from '../../../src/engine/core/util/result.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dot = (name: string): string => readFileSync(`${root}test/fixtures/formats/dot/${name}`, 'utf8');

interface Expected {
  people: number;
  edges: number;
  ties: number;
  directed: boolean;
  strict: boolean;
  weight_sum: number;
  max_tie_weight: number | null;
  relations: string[];
  self_loops: number;
  first_labels: Record<string, string>;
  graph_label: string | null;
  subgraphs: Record<string, { label: string | null; members: string[] }>;
}
const reference = JSON.parse(readFileSync(`${root}test/reference/formats/gml_dot.json`, 'utf8')) as { dot: Record<string, Expected> };

describe('parseDot on Graphviz sample graphs, against Graphviz itself', () => {
  for (const [name, expected] of Object.entries(reference.dot)) {
    it(`${name}: ${expected.people} people, ${expected.ties} ties${expected.strict ? ', strict' : ''}`, () => {
      const part = partOf(parseDot(dot(name), { file: name }));
      expect(part.ok).toBe(true);
      const repeats = part.issues.filter((i) => i.code === 'duplicate-edge').length;
      const labels = new Map(part.people.map((p) => [p.id, p.label]));
      expect(part.people).toHaveLength(expected.people);
      expect(part.ties.length + repeats).toBe(expected.edges);
      expect(part.ties).toHaveLength(expected.ties);
      expect(part.ties.every((t) => t.directed === expected.directed)).toBe(true);
      expect(part.ties.reduce((sum, t) => sum + t.weight, 0)).toBeCloseTo(expected.weight_sum, 9);
      expect(part.ties.reduce((max, t) => Math.max(max, t.weight), 0)).toBeCloseTo(expected.max_tie_weight ?? 0, 9);
      expect([...new Set(part.ties.map((t) => t.relation))].sort()).toEqual(expected.relations);
      expect(part.ties.filter((t) => t.source === t.target)).toHaveLength(expected.self_loops);
      for (const [id, label] of Object.entries(expected.first_labels)) expect(labels.get(id), id).toBe(label);
      if (expected.graph_label !== null) expect(part.name).toBe(expected.graph_label);
      for (const subgraph of Object.values(expected.subgraphs)) {
        for (const member of subgraph.members) {
          const person = part.people.find((p) => p.id === member);
          expect(person?.attributes.subgraph, member).toBe(subgraph.label);
        }
      }
    });
  }

  it('names cluster members by the cluster label, though the label comes after them', () => {
    const part = partOf(parseDot(dot('clust4.gv'), { file: 'clust4.gv' }));
    expect(part.people.map((p) => [p.id, p.attributes.subgraph])).toEqual([
      ['a0', 'process #1'],
      ['a1', 'process #1'],
      ['a2', 'process #1'],
      ['a3', 'process #1'],
      ['b0', 'process #2'],
      ['b1', 'process #2'],
      ['b2', 'process #2'],
      ['b3', 'process #2'],
      ['start', null],
      ['end', null],
    ]);
    expect(part.name).toBe('G');
    expect(part.issues).toEqual([]);
  });

  it('applies node defaults within their subgraph only, and edge labels as relations', () => {
    const part = partOf(parseDot(dot('ER.gv'), { file: 'ER.gv' }));
    const label = (id: string) => part.people.find((p) => p.id === id)?.label;
    expect([label('name0'), label('name2'), label('code'), label('C-I')]).toEqual(['name', 'name', 'code', 'C-I']);
    expect(part.relations.map((r) => [r.name, r.directed])).toEqual([
      ['tie', false],
      ['n', false],
      ['1', false],
      ['m', false],
    ]);
    expect(part.name).toBe('Entity Relation Diagram drawn by NEATO');
  });

  it('reads weight, and keeps data attributes while leaving drawing attributes out', () => {
    const petersen = partOf(parseDot(dot('Petersen.gv'), { file: 'Petersen.gv' }));
    expect(petersen.ties.find((t) => t.source === '0' && t.target === '5')).toEqual({
      source: '0',
      target: '5',
      relation: 'tie',
      directed: false,
      weight: 5,
    });
    const states = partOf(parseDot(dot('states.gv'), { file: 'states.gv' }));
    expect(states.ties.map((t) => [t.source, t.target, t.relation, t.attributes])).toEqual([
      ['empty', 'full', 'return', undefined],
      ['empty', 'stolen', 'dispatch', { wt: 28 }],
      ['stolen', 'full', 'return', undefined],
      ['stolen', 'waiting', 'touch', undefined],
      ['waiting', 'full', 'return', undefined],
    ]);
    expect(states.people.every((p) => Object.keys(p.attributes).length === 0)).toBe(true);
    expect(DRAWING_ATTRIBUTES.has('shape')).toBe(true);
  });

  it('reads HTML labels as their text, and non-Latin names and labels', () => {
    const table = partOf(parseDot(dot('table.gv'), { file: 'table.gv' }));
    expect(table.people.map((p) => p.label)).toEqual(['a b c', 'elefantel two buca c f patratos 4', 'Hello b a dino y rhino climb Up low']);
    const japanese = partOf(parseDot(dot('japanese.gv'), { file: 'japanese.gv' }));
    expect(japanese.name).toBe('下駄配列の派生図');
    expect(japanese.people[0]).toEqual({ id: 'getas', label: '下駄配列', attributes: {} });
    const russian = partOf(parseDot(dot('russian.gv'), { file: 'russian.gv' }));
    expect(russian.ties[0]).toMatchObject({ source: 'Контрагенты', target: 'БанковскиеСчета', directed: true });
    expect(htmlLabelText('<b>Ana</b> &amp; <i>Ben</i><br/>O&#39;Neil &#x4E2D;')).toBe("Ana & Ben O'Neil 中");
  });

  it('reads weight 0 (a Graphviz layout hint) as 1, with one warning for all such edges', () => {
    const part = partOf(parseDot(dot('honda-tokoro.gv'), { file: 'honda-tokoro.gv' }));
    expect(part.ok).toBe(true);
    const zero = part.issues.filter((i) => i.code === 'zero-weight');
    expect(zero).toEqual([
      expect.objectContaining({ level: 'warning', row: 15, field: 'weight', message: expect.stringMatching(/^4 edges have weight 0/) }),
    ]);
  });

  it('keeps one edge per pair in a strict graph, the later statement setting its attributes', () => {
    const part = partOf(parseDot('strict digraph { a -> b [weight=2]; a -> b [weight=5, label=advice]; b -> a; a -> a; a -> a }', { file: 's.gv' }));
    expect(part.ties).toEqual([
      { source: 'a', target: 'b', relation: 'advice', directed: true, weight: 5 },
      { source: 'b', target: 'a', relation: 'tie', directed: true, weight: 1 },
      { source: 'a', target: 'a', relation: 'tie', directed: true, weight: 1 },
    ]);
    expect(part.issues.map((i) => i.code)).toEqual(['self-loop']);
    const inet = partOf(parseDot(dot('inet.dot'), { file: 'inet.dot' }));
    expect(inet.issues).toEqual([]);
  });

  it('reads chains, groups, ports, escapes and line continuations', () => {
    const text = [
      'digraph "Team \\"A\\"" {',
      '  edge [relation=advice]',
      '  a:f1:n -> b:s -> {c; d} [weight=2];',
      '  x [label="Ana\\nLima (\\N)", team="blue", years=3];',
      '  y [label="Ben \\',
      'Okafor", years="007"];',
      '  x -> y [label="ignored: relation wins", since=2019];',
      '}',
    ].join('\n');
    const part = partOf(parseDot(text, { file: 't.gv' }));
    expect(part.name).toBe('Team "A"');
    const named = partOf(parseDot('digraph { subgraph cluster_a { graph [label="Board"]; a } subgraph sales { b } { c } }', { file: 's.gv' }));
    expect(named.people.map((p) => p.attributes.subgraph)).toEqual(['Board', 'sales', null]);
    expect(part.ties.map((t) => [t.source, t.target, t.relation, t.weight])).toEqual([
      ['a', 'b', 'advice', 2],
      ['b', 'c', 'advice', 2],
      ['b', 'd', 'advice', 2],
      ['x', 'y', 'advice', 1],
    ]);
    expect(part.ties[3]?.attributes).toEqual({ since: 2019 });
    const x = part.people.find((p) => p.id === 'x');
    const y = part.people.find((p) => p.id === 'y');
    expect(x).toEqual({ id: 'x', label: 'Ana Lima (x)', attributes: { team: 'blue', years: '3' } });
    expect(y).toEqual({ id: 'y', label: 'Ben Okafor', attributes: { years: '007' } });
  });

  it('is told DOT files from others by looksLikeDot', () => {
    for (const name of Object.keys(reference.dot)) expect(looksLikeDot(dot(name)), name).toBe(true);
    expect(looksLikeDot('// c\n/* d */\nSTRICT DiGraph x {}')).toBe(true);
    expect(looksLikeDot('graph [ node [ id 1 ] ]')).toBe(false);
    expect(looksLikeDot('<graphml/>')).toBe(false);
    expect(looksLikeDot('source,target\na,b\n')).toBe(false);
  });
});

describe('parseDot on broken and hostile files', () => {
  it('reports a syntax error with its line, reading nothing', () => {
    const text = dot('unix.gv');
    const cut = text.slice(0, text.indexOf('"Interdata" -> "PWB 2.0"') + 17);
    const result = parseDot(cut, { file: 'unix.gv' });
    expect(result.ok).toBe(false);
    const part = partOf(result);
    expect(part.people).toEqual([]);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'error', code: 'bad-dot', file: 'unix.gv', row: 12 })]);
    expect(part.issues[0]?.message).toBe('the DOT text ends too early: a quote, bracket or brace is not closed (the file may be cut short)');
    const stray = parseDot('digraph {\n a -> b;\n c -> ;\n}', { file: 'g.gv' });
    expect(stray.issues).toEqual([expect.objectContaining({ code: 'bad-dot', row: 3, message: expect.stringMatching(/^the DOT text could not be read: Expected .* but ";" found$/) })]);
  });

  it('refuses -> in an undirected graph, an unclosed brace and a bad weight, each on its line', () => {
    const undirected = parseDot('graph {\n a -- b\n b -> c\n}', { file: 'g.gv' });
    expect(undirected.issues).toEqual([expect.objectContaining({ code: 'bad-dot', row: 3, message: expect.stringContaining('"--"') })]);
    const unclosed = parseDot('digraph {\n a -> b\n', { file: 'g.gv' });
    expect(unclosed.issues).toEqual([expect.objectContaining({ code: 'bad-dot', row: 3 })]);
    const weight = partOf(parseDot('digraph {\n a -> b [weight=-2]\n b -> c [weight=heavy]\n c -> a\n}', { file: 'g.gv' }));
    expect(weight.ok).toBe(false);
    expect(weight.issues.map((i) => [i.code, i.row, i.field, i.message])).toEqual([
      ['bad-weight', 2, 'weight', 'weight is negative ("-2"); weights must be above 0'],
      ['bad-weight', 3, 'weight', 'weight is not a number: "heavy"'],
    ]);
  });

  it('creates nodes named only in edges (DOT declares nodes by using them), and reads quoted names', () => {
    const part = partOf(parseDot('digraph { "Zoë \\"Z\\" O\'Brien" -> "北京"; 北京 -> "😀" }', { file: 'q.gv' }));
    expect(part.ok).toBe(true);
    expect(part.people.map((p) => p.label)).toEqual(['Zoë "Z" O\'Brien', '北京', '😀']);
    expect(part.issues).toEqual([]);
  });

  it('refuses files of other formats given a .dot name, saying what they look like', () => {
    expect(parseDot('graph [\n node [ id 1 ]\n]\n', { file: 'x.dot' }).issues).toEqual([
      expect.objectContaining({ code: 'wrong-format', row: 1, message: expect.stringContaining('GML') }),
    ]);
    expect(parseDot('<?xml version="1.0"?><graphml/>', { file: 'x.dot' }).issues[0]?.message).toContain('XML');
    expect(parseDot('{"nodes": []}', { file: 'x.dot' }).issues[0]?.message).toContain('JSON');
    expect(parseDot('', { file: 'x.dot' }).issues[0]?.code).toBe('empty-file');
  });

  it(`refuses subgraphs nested deeper than ${MAX_DOT_DEPTH} and chains longer than ${MAX_DOT_CHAIN} without overflowing the stack`, () => {
    const deep = `digraph {\n${'{'.repeat(100_000)}a${'}'.repeat(100_000)}}`;
    expect(parseDot(deep, { file: 'deep.gv' }).issues).toEqual([expect.objectContaining({ code: 'too-deep', row: 2 })]);
    // Braces inside strings, HTML labels and comments do not count.
    const quoted = `digraph { a [label="${'{'.repeat(200)}"]; b [label=<${'<b>{'.repeat(50)}x${'</b>'.repeat(50)}>] /* ${'{'.repeat(200)} */ }`;
    expect(parseDot(quoted, { file: 'q.gv' }).ok).toBe(true);
    const chain = `digraph { ${Array.from({ length: MAX_DOT_CHAIN + 5 }, (_, i) => `n${i}`).join(' -> ')} }`;
    expect(parseDot(chain, { file: 'chain.gv' }).issues).toEqual([expect.objectContaining({ code: 'bad-dot', message: expect.stringContaining('chain') })]);
  });

  it(`refuses a file over ${MAX_DOT_CHARS / 1e6} MB at once, saying what to use instead`, () => {
    const huge = `digraph {\n${'a -> b;\n'.repeat(Math.ceil(MAX_DOT_CHARS / 8) + 10)}}`;
    const started = performance.now();
    const result = parseDot(huge, { file: 'huge.gv' });
    expect(result.issues).toEqual([expect.objectContaining({ level: 'error', code: 'too-large', message: expect.stringContaining('edge list') })]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reads a large file in time that grows with its length', () => {
    const lines = ['digraph big {'];
    for (let i = 0; i < 40_000; i++) lines.push(`p${i % 8000} -> p${(i * 7 + 3) % 7999} [weight=${1 + (i % 3)}];`);
    lines.push('}');
    const started = performance.now();
    const part = partOf(parseDot(lines.join('\n'), { file: 'big.gv' }));
    expect(part.people.length).toBe(8000);
    expect(performance.now() - started).toBeLessThan(20_000);
    // Each person with an attribute no one else has: attributes are not spread to everyone.
    const sparse = ['graph {', ...Array.from({ length: 20_000 }, (_, i) => `n${i} [k${i}=${i}]`), '}'].join('\n');
    const begun = performance.now();
    const read = partOf(parseDot(sparse, { file: 'sparse.gv' }));
    expect(read.people[5]?.attributes).toEqual({ k5: 5 });
    expect(performance.now() - begun).toBeLessThan(20_000);
  });

  it('refuses a node named "" (or only spaces) with its line, and leaves out its edges', () => {
    const read = parseDot('graph {\n  a -- b\n  b -- ""\n  " " -- a\n}\n', { file: 'empty.gv' });
    expect(read.ok).toBe(false);
    expect(read.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['missing-id', 3, 'id'],
      ['missing-id', 4, 'id'],
    ]);
    const part = readSoFar(read)!;
    expect(part.people.map((p) => p.id)).toEqual(['a', 'b']);
    expect(part.ties.map((t) => [t.source, t.target])).toEqual([['a', 'b']]);
  });
});
