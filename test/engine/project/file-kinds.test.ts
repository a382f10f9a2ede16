/**
 * What the import dialog says each dropped file holds (judgeFileKinds, src/engine/project/
 * file-kinds.ts), on the sample files in data/ and test/fixtures/: sure when one kind has a sign
 * only it gives (or a single kind fits), unsure (no kind chosen for the user) when several kinds
 * fit or none does. The app's own abilities.csv was once taken for convening attendance, and the
 * mentees template for a relationship survey, without a word.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewFiles } from '../../../src/engine/project/preview-files.ts';
import { judgeFileKinds, type FileKind, type KindVerdict } from '../../../src/engine/project/file-kinds.ts';
import { COALITION_DIR } from '../../helpers/samples.ts';
import { workbookOf } from '../../helpers/workbook.ts';

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '../../..');

/** Previews and judges files dropped together, given by their path from the repository root. */
function judge(paths: string[], chosen: Record<string, FileKind> = {}): Record<string, KindVerdict> {
  const previews = previewFiles(paths.map((p) => ({ name: path.basename(p), text: readFileSync(path.join(ROOT, p), 'utf8') })));
  const verdicts = judgeFileKinds(previews.map((preview) => ({ preview, chosen: chosen[preview.name] ?? null })));
  return Object.fromEntries(previews.map((p, i) => [p.name, verdicts[i]!]));
}

function one(file: string): KindVerdict {
  return Object.values(judge([file]))[0]!;
}

const kinds = (v: KindVerdict) => v.candidates.map((c) => `${c.kind}/${c.strength}`);

describe('what a dropped file holds', () => {
  it('reads the coalition self-assessment as one, with what it found, and not as attendance', () => {
    const v = one('data/samples/coalition/abilities.csv');
    expect(v).toMatchObject({ kind: 'abilities', sure: true });
    expect(v.candidates[0]!.found).toBe('columns "Engagement", "Convening", "Sharing", "Collaboration" and "Advocating" hold scores from 1 to 5');
    // Attendance and people fit too, but only weakly: "Convening" holds scores, not events.
    expect(kinds(v)).toEqual(['abilities/strong', 'attendance/weak', 'nodes/weak']);
    expect(v.candidates[1]!.found).toContain('holds numbers, not event names');
    for (const file of ['test/fixtures/skills/abilities-good.csv', 'test/fixtures/skills/abilities-bad.csv']) expect(one(file)).toMatchObject({ kind: 'abilities', sure: true });
  });

  it('asks when a self-assessment could as well be attendance', () => {
    // "Convening" holds event names here: both kinds have a sign of their own.
    const previews = previewFiles([{ name: 'abilities.csv', text: 'name,Convening,Sharing,Engagement\nAna Lima,Spring convening,4,3\nBen Okafor,Spring convening,2,5\n' }]);
    const [v] = judgeFileKinds(previews.map((preview) => ({ preview })));
    expect(v).toMatchObject({ kind: null, sure: false });
    expect(kinds(v!)).toEqual(['abilities/strong', 'attendance/strong', 'nodes/weak']);
  });

  it('reads each coalition sample as what it is', () => {
    const expected: Record<string, FileKind> = {
      'attendance.csv': 'attendance',
      'mentorships.csv': 'mentorships',
      'people.csv': 'nodes',
      'survey_wave1.csv': 'survey',
      'systemmap/links.csv': 'map-links',
      'systemmap/factors.csv': 'map-factors',
      'systemmap/actors.csv': 'map-actors',
      'systemmap/kumu-map.json': 'map-kumu',
    };
    for (const [file, kind] of Object.entries(expected)) {
      const v = one(path.relative(ROOT, path.join(COALITION_DIR, file)));
      expect({ file, kind: v.kind, sure: v.sure }).toEqual({ file, kind, sure: true });
    }
    expect(one('data/samples/coalition/attendance.csv').candidates[0]!.found).toBe('"attendee" names who came and "event" the event');
    expect(one('data/samples/coalition/systemmap/links.csv').candidates[0]!.found).toBe('columns "from" and "to", with + or − in "polarity"');
  });

  it('reads network files as before, saying which columns it used', () => {
    const ties = one('test/e2e/fixtures/team.csv');
    expect(ties).toMatchObject({ kind: 'edges', sure: true });
    expect(ties.candidates[0]!.found).toBe('columns "source" and "target" name the two people of each tie');
    expect(one('test/fixtures/ingest/semicolon-bom.csv').candidates[0]!.found).toContain('"From" and "To"');
    expect(one('test/fixtures/classic/karate/nodes.csv')).toMatchObject({ kind: 'nodes', sure: true });
    expect(one('test/fixtures/ingest/gephi-coalition.gexf')).toMatchObject({ kind: 'gexf', sure: true });
    expect(one('test/fixtures/ingest/yed-team.graphml')).toMatchObject({ kind: 'graphml', sure: true });
    expect(one('test/fixtures/ingest/legacy-v0.json')).toMatchObject({ kind: 'json', sure: true });
    expect(one('test/fixtures/classic/davis/attendance.csv')).toMatchObject({ kind: 'attendance', sure: true });
  });

  it('reads survey exports from every form tool as surveys', () => {
    for (const tool of ['google-forms', 'microsoft-forms', 'surveymonkey', 'qualtrics', 'typeform', 'long-format']) {
      expect({ tool, ...one(`test/fixtures/survey/${tool}.csv`) }).toMatchObject({ tool, kind: 'survey', sure: true });
    }
  });

  it('asks about the mentees template instead of taking its goals for a survey question', () => {
    const v = one('test/fixtures/matching/mentees.csv');
    expect(v).toMatchObject({ kind: null, sure: false });
    expect(kinds(v)).toEqual(['survey/weak', 'nodes/weak']);
    expect(v.note).toMatch(/mentees file for mentor matching/);
    expect(one('test/fixtures/matching/mentors.csv').note).toMatch(/mentors file/);
  });

  it('asks when nothing fits, with the reason', () => {
    const v = one('test/fixtures/systemmap/sir/loops.csv');
    expect(v).toMatchObject({ kind: null, sure: false, candidates: [] });
    expect(v.reason).toMatch(/could not tell from its first line/);
  });

  it('takes a list of people beside a survey for its roster', () => {
    const v = judge(['data/samples/coalition/survey_wave1.csv', 'data/samples/coalition/people.csv', 'data/samples/coalition/attendance.csv', 'data/samples/coalition/mentorships.csv']);
    expect(Object.fromEntries(Object.entries(v).map(([name, verdict]) => [name, verdict.kind]))).toEqual({
      'survey_wave1.csv': 'survey',
      'people.csv': 'roster',
      'attendance.csv': 'attendance',
      'mentorships.csv': 'mentorships',
    });
    expect(v['people.csv']!.candidates[0]!.found).toBe('a list of people (column "name") beside a survey');
  });

  it('takes lists beside causal links for factors or actors, and asks about files that say nothing themselves', () => {
    const coalition = judge(['data/samples/coalition/systemmap/links.csv', 'test/fixtures/classic/karate/nodes.csv', 'test/fixtures/systemmap/sir/loops.csv']);
    expect(coalition['nodes.csv']).toMatchObject({ kind: 'map-factors', sure: true });
    expect(coalition['nodes.csv']!.candidates[0]!.found).toBe('a list of names, beside causal links');
    expect(coalition['loops.csv']).toMatchObject({ kind: null, sure: false });
    expect(kinds(coalition['loops.csv']!)).toEqual(['map-factors/weak']);
    // An edge list beside causal links could be either.
    const mixed = judge(['data/samples/coalition/systemmap/links.csv', 'test/fixtures/classic/karate/edges.csv']);
    expect(mixed['edges.csv']).toMatchObject({ kind: null, sure: false });
  });

  it('follows what the user chose: a file chosen as the survey makes the people list beside it the roster', () => {
    const alone = judge(['test/fixtures/matching/mentees.csv', 'test/fixtures/survey/roster.csv']);
    expect(alone['roster.csv']!.kind).toBe('nodes');
    const chosen = judge(['test/fixtures/matching/mentees.csv', 'test/fixtures/survey/roster.csv'], { 'mentees.csv': 'survey' });
    expect(chosen['roster.csv']!.kind).toBe('roster');
  });
});

describe('a dropped Kumu workbook', () => {
  const judgeWorkbook = (sheets: Record<string, string[][]>) => {
    const [preview] = previewFiles([{ name: 'map.xlsx', text: '', bytes: workbookOf(sheets) }]);
    return { preview: preview!, verdict: judgeFileKinds([{ preview: preview! }])[0]! };
  };

  it('leans to a system map when its connections carry signs, and counts its element types', () => {
    const { preview, verdict } = judgeWorkbook({
      Elements: [['Label', 'Type'], ['Housing costs', 'Factor'], ['Displacement', 'Factor'], ['Green Alliance', 'Organization']],
      Connections: [['From', 'To', 'Type'], ['Housing costs', 'Displacement', '+'], ['Displacement', 'Housing costs', '-']],
    });
    expect(preview).toMatchObject({ detected: { kind: 'kumu' }, mapKind: 'map-kumu', kumu: 'system-map', kumuShape: 'workbook' });
    expect(preview.kumuTypes).toEqual([
      { type: 'Factor', count: 2 },
      { type: 'Organization', count: 1 },
    ]);
    expect(verdict).toMatchObject({ kind: 'map-kumu', sure: true });
    expect(kinds(verdict)).toEqual(['map-kumu/strong', 'kumu/weak']);
    expect(verdict.candidates[0]!.found).toBe('a Kumu workbook whose connections carry + and - signs');
  });

  it('leans to a people network when its elements are people and organisations, and asks when it cannot tell', () => {
    const people = judgeWorkbook({
      Elements: [['Label', 'Type'], ['Ana Lima', 'Interviewee'], ['Green Alliance', 'Organization']],
      Connections: [['From', 'To', 'Type'], ['Ana Lima', 'Green Alliance', 'member of']],
    });
    expect(people.verdict).toMatchObject({ kind: 'kumu', sure: true });
    expect(people.verdict.candidates[0]!.found).toBe('a Kumu workbook of people and organisations, with no signed connections');
    const unclear = judgeWorkbook({ Elements: [['Label'], ['A']], Connections: [['From', 'To'], ['A', 'B']] });
    expect(unclear.verdict).toMatchObject({ kind: null, sure: false });
    expect(kinds(unclear.verdict)).toEqual(['map-kumu/weak', 'kumu/weak']);
  });
});
