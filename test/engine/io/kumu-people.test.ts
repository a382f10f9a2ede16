/**
 * A Kumu blueprint read as a people network: elements as people with their fields as attributes,
 * connections as ties in relations named by their type, names resolved by id, internal _id or
 * label, and messages by label. A Kumu workbook (Elements and Connections sheets) reads the same
 * way, element types as chosen, and what netweave writes for Kumu reads back the same.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kumuLeaning, looksLikeKumuJson, parseKumuPeople, parseKumuWorkbookPeople } from '../../../src/engine/io/kumu-people.ts';
import { isKumuWorkbook } from '../../../src/engine/io/kumu-records.ts';
import { toKumuWorkbook } from '../../../src/engine/io/kumu-writer.ts';
import type { ExportGraph } from '../../../src/engine/io/export-graph.ts';
import { workbook, workbookOf } from '../../helpers/workbook.ts';
import { detectFormat } from '../../../src/engine/io/detect-format.ts';
import { kumuJsonRecords } from '../../../src/engine/io/kumu-records.ts';
import { readSoFar } from '../../../src/engine/core/util/result.ts';
import { COALITION_DIR } from '../../helpers/samples.ts';

describe('Kumu blueprints as people networks', () => {
  it('reads the blueprint shape: people, attributes, relations from connection types, mutual as undirected', () => {
    const text = JSON.stringify({
      elements: [
        { label: 'Ana Lima', type: 'Person', tags: ['youth'], organisation: 'Riverbend Youth' },
        { label: 'Ben Okafor', type: 'Person' },
        { label: 'Green Alliance', type: 'Organization' },
      ],
      connections: [
        { from: 'Ana Lima', to: 'Ben Okafor', type: 'advises', direction: 'directed' },
        { from: 'Ben Okafor', to: 'Green Alliance', type: 'member of', direction: 'mutual', strength: 2 },
        { from: 'Ana Lima', to: 'Chen Wu' },
      ],
    });
    const read = parseKumuPeople(text, { file: 'network.json' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const part = read.value;
    expect(part.people.map((p) => p.label)).toEqual(['Ana Lima', 'Ben Okafor', 'Green Alliance', 'Chen Wu']);
    // People and an organisation side by side: each says which it is (`kind`).
    expect(part.people[0]!.attributes).toEqual({ type: 'Person', kind: 'person', tags: ['youth'], organisation: 'Riverbend Youth' });
    expect(part.people[2]!.attributes.kind).toBe('organisation');
    expect(part.ties.map((t) => [t.source, t.target, t.relation, t.directed, t.weight])).toEqual([
      ['Ana Lima', 'Ben Okafor', 'advises', true, 1],
      ['Ben Okafor', 'Green Alliance', 'member of', false, 2],
      ['Ana Lima', 'Chen Wu', 'connection', true, 1],
    ]);
    expect(read.issues.map((i) => i.code)).toEqual(['created-element']);
    expect(read.issues[0]!.message).toContain('"Chen Wu"');
  });

  it("reads Kumu's export shape: internal ids resolve connections, labels name people, a repeated label stays two people", () => {
    const text = JSON.stringify({
      elements: [
        { _id: 'elem-1', attributes: { label: 'Sam Reyes', 'element type': 'Interviewee' } },
        { _id: 'elem-2', attributes: { label: 'Sam Reyes', 'element type': 'Interviewee' } },
        { _id: 'elem-3', attributes: { label: 'Dee Park', 'element type': 'Interviewee' } },
      ],
      connections: [{ _id: 'conn-1', from: 'elem-1', to: 'elem-3', attributes: { 'connection type': 'knows', 'connection direction': 'undirected' } }],
    });
    const read = parseKumuPeople(text, { file: 'export.json' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.people.map((p) => [p.id, p.label, p.attributes.type])).toEqual([
      ['Sam Reyes', 'Sam Reyes', 'Interviewee'],
      ['elem-2', 'Sam Reyes', 'Interviewee'],
      ['Dee Park', 'Dee Park', 'Interviewee'],
    ]);
    expect(read.value.ties).toMatchObject([{ source: 'Sam Reyes', target: 'Dee Park', relation: 'knows', directed: false }]);
  });

  it('reads the coalition system map blueprint as a network of its elements, and assembles into a dataset', () => {
    const text = readFileSync(path.join(COALITION_DIR, 'systemmap', 'kumu-map.json'), 'utf8');
    const raw = JSON.parse(text) as { elements: unknown[]; connections: unknown[] };
    expect(looksLikeKumuJson(text)).toBe(true);
    const read = parseKumuPeople(text, { file: 'kumu-map.json' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.people.length).toBeGreaterThanOrEqual(raw.elements.length);
    expect(read.value.ties.length).toBe(raw.connections.length);
    expect(read.issues.every((i) => !/elem-|conn-/.test(i.message))).toBe(true);
  });

  it('refuses what is not a Kumu blueprint, naming the file and what it should be', () => {
    for (const [text, code] of [
      ['', 'empty-file'],
      ['{"nodes": []}', 'wrong-format'],
      ['{"elements": [', 'not-json'],
      ['{"elements": [3], "connections": []}', 'bad-element'],
    ] as const) {
      const read = parseKumuPeople(text, { file: 'x.json' });
      expect(read.ok).toBe(false);
      expect(read.issues[0]).toMatchObject({ level: 'error', code, file: 'x.json' });
    }
    expect(looksLikeKumuJson('{"format": "netweave-dataset"}')).toBe(false);
  });

  it('tells a system map from a people network by its content, and asks when it cannot', () => {
    const coalition = readFileSync(path.join(COALITION_DIR, 'systemmap', 'kumu-map.json'), 'utf8');
    const leaning = (text: string) => kumuLeaning(readSoFar(kumuJsonRecords(text, 'x.json'))!);
    expect(leaning(coalition)).toBe('system-map');
    const people = JSON.stringify({ elements: [{ label: 'A', type: 'Person' }, { label: 'B', type: 'Organization' }], connections: [{ from: 'A', to: 'B', type: 'member of' }] });
    expect(leaning(people)).toBe('people');
    expect(leaning(JSON.stringify({ elements: [{ label: 'A' }], connections: [{ from: 'A', to: 'B' }] }))).toBeUndefined();
    expect(detectFormat({ name: 'people.json', text: people }).kind).toBe('kumu');
    expect(detectFormat({ name: 'dataset.json', text: '{"format": "netweave-dataset", "people": []}' }).kind).toBe('json');
  });
});

/** A stakeholder workbook as Kumu's templates lay it out: interviewees, organisations and a factor. */
function stakeholderWorkbook(): Uint8Array {
  return workbookOf({
    Elements: [
      ['Label', 'Type', 'Description', 'Tags', 'Sector', 'Years'],
      ['Ana Lima', 'Interviewee', 'Youth organiser', 'youth|housing', 'Nonprofit', '4'],
      ['Ben Okafor', 'Interviewee', '', '', 'Government', '12'],
      ['Chen Wu', 'Interviewee', '', 'housing', 'Nonprofit', ''],
      ['Green Alliance', 'Organization', 'A coalition of 30 groups', '', 'Nonprofit', ''],
      ['City Fund', 'Funder', '', '', 'Philanthropy', ''],
      ['Housing costs', 'Factor', '', '', '', ''],
    ],
    Connections: [
      ['From', 'To', 'Type', 'Direction', 'Strength', 'Since'],
      ['Ana Lima|Ben Okafor', 'Green Alliance', 'member of', 'directed', '2', '2019'],
      ['Ana Lima', 'Chen Wu', '', 'mutual', '', ''],
      ['Chen Wu', 'Ben Okafor', 'advises', 'undirected', 'lots', ''],
      ['City Fund', 'Green Alliance', 'funds', '', '3', ''],
      ['Green Alliance', 'Housing costs', 'works on', '', '', ''],
      ['Ben Okafor', 'Dee Park', 'advises', '', '', ''],
    ],
  });
}

describe('Kumu workbooks as people networks', () => {
  const file = { name: 'stakeholders.xlsx', text: '', bytes: stakeholderWorkbook() };

  it('is told by its sheets, and reads elements as people and connections as ties', () => {
    expect(isKumuWorkbook(file)).toBe(true);
    expect(detectFormat(file)).toMatchObject({ kind: 'kumu' });
    expect(isKumuWorkbook({ name: 'ties.xlsx', bytes: workbook([['source', 'target'], ['a', 'b']]) })).toBe(false);
    const read = parseKumuWorkbookPeople(file);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const part = read.value;
    expect(part.people.map((p) => p.label)).toEqual(['Ana Lima', 'Ben Okafor', 'Chen Wu', 'Green Alliance', 'City Fund', 'Housing costs', 'Dee Park']);
    // Description and tags keep Kumu's names; Tags and any other `|` cell are lists; numbers are numbers.
    expect(part.people[0]!.attributes).toEqual({ type: 'Interviewee', kind: 'person', description: 'Youth organiser', tags: ['youth', 'housing'], Sector: 'Nonprofit', Years: 4 });
    expect(part.people.map((p) => p.attributes.kind)).toEqual(['person', 'person', 'person', 'organisation', 'organisation', 'factor', undefined]);
    expect(part.ties.map((t) => [t.source, t.target, t.relation, t.directed, t.weight])).toEqual([
      // A `|` in From names two elements: two ties.
      ['Ana Lima', 'Green Alliance', 'member of', true, 2],
      ['Ben Okafor', 'Green Alliance', 'member of', true, 2],
      ['Ana Lima', 'Chen Wu', 'connection', false, 1],
      ['Chen Wu', 'Ben Okafor', 'advises', false, 1],
      ['City Fund', 'Green Alliance', 'funds', true, 3],
      ['Green Alliance', 'Housing costs', 'works on', true, 1],
      ['Ben Okafor', 'Dee Park', 'advises', true, 1],
    ]);
    expect(part.ties[0]!.attributes).toEqual({ Since: 2019 });
    // Messages name the sheet, row and column, and elements by label.
    expect(read.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['bad-strength', 4, 'Strength (sheet Connections)'],
      ['created-element', undefined, undefined],
    ]);
    expect(read.issues[1]!.message).toContain('"Dee Park"');
  });

  it('reads the same people and ties as the same network written as a JSON blueprint', () => {
    const json = JSON.stringify({
      elements: [
        { label: 'Ana Lima', type: 'Interviewee', description: 'Youth organiser', tags: ['youth', 'housing'], Sector: 'Nonprofit', Years: 4 },
        { label: 'Green Alliance', type: 'Organization' },
      ],
      connections: [{ from: 'Ana Lima', to: 'Green Alliance', type: 'member of', strength: 2 }],
    });
    const sheets = workbookOf({
      Elements: [['Label', 'Type', 'Description', 'Tags', 'sector', 'years'], ['Ana Lima', 'Interviewee', 'Youth organiser', 'youth|housing', 'Nonprofit', '4'], ['Green Alliance', 'Organization', '', '', '', '']],
      Connections: [['From', 'To', 'Type', 'Strength'], ['Ana Lima', 'Green Alliance', 'member of', '2']],
    });
    const a = readSoFar(parseKumuPeople(json, { file: 'x' }))!;
    const b = readSoFar(parseKumuWorkbookPeople({ name: 'x', text: '', bytes: sheets }))!;
    expect(b.people).toEqual(a.people);
    expect(b.ties).toEqual(a.ties);
    expect(b.relations).toEqual(a.relations);
  });

  it('reads each element type as chosen: a type left out goes with its connections, said once', () => {
    const read = parseKumuWorkbookPeople(file, { typeRoles: { funder: 'leave out', Factor: 'leave out', Interviewee: 'organisation' } });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.people.map((p) => p.label)).toEqual(['Ana Lima', 'Ben Okafor', 'Chen Wu', 'Green Alliance', 'Dee Park']);
    // Everyone kept is an organisation now (Dee Park was only named): no `kind` to tell apart.
    expect(read.value.people[0]!.attributes.kind).toBeUndefined();
    expect(read.value.ties).toHaveLength(5);
    const left = read.issues.find((i) => i.code === 'left-out-elements')!;
    expect(left.message).toBe('2 elements were left out, as chosen for "Funder" (1), "Factor" (1), and with them 2 connections');
  });

  it('refuses a workbook without a Connections sheet or a From column, naming what it has', () => {
    const noConnections = parseKumuWorkbookPeople({ name: 'a.xlsx', text: '', bytes: workbookOf({ Elements: [['Label'], ['Ana']], People: [['name']] }) });
    expect(noConnections.ok).toBe(false);
    expect(noConnections.issues[0]!.message).toContain('"Elements", "People"');
    const noFrom = parseKumuWorkbookPeople({ name: 'b.xlsx', text: '', bytes: workbookOf({ Elements: [['Label'], ['Ana']], Connections: [['Source person', 'To'], ['Ana', 'Ben']] }) });
    expect(noFrom.ok).toBe(false);
    expect(noFrom.issues[0]).toMatchObject({ code: 'missing-column', file: 'b.xlsx', row: 1, field: 'sheet Connections' });
    expect(noFrom.issues[0]!.message).toContain('"Source person", "To"');
  });
});

describe('a network written as a Kumu workbook reads back the same', () => {
  it('round-trips the coalition network: people, ties, relations, weights and attributes', () => {
    const truthPeople = JSON.parse(readFileSync(path.join(COALITION_DIR, 'truth', 'people.json'), 'utf8')) as Array<Record<string, unknown> & { id: string; name: string }>;
    const truthTies = JSON.parse(readFileSync(path.join(COALITION_DIR, 'truth', 'ties.json'), 'utf8')) as Record<string, Array<[string, string]>>;
    const graph: ExportGraph = {
      directed: false,
      nodes: truthPeople.map(({ id, name, ...attributes }) => ({ id, label: name, attributes: attributes as ExportGraph['nodes'][number]['attributes'], metrics: {} })),
      edges: Object.entries(truthTies).flatMap(([relation, pairs]) => pairs.map(([source, target], i) => ({ source, target, relation, weight: 1 + (i % 3) }))),
    };
    const check = (g: ExportGraph) => {
      const read = parseKumuWorkbookPeople({ name: 'coalition.kumu.xlsx', text: '', bytes: toKumuWorkbook(g) });
      expect(read.issues).toEqual([]);
      const part = readSoFar(read)!;
      const label = new Map(part.people.map((p) => [p.id, p.label]));
      const original = new Map(g.nodes.map((n) => [n.id, n.label]));
      // Kumu needs a type: netweave writes Person for people without one.
      expect(part.people.map((p) => [p.label, p.attributes])).toEqual(g.nodes.map((n) => [n.label, { type: 'Person', ...n.attributes }]));
      expect(part.ties.map((t) => [label.get(t.source), label.get(t.target), t.relation, t.weight, t.directed])).toEqual(
        g.edges.map((e) => [original.get(e.source), original.get(e.target), e.relation, e.weight, false]),
      );
      expect(part.relations.map((r) => r.name)).toEqual(['collaborate', 'advice', 'wave2_new']);
    };
    check(graph);
    // Two people named alike: written with Kumu's ID column, still two people.
    const twins = { ...graph, nodes: graph.nodes.map((n, i) => (i === 1 ? { ...n, label: graph.nodes[0]!.label } : n)) };
    check(twins);
  });
});
