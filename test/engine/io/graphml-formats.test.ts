/**
 * GraphML as yEd Live / yFiles for HTML and SocNetV write it, on real files compared with
 * networkx 2.8.8 (and ElementTree for yFiles labels) reading the same files
 * (test/reference/formats/edgelists.json, make_edgelists.py), and on small cases.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssueGroup, groupIssues } from '../../../src/engine/core/util/issue-groups.ts';
import { parseGraphml } from '../../../src/engine/io/graphml.ts';
import { partOf } from './read-part.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const formats = (path: string): string => readFileSync(`${root}test/fixtures/formats/${path}`, 'utf8');

interface Reading {
  id?: string;
  directed: boolean;
  nodes: string[];
  edges: Array<[string, string, number | null]>;
}
const reference = JSON.parse(readFileSync(`${root}test/reference/formats/edgelists.json`, 'utf8')) as {
  files: Record<string, { directed?: Reading; labels?: Record<string, string>; graphs?: Reading[] }>;
};

describe('parseGraphml on a yEd Live export (yFiles for HTML 3.0)', () => {
  const part = partOf(parseGraphml(formats('graphml/yed-live-simple-model.graphml'), { file: 'model.graphml' }));
  const expected = reference.files['graphml/yed-live-simple-model.graphml']!;

  it('takes each person\'s label from <y:Label Text> in the NodeLabels data, as ElementTree finds it', () => {
    expect(Object.keys(expected.labels ?? {})).toHaveLength(2);
    expect(part.people.map((p) => [p.id, p.label])).toEqual(Object.entries(expected.labels ?? {}));
    expect(part.people.map((p) => p.label)).toEqual(['Source with ports', 'Target with ports']);
  });

  it('reads the ties as networkx does, and keeps yFiles drawing keys (zOrder, NodeGeometry, ...) out of the attributes', () => {
    expect(part.ties.map((t) => [t.source, t.target, t.directed])).toEqual(expected.directed!.edges.map(([a, b]) => [a, b, true]));
    expect(part.people[0]?.attributes).toEqual({ url: null, description: null });
    expect(part.issues).toEqual([]);
  });
});

describe('parseGraphml on yFiles labels', () => {
  const keys = `<key id="d1" for="node" attr.name="NodeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeLabels"/>
  <key id="d2" for="node" attr.name="NodeGeometry" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeGeometry"/>`;
  const wrap = (nodes: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!--Created by yFiles for HTML 2.3-->
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/3.0" xmlns:y="http://www.yworks.com/xml/yfiles-common/3.0">
  ${keys}
  <graph id="G" edgedefault="directed">
${nodes}
  </graph>
</graphml>`;

  it('reads the <y:Label.Text> element form (CDATA included) and the first of several labels', () => {
    const part = partOf(parseGraphml(wrap(`<node id="n0"><data key="d1"><x:List><y:Label><y:Label.Text><![CDATA[María José]]></y:Label.Text></y:Label></x:List></data><data key="d2"><y:RectD X="0" Y="0" Width="30" Height="30"/></data></node>
<node id="n1"><data key="d1"><x:List><y:Label Text=""/><y:Label><y:Label.Text>李雷</y:Label.Text></y:Label></x:List></data></node>
<edge id="e0" source="n0" target="n1"/>`), { file: 'live.graphml' }));
    expect(part.people.map((p) => [p.id, p.label, p.attributes])).toEqual([
      ['n0', 'María José', {}],
      ['n1', '李雷', {}],
    ]);
    expect(part.issues).toEqual([]);
  });

  it('warns, with the line, only for a drawn node without any label', () => {
    const part = partOf(parseGraphml(wrap(`<node id="n0"><data key="d1"><x:List><y:Label Text="Ana"/></x:List></data></node>
<node id="n1"><data key="d2"><y:RectD X="0" Y="0" Width="30" Height="30"/></data></node>`), { file: 'live.graphml' }));
    expect(part.people.map((p) => p.label)).toEqual(['Ana', 'n1']);
    expect(part.issues).toEqual([
      {
        level: 'warning',
        code: 'missing-label',
        message: 'node "n1" has no label in its drawing; its id was used as its name',
        file: 'live.graphml',
        row: 8,
        field: 'label',
      },
    ]);
  });
});

describe('parseGraphml on several <graph> elements', () => {
  it('reads SocNetV\'s two relations as two layers named by the graphs\' ids, people merged by id, as networkx reads each graph', () => {
    const part = partOf(parseGraphml(formats('graphml/socnetv-tinydir-n3-rel2.graphml'), { file: 'rel2.graphml' }));
    const graphs = reference.files['graphml/socnetv-tinydir-n3-rel2.graphml']!.graphs!;
    expect(graphs.map((g) => g.id)).toEqual(['relation_1', 'relation_2']);
    expect(part.relations).toEqual(graphs.map((g) => ({ name: g.id, directed: true })));
    for (const graph of graphs) {
      expect(part.ties.filter((t) => t.relation === graph.id).map((t) => [t.source, t.target, t.weight])).toEqual(graph.edges);
    }
    expect(part.people.map((p) => p.id)).toEqual(graphs[0]!.nodes);
    expect(part.people[0]?.attributes).toMatchObject({ x_coordinate: 0.285861, shape: 'circle' });
    // No "declared twice" for the same person in each relation's graph; the empty labels said once per person.
    expect(part.issues.map((i) => [i.code, i.row])).toEqual([
      ['missing-label', 38],
      ['missing-label', 44],
      ['missing-label', 50],
    ]);
    expect(groupIssues(part.issues, { groupFrom: 3 }).map(formatIssueGroup)).toEqual([
      'rel2.graphml, field "label": 3 people have no label; their ids are shown instead: rows 38, 44, 50',
    ]);
  });

  it('names a layer by the graph\'s relation or name data, keeps repeated names apart, and still reports a node declared twice in one graph', () => {
    const text = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="g" for="graph" attr.name="name" attr.type="string"/>
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G1" edgedefault="undirected"><data key="g">advice</data>
    <node id="a"><data key="l">Ana</data></node><node id="b"><data key="l">Ben</data></node><node id="a"/>
    <edge source="a" target="b"><data key="w">0.0</data></edge>
  </graph>
  <graph id="G2" edgedefault="directed">
    <node id="b"/><node id="c"><data key="l">Cara</data></node>
    <edge source="b" target="c"/>
  </graph>
  <graph id="G2" edgedefault="directed">
    <edge source="c" target="a"/>
  </graph>
</graphml>`;
    const part = partOf(parseGraphml(text, { file: 'layers.graphml' }));
    expect(part.ok).toBe(true);
    expect(part.people.map((p) => [p.id, p.label])).toEqual([
      ['a', 'Ana'],
      ['b', 'Ben'],
      ['c', 'Cara'],
    ]);
    expect(part.ties.map((t) => [t.source, t.target, t.relation, t.directed, t.weight])).toEqual([
      ['a', 'b', 'advice', false, 1],
      ['b', 'c', 'G2', true, 1],
      ['c', 'a', 'G2 (2)', true, 1],
    ]);
    expect(part.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['zero-weight', 7, 'weight'],
      ['duplicate-node', 6, 'id'],
    ]);
  });
});
