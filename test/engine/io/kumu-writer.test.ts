/**
 * A people network written as a Kumu workbook reads back, sheet by sheet, with every person, tie,
 * relation, weight and attribute; text that looks like a formula stays text.
 */
import { describe, expect, it } from 'vitest';
import { toKumuWorkbook } from '../../../src/engine/io/kumu-writer.ts';
import { readSurveyTable } from '../../../src/engine/io/read-table.ts';
import { listXlsxSheets } from '../../../src/engine/io/xlsx-read.ts';
import type { ExportGraph } from '../../../src/engine/io/export-graph.ts';

const graph: ExportGraph = {
  directed: true,
  nodes: [
    { id: 'p1', label: 'Ana Lima', attributes: { sector: 'Nonprofit', skills: ['facilitation', 'grants'], since: 2021 }, metrics: {} },
    { id: 'p2', label: 'Chen Wu', attributes: { sector: '=HYPERLINK("x")' }, metrics: {} },
    { id: 'p3', label: 'Chen Wu', attributes: { sector: 'Gobierno · 政府' }, metrics: {} },
  ],
  edges: [
    { source: 'p1', target: 'p2', weight: 2, relation: 'advice' },
    { source: 'p2', target: 'p3', weight: 1, relation: 'collaboration' },
  ],
};

describe('a people network as a Kumu workbook', () => {
  it('writes Elements and Connections sheets that read back whole', () => {
    const bytes = toKumuWorkbook(graph);
    expect(listXlsxSheets(bytes)).toEqual(['Elements', 'Connections']);
    const sheet = (name: string) => {
      const read = readSurveyTable({ name: 'network.xlsx', text: '', bytes }, { sheet: name });
      if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('; '));
      return read.value;
    };
    const elements = sheet('Elements');
    // Two people named alike: an ID column comes first, as Kumu asks for repeated labels.
    expect(elements.headers).toEqual(['ID', 'Label', 'Type', 'sector', 'skills', 'since']);
    expect(elements.records.map((r) => r.cells)).toEqual([
      ['p1', 'Ana Lima', 'Person', 'Nonprofit', 'facilitation|grants', '2021'],
      ['p2', 'Chen Wu', 'Person', '=HYPERLINK("x")', '', ''],
      ['p3', 'Chen Wu', 'Person', 'Gobierno · 政府', '', ''],
    ]);
    const connections = sheet('Connections');
    expect(connections.headers).toEqual(['From', 'To', 'Type', 'Direction', 'Strength']);
    expect(connections.records.map((r) => r.cells)).toEqual([
      ['p1', 'p2', 'advice', 'directed', '2'],
      ['p2', 'p3', 'collaboration', 'directed', '1'],
    ]);
  });
});
