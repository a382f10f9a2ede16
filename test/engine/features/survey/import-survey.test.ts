import { describe, expect, it } from 'vitest';
import { DatasetSchema } from '../../../../src/engine/core/model/dataset.ts';
import { ResolutionDecisionsSchema, ResolutionEntrySchema, AmbiguitySchema } from '../../../../src/engine/core/model/survey.ts';
import type { ResolutionDecision } from '../../../../src/engine/core/model/survey.ts';
import type { InputIssue } from '../../../../src/engine/core/util/issues.ts';
import { importSurvey } from '../../../../src/engine/features/survey/import-survey.ts';
import type { ImportSurveyOptions, SurveyImport, SurveySource } from '../../../../src/engine/features/survey/import-survey.ts';
import { detectSurveyLayout } from '../../../../src/engine/features/survey/survey-layout.ts';
import { generateSurvey } from './generate.ts';
import { fixture, surveyRead, table } from './helpers.ts';

const roster = { file: 'roster.csv', table: fixture('roster.csv') };
const google = (): SurveySource => ({ file: 'google-forms.csv', table: fixture('google-forms.csv') });
const run = (surveys: SurveySource[], withRoster: boolean, options: ImportSurveyOptions = {}): SurveyImport & { issues: InputIssue[] } =>
  surveyRead(importSurvey({ surveys, ...(withRoster ? { roster } : {}) }, options));
const ties = (result: SurveyImport): string[] => result.dataset.ties.map((t) => `${t.source} -> ${t.target} (${t.relation}${t.weight !== 1 ? ` ${t.weight}` : ''})`);
const codes = (result: { issues: InputIssue[] }): string[] => [...new Set(result.issues.map((i) => i.code))].sort();
const person = (result: SurveyImport, id: string) => result.dataset.people.find((p) => p.id === id);

describe('importSurvey: a Google Forms export with a roster', () => {
  const result = run([google()], true, { mode: 'auto' });

  it('makes a valid dataset with one directed relation per question', () => {
    expect(DatasetSchema.safeParse(result.dataset).success).toBe(true);
    expect(result.dataset.relations).toEqual([
      { name: 'work-with', directed: true, description: 'Who have you worked with on the coalition this year?' },
      { name: 'advice', directed: true, description: 'Who do you go to for advice? (up to 5)' },
    ]);
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('resolves every name written, one entry each, with file, row and field', () => {
    expect(result.resolution.every((e) => ResolutionEntrySchema.safeParse(e).success)).toBe(true);
    const byText = Object.fromEntries(result.resolution.map((e) => [`${e.respondent}: ${e.written}`, [e.person, e.status]]));
    expect(byText).toMatchObject({
      'Maria Lopez: Bob Smith': ['Robert Smith', 'matched'],
      'Maria Lopez: Okafor, Ana': ['Ana Okafor', 'matched'],
      'Maria Lopez: Elizabeth Novak': ['Elizabeth Novak', 'matched'],
      'Jin Chen: 李小龙': ['李小龙', 'matched'],
      'Ana Okafor: Мария Иванова': ['Мария Иванова', 'matched'],
      'Ana Okafor: محمد علي': ['محمد علي', 'matched'],
      'Ana Okafor: Maria Lopz': ['Maria Lopez', 'matched'],
      'Ana Okafor: my whole team': [null, 'not-a-person'],
      'Jin Chen: n/a': [null, 'not-a-person'],
      'Kwame Mensah: Kwame Mensah': [null, 'self'],
      'Kwame Mensah: Dana Whitfield': ['Dana Whitfield', 'new-person'],
    });
    const jChen = result.resolution.find((e) => e.written === 'J. Chen');
    expect(jChen).toMatchObject({ file: 'google-forms.csv', row: 6, field: 'Who have you worked with on the coalition this year?', status: 'best-guess', person: 'Jin Chen' });
  });

  it('keeps hygiene: latest duplicate wins, blank rows, self-nominations, people not on the roster, response rate', () => {
    expect(result.hygiene.duplicateSubmissions).toEqual([{ file: 'google-forms.csv', respondent: 'Maria Lopez', kept: 6, dropped: [2] }]);
    expect(result.hygiene.files[0]).toMatchObject({ blankRows: [5], submissions: 5, respondents: 4, duplicateSubmissions: 1 });
    expect(result.hygiene.selfNominations).toEqual([{ file: 'google-forms.csv', row: 7, respondent: 'Kwame Mensah', written: 'Kwame Mensah' }]);
    expect(result.hygiene.namedNotOnRoster).toEqual(['Dana Whitfield']);
    expect(result.hygiene.rosterSize).toBe(11);
    expect(result.hygiene.respondents).toBe(4);
    expect(result.hygiene.responseRate).toBeCloseTo(4 / 11);
    expect(codes(result)).toEqual(
      ['ambiguous-name-resolved', 'blank-row', 'duplicate-submission', 'not-a-person', 'not-on-roster', 'self-nomination'].sort(),
    );
    // The dropped submission's names ("Liz Novak") are not in the network.
    expect(result.resolution.some((e) => e.written === 'Liz Novak')).toBe(false);
  });

  it('keeps roster and survey attributes, email included, and flags who responded', () => {
    expect(person(result, 'Maria Lopez')?.attributes).toMatchObject({
      email: 'maria.lopez@riverbend.example',
      organization: 'Riverbend Transit',
      skills: ['facilitation', 'policy analysis'],
      responded: true,
      onRoster: true,
    });
    expect(person(result, 'Sara Haddad')?.attributes).toMatchObject({ responded: false, onRoster: true });
    expect(person(result, 'Dana Whitfield')?.attributes).toMatchObject({ responded: false, onRoster: false });
    expect(result.hygiene.nonRespondents).toContain('Sara Haddad');
  });

  it('is deterministic', () => {
    expect(run([google()], true, { mode: 'auto' })).toEqual(result);
  });
});

describe('ambiguous names and the user decisions', () => {
  it('review mode never guesses: the ambiguity is listed with candidates and confidences', () => {
    const review = run([google()], true);
    const entry = review.resolution.find((e) => e.written === 'J. Chen');
    expect(entry).toMatchObject({ person: null, status: 'ambiguous', confidence: 0 });
    expect(review.ambiguous).toHaveLength(1);
    const ambiguity = review.ambiguous[0];
    expect(AmbiguitySchema.safeParse(ambiguity).success).toBe(true);
    expect(ambiguity?.candidates.map((c) => c.person)).toEqual(['Jin Chen', 'Jun Chen']);
    expect(ambiguity?.candidates[0]?.reasons).toEqual(expect.arrayContaining(['initial and surname', 'they named the respondent']));
    expect(ambiguity?.chosen).toBe('Jin Chen');
    expect(review.unmatched.map((u) => [u.written, u.status])).toContainEqual(['J. Chen', 'ambiguous']);
    expect(review.dataset.ties.some((t) => t.source === 'Maria Lopez' && t.target === 'Jin Chen' && t.relation === 'work-with')).toBe(false);
  });

  it('a threshold above the best confidence leaves the name unresolved in auto mode', () => {
    const strict = run([google()], true, { mode: 'auto', threshold: 0.95 });
    expect(strict.resolution.find((e) => e.written === 'J. Chen')).toMatchObject({ person: null, status: 'ambiguous' });
    expect(strict.issues.find((i) => i.code === 'ambiguous-name')?.message).toMatch(/below 0.95/);
  });

  it('re-applies saved decisions: match, new person, names no one; most specific first', () => {
    const decisions: ResolutionDecision[] = ResolutionDecisionsSchema.parse([
      { action: 'match', written: 'J. Chen', person: 'Jun Chen' },
      { action: 'new-person', written: 'Maria Lopz', respondent: 'Ana Okafor', label: 'Maria Lopes' },
      { action: 'not-a-person', written: 'dana whitfield' },
      { action: 'match', written: 'Kwame Mensah', respondent: 'Jin Chen', question: 'work-with', person: 'Kwame Mensah' },
      { action: 'match', written: 'Somebody Gone', person: 'Nobody Here' },
    ]);
    const decided = run([google()], true, { decisions });
    const get = (written: string) => decided.resolution.find((e) => e.written === written);
    expect(get('J. Chen')).toMatchObject({ person: 'Jun Chen', status: 'decided', confidence: 1 });
    expect(get('Maria Lopz')).toMatchObject({ person: 'Maria Lopes', status: 'decided' });
    expect(person(decided, 'Maria Lopes')).toBeDefined();
    expect(get('Dana Whitfield')).toMatchObject({ person: null, status: 'not-a-person' });
    expect(person(decided, 'Dana Whitfield')).toBeUndefined();
    expect(decided.ambiguous).toEqual([]);
    expect(decided.issues.filter((i) => i.code === 'unused-decision').map((i) => i.message)).toEqual([expect.stringContaining('Somebody Gone')]);
  });

  it('reports a decision that names a person no longer in the data, and resolves automatically', () => {
    const stale = run([google()], true, { mode: 'auto', decisions: [{ action: 'match', written: 'Bob Smith', person: 'Somebody Else' }] });
    expect(stale.resolution.find((e) => e.written === 'Bob Smith')).toMatchObject({ person: 'Robert Smith', status: 'matched' });
    expect(codes(stale)).toContain('stale-decision');
  });
});

describe('without a roster', () => {
  it('clusters written names: respondents and the names written are the people', () => {
    const result = run([google()], false, { mode: 'auto' });
    const ids = result.dataset.people.map((p) => p.id).sort();
    expect(ids).toEqual(
      ['Ana Okafor', 'Bob Smith', 'Dana Whitfield', 'Elizabeth Novak', 'Jin Chen', 'Kwame Mensah', 'Maria Lopez', 'Sara Haddad', 'Мария Иванова', 'محمد علي', '李小龙'].sort(),
    );
    expect(result.resolution.find((e) => e.written === 'J. Chen')).toMatchObject({ person: 'Jin Chen', status: 'matched' });
    expect(result.resolution.find((e) => e.written === 'Maria Lopz')).toMatchObject({ person: 'Maria Lopez' });
    expect(result.hygiene.rosterSize).toBeNull();
    expect(result.hygiene.responseRate).toBeCloseTo(4 / 11);
    expect(person(result, 'Sara Haddad')?.attributes).toEqual({ responded: false });
  });

  it('labels a person by the best-attested spelling', () => {
    const csv = [
      'Your name,Email,Who do you know?',
      'jin chen,jin.chen@x.example,"Maria Lopez, Robrt Smith"',
      'Ana Okafor,ana@x.example,"Robert Smith; maria lopez"',
      'Kwame Mensah,kwame@x.example,"Robert Smith, M. Lopez"',
    ].join('\n');
    const result = surveyRead(importSurvey({ surveys: [{ file: 's.csv', table: table(csv) }] }, { mode: 'auto' }));
    expect(result.dataset.people.map((p) => p.label).sort()).toEqual(['Ana Okafor', 'Jin Chen', 'Kwame Mensah', 'Maria Lopez', 'Robert Smith']);
    expect(result.resolution.filter((e) => e.person === 'Robert Smith')).toHaveLength(3);
  });
});

describe('grid, long format and the other survey tools', () => {
  it('grid answers become weighted ties; "Don\'t know" is no tie', () => {
    const result = run([{ file: 'surveymonkey.csv', table: fixture('surveymonkey.csv') }], true);
    expect(ties(result)).toEqual([
      'Maria Lopez -> Jin Chen (know 2)',
      'Maria Lopez -> Robert Smith (know 3)',
      'Maria Lopez -> Ana Okafor (know)',
      'Jin Chen -> Maria Lopez (know)',
      'Jin Chen -> Ana Okafor (know 2)',
      'Ana Okafor -> Maria Lopez (know 3)',
    ]);
    expect(person(result, 'Ana Okafor')?.attributes['What is your organization?'] ?? person(result, 'Ana Okafor')?.attributes['organization']).toBe('Green Fund');
  });

  it('the user can edit the scale and rename the relation', () => {
    const detected = detectSurveyLayout(fixture('surveymonkey.csv'));
    const edited = { ...detected, questions: detected.questions.map((q) => ({ ...q, relation: 'familiarity' })), scale: { ...detected.scale, know: 0 } };
    const result = run([{ file: 'surveymonkey.csv', table: fixture('surveymonkey.csv'), layout: edited }], true);
    expect(ties(result)).toEqual([
      'Maria Lopez -> Jin Chen (familiarity 2)',
      'Maria Lopez -> Robert Smith (familiarity 3)',
      'Jin Chen -> Ana Okafor (familiarity 2)',
      'Ana Okafor -> Maria Lopez (familiarity 3)',
    ]);
  });

  it('Qualtrics, Typeform and Microsoft Forms exports import', () => {
    expect(ties(run([{ file: 'qualtrics.csv', table: fixture('qualtrics.csv') }], true))).toEqual([
      'Jin Chen -> Maria Lopez (work-with 3)',
      'Jin Chen -> Kwame Mensah (work-with 2)',
      'Elizabeth Novak -> Maria Lopez (work-with 4)',
      'Elizabeth Novak -> Sara Haddad (work-with)',
    ]);
    expect(ties(run([{ file: 'typeform.csv', table: fixture('typeform.csv') }], true))).toHaveLength(5);
    const ms = run([{ file: 'microsoft-forms.csv', table: fixture('microsoft-forms.csv') }], true);
    expect(ties(ms)).toContain('Sara Haddad -> Jun Chen (collaborate)');
    expect(codes(ms)).toEqual([]);
  });

  it('long format: one row per tie, strength through the scale, zero drops the tie', () => {
    const result = run([{ file: 'long-format.csv', table: fixture('long-format.csv') }], true, { mode: 'auto' });
    expect(ties(result)).toEqual([
      'Maria Lopez -> Jin Chen (advice 3)',
      'Maria Lopez -> Robert Smith (collaboration 2)',
      'Jin Chen -> Maria Lopez (advice)',
      'Jin Chen -> Kwame Mensah (collaboration)',
      'Kwame Mensah -> Jin Chen (advice 3)',
    ]);
  });

  it('several waves: ties carry the wave, people say which waves they answered', () => {
    const result = run([google(), { file: 'google-forms-wave2.csv', table: fixture('google-forms.csv'), wave: 'spring' }], true);
    expect(new Set(result.dataset.ties.map((t) => t.wave))).toEqual(new Set(['google-forms', 'spring']));
    expect(person(result, 'Jin Chen')?.attributes['respondedIn']).toEqual(['google-forms', 'spring']);
    expect(result.hygiene.files.map((f) => f.wave)).toEqual(['google-forms', 'spring']);
  });
});

describe('bad input: each handled with a clear message, nothing lost', () => {
  it('no recognisable identity column: an error naming the columns, no exception', () => {
    const result = surveyRead(importSurvey({ surveys: [{ file: 'anon.csv', table: table('Colour,Who do you work with?\nblue,"Maria Lopez, Jin Chen"\n') }] }));
    const error = result.issues.find((i) => i.level === 'error');
    expect(error).toMatchObject({ code: 'no-identity-column', file: 'anon.csv', row: 1 });
    expect(error?.message).toContain('"Colour"');
    expect(result.dataset.ties).toEqual([]);
  });

  it('rows without a respondent are reported with their row', () => {
    const csv = 'Your name,Who do you work with?\nMaria Lopez,Jin Chen\n,"Ana Okafor, Robert Smith"\n';
    const result = surveyRead(importSurvey({ surveys: [{ file: 's.csv', table: table(csv) }] }));
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'no-respondent', row: 3 }));
    expect(result.hygiene.files[0]?.withoutIdentity).toEqual([3]);
  });

  it('names in other scripts are kept and matched exactly', () => {
    const csv = 'Your name,Email,Who do you work with?\n李小龙,xiaolong.li@harbor.example,"Мария Иванова; محمد علي"\nМария Иванова,maria.ivanova@riverbend.example,"李小龙, Мария Иванова"\n';
    const result = surveyRead(importSurvey({ surveys: [{ file: 's.csv', table: table(csv) }], roster }, { mode: 'auto' }));
    expect(ties(result)).toEqual(['李小龙 -> Мария Иванова (work-with)', '李小龙 -> محمد علي (work-with)', 'Мария Иванова -> 李小龙 (work-with)']);
    expect(result.hygiene.selfNominations).toHaveLength(1);
  });

  it('formula-like cells are plain text: never evaluated, names still found, text kept as written', () => {
    const csv = 'Your name,Who do you work with?\n=1+1,"=HYPERLINK(""http://evil.example""), +Maria Lopez; @Jin Chen; -Ana Okafor"\n';
    const result = surveyRead(importSurvey({ surveys: [{ file: 's.csv', table: table(csv) }], roster }, { mode: 'auto' }));
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(result.resolution.map((e) => [e.written, e.person])).toEqual([
      ['=HYPERLINK("http://evil.example")', null],
      ['+Maria Lopez', 'Maria Lopez'],
      ['@Jin Chen', 'Jin Chen'],
      ['-Ana Okafor', 'Ana Okafor'],
    ]);
    expect(result.hygiene.respondentsNotOnRoster).toEqual(['=1+1']);
  });

  it('a 10,000-character cell: every name kept, free text reported, not made a person', () => {
    const names = ['Maria Lopez', 'Jin Chen', 'Ana Okafor'];
    const essay = 'I mostly work with people across the whole region on many projects and it is hard to list them all here. '.repeat(100);
    const cell = `${names.join(', ')}; ${essay}`.slice(0, 10_000);
    expect(cell.length).toBe(10_000);
    const csv = `Your name,Who do you work with?\nKwame Mensah,"${cell}"\n`;
    const result = surveyRead(importSurvey({ surveys: [{ file: 's.csv', table: table(csv) }], roster }, { mode: 'auto' }));
    expect(ties(result)).toEqual(names.map((n) => `Kwame Mensah -> ${n} (work-with)`));
    const long = result.resolution.filter((e) => e.person === null);
    expect(long.length).toBeGreaterThan(0);
    expect(long.every((e) => e.status === "not-a-person" && /free text|not a name|no one|description|group|sentence/.test(e.method))).toBe(true);
    expect(result.dataset.people).toHaveLength(11);
  });

  it('a respondent who wrote their name differently is found on the roster by email, or by name', () => {
    const csv = 'Your name,Email,Who do you work with?\nM. Lopez,maria.lopez@riverbend.example,Jin Chen\nBob Smith,,Maria Lopez\n';
    const result = surveyRead(importSurvey({ surveys: [{ file: 's.csv', table: table(csv) }], roster }));
    expect(ties(result)).toEqual(['Maria Lopez -> Jin Chen (work-with)', 'Robert Smith -> Maria Lopez (work-with)']);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'respondent-matched-by-name', row: 3 }));
  });

  it('reports progress and can be cancelled', () => {
    const steps: string[] = [];
    surveyRead(importSurvey({ surveys: [google()], roster }, {}, { onProgress: (step) => steps.push(step) }));
    expect(new Set(steps)).toEqual(new Set(['reading surveys', 'resolving names', 'building the network']));
    expect(() => surveyRead(importSurvey({ surveys: [google()], roster }, {}, { isCancelled: () => true }))).toThrow(/cancelled/);
  });

  it('respondents not on the roster are added and reported', () => {
    const csv = 'Your name,Email,Who do you work with?\nZoe Quartermaine,zoe@x.example,Maria Lopez\n';
    const result = surveyRead(importSurvey({ surveys: [{ file: 's.csv', table: table(csv) }], roster }));
    expect(result.hygiene.respondentsNotOnRoster).toEqual(['Zoe Quartermaine']);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'respondent-not-on-roster', row: 2 }));
    expect(person(result, 'Zoe Quartermaine')?.attributes).toMatchObject({ email: 'zoe@x.example', responded: true, onRoster: false });
  });

  it('an invalid layout is an error, not an exception', () => {
    const result = surveyRead(importSurvey({ surveys: [{ file: 's.csv', table: fixture('google-forms.csv'), layout: { kind: 'nonsense' } as never }] }));
    expect(result.issues[0]).toMatchObject({ level: 'error', code: 'bad-layout' });
  });

  it('5,000 respondents resolve accurately', () => {
    const generated = generateSurvey(5000, 5000, 5);
    const survey = table(generated.surveyCsv);
    const rosterTable = table(generated.rosterCsv, 'roster.csv');
    const result = surveyRead(importSurvey({ surveys: [{ file: 'survey.csv', table: survey }], roster: { file: 'roster.csv', table: rosterTable } }, { mode: 'auto' }));
    let correct = 0;
    let wrong = 0;
    for (const entry of result.resolution) {
      const truth = generated.truth.get(`${entry.row}\u0000${entry.written}`);
      if (entry.person === truth) correct++;
      else if (entry.person !== null) wrong++;
    }
    expect(result.resolution.length).toBeGreaterThanOrEqual(generated.truth.size);
    expect(correct / result.resolution.length).toBeGreaterThan(0.97);
    expect(wrong / result.resolution.length).toBeLessThan(0.02);
  }, 30_000);
});
