import { describe, expect, it } from 'vitest';
import { DatasetSchema } from '../../../../src/engine/core/model/dataset.ts';
import { packedTieSummary, tieSummary, tieSummaryOf } from '../../../../src/engine/core/model/tie-summary.ts';
import { packDataset, rememberPacked } from '../../../../src/engine/core/model/packed-dataset.ts';

const dataset = DatasetSchema.parse({
  version: 1,
  people: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }],
  relations: [{ name: 'mentoring', directed: true }, { name: 'advice', directed: true }],
  ties: [
    { source: 'a', target: 'b', relation: 'advice', wave: '2025' },
    { source: 'b', target: 'c', relation: 'collab', wave: '2024' },
    { source: 'c', target: 'a', relation: 'advice', wave: '2025' },
    { source: 'a', target: 'c', relation: 'collab' },
  ],
});

describe('tie summary', () => {
  it('counts ties per relation, declared ones first (even with none), and lists waves sorted', () => {
    const summary = tieSummary(dataset);
    expect([...summary.relations]).toEqual([
      ['mentoring', 0],
      ['advice', 2],
      ['collab', 2],
    ]);
    expect(summary.waves).toEqual(['2024', '2025']);
  });

  it('is computed once per dataset', () => {
    expect(tieSummaryOf(dataset)).toBe(tieSummaryOf(dataset));
    expect(tieSummaryOf({ ...dataset })).not.toBe(tieSummaryOf(dataset));
  });

  it('counts the same from the packed columns, where an id or a wave may share a string with a relation', () => {
    const tricky = DatasetSchema.parse({
      version: 1,
      people: [{ id: 'advice', label: 'Advice' }, { id: '2024', label: '2024' }, { id: 'c', label: 'C' }],
      relations: [{ name: 'collab', directed: false }],
      ties: [
        { source: 'advice', target: '2024', relation: 'advice', wave: '2024' },
        { source: '2024', target: 'c', relation: 'collab' },
        { source: 'c', target: 'advice', relation: 'c', wave: 'advice' },
        { source: 'c', target: '2024', relation: 'advice', wave: '2023' },
      ],
    });
    for (const d of [dataset, tricky]) {
      const packed = packTiesOf(d);
      expect([...packedTieSummary(d.relations, packed).relations]).toEqual([...tieSummary(d).relations]);
      expect(packedTieSummary(d.relations, packed).waves).toEqual(tieSummary(d).waves);
    }
    // A dataset whose packed form is known is summed from it, to the same summary.
    const copy = { ...tricky };
    rememberPacked(copy, packDataset(tricky));
    expect([...tieSummaryOf(copy).relations]).toEqual([...tieSummary(tricky).relations]);
  });
});

function packTiesOf(d: typeof dataset) {
  return packDataset(d).ties;
}
