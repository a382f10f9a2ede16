/**
 * GEXF edges with weight 0 (Gephi and networkx allow it): read with a warning instead of stopping
 * the import, compared with networkx's read_gexf of the same file
 * (test/reference/formats/edgelists.json, make_edgelists.py).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGexf } from '../../../src/engine/io/gexf.ts';
import { partOf } from './read-part.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const reference = JSON.parse(readFileSync(`${root}test/reference/formats/edgelists.json`, 'utf8')) as {
  files: Record<string, Record<string, { edges: Array<[string, string, number]>; nodes: string[] }>>;
};

describe('parseGexf and weight 0', () => {
  it('reads networkx\'s karate club with one weight="0.0": every tie, that one at weight 1 with a warning on its line', () => {
    const text = readFileSync(`${root}test/fixtures/formats/gexf/networkx-karate-zero-weight.gexf`, 'utf8');
    const part = partOf(parseGexf(text, { file: 'karate.gexf' }));
    const expected = reference.files['gexf/networkx-karate-zero-weight.gexf']!.undirected!;
    expect(part.ok).toBe(true);
    expect(part.people.map((p) => p.id).sort()).toEqual([...expected.nodes].sort());
    const ours = part.ties
      .map((t) => [...[t.source, t.target].sort(), t.weight] as [string, string, number])
      .sort((a, b) => (a[0] + ' ' + a[1] < b[0] + ' ' + b[1] ? -1 : 1));
    const theirs = [...expected.edges].sort((a, b) => (a[0] + ' ' + a[1] < b[0] + ' ' + b[1] ? -1 : 1));
    expect(ours.map(([a, b]) => [a, b])).toEqual(theirs.map(([a, b]) => [a, b]));
    // networkx keeps 0.0; netweave's ties need a weight above 0, so 1, and says so.
    expect(ours.map(([a, b, w]) => [a, b, a === '0' && b === '1' ? 0 : w])).toEqual(theirs);
    const zero = part.issues.filter((i) => i.code === 'zero-weight');
    expect(zero).toEqual([expect.objectContaining({ level: 'warning', file: 'karate.gexf', field: 'weight' })]);
    expect(text.split('\n')[(zero[0]?.row ?? 0) - 1]).toContain('source="0" target="1"');
    expect(zero[0]?.message).toContain('analyses that ignore weights (the default) count it like any tie');
  });

  it('reads a Gephi-style weight="0.0" edge, and still refuses a negative weight', () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <nodes><node id="a" label="Ana"/><node id="b" label="Ben"/><node id="c" label="Cara"/></nodes>
    <edges>
      <edge id="0" source="a" target="b" weight="0.0"/>
      <edge id="1" source="b" target="c" weight="-2.0"/>
    </edges>
  </graph>
</gexf>`;
    const part = partOf(parseGexf(text, { file: 'g.gexf' }));
    expect(part.ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: false, weight: 1 }]);
    expect(part.issues.map((i) => [i.level, i.code, i.row, i.field])).toEqual([
      ['warning', 'zero-weight', 6, 'weight'],
      ['error', 'bad-weight', 7, 'weight'],
    ]);
  });
});
