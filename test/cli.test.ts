/**
 * The command line as a user runs it: `netweave analyze` on real files, compared with networkx.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/engine/report/types.ts';
import { netweave } from './helpers/cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const reference = (name: string) => JSON.parse(readFileSync(join(root, `test/reference/${name}.json`), 'utf8'));
const graphs = join(root, 'test/reference/graphs');


describe('netweave analyze', () => {
  it('prints karate club metrics that match networkx', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nw-')), 'report.json');
    const r = await netweave('analyze', '--edges', join(graphs, 'karate.csv'), '--out', out);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    const ref = reference('karate');
    expect(report.summary.nodes).toBe(34);
    expect(report.summary.edges).toBe(78);
    expect(report.summary.density).toBeCloseTo(ref.graph_metrics.density, 12);
    for (const node of report.nodes) {
      expect(node.metrics.betweenness).toBeCloseTo(ref.node_metrics.betweenness[node.id], 9);
      expect(node.metrics.closeness).toBeCloseTo(ref.node_metrics.closeness[node.id], 9);
      expect(node.metrics.pagerank).toBeCloseTo(ref.node_metrics.pagerank[node.id], 6);
      expect(node.metrics.coreness).toBe(ref.node_metrics.core_number[node.id]);
    }
    expect(report.summary.modularity).toBeGreaterThan(ref.louvain.unweighted.best_modularity - 0.01);
    expect(report.communities.reduce((s, c) => s + c.size, 0)).toBe(34);
    expect(report.settings.seed).toBe(42);
  });

  it('says what an estimated bridging promises, and keeps within it on the karate club', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nw-')), 'report.json');
    const r = await netweave('analyze', '--edges', join(graphs, 'karate.csv'), '--approximate-above', '10', '--out', out);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    const bound = report.summary.betweennessBound!;
    expect(bound).toMatchObject({ method: 'shortest-path sampling', epsilon: 0.01, delta: 0.1 });
    expect(bound.samples).toBeGreaterThan(0);
    const ref = reference('karate');
    // networkx's betweenness is normalised by (n-1)(n-2)/2 for undirected ties; the bound is on that scale.
    for (const node of report.nodes) expect(Math.abs(node.metrics.betweenness! - ref.node_metrics.betweenness[node.id])).toBeLessThanOrEqual(bound.epsilon);
  });

  it('uses weights as tie strength with --weight', async () => {
    const r = await netweave('analyze', '--edges', join(graphs, 'karate.csv'), '--weight', 'weight');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const ref = reference('karate');
    expect(report.settings.weight).toBe('strength');
    for (const node of report.nodes) {
      expect(node.metrics.betweenness).toBeCloseTo(ref.node_metrics.betweenness_w_inv[node.id], 9);
    }
  });

  it('writes a per-person CSV with --format csv', async () => {
    const r = await netweave('analyze', '--edges', join(graphs, 'florentine.csv'), '--format', 'csv');
    expect(r.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(15);
    const medici = rows.find((row) => row.id === 'Medici')!;
    expect(Number(medici.betweenness)).toBeCloseTo(reference('florentine').node_metrics.betweenness.Medici, 9);
  });

  it('is reproducible: the same seed gives the same communities', async () => {
    const a = await netweave('analyze', '--edges', join(graphs, 'lesmis.csv'), '--seed', '7');
    const b = await netweave('analyze', '--edges', join(graphs, 'lesmis.csv'), '--seed', '7');
    expect((JSON.parse(a.stdout) as Report).communities).toEqual((JSON.parse(b.stdout) as Report).communities);
  });

  it('reports bad input with file, row and field and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-'));
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'source,target,weight\nAna,Ben,1\nBen,,2\nCara,Ana,abc\n');
    const r = await netweave('analyze', '--edges', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.csv, row 3, field "target"/);
    expect(r.stderr).toMatch(/broken\.csv, row 4, field "weight"/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('explains a missing file and a wrong flag', async () => {
    const missing = await netweave('analyze', '--edges', 'nope.csv');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/file not found: nope\.csv/);
    const wrong = await netweave('analyze', '--edges', join(graphs, 'karate.csv'), '--bogus');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/bogus/);
  });

  it('--help explains every flag', async () => {
    const r = await netweave('--help');
    expect(r.code).toBe(0);
    for (const flag of ['--edges', '--nodes', '--gexf', '--graphml', '--json', '--directed', '--undirected', '--weight', '--relation', '--seed', '--out', '--format']) {
      expect(r.stdout).toContain(flag);
    }
  });
});
