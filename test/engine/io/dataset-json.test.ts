import { partOf } from './read-part.ts';
import { describe, expect, it } from 'vitest';
import { DATASET_VERSION } from '../../../src/engine/core/model/dataset.ts';
import { parseDatasetJson } from '../../../src/engine/io/dataset-json.ts';
import { locateJsonError } from '../../../src/engine/io/json-locate.ts';
import { MIGRATIONS, migrateDataset } from '../../../src/engine/io/migrations.ts';
import { fixture } from './fixtures.ts';

const saved = {
  format: 'netweave-dataset',
  version: 1,
  name: 'Coalition',
  description: 'two waves',
  people: [
    { id: 'a', label: 'Ana', attributes: { sector: 'Health' } },
    { id: 'b', label: 'Ben' },
  ],
  relations: [{ name: 'advice', directed: true, description: 'who asks whom' }],
  ties: [
    { source: 'a', target: 'b', relation: 'advice', directed: true, weight: 2, wave: '1' },
    { source: 'a', target: 'b', relation: 'advice', directed: true, weight: 1, wave: '2' },
  ],
  attendance: [{ person: 'a', event: 'Session 1', date: '2025-03-22' }],
  mentorships: [{ mentor: 'a', mentee: 'b', season: '2023' }],
};

describe('parseDatasetJson', () => {
  it('reads a current dataset, keeping name, description, waves and records', () => {
    const part = partOf(parseDatasetJson(JSON.stringify(saved, null, 2), { file: 'coalition.json' }));
    expect(part.issues).toEqual([]);
    expect(part.name).toBe('Coalition');
    expect(part.description).toBe('two waves');
    expect(part.people[1]).toEqual({ id: 'b', label: 'Ben', attributes: {} });
    // Same pair, different waves: two ties, not a duplicate.
    expect(part.ties).toHaveLength(2);
    expect(part.relations).toEqual(saved.relations);
    expect(part.attendance).toEqual(saved.attendance);
    expect(part.mentorships).toEqual(saved.mentorships);
  });

  it('migrates a version 0 file and says so', () => {
    const part = partOf(parseDatasetJson(fixture('legacy-v0.json'), { file: 'legacy.json' }));
    expect(part.issues).toEqual([
      expect.objectContaining({ level: 'warning', code: 'old-version', file: 'legacy.json', field: 'version' }),
    ]);
    expect(part.name).toBe('Old coalition map');
    expect(part.people).toEqual([
      { id: '1', label: 'Ana Lima', attributes: { sector: 'Health' } },
      { id: '2', label: '2', attributes: { sector: 'Education', skills: ['budgeting', 'media'] } },
      { id: 'caro', label: 'Carolina Ruiz', attributes: {} },
    ]);
    expect(part.ties).toEqual([
      { source: '1', target: '2', relation: 'tie', directed: false, weight: 2 },
      { source: '2', target: 'caro', relation: 'advice', directed: true, weight: 1 },
      { source: '1', target: 'caro', relation: 'tie', directed: false, weight: 1, attributes: { since: 2019 } },
    ]);
    expect(part.relations).toEqual([
      { name: 'tie', directed: false },
      { name: 'advice', directed: true },
    ]);
  });

  it('refuses a file from a newer netweave', () => {
    const part = partOf(parseDatasetJson(fixture('future-version.json'), { file: 'future.json' }));
    expect(part.people).toEqual([]);
    expect(part.issues).toHaveLength(1);
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'newer-version', file: 'future.json', field: 'version' });
    expect(part.issues[0]?.row).toBeUndefined();
    expect(part.issues[0]?.message).toContain('made by a newer version of netweave');
  });

  it('refuses a file without a version, or with a version that is not a whole number', () => {
    const missing = partOf(parseDatasetJson('{"people": []}', { file: 'x.json' }));
    expect(missing.issues).toEqual([
      expect.objectContaining({ level: 'error', code: 'missing-version', file: 'x.json', field: 'version' }),
    ]);
    const odd = partOf(parseDatasetJson('{"version": "1", "people": []}', { file: 'x.json' }));
    expect(odd.issues[0]).toMatchObject({ level: 'error', code: 'bad-version', field: 'version' });
  });

  it('refuses JSON that is some other format', () => {
    expect(partOf(parseDatasetJson('[1, 2]', { file: 'x.json' })).issues[0]?.code).toBe('wrong-format');
    const kumu = partOf(parseDatasetJson('{"format": "kumu", "version": 1}', { file: 'x.json' }));
    expect(kumu.issues[0]).toMatchObject({ code: 'wrong-format', field: 'format' });
  });

  it('reports invalid JSON with its line and column', () => {
    const text = '{\n  "version": 1,\n  "people": [\n    { "id": "a", "label": "A" }\n    { "id": "b" }\n  ]\n}\n';
    const part = partOf(parseDatasetJson(text, { file: 'broken.json' }));
    expect(part.issues).toHaveLength(1);
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'not-json', file: 'broken.json', row: 5 });
    expect(part.issues[0]?.message).toContain('line 5, column 5');
    expect(part.issues[0]?.message).toContain('a comma is missing');
  });

  it('reports schema problems with the dotted path as field and no row', () => {
    const bad = {
      version: 1,
      people: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 'c', label: 3 },
        { label: 'D' },
      ],
      ties: [{ source: 'a', target: 'b', weight: -1 }],
    };
    const part = partOf(parseDatasetJson(JSON.stringify(bad), { file: 'bad.json' }));
    expect(part.issues.map((i) => [i.level, i.file, i.row, i.field, i.message])).toEqual([
      ['error', 'bad.json', undefined, 'people.2.label', 'should be text, not the number 3'],
      ['error', 'bad.json', undefined, 'people.3.id', 'missing'],
      ['error', 'bad.json', undefined, 'ties.0.weight', 'a weight must be a positive number'],
    ]);
  });

  it('reports duplicate ties and self-loops with the tie path as field', () => {
    const data = {
      version: 1,
      people: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }],
      ties: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a', weight: 2 },
        { source: 'a', target: 'a' },
      ],
    };
    const part = partOf(parseDatasetJson(JSON.stringify(data), { file: 'd.json' }));
    expect(part.ties[0]?.weight).toBe(3);
    expect(part.issues.map((i) => [i.code, i.field])).toEqual([
      ['duplicate-edge', 'ties.1'],
      ['self-loop', 'ties.2'],
    ]);
    expect(part.issues[0]?.message).toContain('ties.0');
  });
});

describe('migrations', () => {
  it('has a step from every version below the current one', () => {
    for (let version = 0; version < DATASET_VERSION; version++) expect(MIGRATIONS.has(version)).toBe(true);
  });

  it('migrates without changing its input', () => {
    const input = { version: 0, nodes: [{ id: 1 }], edges: [] };
    const frozen = JSON.stringify(input);
    const result = migrateDataset(input, 0);
    expect(JSON.stringify(input)).toBe(frozen);
    expect(result?.applied).toEqual([0]);
    expect(result?.data).toMatchObject({ version: 1, people: [{ id: '1', label: '1', attributes: {} }], ties: [] });
  });

  it('passes shapes it does not understand on to validation', () => {
    const part = partOf(parseDatasetJson('{"version": 0, "nodes": "none"}', { file: 'v0.json' }));
    expect(part.issues).toContainEqual(expect.objectContaining({ level: 'error', field: 'people', message: 'should be a list, not the text "none"' }));
  });
});

describe('locateJsonError', () => {
  it('finds nothing wrong in valid JSON, including deep nesting', () => {
    expect(locateJsonError('{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"]}')).toBeUndefined();
    expect(locateJsonError('['.repeat(100_000) + ']'.repeat(100_000))).toBeUndefined();
  });

  it('names the usual mistakes and where they are', () => {
    expect(locateJsonError('{"a": 1,}')).toMatchObject({ line: 1, column: 9, message: expect.stringContaining('extra comma') });
    expect(locateJsonError("{'a': 1}")).toMatchObject({ column: 2, message: expect.stringContaining('single quote') });
    expect(locateJsonError('{"a": [1, 2}')).toMatchObject({ column: 12, message: expect.stringContaining('comma is missing') });
    expect(locateJsonError('{"a": "b')).toMatchObject({ column: 7, message: 'a text in double quotes is never closed' });
    expect(locateJsonError('{"a": 1}\n{"b": 2}')).toMatchObject({ line: 2, column: 1 });
    expect(locateJsonError('{"a": 1')).toMatchObject({ message: expect.stringContaining('ends too early') });
  });
});
