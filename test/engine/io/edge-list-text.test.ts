/**
 * Headerless edge lists (SNAP, NCOL, networkx write_edgelist) on real files, compared with what
 * networkx 2.8.8 and python-igraph 0.10.2 read from the same files
 * (test/reference/formats/edgelists.json, written by make_edgelists.py), and on broken ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssueGroup, groupIssues } from '../../../src/engine/core/util/issue-groups.ts';
import { looksLikeEdgeListText, parseEdgeListText, parsePythonDict } from '../../../src/engine/io/edge-list-text.ts';
import type { Tie } from '../../../src/engine/core/model/records.ts';
import { partOf } from './read-part.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const formats = (path: string): string => readFileSync(`${root}test/fixtures/formats/${path}`, 'utf8');

interface Reading {
  directed: boolean;
  nodes: string[];
  node_count: number;
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

/** Ties as the reference writes edges: undirected ends in order, sorted. */
function edgesOf(ties: readonly Tie[]): Array<[string, string, number]> {
  return ties
    .map((t): [string, string, number] => {
      const [a, b] = t.directed || t.source <= t.target ? [t.source, t.target] : [t.target, t.source];
      return [a, b, t.weight];
    })
    .sort((x, y) => (x[0] === y[0] ? (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0) : x[0] < y[0] ? -1 : 1));
}
const pairs = (edges: ReadonlyArray<readonly [string, string, unknown]>): string[] => edges.map(([a, b]) => `${a}\u0000${b}`).sort();
const namesOf = (ties: readonly Tie[]): string[] => [...new Set(ties.flatMap((t) => [t.source, t.target]))].sort();
const sorted = (names: readonly string[]): string[] => [...names].sort();

describe('parseEdgeListText on a SNAP file (ca-GrQc, its header and first 322 edges, CRLF lines)', () => {
  const text = formats('edgelist/snap-ca-grqc-head.txt');

  it('follows the header ("# Directed graph") and reads every line as networkx does with a DiGraph', () => {
    const part = partOf(parseEdgeListText(text, { file: 'ca-GrQc.txt' }));
    const expected = ref('edgelist/snap-ca-grqc-head.txt', 'directed');
    expect(part.ok).toBe(true);
    expect(part.ties).toHaveLength(expected.edge_count);
    expect(part.ties.every((t) => t.directed)).toBe(true);
    expect(pairs(edgesOf(part.ties))).toEqual(pairs(expected.edges));
    expect(namesOf(part.ties)).toEqual(sorted(expected.nodes));
    expect(part.issues).toEqual([]);
    // Lines as an editor shows them: 4 header lines, so the first tie is on line 5.
    expect(part.tieOrigins?.[0]).toMatchObject({ file: 'ca-GrQc.txt', row: 5, rowUnit: 'line', sourceField: 'FromNodeId', targetField: 'ToNodeId' });
  });

  it('read undirected, merges the pairs listed both ways as networkx\'s Graph does, in one warning group', () => {
    const part = partOf(parseEdgeListText(text, { file: 'ca-GrQc.txt', directed: false }));
    const expected = ref('edgelist/snap-ca-grqc-head.txt', 'undirected');
    expect(part.ties).toHaveLength(expected.edge_count);
    expect(pairs(edgesOf(part.ties))).toEqual(pairs(expected.edges));
    expect(namesOf(part.ties)).toEqual(sorted(expected.nodes));
    const reversed = 322 - expected.edge_count;
    expect(part.issues).toHaveLength(reversed);
    expect(part.issues.every((i) => i.code === 'duplicate-edge' && i.level === 'warning')).toBe(true);
    const groups = groupIssues(part.issues);
    expect(groups).toHaveLength(1);
    expect(formatIssueGroup(groups[0]!)).toBe(
      `ca-GrQc.txt: ${reversed} ties also appear in reverse (b – a after a – b); each was merged into the first one and the weights added: ` +
        `rows ${[...new Set(part.issues.slice(0, 5).map((i) => i.row))].join(', ')}, …`,
    );
  });

  it('is recognised as an edge list', () => {
    expect(looksLikeEdgeListText(text)).toBe(true);
  });
});

describe('parseEdgeListText on networkx write_edgelist output', () => {
  it('reads the data dictionary ({\'weight\': 4}) of the karate club as networkx does', () => {
    const part = partOf(parseEdgeListText(formats('edgelist/networkx-karate.edgelist'), { file: 'karate.edgelist' }));
    const expected = ref('edgelist/networkx-karate.edgelist', 'undirected');
    expect(part.ok).toBe(true);
    expect(part.issues).toEqual([]);
    expect(edgesOf(part.ties)).toEqual(expected.edges);
    expect(namesOf(part.ties)).toEqual(sorted(expected.nodes));
  });

  it('reads data=[\'weight\'] (a b 8) as networkx read_weighted_edgelist and igraph Read_Ncol do', () => {
    const text = formats('edgelist/networkx-lesmis-weight.edgelist');
    const part = partOf(parseEdgeListText(text, { file: 'lesmis.edgelist' }));
    expect(part.ok).toBe(true);
    expect(part.issues).toEqual([]);
    expect(edgesOf(part.ties)).toEqual(ref('edgelist/networkx-lesmis-weight.edgelist', 'undirected').edges);
    expect(edgesOf(part.ties)).toEqual(ref('edgelist/networkx-lesmis-weight.edgelist', 'igraph').edges);
    expect(looksLikeEdgeListText(text)).toBe(true);
  });
});

describe('parseEdgeListText on igraph\'s NCOL test files', () => {
  it('reads names and the weight given on one line; lines without one get weight 1 (igraph gives 0), the odd line is warned about', () => {
    const part = partOf(parseEdgeListText(formats('edgelist/igraph-graph1.ncol'), { file: 'graph1.ncol' }));
    const expected = ref('edgelist/igraph-graph1.ncol', 'igraph');
    expect(pairs(edgesOf(part.ties))).toEqual(pairs(expected.edges));
    expect(edgesOf(part.ties)).toEqual([
      ['a', 'b', 1],
      ['a', 'c', 1],
      ['b', 'c', 1230000],
    ]);
    expect(expected.edges.find(([a, b]) => a === 'b' && b === 'c')?.[2]).toBe(1230000);
    expect(part.ok).toBe(true);
    // One line of three has a weight: that line is the odd one, so it is the one reported.
    expect(part.issues.map((i) => [i.level, i.code, i.row, i.field])).toEqual([['warning', 'extra-weight', 2, 'weight']]);
    expect(part.issues[0]?.message).toBe(
      'this line has a weight, while 2 other lines have none; weights were read where given, and the others given weight 1',
    );
    const mostly = partOf(parseEdgeListText('a b 2\nb c\nc d 3\n', { file: 'm.ncol' }));
    expect(mostly.issues.map((i) => [i.code, i.row])).toEqual([['missing-weight', 2]]);
  });

  it('reads number-like names as names', () => {
    const part = partOf(parseEdgeListText(formats('edgelist/igraph-graph2.ncol'), { file: 'graph2.ncol' }));
    const expected = ref('edgelist/igraph-graph2.ncol', 'igraph');
    expect(edgesOf(part.ties).map(([a, b]) => [a, b])).toEqual(expected.edges.map(([a, b]) => [a, b]));
    expect(namesOf(part.ties)).toEqual(sorted(expected.nodes));
  });
});

describe('parseEdgeListText details', () => {
  it('keeps the SNAP header\'s extra columns as tie attributes and follows "# Undirected graph"', () => {
    const text = '# Undirected graph: signed.txt\n# FromNodeId\tToNodeId\tSign\n1\t2\t-1\n2\t3\t1\n';
    const part = partOf(parseEdgeListText(text, { file: 'signed.txt' }));
    expect(part.ties).toEqual([
      { source: '1', target: '2', relation: 'tie', directed: false, weight: 1, attributes: { Sign: -1 } },
      { source: '2', target: '3', relation: 'tie', directed: false, weight: 1, attributes: { Sign: 1 } },
    ]);
    expect(part.issues).toEqual([]);
  });

  it('lets the caller\'s direction win over the header', () => {
    const part = partOf(parseEdgeListText('# Directed graph\n1 2\n', { file: 'd.txt', directed: false }));
    expect(part.ties[0]?.directed).toBe(false);
  });

  it('reads quoted names with spaces, tab columns with spaces in names, and non-Latin scripts', () => {
    const quoted = partOf(parseEdgeListText('"Ana Ruiz" \'Jin Chen\' 2\n"Mária ""Mia"" Kovács" Ngũgĩ\n', { file: 'q.txt' }));
    expect(quoted.ties.map((t) => [t.source, t.target, t.weight])).toEqual([
      ['Ana Ruiz', 'Jin Chen', 2],
      ['Mária "Mia" Kovács', 'Ngũgĩ', 1],
    ]);
    expect(quoted.issues.map((i) => i.code)).toEqual(['missing-weight']);
    const tabs = partOf(parseEdgeListText('Ana Ruiz\tJin Chen\nМария Иванова\t李雷\t3\n', { file: 't.tsv' }));
    expect(tabs.ties.map((t) => [t.source, t.target, t.weight])).toEqual([
      ['Ana Ruiz', 'Jin Chen', 1],
      ['Мария Иванова', '李雷', 3],
    ]);
    const scripts = partOf(parseEdgeListText('Мария José\n李雷 Ана 2\nअनिल محمد 1\n', { file: 's.txt' }));
    expect(scripts.ties.map((t) => [t.source, t.target])).toEqual([
      ['Мария', 'José'],
      ['李雷', 'Ана'],
      ['अनिल', 'محمد'],
    ]);
  });

  it('reads tabs and spaces mixed as separators when no name holds a space', () => {
    const part = partOf(parseEdgeListText('1\t2\n3 4\n5 \t 6\t\n  7\t\t8  \n', { file: 'mixed.txt' }));
    expect(part.ok).toBe(true);
    expect(part.ties.map((t) => [t.source, t.target])).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
      ['7', '8'],
    ]);
  });

  it('reads comments (# and %), blank lines, a byte-order mark and a last line without a line break', () => {
    const part = partOf(parseEdgeListText('\uFEFF% sym unweighted\n\n# note\na b # inline note\n\n  \nb c', { file: 'c.txt' }));
    expect(part.ties.map((t) => [t.source, t.target, t.relation])).toEqual([
      ['a', 'b', 'tie'],
      ['b', 'c', 'tie'],
    ]);
    expect(part.issues).toEqual([]);
  });

  it('reads a first line of column names as a header, with a warning', () => {
    const part = partOf(parseEdgeListText('source target weight\na b 2\n', { file: 'h.txt', relation: 'advice' }));
    expect(part.ties).toEqual([{ source: 'a', target: 'b', relation: 'advice', directed: false, weight: 2 }]);
    expect(part.issues.map((i) => [i.code, i.row])).toEqual([['header-line', 1]]);
  });

  it('reads weight 0 as 1 with a warning saying what analyses do with it', () => {
    const part = partOf(parseEdgeListText('a b 0\nb c 0.0\nc d 2\n', { file: 'z.txt' }));
    expect(part.ok).toBe(true);
    expect(part.ties.map((t) => t.weight)).toEqual([1, 1, 2]);
    expect(part.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['zero-weight', 1, 'weight'],
      ['zero-weight', 2, 'weight'],
    ]);
    expect(part.issues[0]?.message).toContain('analyses that ignore weights (the default) count it like any tie');
  });

  it('parses networkx data dictionaries, and refuses one it cannot read', () => {
    expect(parsePythonDict("{'weight': 3.5, 'color': 'red', 'ok': True, 'note': None, \"n\": -2e3}")).toEqual(
      new Map<string, unknown>([['weight', 3.5], ['color', 'red'], ['ok', true], ['note', null], ['n', -2000]]),
    );
    expect(parsePythonDict('{}')).toEqual(new Map());
    expect(parsePythonDict("{'a': [1, 2]}")).toBeUndefined();
    const part = partOf(parseEdgeListText("a b {'weight': 2, 'since': 2019}\nb c {'weight': [1]}\nc d {'weight': 'x'}\n", { file: 'nx.edgelist' }));
    expect(part.ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: false, weight: 2, attributes: { since: 2019 } }]);
    expect(part.issues.map((i) => [i.level, i.code, i.row, i.field])).toEqual([
      ['error', 'bad-data', 2, 'data'],
      ['error', 'bad-weight', 3, 'weight'],
    ]);
  });
});

describe('parseEdgeListText on broken files', () => {
  it('says a line with one name is an error with its line, and keeps reading', () => {
    const part = partOf(parseEdgeListText('a\tb\nc\td\ne\n', { file: 'cut.txt' }));
    expect(part.ok).toBe(false);
    expect(part.ties).toHaveLength(2);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'error', code: 'one-name', file: 'cut.txt', row: 3, field: 'target' })]);
    expect(part.issues[0]?.message).toContain('only one name ("e")');
  });

  it('says three names on a line are not a weight, and suggests what the file may be', () => {
    const part = partOf(parseEdgeListText('a b\nEvelyn Jefferson E1\n', { file: 'davis.edgelist' }));
    expect(part.ok).toBe(false);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'error', code: 'three-names', row: 2, field: 'weight' })]);
    expect(part.issues[0]?.message).toMatch(/"E1" is not a weight.*quotes.*adjacency list/);
    const many = partOf(parseEdgeListText('a b c d\n', { file: 'adj.txt' }));
    expect(many.issues.map((i) => [i.code, i.row])).toEqual([['three-names', 1]]);
    const four = partOf(parseEdgeListText('a b 1 2\n', { file: 'four.txt' }));
    expect(four.issues.map((i) => [i.code, i.row, i.field])).toEqual([['extra-values', 1, 'column 4']]);
  });

  it('reports a line cut inside a quote, a negative weight, and a line without its tab', () => {
    const part = partOf(parseEdgeListText('"Ana Ruiz"\t"Jin\nAna Ruiz\tBo Li\t-2\nCara Diaz Bo Li\n', { file: 'b.tsv' }));
    expect(part.issues.map((i) => [i.level, i.code, i.row])).toEqual([
      ['error', 'bad-quote', 1],
      ['error', 'bad-weight', 2],
      ['error', 'one-name', 3],
    ]);
    expect(part.issues[2]?.message).toContain('no tab on the line');
  });

  it('gives one clear error for a file of another format with this extension', () => {
    for (const [text, says] of [
      ['<?xml version="1.0"?>\n<graphml><graph/></graphml>\n', 'XML'],
      ['*Vertices 3\n1 "a"\n2 "b"\n*Edges\n1 2\n', 'Pajek'],
      ['DL N=3\nformat = fullmatrix\ndata:\n0 1 0\n', 'UCINET'],
      ['digraph G {\n a -> b;\n}\n', 'DOT'],
      ['source,target\nAna,Ben\n', 'CSV'],
      ['{"nodes": []}', 'JSON'],
      ['PK\u0003\u0004\u0014\u0000binary', 'binary'],
    ] as const) {
      const part = partOf(parseEdgeListText(text, { file: 'edges.txt' }));
      expect(part.ok).toBe(false);
      expect(part.issues).toHaveLength(1);
      expect(part.issues[0]).toMatchObject({ level: 'error', code: 'wrong-format', file: 'edges.txt', row: 1 });
      expect(part.issues[0]?.message).toContain(says);
      expect(looksLikeEdgeListText(text)).toBe(false);
    }
  });

  it('says an empty file or one of comments only holds no ties', () => {
    for (const text of ['', '\n\n', '# Nodes: 0 Edges: 0\n']) {
      const part = partOf(parseEdgeListText(text, { file: 'empty.txt' }));
      expect(part.issues).toEqual([expect.objectContaining({ level: 'error', code: 'no-ties', row: 1 })]);
    }
  });

  it('reads 1,000,000 lines in one pass, without a stack overflow, in time linear in the lines', () => {
    const generate = (count: number): string => {
      const lines: string[] = ['# Undirected graph: generated', '# FromNodeId\tToNodeId'];
      for (let i = 0; i < count; i++) lines.push(`${i}\t${(i * 7 + 3) % 1_000_003}`);
      return lines.join('\n');
    };
    const timed = (text: string) => {
      const started = performance.now();
      let calls = 0;
      const part = partOf(parseEdgeListText(text, { file: 'big.txt', onReadProgress: () => (calls += 1) }));
      return { part, calls, ms: performance.now() - started };
    };
    const small = timed(generate(100_000));
    const big = timed(generate(1_000_000));
    expect(big.part.ok).toBe(true);
    expect(big.part.ties).toHaveLength(1_000_000);
    expect(big.part.tieOrigins?.[999_999]).toMatchObject({ row: 1_000_002 });
    expect(big.calls).toBeGreaterThan(10);
    // Ten times the lines: about ten times the time (a quadratic reader would take a hundred).
    expect(big.ms).toBeLessThan(30 * small.ms + 2_000);
  }, 180_000);

  it('reports 200,000 reversed duplicates (more than a call takes arguments) as one group', () => {
    const lines: string[] = [];
    for (let i = 0; i < 200_000; i++) lines.push(`a${i} b${i}`, `b${i} a${i}`);
    const part = partOf(parseEdgeListText(lines.join('\n'), { file: 'dups.txt' }));
    expect(part.ties).toHaveLength(200_000);
    expect(part.issues).toHaveLength(200_000);
    const groups = groupIssues(part.issues);
    expect(groups.map((g) => [g.code, g.count])).toEqual([['duplicate-edge', 200_000]]);
    expect(formatIssueGroup(groups[0]!)).toBe(
      'dups.txt: 200000 ties also appear in reverse (b – a after a – b); each was merged into the first one and the weights added: rows 2, 4, 6, 8, 10, …',
    );
  }, 180_000);
});

describe('looksLikeEdgeListText', () => {
  it('takes two names per line with an optional weight or data dictionary, and nothing else', () => {
    expect(looksLikeEdgeListText('a b\nb c 2\n')).toBe(true);
    expect(looksLikeEdgeListText("0 1 {'weight': 4}\n")).toBe(true);
    expect(looksLikeEdgeListText('source target\na b\n')).toBe(true);
    expect(looksLikeEdgeListText('Ana Ruiz\tJin Chen\n')).toBe(true);
    expect(looksLikeEdgeListText('a b c\n')).toBe(false);
    expect(looksLikeEdgeListText('a b\nc\n')).toBe(false);
    expect(looksLikeEdgeListText('a;b;c\nb;c\n')).toBe(false);
    expect(looksLikeEdgeListText('source,target,weight\na,b,1\n')).toBe(false);
    expect(looksLikeEdgeListText('# only a comment\n')).toBe(false);
    expect(looksLikeEdgeListText(formats('adjlist/socnetv-mexican-power-1940s.lst'))).toBe(false);
    expect(looksLikeEdgeListText(formats('adjlist/networkx-florentine.adjlist'))).toBe(false);
  });
});
