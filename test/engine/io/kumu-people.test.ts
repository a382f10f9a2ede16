/**
 * A Kumu blueprint read as a people network: elements as people with their fields as attributes,
 * connections as ties in relations named by their type, names resolved by id, internal _id or
 * label, and messages by label.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kumuLeaning, looksLikeKumuJson, parseKumuPeople } from '../../../src/engine/io/kumu-people.ts';
import { detectFormat } from '../../../src/engine/io/detect-format.ts';
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
    expect(part.people[0]!.attributes).toEqual({ type: 'Person', tags: ['youth'], organisation: 'Riverbend Youth' });
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
    expect(kumuLeaning(coalition)).toBe('system-map');
    const people = JSON.stringify({ elements: [{ label: 'A', type: 'Person' }, { label: 'B', type: 'Organization' }], connections: [{ from: 'A', to: 'B', type: 'member of' }] });
    expect(kumuLeaning(people)).toBe('people');
    expect(kumuLeaning(JSON.stringify({ elements: [{ label: 'A' }], connections: [{ from: 'A', to: 'B' }] }))).toBeUndefined();
    expect(detectFormat({ name: 'people.json', text: people }).kind).toBe('kumu');
    expect(detectFormat({ name: 'dataset.json', text: '{"format": "netweave-dataset", "people": []}' }).kind).toBe('json');
  });
});
