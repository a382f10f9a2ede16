import { partOf } from './read-part.ts';
import { describe, expect, it } from 'vitest';
import { parseEdgeListCsv } from '../../../src/engine/io/csv-edges.ts';
import { classic, fixture } from './fixtures.ts';

const errors = (part: { issues: Array<{ level: string }> }) => part.issues.filter((i) => i.level === 'error');

describe('parseEdgeListCsv on real data', () => {
  it('reads karate: 78 weighted undirected ties, no issues', () => {
    const part = partOf(parseEdgeListCsv(classic('karate/edges.csv'), { file: 'edges.csv' }));
    expect(part.issues).toEqual([]);
    expect(part.ties).toHaveLength(78);
    expect(part.ties.reduce((sum, t) => sum + t.weight, 0)).toBe(231);
    expect(part.ties[0]).toEqual({ source: '0', target: '1', relation: 'tie', directed: false, weight: 4 });
    expect(part.relations).toEqual([{ name: 'tie', directed: false }]);
    expect(part.people).toEqual([]);
    expect(part.tieOrigins?.[77]).toMatchObject({ file: 'edges.csv', row: 79 });
  });

  it('reads lesmis: 254 ties, total weight 820', () => {
    const part = partOf(parseEdgeListCsv(classic('lesmis/edges.csv'), { file: 'edges.csv' }));
    expect(part.issues).toEqual([]);
    expect(part.ties).toHaveLength(254);
    expect(part.ties.reduce((sum, t) => sum + t.weight, 0)).toBe(820);
    expect(part.ties.find((t) => t.source === 'Valjean' && t.target === 'Cosette')?.weight).toBe(31);
  });

  it('reads stacked relations as separate directed layers (krackhardt)', () => {
    const part = partOf(parseEdgeListCsv(classic('krackhardt/edges.csv'), { file: 'edges.csv', directed: true }));
    expect(part.issues).toEqual([]);
    expect(part.relations).toEqual([
      { name: 'advice', directed: true },
      { name: 'friendship', directed: true },
      { name: 'reports_to', directed: true },
    ]);
    expect(part.ties.filter((t) => t.relation === 'advice')).toHaveLength(190);
  });

  it('reads a semicolon file with a BOM and decimal commas; extra columns become typed attributes', () => {
    const part = partOf(parseEdgeListCsv(fixture('semicolon-bom.csv'), { file: 'semicolon-bom.csv' }));
    expect(part.issues).toEqual([]);
    expect(part.ties).toEqual([
      { source: 'Ana Lima', target: 'Ben Okafor', relation: 'advice', directed: false, weight: 1.5, attributes: { Since: 2019 } },
      { source: 'Ben Okafor', target: 'Caro; Ruiz', relation: 'advice', directed: false, weight: 2, attributes: { Since: 2021 } },
      { source: 'Ana Lima', target: 'Dev Patel', relation: 'collaboration', directed: false, weight: 3, attributes: { Since: null } },
    ]);
  });

  it('reads a tab-separated file with ego/alter/strength/layer headers', () => {
    const part = partOf(parseEdgeListCsv(fixture('tabs.tsv'), { file: 'tabs.tsv' }));
    expect(part.issues).toEqual([]);
    expect(part.ties.map((t) => [t.source, t.target, t.weight, t.relation])).toEqual([
      ['Ana Lima', 'Ben Okafor', 3, 'friendship'],
      ['Ben Okafor', 'Caro, Ruiz', 1, 'friendship'],
      ['Caro, Ruiz', 'Dev Patel', 2, 'advice'],
    ]);
  });

  it('keeps multi-line notes and reports errors at spreadsheet rows, not physical lines', () => {
    const part = partOf(parseEdgeListCsv(fixture('multiline-notes.csv'), { file: 'multiline-notes.csv' }));
    expect(part.ties.map((t) => t.attributes?.notes)).toEqual(['met at the\nspring convening', 'three\nline\nnote']);
    expect(errors(part)).toEqual([
      { level: 'error', code: 'bad-weight', message: 'weight is not a number: "abc"', file: 'multiline-notes.csv', row: 5, field: 'weight' },
      {
        level: 'error',
        code: 'missing-id',
        message: 'target is empty; every row needs both a source and a target',
        file: 'multiline-notes.csv',
        row: 6,
        field: 'target',
      },
    ]);
  });
});

describe('parseEdgeListCsv options', () => {
  it('marks ties directed when asked, and keeps a-b and b-a apart then', () => {
    const part = partOf(parseEdgeListCsv('source,target\na,b\nb,a\n', { file: 'e.csv', directed: true }));
    expect(part.issues).toEqual([]);
    expect(part.ties.map((t) => [t.source, t.target, t.directed])).toEqual([
      ['a', 'b', true],
      ['b', 'a', true],
    ]);
    expect(part.relations).toEqual([{ name: 'tie', directed: true }]);
  });

  it('uses chosen columns over detection, and a default relation name', () => {
    const text = 'Respondent,Named,How often,Group\nAna,Ben,3,x\n';
    const part = partOf(parseEdgeListCsv(text, {
      file: 'survey.csv',
      columns: { source: 'respondent', target: 'NAMED', weight: 'how often' },
      defaultRelation: 'advice',
    }));
    expect(part.issues).toEqual([]);
    expect(part.ties).toEqual([
      { source: 'Ana', target: 'Ben', relation: 'advice', directed: false, weight: 3, attributes: { Group: 'x' } },
    ]);
  });

  it('reads a per-row direction column', () => {
    const part = partOf(parseEdgeListCsv('from,to,directed\na,b,yes\nb,c,no\nc,d,maybe\n', { file: 'd.csv' }));
    expect(part.ties.map((t) => t.directed)).toEqual([true, false]);
    expect(errors(part)).toEqual([
      expect.objectContaining({ code: 'bad-directed', file: 'd.csv', row: 4, field: 'directed' }),
    ]);
    expect(part.issues).toContainEqual(expect.objectContaining({ level: 'warning', code: 'mixed-direction' }));
  });

  it("reads Gephi's edge export, whose Type column is a direction, not a relation", () => {
    const text = 'Source,Target,Type,Id,Label,Weight\na,b,Directed,0,,2.0\nb,c,Undirected,1,,1.0\n';
    const part = partOf(parseEdgeListCsv(text, { file: 'gephi-edges.csv' }));
    expect(part.ties.map((t) => [t.source, t.target, t.relation, t.directed, t.weight])).toEqual([
      ['a', 'b', 'tie', true, 2],
      ['b', 'c', 'tie', false, 1],
    ]);
    expect(part.ties[0]?.attributes).toEqual({ Id: 0, Label: null });
  });

  it('types an attribute column as numbers only when every cell is a number', () => {
    const part = partOf(parseEdgeListCsv('source,target,since,zip\na,b,2019,02139\nb,c,n/a,10001\n', { file: 'e.csv' }));
    expect(part.ties.map((t) => t.attributes)).toEqual([
      { since: '2019', zip: '02139' },
      { since: 'n/a', zip: '10001' },
    ]);
  });
});

describe('parseEdgeListCsv problems', () => {
  it('reports an empty file', () => {
    const part = partOf(parseEdgeListCsv('', { file: 'empty.csv' }));
    expect(part.ties).toEqual([]);
    expect(part.issues).toEqual([{ level: 'error', code: 'empty-file', message: 'the file is empty', file: 'empty.csv' }]);
  });

  it('reports a header without data', () => {
    const part = partOf(parseEdgeListCsv('source,target,weight\n', { file: 'header-only.csv' }));
    expect(part.issues).toHaveLength(1);
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'no-data', file: 'header-only.csv' });
    expect(part.issues[0]?.row).toBeUndefined();
    expect(part.issues[0]?.field).toBeUndefined();
  });

  it('reports a missing target column, naming the columns found', () => {
    const part = partOf(parseEdgeListCsv('source,person,weight\na,b,1\n', { file: 'no-target.csv' }));
    expect(part.ties).toEqual([]);
    expect(part.issues).toHaveLength(1);
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'missing-column', file: 'no-target.csv', row: 1 });
    expect(part.issues[0]?.field).toBeUndefined();
    expect(part.issues[0]?.message).toContain('no target column');
    expect(part.issues[0]?.message).toContain('"source", "person", "weight"');
  });

  it('reports a missing source column', () => {
    const part = partOf(parseEdgeListCsv('a,target\nx,y\n', { file: 'no-source.csv' }));
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'missing-column', file: 'no-source.csv', row: 1 });
    expect(part.issues[0]?.message).toContain('no source column');
  });

  it('reports a chosen column that does not exist', () => {
    const part = partOf(parseEdgeListCsv('source,target\na,b\n', { file: 'e.csv', columns: { weight: 'strength' } }));
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'missing-column', file: 'e.csv', row: 1 });
    expect(part.issues[0]?.message).toContain('"strength"');
  });

  it('reports an empty target on its row and column', () => {
    const part = partOf(parseEdgeListCsv('Source,Target\na,b\nc,\n', { file: 'gap.csv' }));
    expect(part.ties).toHaveLength(1);
    expect(part.issues).toEqual([
      {
        level: 'error',
        code: 'missing-id',
        message: 'Target is empty; every row needs both a source and a target',
        file: 'gap.csv',
        row: 3,
        field: 'Target',
      },
    ]);
  });

  it('refuses non-numeric, zero, negative and infinite weights, each on its row and column', () => {
    const text = 'source,target,Weight\na,b,abc\na,c,0\na,d,-2\na,e,1e999\na,f,Infinity\na,g,2\n';
    const part = partOf(parseEdgeListCsv(text, { file: 'w.csv' }));
    expect(part.ties.map((t) => t.target)).toEqual(['g']);
    expect(part.issues.map((i) => [i.code, i.file, i.row, i.field, i.message])).toEqual([
      ['bad-weight', 'w.csv', 2, 'Weight', 'Weight is not a number: "abc"'],
      ['bad-weight', 'w.csv', 3, 'Weight', 'Weight is 0; a tie needs a weight above 0 (leave the row out if there is no tie)'],
      ['bad-weight', 'w.csv', 4, 'Weight', 'Weight is negative ("-2"); weights must be above 0'],
      ['bad-weight', 'w.csv', 5, 'Weight', 'Weight is too large to use: "1e999"'],
      ['bad-weight', 'w.csv', 6, 'Weight', 'Weight is not a number: "Infinity"'],
    ]);
  });

  it('gives an empty weight cell weight 1 with a warning', () => {
    const part = partOf(parseEdgeListCsv('source,target,weight\na,b,\n', { file: 'w.csv' }));
    expect(part.ties[0]?.weight).toBe(1);
    expect(part.issues).toEqual([
      expect.objectContaining({ level: 'warning', code: 'missing-weight', row: 2, field: 'weight' }),
    ]);
  });

  it('keeps a self-loop with a warning on its row', () => {
    const part = partOf(parseEdgeListCsv('source,target\na,b\nc,c\n', { file: 'loop.csv' }));
    expect(part.ties).toHaveLength(2);
    expect(part.ties[1]).toMatchObject({ source: 'c', target: 'c' });
    expect(part.issues).toEqual([
      {
        level: 'warning',
        code: 'self-loop',
        message: '"c" is tied to themself (source and target are the same); the tie was kept',
        file: 'loop.csv',
        row: 3,
      },
    ]);
  });

  it('merges a repeated tie into the first, adding weights, and names both rows', () => {
    const part = partOf(parseEdgeListCsv('source,target,weight\na,b,2\nb,c,1\na,b,3\n', { file: 'dup.csv' }));
    expect(part.ties).toEqual([
      { source: 'a', target: 'b', relation: 'tie', directed: false, weight: 5 },
      { source: 'b', target: 'c', relation: 'tie', directed: false, weight: 1 },
    ]);
    expect(part.issues).toHaveLength(1);
    expect(part.issues[0]).toMatchObject({ level: 'warning', code: 'duplicate-edge', file: 'dup.csv', row: 4 });
    expect(part.issues[0]?.message).toContain('row 2');
    expect(part.issues[0]?.message).toContain('2 + 3 = 5');
  });

  it('treats b-a as a repeat of a-b when ties are undirected, but not when directed', () => {
    const text = 'source,target,weight\na,b,2\nb,a,1\n';
    const undirected = partOf(parseEdgeListCsv(text, { file: 'u.csv' }));
    expect(undirected.ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: false, weight: 3 }]);
    expect(undirected.issues[0]).toMatchObject({ code: 'duplicate-edge', row: 3 });
    expect(undirected.issues[0]?.message).toContain('same undirected tie as a – b in row 2');
    const directed = partOf(parseEdgeListCsv(text, { file: 'd.csv', directed: true }));
    expect(directed.ties).toHaveLength(2);
    expect(directed.issues).toEqual([]);
  });

  it('does not merge the same pair in different relations', () => {
    const part = partOf(parseEdgeListCsv('source,target,relation\na,b,advice\na,b,friendship\n', { file: 'r.csv' }));
    expect(part.ties).toHaveLength(2);
    expect(part.issues).toEqual([]);
  });
});
