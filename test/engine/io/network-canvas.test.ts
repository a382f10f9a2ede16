import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNetworkCanvasCsv } from '../../../src/engine/io/network-canvas-csv.ts';
import { readNetworkCanvasGraphml } from '../../../src/engine/io/network-canvas-graphml.ts';
import { categoricalGroups } from '../../../src/engine/io/network-canvas.ts';
import { detectFormat } from '../../../src/engine/io/detect-format.ts';
import { importFiles } from '../../../src/engine/io/import-files.ts';
import type { SourceFile } from '../../../src/engine/io/types.ts';

const DIR = new URL('../../fixtures/formats/network-canvas/', import.meta.url);
const read = (name: string): SourceFile => ({ name, text: readFileSync(new URL(name, DIR), 'utf8') });
const csvSet = (): SourceFile[] => readdirSync(DIR).filter((n) => n.startsWith('FriendshipStudy_')).sort().map(read);

describe('Network Canvas CSV export', () => {
  it('is told by its networkCanvas columns, each file of the set', () => {
    for (const file of csvSet()) expect(detectFormat(file).kind, file.name).toBe('network-canvas');
    expect(detectFormat(read('roster.csv')).kind).toBe('nodes');
  });

  it('reads three interviews with their egos, alters by type and edges by type', () => {
    const result = readNetworkCanvasCsv(csvSet());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [ana, ben, jun] = result.value.interviews;
    expect(result.value.interviews.map((i) => [i.caseId, i.attributes.name, i.attributes.age])).toEqual([
      ['P01', 'Ana Alvarez', 34],
      ['P02', 'Ben Brooks', 41],
      ['P03', 'Jun Chen', 29],
    ]);
    expect(ana!.protocol).toBe('Friendship Study');
    expect(ben!.alters.map((a) => [a.attributes.name, a.type])).toEqual([
      ['Riverbend Library', 'Organization'],
      ['Ana Alvarez', 'Person'],
      ['Jin Chen', 'Person'],
    ]);
    expect(jun!.edges.map((e) => e.type).sort()).toEqual(['colleagues', 'friends']);
  });

  it('folds categorical option columns into one list and drops bookkeeping and layout columns', () => {
    const result = readNetworkCanvasCsv(csvSet());
    const ben = result.ok ? result.value.interviews[0]!.alters.find((a) => a.attributes.name === 'Ben Brooks') : undefined;
    expect(ben?.attributes).toEqual({ name: 'Ben Brooks', close: true, support: ['emotional', 'practical'] });
  });

  it('groups option columns by the prefix most of them share, the longer one on a tie', () => {
    const groups = categoricalGroups(['close_friend_yes', 'close_friend_no', 'quality_very_good', 'quality_very_bad', 'quality_ok', 'lonely_flag']);
    expect(Object.fromEntries(groups)).toEqual({ close_friend: ['close_friend_yes', 'close_friend_no'], quality: ['quality_very_good', 'quality_very_bad', 'quality_ok'] });
  });

  it('refuses an edge naming a node no attribute list has, with file, row and field', () => {
    const files = csvSet().filter((f) => !f.name.includes('attributeList_Organization'));
    const result = readNetworkCanvasCsv(files);
    expect(result.ok).toBe(false);
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([
      expect.objectContaining({ code: 'unknown-node', file: 'FriendshipStudy_edgeList_colleagues.csv', row: 3, field: 'networkCanvasTargetUUID' }),
    ]);
  });

  it('refuses an attribute list without its networkCanvasUUID column', () => {
    const files = csvSet().map((f) => (f.name.endsWith('_Person.csv') ? { ...f, text: f.text.replace('networkCanvasUUID', 'uuid') } : f));
    const result = readNetworkCanvasCsv(files);
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ level: 'error', code: 'missing-column', file: 'FriendshipStudy_attributeList_Person.csv', row: 1, field: 'networkCanvasUUID' }));
  });

  it('refuses a file cut short in the middle of a row', () => {
    const files = csvSet().map((f) => (f.name.endsWith('_friends.csv') ? { ...f, text: f.text.slice(0, f.text.lastIndexOf(',')) } : f));
    const result = readNetworkCanvasCsv(files);
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ level: 'error', code: 'missing-uuid', file: 'FriendshipStudy_edgeList_friends.csv', row: 4, field: 'networkCanvasTargetUUID' }));
  });

  it('read alone by the network importer, a part of the export says to import it with the rest', () => {
    const result = importFiles([read('FriendshipStudy_ego.csv')]);
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: 'network-canvas-alone', file: 'FriendshipStudy_ego.csv' });
  });
});

describe('Network Canvas GraphML export', () => {
  it('is told from generic GraphML by its nc namespace', () => {
    expect(detectFormat(read('FriendshipStudy.graphml')).kind).toBe('network-canvas-graphml');
    const plain = readFileSync(new URL('../../fixtures/formats/graphml/', import.meta.url).pathname + readdirSync(new URL('../../fixtures/formats/graphml/', import.meta.url)).find((n) => n.endsWith('.graphml'))!, 'utf8');
    expect(detectFormat({ name: 'plain.graphml', text: plain }).kind).toBe('graphml');
  });

  it('reads one interview per graph, the same as the CSV export', () => {
    const graphml = readNetworkCanvasGraphml(read('FriendshipStudy.graphml').text, 'FriendshipStudy.graphml');
    const csv = readNetworkCanvasCsv(csvSet());
    expect(graphml.ok && csv.ok).toBe(true);
    if (!graphml.ok || !csv.ok) return;
    const shape = (interviews: typeof csv.value.interviews) =>
      interviews.map((i) => ({
        ego: i.egoUuid,
        caseId: i.caseId,
        attributes: i.attributes,
        alters: i.alters.map((a) => [a.uuid, a.type, a.attributes]).sort(),
        edges: i.edges.map((e) => [e.type, e.source, e.target]).sort(),
      }));
    expect(shape(graphml.value.interviews)).toEqual(shape(csv.value.interviews));
  });

  it('names the line of an edge whose end is no node of its interview', () => {
    const text = read('FriendshipStudy.graphml').text.replace('<edge id="1" source="1" target="3">', '<edge id="1" source="1" target="9">');
    const result = readNetworkCanvasGraphml(text, 'nc.graphml');
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ level: 'error', code: 'unknown-node', file: 'nc.graphml', field: 'target', row: expect.any(Number) }));
  });

  it('refuses a file cut short', () => {
    const text = read('FriendshipStudy.graphml').text;
    const result = readNetworkCanvasGraphml(text.slice(0, text.length / 2), 'nc.graphml');
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ level: 'error', code: 'not-xml', file: 'nc.graphml' });
  });
});
