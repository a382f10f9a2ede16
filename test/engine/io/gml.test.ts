/**
 * The GML reader on real files (test/fixtures/formats/gml/, origins in its README), checked
 * against igraph's and networkx's reading of the same files (test/reference/formats/gml_dot.json,
 * written by make_gml_dot.py), and on broken and hostile ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportPart } from '../../../src/engine/io/types.ts';
import { looksLikeGml, MAX_GML_DEPTH, parseGml } from '../../../src/engine/io/gml.ts';
import { partOf } from './read-part.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const gml = (name: string): string => readFileSync(`${root}test/fixtures/formats/gml/${name}`, 'utf8');

interface Expected {
  people: number;
  edges: number;
  ties: number;
  directed: boolean;
  weight_sum: number;
  max_tie_weight: number | null;
  relations: string[];
  self_loops: number;
  first_labels: Record<string, string>;
}
const reference = JSON.parse(readFileSync(`${root}test/reference/formats/gml_dot.json`, 'utf8')) as { gml: Record<string, Expected> };

function summary(part: ImportPart & { issues: Array<{ code: string }> }) {
  const labels = new Map(part.people.map((p) => [p.id, p.label]));
  return {
    people: part.people.length,
    // Every repeated edge was merged into a tie and reported once.
    edges: part.ties.length + part.issues.filter((i) => i.code === 'duplicate-edge').length,
    ties: part.ties.length,
    directed: part.ties.every((t) => t.directed),
    weight_sum: part.ties.reduce((sum, t) => sum + t.weight, 0),
    max_tie_weight: part.ties.reduce((max, t) => Math.max(max, t.weight), 0),
    relations: [...new Set(part.ties.map((t) => t.relation))].sort(),
    self_loops: part.ties.filter((t) => t.source === t.target).length,
    first_labels: (ids: string[]) => Object.fromEntries(ids.map((id) => [id, labels.get(id)])),
  };
}

describe('parseGml on real files, against igraph and networkx', () => {
  for (const [name, expected] of Object.entries(reference.gml)) {
    it(`${name}: ${expected.people} people, ${expected.ties} ties, weights ${expected.weight_sum}`, () => {
      const part = partOf(parseGml(gml(name), { file: name }));
      expect(part.ok).toBe(true);
      const got = summary(part);
      expect(got.people).toBe(expected.people);
      expect(got.edges).toBe(expected.edges);
      expect(got.ties).toBe(expected.ties);
      expect(got.directed).toBe(expected.directed);
      expect(got.weight_sum).toBeCloseTo(expected.weight_sum, 9);
      expect(got.max_tie_weight).toBeCloseTo(expected.max_tie_weight ?? 0, 9);
      expect(got.relations).toEqual(expected.relations);
      expect(got.self_loops).toBe(expected.self_loops);
      expect(got.first_labels(Object.keys(expected.first_labels))).toEqual(expected.first_labels);
      expect(part.relations.every((r) => r.directed === expected.directed)).toBe(true);
    });
  }

  it("reads Newman's value as the weight and the Creator line as nothing", () => {
    const part = partOf(parseGml(gml('lesmis.gml'), { file: 'lesmis.gml' }));
    expect(part.ties.find((t) => t.source === '26' && t.target === '11')).toEqual({
      source: '26',
      target: '11',
      relation: 'tie',
      directed: false,
      weight: 31,
    });
    expect(part.people[11]).toEqual({ id: '11', label: 'Valjean', attributes: {} });
    expect(part.name).toBeUndefined();
  });

  it('takes igraph\'s vertex name as the label, the graph title as the name, other keys as attributes', () => {
    const part = partOf(parseGml(gml('social_network.gml'), { file: 'social_network.gml' }));
    expect(part.name).toBe('Small Social Network');
    expect(part.people[0]).toEqual({ id: '0', label: 'Daniel Morillas', attributes: { gender: 'M' } });
    expect(part.ties[0]).toEqual({ source: '1', target: '0', relation: 'tie', directed: false, weight: 1, attributes: { married: 1 } });
  });

  it("skips yEd's graphics lists and uses an edge's label as its relation", () => {
    const part = partOf(parseGml(gml('yfiles.gml'), { file: 'yfiles.gml' }));
    expect(part.people.map((p) => [p.id, p.label, p.attributes])).toEqual([
      ['0', 'A', {}],
      ['1', 'B', {}],
      ['2', 'C', {}],
    ]);
    expect(part.ties.map((t) => [t.source, t.target, t.relation, t.weight, t.directed])).toEqual([
      ['0', '1', 'edge 2', 42, true],
      ['1', '0', 'edge 3', 1.23, true],
      ['1', '2', 'edge 1', 34.27, true],
    ]);
    expect(part.issues).toEqual([]);
  });

  it('merges the repeated edges of a multigraph with their weights added, each reported on its line', () => {
    const part = partOf(parseGml(gml('celegansneural.gml'), { file: 'celegansneural.gml' }));
    const repeats = part.issues.filter((i) => i.code === 'duplicate-edge');
    expect(repeats).toHaveLength(14);
    expect(repeats[0]).toMatchObject({ level: 'warning', file: 'celegansneural.gml', row: 2606 });
    expect(repeats[0]?.message).toContain('line 2600');
    expect(part.ties.find((t) => t.source === '142' && t.target === '44')?.weight).toBe(24);
  });

  it('is told GML files from others by looksLikeGml', () => {
    for (const name of Object.keys(reference.gml)) expect(looksLikeGml(gml(name)), name).toBe(true);
    expect(looksLikeGml(gml('weighted.gml'))).toBe(true);
    expect(looksLikeGml('<?xml version="1.0"?><graphml/>')).toBe(false);
    expect(looksLikeGml('{"nodes": []}')).toBe(false);
    expect(looksLikeGml('digraph { a -> b }')).toBe(false);
    expect(looksLikeGml('source,target\na,b\n')).toBe(false);
  });
});

describe('parseGml on quirky and broken files', () => {
  it("reads igraph's parser test: entities, inf and nan, repeated keys, a second graph; refuses its negative weight", () => {
    const part = partOf(parseGml(gml('igraph-unit-graph1.gml'), { file: 'graph1.gml' }));
    expect(part.ok).toBe(false);
    expect(part.issues.map((i) => [i.level, i.code, i.row, i.field])).toEqual([
      ['warning', 'extra-graph', 44, undefined],
      ['warning', 'repeated-key', 15, 'a'],
      ['error', 'bad-weight', 22, 'weight'],
    ]);
    expect(part.issues[2]?.message).toBe('weight is negative ("-0.45"); weights must be above 0');
    expect(part.people.map((p) => [p.id, p.attributes])).toEqual([
      ['1', { b: 2, c: 5.6 }],
      ['2', { a: 1, b: 'asd', d: null, nan: 'foo' }],
      ['5', {}],
    ]);
    expect(part.ties).toEqual([
      {
        source: '2',
        target: '5',
        relation: 'Tom & Jerry\'s "friendship"',
        directed: true,
        weight: 1,
        attributes: { sou_rce: 1, num1: null },
      },
    ]);
  });

  it("refuses igraph's weighted.gml (a negative weight), naming its line, after reading its comments and exponents", () => {
    const part = partOf(parseGml(gml('weighted.gml'), { file: 'weighted.gml' }));
    expect(part.ok).toBe(false);
    expect(part.issues).toEqual([
      {
        level: 'error',
        code: 'bad-weight',
        message: 'weight is negative ("-377.9"); weights must be above 0',
        file: 'weighted.gml',
        row: 15,
        field: 'weight',
      },
    ]);
    expect(part.people.map((p) => p.attributes.value)).toEqual([1.23, 4.87e-5]);
  });

  it('adds a node an edge names but the file never declares (a misspelt "ntde"), and says where', () => {
    const part = partOf(parseGml(gml('karate-misspelt.gml'), { file: 'karate.gml' }));
    expect(part.ok).toBe(true);
    expect(part.people).toHaveLength(34);
    const unknown = part.issues.filter((i) => i.code === 'unknown-id');
    expect(unknown).toEqual([
      {
        level: 'warning',
        code: 'unknown-id',
        message: 'an edge refers to node "1", which the file does not declare; it was added as a person',
        file: 'karate.gml',
        row: 140,
        field: 'target',
      },
    ]);
  });

  it('refuses a truncated file with the line it ends on and the list left open, reading nothing', () => {
    const text = gml('lesmis.gml');
    const cut = text.slice(0, text.lastIndexOf('\n', Math.floor(text.length / 2)) + 1);
    const result = parseGml(cut, { file: 'lesmis.gml' });
    expect(result.ok).toBe(false);
    const part = partOf(result);
    expect(part.people).toEqual([]);
    expect(part.ties).toEqual([]);
    expect(part.issues).toHaveLength(1);
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'unbalanced', file: 'lesmis.gml', row: cut.split('\n').length });
    // Cut inside a value instead: the key left without its value is named.
    const mid = parseGml(text.slice(0, text.indexOf('value', 9000) + 6), { file: 'lesmis.gml' });
    expect(mid.issues).toEqual([expect.objectContaining({ level: 'error', code: 'missing-value', field: 'value' })]);
    expect(part.issues[0]?.message).toMatch(/the file ends before the "(edge|graph)" list opened on line \d+ is closed/);
  });

  it('refuses unbalanced brackets, a value with no key, a key with no value and an unclosed string, each on its line', () => {
    const cases: Array<[string, string, number]> = [
      ['graph [\n node [ id 1 ]\n]\n]\n', 'unbalanced', 4],
      ['graph [\n node [ id 1 ] 7\n]\n', 'bad-gml', 2],
      ['graph [\n node [ id 1 label ]\n]\n', 'missing-value', 2],
      ['graph [\n node [ id 1 label "Ana\n Lima ]\n]\n', 'unclosed-string', 2],
      ['graph [\n node [ id 1 label ', 'missing-value', 2],
      ['graph [ node [ id 1 ] {\n', 'bad-gml', 1],
    ];
    for (const [text, code, row] of cases) {
      const result = parseGml(text, { file: 'broken.gml' });
      expect(result.ok, text).toBe(false);
      expect(result.issues, text).toHaveLength(1);
      expect(result.issues[0], text).toMatchObject({ level: 'error', code, row, file: 'broken.gml' });
    }
  });

  it('reads non-Latin labels written as character references or as UTF-8, and quoted labels', () => {
    const text = [
      'graph [',
      '  node [ id 0 label "&#1062;&#1077;&#1085;&#1090;&#1088;" ]',
      '  node [ id 1 label "Zoë &quot;Z&quot; O\'Brien &amp; Co" ]',
      '  node [ id 2 label "北京 😀" city "Düsseldorf" ]',
      '  node [ id 3 label "&#x4E2D;&unknown; &#0; &#55296;" ]',
      '  edge [ source 0 target 1 relation "mentor&#8217;s" ]',
      ']',
    ].join('\n');
    const part = partOf(parseGml(text, { file: 'names.gml' }));
    expect(part.ok).toBe(true);
    expect(part.people.map((p) => p.label)).toEqual(['Центр', 'Zoë "Z" O\'Brien & Co', '北京 😀', '中&unknown; &#0; &#55296;']);
    expect(part.people[2]?.attributes).toEqual({ city: 'Düsseldorf' });
    expect(part.ties[0]?.relation).toBe('mentor’s');
  });

  it('reports a node without an id and an edge without a target as errors, keeping the rest to check', () => {
    const text = 'graph [\n node [ id 1 ]\n node [ label "x" ]\n edge [ source 1 targt 1 ]\n edge [ source 1 target 1 ]\n]\n';
    const part = partOf(parseGml(text, { file: 'g.gml' }));
    expect(part.ok).toBe(false);
    expect(part.issues.map((i) => [i.level, i.code, i.row, i.field])).toEqual([
      ['error', 'missing-id', 3, 'id'],
      ['error', 'missing-id', 4, 'target'],
      ['warning', 'self-loop', 5, undefined],
    ]);
  });

  it('reads the edge relation from relation, then type, then label, and weight before value', () => {
    const text = [
      'graph [ directed 1',
      ' node [ id 1 ] node [ id 2 ]',
      ' edge [ source 1 target 2 label "x" type "advice" relation "trust" weight 2 value 9 ]',
      ' edge [ source 2 target 1 label "x" type "advice" ]',
      ' edge [ id 7 source 2 target 1 label "friend" key 1 ]',
      ']',
    ].join('\n');
    const part = partOf(parseGml(text, { file: 'g.gml' }));
    expect(part.ties).toEqual([
      { source: '1', target: '2', relation: 'trust', directed: true, weight: 2, attributes: { label: 'x', type: 'advice', value: 9 } },
      { source: '2', target: '1', relation: 'advice', directed: true, weight: 1, attributes: { label: 'x' } },
      { source: '2', target: '1', relation: 'friend', directed: true, weight: 1 },
    ]);
    expect(part.relations.map((r) => r.name)).toEqual(['trust', 'advice', 'friend']);
  });

  it('refuses files of other formats given a .gml name, saying what they look like', () => {
    const graphml = '<?xml version="1.0"?>\n<graphml><graph/></graphml>\n';
    expect(parseGml(graphml, { file: 'x.gml' }).issues).toEqual([
      expect.objectContaining({ level: 'error', code: 'wrong-format', row: 1, message: expect.stringContaining('XML') }),
    ]);
    expect(parseGml('{"nodes": []}', { file: 'x.gml' }).issues[0]).toMatchObject({ code: 'wrong-format', message: expect.stringContaining('JSON') });
    expect(parseGml('source,target\nana,ben\n', { file: 'x.gml' }).issues[0]).toMatchObject({ level: 'error', row: 1 });
    expect(parseGml('Creator "me"\nVersion 1\n', { file: 'x.gml' }).issues[0]).toMatchObject({ code: 'no-graph' });
    expect(parseGml('\uFEFF  \n', { file: 'x.gml' }).issues[0]).toMatchObject({ code: 'empty-file' });
  });

  it(`refuses lists nested deeper than ${MAX_GML_DEPTH} without overflowing the stack`, () => {
    const hostile = `graph [\n${'a [ '.repeat(200_000)}`;
    const result = parseGml(hostile, { file: 'deep.gml' });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'too-deep', row: 2 })]);
    const fine = `graph [ node [ id 1 ${'g [ '.repeat(10)}x 1 ${'] '.repeat(10)}] ]`;
    expect(parseGml(fine, { file: 'ok.gml' }).ok).toBe(true);
  });

  it('reads a large file in time that grows with its length', () => {
    const lines = ['graph ['];
    for (let i = 0; i < 20_000; i++) lines.push(`node [ id ${i} label "p${i}" ]`);
    for (let i = 0; i < 100_000; i++) lines.push(`edge [ source ${i % 20_000} target ${(i * 7 + 3) % 19_999} value ${1 + (i % 3)} ]`);
    lines.push(']');
    const text = lines.join('\n');
    const started = performance.now();
    const result = parseGml(text, { file: 'big.gml' });
    const elapsed = performance.now() - started;
    expect(readPeople(result)).toBe(20_000);
    expect(elapsed).toBeLessThan(20_000);
  });
});

function readPeople(result: ReturnType<typeof parseGml>): number {
  return (result.ok ? result.value : result.partial)?.people.length ?? 0;
}
