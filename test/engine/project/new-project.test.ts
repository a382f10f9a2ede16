import { describe, expect, it } from 'vitest';
import { defaultRelations, newProject, newProjectId, relationNames } from '../../../src/engine/project/new-project.ts';
import { packDataset, rememberPacked, unpackDataset } from '../../../src/engine/core/model/packed-dataset.ts';
import { DatasetSchema } from '../../../src/engine/core/model/dataset.ts';
import { ProjectSchema } from '../../../src/engine/core/model/project.ts';

const dataset = DatasetSchema.parse({
  version: 1,
  name: 'Program',
  people: [{ id: 'a', label: 'Ana' }, { id: 'b', label: 'Ben' }, { id: 'c', label: 'Cy' }],
  ties: [
    { source: 'a', target: 'b', relation: 'advice' },
    { source: 'a', target: 'c', relation: 'co-attendance' },
  ],
});

describe('a new project', () => {
  it('analyses the relations people named, leaving co-attendance one tick away', () => {
    expect(defaultRelations(dataset)).toEqual(['advice']);
    expect(defaultRelations({ ...dataset, ties: dataset.ties.filter((t) => t.relation === 'advice') })).toEqual([]);
  });

  it('lists the relations in first-seen order, the same from the packed tie columns as from the ties', () => {
    const declared = DatasetSchema.parse({ ...dataset, relations: [{ name: 'friendship', directed: false }] });
    const fromTies = relationNames(declared);
    expect(fromTies).toEqual(['friendship', 'advice', 'co-attendance']);
    // An imported dataset comes packed: its relation column is read instead of the ties.
    const packed = packDataset(declared);
    const unpacked = unpackDataset(packed);
    rememberPacked(unpacked, packed);
    expect(relationNames(unpacked)).toEqual(fromTies);
  });

  it('is a valid project with default settings, its sources and a fresh id', () => {
    const project = newProject('Program', dataset, { sources: [{ name: 'ties.csv', kind: 'edges' }], createdAt: '2026-12-06T00:00:00.000Z' });
    expect(ProjectSchema.parse(project)).toEqual(project);
    expect(project.settings.relations).toEqual(['advice']);
    expect(project.updatedAt).toBe(project.createdAt);
    expect(newProjectId(0, () => 0.5)).toBe('p-0-' + (5e8).toString(36));
    expect(newProject('x', dataset).id).not.toBe(newProject('x', dataset).id);
  });
});
