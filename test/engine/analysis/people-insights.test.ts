/**
 * peopleInsights end to end on small datasets: JSON-ready sections, plain-words reasons,
 * determinism, equity only when asked, cancellation.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/engine/core/model/dataset.ts';
import { buildGraph } from '../../../src/engine/core/graph/build-graph.ts';
import { toCsr } from '../../../src/engine/core/graph/csr.ts';
import { computeMetrics } from '../../../src/engine/analysis/compute-metrics.ts';
import { peopleInsights } from '../../../src/engine/analysis/people-insights.ts';
import { CancelledError } from '../../../src/engine/core/util/cancel.ts';

/** Two tight teams joined through Maria; Ivan hangs off Maria; Zoe knows nobody; Omar did not answer. */
function sample(directed = false): Dataset {
  const person = (id: string, label: string, sector: string, skills: string[], responded = true) => ({
    id,
    label,
    attributes: { sector, skills, responded, email: `${id}@example.org` },
  });
  const people = [
    person('maria', 'Maria Lopez', 'Government', ['facilitation', 'policy']),
    person('jin', 'Jin Chen', 'Community', ['translation', 'facilitation']),
    person('bob', 'Bob Smith', 'Community', ['budgeting']),
    person('ana', 'Ana Ruiz', 'Community', ['youth work']),
    person('lee', 'Lee Park', 'Community', ['budgeting', 'evaluation']),
    person('kofi', 'Kofi Mensah', 'Nonprofit', ['grant writing']),
    person('sara', 'Sara Cohen', 'Nonprofit', ['evaluation']),
    person('tom', 'Tom Brown', 'Nonprofit', ['grant writing', 'policy']),
    person('eva', 'Eva Novak', 'Nonprofit', ['media']),
    person('ivan', 'Ivan Petrov', 'Business', ['policy', 'legal']),
    person('zoe', 'Zoe Adams', 'Business', ['legal']),
    person('omar', 'Omar Haddad', 'Nonprofit', ['media'], false),
  ];
  const pairs: Array<[string, string]> = [
    ['jin', 'bob'], ['jin', 'ana'], ['jin', 'lee'], ['bob', 'ana'], ['bob', 'lee'], ['ana', 'lee'],
    ['kofi', 'sara'], ['kofi', 'tom'], ['kofi', 'eva'], ['sara', 'tom'], ['sara', 'eva'], ['tom', 'eva'],
    ['maria', 'jin'], ['maria', 'kofi'], ['ivan', 'maria'], ['sara', 'omar'],
  ];
  return {
    format: 'netweave-dataset',
    version: 1,
    name: 'sample',
    people,
    relations: [{ name: 'works with', directed }],
    ties: pairs.map(([source, target]) => ({ source, target, relation: 'works with', directed, weight: 1 })),
    attendance: [],
    mentorships: [],
  };
}

function run(dataset: Dataset, options: Parameters<typeof peopleInsights>[4] = {}) {
  const graph = buildGraph(dataset);
  const csr = toCsr(graph);
  const { table } = computeMetrics(graph, {}, undefined, csr);
  return peopleInsights(dataset, graph, csr, table, options);
}

describe('peopleInsights', () => {
  const result = run(sample(), { groupBy: 'sector' });

  it('returns JSON-ready sections (no NaN, no typed arrays)', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['periphery', 'brokers', 'equity', 'suggestions', 'nodes', 'corePeriphery', 'cutPoints', 'keyPlayers']),
    );
    expect(result.nodes.zoe!.constraint).toBeNull();
    expect(result.nodes.zoe!.effectiveSize).toBeNull();
  });

  it('gives every person the extra metrics', () => {
    expect(Object.keys(result.nodes).sort()).toEqual(sample().people.map((p) => p.id).sort());
    for (const node of Object.values(result.nodes)) {
      expect(node.coreScore).toBeGreaterThanOrEqual(0);
      expect(node.coreScore).toBeLessThanOrEqual(1);
      expect(typeof node.peripheral).toBe('boolean');
      expect(node.reach1).toBeLessThanOrEqual(node.reach2);
      expect(node.reach2).toBeLessThanOrEqual(node.reach3);
    }
    expect(result.nodes.maria!.reach2).toBeCloseTo(9 / 11, 12);
  });

  it('lists the periphery most peripheral first, with reasons in plain words', () => {
    const scores = result.periphery.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const zoe = result.periphery.find((p) => p.id === 'zoe')!;
    expect(zoe.isolate).toBe(true);
    expect(zoe.reasons[0]).toBe('no ties to anyone in this network');
    const ivan = result.periphery.find((p) => p.id === 'ivan')!;
    expect(ivan.pendant).toBe(true);
    expect(ivan.reasons).toContain('one tie, to Maria Lopez');
    expect(ivan.brings).toEqual({ sector: 'Business', skills: ['policy', 'legal'] });
    const omar = result.periphery.find((p) => p.id === 'omar')!;
    expect(omar.nonRespondent).toBe(true);
    expect(omar.reasons.at(-1)).toMatch(/did not answer the survey/);
    expect(result.periphery.every((p) => p.id === 'omar' || !p.nonRespondent)).toBe(true);
    for (const p of result.periphery) expect(result.nodes[p.id]!.peripheral).toBe(true);
  });

  it('finds Maria as the broker, cut point and only link between the teams', () => {
    expect(result.brokers[0]!.id).toBe('maria');
    expect(result.brokers[0]!.articulationPoint).toBe(true);
    expect(result.brokers[0]!.reasons.join(' ')).toMatch(/would lose every link to the rest of the network/);
    expect(result.cutPoints.articulationPoints.map((a) => a.id)).toEqual(expect.arrayContaining(['maria', 'jin', 'kofi', 'sara']));
    const bridges = result.cutPoints.bridges.map((b) => `${[b.source, b.target].sort().join('-')}:${b.cutOff}`);
    expect(bridges).toEqual(['kofi-maria:5', 'jin-maria:4', 'ivan-maria:1', 'omar-sara:1']);
  });

  it('gives reasons in plain words, with no raw decimals', () => {
    const maria = result.brokers[0]!.reasons;
    expect(maria[0]).toMatch(/^is on the shortest route between other people more often than (anyone else|\d+% of members)$/);
    const reasons = [...result.brokers.flatMap((b) => b.reasons), ...result.periphery.flatMap((p) => p.reasons), ...result.suggestions.map((s) => s.reason)];
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) expect(reason).not.toMatch(/\d\.\d|constraint|betweenness|periphery/);
  });

  it('says when several people share the top place on shortest routes, instead of "more than anyone else" for each', () => {
    // A ring of six: everyone lies on exactly as many shortest routes as everyone else.
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const ring: Dataset = {
      ...sample(),
      people: ids.map((id) => ({ id, label: id.toUpperCase(), attributes: {} })),
      ties: ids.map((id, i) => ({ source: id, target: ids[(i + 1) % ids.length]!, weight: 1, directed: false, relation: 'knows' })),
    };
    const brokers = run(ring).brokers;
    expect(brokers.length).toBeGreaterThan(0);
    for (const b of brokers) expect(b.reasons[0]).toBe('is on the shortest route between other people as often as anyone (6 people share the top place)');
  });

  it('builds the equity view for the chosen attribute only', () => {
    const equity = result.equity!;
    expect(equity.attribute).toBe('sector');
    expect(equity.groups.map((g) => g.value)).toEqual(['Nonprofit', 'Community', 'Business', 'Government']);
    expect(equity.groups.find((g) => g.value === 'Business')!.overRepresentedAtPeriphery).toBe(true);
    expect(equity.matrix.ties.length).toBe(4);
    expect(equity.flagged).toContain('Business');
    expect(equity.notes[0]).toMatch(/of the network but/);
    expect(run(sample()).equity).toBeUndefined();
  });

  it('suggests introductions with stable ids and reasons', () => {
    expect(result.suggestions.length).toBeGreaterThan(0);
    for (const s of result.suggestions) {
      expect(s.id).toBe(`intro:${[s.source, s.target].sort().map(encodeURIComponent).join('+')}`);
      expect(s.reason.length).toBeGreaterThan(20);
    }
    const again = run(sample(), { groupBy: 'sector' });
    expect(again).toEqual(result);
  });

  it('works on directed survey data and marks who was never named', () => {
    const directed = run(sample(true));
    const jin = directed.nodes.jin!;
    expect(jin.reach1).toBeGreaterThan(0);
    const maria = directed.periphery.find((p) => p.id === 'maria');
    expect(maria).toBeUndefined();
    const ivan = directed.periphery.find((p) => p.id === 'ivan')!;
    expect(ivan.reasons).toContain('named by no one');
  });

  it('refuses a table from another graph and stops when cancelled', () => {
    const dataset = sample();
    const graph = buildGraph(dataset);
    const csr = toCsr(graph);
    const { table } = computeMetrics(graph, {}, undefined, csr);
    const shuffled = { ...table, ids: [...table.ids].reverse() };
    expect(() => peopleInsights(dataset, graph, csr, shuffled)).toThrow(/same people in the same order/);
    expect(() => peopleInsights(dataset, graph, csr, table, {}, { isCancelled: () => true })).toThrow(CancelledError);
    expect(() => peopleInsights(dataset, graph, csr, table, { groupBy: 'sectr' })).toThrow(
      'people-insights: no attribute named "sectr" to group by (attributes: "sector", "skills").',
    );
    expect(() => peopleInsights(dataset, graph, csr, table, { centrality: 'nope' as never })).toThrow(/no metric named "nope"/);
  });

  it('copes with an empty network', () => {
    const empty: Dataset = { ...sample(), people: [], ties: [] };
    const out = run(empty);
    expect(out.periphery).toEqual([]);
    expect(out.suggestions).toEqual([]);
    expect(out.keyPlayers.players).toEqual([]);
  });
});
