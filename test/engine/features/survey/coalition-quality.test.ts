/**
 * Resolution quality on the coalition sample (data/samples/coalition): two survey waves
 * exported from an online form, a roster, and truth/mentions.json saying who each written name
 * is. Non-interactive mode, as the CLI runs: ambiguous names take their best candidate above the
 * threshold. Precision and recall are over (wave, respondent, question, person named) pairs.
 *
 * Without a roster, our people are clusters of what was written: each is mapped to the true
 * person by the respondents' emails, and otherwise to the true person most of its names mean,
 * one to one, so a person split in two counts the smaller part as wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSurvey } from '../../../../src/engine/features/survey/import-survey.ts';
import type { SurveyImport } from '../../../../src/engine/features/survey/import-survey.ts';
import { COALITION_DIR as coalition } from '../../../helpers/samples.ts';
import { surveyRead, table } from './helpers.ts';

interface Mention {
  wave: number;
  respondent: string;
  text: string;
  person: string;
  question: string;
}

function load(file: string) {
  return table(readFileSync(`${coalition}${file}`, 'utf8'), file);
}

function measure(result: SurveyImport): { precision: number; recall: number; pairs: number } {
  const people = JSON.parse(readFileSync(`${coalition}truth/people.json`, 'utf8')) as Array<{ id: string; email: string }>;
  const mentions = JSON.parse(readFileSync(`${coalition}truth/mentions.json`, 'utf8')) as Mention[];
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p.id]));
  const ours = new Map<string, string>();
  for (const person of result.dataset.people) {
    const email = person.attributes['email'];
    if (typeof email === 'string' && byEmail.has(email.toLowerCase())) ours.set(person.id, byEmail.get(email.toLowerCase()) as string);
  }
  const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();
  const truthOf = new Map(mentions.map((m) => [[m.wave, m.respondent, m.question, tidy(m.text)].join('|'), m.person]));
  const votes = new Map<string, Map<string, number>>();
  for (const entry of result.resolution) {
    if (entry.person === null || ours.has(entry.person)) continue;
    const truth = truthOf.get([entry.wave, ours.get(entry.respondent), entry.question, tidy(entry.written)].join('|'));
    if (truth === undefined) continue;
    const counts = votes.get(entry.person) ?? new Map<string, number>();
    counts.set(truth, (counts.get(truth) ?? 0) + 1);
    votes.set(entry.person, counts);
  }
  const taken = new Set(ours.values());
  const offers = [...votes.entries()]
    .flatMap(([id, counts]) => [...counts.entries()].map(([truth, n]) => ({ id, truth, n })))
    .sort((a, b) => b.n - a.n || (a.id < b.id ? -1 : 1));
  for (const offer of offers) {
    if (ours.has(offer.id) || taken.has(offer.truth)) continue;
    ours.set(offer.id, offer.truth);
    taken.add(offer.truth);
  }
  const truth = new Set(mentions.map((m) => [m.wave, m.respondent, m.question, m.person].join('|')));
  const found = new Set(
    result.resolution
      .filter((e) => e.person !== null)
      .map((e) => [e.wave, ours.get(e.respondent) ?? `?${e.respondent}`, e.question, ours.get(e.person as string) ?? `?${e.person}`].join('|')),
  );
  let hits = 0;
  for (const pair of found) if (truth.has(pair)) hits++;
  return { precision: hits / found.size, recall: hits / truth.size, pairs: truth.size };
}

const run = (withRoster: boolean): SurveyImport =>
  surveyRead(importSurvey(
    {
      surveys: [
        { file: 'survey_wave1.csv', table: load('survey_wave1.csv'), wave: '1' },
        { file: 'survey_wave2.csv', table: load('survey_wave2.csv'), wave: '2' },
      ],
      ...(withRoster ? { roster: { file: 'people.csv', table: load('people.csv') } } : {}),
    },
    { mode: 'auto' },
  ));

describe('name resolution on the coalition survey (data/samples/coalition)', () => {
  it('with the roster: precision and recall at least 0.98', () => {
    const quality = measure(run(true));
    console.info(`coalition, with roster: precision ${quality.precision.toFixed(4)}, recall ${quality.recall.toFixed(4)} over ${quality.pairs} pairs`);
    expect(quality.precision).toBeGreaterThanOrEqual(0.98);
    expect(quality.recall).toBeGreaterThanOrEqual(0.98);
  });

  it('without the roster: precision and recall at least 0.90', () => {
    const result = run(false);
    const quality = measure(result);
    console.info(`coalition, without roster: precision ${quality.precision.toFixed(4)}, recall ${quality.recall.toFixed(4)} over ${quality.pairs} pairs; ${result.dataset.people.length} people`);
    expect(quality.precision).toBeGreaterThanOrEqual(0.9);
    expect(quality.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the export layout, the hygiene problems and the questions', () => {
    const result = run(true);
    expect(result.layouts[0]?.questions.map((q) => q.relation)).toEqual(['collaborate', 'advice']);
    expect(result.hygiene.duplicateSubmissions).toHaveLength(4);
    expect(result.hygiene.files.map((f) => f.blankRows.length)).toEqual([1, 1]);
    expect(result.unmatched.filter((u) => u.status === 'not-a-person').map((u) => u.written)).toContain('my whole team');
    expect(result.dataset.people.filter((p) => p.attributes['onRoster'] === false)).toEqual([]);
  });
});
