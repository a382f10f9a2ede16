/**
 * `netweave report`: the coalition sample's files with a consent column (in a copy of the roster)
 * and chosen sections give one HTML file with those sections, no script, no external reference,
 * and no name or email of anyone who is out or not to be named. Run `node scripts/build-cli.mjs`
 * first (npm test does).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { netweave } from './helpers/cli.ts';
import { COALITION_DIR } from './helpers/samples.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'nw-report-'));
const sample = (name: string): string => join(COALITION_DIR, name);

describe('netweave report', () => {
  it('writes the chosen sections of a consented report, naming no one who is out or unnamed', async () => {
    const dir = tmp();
    const [header, ...rows] = readFileSync(sample('people.csv'), 'utf8').trim().split(/\r?\n/);
    const wish = (i: number): string => (i < 3 ? 'no' : i < 8 ? 'unnamed' : 'yes');
    writeFileSync(join(dir, 'people.csv'), [`${header},consent`, ...rows.map((row, i) => `${row},${wish(i)}`)].join('\n') + '\n');
    const out = join(dir, 'report.html');
    const r = await netweave(
      'report',
      '--wave', `w1=${sample('survey_wave1.csv')}`,
      '--wave', `w2=${sample('survey_wave2.csv')}`,
      '--roster', join(dir, 'people.csv'),
      '--attendance', sample('attendance.csv'),
      '--mentorships', sample('mentorships.csv'),
      '--group-by', 'sector',
      '--consent', 'consent',
      '--sections', 'mentorship,health,map,brokers,convenings,equity',
      '--title', 'Coalition <spring> report',
      '--intro', 'Thank you all.\n\nHere is what we found.',
      '--out', out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/laying out the map: 100%/);
    expect(r.stderr).toContain(`-> ${out}`);
    const text = readFileSync(out, 'utf8');
    const { document } = parseHTML(text);
    expect([...document.querySelectorAll('section.report-section')].map((s) => s.id)).toEqual(['health', 'map', 'brokers', 'equity', 'convenings', 'mentorship']);
    expect(document.querySelector('h1')?.textContent).toBe('Coalition <spring> report');
    expect(document.querySelectorAll('script, img, iframe, link').length).toBe(0);
    for (const el of document.querySelectorAll('[href], [src]')) expect(el.getAttribute('href') ?? el.getAttribute('src')).toMatch(/^#/);
    expect(text).not.toMatch(/url\(/);
    expect(document.querySelector('.consent')?.textContent).toContain('3 members asked not to be included and are left out of every figure; 5 are counted but not named');
    rows.forEach((row, i) => {
      if (wish(i) === 'yes') return;
      const [name, email] = row.split(',');
      expect(text, name).not.toContain(name!);
      expect(text, email).not.toContain(email!);
    });
  }, 120_000);

  it('refuses unknown sections, listing the valid ones, and a report without --out', async () => {
    const bad = await netweave('report', sample('people.csv'), '--sections', 'health,gossip', '--out', join(tmp(), 'r.html'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no section is called "gossip"');
    expect(bad.stderr).toContain('health, map, edge, brokers');
    const noOut = await netweave('report', '--edges', sample('mentorships.csv'));
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('needs --out FILE');
    const wrong = await netweave('analyze', sample('people.csv'), '--sections', 'health');
    expect(wrong.code).toBe(2);
  });
});
