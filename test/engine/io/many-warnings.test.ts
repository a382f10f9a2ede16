/**
 * Files whose every row is worth a warning (200,000 repeats of one tie, 200,000 self-ties) and
 * files past 150,000 ties or rows (GraphML, GEXF, workbooks) import instead of stopping with
 * "Maximum call stack size exceeded": lists are appended with loops, never `push(...list)`.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/engine/io/import-files.ts';
import { appendAll } from '../../../src/engine/core/util/append-all.ts';
import { readSurveyTable } from '../../../src/engine/io/read-table.ts';
import { workbook } from '../../helpers/workbook.ts';

const ROWS = 200_000;

describe('files with a warning on every row', () => {
  it('import 200,000 repeats of one tie, and 200,000 self-ties, keeping every warning', () => {
    const repeats = 'source,target\n' + 'Ana,Ben\n'.repeat(ROWS);
    const read = importFiles([{ name: 'repeats.csv', text: repeats }], { kinds: { 'repeats.csv': 'edges' } });
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value.ties).toHaveLength(1);
    expect(read.issues.length).toBeGreaterThanOrEqual(ROWS - 1);
    const selfTies = 'source,target\n' + Array.from({ length: ROWS }, (_, i) => `p${i},p${i}`).join('\n');
    const self = importFiles([{ name: 'self.csv', text: selfTies }], { kinds: { 'self.csv': 'edges' } });
    expect(self.ok).toBe(true);
    expect(self.issues.length).toBeGreaterThanOrEqual(ROWS);
  }, 120_000);

  it('import a 150,000-tie GraphML and a GEXF repeating one tie 150,000 times, and a workbook of 150,000 rows', () => {
    const ties = 150_000;
    const nodes = Array.from({ length: 20_000 }, (_, i) => `<node id="n${i}"/>`).join('');
    const edges = Array.from({ length: ties }, (_, i) => `<edge source="n${i % 20_000}" target="n${(i * 7 + 1) % 20_000}"/>`).join('\n');
    const graphml = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">${nodes}\n${edges}</graph></graphml>`;
    const big = importFiles([{ name: 'big.graphml', text: graphml }]);
    expect(big.ok).toBe(true);
    if (big.ok) expect(big.value.people).toHaveLength(20_000);
    const repeats = Array.from({ length: ties }, (_, i) => `<edge id="${i}" source="a" target="b"/>`).join('\n');
    const gexf = `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected"><nodes><node id="a" label="A"/><node id="b" label="B"/></nodes><edges>\n${repeats}</edges></graph></gexf>`;
    const repeated = importFiles([{ name: 'repeats.gexf', text: gexf }]);
    expect(repeated.ok).toBe(true);
    if (repeated.ok) expect(repeated.value.ties).toEqual([expect.objectContaining({ source: 'a', target: 'b', weight: ties })]);
    const rows = [['source', 'target'], ...Array.from({ length: ties }, (_, i) => [`p${i % 20_000}`, `p${(i * 7 + 1) % 20_000}`])];
    const sheet = readSurveyTable({ name: 'ties.xlsx', text: '', bytes: workbook(rows) });
    expect(sheet.ok && sheet.value.records.length).toBe(ties);
  }, 180_000);

  it('appends lists longer than a call takes arguments', () => {
    const long = Array.from({ length: 300_000 }, (_, i) => i);
    expect(appendAll([-1], long, [7])).toHaveLength(300_002);
  });
});
