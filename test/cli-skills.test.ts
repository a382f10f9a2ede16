/**
 * `netweave analyze` with skills and a leadership-abilities self-assessment.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/engine/report/types.ts';
import { netweave } from './helpers/cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = (name: string) => join(root, 'data/demo', name);


describe('skills and abilities on the command line', () => {
  it('reports skill coverage from the skills column, and abilities from an assessment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-'));
    const assessment = join(dir, 'abilities.csv');
    writeFileSync(assessment, 'name,Engagement,Convening,Sharing,Collaboration,Advocating\nIbrahim Castillo,4,5,3,4,2\nZoe Tanaka,2,5,4,3,3\nNobody Known,3,3,3,3,3\n');
    const r = await netweave('analyze', '--edges', demo('ties.csv'), '--nodes', demo('people.csv'), '--abilities', assessment);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.skills!.skills.length).toBeGreaterThan(5);
    const holders = report.skills!.coverage.find((c) => c.skill === 'facilitation')!.holders;
    expect(holders.length).toBeGreaterThan(0);
    expect(report.abilities!.respondents).toBe(2);
    expect(r.stderr).toMatch(/Nobody Known/);
  });

  it('names an unknown skills column', async () => {
    const r = await netweave('analyze', '--edges', demo('ties.csv'), '--nodes', demo('people.csv'), '--skills', 'talents');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/talents/);
  });
});
