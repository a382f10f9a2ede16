/**
 * Exports: spreadsheet-safe CSV, and GEXF/GraphML that our own importers (and so Gephi-style
 * readers) read back with the same ties and the metrics as attributes.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { neutraliseCell, toCsv } from '../../../src/engine/io/csv-cells.ts';
import { toGexf } from '../../../src/engine/io/gexf-writer.ts';
import { toGraphml } from '../../../src/engine/io/graphml-writer.ts';
import type { ExportGraph } from '../../../src/engine/io/export-graph.ts';
import { parseGexf } from '../../../src/engine/io/gexf.ts';
import { parseGraphml } from '../../../src/engine/io/graphml.ts';
import { readSoFar } from '../../../src/engine/core/util/result.ts';

describe('CSV cells', () => {
  it.each(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx'])('neutralises %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });
  it('leaves numbers, including negative ones, as numbers', () => {
    expect(neutraliseCell(-0.5)).toBe(-0.5);
    expect(neutraliseCell('Maria')).toBe('Maria');
  });
  it('quotes commas, quotes and newlines', () => {
    const csv = toCsv(['name', 'note'], [['Lopez, Maria', 'said "hi"\nthen left']]);
    expect(Papa.parse(csv, { header: true }).data[0]).toEqual({ name: 'Lopez, Maria', note: 'said "hi"\nthen left' });
  });
});

const graph: ExportGraph = {
  directed: true,
  nodes: [
    { id: 'a', label: '<Ana & "Bo">', attributes: { sector: 'Nonprofit', skills: ['facilitation', 'budgeting'], years: 4 }, metrics: { degree: 2, betweenness: 0.5 } },
    { id: 'b', label: 'Ben', attributes: { sector: 'Government', skills: null, years: 2 }, metrics: { degree: 1, betweenness: 0 } },
    { id: 'c', label: 'Cara', attributes: {}, metrics: { degree: 1, betweenness: 0 } },
  ],
  edges: [
    { source: 'a', target: 'b', weight: 2, relation: 'advice' },
    { source: 'c', target: 'a', weight: 1, relation: 'advice' },
  ],
};

describe.each([
  ['GEXF', toGexf, parseGexf],
  ['GraphML', toGraphml, parseGraphml],
] as const)('%s export', (_name, write, read) => {
  it('reads back with the same people, labels, ties and metrics', () => {
    const result = read(write(graph), { file: 'export' });
    const part = { ...readSoFar(result)!, issues: result.issues };
    expect(part.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(part.people.map((p) => p.label)).toEqual(['<Ana & "Bo">', 'Ben', 'Cara']);
    const ana = part.people.find((p) => p.id === 'a')!;
    expect(ana.attributes.sector).toBe('Nonprofit');
    expect(Number(ana.attributes.betweenness)).toBe(0.5);
    expect(part.ties.map((t) => [t.source, t.target, t.weight, t.directed])).toEqual([
      ['a', 'b', 2, true],
      ['c', 'a', 1, true],
    ]);
  });
});
