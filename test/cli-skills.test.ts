/**
 * `netweave analyze` with skills and a leadership-abilities self-assessment.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/engine/report/types.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const demo = (name: string) => join(root, 'data/demo', name);

async function netweave(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'bin/netweave.mjs'), ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

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
