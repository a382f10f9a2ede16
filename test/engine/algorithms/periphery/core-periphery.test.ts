/**
 * Borgatti-Everett core/periphery against the shared reference values (copied, with their
 * provenance, into test/reference/periphery/core_periphery.json by make_periphery.py) and
 * UCINET's printed campnet figures, plus a generated graph with a planted core.
 */
import { describe, expect, it } from 'vitest';
import { toCsr } from '../../../../src/engine/core/graph/csr.ts';
import { continuousCorePeriphery } from '../../../../src/engine/algorithms/periphery/core-periphery-continuous.ts';
import { corePeripheryPartition, partitionFit } from '../../../../src/engine/algorithms/periphery/core-periphery-partition.ts';
import { createRng } from '../../../../src/engine/core/util/rng.ts';
import { graphOf, readFixture } from './fixtures.ts';

interface CpVariant {
  continuous: { coreness: Record<string, number>; fit: number; iterations: number; converged: boolean };
  continuous_maxit100?: { coreness: Record<string, number>; fit: number; iterations: number; converged: boolean };
  categorical: {
    core: string[];
    fit: number;
    block_density: { core_core: number; core_periphery: number; periphery_core: number; periphery_periphery: number };
    exhaustive_optimum_fit: number | null;
  };
}
interface CpFixture {
  ucinet_campnet: { categorical_fit_printed: number; core: string[]; continuous_fit_printed: number };
  cases: Record<string, { directed: boolean; nodes: string[]; edges: Array<[string, string, number]>; variants: Record<string, CpVariant> }>;
}

const reference = readFixture<CpFixture>('core_periphery');
const cases = Object.entries(reference.cases).flatMap(([name, c]) =>
  Object.keys(c.variants).map((variant) => [name, variant] as const),
);

function csrOf(name: string) {
  const c = reference.cases[name]!;
  return toCsr(graphOf(c.nodes, c.edges, c.directed));
}

describe.each(cases)('%s (%s) against the reference', (name, variant) => {
  const csr = csrOf(name);
  const ref = reference.cases[name]!.variants[variant]!;
  const weighted = variant === 'valued';

  it('continuous coreness, fit and iteration count', () => {
    const result = continuousCorePeriphery(csr, { weighted });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBe(ref.continuous.iterations);
    expect(result.fit).toBeCloseTo(ref.continuous.fit, 9);
    csr.ids.forEach((id, i) => expect(result.coreness[i], id).toBeCloseTo(ref.continuous.coreness[id]!, 9));
  });

  if (ref.continuous_maxit100) {
    it('stops at a cap of 100 iterations exactly where UCINET does', () => {
      const capped = continuousCorePeriphery(csr, { weighted, maxIterations: 100 });
      const want = ref.continuous_maxit100!;
      expect(capped.converged).toBe(want.converged);
      expect(capped.iterations).toBe(want.iterations);
      expect(capped.fit).toBeCloseTo(want.fit, 9);
      csr.ids.forEach((id, i) => expect(capped.coreness[i], id).toBeCloseTo(want.coreness[id]!, 9));
    });
  }

  it('categorical partition: best fit, core and block densities', () => {
    const result = corePeripheryPartition(csr, { weighted });
    expect(result.fit).toBeCloseTo(ref.categorical.fit, 10);
    if (ref.categorical.exhaustive_optimum_fit !== null) {
      expect(result.fit).toBeCloseTo(ref.categorical.exhaustive_optimum_fit, 10);
    }
    expect(csr.ids.filter((_, i) => result.inCore[i]).sort()).toEqual([...ref.categorical.core].sort());
    const d = ref.categorical.block_density;
    expect(result.density.coreCore).toBeCloseTo(d.core_core, 12);
    expect(result.density.corePeriphery).toBeCloseTo(d.core_periphery, 12);
    expect(result.density.peripheryCore).toBeCloseTo(d.periphery_core, 12);
    expect(result.density.peripheryPeriphery).toBeCloseTo(d.periphery_periphery, 12);
  });
});

describe('campnet as UCINET prints it', () => {
  it('categorical fit 0.36 with core LEE, STEVE, BERT, RUSS; continuous fit 0.327', () => {
    const csr = csrOf('campnet');
    const part = corePeripheryPartition(csr);
    expect(Number(part.fit!.toFixed(2))).toBe(reference.ucinet_campnet.categorical_fit_printed);
    expect(csr.ids.filter((_, i) => part.inCore[i]).sort()).toEqual([...reference.ucinet_campnet.core].sort());
    expect(Number(continuousCorePeriphery(csr).fit!.toFixed(3))).toBe(reference.ucinet_campnet.continuous_fit_printed);
  });
});

/** A graph with a planted core: dense core, periphery tied to the core, sparse among itself. */
function planted(seed: number, coreSize: number, peripherySize: number) {
  const rng = createRng(seed);
  const n = coreSize + peripherySize;
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  const edges: Array<[string, string, number]> = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const p = j < coreSize ? 0.85 : i < coreSize ? 0.25 : 0.03;
      if (rng() < p) edges.push([ids[i]!, ids[j]!, 1]);
    }
  }
  return { ids, core: ids.slice(0, coreSize), csr: toCsr(graphOf(ids, edges, false)) };
}

describe('planted core', () => {
  it.each([1, 2, 3, 4, 5])('recovers a planted core of 10 among 60 (seed %i)', (seed) => {
    const { ids, core, csr } = planted(seed, 10, 50);
    const part = corePeripheryPartition(csr);
    const found = ids.filter((_, i) => part.inCore[i]);
    // Every planted core member is found; a periphery member with unusually many core ties may
    // join them (the fit decides), but the core stays close to its planted size.
    expect(core.every((id) => found.includes(id))).toBe(true);
    expect(found.length).toBeLessThanOrEqual(13);
    expect(part.fit!).toBeGreaterThan(0.5);
    expect(part.density.coreCore).toBeGreaterThan(part.density.corePeriphery);
    expect(part.density.corePeriphery).toBeGreaterThan(part.density.peripheryPeriphery);
    // The found split fits at least as well as the planted one.
    expect(part.fit!).toBeGreaterThanOrEqual(partitionFit(csr, Uint8Array.from(ids, (id) => (core.includes(id) ? 1 : 0)))! - 1e-12);

    const cont = continuousCorePeriphery(csr);
    expect(cont.converged).toBe(true);
    const top = Array.from({ length: csr.n }, (_, i) => i)
      .sort((a, b) => cont.coreness[b]! - cont.coreness[a]!)
      .slice(0, 10)
      .map((i) => ids[i]!);
    expect(top.filter((id) => core.includes(id)).length).toBeGreaterThanOrEqual(9);
    let sumSquares = 0;
    for (const c of cont.coreness) sumSquares += c * c;
    expect(sumSquares).toBeCloseTo(1, 12);
  });

  it('is deterministic for a seed', () => {
    const { csr } = planted(7, 8, 40);
    const a = corePeripheryPartition(csr, { seed: 3 });
    const b = corePeripheryPartition(csr, { seed: 3 });
    expect(Array.from(a.inCore)).toEqual(Array.from(b.inCore));
    expect(a.fit).toBe(b.fit);
  });
});

describe('edge cases', () => {
  it('empty, tiny and tie-less graphs do not throw', () => {
    const empty = toCsr(graphOf([], [], false));
    expect(continuousCorePeriphery(empty).coreness.length).toBe(0);
    expect(corePeripheryPartition(empty).fit).toBeNull();
    const lonely = toCsr(graphOf(['a', 'b', 'c', 'd', 'e'], [], false));
    const cont = continuousCorePeriphery(lonely);
    expect(Array.from(cont.coreness)).toEqual([0, 0, 0, 0, 0]);
    expect(cont.fit).toBeNull();
    expect(corePeripheryPartition(lonely).fit).toBeNull();
    const three = toCsr(graphOf(['a', 'b', 'c'], [['a', 'b', 1]], false));
    expect(corePeripheryPartition(three).coreSize).toBe(0);
  });

  it('ignores self-loops (the diagonal is not fitted)', () => {
    const c = reference.cases.florentine!;
    const withLoops = toCsr(graphOf(c.nodes, [...c.edges, ['Medici', 'Medici', 1], ['Pazzi', 'Pazzi', 1]], false));
    const without = csrOf('florentine');
    expect(continuousCorePeriphery(withLoops).fit).toBeCloseTo(continuousCorePeriphery(without).fit!, 12);
    expect(corePeripheryPartition(withLoops).fit).toBeCloseTo(corePeripheryPartition(without).fit!, 12);
  });
});
