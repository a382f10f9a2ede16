import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importNetworkCanvasFiles, type NetworkCanvasFilesInput } from '../../../../src/engine/features/network-canvas/network-canvas-files.ts';
import type { Tie } from '../../../../src/engine/core/model/records.ts';

const DIR = new URL('../../../fixtures/formats/network-canvas/', import.meta.url);
const read = (name: string) => ({ name, text: readFileSync(new URL(name, DIR), 'utf8') });
const csvSet = () => readdirSync(DIR).filter((n) => n.startsWith('FriendshipStudy_')).sort().map((n) => ({ ...read(n), kind: 'network-canvas' as const }));
const graphml = () => [{ ...read('FriendshipStudy.graphml'), kind: 'network-canvas-graphml' as const }];
const roster = () => read('roster.csv');

function run(input: Partial<NetworkCanvasFilesInput> = {}) {
  const result = importNetworkCanvasFiles({ files: csvSet(), mode: 'auto', ...input });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.value;
}
const tie = (ties: Tie[], a: string, b: string, relation: string) => ties.find((t) => t.relation === relation && ((t.source === a && t.target === b) || (t.source === b && t.target === a)));

describe('Network Canvas interviews merged into one network', () => {
  it('makes each interviewee and each person they named one person, matched across interviews', () => {
    const { dataset, interviews } = run();
    expect(interviews).toBe(3);
    expect(dataset.people.map((p) => p.label).sort()).toEqual(['Ana Alvarez', 'Ben Brooks', 'Dana Diaz', 'Eve Evans', 'Jin Chen', 'Jun Chen', 'Riverbend Library']);
    const byId = new Map(dataset.people.map((p) => [p.label, p.attributes]));
    expect(byId.get('Ana Alvarez')).toMatchObject({ interviewed: true, age: 34, caseId: 'P01', type: 'Person' });
    expect(byId.get('Dana Diaz')).toMatchObject({ interviewed: false, type: 'Person', support: [] });
    expect(byId.get('Riverbend Library')).toMatchObject({ type: 'Organization' });
    // Named by both Ana and Jun: one person, not two.
    expect(dataset.people.filter((p) => p.label === 'Dana Diaz')).toHaveLength(1);
  });

  it('ties each interviewee to the people they named, and the edge lists become relations', () => {
    const { dataset } = run();
    expect(dataset.relations.map((r) => r.name).sort()).toEqual(['colleagues', 'friends', 'named']);
    // Nine names, two of them ties both people reported (Ana–Ben, Ana–Jun): seven ties.
    expect(dataset.ties.filter((t) => t.relation === 'named')).toHaveLength(7);
    expect(dataset.ties.filter((t) => t.relation === 'friends')).toHaveLength(3);
    expect(dataset.ties.filter((t) => t.relation === 'colleagues')).toHaveLength(3);
    expect(dataset.ties.every((t) => t.directed === false)).toBe(true);
  });

  it('keeps who reported each tie and confirms a tie both people reported', () => {
    const { dataset } = run();
    expect(tie(dataset.ties, 'Ana Alvarez', 'Ben Brooks', 'named')?.attributes).toMatchObject({ reportedBy: ['Ana Alvarez', 'Ben Brooks'], reporters: 2, confirmed: true });
    expect(tie(dataset.ties, 'Ana Alvarez', 'Dana Diaz', 'named')?.attributes).toMatchObject({ reportedBy: ['Ana Alvarez'], reporters: 1, confirmed: false });
    // An alter–alter tie is reported by the interviewee, not by its two people.
    expect(tie(dataset.ties, 'Ben Brooks', 'Dana Diaz', 'friends')?.attributes).toMatchObject({ reportedBy: ['Ana Alvarez'], confirmed: false });
    // What the interviewee said about someone stays on their tie, categoricals as lists.
    expect(tie(dataset.ties, 'Ben Brooks', 'Jin Chen', 'named')?.attributes).toMatchObject({ close: false, support: ['practical', 'financial'] });
  });

  it('lists a name that could be two people for review, and applies the decision', () => {
    const review = importNetworkCanvasFiles({ files: csvSet(), mode: 'review' });
    expect(review.ok).toBe(true);
    if (!review.ok) return;
    expect(review.value.pending.map((a) => [a.written, a.respondent, a.candidates.map((c) => c.person).sort()])).toEqual([['J. Chen', 'Ana Alvarez', ['Jin Chen', 'Jun Chen']]]);
    expect(tie(review.value.dataset.ties, 'Ana Alvarez', 'Jun Chen', 'named')?.attributes).toMatchObject({ reporters: 1, confirmed: false });
    const decided = run({ mode: 'review', decisions: [{ action: 'match', written: 'J. Chen', person: 'Jin Chen' }] });
    expect(decided.pending).toEqual([]);
    expect(tie(decided.dataset.ties, 'Ana Alvarez', 'Jin Chen', 'named')?.attributes).toMatchObject({ reportedBy: ['Ana Alvarez'], confirmed: false });
    expect(tie(decided.dataset.ties, 'Ben Brooks', 'Jin Chen', 'colleagues')?.attributes).toMatchObject({ reportedBy: ['Ana Alvarez'] });
  });

  it('in auto mode takes the best candidate above the threshold (Jun Chen, who named Ana)', () => {
    const { resolution, dataset } = run();
    expect(resolution.find((r) => r.written === 'J. Chen')).toMatchObject({ person: 'Jun Chen', status: 'best-guess', confidence: 0.633 });
    expect(tie(dataset.ties, 'Ana Alvarez', 'Jun Chen', 'named')?.attributes).toMatchObject({ reportedBy: ['Ana Alvarez', 'Jun Chen'], confirmed: true });
  });

  it('matches interviewees and alters to a roster and keeps its attributes', () => {
    const { dataset } = run({ roster: roster() });
    expect(dataset.people).toHaveLength(8);
    const fay = dataset.people.find((p) => p.label === 'Fay Fox');
    expect(fay?.attributes).toMatchObject({ onRoster: true, interviewed: false, sector: 'Government' });
    expect(dataset.people.find((p) => p.label === 'Jin Chen')?.attributes).toMatchObject({ onRoster: true, organisation: 'Riverbend Library', type: 'Person' });
    expect(dataset.people.find((p) => p.label === 'Riverbend Library')?.attributes).toMatchObject({ onRoster: false });
  });

  it('reads the GraphML export into the same network as the CSV export', () => {
    const shape = (input: Partial<NetworkCanvasFilesInput>) => {
      const { dataset } = run(input);
      return {
        people: dataset.people.map((p) => [p.id, p.attributes]).sort(),
        ties: dataset.ties.map((t) => [[t.source, t.target].sort().join(' – '), t.relation, t.attributes]).sort(),
      };
    };
    expect(shape({ files: graphml(), roster: roster() })).toEqual(shape({ roster: roster() }));
  });

  it('merges interviews exported one by one', () => {
    const whole = run().dataset;
    // Split the unified export into one set of files per interview, as Network Canvas also writes it.
    const files = csvSet();
    const egoIds = files.find((f) => f.name.endsWith('_ego.csv'))!.text.trim().split(/\r\n/).slice(1).map((l) => l.split(',')[0]!);
    const split = egoIds.flatMap((ego, i) =>
      files.map((f) => {
        const [header, ...rows] = f.text.trim().split(/\r\n/);
        return { ...f, name: f.name.replace('FriendshipStudy', `P0${i + 1}_session`), text: [header, ...rows.filter((r) => r.includes(ego))].join('\r\n') + '\r\n' };
      }).filter((f) => f.text.split('\r\n').length > 2),
    );
    const merged = run({ files: split }).dataset;
    expect(merged.people.map((p) => p.id).sort()).toEqual(whole.people.map((p) => p.id).sort());
    expect(merged.ties).toHaveLength(whole.ties.length);
  });

  it('imports nothing when a file is broken, and says where', () => {
    const files = csvSet().map((f) => (f.name.endsWith('_friends.csv') ? { ...f, text: f.text.replace(/,[0-9a-f-]{36}\r\n$/, ',00000000-0000-0000-0000-000000000000\r\n') } : f));
    const result = importNetworkCanvasFiles({ files, mode: 'auto', roster: roster() });
    expect(result.ok).toBe(false);
    expect('value' in result).toBe(false);
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([expect.objectContaining({ code: 'unknown-node', file: 'FriendshipStudy_edgeList_friends.csv', row: 4, field: 'networkCanvasTargetUUID' })]);
  });
});
