import { tableRead } from './read-part.ts';
import { describe, expect, it } from 'vitest';
import { previewCsv, readCsv } from '../../../src/engine/io/csv-read.ts';
import { classic, coalition, fixture } from './fixtures.ts';

describe('readCsv', () => {
  it('strips a BOM and detects semicolons, keeping quoted semicolons in the cell', () => {
    const { table, issues } = tableRead(readCsv(fixture('semicolon-bom.csv'), { file: 'semicolon-bom.csv' }));
    expect(issues).toEqual([]);
    expect(table?.delimiter).toBe(';');
    expect(table?.headers).toEqual(['From', 'To', 'Weight', 'Relation', 'Since']);
    expect(table?.records.map((r) => r.cells[1])).toEqual(['Ben Okafor', 'Caro; Ruiz', 'Dev Patel']);
  });

  it('detects tabs and keeps commas inside tab-separated cells', () => {
    const { table } = tableRead(readCsv(fixture('tabs.tsv'), { file: 'tabs.tsv' }));
    expect(table?.delimiter).toBe('\t');
    expect(table?.records[1]?.cells).toEqual(['Ben Okafor', 'Caro, Ruiz', '1', 'friendship']);
  });

  it('detects pipes', () => {
    const { table } = tableRead(readCsv('a|b\nx|y\n', { file: 'p.txt' }));
    expect(table?.delimiter).toBe('|');
    expect(table?.records[0]?.cells).toEqual(['x', 'y']);
  });

  it('numbers records as a spreadsheet does when quoted cells span lines and a row is blank', () => {
    const { table } = tableRead(readCsv(fixture('multiline-notes.csv'), { file: 'multiline-notes.csv' }));
    expect(table?.records.map((r) => [r.row, r.cells[0]])).toEqual([
      [2, 'Ana'],
      [3, 'Ben'],
      [5, 'Caro'],
      [6, 'Dev'],
    ]);
    expect(table?.records[1]?.cells[3]).toBe('three\nline\nnote');
  });

  it('skips blank lines, including lines of only delimiters and spaces', () => {
    const { table } = tableRead(readCsv('\n\nsource,target\n , \na,b\n\n', { file: 'e.csv' }));
    expect(table?.headers).toEqual(['source', 'target']);
    expect(table?.records).toEqual([{ row: 5, cells: ['a', 'b'] }]);
  });

  it('reports an empty file', () => {
    for (const text of ['', '\uFEFF', '  \n\n ']) {
      const { table, issues } = tableRead(readCsv(text, { file: 'empty.csv' }));
      expect(table).toBeUndefined();
      expect(issues).toEqual([
        { level: 'error', code: 'empty-file', message: 'the file is empty', file: 'empty.csv' },
      ]);
    }
  });

  it('reports a header without data rows', () => {
    const { table, issues } = tableRead(readCsv('source,target\n\n', { file: 'header.csv' }));
    expect(table).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ level: 'error', code: 'no-data', file: 'header.csv' });
    expect(issues[0]?.row).toBeUndefined();
    expect(issues[0]?.field).toBeUndefined();
  });

  it('reports a quote that is never closed on the row where it opens', () => {
    const { issues } = tableRead(readCsv('source,target\na,b\n"c,d\ne,f\n', { file: 'q.csv' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ level: 'error', code: 'bad-quotes', file: 'q.csv', row: 3 });
  });

  it('refuses rows with more cells than the header (an unquoted comma in a name)', () => {
    const { issues } = tableRead(readCsv('source,target,weight\nSmith, Ann,Bo,2\nx,y,1,\n', { file: 'x.csv' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ level: 'error', code: 'extra-cells', file: 'x.csv', row: 2 });
    expect(issues[0]?.message).toContain('"2"');
  });

  it('warns about two columns with the same name', () => {
    const { issues } = tableRead(readCsv('id,Club,club\n1,a,b\n', { file: 'n.csv' }));
    expect(issues).toEqual([
      expect.objectContaining({ level: 'warning', code: 'duplicate-column', row: 1, field: 'club' }),
    ]);
  });
});

describe('previewCsv', () => {
  it('guesses an edge list and its columns', () => {
    const preview = previewCsv(classic('karate/edges.csv'), 'edges.csv');
    expect(preview).toMatchObject({
      delimiter: ',',
      headers: ['source', 'target', 'weight'],
      rowCount: 78,
      guessedKind: 'edges',
      guessedColumns: { source: 'source', target: 'target', weight: 'weight' },
      issues: [],
    });
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[0]).toEqual(['0', '1', '4']);
  });

  it('guesses columns under other names, case-insensitively', () => {
    expect(previewCsv(fixture('semicolon-bom.csv'), 's.csv').guessedColumns).toEqual({
      source: 'From',
      target: 'To',
      weight: 'Weight',
      relation: 'Relation',
    });
    expect(previewCsv(fixture('tabs.tsv'), 't.tsv').guessedColumns).toEqual({
      source: 'Ego',
      target: 'Alter',
      weight: 'Strength',
      relation: 'Layer',
    });
  });

  it('guesses a people list with a name column as both id and label', () => {
    const preview = previewCsv(coalition('people.csv'), 'people.csv');
    expect(preview.guessedKind).toBe('nodes');
    expect(preview.guessedColumns).toEqual({ id: 'name' });
    expect(preview.rowCount).toBe(120);
  });

  it('guesses a people list with separate id and label columns', () => {
    expect(previewCsv('ID,Full Name,team\n1,Ana Lima,a\n', 'p.csv').guessedColumns).toEqual({
      id: 'ID',
      label: 'Full Name',
    });
  });

  it('guesses matrices with an empty corner, named rows, or names across the top only', () => {
    expect(previewCsv(',a,b\na,0,1\nb,1,0\n', 'm.csv').guessedKind).toBe('adjacency');
    expect(previewCsv('who,b,a\na,0,1\nb,1,0\n', 'm.csv').guessedKind).toBe('adjacency');
    expect(previewCsv(classic('reference/campnet_adjacency.csv'), 'campnet.csv').guessedKind).toBe('adjacency');
  });

  it('says unknown when nothing fits, and passes reading problems on', () => {
    expect(previewCsv(coalition('attendance.csv'), 'attendance.csv').guessedKind).toBe('unknown');
    const empty = previewCsv('', 'empty.csv');
    expect(empty.guessedKind).toBe('unknown');
    expect(empty.issues[0]?.code).toBe('empty-file');
  });
});

describe('readCsv in chunks', () => {
  /** A CSV with quoted cells spanning lines, quoted delimiters, blank rows and a stray quote. */
  function messyCsv(rows: number, badAt: number | null): string {
    const lines = ['source,target,note'];
    for (let i = 0; i < rows; i++) {
      if (i % 97 === 0) lines.push('');
      if (i === badAt) lines.push(`p${i},"q${i}"x,broken`);
      else if (i % 13 === 0) lines.push(`p${i},"q, ${i}","two\nlines ""quoted"""`);
      else lines.push(`p${i},q${i},${i}`);
    }
    return `${lines.join('\n')}\n`;
  }

  it('gives the same records, row numbers and issues as one pass, with progress up to 1', () => {
    for (const badAt of [null, 1234, 2999]) {
      const text = messyCsv(3000, badAt);
      const whole = tableRead(readCsv(text, { file: 'm.csv' }));
      // Chunks of a few hundred characters cut rows, quoted cells and their embedded newlines.
      for (const chunkSize of [257, 1000, 4096]) {
        const fractions: number[] = [];
        const chunked = tableRead(readCsv(text, { file: 'm.csv', chunkSize, onProgress: (f) => fractions.push(f) }));
        expect(chunked.table?.records).toEqual(whole.table?.records);
        expect(chunked.issues).toEqual(whole.issues);
        expect(fractions.length).toBeGreaterThan(text.length / chunkSize / 2);
        expect(fractions[fractions.length - 1]).toBe(1);
        expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      }
      if (badAt !== null) expect(whole.issues.map((i) => i.row)).toContain(whole.table!.records.find((r) => r.cells[0] === `p${badAt}`)!.row);
    }
  });
});
