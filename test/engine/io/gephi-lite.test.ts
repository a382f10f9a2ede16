/**
 * Gephi Lite project files: the reader on Gephi Lite's own Les Miserables sample
 * (test/fixtures/formats/gephi-lite/, origin in its README) against json.load counts
 * (test/reference/formats/gml_dot.json), on the older 0.x shape, and on broken files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { looksLikeGephiLite, parseGephiLite } from '../../../src/engine/io/gephi-lite.ts';
import { parseGml } from '../../../src/engine/io/gml.ts';
import { partOf } from './read-part.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sample = readFileSync(`${root}test/fixtures/formats/gephi-lite/les-miserables.json`, 'utf8');

interface Expected {
  people: number;
  edges: number;
  ties: number;
  directed: boolean;
  weight_sum: number;
  max_tie_weight: number;
  first_labels: Record<string, string>;
  name: string;
  version: string;
}
const reference = JSON.parse(readFileSync(`${root}test/reference/formats/gml_dot.json`, 'utf8')) as {
  'gephi-lite': Record<string, Expected>;
};

describe('parseGephiLite on Gephi Lite\'s Les Miserables project', () => {
  const expected = reference['gephi-lite']['les-miserables.json'] as Expected;
  const part = partOf(parseGephiLite(sample, { file: 'les-miserables.json' }));

  it(`reads the graph it holds: ${expected.people} people, ${expected.ties} ties, weights ${expected.weight_sum}`, () => {
    expect(part.ok).toBe(true);
    expect(part.issues).toEqual([]);
    expect(part.people).toHaveLength(expected.people);
    expect(part.ties).toHaveLength(expected.ties);
    expect(part.ties.every((t) => t.directed === expected.directed)).toBe(true);
    expect(part.ties.reduce((sum, t) => sum + t.weight, 0)).toBeCloseTo(expected.weight_sum, 9);
    expect(Math.max(...part.ties.map((t) => t.weight))).toBe(expected.max_tie_weight);
    const labels = new Map(part.people.map((p) => [p.id, p.label]));
    for (const [id, label] of Object.entries(expected.first_labels)) expect(labels.get(id)).toBe(label);
    expect(part.name).toBe(expected.name);
  });

  it('keeps data attributes from nodeData and edgeData, leaving colours, sizes and positions out', () => {
    expect(part.people.find((p) => p.id === '11')).toEqual({
      id: '11',
      label: 'Valjean',
      attributes: { modularity_class: 1, modularityClass: 0 },
    });
    expect(part.ties.find((t) => t.source === '2' && t.target === '0')).toEqual({
      source: '2',
      target: '0',
      relation: 'tie',
      directed: false,
      weight: 8,
      attributes: { cooccurrence: 8 },
    });
  });

  it("is the same network as Newman's lesmis.gml", () => {
    const gml = partOf(parseGml(readFileSync(`${root}test/fixtures/formats/gml/lesmis.gml`, 'utf8'), { file: 'lesmis.gml' }));
    const key = (s: string, t: string) => (s < t ? `${s}|${t}` : `${t}|${s}`);
    const weights = (ties: typeof gml.ties) => new Map(ties.map((t) => [key(t.source, t.target), t.weight]));
    expect(weights(part.ties)).toEqual(weights(gml.ties));
  });

  it('is told from graphology JSON by looksLikeGephiLite', () => {
    expect(looksLikeGephiLite(sample)).toBe(true);
    expect(looksLikeGephiLite(readFileSync(`${root}test/fixtures/formats/graphology/clique3.json`, 'utf8'))).toBe(false);
  });
});

describe('parseGephiLite on other shapes and broken files', () => {
  const project = (dataset: Record<string, unknown>, filters: unknown = { filters: [] }) =>
    JSON.stringify({ type: 'gephi-lite', version: '0.6.3', graphDataset: dataset, filters, appearance: {} });

  it("reads a 0.x project's nodeRenderingData and edgeRenderingData, and warns that filters were not applied", () => {
    const text = project(
      {
        nodeRenderingData: { a: { label: 'Ana', color: '#f00', size: 3, x: 1, y: 2 }, b: { label: 'Ben' } },
        edgeRenderingData: { e1: { weight: 4 } },
        nodeData: { a: { sector: 'Health' }, b: { sector: 'Arts' } },
        edgeData: { e1: { kind: 'advice' } },
        metadata: { title: 'Old project' },
        fullGraph: { options: { type: 'directed', multi: true }, attributes: {}, nodes: [{ key: 'a' }, { key: 'b' }], edges: [{ key: 'e1', source: 'a', target: 'b' }] },
      },
      { filters: [{ type: 'range', itemType: 'nodes' }] },
    );
    const part = partOf(parseGephiLite(text, { file: 'old.json' }));
    expect(part.name).toBe('Old project');
    expect(part.people).toEqual([
      { id: 'a', label: 'Ana', attributes: { sector: 'Health' } },
      { id: 'b', label: 'Ben', attributes: { sector: 'Arts' } },
    ]);
    expect(part.ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: true, weight: 4, attributes: { kind: 'advice' } }]);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'filters-ignored', field: 'filters' })]);
  });

  it('reports problems by their JSON path inside the project', () => {
    const text = project({
      nodeData: { a: { label: 'Ana' } },
      edgeData: { e1: { weight: -1 } },
      fullGraph: { nodes: [{ key: 'a' }], edges: [{ key: 'e1', source: 'a', target: 'zoe' }, { key: 'e2', source: 'a' }] },
    });
    const part = partOf(parseGephiLite(text, { file: 'p.json' }));
    expect(part.ok).toBe(false);
    expect(part.issues.map((i) => [i.level, i.code, i.field])).toEqual([
      ['error', 'bad-weight', 'graphDataset.fullGraph.edges.0.attributes.weight'],
      ['error', 'missing-id', 'graphDataset.fullGraph.edges.1.target'],
    ]);
  });

  it('refuses a truncated project, a plain graphology file and a project without a graph', () => {
    const cut = parseGephiLite(sample.slice(0, 20_000), { file: 'cut.json' });
    expect(cut.ok).toBe(false);
    expect(cut.issues).toEqual([expect.objectContaining({ code: 'not-json', row: 1 })]);
    const graphology = readFileSync(`${root}test/fixtures/formats/graphology/clique3.json`, 'utf8');
    expect(parseGephiLite(graphology, { file: 'g.json' }).issues).toEqual([
      expect.objectContaining({ code: 'wrong-format', message: expect.stringContaining('graphology') }),
    ]);
    expect(parseGephiLite('{"type": "gephi-lite", "version": "1.0.0"}', { file: 'p.json' }).issues).toEqual([
      expect.objectContaining({ code: 'wrong-format', field: 'graphDataset' }),
    ]);
    expect(parseGephiLite('{"type": "gephi-lite", "graphDataset": {}}', { file: 'p.json' }).issues).toEqual([
      expect.objectContaining({ code: 'wrong-format', field: 'graphDataset.fullGraph.nodes' }),
    ]);
  });
});
