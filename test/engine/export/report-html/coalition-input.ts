/**
 * The coalition sample (data/samples/coalition) read as the CLI reads it (two survey waves with
 * the roster, mentorships) and its system map, for the HTML report's tests.
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import { orThrow, readSoFar } from '../../../../src/engine/core/util/result.ts';
import { nameSurveyWaves } from '../../../../src/engine/features/change/name-waves.ts';
import { runSurveyImport } from '../../../../src/engine/features/survey/run-survey-import.ts';
import { importMentorships, withMentorships } from '../../../../src/engine/features/mentorship/import-mentorships.ts';
import { readSurveyTable } from '../../../../src/engine/io/read-table.ts';
import { assembleSystemMap } from '../../../../src/engine/features/systemmap/assemble.ts';
import { parseActorsCsv, parseFactorsCsv, parseLinksCsv } from '../../../../src/engine/features/systemmap/import-csv.ts';
import { analyzeSystemMap, type SystemMapReport } from '../../../../src/engine/features/systemmap/analyze-systemmap.ts';
import { COALITION_DIR } from '../../../helpers/samples.ts';

const file = (name: string) => ({ name: name.split('/').pop()!, text: readFileSync(`${COALITION_DIR}${name}`, 'utf8') });

/** The two waves with the roster and the mentorships, as one dataset. */
export function coalitionDataset(): Dataset {
  const run = nameSurveyWaves(orThrow(runSurveyImport({ surveys: [file('survey_wave1.csv'), file('survey_wave2.csv')], roster: file('people.csv') })).value, ['wave1', 'wave2']);
  const pairs = importMentorships(orThrow(readSurveyTable(file('mentorships.csv'))).value, { people: run.dataset.people });
  return withMentorships(run.dataset, readSoFar(pairs)!);
}

export function coalitionSystemMap(): SystemMapReport {
  const map = assembleSystemMap([parseFactorsCsv(file('systemmap/factors.csv')), parseLinksCsv(file('systemmap/links.csv')), parseActorsCsv(file('systemmap/actors.csv'))]);
  return analyzeSystemMap(orThrow(map).value);
}

/** The roster's names and emails, to search a shared file for. */
export function rosterNames(): Array<{ name: string; email: string }> {
  return file('people.csv').text.trim().split(/\r?\n/).slice(1).map((line) => {
    const [name, email] = line.split(',');
    return { name: name!, email: email! };
  });
}
