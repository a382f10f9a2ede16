/**
 * `netweave analyze` and the engagement ladder, as a user runs it on the coalition sample: the
 * default ladder with waves or attendance, `--ladder rules.json` (a missing column named, a
 * malformed file named with its field), and a network without waves or attendance (no ladder).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Report } from '../src/engine/report/types.ts';
import { CLASSIC_DIR, COALITION_DIR as coalition } from './helpers/samples.ts';
import { netweave } from './helpers/cli.ts';

// Each run starts a Node process (about a second).
vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'nw-ladder-'));
const at = (name: string): string => join(coalition, name);
const waves = ['--wave', `wave1=${at('survey_wave1.csv')}`, '--wave', `wave2=${at('survey_wave2.csv')}`, '--roster', at('people.csv'), '--attendance', at('attendance.csv'), '--mentorships', at('mentorships.csv'), '--threads', '1'];

async function analyze(name: string, ...args: string[]): Promise<{ report: Report; stderr: string }> {
  const out = join(dir, `${name}.json`);
  const r = await netweave('analyze', ...args, '--out', out);
  expect(r.code, r.stderr).toBe(0);
  return { report: JSON.parse(readFileSync(out, 'utf8')) as Report, stderr: r.stderr };
}

describe('netweave analyze: the ladder section', () => {
  it('gives the coalition sample the default ladder over its two waves', async () => {
    const { report } = await analyze('default', ...waves);
    const ladder = report.ladder!;
    expect(ladder.source).toBe('default');
    expect(ladder.rungs.map((r) => r.name)).toEqual(['Aware', 'Attending', 'Connected', 'Contributing', 'Leading']);
    expect(ladder.periods.map((p) => p.name)).toEqual(['wave1', 'wave2']);
    for (const period of ladder.periods) expect(Object.values(period.counts).reduce((a, b) => a + b, 0)).toBe(report.nodes.length);
    expect(ladder.people).toHaveLength(report.nodes.length);
    expect(ladder.movements[0]!.movedUp.length).toBeGreaterThan(0);
    expect(ladder.readyForNextStep[0]!.mentor.label).not.toBe('');
    expect(ladder.entryPoints[0]!.people).toBeGreaterThan(0);
  });

  it('reads --ladder rules.json, naming a rule on a missing column and disabling it', async () => {
    const rules = join(dir, 'rules.json');
    writeFileSync(rules, JSON.stringify({
      rungs: [
        { name: 'Came', when: [{ type: 'attended' }] },
        { name: 'Host', when: [{ type: 'attribute', column: 'role', values: ['host'] }] },
        { name: 'Named', when: [{ type: 'named-by', atLeast: 3 }] },
      ],
    }));
    const { report } = await analyze('rules', ...waves, '--ladder', rules);
    const ladder = report.ladder!;
    expect(ladder.source).toBe('rules');
    expect(ladder.rungs[1]!.disabled).toContain('"role"');
    expect(ladder.periods[1]!.counts).toMatchObject({ Host: 0 });
    expect(ladder.periods[1]!.counts.Named).toBeGreaterThan(0);
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'ladder-missing-column', file: 'rules.json', field: 'rungs.1.when.0.column' }));
  });

  it('stops on a malformed rules file, naming the field, with no report written', async () => {
    const rules = join(dir, 'bad.json');
    writeFileSync(rules, JSON.stringify({ rungs: [{ name: 'Came', when: [{ type: 'attended', atLeast: 'three' }] }] }));
    const out = join(dir, 'bad-report.json');
    const r = await netweave('analyze', ...waves, '--ladder', rules, '--out', out);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('bad.json');
    expect(r.stderr).toContain('rungs.0.when.0.atLeast');
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('uses the half-years of attendance when there are no waves', async () => {
    const { report } = await analyze('attendance', '--attendance', at('attendance.csv'), '--roster', at('people.csv'), '--threads', '1');
    expect(report.ladder!.periodKind).toBe('half-years');
    expect(report.ladder!.periods.map((p) => p.name)).toEqual(['Jan-Jun 2025', 'Jul-Dec 2025', 'Jan-Jun 2026']);
  });

  it('leaves a network without waves or attendance (karate) without a ladder', async () => {
    const { report } = await analyze('karate', '--edges', join(CLASSIC_DIR, 'karate/edges.csv'), '--nodes', join(CLASSIC_DIR, 'karate/nodes.csv'), '--threads', '1');
    expect(report.ladder).toBeUndefined();
  });
});
