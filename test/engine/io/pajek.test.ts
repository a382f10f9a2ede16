import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../../../src/engine/core/util/issues.ts';
import { looksLikePajek, parsePajek } from '../../../src/engine/io/pajek.ts';
import { partOf } from './read-part.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => readFileSync(`${root}test/fixtures/formats/pajek/${name}`, 'utf8');
const read = (text: string, file = 'net.net') => partOf(parsePajek(text, { file }));
const errors = (issues: InputIssue[]) => issues.filter((issue) => issue.level === 'error');
const where = (issues: InputIssue[]) => issues.map((issue) => [issue.level, issue.code, issue.file, issue.row, issue.field]);
const ties = (part: ReturnType<typeof read>) => part.ties.map((t) => [t.source, t.target, t.relation, t.directed, t.weight]);

describe('parsePajek on real files', () => {
  it('Padgett.paj: a named network, two relations and three vectors', () => {
    const part = read(fixture('Padgett.paj'), 'Padgett.paj');
    expect(part.ok).toBe(true);
    expect(part.issues).toEqual([]);
    expect(part.name).toBe("Padgett's Florentine Families");
    expect(part.people).toHaveLength(16);
    expect(part.people[8]).toEqual({ id: 'Medici', label: 'Medici', attributes: { Wealth: 103, '#Priors': 53, '#Ties': 54 } });
    expect(part.relations).toEqual([
      { name: 'Business', directed: true },
      { name: 'Marital', directed: true },
    ]);
    expect(part.ties[0]).toEqual({ source: 'Barbadori', target: 'Castellani', relation: 'Business', directed: true, weight: 1 });
    expect(part.tieOrigins?.[0]).toEqual({ file: 'Padgett.paj', row: 20, rowUnit: 'line', sourceField: 'source', targetField: 'target' });
  });

  it('KnokBur.paj: two networks over the same vertices share their people; file-named partitions lose path and extension', () => {
    const part = read(fixture('KnokBur.paj'), 'KnokBur.paj');
    expect(part.ok).toBe(true);
    expect(part.issues).toEqual([]);
    expect(part.people.map((p) => p.id)).toEqual(['COUN', 'COMM', 'EDUC', 'INDU', 'MAYR', 'WRO', 'NEWS', 'UWAY', 'WELF', 'WEST']);
    expect(part.relations.map((r) => r.name)).toEqual(['UciNet\\KnokBur.dat : KNOKI', 'UciNet\\KnokBur.dat : KNOKM']);
    expect(part.people[5]?.attributes).toEqual({ KnokSec: 2, KnokRat: 2.5 });
    expect(part.name).toBeUndefined();
  });

  it('LondonTube.net: numbered relations, `k: from to` lines, stations listed twice, an unclosed quote', () => {
    const part = read(fixture('LondonTube.net'), 'LondonTube.net');
    expect(part.ok).toBe(true);
    expect(part.description).toContain('London Tube network (2005)');
    expect(part.relations[0]).toEqual({ name: 'Link', directed: false });
    expect(part.relations.find((r) => r.name === 'Piccadilly')).toEqual({ name: 'Piccadilly', directed: true });
    // `10: 263 264` under a plain *arcs is an arc of relation 10, Piccadilly.
    const arcs = part.ties.filter((t) => t.directed);
    expect(arcs.map((t) => t.relation)).toEqual(['Piccadilly', 'Piccadilly', 'Piccadilly']);
    expect(part.people.find((p) => p.id === 'Hainault')?.label).toBe('Hainault');
    // Paddington is listed three times (three stations): both keep the name, told apart by number.
    expect(part.people.filter((p) => p.label === 'Paddington').map((p) => p.id)).toEqual(['14', '76', '156']);
    expect(where(part.issues).slice(0, 2)).toEqual([
      ['warning', 'unterminated-quote', 'LondonTube.net', 71, 'label'],
      ['warning', 'duplicate-label', 'LondonTube.net', 20, 'label'],
    ]);
    expect(part.issues.some((i) => i.code === 'mixed-direction' && i.message.includes('Piccadilly'))).toBe(true);
  });

  it('baboons.paj: symmetric matrices as undirected ties, networks of two sizes, partitions per colony', () => {
    const part = read(fixture('baboons.paj'), 'baboons.paj');
    expect(part.ok).toBe(true);
    expect(part.relations.every((r) => !r.directed)).toBe(true);
    expect(part.people).toHaveLength(21);
    // Vertex 3 of the first colony shares the label "Fadult": id by number; in the colony of 14, "3:3".
    expect(part.people.find((p) => p.id === '3')).toMatchObject({ label: 'Fadult', attributes: { H22Agender: 1, H22Bgender: null } });
    expect(part.people.find((p) => p.id === '3:3')).toMatchObject({ label: 'Fadult', attributes: { H22Agender: null, H22Bgender: 1 } });
    expect(part.people.find((p) => p.id === 'FadultN')?.attributes).toEqual({ H22Agender: null, H22Bgender: 1 });
    expect(part.issues.map((i) => i.code)).toEqual(['vertex-labels', 'vertex-labels', 'duplicate-label', 'duplicate-label', 'several-networks']);
    expect(part.issues[4]?.row).toBe(82);
  });

  it('the same graph as arcs and edges, as lists and as a matrix reads as the same arcs', () => {
    const arcsOf = (name: string): string[] => {
      const part = read(fixture(name), name);
      expect(part.ok).toBe(true);
      const out: string[] = [];
      for (const t of part.ties) {
        out.push(`${t.source}>${t.target}:${t.weight}`);
        if (!t.directed && t.source !== t.target) out.push(`${t.target}>${t.source}:${t.weight}`);
      }
      return out.sort();
    };
    const set = arcsOf('GraphSet.net');
    expect(set).toHaveLength(26);
    expect(arcsOf('GraphList.net')).toEqual(set);
    expect(arcsOf('GraphMat.net')).toEqual(set);
  });

  it('Trade.paj: one relation per *Matrix :k, vectors with the same name kept apart', () => {
    const part = read(fixture('Trade.paj'), 'Trade.paj');
    expect(part.ok).toBe(true);
    expect(Object.keys(part.people[0]?.attributes ?? {})).toEqual([
      '1980 energy consumption per capita (kilo coal equivalent)',
      'Education 1980 - Secondary school enrollment ratio',
      '1980 energy consumption per capita (kilo coal equivalent) (2)',
    ]);
    expect(where(part.issues).filter(([, code]) => code === 'duplicate-attribute')).toEqual([['warning', 'duplicate-attribute', 'Trade.paj', 207, undefined]]);
  });
});

describe('parsePajek text details', () => {
  it('reads CRLF, a byte-order mark, comments, blank lines and keywords in any case', () => {
    const text = '\uFEFF% a comment\r\n\r\n*VERTICES 3\r\n1 "Ana Lima" 0.1 0.2 0.5 box ic Red\r\n% between\r\n2 Ben\r\n\r\n3 "Caro"\r\n*eDgEs\r\n1 2 2.5\r\n2 3\r\n*ARCS\r\n3 1 1 c Blue\r\n';
    const part = read(text);
    expect(part.ok).toBe(true);
    expect(part.issues.filter((i) => i.code !== 'mixed-direction')).toEqual([]);
    expect(part.people.map((p) => [p.id, p.label])).toEqual([
      ['Ana Lima', 'Ana Lima'],
      ['Ben', 'Ben'],
      ['Caro', 'Caro'],
    ]);
    expect(ties(part)).toEqual([
      ['Ana Lima', 'Ben', 'tie', false, 2.5],
      ['Ben', 'Caro', 'tie', false, 1],
      ['Caro', 'Ana Lima', 'tie', true, 1],
    ]);
    expect(part.description).toBe('a comment');
    expect(part.tieOrigins?.map((o) => o.row)).toEqual([10, 11, 13]);
  });

  it('reads labels in any script, with quotes, and Pajek character references', () => {
    const text = [
      '*Vertices 6',
      '1 "Карина Петрова"',
      '2 "李小龙"',
      '3 "مريم"',
      "4 \"O'Brien &#34;Bob&#34;\"",
      '5 "&#268;ebela &#x17D;"',
      '6 Ωmega',
      '*Arcs',
      '1 2',
      '3 4',
      '5 6',
    ].join('\n');
    const part = read(text);
    expect(part.ok).toBe(true);
    expect(part.people.map((p) => p.label)).toEqual(['Карина Петрова', '李小龙', 'مريم', 'O\'Brien "Bob"', 'Čebela Ž', 'Ωmega']);
    expect(ties(part)[1]).toEqual(['مريم', 'O\'Brien "Bob"', 'tie', true, 1]);
  });

  it('numbers vertices without labels, and lets a network list no vertex lines at all', () => {
    const part = read('*Vertices 4\n*Edges\n1 2\n3 4\n');
    expect(part.ok).toBe(true);
    expect(part.people).toEqual(['1', '2', '3', '4'].map((id) => ({ id, label: id, attributes: {} })));
  });

  it('tells vertices with the same label apart by number; an id that is taken gets a #', () => {
    const part = read('*Vertices 3\n1 "2"\n2 "Sam"\n3 "Sam"\n*Edges\n1 2\n2 3\n');
    expect(part.people.map((p) => [p.id, p.label])).toEqual([
      ['2', '2'],
      ['#2', 'Sam'],
      ['3', 'Sam'],
    ]);
    expect(ties(part)).toEqual([
      ['2', '#2', 'tie', false, 1],
      ['#2', '3', 'tie', false, 1],
    ]);
    expect(where(part.issues)).toEqual([['warning', 'duplicate-label', 'net.net', 3, 'label']]);
  });

  it('skips drawing parameters and time intervals where a weight could be', () => {
    const part = read('*Vertices 3\n1 a\n2 b\n3 c\n*Arcs\n1 2 c Red\n2 3 [1-4]\n3 1 4 w 2 l "heavy"\n');
    expect(part.ok).toBe(true);
    expect(part.ties.map((t) => t.weight)).toEqual([1, 1, 4]);
  });

  it('names relations from :k "name", `relation k` when unnamed, and keeps sections named without a number', () => {
    const part = read(
      '*Vertices 3\n1 a\n2 b\n3 c\n*Arcs :1 "advice"\n1 2\n*Edges :2\n2 3\n*Arcs "trust"\n3 1\n*Edges :1 "advice"\n1 3\n*Arcs :3 "unused"\n',
    );
    expect(part.relations).toEqual([
      { name: 'advice', directed: true },
      { name: 'relation 2', directed: false },
      { name: 'trust', directed: true },
    ]);
    expect(ties(part)[3]).toEqual(['a', 'c', 'advice', false, 1]);
    expect(where(part.issues)).toEqual([
      ['warning', 'empty-relation', 'net.net', 13, undefined],
      ['warning', 'mixed-direction', 'net.net', undefined, undefined],
    ]);
  });

  it('reads a two-mode network, its matrix included, with each vertex\'s mode as an attribute', () => {
    const part = read('*Vertices 5 2\n1 "Ann"\n2 "Bo"\n3 "Gala"\n4 "Fair"\n5 "Meet"\n*Matrix\n1 0 1\n0 1 1\n');
    expect(part.ok).toBe(true);
    expect(part.people.map((p) => p.attributes.mode)).toEqual([1, 1, 2, 2, 2]);
    expect(ties(part)).toEqual([
      ['Ann', 'Gala', 'tie', false, 1],
      ['Ann', 'Meet', 'tie', false, 1],
      ['Bo', 'Fair', 'tie', false, 1],
      ['Bo', 'Meet', 'tie', false, 1],
    ]);
    expect(part.issues.map((i) => i.code)).toEqual(['two-mode']);
  });

  it('reads a matrix whose rows wrap over lines', () => {
    const part = read('*Vertices 3\n*Matrix\n0 2\n0 1 0 0\n0 0 0\n');
    expect(part.ok).toBe(true);
    expect(ties(part)).toEqual([
      ['1', '2', 'tie', true, 2],
      ['2', '1', 'tie', true, 1],
    ]);
  });

  it('warns about sections it does not read, and reads on', () => {
    const part = read('*Vertices 2\n1 a\n2 b\n*Edges\n1 2\n*Permutation\n*Vertices 2\n2\n1\n*Triangles\n1 2 3\n*Partition p\n*Vertices 2\n1\n2\n');
    expect(part.ok).toBe(true);
    expect(where(part.issues)).toEqual([
      ['warning', 'skipped-section', 'net.net', 6, undefined],
      ['warning', 'unknown-section', 'net.net', 10, undefined],
    ]);
    expect(part.people.map((p) => p.attributes.p)).toEqual([1, 2]);
  });

  it('reads 200,000 ties in one section (no recursion, no spread arguments) and reports progress', () => {
    const n = 20_000;
    const lines = [`*Vertices ${n}`, '*Arcs'];
    for (let i = 0; i < 200_000; i += 1) lines.push(`${1 + (i % n)} ${1 + ((i * 31 + Math.floor(i / n)) % n)} ${1 + (i % 3)}`);
    const seen: number[] = [];
    const result = parsePajek(lines.join('\n'), { file: 'big.net', onReadProgress: (f) => seen.push(f) });
    const part = partOf(result);
    expect(part.ties).toHaveLength(200_000);
    expect(part.people).toHaveLength(n);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(1);
  });
});

describe('parsePajek on broken files: an error with file, line and field, and no usable result', () => {
  const failing = (text: string, file = 'broken.net') => {
    const result = parsePajek(text, { file });
    expect(result.ok).toBe(false);
    return errors(result.issues);
  };

  it('*Vertices 10 with 12 vertex lines', () => {
    const lines = ['*Vertices 10'];
    for (let v = 1; v <= 12; v += 1) lines.push(`${v} "v${v}"`);
    lines.push('*Edges', '1 2');
    const found = failing(lines.join('\n'));
    expect(where(found)).toEqual([
      ['error', 'vertex-count', 'broken.net', 12, 'vertex'],
      ['error', 'vertex-count', 'broken.net', 13, 'vertex'],
    ]);
    expect(found[0]?.message).toContain('vertex 11 is listed but *Vertices (line 1) declares 10 vertices');
  });

  it('*Vertices 10 with 8 vertex lines', () => {
    const lines = ['*Vertices 10'];
    for (let v = 1; v <= 8; v += 1) lines.push(`${v} "v${v}"`);
    lines.push('*Edges', '1 2');
    const found = failing(lines.join('\n'));
    expect(where(found)).toEqual([['error', 'vertex-count', 'broken.net', 1, '*Vertices']]);
    expect(found[0]?.message).toContain('declares 10 vertices but 8 are listed (vertex 9 is not)');
  });

  it('a vertex listed twice, or a tie list without its *Arcs line', () => {
    const found = failing('*Vertices 2\n1 a\n2 b\n1 2\n');
    expect(where(found)).toEqual([['error', 'duplicate-vertex', 'broken.net', 4, 'vertex']]);
    expect(found[0]?.message).toContain('an *Arcs or *Edges line is missing above it');
  });

  it('a tie naming vertex 15 of 10', () => {
    const found = failing('*Vertices 10\n*Arcs\n1 2\n3 15\n');
    expect(where(found)).toEqual([['error', 'unknown-vertex', 'broken.net', 4, 'target']]);
    expect(found[0]?.message).toBe('vertex 15 is not one of the 10 vertices declared by *Vertices on line 1');
  });

  it('a tie naming a vertex by label, or with one end', () => {
    expect(where(failing('*Vertices 2\n1 a\n2 b\n*Edges\na b\n2\n'))).toEqual([
      ['error', 'bad-vertex', 'broken.net', 5, 'source'],
      ['error', 'bad-vertex', 'broken.net', 5, 'target'],
      ['error', 'missing-id', 'broken.net', 6, 'target'],
    ]);
  });

  it('a weight that is not a number, zero or negative', () => {
    const found = failing('*Vertices 3\n*Edges\n1 2 heavy\n2 3 0\n3 1 -2\n');
    expect(where(found)).toEqual([
      ['error', 'bad-weight', 'broken.net', 3, 'weight'],
      ['error', 'bad-weight', 'broken.net', 4, 'weight'],
      ['error', 'bad-weight', 'broken.net', 5, 'weight'],
    ]);
    expect(found[0]?.message).toBe('weight is not a number: "heavy"');
  });

  it('a signed matrix', () => {
    const found = failing('*Vertices 2\n*Matrix\n0 -1\n1 0\n');
    expect(where(found)).toEqual([['error', 'bad-weight', 'broken.net', 3, 'weight']]);
    expect(found[0]?.message).toContain('row 1, column 2');
  });

  it('a file cut short: in the vertices, in a matrix, in a partition, in a tie line', () => {
    const full = fixture('Padgett.paj');
    const inVertices = full.slice(0, full.indexOf('10 "Pazzi"'));
    expect(where(failing(inVertices, 'Padgett.paj'))).toEqual([['error', 'vertex-count', 'Padgett.paj', 2, '*Vertices']]);

    const matrix = fixture('Trade.paj');
    const inMatrix = matrix.slice(0, matrix.indexOf('*Matrix :2') - 40);
    const cut = failing(inMatrix, 'Trade.paj');
    expect(cut.map((i) => [i.code, i.field])).toEqual([['matrix-size', '*Matrix']]);
    expect(cut[0]?.message).toContain('the file may have been cut short');

    const inVector = full.slice(0, full.indexOf('*Vector #Ties') - 10);
    expect(where(failing(inVector, 'Padgett.paj'))).toEqual([['error', 'value-count', 'Padgett.paj', 112, '#Priors']]);

    expect(where(failing('*Vertices 3\n*Arcs\n1 2\n3'))).toEqual([['error', 'missing-id', 'broken.net', 4, 'target']]);
  });

  it('a GML file given as .net', () => {
    const found = failing('Creator "igraph version 0.10.2"\nVersion 1\ngraph\n[\n  directed 0\n  node [ id 0 ]\n]\n', 'network.net');
    expect(where(found)).toEqual([['error', 'not-pajek', 'network.net', 1, undefined]]);
    expect(found[0]?.message).toContain('looks like a GML file');
    expect(found[0]?.message).toContain('a Pajek network starts with *Vertices');
  });

  it('a CSV file given as .net', () => {
    const found = failing('% exported\nsource,target,weight\nAna,Ben,2\n', 'ties.net');
    expect(where(found)).toEqual([['error', 'not-pajek', 'ties.net', 2, undefined]]);
    expect(found[0]?.message).toContain('"source,target,weight", which looks like a CSV table');
  });

  it('GraphML, DOT and JSON given as .net', () => {
    expect(failing('<?xml version="1.0"?>\n<graphml>')[0]?.message).toContain('XML file (GraphML or GEXF?)');
    expect(failing('digraph G {\n a -> b\n}')[0]?.message).toContain('Graphviz DOT');
    expect(failing('{"nodes": []}')[0]?.message).toContain('JSON');
  });

  it('an empty file, a file of comments, ties before *Vertices, a bad count, a network cut after its name', () => {
    expect(where(failing(''))).toEqual([['error', 'empty-file', 'broken.net', undefined, undefined]]);
    expect(where(failing('*Network wave 1\n'))).toEqual([['error', 'no-vertices', 'broken.net', 1, '*Network']]);
    expect(where(failing('*Vertices 99999999\n'))).toEqual([['error', 'bad-count', 'broken.net', 1, '*Vertices']]);
    expect(where(failing('*Vertices 2\n*Arcs :99999999999 "x"\n1 2\n'))).toEqual([['error', 'bad-relation', 'broken.net', 2, undefined]]);
    expect(where(failing('% nothing\n% here\n'))).toEqual([['error', 'empty-file', 'broken.net', undefined, undefined]]);
    expect(where(failing('*Arcs\n1 2\n'))).toEqual([['error', 'no-vertices', 'broken.net', 1, '*Arcs']]);
    expect(where(failing('*Vertices ten\n1 a\n'))).toEqual([['error', 'bad-count', 'broken.net', 1, '*Vertices']]);
  });

  it('a partition of another size, a partition value that is not a number, a partition without its size', () => {
    const base = '*Network n\n*Vertices 2\n1 a\n2 b\n*Edges\n1 2\n';
    expect(where(failing(`${base}*Partition p\n*Vertices 3\n1\n1\n2\n`))).toEqual([['error', 'partition-size', 'broken.net', 7, 'p']]);
    expect(where(failing(`${base}*Vector v\n*Vertices 2\n1.5\nhigh\n`))).toEqual([['error', 'bad-value', 'broken.net', 10, 'v']]);
    expect(where(failing(`${base}*Partition p\n1\n2\n`))).toEqual([['error', 'missing-size', 'broken.net', 7, '*Partition']]);
  });

  it('stops after 200 errors', () => {
    const lines = ['*Vertices 2', '*Arcs'];
    for (let i = 0; i < 5000; i += 1) lines.push('1 9');
    const found = failing(lines.join('\n'));
    expect(found).toHaveLength(201);
    expect(found[200]?.code).toBe('too-many-errors');
  });
});

describe('looksLikePajek', () => {
  it('knows Pajek files by their first keyword, after comments and a byte-order mark', () => {
    for (const name of ['zachary.net', 'Padgett.paj', 'baboons.paj', 'LondonTube.net', 'GraphMat.net']) {
      expect(looksLikePajek(fixture(name))).toBe(true);
    }
    expect(looksLikePajek('\uFEFF% made by hand\r\n\r\n*network x\r\n')).toBe(true);
    expect(looksLikePajek('*Partition sex\n*Vertices 3\n1\n2\n1\n')).toBe(true);
  });

  it('says no to other formats and to text that only mentions Pajek later', () => {
    for (const text of [
      '',
      'source,target\na,b\n',
      'Creator "igraph"\ngraph [\n]\n',
      '<?xml version="1.0"?><graphml/>',
      'digraph { a -> b }',
      '{"nodes":[]}',
      'DL N=3\nformat = fullmatrix\n',
      '# comment\n*Vertices 3\n',
      '* a markdown list\n',
      '*Verticesx 3',
    ]) {
      expect(looksLikePajek(text)).toBe(false);
    }
  });

  it('reads only the start of a file', () => {
    expect(looksLikePajek(`${'% padding\n'.repeat(10_000)}*Vertices 2\n`)).toBe(false);
    expect(looksLikePajek(`*Vertices 2\n${'1 2\n'.repeat(1_000_000)}`)).toBe(true);
  });
});
