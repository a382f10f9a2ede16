/**
 * Pseudonymised data holds no name or email from the roster: the coalition sample's roster (names,
 * emails, organisations, skills) made into codes keeps its people and ties and only the attributes
 * kept, and the key puts every name back; a key that does not fit changes nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COALITION_DIR } from '../../../helpers/samples.ts';
import { importFiles } from '../../../../src/engine/io/import-files.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { pseudonymise, restoreNames } from '../../../../src/engine/features/sharing/pseudonymise.ts';
import { readCsv } from '../../../../src/engine/io/csv-read.ts';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';

const text = (name: string): string => readFileSync(`${COALITION_DIR}${name}`, 'utf8');

function coalition(): Dataset {
  const network = orThrow(importFiles([{ name: 'people.csv', text: text('people.csv') }, { name: 'ties.csv', text: 'source,target\nRobert Jackson,=cmd\n' }], { kinds: { 'people.csv': 'nodes', 'ties.csv': 'edges' } })).value;
  return network;
}

describe('pseudonymise', () => {
  it('leaves no roster name or email in the data, keeps only the attributes asked for, and the key restores the names', () => {
    const dataset = coalition();
    const roster = orThrow(readCsv(text('people.csv'), { file: 'people.csv' })).value;
    const { dataset: coded, keyCsv } = pseudonymise(dataset, { keep: ['sector'], secret: 'a project secret' });
    const written = JSON.stringify(coded);
    for (const record of roster.records) {
      expect(written).not.toContain(record.cells[0]);
      expect(written).not.toContain(record.cells[1]);
    }
    expect(coded.people.length).toBe(dataset.people.length);
    expect(coded.ties).toHaveLength(dataset.ties.length);
    expect(new Set(coded.people.flatMap((p) => Object.keys(p.attributes)))).toEqual(new Set(['sector']));
    expect(coded.people.map((p) => p.id).every((id) => /^P\d{3}$/.test(id))).toBe(true);
    // Stable for a project's secret; another secret, another order; never the order of the names.
    expect(pseudonymise(dataset, { keep: ['sector'], secret: 'a project secret' }).keyCsv).toBe(keyCsv);
    expect(pseudonymise(dataset, { keep: ['sector'], secret: 'another' }).keyCsv).not.toBe(keyCsv);
    const keyIds = keyCsv.trim().split('\n').slice(1).map((row) => row.split(',')[1]);
    expect(keyIds).not.toEqual([...keyIds].sort());
    expect(keyIds).not.toEqual(dataset.people.map((p) => p.id));
    // The people are listed in code order, not the roster's.
    expect(coded.people.map((p) => p.id)).toEqual([...coded.people.map((p) => p.id)].sort());
    // The key never lets a name run as a formula, and still restores it.
    expect(keyCsv).toContain("'=cmd");
    const restored = orThrow(restoreNames(coded, keyCsv, 'key.csv')).value;
    expect(restored.people.map((p) => [p.id, p.label]).sort()).toEqual(dataset.people.map((p) => [p.id, p.label]).sort());
    const tieKey = (t: { source: string; target: string; relation: string }): string => `${t.source}\u0000${t.target}\u0000${t.relation}`;
    expect(restored.ties.map(tieKey).sort()).toEqual(dataset.ties.map(tieKey).sort());
  });

  it('changes nothing with a key that does not fit, naming the missing codes, or with a file that is not a key', () => {
    const { dataset: coded, keyCsv } = pseudonymise(coalition());
    const short = keyCsv.split('\n').slice(0, 3).join('\n');
    const mismatch = restoreNames(coded, short, 'old-key.csv');
    expect(mismatch.ok).toBe(false);
    expect(mismatch.issues).toEqual([expect.objectContaining({ level: 'error', code: 'key-mismatch', file: 'old-key.csv', message: expect.stringContaining('nothing was changed') })]);
    const notKey = restoreNames(coded, 'source,target\na,b\n', 'ties.csv');
    expect(notKey.issues).toEqual([expect.objectContaining({ code: 'not-a-key', file: 'ties.csv', row: 1 })]);
  });
});
