import { describe, expect, it } from 'vitest';
import { SurveyLayoutSchema } from '../../../../src/engine/core/model/survey.ts';
import type { SurveyLayout } from '../../../../src/engine/core/model/survey.ts';
import { defaultScaleWeight, weightOf } from '../../../../src/engine/features/survey/grid-scale.ts';
import { relationNameFor } from '../../../../src/engine/features/survey/relation-name.ts';
import { detectSurveyLayout } from '../../../../src/engine/features/survey/survey-layout.ts';
import { parseTimestamp } from '../../../../src/engine/io/timestamps.ts';
import { fixture, table } from './helpers.ts';

const headers = (columns: ReadonlyArray<{ header: string }>): string[] => columns.map((c) => c.header);
const roles = (layout: SurveyLayout) => ({
  kind: layout.kind,
  name: layout.identity.name?.header,
  email: layout.identity.email?.header,
  first: layout.identity.firstName?.header,
  last: layout.identity.lastName?.header,
  timestamp: layout.timestamp?.header,
  questions: layout.questions.map((q) => ({ relation: q.relation, people: q.columns.map((c) => c.person ?? null) })),
  attributes: layout.attributes.map((a) => [a.name, a.separator ?? null]),
});

describe('detectSurveyLayout on each survey tool', () => {
  it('Google Forms: free recall with timestamp, email, name, attributes', () => {
    const layout = detectSurveyLayout(fixture('google-forms.csv'));
    expect(roles(layout)).toEqual({
      kind: 'free-recall',
      name: 'What is your name?',
      email: 'Email address',
      first: undefined,
      last: undefined,
      timestamp: 'Timestamp',
      questions: [
        { relation: 'work-with', people: [null] },
        { relation: 'advice', people: [null] },
      ],
      attributes: [
        ['organization', null],
        ['skills', ','],
      ],
    });
    expect(SurveyLayoutSchema.parse(JSON.parse(JSON.stringify(layout)))).toEqual(layout);
  });

  it('Microsoft Forms: ignores the anonymous account columns and form metadata', () => {
    const layout = detectSurveyLayout(fixture('microsoft-forms.csv'));
    expect(roles(layout)).toMatchObject({ name: 'Your full name', email: 'Your email address', timestamp: 'Completion time' });
    expect(layout.questions.map((q) => q.relation)).toEqual(['collaborate', 'trust']);
    expect(headers(layout.ignored)).toEqual(expect.arrayContaining(['ID', 'Start time', 'Email', 'Name']));
  });

  it('SurveyMonkey: merges the two header rows and finds the grid and its scale', () => {
    const layout = detectSurveyLayout(fixture('surveymonkey.csv'));
    expect(layout.headerRows).toBe(2);
    expect(roles(layout)).toMatchObject({
      kind: 'grid',
      email: 'Email Address',
      first: 'First Name',
      last: 'Last Name',
      questions: [{ relation: 'know', people: ['Maria Lopez', 'Jin Chen', 'Robert Smith', 'Ana Okafor'] }],
    });
    expect(layout.scale).toEqual({ "don't know": 0, know: 1, collaborate: 2, partner: 3 });
    expect(headers(layout.ignored)).toEqual(expect.arrayContaining(['Respondent ID', 'IP Address', 'Collector ID']));
  });

  it('Qualtrics: three header rows, "Question - Person" grid, frequency scale', () => {
    const layout = detectSurveyLayout(fixture('qualtrics.csv'));
    expect(layout.headerRows).toBe(3);
    expect(roles(layout)).toMatchObject({
      kind: 'grid',
      name: 'What is your full name?',
      questions: [{ relation: 'work-with', people: ['Maria Lopez', 'Kwame Mensah', 'Sara Haddad'] }],
      attributes: [['sector', null]],
    });
    expect(layout.scale).toMatchObject({ never: 0, rarely: 1, sometimes: 2, often: 3, always: 4 });
  });

  it('Typeform: checkbox columns headed by people', () => {
    const layout = detectSurveyLayout(fixture('typeform.csv'));
    expect(roles(layout)).toMatchObject({
      kind: 'grid',
      name: "What's your name?",
      email: 'Your email',
      timestamp: 'Submit Date (UTC)',
      questions: [{ people: ['Maria Lopez', 'Jin Chen', 'Kwame Mensah', 'Sara Haddad'] }],
    });
    expect(layout.notes).toEqual([]);
  });

  it('long format: respondent, named, relation, strength', () => {
    const layout = detectSurveyLayout(fixture('long-format.csv'));
    expect(layout.kind).toBe('long');
    expect(layout.identity.name?.header).toBe('respondent');
    expect(layout.long?.named.header).toBe('named');
    expect(layout.long?.strength?.header).toBe('strength');
    expect(layout.questions.map((q) => [q.relation, q.values])).toEqual([
      ['advice', ['advice']],
      ['collaboration', ['collaboration']],
    ]);
  });

  it('says when no column tells who answered', () => {
    const layout = detectSurveyLayout(table('Favourite colour,Who do you work with?\nblue,"Maria Lopez, Jin Chen"\nred,"Ana Okafor; Bob Smith"\n'));
    expect(layout.identity).toEqual({});
    expect(layout.notes.join(' ')).toMatch(/no column says who answered/);
    expect(layout.questions).toHaveLength(1);
  });

  it('detects a question column with thousands of distinct names', () => {
    const word = (n: number): string => {
      let out = '';
      for (let k = n + 1000; k > 0; k = Math.floor(k / 26)) out += String.fromCharCode(97 + (k % 26));
      return out.charAt(0).toUpperCase() + out.slice(1);
    };
    const rows = Array.from({ length: 6000 }, (_, i) => `Ann ${word(i)},"Bo ${word(i + 7000)}, Cy ${word(i + 14000)}"`);
    const big = table(['Your name,Who do you go to for advice?', ...rows].join('\n'));
    const layout = detectSurveyLayout(big);
    expect(layout.identity.name?.header).toBe('Your name');
    expect(layout.questions.map((q) => q.relation)).toEqual(['advice']);
  });
});

describe('relation names, scales, timestamps', () => {
  it('derives short relation names from questions', () => {
    expect(relationNameFor('Who have you collaborated with on coalition work in the past 6 months? (list names)')).toBe('collaborate');
    expect(relationNameFor('Who do you go to for advice about your work? (up to 5 names)')).toBe('advice');
    expect(relationNameFor('Whom do you trust?')).toBe('trust');
    expect(relationNameFor('Who do you know?')).toBe('know');
    expect(relationNameFor('Who mentors you?')).toBe('mentor');
    expect(relationNameFor('Q7')).toBe('q7');
  });

  it('maps scale answers to weights', () => {
    expect(defaultScaleWeight("Don't know")).toBe(0);
    expect(defaultScaleWeight('Don’t know')).toBe(0);
    expect(defaultScaleWeight('Know')).toBe(1);
    expect(defaultScaleWeight('We collaborate')).toBe(2);
    expect(defaultScaleWeight('Partner')).toBe(3);
    expect(defaultScaleWeight('3 - Partner')).toBe(3);
    expect(defaultScaleWeight('✓')).toBe(1);
    expect(defaultScaleWeight('metropolitan')).toBeUndefined();
    expect(weightOf('Partner', { partner: 5 })).toBe(5);
    expect(weightOf('Maria Lopez', {}, 'Maria Lopez')).toBe(1);
  });

  it('reads the timestamps survey tools write', () => {
    const at = Date.UTC(2025, 2, 19, 23, 59, 0);
    expect(parseTimestamp('2025/03/19 23:59:00')).toBe(at);
    expect(parseTimestamp('2025/03/1923:59:00')).toBe(at);
    expect(parseTimestamp('3/19/2025 23:59:00')).toBe(at);
    expect(parseTimestamp('3/19/25 11:59:00 PM')).toBe(at);
    expect(parseTimestamp('19/03/2025 23:59')).toBe(at);
    expect(parseTimestamp('2025-03-19T23:59:00Z')).toBe(at);
    expect(parseTimestamp('Mar 19, 2025 11:59 PM')).toBe(at);
    expect(parseTimestamp('yesterday')).toBeUndefined();
  });
});
