/**
 * Sharing from the command line: `--consent COLUMN` leaves out the people who said no before
 * anything is computed and writes those not to be named as "a member"; `--pseudonymise` writes
 * codes with only the kept attributes and a key apart. The report quotes no name it may not:
 * checked by searching it for every name and email of the roster.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netweave, ROOT } from './helpers/cli.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'nw-sharing-'));
const example = join(ROOT, 'data/survey-example');

describe('netweave analyze, shared', () => {
  it('honours consent: out is left out before the figures, unnamed is "a member", named stays', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'people.csv'), 'id,consent,sector,email\nAna Lima,yes,Health,ana@x.org\nBen Okafor,unnamed,Health,ben@x.org\nCleo Diaz,no,Youth,cleo@x.org\nDev Patel,maybe,Youth,dev@x.org\nEve Moreau,,Health,eve@x.org\n');
    writeFileSync(join(dir, 'ties.csv'), 'source,target\nAna Lima,Ben Okafor\nBen Okafor,Cleo Diaz\nCleo Diaz,Dev Patel\nDev Patel,Eve Moreau\nEve Moreau,Ana Lima\n');
    const out = join(dir, 'report.json');
    const r = await netweave('analyze', '--nodes', join(dir, 'people.csv'), '--edges', join(dir, 'ties.csv'), '--consent', 'consent', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('consent: 1 named, 3 counted but not named, 1 left out');
    expect(r.stderr).toContain('"maybe" is not a consent netweave knows');
    const text = readFileSync(out, 'utf8');
    const report = JSON.parse(text) as { dataset: { people: number; ties: number }; nodes: Array<{ label: string; attributes: Record<string, unknown> }> };
    expect(report.dataset).toMatchObject({ people: 4, ties: 3 });
    expect(report.nodes.map((n) => n.label).sort()).toEqual(['Ana Lima', 'a member', 'a member', 'a member']);
    for (const secret of ['Ben Okafor', 'Cleo Diaz', 'Dev Patel', 'Eve Moreau', 'ben@x.org', 'dev@x.org', 'eve@x.org']) expect(text).not.toContain(secret);
    // The unnamed count in the figures, but a row of their own lists no details (a few shared values together can tell who).
    for (const node of report.nodes.filter((n) => n.label === 'a member')) expect(node.attributes).toEqual({});
  });

  it('pseudonymises a survey: the report holds no roster name or email, the key holds them all', async () => {
    const dir = tmp();
    const out = join(dir, 'report.json');
    const key = join(dir, 'key.csv');
    const r = await netweave('analyze', '--survey', join(example, 'survey.csv'), '--roster', join(example, 'roster.csv'), '--pseudonymise', '--key-out', key, '--keep-attributes', 'sector', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    const keyText = readFileSync(key, 'utf8');
    const roster = readFileSync(join(example, 'roster.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    for (const [name, email] of roster) {
      expect(text).not.toContain(name);
      expect(text).not.toContain(email);
      expect(keyText).toContain(name);
    }
    const report = JSON.parse(text) as { nodes: Array<{ id: string; attributes: Record<string, unknown> }> };
    expect(report.nodes.every((n) => /^P\d{3}$/.test(n.id))).toBe(true);
    expect(new Set(report.nodes.flatMap((n) => Object.keys(n.attributes)))).toEqual(new Set(['sector']));
  });

  it('refuses --pseudonymise without a key file, and a consent column no one has', async () => {
    const noKey = await netweave('analyze', '--edges', join(example, 'roster.csv'), '--pseudonymise');
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('--pseudonymise needs --key-out FILE');
    const dir = tmp();
    writeFileSync(join(dir, 'ties.csv'), 'source,target\na,b\n');
    const noColumn = await netweave('analyze', join(dir, 'ties.csv'), '--consent', 'consent');
    expect(noColumn.code).toBe(2);
    expect(noColumn.stderr).toContain('no one has a "consent" attribute');
  });

  it('never writes the key over an input or the output', async () => {
    const dir = tmp();
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, readFileSync(join(example, 'roster.csv')));
    const before = readFileSync(roster, 'utf8');
    const overInput = await netweave('analyze', '--survey', join(example, 'survey.csv'), '--roster', roster, '--pseudonymise', '--key-out', roster, '--out', join(dir, 'r.json'));
    expect(overInput.code).toBe(2);
    expect(overInput.stderr).toContain('is also given as an input');
    expect(readFileSync(roster, 'utf8')).toBe(before);
    const overOut = await netweave('analyze', '--survey', join(example, 'survey.csv'), '--roster', roster, '--pseudonymise', '--key-out', join(dir, 'x.json'), '--out', join(dir, 'x.json'));
    expect(overOut.code).toBe(2);
    expect(overOut.stderr).toContain('is also given as --out');
  });
});

describe('netweave analyze, shared, with a self-assessment', () => {
  it('counts the abilities of members not to be named, and leaves out those who are out', async () => {
    const dir = tmp();
    const coalition = join(ROOT, 'data/samples/coalition');
    const lines = readFileSync(join(coalition, 'people.csv'), 'utf8').trim().split(/\r?\n/);
    // Every third member out, every third from the second not named, the rest yes.
    writeFileSync(join(dir, 'people.csv'), [`${lines[0]},consent`, ...lines.slice(1).map((line, i) => `${line},${['no', 'unnamed', 'yes'][i % 3]}`)].join('\n') + '\n');
    const run = async (...extra: string[]) => {
      const out = join(dir, `r${extra.length}.json`);
      const r = await netweave('analyze', '--survey', join(coalition, 'survey_wave1.csv'), '--roster', join(dir, 'people.csv'), '--abilities', join(coalition, 'abilities.csv'), ...extra, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(readFileSync(out, 'utf8')) as { dataset: { people: number }; abilities: { respondents: number; people: number } };
    };
    const all = await run();
    const shared = await run('--consent', 'consent');
    expect(shared.dataset.people).toBe(80);
    // About two in three of those who answered are kept: the unnamed among them too, not only the named (a third).
    expect(shared.abilities.respondents).toBeGreaterThan(all.abilities.respondents / 2);
    expect(shared.abilities.respondents).toBeLessThan(all.abilities.respondents);
  });
});
