/**
 * Exports read back by the importers give the same map: CSV (factors, links, actors), Kumu JSON
 * and GraphML; plus GraphML as other tools write it.
 */
import { describe, expect, it } from 'vitest';
import { actorsCsv, factorsCsv, kumuBlueprint, kumuJson, linksCsv, systemMapGraphml } from '../../../../src/engine/features/systemmap/export.ts';
import { importSystemMapCsv } from '../../../../src/engine/features/systemmap/import-csv.ts';
import { importSystemMapGraphml } from '../../../../src/engine/features/systemmap/import-graphml.ts';
import { importKumuJson } from '../../../../src/engine/features/systemmap/import-kumu.ts';
import type { SystemMap } from '../../../../src/engine/core/model/systemmap.ts';
import { fixture, mapRead } from './helpers.ts';

const summary = (issues: ReadonlyArray<{ level: string; code: string; file?: string; row?: number; field?: string }>) =>
  issues.map((i) => [i.level, i.code, i.file, i.row, i.field]);

/** A map exercising every field: ids unlike labels, tags, attributes, strength, delay, ambiguous, notes, risky text. */
function richMap(): SystemMap {
  return {
    format: 'netweave-systemmap',
    version: 1,
    name: 'Rich <map> & co',
    factors: [
      { id: 'f1', label: 'Housing costs', description: 'Rent, "prices"', tags: ['housing', 'cost'], attributes: { units: 'USD', score: 3 } },
      { id: 'f2', label: '=Displacement', description: '', tags: [], attributes: {} },
      { id: 'f3', label: 'Cohesion, community', description: 'line\nbreak', tags: ['people'], attributes: { score: 1.5 } },
    ],
    links: [
      { id: 'a', from: 'f1', to: 'f2', polarity: '+', strength: 2, delay: true, note: 'strong effect' },
      { id: 'b', from: 'f2', to: 'f3', polarity: '-', delay: false, ambiguous: true },
      { id: 'c', from: 'f3', to: 'f1', polarity: '-', delay: false, attributes: { source: 'survey' } },
      { id: 'd', from: 'f1', to: 'f1', polarity: '+', delay: false },
    ],
    actors: [{ id: 'Tenants United', label: 'Tenants United', attributes: { sector: 'Nonprofit' } }],
    worksOn: [
      { actor: 'Tenants United', factor: 'f1' },
      { actor: 'Tenants United', factor: 'f3' },
    ],
  };
}

/** What survives every round trip: factors, links (endpoints, sign, strength, delay, ambiguity, note) and works-on. */
function essence(map: SystemMap) {
  return {
    factors: map.factors.map((f) => ({ id: f.id, label: f.label, description: f.description, tags: f.tags })),
    links: map.links.map((l) => ({ from: l.from, to: l.to, polarity: l.polarity, strength: l.strength, delay: l.delay, ambiguous: l.ambiguous === true, note: l.note })),
    worksOn: map.worksOn,
  };
}

describe('CSV export', () => {
  const map = richMap();

  it('writes spreadsheet-safe cells but plain polarities', () => {
    const links = linksCsv(map);
    expect(links.split('\n')[0]).toBe('id,from,to,polarity,strength,delay,note,source');
    expect(links).toContain('a,f1,f2,+,2,yes,strong effect,');
    expect(links).toContain('b,f2,f3,-+,,,,');
    const factors = factorsCsv(map);
    expect(factors).toContain("f2,'=Displacement,,,,");
    expect(factors).toContain('f1,Housing costs,"Rent, ""prices""",housing|cost,USD,3');
  });

  it('reads back to the same map', () => {
    const back = mapRead(importSystemMapCsv({
      factors: { name: 'factors.csv', text: factorsCsv(map) },
      links: { name: 'links.csv', text: linksCsv(map) },
      actors: { name: 'actors.csv', text: actorsCsv(map) },
    }));
    expect(back.ok).toBe(true);
    expect(essence(back.map)).toEqual(essence(map));
    expect(back.map.links.map((l) => l.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(back.map.factors[0]!.attributes).toEqual({ units: 'USD', score: 3 });
    expect(back.map.links[2]!.attributes).toEqual({ source: 'survey' });
    expect(back.map.actors).toEqual(map.actors);
    // Only the warnings the map itself deserves: the self-loop and the ambiguous sign.
    expect(back.issues.map((i) => i.code).sort()).toEqual(['ambiguous-polarity', 'self-loop']);
  });
});

describe('Kumu JSON export', () => {
  it('refers by id when ids differ from labels, and reads back to the same map', () => {
    const map = richMap();
    const blueprint = kumuBlueprint(map);
    expect(blueprint.elements[0]).toEqual({ id: 'f1', label: 'Housing costs', type: 'Factor', description: 'Rent, "prices"', tags: ['housing', 'cost'], units: 'USD', score: 3 });
    expect(blueprint.connections[1]).toEqual({ from: 'f2', to: 'f3', direction: 'directed', type: '-+' });
    expect(blueprint.connections.at(-1)).toEqual({ from: 'Tenants United', to: 'f3', direction: 'directed', type: 'works on' });
    const back = mapRead(importKumuJson({ name: 'map.json', text: kumuJson(map) }));
    expect(back.ok).toBe(true);
    expect(essence(back.map)).toEqual(essence(map));
    expect(back.map.actors.map((a) => [a.id, a.attributes.sector])).toEqual([['Tenants United', 'Nonprofit']]);
  });

  it('refers by label when labels are the ids (as the coalition sample does)', () => {
    const { map } = mapRead(importSystemMapCsv({ links: fixture('coalition/links.csv'), factors: fixture('coalition/factors.csv') }));
    const blueprint = kumuBlueprint(map);
    expect(blueprint.elements[0]).toEqual({ label: 'Coal plant emissions', type: 'factor' });
    expect(blueprint.connections[0]).toEqual({ from: 'Coal generation share', to: 'Coal plant emissions', direction: 'directed', type: '+' });
    const back = mapRead(importKumuJson({ name: 'map.json', text: kumuJson(map) }));
    expect(essence(back.map)).toEqual(essence(map));
  });
});

describe('GraphML', () => {
  it('export reads back to the same map', () => {
    const map = richMap();
    const text = systemMapGraphml(map);
    expect(text).toContain('<graph id="Rich &lt;map&gt; &amp; co" edgedefault="directed">');
    const back = mapRead(importSystemMapGraphml({ name: 'map.graphml', text }));
    expect(back.ok).toBe(true);
    expect(essence(back.map)).toEqual(essence(map));
    expect(back.map.factors[0]!.attributes).toEqual({ units: 'USD', score: 3 });
    expect(back.map.actors.map((a) => a.id)).toEqual(['Tenants United']);
  });

  it('reads yEd drawings whose signs are edge labels', () => {
    const result = mapRead(importSystemMapGraphml(fixture('yed-causal.graphml')));
    expect(result.ok).toBe(true);
    expect(result.map.factors.map((f) => f.label)).toEqual(['Births', 'Population', 'Deaths']);
    expect(result.map.links.map((l) => `${l.from}>${l.to}${l.polarity}`)).toEqual(['n0>n1+', 'n1>n0+', 'n1>n2+', 'n2>n1-']);
    expect(summary(result.issues)).toEqual([['warning', 'sign-from-label', 'yed-causal.graphml', undefined, undefined]]);
  });

  it('reads signs from signed weights, warns about an undirected graph, ignores a non-sign interaction', () => {
    const result = mapRead(importSystemMapGraphml(fixture('signed-weights.graphml')));
    expect(result.ok).toBe(true);
    expect(result.map.links.map((l) => [l.from, l.to, l.polarity, l.strength, l.attributes])).toEqual([
      ['a', 'b', '-', 0.8, { interaction: 'affects' }],
      ['b', 'a', '+', 1.5, { interaction: 'affects' }],
    ]);
    expect(summary(result.issues)).toEqual([
      ['warning', 'assumed-directed', 'signed-weights.graphml', 6, 'edgedefault'],
      ['warning', 'sign-from-weight', 'signed-weights.graphml', undefined, undefined],
    ]);
  });

  it('reports a bad polarity on its line, and files that are not GraphML', () => {
    const text = `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="p" for="edge" attr.name="polarity" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"/><node id="b"/>
    <edge source="a" target="b"><data key="p">up-ish</data></edge>
    <edge source="b" target="c"><data key="p">+</data></edge>
  </graph>
</graphml>`;
    const result = mapRead(importSystemMapGraphml({ name: 'm.graphml', text }));
    expect(summary(result.issues)).toEqual([
      ['error', 'bad-polarity', 'm.graphml', 6, 'polarity'],
      ['error', 'unknown-factor', 'm.graphml', 7, 'target'],
    ]);
    expect(mapRead(importSystemMapGraphml({ name: 'x.graphml', text: '<gexf></gexf>' })).issues[0]!.code).toBe('wrong-format');
    expect(mapRead(importSystemMapGraphml({ name: 'x.graphml', text: '<graphml><graph>' })).issues[0]!.code).toBe('not-xml');
  });
});
