import { describe, expect, it } from 'vitest';
import { analyzeSystemMap } from '../../../../src/engine/features/systemmap/analyze-systemmap.ts';
import { importSystemMapCsv } from '../../../../src/engine/features/systemmap/import-csv.ts';
import { fixture, mapRead, reference } from './helpers.ts';

describe('analyzeSystemMap on the coalition sample', () => {
  const { map } = mapRead(importSystemMapCsv({ links: fixture('coalition/links.csv'), factors: fixture('coalition/factors.csv'), actors: fixture('coalition/actors.csv') }));
  const report = analyzeSystemMap(map);
  const ref = reference('coalition');

  it('summarises the map and its loops', () => {
    expect(report.format).toBe('netweave-systemmap-report');
    expect(report.map).toEqual({ name: 'factors.csv', factors: 25, links: 36, positiveLinks: 28, negativeLinks: 8, selfLoops: 0, delayedLinks: 0, ambiguousLinks: 0, actors: 84, worksOn: 124 });
    expect(report.summary).toMatchObject({ loops: ref.counts.loops, reinforcing: ref.counts.R, balancing: ref.counts.B, loopsComplete: true, gaps: 0, introductions: 0 });
    expect(report.warnings).toEqual([]);
    expect(report.settings).toMatchObject({ maxLoopLength: null, maxLoops: 10000, reachSteps: 3, micmacWeights: 'binary', micmacStable: true, quadrantSplit: 36 / 25 });
  });

  it('gives every factor its metrics, quadrant and actors, and names the leverage points', () => {
    const will = report.factors.find((f) => f.id === 'Political will')!;
    expect(will).toMatchObject({ influence: 3, dependence: 4, loops: 28, quadrant: 'linkage' });
    expect(will.betweenness).toBeCloseTo(ref.betweenness['Political will']!, 12);
    expect(will.actors.length).toBe(5);
    expect(report.summary.leveragePoints).toContain('Political will');
    for (const id of report.summary.leveragePoints) {
      const f = report.factors.find((x) => x.id === id)!;
      expect(['driving', 'linkage']).toContain(f.quadrant);
      expect(f.loops).toBeGreaterThan(0);
    }
  });

  it('finds gaps once no one works on a factor in many loops', () => {
    const uncovered = structuredClone(map);
    uncovered.worksOn = uncovered.worksOn.filter((e) => e.factor !== 'Political will' && e.factor !== 'Coal generation share');
    const r = analyzeSystemMap(uncovered);
    expect(r.gaps.map((g) => [g.factor, g.loops])).toEqual([
      ['Political will', 28],
      ['Coal generation share', 27],
    ]);
    expect(r.summary.gaps).toBe(2);
  });

  it('turns a loop limit into a warning with a code', () => {
    const r = analyzeSystemMap(map, { maxLoops: 10, maxLoopLength: 4 });
    expect(r.summary.loopsComplete).toBe(false);
    expect(r.warnings.map((w) => w.code)).toEqual(['loop-length-limit']);
    const r2 = analyzeSystemMap(map, { maxLoops: 10 });
    expect(r2.warnings.map((w) => w.code)).toEqual(['loop-count-limit']);
    expect(r2.loops).toHaveLength(10);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
