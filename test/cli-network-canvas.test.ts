/**
 * `netweave analyze` on a Network Canvas export named without a flag: the CSV set (ego, attribute
 * and edge lists) and the GraphML are told by their content, their interviews merged into one
 * network (names matched like survey names, ambiguous ones taken above the threshold), and a
 * broken set stops with file, row and field.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netweave, ROOT } from './helpers/cli.ts';

const dir = join(ROOT, 'test/fixtures/formats/network-canvas');
const csvSet = readdirSync(dir).filter((n) => n.startsWith('FriendshipStudy_') && n.endsWith('.csv')).map((n) => join(dir, n));

interface Report {
  nodes: Array<{ id: string; attributes: Record<string, unknown> }>;
  resolution: Array<{ respondent: string; written: string; person: string | null }>;
  settings: unknown;
}

describe('netweave analyze on Network Canvas exports', () => {
  it('merges the CSV set with a roster: the people, and J. Chen taken as Jun Chen with a warning', async () => {
    const r = await netweave('analyze', ...csvSet, '--roster', join(dir, 'roster.csv'));
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.nodes.map((n) => n.id).sort()).toEqual(['Ana Alvarez', 'Ben Brooks', 'Dana Diaz', 'Eve Evans', 'Fay Fox', 'Jin Chen', 'Jun Chen', 'Riverbend Library']);
    expect(report.nodes.find((n) => n.id === 'Ben Brooks')?.attributes).toMatchObject({ interviewed: true, onRoster: true });
    expect(report.resolution.find((e) => e.written === 'J. Chen')).toMatchObject({ respondent: 'Ana Alvarez', person: 'Jun Chen' });
    expect(r.stderr).toContain('"J. Chen", named by "Ana Alvarez", could be "Jun Chen" (0.633) or "Jin Chen" (0.217)');
  });

  it('reads the GraphML export as interviews, not as relation layers', async () => {
    const r = await netweave('analyze', join(dir, 'FriendshipStudy.graphml'), '--match-threshold', '0.9');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.nodes.map((n) => n.id).sort()).toEqual(['Ana Alvarez', 'Ben Brooks', 'Dana Diaz', 'Eve Evans', 'Jin Chen', 'Jun Chen', 'Riverbend Library']);
    // Below the threshold nobody is taken for "J. Chen".
    expect(report.resolution.find((e) => e.written === 'J. Chen')?.person).toBeNull();
  });

  it('stops on a set missing its attribute lists, naming the file, row and field', async () => {
    const r = await netweave('analyze', ...csvSet.filter((f) => !f.includes('attributeList')));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('FriendshipStudy_edgeList_colleagues.csv');
    expect(r.stderr).toContain('which no attribute list given has for this interview');
    expect(r.stderr).toMatch(/row 2 field "networkCanvasSourceUUID"/);
  });
});
