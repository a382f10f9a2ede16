/**
 * `netweave circles`: the coalition sample's roster as participants (test/engine/features/circles/
 * coalition-circles.ts) with its true ties as the network file and its mentorships as last
 * season; circle,person rows out, the JSON with explanations and baselines, the same circles
 * from the same seed, locks kept from its own CSV, and bad command lines and files.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { netweave } from './helpers/cli.ts';
import { CLASSIC_DIR, COALITION_DIR } from './helpers/samples.ts';
import { participantsCsv } from './engine/features/circles/coalition-circles.ts';

// Each run starts a Node process (about a second); several run per test.
vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'nw-circles-'));
const participants = join(dir, 'participants.csv');
writeFileSync(participants, participantsCsv());
const people = JSON.parse(readFileSync(`${COALITION_DIR}truth/people.json`, 'utf8')) as Array<{ id: string; email: string }>;
const email = new Map(people.map((p) => [p.id, p.email]));
const truth = JSON.parse(readFileSync(`${COALITION_DIR}truth/ties.json`, 'utf8')) as Record<'collaborate' | 'advice', Array<[string, string]>>;
const ties = join(dir, 'ties.csv');
writeFileSync(ties, ['source,target,relation', ...(['collaborate', 'advice'] as const).flatMap((rel) => truth[rel].map(([a, b]) => `${email.get(a)},${email.get(b)},${rel}`))].join('\n') + '\n');
const mentorships = `${COALITION_DIR}mentorships.csv`;
const rules = ['--across', 'work unit', '--reports-to', 'reports to', '--identity', 'circle wish', '--previous', mentorships];
const csvRows = (text: string): string[][] => text.trim().split('\n').map((line) => line.split(','));

interface CirclesJson {
  format: string;
  circles: Array<{ name: string; explanation: string; members: Array<{ id: string }> }>;
  metrics: { newPairs: number; pairs: number; circles: number; circlesMeetingUnitRule: number };
  baselines: { random: { newPairs: number }; greedy: { newPairs: number } };
  relaxed: unknown[];
  unknownReportsTo: Array<{ written: string }>;
  settings: { seed: number; across: string };
}

describe('netweave circles', () => {
  it('writes circle,person rows and, for a .json --out, the circles explained with the baselines', async () => {
    const out = join(dir, 'circles.json');
    const r = await netweave('circles', '--participants', participants, ties, ...rules, '--seed', '7', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/netweave: 24 circles of 120 participants: (\d+) of 240 pairs new \(random \d+, greedy \d+\); 24 of 24 circles hold 3 or more work unit values; 0 rules relaxed -> .*circles\.json, .*circles\.csv/);
    expect(r.stderr).toMatch(/warning: .*Quentin Nobody-Known/);
    const rows = csvRows(readFileSync(join(dir, 'circles.csv'), 'utf8'));
    expect(rows[0]).toEqual(['circle', 'person']);
    expect(rows).toHaveLength(121);
    expect(new Set(rows.slice(1).map((row) => row[1])).size).toBe(120);
    const json = JSON.parse(readFileSync(out, 'utf8')) as CirclesJson;
    expect(json).toMatchObject({ format: 'netweave-circles', relaxed: [], settings: { seed: 7, across: 'work unit' }, unknownReportsTo: [{ written: 'Quentin Nobody-Known' }] });
    expect(json.metrics.newPairs).toBeGreaterThan(json.baselines.random.newPairs);
    expect(json.metrics.newPairs).toBeGreaterThan(json.baselines.greedy.newPairs);
    expect(json.metrics.circlesMeetingUnitRule).toBe(json.metrics.circles);
    for (const c of json.circles) expect(c.explanation).toMatch(/^\d+ units, \d+ of \d+ pairs new/);
    // The CSV's person is the JSON's member id.
    expect(rows.slice(1).map((row) => `${row[0]}|${row[1]}`)).toEqual(json.circles.flatMap((c) => c.members.map((m) => `${c.name}|${m.id}`)));
  });

  it('gives the same circles for the same seed, and keeps locked rows when solving again', async () => {
    const first = await netweave('circles', '--participants', participants, ties, ...rules, '--seed', '3');
    const second = await netweave('circles', '--participants', participants, ties, ...rules, '--seed', '3');
    expect(first.code, first.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const rows = csvRows(first.stdout);
    const kept = [rows[0]!, ...rows.slice(1, 4), ...rows.slice(60, 62)];
    writeFileSync(join(dir, 'lock.csv'), kept.map((row) => row.join(',')).join('\n') + '\n');
    const out = join(dir, 'again.csv');
    const again = await netweave('circles', '--participants', participants, ties, ...rules, '--seed', '11', '--lock', join(dir, 'lock.csv'), '--out', out);
    expect(again.code, again.stderr).toBe(0);
    const next = readFileSync(out, 'utf8').trim().split('\n');
    for (const row of kept.slice(1)) expect(next).toContain(row.join(','));
  });

  it('says what is wrong with the command line: exit 2', async () => {
    const usage = await netweave('circles', ties);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/netweave circles needs --participants FILE/);
    expect((await netweave('circles', '--participants', participants, '--size', '7-3')).code).toBe(2);
    expect((await netweave('circles', '--participants', participants, '--min-distinct', '0')).stderr).toMatch(/--min-distinct expects a whole number of at least 1/);
    expect((await netweave('circles', '--participants', participants, '--colour')).code).toBe(2);
    const help = await netweave('circles', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/netweave circles --participants people\.csv \[network files\]/);
    expect((await netweave('--help')).stdout).toMatch(/netweave circles --participants/);
  });

  it('says what is wrong with the files: exit 1, with file, row and field', async () => {
    const bad = await netweave('circles', '--participants', participants, '--reports-to', 'manager');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/participants\.csv, row 1, field "manager": there is no column "manager"/);
    writeFileSync(join(dir, 'bad-lock.csv'), 'circle,person\n,Robert Jackson\n');
    const lock = await netweave('circles', '--participants', participants, '--lock', join(dir, 'bad-lock.csv'));
    expect(lock.code).toBe(1);
    expect(lock.stderr).toMatch(/bad-lock\.csv, row 2, field "circle": the circle is missing/);
    expect(lock.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('on data it has not seen (Krackhardt\'s 21 managers: departments, reports-to, dense advice and friendship ties) beats both baselines and keeps everyone from their boss', async () => {
    const edges = readFileSync(`${CLASSIC_DIR}krackhardt/edges.csv`, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const boss = new Map(edges.filter((e) => e[2] === 'reports_to').map((e) => [e[0]!, e[1]!]));
    const nodes = readFileSync(`${CLASSIC_DIR}krackhardt/nodes.csv`, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const managers = join(dir, 'managers.csv');
    writeFileSync(managers, ['id,name,dept,reports to', ...nodes.map(([id, , , , dept]) => `${id},Manager ${id},${dept},${boss.get(id!) ?? ''}`)].join('\n') + '\n');
    const out = join(dir, 'managers.json');
    const r = await netweave('circles', '--participants', managers, `${CLASSIC_DIR}krackhardt/edges.csv`, '--relation', 'advice', '--relation', 'friendship', '--across', 'dept', '--reports-to', 'reports to', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as CirclesJson & { metrics: { broken: { reportsTo: number } }; baselines: { random: { broken: { reportsTo: number } } } };
    expect(json.relaxed).toEqual([]);
    expect(json.metrics.broken.reportsTo).toBe(0);
    expect(json.baselines.random.broken.reportsTo).toBeGreaterThan(0);
    expect(json.metrics.newPairs).toBeGreaterThan(json.baselines.greedy.newPairs);
    expect(json.baselines.greedy.newPairs).toBeGreaterThan(json.baselines.random.newPairs);
    expect(json.metrics.circlesMeetingUnitRule).toBe(4);
  });

  it('relaxes what cannot hold and says so', async () => {
    const r = await netweave('circles', '--participants', participants, ties, ...rules, '--min-distinct', '8', '--out', join(dir, 'wide.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/relaxed \(across\): each circle was to hold 8 different work unit values, but the participants have only 6/);
  });
});
