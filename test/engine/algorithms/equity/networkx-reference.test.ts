/**
 * Attribute assortativity (networkx attribute_assortativity_coefficient), Krackhardt's E-I index,
 * Gould-Fernandez roles and step reach against test/reference/make_periphery.py's values.
 */
import { describe, expect, it } from 'vitest';
import { groupBy } from '../../../../src/engine/algorithms/equity/groups.ts';
import { attributeAssortativity } from '../../../../src/engine/algorithms/equity/assortativity.ts';
import { groupMixing } from '../../../../src/engine/algorithms/equity/mixing.ts';
import { gouldFernandez, BROKERAGE_ROLES } from '../../../../src/engine/algorithms/brokerage/gould-fernandez.ts';
import { stepReach } from '../../../../src/engine/algorithms/reach/step-reach.ts';
import { FIXTURES, attributeOf, loadFixture } from '../periphery/fixtures.ts';

describe.each(FIXTURES)('%s', (name) => {
  const { fixture, csr } = loadFixture(name);

  for (const attribute of Object.keys(fixture.assortativity)) {
    it(`assortativity by ${attribute}`, () => {
      const grouping = groupBy(csr.ids, attribute, attributeOf(fixture, attribute));
      const r = attributeAssortativity(csr, grouping.group);
      const want = fixture.assortativity[attribute]!;
      expect(r).not.toBeNull();
      expect(Math.abs(r! - want)).toBeLessThan(1e-12);
    });

    it(`E-I index by ${attribute}`, () => {
      const grouping = groupBy(csr.ids, attribute, attributeOf(fixture, attribute));
      const mixing = groupMixing(csr, grouping.group, grouping.sizes);
      const want = fixture.ei[attribute]!;
      expect(mixing.internal).toBe(want.internal);
      expect(mixing.external).toBe(want.external);
      expect(mixing.ei).toBeCloseTo(want.overall!, 12);
      grouping.labels.forEach((label, g) => {
        expect(mixing.perGroup[g]!.internal, label).toBe(want.groups[label]!.internal);
        expect(mixing.perGroup[g]!.external, label).toBe(want.groups[label]!.external);
        expect(mixing.perGroup[g]!.ei, label).toBe(want.groups[label]!.ei);
      });
    });
  }

  for (const attribute of Object.keys(fixture.brokerage)) {
    it(`Gould-Fernandez roles by ${attribute} (brute force over triples)`, () => {
      const grouping = groupBy(csr.ids, attribute, attributeOf(fixture, attribute));
      const roles = gouldFernandez(csr, grouping.group);
      const want = fixture.brokerage[attribute]!;
      csr.ids.forEach((id, v) => {
        for (const role of BROKERAGE_ROLES) expect(roles[role][v], `${id} ${role}`).toBe(want[id]![role]);
      });
    });
  }

  for (const mode of Object.keys(fixture.reach)) {
    it(`reach within 1, 2, 3 steps (${mode})`, () => {
      const reach = stepReach(csr, { direction: mode as 'both' | 'out' | 'in' });
      csr.ids.forEach((id, v) => {
        expect([reach.counts[0]![v], reach.counts[1]![v], reach.counts[2]![v]], id).toEqual(fixture.reach[mode]![id]);
      });
      if (csr.n > 1) expect(reach.shares[1]![0]).toBeCloseTo(reach.counts[1]![0]! / (csr.n - 1), 15);
    });
  }
});

describe('undirected brokerage convention', () => {
  it('counts each open path both ways: representative equals gatekeeper', () => {
    const { fixture, csr } = loadFixture('karate');
    const grouping = groupBy(csr.ids, 'club', attributeOf(fixture, 'club'));
    const roles = gouldFernandez(csr, grouping.group);
    for (let v = 0; v < csr.n; v++) {
      expect(roles.representative[v]).toBe(roles.gatekeeper[v]);
      expect(roles.coordinator[v]! % 2).toBe(0);
    }
  });
});
