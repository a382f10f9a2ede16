/**
 * The .netweave.json project file: round trip, and clear refusals that name the field.
 */
import { describe, expect, it } from 'vitest';
import { parseProjectFile, serializeProject } from '../../../src/engine/project/project-file.ts';
import { ProjectSchema } from '../../../src/engine/core/model/project.ts';

const project = ProjectSchema.parse({
  format: 'netweave-project',
  version: 1,
  id: 'p1',
  name: 'Cohort 2025',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-02T00:00:00Z',
  dataset: { version: 1, people: [{ id: 'a', label: 'Ana', attributes: { sector: 'Nonprofit' } }], ties: [] },
  layout: { a: [1, 2] },
});

describe('project file', () => {
  it('round-trips', () => {
    const result = parseProjectFile(serializeProject(project), 'cohort.netweave.json');
    expect(result).toEqual({ ok: true, value: project, issues: [] });
  });

  it('refuses a newer version with an actionable message', () => {
    const result = parseProjectFile(JSON.stringify({ ...project, version: 9 }), 'new.netweave.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ file: 'new.netweave.json', field: 'version', message: expect.stringMatching(/newer version of netweave/) });
  });

  it('names the invalid field', () => {
    const broken = { ...project, dataset: { ...project.dataset, people: [{ id: '', label: 'x' }] } };
    const result = parseProjectFile(JSON.stringify(broken), 'broken.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.field).toBe('dataset.people.0.id');
  });

  it('refuses files that are not projects', () => {
    expect(parseProjectFile('{"nodes":[]}', 'x.json')).toMatchObject({ ok: false, issues: [{ code: 'not-a-project' }] });
    expect(parseProjectFile('not json', 'x.json')).toMatchObject({ ok: false, issues: [{ code: 'bad-json' }] });
  });
});
