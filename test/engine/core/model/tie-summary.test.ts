import { describe, expect, it } from 'vitest';
import { DatasetSchema } from '../../../../src/engine/core/model/dataset.ts';
import { tieSummary, tieSummaryOf } from '../../../../src/engine/core/model/tie-summary.ts';

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
});
