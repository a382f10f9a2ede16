/**
 * The five predefined XML entities and character references are text, however many a file holds:
 * our own GEXF and workbook exports of a network where thousands of people work at "Smith & Co"
 * read back. Entities a DOCTYPE declares stay capped (see gexf.test.ts for the bombs).
 */
import { describe, expect, it } from 'vitest';
import { toGexf } from '../../../src/engine/io/gexf-writer.ts';
import { parseGexf } from '../../../src/engine/io/gexf.ts';
import { writeXlsx } from '../../../src/engine/io/xlsx-write.ts';
import { readSurveyTable } from '../../../src/engine/io/read-table.ts';
import type { ExportGraph } from '../../../src/engine/io/export-graph.ts';

const PEOPLE = 3000;

describe('standard XML entities in bulk', () => {
  it('a GEXF export with thousands of "&" reads back whole', () => {
    const graph: ExportGraph = {
      directed: false,
      nodes: Array.from({ length: PEOPLE }, (_, i) => ({ id: `p${i}`, label: `Person <${i}> "Q"`, attributes: { organisation: 'Smith & Co' }, metrics: {} })),
      edges: Array.from({ length: PEOPLE - 1 }, (_, i) => ({ source: `p${i}`, target: `p${i + 1}`, weight: 1, relation: 'works with' })),
    };
    const read = parseGexf(toGexf(graph), { file: 'big.gexf' });
    expect(read.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.people).toHaveLength(PEOPLE);
    expect(read.value.people[PEOPLE - 1]).toMatchObject({ label: `Person <${PEOPLE - 1}> "Q"`, attributes: { organisation: 'Smith & Co' } });
    expect(read.value.ties).toHaveLength(PEOPLE - 1);
  });

  it('a workbook with thousands of "&" cells reads back whole', () => {
    const rows = [['name', 'organisation'], ...Array.from({ length: PEOPLE }, (_, i) => [`P${i} & family`, 'Smith & Co'])];
    const bytes = writeXlsx([{ name: 'People', rows }]);
    const read = readSurveyTable({ name: 'people.xlsx', text: '', bytes });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.records).toHaveLength(PEOPLE);
    expect(read.value.records[PEOPLE - 1]?.cells).toEqual([`P${PEOPLE - 1} & family`, 'Smith & Co']);
  });
});
