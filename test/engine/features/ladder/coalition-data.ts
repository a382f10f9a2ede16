/**
 * The coalition sample (data/samples/coalition) as the CLI reads it: both survey waves named
 * wave1 and wave2 with the roster, then attendance and mentorships matched to those people.
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import { nameSurveyWaves } from '../../../../src/engine/features/change/name-waves.ts';
import { runSurveyImport } from '../../../../src/engine/features/survey/run-survey-import.ts';
import { importAttendance } from '../../../../src/engine/features/convenings/import-attendance.ts';
import { withAttendance } from '../../../../src/engine/features/convenings/summaries.ts';
import { importMentorships, withMentorships } from '../../../../src/engine/features/mentorship/import-mentorships.ts';
import { readSurveyTable } from '../../../../src/engine/io/read-table.ts';
import { orThrow, readSoFar } from '../../../../src/engine/core/util/result.ts';
import { COALITION_DIR } from '../../../helpers/samples.ts';

const file = (name: string) => ({ name, text: readFileSync(`${COALITION_DIR}${name}`, 'utf8') });
const table = (name: string) => orThrow(readSurveyTable(file(name))).value;

let cached: Dataset | undefined;

export function coalitionDataset(): Dataset {
  if (cached !== undefined) return cached;
  const run = nameSurveyWaves(orThrow(runSurveyImport({ surveys: [file('survey_wave1.csv'), file('survey_wave2.csv')], roster: file('people.csv') })).value, ['wave1', 'wave2']);
  let dataset = run.dataset;
  dataset = withAttendance(dataset, readSoFar(importAttendance(table('attendance.csv'), { people: dataset.people, known: [], decisions: [] })), { weighting: 'shared', minShared: 1 });
  dataset = withMentorships(dataset, readSoFar(importMentorships(table('mentorships.csv'), { people: dataset.people, known: [], decisions: [] })));
  return (cached = dataset);
}
