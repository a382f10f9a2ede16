/**
 * The app's survey path: detection of a survey among dropped files, review-mode import that
 * leaves ambiguous names to the user, and decisions that settle them on re-import.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSurveyFiles, previewSurveyFile } from '../../../../src/engine/features/survey/survey-files.ts';
import type { ResolutionDecision } from '../../../../src/engine/core/model/survey.ts';
import { COALITION_DIR } from '../../../helpers/samples.ts';

const file = (name: string) => ({ name, text: readFileSync(`${COALITION_DIR}${name}`, 'utf8') });

describe('survey files in the app (data/samples/coalition)', () => {
  it('recognises the survey export and not the roster', () => {
    const layout = previewSurveyFile(file('survey_wave1.csv'));
    expect(layout?.questions.map((q) => q.relation)).toHaveLength(2);
    expect(previewSurveyFile(file('people.csv'))).toBeNull();
  });

  it('lists ambiguous names for review, and the user\'s decisions settle them', () => {
    const input = { surveys: [file('survey_wave1.csv')], roster: file('people.csv') };
    const first = importSurveyFiles(input);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.pending.length).toBeGreaterThan(0);
    expect(first.value.pending.every((a) => a.candidates.length >= 1)).toBe(true);
    const decisions: ResolutionDecision[] = first.value.pending.map((a) => ({ action: 'match', person: a.candidates[0]!.person, written: a.written, respondent: a.respondent, question: a.question }));
    const second = importSurveyFiles({ ...input, decisions });
    expect(second.ok && second.value.pending).toEqual([]);
    if (second.ok) {
      expect(second.value.dataset.ties.length).toBeGreaterThan(first.value.dataset.ties.length);
      expect(second.value.hygiene.responseRate).toBeGreaterThan(0.5);
    }
  });
});
