/**
 * `netweave systemmap` called through `runSystemmap` (the dispatch line in src/cli.ts is added
 * separately), on the sample map and on bad input; stdout and stderr are captured.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYSTEMMAP_HELP, runSystemmap } from '../src/cli-systemmap.ts';
import type { SystemMapReport } from '../src/engine/features/systemmap/analyze-systemmap.ts';
import { importKumuJson } from '../src/engine/features/systemmap/import-kumu.ts';
import { readSoFar } from '../src/engine/core/util/result.ts';
import { workbook } from './helpers/workbook.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = (name: string) => join(root, 'test/fixtures/systemmap', name);
const reference = JSON.parse(readFileSync(join(root, 'test/reference/systemmap/coalition.json'), 'utf8')) as { counts: { loops: number; R: number; B: number } };

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const temp = () => mkdtempSync(join(tmpdir(), 'nw-systemmap-'));

describe('netweave systemmap', () => {
  it('writes loops, factors with quadrants, gaps and warnings for the sample map', async () => {
    const out = join(temp(), 'map.json');
    const code = await runSystemmap([
      '--links', sample('coalition/links.csv'),
      '--factors', sample('coalition/factors.csv'),
      '--actors', sample('coalition/actors.csv'),
      '--out', out,
    ]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/25 factors, 36 links, 30 loops \(10 R, 20 B\), 0 gaps, 0 introductions ->/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as SystemMapReport;
    expect(report.loops).toHaveLength(reference.counts.loops);
    expect(report.loops.filter((l) => l.type === 'R')).toHaveLength(reference.counts.R);
    expect(report.loops[0]).toMatchObject({ id: 'R1', type: 'R', factors: ['Cost of renewable power', 'Renewable installations'] });
    expect(report.loops[0]!.sentence).toMatch(/^more cost of renewable power -> less renewable installations -> more cost/);
    expect(report.factors).toHaveLength(25);
    for (const f of report.factors) {
      expect(['driving', 'linkage', 'dependent', 'autonomous']).toContain(f.quadrant);
      expect(typeof f.betweenness).toBe('number');
      expect(typeof f.indirectInfluence).toBe('number');
    }
    expect(report.gaps).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('reads the links and factors as Excel workbooks, the same map as from CSV', async () => {
    const dir = temp();
    const asWorkbook = (name: string): string => {
      const rows = readFileSync(sample(`coalition/${name}.csv`), 'utf8').trim().split('\n').map((line) => line.split(','));
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, workbook(rows));
      return path;
    };
    const out = join(dir, 'map.json');
    const code = await runSystemmap(['--links', asWorkbook('links'), '--factors', sample('coalition/factors.csv'), '--out', out]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/25 factors, 36 links, 30 loops \(10 R, 20 B\)/);
  });

  it('accepts the command name first, a Kumu blueprint, limits, and prints to stdout without --out', async () => {
    const code = await runSystemmap(['systemmap', '--kumu', sample('coalition/kumu-map.json'), '--max-loops', '5', '--max-loop-length', '6']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as SystemMapReport;
    expect(report.loops).toHaveLength(5);
    expect(report.summary.loopsComplete).toBe(false);
    expect(report.settings).toMatchObject({ maxLoops: 5, maxLoopLength: 6 });
    expect(report.warnings.map((w) => w.code)).toContain('loop-count-limit');
    expect(stderr).toMatch(/warning: The search stopped after 5 loops/);
  });

  it('suggests introductions with a people network, and exports the map', async () => {
    const dir = temp();
    const people = join(dir, 'people.csv');
    writeFileSync(people, 'name,organization\nAna,Business org 22\nBen,Faith org 4\nCai,Business org 19\n');
    const ties = join(dir, 'ties.csv');
    writeFileSync(ties, 'source,target\nAna,Cai\n');
    const kumu = join(dir, 'out.json');
    const graphml = join(dir, 'out.graphml');
    const links = join(dir, 'links-out.csv');
    const code = await runSystemmap([
      '--links', sample('coalition/links.csv'),
      '--actors', sample('coalition/actors.csv'),
      '--people', people, '--people', ties,
      '--export-kumu', kumu, '--export-graphml', graphml, '--export-links', links,
      '--out', join(dir, 'report.json'),
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as SystemMapReport;
    expect(report.settings.organizationAttribute).toBe('organization');
    // Business org 22 and Faith org 4 share two factors and no tie; Business org 19 and 22 are tied through Ana - Cai.
    expect(report.introductions[0]).toMatchObject({ actors: ['Business org 22', 'Faith org 4'], factors: ['Cost of renewable power', 'Media coverage'] });
    expect(report.introductions.some((i) => i.actors.includes('Business org 19') && i.actors.includes('Business org 22'))).toBe(false);
    expect(readSoFar(importKumuJson({ name: 'out.json', text: readFileSync(kumu, 'utf8') })).links).toHaveLength(36);
    expect(existsSync(graphml) && existsSync(links)).toBe(true);
  });

  it('bad input exits 1 with file, row and field on stderr', async () => {
    const dir = temp();
    const links = join(dir, 'links.csv');
    writeFileSync(links, 'from,to,polarity\nA,B,+\nB,A,sometimes\nA,A,-\n');
    expect(await runSystemmap(['--links', links, '--out', join(dir, 'r.json')])).toBe(1);
    expect(stderr).toContain('links.csv, row 3, field "polarity": polarity "sometimes" is neither + nor -');
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
  });

  it('links to unknown factors exit 1 with a hint, and --unknown-factors create adds them', async () => {
    const dir = temp();
    const factors = join(dir, 'factors.csv');
    writeFileSync(factors, 'label\nA\nB\n');
    const links = join(dir, 'links.csv');
    writeFileSync(links, 'from,to,polarity\nA,B,+\nB,C,-\nC,A,+\n');
    expect(await runSystemmap(['--links', links, '--factors', factors])).toBe(1);
    expect(stderr).toContain('links.csv, row 3, field "to": "C" is not one of the factors listed in factors.csv');
    expect(stderr).toContain('--unknown-factors create');
    stderr = '';
    expect(await runSystemmap(['--links', links, '--factors', factors, '--unknown-factors', 'create'])).toBe(0);
    expect(stderr).toContain('warning: links.csv, row 3, field "to": "C" is not one of the factors listed in factors.csv; it was added as a new factor');
    expect((JSON.parse(stdout) as SystemMapReport).loops).toMatchObject([{ id: 'B1', factors: ['A', 'B', 'C'] }]);
  });

  it('a self-loop is kept with a warning naming file, row and field', async () => {
    const dir = temp();
    const links = join(dir, 'links.csv');
    writeFileSync(links, 'from,to,polarity\nA,A,-\nA,B,+\n');
    expect(await runSystemmap(['--links', links])).toBe(0);
    expect(stderr).toContain('warning: links.csv, row 2, field "to": "A" is linked to itself (-)');
    const report = JSON.parse(stdout) as SystemMapReport;
    expect(report.loops).toMatchObject([{ id: 'B1', factors: ['A'], length: 1 }]);
    expect(report.warnings.map((w) => w.code)).toEqual(['self-loop']);
  });

  it('a missing file exits 1; a wrong command line exits 2; --help exits 0', async () => {
    expect(await runSystemmap(['--links', '/no/such/links.csv'])).toBe(1);
    expect(stderr).toContain('links.csv: file not found: /no/such/links.csv');
    expect(await runSystemmap([])).toBe(2);
    expect(stderr).toContain('Give a map');
    expect(await runSystemmap(['--links', 'x.csv', '--max-loops', 'many'])).toBe(2);
    expect(stderr).toContain('--max-loops expects a whole number of at least 1, got "many"');
    expect(await runSystemmap(['--links', 'x.csv', '--unknown-factors', 'maybe'])).toBe(2);
    expect(await runSystemmap(['--linkz', 'x.csv'])).toBe(2);
    expect(await runSystemmap(['--links', 'x.csv', 'extra'])).toBe(2);
    stdout = '';
    expect(await runSystemmap(['--help'])).toBe(0);
    expect(stdout).toBe(`${SYSTEMMAP_HELP}\n`);
    expect(SYSTEMMAP_HELP).toContain('--max-loop-length N');
  });
});
