import { partOf } from './read-part.ts';
import { describe, expect, it } from 'vitest';
import { parseGraphml } from '../../../src/engine/io/graphml.ts';
import { fixture } from './fixtures.ts';

describe('parseGraphml on a yEd file', () => {
  const part = partOf(parseGraphml(fixture('yed-team.graphml'), { file: 'team.graphml' }));

  it('takes labels from yEd NodeLabel graphics and data from declared keys (CDATA included)', () => {
    expect(part.people.map((p) => [p.id, p.label])).toEqual([
      ['n0', 'María'],
      ['n1', 'Tom'],
      ['n2', 'Leila'],
      ['n3', 'n3'],
    ]);
    expect(part.people[0]?.attributes).toEqual({ role: 'coordinator', url: null, description: null });
  });

  it('reads weights from the weight key, edgedefault and per-edge directed', () => {
    expect(part.ties.map((t) => [t.source, t.target, t.directed, t.weight])).toEqual([
      ['n0', 'n1', true, 2],
      ['n1', 'n2', true, 1],
      ['n2', 'n0', false, 0.5],
    ]);
    expect(part.ties[2]?.attributes).toEqual({ url: 'https://example.org/notes' });
    expect(part.issues).toEqual([
      // n3 is drawn without a label: said once, with its line, rather than silently named "n3".
      expect.objectContaining({ level: 'warning', code: 'missing-label', file: 'team.graphml', row: 46 }),
      expect.objectContaining({ level: 'warning', code: 'mixed-direction', file: 'team.graphml' }),
    ]);
    expect(part.issues[0]?.message).toBe('node "n3" has no label in its drawing; its id was used as its name');
  });
});

describe('parseGraphml on a Cytoscape file', () => {
  const part = partOf(parseGraphml(fixture('cytoscape-partners.graphml'), { file: 'partners.graphml' }));

  it('takes labels from the name key and types columns (boolean, int, double)', () => {
    expect(part.people).toEqual([
      { id: '104', label: 'Food Bank', attributes: { 'shared name': 'Food Bank', selected: false, Degree: 2, budget: 12500.5 } },
      { id: '106', label: 'Library', attributes: { 'shared name': 'Library', selected: true, Degree: 2, budget: null } },
      { id: '108', label: 'Clinic', attributes: { 'shared name': 'Clinic', selected: false, Degree: 'many', budget: null } },
    ]);
  });

  it('takes relations from interaction, and refuses a non-numeric weight on its line', () => {
    expect(part.ties.map((t) => [t.source, t.target, t.relation, t.weight])).toEqual([
      ['104', '106', 'funds', 1.5],
      ['106', '108', 'refers', 2],
    ]);
    expect(part.relations).toEqual([
      { name: 'funds', directed: true },
      { name: 'refers', directed: true },
    ]);
    expect(part.issues.map((i) => [i.level, i.code, i.file, i.row, i.field])).toEqual([
      ['warning', 'bad-attribute', 'partners.graphml', 33, 'Degree'],
      ['error', 'bad-weight', 'partners.graphml', 51, 'weight'],
    ]);
    expect(part.issues[1]?.message).toBe('weight is not a number: "heavy"');
  });
});

describe('parseGraphml edge cases', () => {
  it('reads a minimal networkx-style file with one node, a key default and an undeclared endpoint', () => {
    const text = `<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="Weight" attr.type="double"><default>2.5</default></key>
  <key id="d1" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="d1">Ana</data></node>
    <edge source="a" target="b"/>
    <edge source="b" target="a"><data key="d0">1</data></edge>
  </graph>
</graphml>`;
    const part = partOf(parseGraphml(text, { file: 'nx.graphml' }));
    expect(part.people).toEqual([
      { id: 'a', label: 'Ana', attributes: {} },
      { id: 'b', label: 'b', attributes: {} },
    ]);
    expect(part.ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: false, weight: 3.5 }]);
    expect(part.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['unknown-id', 7, 'target'],
      ['duplicate-edge', 8, undefined],
    ]);
  });

  it('warns when edgedefault is missing and reads edges as undirected', () => {
    const part = partOf(parseGraphml('<graphml><graph><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>', {
      file: 'g.graphml',
    }));
    expect(part.ties[0]?.directed).toBe(false);
    expect(part.issues).toEqual([
      expect.objectContaining({ level: 'warning', code: 'assumed-undirected', file: 'g.graphml', row: 1, field: 'edgedefault' }),
    ]);
  });

  it('leaves yEd group nodes out and reads their members', () => {
    const text = `<graphml>
<graph edgedefault="directed">
<node id="g"><graph edgedefault="directed"><node id="g::a"/><node id="g::b"/><edge source="g::a" target="g::b"/></graph></node>
<node id="c"/>
</graph>
</graphml>`;
    const part = partOf(parseGraphml(text, { file: 'groups.graphml' }));
    expect(part.people.map((p) => p.id)).toEqual(['g::a', 'g::b', 'c']);
    expect(part.ties).toHaveLength(1);
    expect(part.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'nested-graph', row: 3 })]);
  });

  it('reports a file that is not XML, with the line', () => {
    const part = partOf(parseGraphml('<graphml>\n<graph>\n<node id="a">\n</graph>', { file: 'broken.graphml' }));
    expect(part.issues).toHaveLength(1);
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'not-xml', file: 'broken.graphml', row: 4 });
  });

  it('reports XML that is not GraphML', () => {
    const part = partOf(parseGraphml(fixture('gephi-coalition.gexf'), { file: 'wrong.graphml' }));
    expect(part.issues).toEqual([expect.objectContaining({ level: 'error', code: 'wrong-format', file: 'wrong.graphml', row: 2 })]);
  });

  it('reports an edge without a target', () => {
    const part = partOf(parseGraphml('<graphml><graph edgedefault="directed">\n<node id="a"/>\n<edge source="a"/>\n</graph></graphml>', { file: 'g.graphml' }));
    expect(part.issues).toEqual([
      { level: 'error', code: 'missing-id', message: 'an edge has no target', file: 'g.graphml', row: 3, field: 'target' },
    ]);
  });
});
