/**
 * NetDraw VNA reader. Real files (test/fixtures/formats/vna/, origins in its README) are checked
 * against test/reference/formats/ucinet.json, computed by make_ucinet.py with a reader of its own
 * (Les Misérables cross-checked with networkx), never against netweave's output.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { looksLikeVna, parseVna } from '../../../src/engine/io/vna.ts';
import type { ImportPart } from '../../../src/engine/io/types.ts';
import { partOf } from './read-part.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const vna = (name: string): string => readFileSync(`${ROOT}test/fixtures/formats/vna/${name}`, 'utf8');

interface ReferenceRelation {
  name: string;
  directed: boolean;
  ties: number;
  weight_sum: number;
  self_loops: number;
}
interface ReferenceFile {
  people: number;
  labels: string[];
  attributes: string[];
  tie_attributes: string[];
  relations: ReferenceRelation[];
}
const reference = JSON.parse(readFileSync(`${ROOT}test/reference/formats/ucinet.json`, 'utf8')) as {
  vna: Record<string, ReferenceFile>;
};

const read = (text: string, options: { directed?: boolean } = {}) => partOf(parseVna(text, { file: 'net.vna', ...options }));

function relationSummary(part: ImportPart): ReferenceRelation[] {
  return part.relations.map((relation) => {
    const ties = part.ties.filter((tie) => tie.relation === relation.name);
    return {
      name: relation.name,
      directed: relation.directed,
      ties: ties.length,
      weight_sum: ties.reduce((sum, tie) => sum + tie.weight, 0),
      self_loops: ties.filter((tie) => tie.source === tie.target).length,
    };
  });
}

describe('parseVna on real files, against the reference reader', () => {
  for (const name of Object.keys(reference.vna)) {
    it(`${name}: same people, attributes, relations, ties and weights`, () => {
      const expected = reference.vna[name] as ReferenceFile;
      const part = partOf(parseVna(vna(name), { file: name }));
      expect(part.ok, JSON.stringify(part.issues)).toBe(true);
      expect(part.people).toHaveLength(expected.people);
      expect(part.people.slice(0, expected.labels.length).map((p) => p.id)).toEqual(expected.labels);
      expect(Object.keys(part.people[0]?.attributes ?? {})).toEqual(expected.attributes);
      const tieAttributes = new Set(part.ties.flatMap((tie) => Object.keys(tie.attributes ?? {})));
      expect([...tieAttributes]).toEqual(expected.tie_attributes);
      const summary = relationSummary(part);
      expect(summary.map(({ weight_sum: _, ...rest }) => rest)).toEqual(expected.relations.map(({ weight_sum: _, ...rest }) => rest));
      summary.forEach((relation, i) => expect(relation.weight_sum).toBeCloseTo((expected.relations[i] as ReferenceRelation).weight_sum, 9));
      expect(part.tieOrigins?.every((origin) => origin.file === name && (origin.row ?? 0) > 0)).toBe(true);
    });
  }

  it('NetLogo: quoted empty values are null, text stays text, drawing properties are not attributes', () => {
    const part = read(vna('netlogo-full.vna'));
    expect(part.people[0]).toEqual({
      id: '1',
      label: '1',
      attributes: { tvar: 'true', breed: 'MICE', spots: null, fur: 'white', missing: 'foo' },
    });
    expect(part.ties[0]).toEqual({ source: '1', target: '2', relation: 'strength', directed: true, weight: 1, attributes: { breed: 'directed-edges' } });
    expect(part.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'asymmetric-matrix', row: 13, field: 'strength' })]);
  });

  it('Les Misérables: each undirected tie listed once is directed unless asked, and then 254 undirected ties', () => {
    const auto = read(vna('tsnet-lesmis.vna'));
    expect(auto.issues[0]?.message).toContain('import the file as undirected');
    const undirected = read(vna('tsnet-lesmis.vna'), { directed: false });
    expect(undirected.ok).toBe(true);
    expect(undirected.issues).toEqual([]);
    expect(undirected.relations).toEqual([{ name: 'tie', directed: false }]);
    expect(undirected.ties).toHaveLength(254);
    // The layout file is the same network: its *Node properties add nothing.
    const layout = read(vna('tsnet-lesmis-layout.vna'), { directed: false });
    expect(layout.people).toEqual(undirected.people);
    expect(layout.ties).toEqual(undirected.ties);
  });
});

describe('parseVna: files as people write them', () => {
  it('reads comma-separated rows, quoted values with spaces, section names in any case, a name column as label', () => {
    const text = [
      '*NODE DATA',
      '"ID", "name", "org", "years"',
      '"p1","Ana Lima","Food Bank, North",12',
      '"p2","Ben Okafor","City Hall",3',
      '"p3","","",',
      '*Tie Data',
      'FROM TO advice friendship',
      'p1 p2 2 0',
      'p2 p1 2 1',
      'p2 p3 0 0',
    ].join('\n');
    const part = read(text);
    expect(part.people).toEqual([
      { id: 'p1', label: 'Ana Lima', attributes: { org: 'Food Bank, North', years: 12 } },
      { id: 'p2', label: 'Ben Okafor', attributes: { org: 'City Hall', years: 3 } },
      { id: 'p3', label: 'p3', attributes: { org: null, years: null } },
    ]);
    expect(part.relations).toEqual([
      { name: 'advice', directed: false },
      { name: 'friendship', directed: true },
    ]);
    expect(part.ties.map((t) => [t.source, t.target, t.relation, t.weight])).toEqual([
      ['p1', 'p2', 'advice', 2],
      ['p2', 'p1', 'friendship', 1],
    ]);
    expect(part.issues.map((i) => i.code)).toEqual(['zero-value', 'asymmetric-matrix']);
  });

  it('a lone strength column is the relation "tie"; no value column means weight 1', () => {
    const strength = read('*node data\nID\na\nb\n*tie data\nfrom to strength\na b 3\nb a 3\n');
    expect(strength.ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: false, weight: 3 }]);
    const bare = read('*tie data\nfrom to\na b\n');
    expect(bare.issues).toEqual([expect.objectContaining({ code: 'asymmetric-matrix' })]);
    expect(bare.people.map((p) => p.id)).toEqual(['a', 'b']);
    expect(bare.ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: true, weight: 1 }]);
  });

  it('adds people a tie names but the node data lacks, with a warning; none without node data', () => {
    const part = read('*node data\nID\na\n*tie data\nfrom to\na b\nb a\n');
    expect(part.people.map((p) => p.id)).toEqual(['a', 'b']);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'unknown-id', row: 6, field: 'to' })]);
  });

  it('merges a person listed twice, and ignores *tie properties and unknown sections with a word', () => {
    const part = read('*node data\nID g\na 1\na 1\n*tie properties\nfrom to color\na a 255\n*ego data\nID\nx\n');
    expect(part.people).toEqual([{ id: 'a', label: 'a', attributes: { g: 1 } }]);
    expect(part.issues.map((i) => [i.code, i.row])).toEqual([
      ['unknown-section', 8],
      ['duplicate-node', 4],
    ]);
  });
});

describe('parseVna: broken files, each problem with file, line and field, nothing half-imported', () => {
  const failure = (text: string) => {
    const part = read(text);
    expect(part.ok).toBe(false);
    expect(part.ties).toEqual([]);
    return part.issues.filter((issue) => issue.level === 'error');
  };

  it('a row with more or fewer values than its header', () => {
    const errors = failure('*node data\nID g\na 1\nb\n*tie data\nfrom to strength\na b 1 2\n');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'field-count', file: 'net.vna', row: 4 }),
      expect.objectContaining({ code: 'field-count', row: 7 }),
    ]);
  });

  it('a relation value that is not a number, or negative, with line and column', () => {
    const errors = failure('*tie data\nfrom to advice\na b 1\nb a x\na a -2\n');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'bad-weight', row: 4, field: 'advice' }),
      expect.objectContaining({ code: 'bad-weight', row: 5, field: 'advice' }),
    ]);
  });

  it('an empty id, a tie without an end, a header without from and to', () => {
    expect(failure('*node data\nID g\n"" 1\n')).toEqual([expect.objectContaining({ code: 'missing-id', row: 3, field: 'ID' })]);
    expect(failure('*tie data\nfrom to\na ""\n')).toEqual([expect.objectContaining({ code: 'missing-id', row: 3, field: 'to' })]);
    expect(failure('*tie data\nfrom\na\n')).toEqual([expect.objectContaining({ code: 'missing-column', row: 2 })]);
  });

  it('files of another format named .vna: a clear message', () => {
    const cases: Array<[string, string]> = [
      ['dl n=2\ndata:\n0 1\n1 0\n', 'UCINET DL'],
      ['*Vertices 2\n1 "a"\n', 'Pajek'],
      ['source,target\na,b\n', 'CSV'],
    ];
    for (const [text, kind] of cases) {
      const errors = failure(text);
      expect(errors).toEqual([expect.objectContaining({ code: 'wrong-format', file: 'net.vna', row: 1 })]);
      expect(errors[0]?.message).toContain('not a NetDraw VNA file');
      expect(errors[0]?.message).toContain(kind);
    }
    expect(failure('*ego data\nID\n1\n*alter data\nID\n2\n')[0]?.message).toContain('E-Net');
    expect(failure('  \n')).toEqual([expect.objectContaining({ code: 'empty-file' })]);
    expect(failure('*node data\nID\n*tie data\nfrom to\n')).toEqual([expect.objectContaining({ code: 'no-data', row: 1 })]);
  });

  it('never throws, whatever is cut off the end of a real file', () => {
    for (const name of Object.keys(reference.vna)) {
      const text = vna(name);
      for (let cut = 0; cut < text.length; cut += Math.max(1, Math.floor(text.length / 80))) {
        const result = parseVna(text.slice(0, cut), { file: name });
        if (!result.ok) expect(result.issues.some((i) => i.level === 'error' && i.file === name)).toBe(true);
      }
    }
  });

  it('reads 200,000 ties (linear, no recursion, no argument spreads)', () => {
    const lines = ['*tie data', 'from to strength'];
    for (let i = 0; i < 200_000; i++) lines.push(`n${i % 3000} n${Math.floor(i / 3000)} ${(i % 5) + 1}`);
    const part = read(lines.join('\n'));
    expect(part.ok).toBe(true);
    expect(part.people).toHaveLength(3000);
  });
});

describe('looksLikeVna', () => {
  it('recognises every VNA sample and nothing else', () => {
    for (const name of Object.keys(reference.vna)) expect(looksLikeVna(vna(name)), name).toBe(true);
    expect(looksLikeVna('\ufeff\n*Tie Data\nfrom to\n')).toBe(true);
    for (const text of ['dl n=2\n', '*Vertices 3\n', 'source,target\n', '*ego data\n', '']) expect(looksLikeVna(text), text).toBe(false);
  });
});
