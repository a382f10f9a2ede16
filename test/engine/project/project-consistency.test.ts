/**
 * A project file sound in shape but contradicting itself (hand-edited, another tool, damaged
 * storage) opens mended, with a plain warning for each kind of mending, never silently: ties to
 * people it does not list, one id listed twice, positions that are no place on a map, settings
 * naming nothing (sizeBy "constructor" used to throw on every reload).
 */
import { describe, expect, it } from 'vitest';
import { parseProjectFile, serializeProject } from '../../../src/engine/project/project-file.ts';
import { repairProject } from '../../../src/engine/project/project-consistency.ts';
import { newProject } from '../../../src/engine/project/new-project.ts';
import { emptyDataset } from '../../../src/engine/core/model/dataset.ts';
import type { Project } from '../../../src/engine/core/model/project.ts';
import type { Dataset } from '../../../src/engine/core/model/dataset.ts';

function sound(): Project {
  const dataset: Dataset = {
    ...emptyDataset('Coalition'),
    people: [
      { id: 'ana', label: 'Ana', attributes: { sector: 'Health' } },
      { id: 'ben', label: 'Ben', attributes: {} },
    ],
    ties: [{ source: 'ana', target: 'ben', relation: 'advice', directed: false, weight: 1 }],
  };
  return { ...newProject('Coalition', dataset, { createdAt: '2026-01-01T00:00:00.000Z' }), id: 'p-1', layout: { ana: [0, 1], ben: [2, 3] } };
}

describe('repairProject', () => {
  it('gives a sound project back unchanged, the same object, with no notes', () => {
    const project = sound();
    expect(repairProject(project, 'p.json')).toEqual({ project, notes: [] });
    expect(repairProject(project, 'p.json').project).toBe(project);
  });

  it('opens a self-contradicting project file mended, saying what was mended', () => {
    const base = sound();
    const damaged = {
      ...base,
      dataset: {
        ...base.dataset,
        people: [...base.dataset.people, { id: 'ana', label: 'Ana Lima', attributes: { city: 'Lyon' } }],
        ties: [...base.dataset.ties, { source: 'ben', target: 'cleo', relation: 'advice', directed: false, weight: 1 }],
        mentorships: [{ mentor: 'ana', mentee: 'dev' }],
      },
      layout: { ana: [1e300, 0], ben: [2, 3], ghost: [1, 1] },
      settings: { ...base.settings, sizeBy: 'constructor', colorBy: 'attr:nothing', relations: ['advice', 'gossip'], groupBy: 'region' },
    };
    const read = parseProjectFile(JSON.stringify(damaged), 'coalition.netweave.json');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const project = read.value;
    expect(project.dataset.people.map((p) => p.id)).toEqual(['ana', 'ben', 'cleo', 'dev']);
    expect(project.dataset.people[0]?.attributes).toEqual({ sector: 'Health', city: 'Lyon' });
    expect(project.layout).toEqual({ ben: [2, 3] });
    expect(project.settings).toMatchObject({ sizeBy: 'degree', colorBy: 'community', relations: ['advice'], groupBy: '' });
    expect(read.issues.map((i) => [i.level, i.code, i.file, i.field])).toEqual([
      ['warning', 'duplicate-person', 'coalition.netweave.json', 'dataset.people'],
      ['warning', 'unlisted-people', 'coalition.netweave.json', 'dataset.people'],
      ['warning', 'bad-position', 'coalition.netweave.json', 'layout'],
      ['warning', 'unknown-setting', 'coalition.netweave.json', 'settings'],
    ]);
    expect(read.issues[1]?.message).toContain('"cleo", "dev"');
    expect(read.issues[3]?.message).toContain('size by "constructor"');
    // Saved again, the mended project reads back with nothing left to mend.
    const again = parseProjectFile(serializeProject(project), 'again.json');
    expect(again.ok && again.issues).toEqual([]);
  });
});
