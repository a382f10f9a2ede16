/**
 * `netweave analyze --wave ... --ledger ledger.csv` on the coalition sample
 * (data/samples/coalition): the ledger section of the report, and bad ledgers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Report } from '../src/engine/report/types.ts';
import { COALITION_DIR as coalition } from './helpers/samples.ts';
import { netweave } from './helpers/cli.ts';

// Each run starts a Node process (about a second).
vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'nw-ledger-'));
const at = (name: string): string => join(coalition, name);
const waves = ['--wave', `wave1=${at('survey_wave1.csv')}`, '--wave', `wave2=${at('survey_wave2.csv')}`, '--roster', at('people.csv'), '--threads', '1'];
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// Ahmed Brown and Hiroshi Smith named each other in wave 2 only (collaboration); Robert Jackson
// and William Ali are in neither wave's answers about each other (see the engine's coalition test).
const ledger = write('ledger.csv', [
  'date,weaver,personA,personB,level,kind,note',
  '2025-04-02,Ana,Ahmed Brown,hiroshi.smith@example.org,6,close-triangle,coffee',
  '2025-04-03,Ben,Robert Jackson,William Ali,1,by hand,',
  '2025-04-04,Ben,Robert Jackson,Someone Unknown,2,by hand,',
].join('\n'));

describe('netweave analyze --ledger', () => {
  it('adds the ledger section: what stuck, its relation, mutual, and the rates', async () => {
    const out = join(dir, 'report.json');
    const r = await netweave('analyze', ...waves, '--ledger', ledger, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/ledger\.csv, row 4, field "personB": "Someone Unknown" is not anyone in the project/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    const section = report.ledger!;
    expect(section.basis).toBe('last-wave');
    expect(section.introductions.map((i) => ({ a: i.personA, b: i.personB, stuck: i.stuck, mutual: i.mutual, relation: i.relation, status: i.status }))).toEqual([
      { a: 'Ahmed Brown', b: 'Hiroshi Smith', stuck: true, mutual: true, relation: 'collaborate', status: 'stuck' },
      { a: 'Robert Jackson', b: 'William Ali', stuck: false, mutual: null, relation: null, status: 'not-stuck' },
      { a: 'Robert Jackson', b: 'Someone Unknown', stuck: null, mutual: null, relation: null, status: 'not-in-project' },
    ]);
    expect(section.introductions[0]).toMatchObject({ date: '2025-04-02', weaver: 'Ana', level: 6, kind: 'close-triangle', note: 'coffee', levelWords: 'Introduced them in person' });
    expect(section.rates.byLevel.map((x) => [x.key, x.made, x.stuck, x.notStuck, x.unknown])).toEqual([['1', 1, 0, 1, 0], ['2', 1, 0, 0, 1], ['6', 1, 1, 0, 0]]);
    expect(section.rates.byKind.map((x) => [x.label, x.share])).toEqual([['Made by hand', 0], ['Introduce two people who share a contact, in different groups', 1]]);
    expect(section.rates.byWeaver.map((x) => [x.key, x.made, x.stuck, x.unknown])).toEqual([['Ana', 1, 1, 0], ['Ben', 2, 0, 1]]);
    expect(section.notInProject).toEqual(['Someone Unknown']);
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'not-in-project', row: 4 }));
  });

  it('stops on a bad level or date, naming file, row and field', async () => {
    const bad = write('bad.csv', 'date,weaver,personA,personB,level,kind,note\nyesterday,Ana,Ahmed Brown,Hiroshi Smith,2,,\n2025-04-02,Ana,Ahmed Brown,Hiroshi Smith,8,,\n');
    const r = await netweave('analyze', ...waves, '--ledger', bad, '--out', join(dir, 'no.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv, row 2, field "date": "yesterday" is not a date/);
    expect(r.stderr).toMatch(/bad\.csv, row 3, field "level": the level "8" is not a whole number from 1 to 7/);
  });

  it('does not go with --pseudonymise', async () => {
    const r = await netweave('analyze', ...waves, '--ledger', ledger, '--pseudonymise', '--key-out', join(dir, 'key.csv'), '--out', join(dir, 'p.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ledger names people/);
  });
});
