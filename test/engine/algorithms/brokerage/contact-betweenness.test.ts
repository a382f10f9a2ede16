import { describe, expect, it } from 'vitest';
import { toCsr, undirectedView } from '../../../../src/engine/core/graph/csr.ts';
import { contactsOf } from '../../../../src/engine/algorithms/brokerage/contacts.ts';
import { contactBetweenness } from '../../../../src/engine/algorithms/brokerage/contact-betweenness.ts';
import { shortestPathPass } from '../../../../src/engine/algorithms/metrics/shortest-paths.ts';
import { pathCentralities } from '../../../../src/engine/algorithms/metrics/path-centralities.ts';
import { expectClose, loadReference } from '../../../helpers/reference.ts';

describe('contact betweenness', () => {
  it('equals networkx betweenness on an undirected graph', () => {
    const { fixture, graph } = loadReference('karate');
    const csr = toCsr(graph);
    const result = contactBetweenness(contactsOf(csr));
    expect(result.exact).toBe(true);
    expectClose(result.values, csr.ids, fixture.node_metrics.betweenness!, 1e-9, 'contact betweenness');
  });

  it('reads a directed graph through its undirected view', () => {
    const { graph } = loadReference('krackhardt_advice');
    const csr = toCsr(graph);
    const undirected = undirectedView(csr);
    const want = pathCentralities(shortestPathPass(undirected, {}), undirected.n).betweenness;
    const got = contactBetweenness(contactsOf(csr)).values;
    for (let v = 0; v < csr.n; v++) expect(got[v]).toBeCloseTo(want[v]!, 12);
  });

  it('samples sources beyond its budget, deterministically and on the same scale', () => {
    const { graph } = loadReference('lesmis');
    const contacts = contactsOf(toCsr(graph));
    const exact = contactBetweenness(contacts).values;
    const perSource = contacts.offsets[contacts.n]! + contacts.n;
    const sampled = contactBetweenness(contacts, { budget: 40 * perSource, seed: 5 });
    expect(sampled.exact).toBe(false);
    expect(sampled.sources).toBe(40);
    expect(contactBetweenness(contacts, { budget: 40 * perSource, seed: 5 }).values).toEqual(sampled.values);
    const top = (xs: Float64Array) => Array.from(xs.keys()).sort((a, b) => xs[b]! - xs[a]!)[0];
    expect(top(sampled.values)).toBe(top(exact));
    const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);
    expect(sum(sampled.values) / sum(exact)).toBeGreaterThan(0.7);
    expect(sum(sampled.values) / sum(exact)).toBeLessThan(1.3);
  });
});
