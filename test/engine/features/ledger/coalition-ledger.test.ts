/**
 * The weaving ledger on the coalition sample (data/samples/coalition): introductions between
 * people not tied in wave 1, some of whom named each other in wave 2 and some not, one naming
 * someone not in the project and one with a bad level. What stuck is worked out here from the
 * survey CSVs themselves (exact full names written in wave 2), apart from the engine's name
 * matching, and compared with `checkLedger`.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { nameSurveyWaves } from '../../../../src/engine/features/change/name-waves.ts';
import { runSurveyImport } from '../../../../src/engine/features/survey/run-survey-import.ts';
import { importLedger } from '../../../../src/engine/features/ledger/import-ledger.ts';
import { ledgerCsv } from '../../../../src/engine/features/ledger/ledger-csv.ts';
import { checkLedger } from '../../../../src/engine/features/ledger/stick.ts';
import { readCsv } from '../../../../src/engine/io/csv-read.ts';
import { readSurveyTable } from '../../../../src/engine/io/read-table.ts';
import { writeXlsx } from '../../../../src/engine/io/xlsx-write.ts';
import { orThrow, readSoFar } from '../../../../src/engine/core/util/result.ts';
import { COALITION_DIR as coalition } from '../../../helpers/samples.ts';

type Row = Record<string, string>;
const csv = (name: string): Row[] => Papa.parse<Row>(readFileSync(`${coalition}${name}`, 'utf8'), { header: true, skipEmptyLines: true }).data;
const roster = csv('people.csv');
const emailToName = new Map(roster.map((r) => [r.email!.toLowerCase(), r.name!]));

/** Each respondent's answers: relation ('collaborate' | 'advice') -> the text written. */
function answers(file: string): Map<string, Record<'collaborate' | 'advice', string>> {
  const rows = csv(file);
  const headers = Object.keys(rows[0]!);
  const collab = headers.find((h) => /collaborated/.test(h))!;
  const advice = headers.find((h) => /advice/.test(h))!;
  return new Map(rows.map((r) => [emailToName.get(r['Email Address']!.toLowerCase())!, { collaborate: r[collab] ?? '', advice: r[advice] ?? '' }]));
}
const wave1 = answers('survey_wave1.csv');
const wave2 = answers('survey_wave2.csv');
const split = (text: string): string[] => text.split(/\n| and |,|;/).map((s) => s.trim());
/** Relations in which `a` wrote `b`'s exact full name. */
const wrote = (wave: typeof wave1, a: string, b: string): string[] =>
  Object.entries(wave.get(a) ?? {}).filter(([, text]) => split(text).includes(b)).map(([relation]) => relation);
/** Whether `a`'s answers mention anything like `b` (4 letters of the first name or surname). */
const mentions = (wave: typeof wave1, a: string, b: string): boolean => {
  const text = Object.values(wave.get(a) ?? {}).join(' ').toLowerCase();
  return b.toLowerCase().split(' ').some((part) => text.includes(part.slice(0, 4)));
};

// Pairs not tied in wave 1 (neither mentions the other at all).
const names = roster.map((r) => r.name!);
const stuckPairs: Array<{ a: string; b: string; relations: string[]; mutual: boolean }> = [];
const unstuckPairs: Array<[string, string]> = [];
for (const a of names) {
  for (const b of names) {
    if (a >= b || mentions(wave1, a, b) || mentions(wave1, b, a)) continue;
    const ab = wrote(wave2, a, b);
    if (ab.length > 0) {
      const ba = wrote(wave2, b, a);
      // Mutual only when sure either way: both wrote the full name, or b mentions nothing like a.
      if (ba.length > 0 || !mentions(wave2, b, a)) stuckPairs.push({ a, b, relations: [...new Set([...ab, ...ba])], mutual: ba.length > 0 });
    } else if (!mentions(wave2, a, b) && !mentions(wave2, b, a) && wave2.has(a) && wave2.has(b)) unstuckPairs.push([a, b]);
  }
}
const stuck = stuckPairs.slice(0, 4);
const unstuck = unstuckPairs.filter((_, i) => i % 400 === 0).slice(0, 3);
const email = (name: string): string => roster.find((r) => r.name === name)!.email!;

// The ledger: 4 that stuck, 3 that did not, 1 naming a stranger, 1 with a bad level.
const ledgerText = [
  'date,weaver,personA,personB,level,kind,note',
  `2025-04-02,Ana,${stuck[0]!.a},${stuck[0]!.b},1,close-triangle,met at lunch`,
  `2025-04-03,Ana,${email(stuck[1]!.a)},${stuck[1]!.b},3,engage-periphery,"=HYPERLINK(""http://x"")"`,
  `2025-04-04,Ben,${stuck[2]!.a},${stuck[2]!.b},6,by hand,`,
  `2025-04-05,Ben,${stuck[3]!.a},${stuck[3]!.b},6,link-communities,+1 call`,
  `2025-04-06,Ana,${unstuck[0]![0]},${unstuck[0]![1]},1,close-triangle,`,
  `2025-04-07,,${unstuck[1]![0]},${unstuck[1]![1]},3,,-follow up`,
  `4/8/2025,Ben,${unstuck[2]![0]},${unstuck[2]![1]},6,engage-periphery,@team`,
  `2025-04-09,Ana,${stuck[0]!.a},Zed Nobody-Here,2,by hand,`,
  `2025-04-10,Ana,${stuck[0]!.a},${stuck[1]!.b},9,by hand,too far`,
].join('\n');

describe('weaving ledger on the coalition sample', () => {
  const file = (name: string) => ({ name, text: readFileSync(`${coalition}${name}`, 'utf8') });
  const run = nameSurveyWaves(orThrow(runSurveyImport({ surveys: [file('survey_wave1.csv'), file('survey_wave2.csv')], roster: file('people.csv') })).value, ['wave1', 'wave2']);
  const dataset = run.dataset;
  const idOf = new Map(dataset.people.map((p) => [p.label, p.id]));
  const read = importLedger(orThrow(readCsv(ledgerText, { file: 'ledger.csv' })).value, { people: dataset.people });
  const ledger = readSoFar(read);
  const section = checkLedger(dataset, ledger.entries);

  it('found pairs of both sorts in the CSVs', () => {
    expect(stuck).toHaveLength(4);
    expect(new Set(stuck.map((p) => p.mutual))).toEqual(new Set([true, false]));
    expect(unstuck).toHaveLength(3);
  });

  it('rejects the bad level with file, row and field, and keeps every other row', () => {
    expect(read.ok).toBe(false);
    const errors = read.issues.filter((i) => i.level === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'bad-level', file: 'ledger.csv', row: 10, field: 'level' })]);
    expect(ledger.entries).toHaveLength(8);
  });

  it('keeps and lists the row naming someone not in the project', () => {
    expect(ledger.notInProject).toEqual([{ text: 'Zed Nobody-Here', row: 9, field: 'personB' }]);
    expect(read.issues).toContainEqual(expect.objectContaining({ level: 'warning', code: 'not-in-project', row: 9, field: 'personB' }));
    const entry = section.introductions[7]!;
    expect(entry).toMatchObject({ personA: idOf.get(stuck[0]!.a), personB: 'Zed Nobody-Here', status: 'not-in-project', stuck: null });
    expect(section.notInProject).toEqual(['Zed Nobody-Here']);
  });

  it('matches people by name and by email, reads dates and kinds', () => {
    expect(ledger.entries[1]!.personA).toBe(idOf.get(stuck[1]!.a));
    expect(ledger.entries[6]!.date).toBe('2025-04-08');
    expect(ledger.entries.map((e) => e.kind)).toEqual(['close-triangle', 'engage-periphery', 'by hand', 'link-communities', 'close-triangle', 'by hand', 'engage-periphery', 'by hand']);
  });

  it('says which stuck, in which relation and whether mutual, as the wave-2 CSV does', () => {
    expect(section.basis).toBe('last-wave');
    expect(section.waves).toEqual([{ name: 'wave1', date: null }, { name: 'wave2', date: null }]);
    stuck.forEach((pair, i) => {
      const got = section.introductions[i]!;
      expect(got, `${pair.a} - ${pair.b}`).toMatchObject({ status: 'stuck', stuck: true, wave: 'wave2', mutual: pair.mutual, alreadyTied: false });
      expect(got.relations).toEqual(expect.arrayContaining(pair.relations));
      expect(pair.relations).toContain(got.relation);
    });
    unstuck.forEach((_, i) => {
      expect(section.introductions[4 + i]).toMatchObject({ status: 'not-stuck', stuck: false, mutual: null, relations: [], relation: null, checkedIn: ['wave2'] });
    });
  });

  it('gives the stick rates by level, kind and weaver, with the unknown counted', () => {
    const pick = ({ key, made, stuck: s, notStuck, unknown, share }: { key: string; made: number; stuck: number; notStuck: number; unknown: number; share: number | null }) => ({ key, made, stuck: s, notStuck, unknown, share });
    expect(section.rates.byLevel.map(pick)).toEqual([
      { key: '1', made: 2, stuck: 1, notStuck: 1, unknown: 0, share: 0.5 },
      { key: '2', made: 1, stuck: 0, notStuck: 0, unknown: 1, share: null },
      { key: '3', made: 2, stuck: 1, notStuck: 1, unknown: 0, share: 0.5 },
      { key: '6', made: 3, stuck: 2, notStuck: 1, unknown: 0, share: 2 / 3 },
    ]);
    expect(section.rates.byKind.map(pick)).toEqual([
      { key: 'by hand', made: 3, stuck: 1, notStuck: 1, unknown: 1, share: 0.5 },
      { key: 'close-triangle', made: 2, stuck: 1, notStuck: 1, unknown: 0, share: 0.5 },
      { key: 'engage-periphery', made: 2, stuck: 1, notStuck: 1, unknown: 0, share: 0.5 },
      { key: 'link-communities', made: 1, stuck: 1, notStuck: 0, unknown: 0, share: 1 },
    ]);
    expect(section.rates.byWeaver.map(pick)).toEqual([
      { key: '', made: 1, stuck: 0, notStuck: 1, unknown: 0, share: 0 },
      { key: 'Ana', made: 4, stuck: 2, notStuck: 1, unknown: 1, share: 2 / 3 },
      { key: 'Ben', made: 3, stuck: 2, notStuck: 1, unknown: 0, share: 2 / 3 },
    ]);
    expect(section.rates.byWeaver[0]!.label).toBe('Not recorded');
    expect(section.rates.byLevel[3]!.label).toBe('Introduced them in person');
    expect(section.rates.all).toMatchObject({ made: 8, stuck: 4, notStuck: 3, unknown: 1 });
  });

  it('writes a spreadsheet-safe CSV that reads back to the same ledger', () => {
    const labelOf = (id: string): string => dataset.people.find((p) => p.id === id)?.label ?? id;
    const text = ledgerCsv(ledger.entries, labelOf);
    const lines = text.split('\n');
    expect(lines[0]).toBe('date,weaver,personA,personB,level,kind,note,suggestion');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[4]).toContain(`'+1 call`);
    expect(lines[6]).toContain(`'-follow up`);
    expect(lines[7]).toContain(`'@team`);
    expect(text).not.toMatch(/(^|,)"?[=+\-@]/m);
    const again = importLedger(orThrow(readCsv(text, { file: 'again.csv' })).value, { people: dataset.people });
    expect(readSoFar(again).entries).toEqual(ledger.entries);
    expect(again.issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('reads the same ledger from a workbook', () => {
    const rows = readCsv(ledgerText, { file: 'ledger.csv' });
    const table = orThrow(rows).value;
    const bytes = writeXlsx([{ name: 'Ledger', rows: [table.headers, ...table.records.map((r) => r.cells.map((c) => (/^\d+$/.test(c) ? Number(c) : c)))] }]);
    const sheet = orThrow(readSurveyTable({ name: 'ledger.xlsx', text: '', bytes })).value;
    const fromXlsx = importLedger(sheet, { people: dataset.people });
    expect(readSoFar(fromXlsx).entries).toEqual(ledger.entries);
    expect(fromXlsx.issues.filter((i) => i.level === 'error')).toEqual([expect.objectContaining({ code: 'bad-level', file: 'ledger.xlsx', row: 10, field: 'level' })]);
  });
});
