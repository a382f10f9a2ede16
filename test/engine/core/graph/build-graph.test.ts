/**
 * Building the graph to analyse from a dataset: relation layers, direction, merging.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../../src/engine/core/graph/build-graph.ts';
import { DatasetSchema, type DatasetInput } from '../../../../src/engine/core/model/dataset.ts';
import { analyzeReport } from '../../../helpers/report.ts';

const input: DatasetInput = {
  version: 1,
  people: [
    { id: 'a', label: 'Ana' },
    { id: 'b', label: 'Ben' },
    { id: 'c', label: 'Cara' },
    { id: 'd', label: 'Dev' },
  ],
  relations: [
    { name: 'advice', directed: true },
    { name: 'collab', directed: false },
  ],
  ties: [
    { source: 'a', target: 'b', relation: 'advice', directed: true, weight: 1 },
    { source: 'b', target: 'a', relation: 'advice', directed: true, weight: 2 },
    { source: 'c', target: 'a', relation: 'advice', directed: true },
    { source: 'a', target: 'b', relation: 'collab', weight: 3 },
    { source: 'c', target: 'd', relation: 'collab' },
  ],
};
const dataset = DatasetSchema.parse(input);

describe('buildGraph', () => {
  it('refuses an id the graph library would read as a built-in, saying what to rename', () => {
    const withTie = DatasetSchema.parse({ ...input, ties: [...(input.ties ?? []), { source: 'a', target: 'hasOwnProperty', relation: 'collab' }] });
    expect(() => buildGraph(withTie)).toThrow(/"hasOwnProperty" cannot be used as a name or id: .*Rename it/);
    const withPerson = DatasetSchema.parse({ ...input, people: [...(input.people ?? []), { id: '__proto__', label: 'P' }] });
    expect(() => buildGraph(withPerson)).toThrow(/"__proto__" cannot be used/);
  });

  it('is directed when a chosen relation is, and keeps everyone', () => {
    const g = buildGraph(dataset, { relations: ['advice'] });
    expect(g.type).toBe('directed');
    expect(g.order).toBe(4);
    expect(g.size).toBe(3);
  });

  it('merges a->b and b->a into one undirected tie with summed weight', () => {
    const g = buildGraph(dataset, { relations: ['advice'], direction: 'undirected' });
    expect(g.size).toBe(2);
    expect(g.getEdgeAttribute(g.edge('a', 'b')!, 'weight')).toBe(3);
  });

  it('combines layers, listing the relations behind each tie', () => {
    const g = buildGraph(dataset, { direction: 'undirected' });
    const ab = g.edge('a', 'b')!;
    expect(g.getEdgeAttribute(ab, 'weight')).toBe(6);
    expect(g.getEdgeAttribute(ab, 'relations').sort()).toEqual(['advice', 'collab']);
    expect(g.size).toBe(3);
  });

  it('an undirected tie counts both ways in a directed graph', () => {
    const g = buildGraph(dataset);
    expect(g.type).toBe('directed');
    expect(g.hasEdge('d', 'c') && g.hasEdge('c', 'd')).toBe(true);
  });

  it('keeps one wave (and ties with no wave) when asked', () => {
    const waved = DatasetSchema.parse({
      version: 1,
      people: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }],
      ties: [
        { source: 'a', target: 'b', relation: 'advice', wave: 'w1' },
        { source: 'b', target: 'c', relation: 'advice', wave: 'w2' },
        { source: 'a', target: 'c', relation: 'mentorship' },
      ],
    });
    const w1 = buildGraph(waved, { wave: 'w1' });
    expect(w1.hasEdge('a', 'b') && !w1.hasEdge('b', 'c') && w1.hasEdge('a', 'c')).toBe(true);
    expect(buildGraph(waved).size).toBe(3);
    expect(w1.order).toBe(3);
  });

  it('names an unknown relation in its error', () => {
    expect(() => buildGraph(dataset, { relations: ['mentor'] })).toThrow(/no relation named "mentor".*advice.*collab/);
  });
});

describe('the analysis report', () => {
  it('reports the chosen relations, direction and metrics for everyone', async () => {
    const report = await analyzeReport(dataset, { relations: ['collab'] });
    expect(report.settings).toMatchObject({ relations: ['collab'], directed: false, weight: 'none', seed: 42 });
    expect(report.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(report.summary).toMatchObject({ nodes: 4, edges: 2, components: 2, isolates: 0 });
    expect(report.edges).toHaveLength(2);
    expect(report.nodes.find((n) => n.id === 'a')!.label).toBe('Ana');
  });

  it('warns that eigenvector centrality is not unique on a disconnected network', async () => {
    const report = await analyzeReport(dataset, { relations: ['collab'] });
    expect(report.warnings.map((w) => w.code)).toContain('eigenvector-not-unique');
  });
});
