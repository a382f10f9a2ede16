/**
 * The coalition sample (data/samples/coalition) as a peer circles season, for the circles tests:
 * its roster as the participants file (name, email, organization, sector, region, a "work unit"
 * column holding the sector, a gender column for a few, a reports-to column for a few and
 * identity wishes for a few), the wave 1 survey read with the roster as the network, and the
 * sample's mentorships as last season's pairs.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { runSurveyImport } from '../../../../src/engine/features/survey/run-survey-import.ts';
import { parseParticipants, parsePreviousPairs } from '../../../../src/engine/features/circles/import-circles.ts';
import type { Participant, PreviousPair } from '../../../../src/engine/features/circles/model.ts';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import { readCsv } from '../../../../src/engine/io/csv-read.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import type { CsvTable } from '../../../../src/engine/io/csv-read.ts';
import { COALITION_DIR } from '../../../helpers/samples.ts';

export const roster = Papa.parse<Record<string, string>>(readFileSync(`${COALITION_DIR}people.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** Rows 1, 11, 21, ... report to the person before them; row 5 to someone unknown. */
export const REPORTS = roster.flatMap((r, i) => (i % 10 === 1 ? [{ person: r.name!, boss: roster[i - 1]!.name! }] : []));
export const UNKNOWN_BOSS = 'Quentin Nobody-Known';
/** Women (gender column), and who asked for a circle with other women / the same region. */
export const WOMEN = new Set(roster.filter((_, i) => i % 7 === 2).map((r) => r.name!));
export const ASKED_WOMEN = [...WOMEN].slice(0, 3);
export const ASKED_REGION = [roster[40]!.name!, roster[77]!.name!];

export function participantsCsv(options: { withWishes?: boolean; withGender?: boolean; extra?: string[][] } = {}): string {
  const withWishes = options.withWishes ?? true;
  const withGender = options.withGender ?? true;
  const header = ['name', 'email', 'organization', 'sector', 'region', 'work unit', ...(withGender ? ['gender'] : []), 'reports to', 'circle wish'];
  const rows = roster.map((r, i) => {
    const boss = REPORTS.find((x) => x.person === r.name)?.boss ?? (i === 5 ? UNKNOWN_BOSS : '');
    const wish = !withWishes ? '' : ASKED_WOMEN.includes(r.name!) ? 'a circle with other women' : ASKED_REGION.includes(r.name!) ? 'same region' : '';
    return [r.name!, r.email!, r.organization!, r.sector!, r.region!, r.sector!, ...(withGender ? [WOMEN.has(r.name!) ? 'woman' : i % 7 === 3 ? '' : 'man'] : []), boss, wish];
  });
  return Papa.unparse({ fields: header, data: [...rows, ...(options.extra ?? [])] }, { newline: '\n' });
}

export function table(text: string, file = 'participants.csv'): CsvTable {
  return orThrow(readCsv(text, { file })).value;
}

export function coalitionParticipants(csv = participantsCsv()): Participant[] {
  return orThrow(parseParticipants(table(csv), { reportsTo: 'reports to', identity: 'circle wish', across: 'work unit' })).value.participants;
}

let cached: Dataset | undefined;
/** Wave 1 as the survey importer reads it with the roster (collaborate and advice). */
export function coalitionNetwork(): Dataset {
  const file = (name: string) => ({ name, text: readFileSync(`${COALITION_DIR}${name}`, 'utf8') });
  cached ??= orThrow(runSurveyImport({ surveys: [file('survey_wave1.csv')], roster: file('people.csv') })).value.dataset;
  return cached;
}

export function lastSeason(participants: readonly Participant[]): PreviousPair[] {
  return orThrow(parsePreviousPairs(table(readFileSync(`${COALITION_DIR}mentorships.csv`, 'utf8'), 'mentorships.csv'), participants)).value.pairs;
}
