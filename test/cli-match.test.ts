/**
 * `netweave match`: mentees and mentors in, a pairs CSV out; re-solving with locks and rejections
 * written into that CSV; not enough places; bad input.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { readCsv } from '../src/engine/io/csv-read.ts';
import { readSoFar } from '../src/engine/core/util/result.ts';
import { netweave } from './helpers/cli.ts';

// Each run starts a Node process (about a second); several run per test.
vi.setConfig({ testTimeout: 60_000 });
const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'test/fixtures/matching');
const mentees = join(fixtures, 'mentees.csv');
const mentors = join(fixtures, 'mentors.csv');


const tmp = (): string => mkdtempSync(join(tmpdir(), 'nw-match-'));
const rows = (file: string) => readSoFar(readCsv(readFileSync(file, 'utf8'), { file: 'pairs.csv' }))!;
const cell = (t: ReturnType<typeof rows>, r: number, name: string): string => t.records[r]!.cells[t.headers.indexOf(name)]!;

describe('netweave match', () => {
  it('writes one row per mentee with the mentor, score and an explanation', async () => {
    const dir = tmp();
    const out = join(dir, 'pairs.csv');
    const r = await netweave('match', '--mentees', mentees, '--mentors', mentors, '--bridge', '--out', out, '--report', join(dir, 'match.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('netweave: 12 of 12 mentees matched to 8 mentors (12 places)');
    const table = rows(out);
    expect(table.headers).toEqual(['mentee', 'mentor', 'score', 'goal_fit', 'goals_met', 'bridging', 'identity', 'locked', 'explanation', 'mentee_id', 'mentor_id', 'action']);
    expect(table.records).toHaveLength(12);
    for (let i = 0; i < 12; i++) {
      expect(cell(table, i, 'mentor')).not.toBe('');
      expect(cell(table, i, 'explanation')).toMatch(new RegExp(`^${cell(table, i, 'mentee')} with ${cell(table, i, 'mentor')}: `));
    }
    const diego = table.records.findIndex((rec) => rec.cells[0] === 'Diego Peterson');
    expect(cell(table, diego, 'mentor')).toBe('Patrick Rivera');
    expect(cell(table, diego, 'bridging')).toBe('sector: Business -> Government');
    const json = JSON.parse(readFileSync(join(dir, 'match.json'), 'utf8')) as { format: string; placed: number; settings: { bridge: boolean; bridgeBy: string } };
    expect(json).toMatchObject({ format: 'netweave-matching', placed: 12, settings: { bridge: true, bridgeBy: 'sector' } });
  });

  it('re-solves with the locks and rejections written into its own CSV', async () => {
    const dir = tmp();
    const out = join(dir, 'pairs.csv');
    expect((await netweave('match', '--mentees', mentees, '--mentors', mentors, '--out', out)).code).toBe(0);
    const table = rows(out);
    const at = (name: string) => table.records.findIndex((rec) => rec.cells[0] === name);
    const kwameMentor = cell(table, at('Kwame Rivera'), 'mentor');
    const diegoMentor = cell(table, at('Diego Peterson'), 'mentor');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const edited = lines.map((line, i) => (i === at('Kwame Rivera') + 1 ? line.replace(/,$/, ',lock') : i === at('Diego Peterson') + 1 ? line.replace(/,$/, ',reject') : line));
    writeFileSync(join(dir, 'edited.csv'), `${edited.join('\n')}\n`);
    const again = join(dir, 'again.csv');
    const r = await netweave('match', '--mentees', mentees, '--mentors', mentors, '--lock', join(dir, 'edited.csv'), '--out', again);
    expect(r.code, r.stderr).toBe(0);
    const next = rows(again);
    const nextAt = (name: string) => next.records.findIndex((rec) => rec.cells[0] === name);
    expect(cell(next, nextAt('Kwame Rivera'), 'mentor')).toBe(kwameMentor);
    expect(cell(next, nextAt('Kwame Rivera'), 'locked')).toBe('yes');
    expect(cell(next, nextAt('Diego Peterson'), 'mentor')).not.toBe(diegoMentor);
  });

  it('with more mentees than places: a warning, the best partial assignment, the reason for each mentee left out', async () => {
    const dir = tmp();
    const few = readFileSync(mentors, 'utf8').replace(/,2$/gm, ',1');
    writeFileSync(join(dir, 'mentors.csv'), few);
    const out = join(dir, 'pairs.csv');
    const r = await netweave('match', '--mentees', mentees, '--mentors', join(dir, 'mentors.csv'), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: 12 mentees but only 8 mentor places: 4 mentees are left without a mentor/);
    const table = rows(out);
    expect(table.records).toHaveLength(12);
    const unplaced = table.records.filter((rec) => rec.cells[1] === '');
    expect(unplaced).toHaveLength(4);
    for (const rec of unplaced) expect(rec.cells[8]).toMatch(/ has no mentor: /);
  });

  it('counts network communities for bridging with --network', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ties.csv'), 'source,target\nHiroshi Smith,Fatima Nowak\nFatima Nowak,Robert Müller\nRobert Müller,Hiroshi Smith\nPatrick Rivera,Elena Singh\nElena Singh,Jennifer Nguyen\nJennifer Nguyen,Patrick Rivera\n');
    const r = await netweave('match', '--mentees', mentees, '--mentors', mentors, '--bridge', '--bridge-by', 'no such column', '--network', join(dir, 'ties.csv'), '--report', join(dir, 'm.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/were not found with ties in the network/);
    const json = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')) as { pairs: Array<{ bridging: { by: string } | null }> };
    expect(json.pairs.some((p) => p.bridging?.by === 'community')).toBe(true);
  });

  it('says what is wrong with the command line or the files', async () => {
    const usage = await netweave('match', '--mentees', mentees);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/needs --mentees FILE and --mentors FILE/);
    expect((await netweave('match', '--help')).stdout).toMatch(/netweave match --mentees mentees\.csv/);
    const dir = tmp();
    writeFileSync(join(dir, 'bad.csv'), 'favourite colour\nblue\n');
    const bad = await netweave('match', '--mentees', join(dir, 'bad.csv'), '--mentors', mentors);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv, row 1: no column says who each mentee is/);
    expect(bad.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
