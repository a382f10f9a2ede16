/**
 * UCINET DL reader. Real files (test/fixtures/formats/ucinet/, origins in its README) are checked
 * against test/reference/formats/ucinet.json, computed by make_ucinet.py (a reader of its own,
 * cross-checked with python-igraph where igraph reads the file), never against netweave's output.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { looksLikeUcinetDl, parseUcinetDl } from '../../../src/engine/io/ucinet-dl.ts';
import type { ImportPart } from '../../../src/engine/io/types.ts';
import { partOf } from './read-part.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dl = (name: string): string => readFileSync(`${ROOT}test/fixtures/formats/ucinet/${name}`, 'utf8');

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
  relations: ReferenceRelation[];
}
const reference = JSON.parse(readFileSync(`${ROOT}test/reference/formats/ucinet.json`, 'utf8')) as {
  dl: Record<string, ReferenceFile>;
};

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

const read = (text: string, options: { directed?: boolean } = {}) => partOf(parseUcinetDl(text, { file: 'net.dl', ...options }));
const codes = (part: { issues: Array<{ code: string }> }) => part.issues.map((issue) => issue.code);

describe('parseUcinetDl on real files, against the reference reader', () => {
  const names = Object.keys(reference.dl);

  it('covers fullmatrix, edgelist1 and nodelist1, labels listed and embedded, several matrices', () => {
    expect(names.length).toBeGreaterThanOrEqual(14);
    const text = names.map((name) => dl(name).toLowerCase()).join('\n');
    for (const needle of ['fullmatrix', 'edgelist1', 'nodelist1', 'labels embedded', 'labels:', 'nm=10', 'level labels']) {
      expect(text).toContain(needle);
    }
  });

  for (const name of names) {
    it(`${name}: same people, relations, ties and weights`, () => {
      const expected = reference.dl[name] as ReferenceFile;
      const part = partOf(parseUcinetDl(dl(name), { file: name }));
      expect(part.ok, JSON.stringify(part.issues.filter((i) => i.level === 'error'))).toBe(true);
      expect(part.people).toHaveLength(expected.people);
      expect(part.people.slice(0, expected.labels.length).map((p) => p.id)).toEqual(expected.labels);
      expect(part.people.every((p) => p.label === p.id)).toBe(true);
      const summary = relationSummary(part);
      expect(summary.map(({ weight_sum: _, ...rest }) => rest)).toEqual(expected.relations.map(({ weight_sum: _, ...rest }) => rest));
      summary.forEach((relation, i) => expect(relation.weight_sum).toBeCloseTo((expected.relations[i] as ReferenceRelation).weight_sum, 9));
      // Every tie points back at the line it was read from.
      expect(part.tieOrigins).toHaveLength(part.ties.length);
      expect(part.tieOrigins?.every((origin) => origin.file === name && origin.rowUnit === 'line' && (origin.row ?? 0) > 0)).toBe(true);
    });
  }

  it("reads UCINET's own export (Zachary) without a single issue", () => {
    expect(read(dl('socnetv-zachary.dl')).issues).toEqual([]);
  });

  it('says once which of ten matrices were read as directed (Sampson)', () => {
    const part = read(dl('socnetv-sampson.dl'));
    expect(codes(part)).toEqual(['asymmetric-matrix']);
    expect(part.issues[0]?.message).toContain('matrices "SAMPLK1", "SAMPLK2", "SAMPLK3", "SAMPDLK" and 6 more are not symmetric');
    expect(part.issues[0]).toMatchObject({ level: 'warning', file: 'net.dl', row: 54 });
  });

  it('names the symmetric matrix that stays undirected beside a directed one (Thurman)', () => {
    const part = read(dl('socnetv-thurman.dl'));
    expect(part.relations).toEqual([
      { name: 'THURA', directed: true },
      { name: 'THURM', directed: false },
    ]);
    expect(part.issues[0]?.message).toContain('"THURM" is symmetric and read as undirected');
  });

  it('reads rows wrapped over several lines (Bernard and Killworth: 26 + 26 + 6 values)', () => {
    const part = read(dl('socnetv-bernard-killworth.dl'));
    expect(part.ok).toBe(true);
    expect(part.relations.map((r) => r.name)).toEqual(['BKFRAB', 'BKFRAC']);
  });

  it('keeps the spelling first seen when row and column labels differ only in capitals', () => {
    const part = read(dl('igraph-fullmatrix4.dl'));
    expect(part.people.map((p) => p.id)).toEqual(['larry', 'david', 'lin', 'pat', 'russ']);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'label-case', row: 5 })]);
  });

  it('reads unquoted labels with spaces one per line when that gives N labels, and says so', () => {
    const part = read(dl('socnetv-network-edgelist.dl'));
    expect(part.people[3]?.id).toBe('Home on the range - What and where is the middle in science andtechnology studies?');
    expect(part.issues[0]).toMatchObject({ level: 'warning', code: 'labels-per-line', row: 4, field: 'LABELS' });
  });

  it('keeps self-loops, each reported with its line (EIES messages)', () => {
    const part = read(dl('socnetv-eies-messages.dl'));
    const loops = part.issues.filter((i) => i.code === 'self-loop');
    expect(loops).toHaveLength(reference.dl['socnetv-eies-messages.dl']?.relations[0]?.self_loops ?? -1);
    expect(loops[0]).toMatchObject({ row: 5 });
  });
});

describe('parseUcinetDl: direction', () => {
  it('directed: true reads even a symmetric matrix as directed, every cell a tie', () => {
    const part = read(dl('socnetv-zachary.dl'), { directed: true });
    expect(part.relations).toEqual([
      { name: 'ZACHE', directed: true },
      { name: 'ZACHC', directed: true },
    ]);
    expect(part.ties.filter((t) => t.relation === 'ZACHE')).toHaveLength(2 * 78);
    expect(part.issues).toEqual([]);
  });

  it('directed: false refuses a matrix whose two cells of a pair differ, naming line and column', () => {
    const text = 'dl n=3\nformat = fullmatrix\nlabels:\na b c\ndata:\n0 1 0\n0 0 1\n0 1 0\n';
    const part = read(text, { directed: false });
    expect(part.ok).toBe(false);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'error', code: 'asymmetric-matrix', row: 6, field: 'b' })]);
    expect(part.issues[0]?.message).toContain('"a" → "b" is 1 while "b" → "a" is 0');
    expect(part.ties).toEqual([]);
    expect(part.people.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('directed: false reads an edge list listing each tie once as undirected', () => {
    const part = read(dl('igraph-edgelist1.dl'), { directed: false });
    expect(part.ok).toBe(true);
    expect(part.ties.map((t) => [t.source, t.target, t.directed])).toEqual([
      ['george', 'sally', false],
      ['george', 'jim', false],
      ['sally', 'jim', false],
      ['billy', 'jim', false],
    ]);
    expect(part.issues).toEqual([]);
  });

  it('suggests an undirected import when an edge list lists each tie once', () => {
    const part = read(dl('igraph-edgelist2.dl'));
    expect(part.issues[0]?.message).toContain('import the file as undirected');
  });
});

describe('parseUcinetDl: the header as people write it', () => {
  it('accepts keywords in any case, over several lines, with or without "=" and commas', () => {
    const texts = [
      'DL\nN = 3\nFORMAT = FULLMATRIX DIAGONAL PRESENT\nLABELS:\nA,B,C\nDATA:\n0 1 0\n1 0 1\n0 1 0\n',
      'dl n 3 format = fullmatrix\nlabels: a b c\ndata:\n0 1 0\n1 0 1\n0 1 0\n',
      'dl nr=3, nc=3\nlabels:\n"A"\n"B"\n"C"\ndata: 0 1 0\n1 0 1\n0 1 0\n',
    ];
    for (const text of texts) {
      const part = read(text);
      expect(part.issues, text).toEqual([]);
      expect(part.people.map((p) => p.id.toUpperCase())).toEqual(['A', 'B', 'C']);
      expect(part.ties.map((t) => [t.source.toUpperCase(), t.target.toUpperCase(), t.directed])).toEqual([
        ['A', 'B', false],
        ['B', 'C', false],
      ]);
    }
  });

  it('reads quoted labels with spaces, quotes and non-Latin scripts, and matrix labels on several lines', () => {
    const text = [
      'DL N=3 NM=2',
      'FORMAT = EDGELIST1',
      'LABELS:',
      '"Zoë Ñúñez", "李小龍"',
      '"Mary ""Mo"" O\'Brien"',
      'LABELS EMBEDDED',
      'MATRIX LABELS:',
      'advice,',
      '"close friends"',
      'DATA:',
      '"Zoë Ñúñez" 李小龍 2',
      '李小龍 "Zoë Ñúñez" 2',
      '!',
      '"Mary ""Mo"" O\'Brien" 李小龍',
    ].join('\n');
    const part = read(text);
    expect(part.issues.map((i) => i.code)).toEqual(['asymmetric-matrix']);
    expect(part.people.map((p) => p.id)).toEqual(['Zoë Ñúñez', '李小龍', 'Mary "Mo" O\'Brien']);
    expect(part.relations).toEqual([
      { name: 'advice', directed: false },
      { name: 'close friends', directed: true },
    ]);
    expect(part.ties.map((t) => [t.source, t.target, t.relation, t.weight])).toEqual([
      ['Zoë Ñúñez', '李小龍', 'advice', 2],
      ['Mary "Mo" O\'Brien', '李小龍', 'close friends', 1],
    ]);
  });

  it('reads missing values as no tie, with one warning', () => {
    const part = read('dl n=3\ndata:\n0 . 1\n. 0 NA\n1 ? 0\n');
    expect(part.ties.map((t) => [t.source, t.target])).toEqual([['1', '3']]);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'missing-value' })]);
    expect(part.issues[0]?.message).toContain('4 values are missing');
  });

  it('reads DIAGONAL ABSENT, LOWERHALF and UPPERHALF', () => {
    const full = read('dl n=3 format=fullmatrix diagonal absent\ndata:\n1 0\n1 2\n0 2\n');
    const lower = read('dl n=3 format=lowerhalf diagonal absent\ndata:\n1\n0 2\n');
    const upper = read('dl n=3 format=upperhalf\ndata:\n0 1 0\n0 2\n5\n');
    const pairs = (part: ImportPart) => part.ties.map((t) => [t.source, t.target, t.weight, t.directed]);
    expect(full.issues).toEqual([]);
    expect(pairs(full)).toEqual([
      ['1', '2', 1, false],
      ['2', '3', 2, false],
    ]);
    expect(lower.issues).toEqual([]);
    expect(pairs(lower)).toEqual(pairs(full));
    expect(upper.issues.map((i) => i.code)).toEqual(['self-loop']);
    expect(pairs(upper)).toEqual([
      ['1', '2', 1, false],
      ['2', '3', 2, false],
      ['3', '3', 5, false],
    ]);
  });

  it('reads a node list with an ego and no alters as a person without ties', () => {
    const part = read('dl n=3\nformat=nodelist1\nlabels embedded\ndata:\nana ben\nben ana\ncaro\n');
    expect(part.people.map((p) => p.id)).toEqual(['ana', 'ben', 'caro']);
    expect(part.ties).toEqual([{ source: 'ana', target: 'ben', relation: 'tie', directed: false, weight: 1 }]);
    expect(part.issues).toEqual([]);
  });

  it('warns when an embedded edge list names fewer people than N (the others cannot be named)', () => {
    const part = read('dl n=4\nformat=edgelist1\nlabels embedded\ndata:\nana ben\nben ana\n');
    expect(part.people.map((p) => p.id)).toEqual(['ana', 'ben']);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'fewer-people', row: 1, field: 'n' })]);
  });

  it('reads several matrices of an edge list separated by "!" as relation layers', () => {
    const part = read('dl n=3 nm=2\nformat = edgelist1\nmatrix labels:\nadvice friendship\ndata:\n1 2 3\n2 1 3\n!\n2 3\n');
    expect(part.relations).toEqual([
      { name: 'advice', directed: false },
      { name: 'friendship', directed: true },
    ]);
    expect(part.ties.map((t) => [t.source, t.target, t.relation, t.weight])).toEqual([
      ['1', '2', 'advice', 3],
      ['2', '3', 'friendship', 1],
    ]);
  });

  it('names unnamed matrices "relation 1", "relation 2", and a single one "tie"', () => {
    expect(read('dl n=2 nm=2\ndata:\n0 1\n1 0\n0 0\n1 0\n').relations.map((r) => r.name)).toEqual(['relation 1', 'relation 2']);
    expect(read('dl n=2\ndata:\n0 1\n1 0\n').relations).toEqual([{ name: 'tie', directed: false }]);
  });
});

describe('parseUcinetDl: two-mode data, read as people by events', () => {
  it('reads a rectangular matrix: rows are people, columns events, non-zero cells attendances', () => {
    const text = 'DL NR=2, NC=3\nFORMAT = FULLMATRIX\nROW LABELS:\nana ben\nCOLUMN LABELS:\nE1 E2 E3\nDATA:\n1 0 1\n0 2 0\n';
    const part = read(text);
    expect(part.ok).toBe(true);
    expect(part.people.map((p) => p.id)).toEqual(['ana', 'ben']);
    expect(part.attendance).toEqual([
      { person: 'ana', event: 'E1' },
      { person: 'ana', event: 'E3' },
      { person: 'ben', event: 'E2' },
    ]);
    expect(part.ties).toEqual([]);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'two-mode', row: 1 })]);
    expect(part.issues[0]?.message).toContain('values other than 0 and 1 were read as attended');
  });

  it('reads edgelist2 and nodelist2 with embedded labels', () => {
    const edges = read('dl nr=2 nc=2\nformat = edgelist2\nlabels embedded\ndata:\nana E1\nben E1\nben E2\nben E2\n');
    expect(edges.attendance).toEqual([
      { person: 'ana', event: 'E1' },
      { person: 'ben', event: 'E1' },
      { person: 'ben', event: 'E2' },
    ]);
    expect(codes(edges)).toEqual(['two-mode', 'duplicate-attendance']);
    const nodes = read('dl nr=2 nc=3\nformat = nodelist2\nrow labels embedded\ncolumn labels embedded\ndata:\nana E1 E3\nben E2\n');
    expect(nodes.attendance).toHaveLength(3);
  });

  it('refuses a two-mode file with several matrices, saying what to do', () => {
    const part = read('dl nr=2 nc=3 nm=2\ndata:\n1 0 1\n0 1 0\n1 0 1\n0 1 0\n');
    expect(part.ok).toBe(false);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'error', code: 'two-mode-matrices', row: 1, field: 'nm' })]);
  });
});

describe('parseUcinetDl: broken files, each problem with file, line and field, nothing half-imported', () => {
  const failure = (text: string) => {
    const part = read(text);
    expect(part.ok).toBe(false);
    expect(part.ties).toEqual([]);
    expect(part.attendance).toEqual([]);
    return part.issues.filter((issue) => issue.level === 'error');
  };

  it('fewer rows than N: the data stops after row 2 of 3', () => {
    const errors = failure('dl n=3\ndata:\n0 1 0\n1 0 1\n');
    expect(errors).toEqual([expect.objectContaining({ code: 'truncated', file: 'net.dl', row: 4 })]);
    expect(errors[0]?.message).toContain('stops after 2 of 3 rows');
  });

  it('more rows than N: the extra row is named by its line', () => {
    const errors = failure('dl n=2\ndata:\n0 1\n1 0\n0 1\n');
    expect(errors).toEqual([expect.objectContaining({ code: 'extra-data', row: 5 })]);
  });

  it('more rows than N × NM: the extra matrix row is named too', () => {
    const errors = failure('dl n=2 nm=2\ndata:\n0 1\n1 0\n0 1\n1 0\n1 1\n');
    expect(errors).toEqual([expect.objectContaining({ code: 'extra-data', row: 7 })]);
    expect(errors[0]?.message).toContain('NM = 2');
  });

  it('a row with more values than N, and a row that is short', () => {
    expect(failure('dl n=3\ndata:\n0 1 0 1\n1 0 1\n0 1 0\n')).toEqual([expect.objectContaining({ code: 'long-row', row: 3 })]);
    expect(failure('dl n=3\ndata:\n0 1\n1 0 1\n0 1 0\n')).toEqual([expect.objectContaining({ code: 'short-row', row: 3 })]);
    expect(failure('dl n=2\nlabels embedded\ndata:\na b\na 0\nb 1 0\n')).toEqual([expect.objectContaining({ code: 'short-row', row: 5 })]);
  });

  it('a label count that differs from N, at the labels line', () => {
    const errors = failure('dl n=3\nlabels:\na,b\ndata:\n0 1 0\n1 0 1\n0 1 0\n');
    expect(errors).toEqual([expect.objectContaining({ code: 'label-count', row: 2, field: 'labels' })]);
    expect(errors[0]?.message).toContain('lists 2 labels, but N = 3 needs 3');
    expect(failure('dl n=2 nm=2\nmatrix labels: a\ndata:\n0 1\n1 0\n0 1\n1 0\n')).toEqual([
      expect.objectContaining({ code: 'label-count', row: 2, field: 'matrix labels' }),
    ]);
  });

  it('a cell that is not a number, with its line and column label', () => {
    const part = read('dl n=2\nlabels: ana ben\ndata:\n0 x\n1 0\n');
    expect(part.ok).toBe(false);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'error', code: 'bad-weight', row: 4, field: 'ben' })]);
    expect(part.issues[0]?.message).toBe('the value in row 1, column 2 is not a number: "x"');
    expect(part.people.map((p) => p.id)).toEqual(['ana', 'ben']);
  });

  it('negative values are refused', () => {
    expect(failure('dl n=2\ndata:\n0 -1\n1 0\n')).toEqual([expect.objectContaining({ code: 'bad-weight', row: 3 })]);
  });

  it('data cut short inside a row, inside an edge list, or before DATA:', () => {
    expect(failure('dl n=3\ndata:\n0 1 0\n1 0')).toEqual([expect.objectContaining({ code: 'truncated', row: 4 })]);
    expect(failure('dl n=3 format=edgelist1\ndata:\n1 2\n2')).toEqual([expect.objectContaining({ code: 'missing-id', row: 4 })]);
    expect(failure('dl n=3\nformat = fullmatrix\nlabels:\na b c\n')).toEqual([expect.objectContaining({ code: 'no-data' })]);
  });

  it('files of another format named .dl: a clear message saying what they look like', () => {
    const cases: Array<[string, string]> = [
      ['*Vertices 2\n1 "a"\n2 "b"\n*Arcs\n1 2\n', 'Pajek'],
      ['<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"></graphml>\n', 'GraphML'],
      ['*node data\nID\na\n*tie data\nfrom to\na a\n', 'NetDraw VNA'],
      ['source,target\na,b\n', 'CSV'],
      ['graph [\n node [ id 1 ]\n]\n', 'GML'],
    ];
    for (const [text, kind] of cases) {
      const errors = failure(text);
      expect(errors).toEqual([expect.objectContaining({ code: 'wrong-format', file: 'net.dl', row: 1 })]);
      expect(errors[0]?.message).toContain('not a UCINET DL file');
      expect(errors[0]?.message).toContain(kind);
    }
    expect(failure('')).toEqual([expect.objectContaining({ code: 'empty-file' })]);
    expect(failure('\u0000\u0001binary')[0]?.message).toContain('binary');
  });

  it('header problems: no N, an unknown format, a number missing', () => {
    expect(failure('dl\ndata:\n0 1\n1 0\n')).toEqual([expect.objectContaining({ code: 'missing-n', row: 1, field: 'n' })]);
    expect(failure('dl n=2 format=nodelist1b\ndata:\n1 2\n')).toEqual([expect.objectContaining({ code: 'unsupported-format', row: 1, field: 'format' })]);
    expect(failure('dl n=x\ndata:\n0\n')[0]).toMatchObject({ code: 'bad-header', row: 1, field: 'n' });
  });

  it('edge lists naming more people than N, or numbers out of range', () => {
    expect(failure('dl n=2 format=edgelist1\nlabels embedded\ndata:\na b\nb c\n')).toEqual([
      expect.objectContaining({ code: 'too-many-people', row: 5, field: 'to' }),
    ]);
    expect(failure('dl n=2 format=edgelist1\ndata:\n1 3\n')).toEqual([expect.objectContaining({ code: 'bad-index', row: 3, field: 'to' })]);
    expect(failure('dl n=2 format=edgelist1\ndata:\nana ben\n')[0]?.message).toContain('say LABELS EMBEDDED');
  });

  it('several matrices declared but not separated in an edge list', () => {
    const errors = failure('dl n=2 nm=2 format=edgelist1\ndata:\n1 2\n2 1\n');
    expect(errors).toEqual([expect.objectContaining({ code: 'missing-matrix', row: 4 })]);
    expect(errors[0]?.message).toContain('separated by a line holding "!"');
  });

  it('duplicate labels and rows and columns that name different people', () => {
    expect(failure('dl n=2\nlabels: a a\ndata:\n0 1\n1 0\n')).toEqual([expect.objectContaining({ code: 'duplicate-name', row: 2 })]);
    const errors = failure('dl n=2\nrow labels: a b\ncolumn labels: a c\ndata:\n0 1\n1 0\n');
    expect(errors).toEqual([expect.objectContaining({ code: 'label-mismatch', row: 3 })]);
    expect(errors[0]?.message).toContain('person 2 is "b"');
  });

  it('lists at most 20 bad cells one by one, then counts the rest', () => {
    const row = Array.from({ length: 30 }, () => 'x').join(' ');
    const text = `dl n=30\ndata:\n${Array.from({ length: 30 }, () => row).join('\n')}\n`;
    const errors = failure(text);
    expect(errors).toHaveLength(21);
    expect(errors[20]?.message).toBe('880 more problems like the ones above');
  });

  it('never throws, whatever is cut off the end of a real file', () => {
    for (const name of Object.keys(reference.dl)) {
      const text = dl(name);
      for (let cut = 0; cut < text.length; cut += Math.max(1, Math.floor(text.length / 60))) {
        const result = parseUcinetDl(text.slice(0, cut), { file: name });
        if (!result.ok) expect(result.issues.some((i) => i.level === 'error' && i.file === name)).toBe(true);
      }
    }
  });
});

describe('parseUcinetDl at size', () => {
  it('reads 200,000 edge-list lines and a 400 × 400 matrix (linear, no recursion, no argument spreads)', () => {
    const lines = ['dl n=2000 format=edgelist1', 'data:'];
    for (let i = 0; i < 200_000; i++) lines.push(`${(i % 2000) + 1} ${Math.floor(i / 2000) + 1} ${(i % 5) + 1}`);
    const edges = read(lines.join('\n'));
    expect(edges.ok).toBe(true);
    expect(edges.people).toHaveLength(2000);
    const rows: string[] = ['dl n=400', 'data:'];
    for (let r = 0; r < 400; r++) rows.push(Array.from({ length: 400 }, (_, c) => ((r + c) % 7 === 0 ? '1' : '0')).join(' '));
    const matrix = read(rows.join('\n'));
    expect(matrix.ok).toBe(true);
    expect(matrix.relations).toEqual([{ name: 'tie', directed: false }]);
  });
});

describe('looksLikeUcinetDl', () => {
  it('recognises every DL sample and nothing else', () => {
    for (const name of Object.keys(reference.dl)) expect(looksLikeUcinetDl(dl(name)), name).toBe(true);
    expect(looksLikeUcinetDl(dl('netweave-written-multi.dl'))).toBe(true);
    expect(looksLikeUcinetDl('\ufeffdl n 14 format = nodelist1\n')).toBe(true);
    for (const text of ['*node data\nID\n', '*Vertices 3\n', 'source,target\na,b\n', 'DL is a great format\n', '', 'dl\n']) {
      expect(looksLikeUcinetDl(text), text).toBe(false);
    }
  });
});
