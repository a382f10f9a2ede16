/**
 * Feedback loops, loop types and leverage measures against networkx (test/reference/systemmap,
 * made by test/reference/make_systemmap.py): the sample coalition map, the workforce and SIR
 * models, and seeded random signed digraphs.
 */
import { describe, expect, it } from 'vitest';
import { elementaryCycles } from '../../../../src/engine/features/systemmap/elementary-cycles.ts';
import { importSystemMapCsv } from '../../../../src/engine/features/systemmap/import-csv.ts';
import { importKumuJson } from '../../../../src/engine/features/systemmap/import-kumu.ts';
import { factorLeverage } from '../../../../src/engine/features/systemmap/leverage.ts';
import { findFeedbackLoops } from '../../../../src/engine/features/systemmap/loops.ts';
import { mapGraph } from '../../../../src/engine/features/systemmap/map-graph.ts';
import { REFERENCE_MAPS, cycleKey, fixture, mapRead, reference, referenceMap } from './helpers.ts';

describe.each(REFERENCE_MAPS)('loops of %s match networkx simple_cycles', (name) => {
  const ref = reference(name);
  const map = referenceMap(ref);
  const order = new Map(ref.factors.map((id, i) => [id, i]));
  const expected = new Map(ref.cycles.map((c) => [c.factors.join(' > '), c]));

  it('finds every elementary cycle once, with its type and polarities', () => {
    const result = findFeedbackLoops(map, { maxLoops: 100_000 });
    expect(result.complete).toBe(true);
    expect(result.notes).toEqual([]);
    expect(result.loops).toHaveLength(ref.counts.loops);
    expect(result.reinforcing).toBe(ref.counts.R);
    expect(result.balancing).toBe(ref.counts.B);
    const seen = new Set<string>();
    for (const loop of result.loops) {
      // Each loop starts at its factor that comes first in the map, as the reference does.
      const key = loop.factors.join(' > ');
      expect(cycleKey(loop.factors, order)).toBe(key);
      const want = expected.get(key);
      expect(want, key).toBeDefined();
      expect(loop.type).toBe(want!.type);
      expect(loop.polarities).toEqual(want!.polarities);
      expect(loop.negativeLinks).toBe(want!.negative_links);
      expect(loop.length).toBe(want!.factors.length);
      seen.add(key);
    }
    expect(seen.size).toBe(ref.counts.loops);
  });

  it('names loops R1.., B1.. in ranking order: shorter first', () => {
    const result = findFeedbackLoops(map);
    const r = result.loops.filter((l) => l.type === 'R').map((l) => l.id);
    const b = result.loops.filter((l) => l.type === 'B').map((l) => l.id);
    expect(r).toEqual(r.map((_, i) => `R${i + 1}`));
    expect(b).toEqual(b.map((_, i) => `B${i + 1}`));
    for (let i = 1; i < result.loops.length; i++) expect(result.loops[i]!.length).toBeGreaterThanOrEqual(result.loops[i - 1]!.length);
  });

  it('respects a length limit exactly (bounded search)', () => {
    const graph = mapGraph(map);
    const longest = Math.max(0, ...ref.cycles.map((c) => c.factors.length));
    for (let limit = 1; limit <= longest + 1; limit++) {
      const got = elementaryCycles(graph.n, graph.offsets, graph.targets, { maxLength: limit });
      const keys = got.cycles.map((c) => c.map((v) => graph.ids[v]!).join(' > ')).sort();
      const want = ref.cycles.filter((c) => c.factors.length <= limit).map((c) => c.factors.join(' > ')).sort();
      expect(keys, `limit ${limit}`).toEqual(want);
      expect(got.truncated).toBe(false);
    }
  });

  it('stops at a count limit with a subset of the true cycles and says so', () => {
    if (ref.counts.loops < 2) return;
    const limit = Math.ceil(ref.counts.loops / 2);
    const result = findFeedbackLoops(map, { maxLoops: limit });
    expect(result.loops).toHaveLength(limit);
    expect(result.complete).toBe(false);
    expect(result.limits.countLimitHit).toBe(true);
    expect(result.notes.map((n) => n.code)).toContain('loop-count-limit');
    for (const loop of result.loops) expect(expected.has(loop.factors.join(' > '))).toBe(true);
    // Exactly the number of loops there are is not a truncation.
    const exact = findFeedbackLoops(map, { maxLoops: ref.counts.loops });
    expect(exact.complete).toBe(true);
  });

  it('computes betweenness, degrees, reach and MICMAC as the reference', () => {
    const loops = findFeedbackLoops(map, { maxLoops: 100_000 });
    const result = factorLeverage(map, loops);
    expect(result.micmac.power).toBe(ref.micmac.power);
    expect(result.micmac.stable).toBe(ref.micmac.stable);
    expect(result.micmac.mean).toBeCloseTo(ref.micmac.mean, 12);
    for (const f of result.factors) {
      expect(f.betweenness).toBeCloseTo(ref.betweenness[f.id]!, 12);
      expect(f.dependence).toBe(ref.in_degree[f.id]);
      expect(f.influence).toBe(ref.out_degree[f.id]);
      expect(f.reach).toBe(ref.reach_3[f.id]);
      expect(f.reachAll).toBe(ref.reach_all[f.id]);
      expect(f.directInfluence).toBe(ref.micmac.direct_influence[f.id]);
      expect(f.directDependence).toBe(ref.micmac.direct_dependence[f.id]);
      expect(f.indirectInfluence).toBeCloseTo(ref.micmac.indirect_influence[f.id]!, 9);
      expect(f.indirectDependence).toBeCloseTo(ref.micmac.indirect_dependence[f.id]!, 9);
      expect(f.loops).toBe(ref.cycles.filter((c) => c.factors.includes(f.id)).length);
    }
  });
});

describe('the published loop counts', () => {
  it('workforce: 6 loops, 1 reinforcing and 5 balancing, read from the CSV files', () => {
    const { map, ok } = mapRead(importSystemMapCsv({ links: fixture('workforce/links.csv'), factors: fixture('workforce/factors.csv') }));
    expect(ok).toBe(true);
    const loops = findFeedbackLoops(map);
    expect([loops.loops.length, loops.reinforcing, loops.balancing]).toEqual([6, 1, 5]);
    expect(loops.loops.map((l) => l.id)).toEqual(['B1', 'B2', 'B3', 'R1', 'B4', 'B5']);
  });

  it('SIR: 3 loops, the infection loop reinforcing', () => {
    const { map } = mapRead(importSystemMapCsv({ links: fixture('sir/links.csv') }));
    const loops = findFeedbackLoops(map);
    expect(loops.loops).toHaveLength(3);
    const r = loops.loops.find((l) => l.type === 'R')!;
    expect(new Set(r.factors)).toEqual(new Set(['Infectious', 'Succumbing']));
  });

  it('the coalition map: 30 loops (10 R, 20 B), the same from CSV and from the Kumu blueprint', () => {
    const ref = reference('coalition');
    const { map } = mapRead(importSystemMapCsv({ links: fixture('coalition/links.csv'), factors: fixture('coalition/factors.csv') }));
    const loops = findFeedbackLoops(map);
    expect([loops.loops.length, loops.reinforcing, loops.balancing]).toEqual([ref.counts.loops, ref.counts.R, ref.counts.B]);
    const kumu = mapRead(importKumuJson(fixture('coalition/kumu-map.json')));
    expect(kumu.ok).toBe(true);
    expect(findFeedbackLoops(kumu.map).loops.map((l) => [l.id, l.factors])).toEqual(loops.loops.map((l) => [l.id, l.factors]));
    expect(loops.loops[0]).toMatchObject({
      id: 'R1',
      factors: ['Cost of renewable power', 'Renewable installations'],
      polarities: ['-', '-'],
      sentence:
        'more cost of renewable power -> less renewable installations -> more cost of renewable power: a reinforcing loop, so a change in cost of renewable power feeds on itself.',
    });
  });
});
