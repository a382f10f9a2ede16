/**
 * Burt's constraint and effective size, articulation points and bridges against networkx 2.8.8
 * (fixtures from test/reference/make_periphery.py): undirected, directed, weighted.
 */
import { describe, expect, it } from 'vitest';
import { structuralHoles } from '../../../../src/engine/algorithms/brokerage/structural-holes.ts';
import { contactsOf } from '../../../../src/engine/algorithms/brokerage/contacts.ts';
import { cutPoints } from '../../../../src/engine/algorithms/brokerage/cut-points.ts';
import { FIXTURES, loadFixture } from '../periphery/fixtures.ts';

function expectMatches(actual: Float64Array, ids: string[], expected: Record<string, number | null>, label: string): void {
  const bad: string[] = [];
  ids.forEach((id, i) => {
    const want = expected[id];
    const got = actual[i]!;
    if (want === undefined) bad.push(`${id}: missing`);
    else if (want === null ? !Number.isNaN(got) : !(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) {
      bad.push(`${id}: got ${got}, networkx ${want}`);
    }
  });
  expect(bad, label).toEqual([]);
}

describe.each(FIXTURES)('%s against networkx', (name) => {
  const { fixture, csr } = loadFixture(name);

  it('constraint and effective size (weight=None)', () => {
    const holes = structuralHoles(csr);
    expectMatches(holes.constraint, csr.ids, fixture.constraint, 'constraint');
    expectMatches(holes.effectiveSize, csr.ids, fixture.effective_size, 'effective size');
  });

  if (fixture.weighted) {
    it('constraint and effective size (weight="weight")', () => {
      const holes = structuralHoles(csr, { weighted: true });
      expectMatches(holes.constraint, csr.ids, fixture.constraint_weighted!, 'weighted constraint');
      expectMatches(holes.effectiveSize, csr.ids, fixture.effective_size_weighted!, 'weighted effective size');
    });
  }

  it('articulation points and bridges', () => {
    const cuts = cutPoints(contactsOf(csr));
    const points = csr.ids.filter((_, i) => cuts.isArticulation[i]).sort();
    expect(points).toEqual(fixture.articulation_points);
    const bridges = cuts.bridges.map(([a, b]) => [csr.ids[a]!, csr.ids[b]!].sort()).sort();
    expect(bridges).toEqual(fixture.bridges);
  });
});

describe('cut points', () => {
  it('says how many people a cut point or a bridge cuts off', () => {
    const { csr } = loadFixture('disconnected');
    const cuts = cutPoints(contactsOf(csr));
    const at = (id: string) => csr.ids.indexOf(id);
    // Path p0-p1-p2-p3-p4: removing p2 leaves two pieces of 2; removing p1 cuts off p0.
    expect(cuts.cutOff[at('p2')]).toBe(2);
    expect(cuts.cutOff[at('p1')]).toBe(1);
    // Star centre: three leaves fall apart, the largest remaining piece is one leaf.
    expect(cuts.cutOff[at('s0')]).toBe(2);
    const index = cuts.bridges.findIndex(([a, b]) => [csr.ids[a], csr.ids[b]].sort().join() === 'p1,p2');
    expect(cuts.bridgeCutOff[index]).toBe(2);
  });

  it('handles a 50,000-person chain without recursion', () => {
    const n = 50_000;
    const ids = Array.from({ length: n }, (_, i) => `v${i}`);
    const offsets = new Int32Array(n + 1);
    const targets: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0) targets.push(i - 1);
      if (i < n - 1) targets.push(i + 1);
      offsets[i + 1] = targets.length;
    }
    const contacts = {
      n,
      offsets,
      targets: Int32Array.from(targets),
      weights: new Float64Array(targets.length).fill(1),
      squares: new Float64Array(targets.length).fill(2),
      halved: true,
    };
    const cuts = cutPoints(contacts);
    expect(ids.filter((_, i) => cuts.isArticulation[i]).length).toBe(n - 2);
    expect(cuts.bridges.length).toBe(n - 1);
    expect(cuts.cutOff[n >> 1]).toBe(n / 2 - 1);
  });
});
