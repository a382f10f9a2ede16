/**
 * toGml: read back by netweave's reader (round trip), and, where Debian's python3 with networkx and
 * igraph is installed (as for the reference scripts), by networkx's read_gml and igraph's Read_GML.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportGraph } from '../../../src/engine/io/export-graph.ts';
import { parseGml } from '../../../src/engine/io/gml.ts';
import { gmlString, toGml } from '../../../src/engine/io/gml-writer.ts';
import { partOf } from './read-part.ts';

const sample: ExportGraph = {
  directed: true,
  nodes: [
    { id: 'ana', label: 'Ana Lima', attributes: { sector: 'Health & Care', years: 12, lead: true, skills: ['media', 'budget'], 'start year': 2019, '2nd team': 'x', none: null }, metrics: { degree: 2, betweenness: 1e-7, broken: Number.NaN } },
    { id: 'ben', label: 'Jin "JJ" Chen', attributes: { sector: 'Arts', years: 3 }, metrics: { degree: 2 } },
    { id: 'p3', label: 'Jin "JJ" Chen', attributes: {}, metrics: { degree: 1 } },
    { id: 'цзы', label: 'Центр 北京 😀', attributes: { label: 'own label attribute' }, metrics: { degree: 1 } },
  ],
  edges: [
    { source: 'ana', target: 'ben', weight: 2.5, relation: 'advice' },
    { source: 'ana', target: 'ben', weight: 1, relation: 'friendship' },
    { source: 'ben', target: 'ana', weight: 1, relation: 'advice' },
    { source: 'p3', target: 'цзы', weight: 3, relation: 'mentor’s "circle"' },
  ],
};

describe('toGml', () => {
  const text = toGml(sample);

  it('writes ASCII only, with entities for quotes, ampersands and anything else', () => {
    expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true);
    expect(gmlString('Zoë "Z" & 北')).toBe('"Zo&#235; &quot;Z&quot; &amp; &#21271;"');
    expect(text).toContain('  directed 1\n  multigraph 1\n');
    expect(text).toContain('    label "Jin &quot;JJ&quot; Chen (ben)"');
    expect(text).toContain('    betweenness 1.0e-7');
    expect(text).not.toContain('broken');
  });

  it('round-trips: netweave reads back the same people, ties, weights and relations', () => {
    const part = partOf(parseGml(text, { file: 'out.gml' }));
    expect(part.ok).toBe(true);
    expect(part.issues).toEqual([]);
    const byGmlId = new Map(part.people.map((p) => [p.id, p]));
    expect(part.people.map((p) => [p.attributes.name, p.label])).toEqual([
      ['ana', 'Ana Lima'],
      ['ben', 'Jin "JJ" Chen (ben)'],
      ['p3', 'Jin "JJ" Chen (p3)'],
      ['цзы', 'Центр 北京 😀'],
    ]);
    expect(part.people[0]?.attributes).toEqual({
      name: 'ana',
      sector: 'Health & Care',
      years: 12,
      lead: 1,
      skills: 'media|budget',
      start_year: 2019,
      a2nd_team: 'x',
      degree: 2,
      betweenness: 1e-7,
    });
    expect(part.people[3]?.attributes.label_2).toBe('own label attribute');
    const original = (gmlId: string) => byGmlId.get(gmlId)?.attributes.name;
    expect(part.ties.map((t) => [original(t.source), original(t.target), t.relation, t.weight, t.directed])).toEqual(
      sample.edges.map((e) => [e.source, e.target, e.relation, e.weight, true]),
    );
  });

  it('writes an undirected graph without multigraph when no pair repeats', () => {
    const simple = toGml({ ...sample, directed: false, edges: sample.edges.slice(0, 1) });
    expect(simple).toContain('  directed 0\n  node [');
    expect(simple).not.toContain('multigraph');
  });

  const python = '/usr/bin/python3';
  const hasPython =
    existsSync(python) &&
    (() => {
      try {
        execFileSync(python, ['-c', 'import networkx, igraph'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();

  it.skipIf(!hasPython)("is read by networkx's read_gml and igraph's Read_GML with the same labels, weights and relations", () => {
    const dir = mkdtempSync(join(tmpdir(), 'netweave-gml-'));
    try {
      const path = join(dir, 'out.gml');
      writeFileSync(path, text);
      const script = [
        'import json, sys, warnings',
        'warnings.simplefilter("ignore")',
        'import networkx as nx, igraph',
        'g = nx.read_gml(sys.argv[1])',
        'i = igraph.Graph.Read_GML(sys.argv[1])',
        'print(json.dumps({',
        ' "nx_nodes": list(g.nodes()), "nx_directed": g.is_directed(), "nx_multi": g.is_multigraph(),',
        ' "nx_edges": sorted([u, v, d["relation"], d["weight"]] for u, v, d in g.edges(data=True)),',
        ' "nx_sector": g.nodes["Ana Lima"]["sector"],',
        ' "ig_labels": i.vs["label"], "ig_names": i.vs["name"], "ig_directed": i.is_directed(),',
        ' "ig_edges": sorted([i.vs[e.source]["name"], i.vs[e.target]["name"], e["relation"], e["weight"]] for e in i.es),',
        '}, ensure_ascii=False))',
      ].join('\n');
      const out = JSON.parse(execFileSync(python, ['-c', script, path], { encoding: 'utf8' })) as Record<string, unknown>;
      expect(out.nx_nodes).toEqual(['Ana Lima', 'Jin "JJ" Chen (ben)', 'Jin "JJ" Chen (p3)', 'Центр 北京 😀']);
      expect(out.nx_directed).toBe(true);
      expect(out.nx_multi).toBe(true);
      expect(out.nx_sector).toBe('Health & Care');
      expect(out.nx_edges).toEqual([
        ['Ana Lima', 'Jin "JJ" Chen (ben)', 'advice', 2.5],
        ['Ana Lima', 'Jin "JJ" Chen (ben)', 'friendship', 1],
        ['Jin "JJ" Chen (ben)', 'Ana Lima', 'advice', 1],
        ['Jin "JJ" Chen (p3)', 'Центр 北京 😀', 'mentor’s "circle"', 3],
      ]);
      // igraph 0.10.2 decodes &quot; and &amp; but leaves numeric references (non-ASCII text) as written.
      const igraphText = (value: string) => value.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
      expect((out.ig_names as string[]).map(igraphText)).toEqual(['ana', 'ben', 'p3', 'цзы']);
      expect((out.ig_labels as string[]).map(igraphText)).toEqual(out.nx_nodes);
      expect(out.ig_directed).toBe(true);
      expect((out.ig_edges as Array<[string, string, string, number]>).map((e) => [igraphText(e[0]), igraphText(e[1]), igraphText(e[2]), e[3]])).toEqual([
        ['ana', 'ben', 'advice', 2.5],
        ['ana', 'ben', 'friendship', 1],
        ['ben', 'ana', 'advice', 1],
        ['p3', 'цзы', 'mentor’s "circle"', 3],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
