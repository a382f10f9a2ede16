/**
 * Communities: our independent modularity function against networkx's on networkx's own best
 * partitions, and the seeded Louvain's reproducibility and numbering.
 */
import { describe, expect, it } from 'vitest';
import { toCsr } from '../../../../src/engine/core/graph/csr.ts';
import { modularity } from '../../../../src/engine/algorithms/communities/modularity.ts';
import { detectCommunities } from '../../../../src/engine/algorithms/communities/louvain.ts';
import { loadReference } from '../../../helpers/reference.ts';

describe.each(['karate', 'lesmis', 'florentine', 'grid'])('%s', (name) => {
  const { fixture, graph } = loadReference(name);
  const csr = toCsr(graph);
  const louvain = fixture.louvain as unknown as Record<string, { best_modularity: number; best_communities: string[][]; weight: string | null }>;

  it.each(Object.keys(louvain))('modularity of networkx best %s partition matches networkx', (variant) => {
    const ref = louvain[variant]!;
    const index = new Map(csr.ids.map((id, i) => [id, i]));
    const membership = new Int32Array(csr.n);
    ref.best_communities.forEach((members, c) => members.forEach((id) => (membership[index.get(id)!] = c)));
    expect(modularity(csr, membership, { weighted: ref.weight !== null })).toBeCloseTo(ref.best_modularity, 12);
  });

  it('Louvain is reproducible for a seed and numbers groups by size', () => {
    const a = detectCommunities(graph, { seed: 3 });
    const b = detectCommunities(graph, { seed: 3 });
    expect(Array.from(a.membership)).toEqual(Array.from(b.membership));
    const sizes = Array.from({ length: a.count }, (_, c) => a.membership.filter((m) => m === c).length);
    expect([...sizes].sort((x, y) => y - x)).toEqual(sizes);
    expect(modularity(csr, a.membership)).toBeCloseTo(a.modularity, 10);
  });
});

it('directed modularity matches the Leicht-Newman definition on a small case', () => {
  const { graph } = loadReference('directed_dag_like');
  const csr = toCsr(graph);
  // All in one community: Q = 1 - (sum_out * sum_in) / m^2 = 0.
  expect(modularity(csr, new Int32Array(csr.n))).toBeCloseTo(0, 12);
});
