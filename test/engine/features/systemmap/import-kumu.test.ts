import { describe, expect, it } from 'vitest';
import { importKumuJson } from '../../../../src/engine/features/systemmap/import-kumu.ts';
import { importKumuSheets, importKumuSheetsCsv, kumuWorkbookParts } from '../../../../src/engine/features/systemmap/import-kumu-sheets.ts';
import { assembleSystemMap } from '../../../../src/engine/features/systemmap/assemble.ts';
import { workbookOf } from '../../../helpers/workbook.ts';
import { readCsv } from '../../../../src/engine/io/csv-read.ts';
import { readSoFar } from '../../../../src/engine/core/util/result.ts';
import { importSystemMapFiles } from '../../../../src/engine/features/systemmap/import-files.ts';
import { findFeedbackLoops } from '../../../../src/engine/features/systemmap/loops.ts';
import { fixture, mapRead } from './helpers.ts';

const summary = (issues: ReadonlyArray<{ level: string; code: string; file?: string; row?: number; field?: string }>) =>
  issues.map((i) => [i.level, i.code, i.file, i.row, i.field]);

describe('Kumu JSON blueprints', () => {
  it('reads the coalition sample: 25 factors and 36 links, like the CSV files', () => {
    const result = mapRead(importKumuJson(fixture('coalition/kumu-map.json')));
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.map.factors).toHaveLength(25);
    expect(result.map.factors[0]).toMatchObject({ id: 'Coal plant emissions', label: 'Coal plant emissions', attributes: { type: 'Factor' } });
    expect(result.map.links).toHaveLength(36);
  });

  describe('compound types, ids, mutual links, actors', () => {
    const result = mapRead(importKumuJson(fixture('kumu-compound.json')));
    const link = (from: string, to: string) => result.map.links.find((l) => l.from === from && l.to === to);

    it('maps ++ and -- to strong links and +- / -+ to ambiguous links with the first sign', () => {
      expect(result.ok).toBe(true);
      expect(link('e1', 'e2')).toMatchObject({ polarity: '+', strength: 2 });
      expect(link('e2', 'e3')).toMatchObject({ polarity: '-', strength: 1 });
      expect(link('e3', 'e4')).toMatchObject({ polarity: '+', ambiguous: true, note: 'depends on who stays' });
      expect(link('e4', 'e1')).toMatchObject({ polarity: '-', ambiguous: true });
      expect(summary(result.issues)).toEqual([
        ['warning', 'kumu-loops', 'kumu-compound.json', undefined, undefined],
        ['warning', 'ambiguous-polarity', 'kumu-compound.json', 12, 'connections.2.type'],
        ['warning', 'ambiguous-polarity', 'kumu-compound.json', 13, 'connections.3.type'],
        // The mutual connection's reverse (e2 -> e3) repeats the "--" link: kept once.
        ['warning', 'duplicate-link', 'kumu-compound.json', 14, 'connections.4.from'],
        ['warning', 'self-loop', 'kumu-compound.json', 16, 'connections.6.to'],
      ]);
    });

    it('refers by id, keeps labels, descriptions, tags (list or |) and custom fields', () => {
      expect(result.map.factors.map((f) => [f.id, f.label, f.tags])).toEqual([
        ['e1', 'Housing costs', ['housing', 'cost']],
        ['e2', 'Displacement', ['housing', 'people']],
        ['e3', 'Community cohesion', []],
        ['e4', 'Tenant organizing', []],
      ]);
      expect(result.map.factors[0]!.description).toBe('Rent and prices');
      expect(result.map.factors[2]!.attributes).toEqual({ type: 'Factor', Owner: 'Working group 2' });
    });

    it('adds both directions of a mutual connection, and keeps a delayed self-loop', () => {
      expect(link('e3', 'e2')).toMatchObject({ polarity: '-' });
      expect(link('e2', 'e3')).toMatchObject({ polarity: '-' });
      expect(link('e1', 'e1')).toMatchObject({ polarity: '+', delay: true });
    });

    it('reads Organization elements as actors and "works on" connections as the overlay', () => {
      expect(result.map.actors).toEqual([{ id: 'o1', label: 'Tenants United', attributes: { type: 'Organization', sector: 'Nonprofit' } }]);
      expect(result.map.worksOn).toEqual([{ actor: 'o1', factor: 'e4' }]);
    });

    it('flags loops through an ambiguous link as uncertain', () => {
      const loops = findFeedbackLoops(result.map);
      const long = loops.loops.find((l) => l.length === 4)!;
      expect(long.uncertain).toBe(true);
      expect(long.sentence).toContain('may differ');
      const self = loops.loops.find((l) => l.length === 1)!;
      expect(self).toMatchObject({ type: 'R', uncertain: false, delays: 1 });
    });
  });

  it('reports a type that is not a polarity and an unknown element, with line and path', () => {
    const result = mapRead(importKumuJson(fixture('kumu-bad.json')));
    expect(result.ok).toBe(false);
    expect(summary(result.issues)).toEqual([
      ['error', 'bad-polarity', 'kumu-bad.json', 8, 'connections.1.type'],
      ['error', 'unknown-factor', 'kumu-bad.json', 9, 'connections.2.to'],
    ]);
  });

  it('explains invalid JSON with its line, and a JSON that is not a blueprint', () => {
    const broken = mapRead(importKumuJson({ name: 'k.json', text: '{\n "elements": [\n  {"label": "A"},\n ]\n}' }));
    expect(summary(broken.issues)).toEqual([['error', 'not-json', 'k.json', 4, undefined]]);
    const other = mapRead(importKumuJson({ name: 'k.json', text: '{"people": []}' }));
    expect(other.issues[0]!.code).toBe('wrong-format');
  });

  it('reads Kumu\'s export shape (_id, values under attributes) and creates elements from connections like Kumu', () => {
    const text = JSON.stringify({
      elements: [{ _id: 'x1', attributes: { label: 'Jobs', 'element type': 'Factor', tags: ['economy'] } }],
      connections: [{ _id: 'c1', from: 'x1', to: 'x1', attributes: { 'connection type': '-' } }],
    });
    const result = mapRead(importKumuJson({ name: 'export.json', text }));
    // The internal _id resolves the connection; the label is what the map and its messages show.
    expect(result.map.factors).toEqual([{ id: 'Jobs', label: 'Jobs', description: '', tags: ['economy'], attributes: { 'element type': 'Factor' } }]);
    expect(result.map.links).toMatchObject([{ id: 'c1', from: 'Jobs', to: 'Jobs', polarity: '-' }]);
    const onlyConnections = mapRead(importKumuJson({ name: 'c.json', text: '{"connections": [{"from": "A", "to": "B", "type": "+"}]}' }));
    expect(onlyConnections.ok).toBe(true);
    expect(onlyConnections.map.factors.map((f) => f.id)).toEqual(['A', 'B']);
  });
});

describe('Kumu-style spreadsheets', () => {
  it('reads Elements and Connections sheets saved as CSV: | lists in From, ++, actors', () => {
    const result = mapRead(importKumuSheetsCsv({ elements: fixture('kumu-elements.csv'), connections: fixture('kumu-connections.csv') }));
    expect(result.ok).toBe(true);
    expect(result.map.factors.map((f) => [f.id, f.tags])).toEqual([
      ['Public demand', ['demand', 'public']],
      ['Political will', ['policy']],
      ['Carbon price', ['policy', 'economy']],
    ]);
    expect(result.map.factors[0]!.description).toBe('How much the public asks for it');
    expect(result.map.links.map((l) => [l.from, l.to, l.polarity, l.strength])).toEqual([
      ['Public demand', 'Political will', '+', 2],
      ['Carbon price', 'Political will', '+', 2],
      ['Political will', 'Carbon price', '+', 2],
      ['Political will', 'Public demand', '-', 1],
    ]);
    expect(result.map.actors.map((a) => a.id)).toEqual(['Green Alliance']);
    expect(result.map.worksOn).toEqual([{ actor: 'Green Alliance', factor: 'Carbon price' }]);
  });

  it('takes CsvTables, so any sheet reader producing one works the same', () => {
    const elements = readSoFar(readCsv(fixture('kumu-elements.csv').text, { file: 'map.xlsx: Elements' }))!;
    const connections = readSoFar(readCsv('From,To,Type\nPolitical will,Carbon price,?\n', { file: 'map.xlsx: Connections' }))!;
    const result = mapRead(importKumuSheets({ elements, connections }));
    expect(summary(result.issues)).toEqual([['error', 'bad-polarity', 'map.xlsx: Connections', 2, 'Type']]);
  });

  it('keeps connections without a type as uncertain links, reported once by element labels, never by internal ids', () => {
    const text = JSON.stringify({
      elements: [
        { _id: 'elem-Aa1', attributes: { label: 'Trust', 'element type': 'Factor' } },
        { _id: 'elem-Bb2', attributes: { label: 'Turnout', 'element type': 'Factor' } },
        { _id: 'elem-Cc3', attributes: { label: 'Trust', 'element type': 'Factor' } },
        { _id: 'elem-Dd4', attributes: { label: 'Maria Lopez', 'element type': 'Interviewee' } },
      ],
      connections: [
        { _id: 'conn-1', from: 'elem-Aa1', to: 'elem-Bb2' },
        { _id: 'conn-2', from: 'elem-Bb2', to: 'elem-Cc3' },
        { _id: 'conn-3', from: 'elem-Cc3', to: 'elem-Aa1', attributes: { 'connection type': '-' } },
      ],
    });
    const result = mapRead(importKumuJson({ name: 'changelabs.json', text }));
    expect(result.ok).toBe(true);
    // Two elements named alike stay two factors; the interviewee is a person, not a factor.
    expect(result.map.factors.map((f) => f.label)).toEqual(['Trust', 'Turnout', 'Trust']);
    expect(result.map.actors.map((a) => a.label)).toEqual(['Maria Lopez']);
    expect(result.map.links.map((l) => [l.polarity, l.ambiguous ?? false])).toEqual([
      ['+', true],
      ['+', true],
      ['-', false],
    ]);
    const unsigned = result.issues.filter((i) => i.code === 'unsigned-link');
    expect(unsigned).toHaveLength(1);
    expect(unsigned[0]!.message).toContain('2 connections have no type');
    expect(unsigned[0]!.message).toContain('Trust → Turnout');
    expect(result.issues.map((i) => i.message).join(' ')).not.toMatch(/elem-|conn-/);
  });

  it('reads a Kumu workbook (Elements and Connections sheets) into the same map as the two sheets saved as CSV', () => {
    const rows = (name: string) => readSoFar(readCsv(fixture(name).text, { file: name }))!;
    const table = (name: string) => [rows(name).headers, ...rows(name).records.map((r) => r.cells)];
    const bytes = workbookOf({ Elements: table('kumu-elements.csv'), Connections: table('kumu-connections.csv') });
    const fromWorkbook = mapRead(assembleSystemMap(kumuWorkbookParts({ name: 'map.xlsx', text: '', bytes })));
    const fromCsv = mapRead(importKumuSheetsCsv({ elements: fixture('kumu-elements.csv'), connections: fixture('kumu-connections.csv') }));
    expect(fromWorkbook.ok).toBe(true);
    expect(fromWorkbook.map.factors).toEqual(fromCsv.map.factors);
    expect(fromWorkbook.map.links).toEqual(fromCsv.map.links);
    expect(fromWorkbook.map.actors).toEqual(fromCsv.map.actors);
    const noConnections = mapRead(assembleSystemMap(kumuWorkbookParts({ name: 'other.xlsx', text: '', bytes: workbookOf({ People: [['name'], ['Ana']] }) })));
    expect(noConnections.ok).toBe(false);
    expect(noConnections.issues[0]).toMatchObject({ code: 'no-connections-sheet', file: 'other.xlsx' });
    expect(noConnections.issues[0]!.message).toContain('"People"');
  });
});

describe('Kumu element types read as chosen', () => {
  const rows = (name: string) => readSoFar(readCsv(fixture(name).text, { file: name }))!;
  const table = (name: string) => [rows(name).headers, ...rows(name).records.map((r) => r.cells)];

  it('reads a dropped Kumu workbook as a map, and its types as the user chose: a factor, an actor, left out', () => {
    const bytes = workbookOf({ Elements: table('kumu-elements.csv'), Connections: table('kumu-connections.csv') });
    const file = { name: 'map.xlsx', text: '', bytes, kind: 'map-kumu' as const };
    const plain = mapRead(importSystemMapFiles([file]));
    expect(plain.ok).toBe(true);
    expect(plain.map.factors.map((f) => f.label)).toEqual(['Public demand', 'Political will', 'Carbon price']);
    expect(plain.map.actors.map((a) => a.label)).toEqual(['Green Alliance']);
    // The organisation as a factor: its "works on" connection stays an actor's entry, so it is made an actor again.
    const asFactor = mapRead(importSystemMapFiles([{ ...file, typeRoles: { organization: 'factor' } }]));
    expect(asFactor.map.factors.map((f) => f.label)).toContain('Green Alliance');
    // The organisation's type left out: its works-on connection goes with it.
    const rolesOut = mapRead(importSystemMapFiles([{ ...file, typeRoles: { Organization: 'leave out' } }]));
    expect(rolesOut.ok).toBe(true);
    expect(rolesOut.map.actors).toEqual([]);
    expect(rolesOut.issues.find((i) => i.code === 'left-out-elements')!.message).toBe('1 element was left out, as chosen for "Organization" (1), and with them 1 connection');
  });

  it('reads a ChangeLabs-style blueprint with its interviewees as factors, or left out, when chosen', () => {
    const text = JSON.stringify({
      elements: [
        { _id: 'elem-1', attributes: { label: 'Trust', 'element type': 'Factor' } },
        { _id: 'elem-2', attributes: { label: 'Turnout', 'element type': 'Factor' } },
        { _id: 'elem-3', attributes: { label: 'Maria Lopez', 'element type': 'Interviewee' } },
      ],
      connections: [
        { _id: 'conn-1', from: 'elem-1', to: 'elem-2', attributes: { 'connection type': '+' } },
        { _id: 'conn-2', from: 'elem-2', to: 'elem-1', attributes: { 'connection type': '+' } },
        { _id: 'conn-3', from: 'elem-3', to: 'elem-1', attributes: { 'connection type': '+' } },
      ],
    });
    const byDefault = mapRead(importKumuJson({ name: 'changelabs.json', text }));
    expect(byDefault.map.actors.map((a) => a.label)).toEqual(['Maria Lopez']);
    const asFactors = mapRead(importKumuJson({ name: 'changelabs.json', text }, { typeRoles: { interviewee: 'factor' } }));
    expect(asFactors.map.factors.map((f) => f.label)).toEqual(['Trust', 'Turnout', 'Maria Lopez']);
    expect(asFactors.map.links).toHaveLength(3);
    const leftOut = mapRead(importKumuJson({ name: 'changelabs.json', text }, { typeRoles: { Interviewee: 'leave out' } }));
    expect(leftOut.ok).toBe(true);
    expect(leftOut.map.factors.map((f) => f.label)).toEqual(['Trust', 'Turnout']);
    expect(leftOut.map.links).toHaveLength(2);
    const message = leftOut.issues.find((i) => i.code === 'left-out-elements')!.message;
    expect(message).toBe('1 element was left out, as chosen for "Interviewee" (1), and with them 1 connection');
    expect(leftOut.issues.map((i) => i.message).join(' ')).not.toMatch(/elem-|conn-/);
  });
});
