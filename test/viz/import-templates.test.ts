/**
 * Every template the import dialog hands out goes back through the importer it is for without an
 * error (a round trip), and the import dialog's detection reads it as the kind it is for.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/engine/io/import-files.ts';
import { edgeListTemplateCsv, peopleTemplateCsv } from '../../src/engine/io/network-templates.ts';
import { readSurveyTable } from '../../src/engine/io/read-table.ts';
import { attendanceTemplateCsv } from '../../src/engine/features/convenings/attendance-template.ts';
import { mentorshipsTemplateCsv } from '../../src/engine/features/mentorship/mentorships-template.ts';
import { systemMapActorsTemplateCsv, systemMapFactorsTemplateCsv, systemMapLinksTemplateCsv } from '../../src/engine/features/systemmap/templates.ts';
import { importSystemMapFiles } from '../../src/engine/features/systemmap/import-files.ts';
import { importAbilities } from '../../src/engine/features/skills/abilities-import.ts';
import { abilitiesTemplateCsv } from '../../src/engine/features/skills/leadership-abilities.ts';
import { addProgramFiles } from '../../src/engine/project/add-program-files.ts';
import { previewFiles } from '../../src/engine/project/preview-files.ts';
import { judgeFileKinds } from '../../src/engine/project/file-kinds.ts';
import { IMPORT_TEMPLATES } from '../../src/viz/components/import-templates.ts';

const errors = (issues: ReadonlyArray<{ level: string }>) => issues.filter((i) => i.level === 'error');

function people() {
  const read = importFiles([{ name: 'people.csv', text: peopleTemplateCsv() }], { kinds: { 'people.csv': 'nodes' } });
  if (!read.ok) throw new Error('the people template did not read');
  return read.value;
}

describe('import templates, read back by their importers', () => {
  it('edge list and people: one network of three people and three ties', () => {
    const read = importFiles([
      { name: 'ties.csv', text: edgeListTemplateCsv() },
      { name: 'people.csv', text: peopleTemplateCsv() },
    ]);
    expect(errors(read.issues)).toEqual([]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.people.map((p) => p.id).sort()).toEqual(['Bob Smith', 'Jin Chen', 'Maria Lopez']);
    expect(read.value.ties).toHaveLength(3);
    expect(people().people.find((p) => p.id === 'Jin Chen')?.attributes).toMatchObject({ organization: 'City of Riverbend' });
  });

  it('attendance: two events joined to the people, none added', () => {
    const table = readSurveyTable({ name: 'attendance.csv', text: attendanceTemplateCsv() });
    expect(table.ok).toBe(true);
    const added = addProgramFiles(people(), [{ name: 'attendance.csv', text: attendanceTemplateCsv(), kind: 'attendance' }]);
    expect(added.issues).toEqual([]);
    if (!added.ok) throw new Error('attendance did not read');
    expect(added.value.attendance.map((a) => `${a.person}@${a.event}`).sort()).toEqual([
      'Bob Smith@Summer workshop',
      'Jin Chen@Spring convening',
      'Maria Lopez@Spring convening',
      'Maria Lopez@Summer workshop',
    ]);
    expect(added.value.people).toHaveLength(3);
  });

  it('mentorships: two pairs joined to the people', () => {
    const added = addProgramFiles(people(), [{ name: 'mentorships.csv', text: mentorshipsTemplateCsv(), kind: 'mentorships' }]);
    expect(added.issues).toEqual([]);
    if (!added.ok) throw new Error('mentorships did not read');
    expect(added.value.mentorships.map((m) => `${m.mentor}->${m.mentee}`).sort()).toEqual(['Bob Smith->Maria Lopez', 'Maria Lopez->Jin Chen']);
  });

  it('system map links, factors and actors: one map with its loop, factors described, actors working on them', () => {
    const read = importSystemMapFiles([
      { name: 'links.csv', text: systemMapLinksTemplateCsv(), kind: 'map-links' },
      { name: 'factors.csv', text: systemMapFactorsTemplateCsv(), kind: 'map-factors' },
      { name: 'actors.csv', text: systemMapActorsTemplateCsv(), kind: 'map-actors' },
    ]);
    expect(read.issues).toEqual([]);
    if (!read.ok) throw new Error('the system map did not read');
    const map = read.value;
    expect(map.factors.map((f) => f.label).sort()).toEqual(['Joint projects', 'Shared wins', 'Staff turnover', 'Trust between partners']);
    expect(map.links.map((l) => l.polarity).sort()).toEqual(['+', '+', '+', '-']);
    expect(map.links.filter((l) => l.delay)).toHaveLength(1);
    expect(map.actors.map((a) => a.label).sort()).toEqual(['Riverbend Housing', 'Smith Family Foundation']);
    expect(map.worksOn).toHaveLength(3);
    // The links alone make a map too.
    expect(errors(importSystemMapFiles([{ name: 'links.csv', text: systemMapLinksTemplateCsv(), kind: 'map-links' }]).issues)).toEqual([]);
  });

  it('abilities: the template with a row filled in is read with no problem', () => {
    const filled = `${abilitiesTemplateCsv()}Maria Lopez,maria.lopez@example.org,4,3,5,2,4\n`;
    const read = importAbilities({ name: 'abilities.csv', text: filled }, [{ id: 'Maria Lopez', label: 'Maria Lopez' }]);
    expect(read.issues).toEqual([]);
    expect(read.ok).toBe(true);
  });
});

describe('the dialog offers a template for every kind the app defines', () => {
  it('offers each once, as CSV the dialog reads back as the kind it is for', () => {
    expect(IMPORT_TEMPLATES.map((t) => t.file)).toEqual([
      'ties-template.csv',
      'people-template.csv',
      'attendance-template.csv',
      'mentorships-template.csv',
      'abilities-template.csv',
      'mentees-template.csv',
      'mentors-template.csv',
      'system-map-links-template.csv',
      'system-map-factors-template.csv',
      'system-map-actors-template.csv',
    ]);
    for (const t of IMPORT_TEMPLATES) {
      // Each alone, as a user would drop it back (the abilities template has no rows to read).
      if (t.kind === null || t.file === 'abilities-template.csv') continue;
      const [verdict] = judgeFileKinds(previewFiles([{ name: t.file, text: t.csv() }]).map((preview) => ({ preview })));
      expect({ file: t.file, kind: verdict!.kind, sure: verdict!.sure }).toEqual({ file: t.file, kind: t.kind, sure: true });
    }
  });
});
