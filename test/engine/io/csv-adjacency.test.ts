import { partOf } from './read-part.ts';
import { describe, expect, it } from 'vitest';
import { parseAdjacencyCsv } from '../../../src/engine/io/csv-adjacency.ts';
import { parseEdgeListCsv } from '../../../src/engine/io/csv-edges.ts';
import { tieKey } from '../../../src/engine/io/merge-ties.ts';
import { classic } from './fixtures.ts';

describe('parseAdjacencyCsv', () => {
  it('reads a symmetric matrix as undirected, one tie per pair, weights from cells', () => {
    const text = ',a,b,c\na,0,2,\nb,2,0,1\nc,,1,0\n';
    const part = partOf(parseAdjacencyCsv(text, { file: 'm.csv' }));
    expect(part.issues).toEqual([]);
    expect(part.people.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(part.ties).toEqual([
      { source: 'a', target: 'b', relation: 'tie', directed: false, weight: 2 },
      { source: 'b', target: 'c', relation: 'tie', directed: false, weight: 1 },
    ]);
    expect(part.relations).toEqual([{ name: 'tie', directed: false }]);
  });

  it('matches rows to columns by name, whatever their order, and keeps isolates as people', () => {
    const text = 'name,a,b,c\nc,0,0,0\na,0,1,0\nb,1,0,0\n';
    const part = partOf(parseAdjacencyCsv(text, { file: 'm.csv' }));
    expect(part.issues).toEqual([]);
    expect(part.people.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(part.ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: false, weight: 1 }]);
  });

  it('reads an asymmetric matrix as directed, with a warning naming a differing cell', () => {
    const part = partOf(parseAdjacencyCsv(',a,b\na,0,1\nb,0,0\n', { file: 'm.csv' }));
    expect(part.ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: true, weight: 1 }]);
    expect(part.issues).toEqual([
      expect.objectContaining({ level: 'warning', code: 'asymmetric-matrix', file: 'm.csv', row: 2, field: 'b' }),
    ]);
  });

  it('reads campnet (names across the top only) as the same 54 arcs as its edge list', () => {
    const matrix = partOf(parseAdjacencyCsv(classic('reference/campnet_adjacency.csv'), { file: 'campnet.csv' }));
    expect(matrix.issues.map((i) => i.code)).toEqual(['asymmetric-matrix']);
    expect(matrix.people).toHaveLength(18);
    const edges = partOf(parseEdgeListCsv(classic('campnet/edges.csv'), { file: 'edges.csv', directed: true }));
    const relabel = (t: (typeof edges.ties)[number]) => tieKey({ ...t, relation: 'tie' });
    expect(matrix.ties).toHaveLength(54);
    expect(new Set(matrix.ties.map(relabel))).toEqual(new Set(edges.ties.map(relabel)));
  });

  it('honours an explicit direction', () => {
    const directed = partOf(parseAdjacencyCsv(',a,b\na,0,1\nb,1,0\n', { file: 'm.csv', directed: true }));
    expect(directed.ties.map((t) => [t.source, t.target, t.directed])).toEqual([
      ['a', 'b', true],
      ['b', 'a', true],
    ]);
    const refused = partOf(parseAdjacencyCsv(',a,b\na,0,1\nb,0,0\n', { file: 'm.csv', directed: false }));
    expect(refused.ties).toEqual([]);
    expect(refused.issues).toEqual([
      expect.objectContaining({ level: 'error', code: 'asymmetric-matrix', file: 'm.csv', row: 2, field: 'b' }),
    ]);
  });

  it('keeps a non-zero diagonal as a self-loop with a warning', () => {
    const part = partOf(parseAdjacencyCsv(',a,b\na,2,1\nb,1,0\n', { file: 'm.csv' }));
    expect(part.ties).toContainEqual({ source: 'a', target: 'a', relation: 'tie', directed: false, weight: 2 });
    expect(part.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'self-loop', file: 'm.csv', row: 2 })]);
  });

  it('reports a non-numeric cell with its row and column name', () => {
    const part = partOf(parseAdjacencyCsv(',a,b\na,0,x\nb,-1,0\n', { file: 'm.csv' }));
    expect(part.ties).toEqual([]);
    expect(part.issues.map((i) => [i.code, i.file, i.row, i.field, i.message])).toEqual([
      ['bad-weight', 'm.csv', 2, 'b', 'the cell for a → b is not a number: "x"'],
      ['bad-weight', 'm.csv', 3, 'a', 'the cell for b → a is negative ("-1"); weights must be 0 (no tie) or above'],
    ]);
  });

  it('reports row names that are not column names, and the reverse', () => {
    const part = partOf(parseAdjacencyCsv(',a,b\na,0,1\nc,1,0\n', { file: 'm.csv' }));
    expect(part.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['name-mismatch', 3, 'column 1'],
      ['name-mismatch', 1, 'b'],
    ]);
    expect(part.issues[0]?.message).toBe('"c" is in the first column but not in the header row');
  });

  it('ignores the empty column a trailing delimiter leaves', () => {
    const part = partOf(parseAdjacencyCsv(',a,b,\na,0,1,\nb,1,0,\n', { file: 'm.csv' }));
    expect(part.issues).toEqual([]);
    expect(part.ties).toHaveLength(1);
  });

  it('reports a matrix that is not square', () => {
    const part = partOf(parseAdjacencyCsv(',a,b,c\na,0,1,0\nb,1,0,0\n', { file: 'm.csv' }));
    expect(part.issues).toContainEqual(expect.objectContaining({ level: 'error', code: 'not-square', file: 'm.csv' }));
  });

  it('reports an empty file and a header without rows', () => {
    expect(partOf(parseAdjacencyCsv('', { file: 'm.csv' })).issues[0]?.code).toBe('empty-file');
    expect(partOf(parseAdjacencyCsv(',a,b\n', { file: 'm.csv' })).issues[0]?.code).toBe('no-data');
  });
});
