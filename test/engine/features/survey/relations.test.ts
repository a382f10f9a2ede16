import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import { combineRelations, reciprocityByRelation, withCombinedRelation } from '../../../../src/engine/features/survey/relations.ts';

const dataset: Dataset = {
  format: 'netweave-dataset',
  version: 1,
  name: 't',
  people: ['a', 'b', 'c'].map((id) => ({ id, label: id, attributes: {} })),
  relations: [
    { name: 'advice', directed: true },
    { name: 'collaborate', directed: true },
  ],
  ties: [
    { source: 'a', target: 'b', relation: 'advice', directed: true, weight: 1 },
    { source: 'b', target: 'a', relation: 'advice', directed: true, weight: 1 },
    { source: 'a', target: 'c', relation: 'advice', directed: true, weight: 1 },
    { source: 'a', target: 'b', relation: 'collaborate', directed: true, weight: 3 },
    { source: 'c', target: 'a', relation: 'collaborate', directed: true, weight: 2 },
  ],
  attendance: [],
  mentorships: [],
};

describe('survey relations', () => {
  it('computes reciprocity per relation', () => {
    expect(reciprocityByRelation(dataset)).toEqual([
      { relation: 'advice', ties: 3, reciprocated: 2, reciprocity: 2 / 3 },
      { relation: 'collaborate', ties: 2, reciprocated: 0, reciprocity: 0 },
    ]);
  });

  it('combines relations, weighting by how many a pair shares', () => {
    const combined = combineRelations(dataset);
    expect(combined.map((t) => [t.source, t.target, t.weight])).toEqual([
      ['a', 'b', 2],
      ['b', 'a', 1],
      ['a', 'c', 1],
      ['c', 'a', 1],
    ]);
    expect(combineRelations(dataset, { weight: 'sum' }).find((t) => t.source === 'a' && t.target === 'b')?.weight).toBe(4);
    const undirected = combineRelations(dataset, { directed: false });
    expect(undirected.map((t) => [t.source, t.target, t.weight])).toEqual([
      ['a', 'b', 2],
      ['a', 'c', 2],
    ]);
    const withLayer = withCombinedRelation(dataset, { relations: ['advice', 'collaborate'] });
    expect(withLayer.relations.map((r) => r.name)).toEqual(['advice', 'collaborate', 'combined']);
    expect(withLayer.ties.filter((t) => t.relation === 'combined')).toHaveLength(4);
  });
});
