/**
 * Peer circles in a project: kept in the project file (an old project without them still opens,
 * with none), and formed from the project's people (everyone, one attribute value, or a
 * participants file) with its mentorships never repeated.
 */
import { describe, expect, it } from 'vitest';
import { parseProjectFile, serializeProject } from '../../../src/engine/project/project-file.ts';
import { ProjectSchema } from '../../../src/engine/core/model/project.ts';
import { SavedCirclesResultSchema } from '../../../src/engine/core/model/circles.ts';
import { DatasetSchema } from '../../../src/engine/core/model/dataset.ts';
import { projectCircles } from '../../../src/engine/features/circles/project-circles.ts';

const UNITS = ['Branch A', 'Branch B', 'Branch C', 'Branch D'];
const people = Array.from({ length: 16 }, (_, i) => ({ id: `p${i}`, label: `Person ${i}`, attributes: { unit: UNITS[i % 4]!, role: i < 12 ? 'staff' : 'manager', boss: i < 12 ? `Person ${12 + (i % 4)}` : '' } }));
const dataset = DatasetSchema.parse({
  version: 1,
  people,
  ties: people.slice(1).map((p, i) => ({ source: people[i]!.id, target: p.id })),
  mentorships: [{ mentor: 'p0', mentee: 'p1', season: '2025' }],
});

const base = {
  format: 'netweave-project',
  version: 1,
  id: 'p1',
  name: 'Library staff',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-02T00:00:00Z',
  dataset: { version: 1, people: [{ id: 'a', label: 'Ana' }], ties: [] },
};

function circleOf(result: { circles: Array<{ name: string; members: Array<{ id: string }> }> }, id: string): string | undefined {
  return result.circles.find((c) => c.members.some((m) => m.id === id))?.name;
}

describe('circles kept in a project', () => {
  it('opens an old project without circles, with none', () => {
    const read = parseProjectFile(JSON.stringify(base), 'old.netweave.json');
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value.circles).toEqual({ choices: expect.objectContaining({ who: 'everyone', minSize: 4, maxSize: 6, minDistinct: 3 }), locks: [], last: null });
  });

  it('round-trips the choices, the locks and the last circles', () => {
    const formed = projectCircles(dataset, { participants: { kind: 'everyone' }, previous: [], locks: [], options: { across: 'unit' } });
    expect(formed.ok).toBe(true);
    if (!formed.ok) return;
    const last = SavedCirclesResultSchema.parse(formed.value);
    const project = ProjectSchema.parse({ ...base, circles: { choices: { across: 'unit', seed: 7 }, locks: [{ person: 'p3', circle: 'Circle 2' }], last } });
    const back = parseProjectFile(serializeProject(project), 'p.netweave.json');
    expect(back).toEqual({ ok: true, value: project, issues: [] });
    expect(project.circles.last?.circles.flatMap((c) => c.members)).toHaveLength(16);
  });
});

describe('projectCircles', () => {
  it('forms circles of everyone, mixing units, keeping a mentorship and reports-to apart', () => {
    const result = projectCircles(dataset, { participants: { kind: 'everyone' }, previous: [], locks: [], options: { across: 'unit', reportsTo: 'boss' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.value;
    expect(r.circles.flatMap((c) => c.members)).toHaveLength(16);
    expect(circleOf(r, 'p0')).not.toBe(circleOf(r, 'p1'));
    for (let i = 0; i < 12; i++) expect(circleOf(r, `p${i}`)).not.toBe(circleOf(r, `p${12 + (i % 4)}`));
    expect(r.metrics.circlesMeetingUnitRule).toBe(r.metrics.circles);
    expect(r.unknownReportsTo).toEqual([]);
  });

  it('takes the people with one attribute value, and keeps a lock', () => {
    const result = projectCircles(dataset, { participants: { kind: 'attribute', attribute: 'role', value: 'Staff' }, previous: [], locks: [{ person: 'p5', circle: 'Circle 2' }], options: { across: 'unit' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.circles.flatMap((c) => c.members.map((m) => m.id)).sort()).toEqual(people.slice(0, 12).map((p) => p.id).sort());
    expect(circleOf(result.value, 'p5')).toBe('Circle 2');
  });

  it('reads a participants file, finds them in the network and names who is not there', () => {
    const file = { name: 'participants.csv', text: 'name,unit\nPerson 0,Branch A\nPerson 1,Branch B\nPerson 2,Branch C\nPerson 3,Branch D\nNew Hire,Branch A\n' };
    const result = projectCircles(dataset, { participants: { kind: 'file', file }, previous: [], locks: [], options: { minSize: 2, maxSize: 3 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.value;
    expect(r.notInNetwork).toHaveLength(1);
    const ids = new Map(r.circles.flatMap((c) => c.members.map((m) => [m.label, c.name] as const)));
    // The project's mentorship Person 0 - Person 1 is found by name and kept apart.
    expect(ids.get('Person 0')).not.toBe(ids.get('Person 1'));
  });

  it('says so when nobody has the value', () => {
    const result = projectCircles(dataset, { participants: { kind: 'attribute', attribute: 'role', value: 'director' }, previous: [], locks: [], options: {} });
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'no-participants', message: 'nobody has role = director' }] });
  });
});
