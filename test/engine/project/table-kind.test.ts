/**
 * What a table dropped beside a network holds. The app's own self-assessment template has a
 * "Convening" ability column; it was once read as attendance (events "1" to "5").
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableKindOf } from '../../../src/engine/project/add-program-files.ts';
import { readCsv } from '../../../src/engine/io/csv-read.ts';
import { ABILITIES_TEMPLATE_HEADERS } from '../../../src/engine/features/skills/leadership-abilities.ts';
import { COALITION_DIR } from '../../helpers/samples.ts';

const table = (name: string) => {
  const read = readCsv(readFileSync(`${COALITION_DIR}${name}`, 'utf8'), { file: name });
  if (!read.ok) throw new Error(name);
  return { headers: read.value.headers, rows: read.value.records.map((r) => r.cells) };
};

describe('tableKindOf', () => {
  it('tells a self-assessment from attendance, whatever its columns are called', () => {
    expect(tableKindOf([...ABILITIES_TEMPLATE_HEADERS], [['Ana Lima', 'ana@example.org', '4', '3', '5', '2', '4']])).toBe('abilities');
    const abilities = table('abilities.csv');
    expect(tableKindOf(abilities.headers, abilities.rows)).toBe('abilities');
  });

  it('reads attendance and mentorship pairs as before', () => {
    const attendance = table('attendance.csv');
    expect(tableKindOf(attendance.headers, attendance.rows)).toBe('attendance');
    const mentorships = table('mentorships.csv');
    expect(tableKindOf(mentorships.headers, mentorships.rows)).toBe('mentorships');
    expect(tableKindOf(['name', 'event'], [['Ana', 'Spring convening']])).toBe('attendance');
  });

  it('does not take a column of scores for events', () => {
    expect(tableKindOf(['name', 'convening'], [['Ana', '4'], ['Ben', '2'], ['Cy', '5']])).toBeNull();
    expect(tableKindOf(['source', 'target'], [['a', 'b']])).toBeNull();
  });
});
