/**
 * The circles as a spreadsheet-safe CSV (`../../io/csv-cells.ts`): `circle,person`, one row per
 * member, person = the participant's id (the id the JSON report uses). The same file read back
 * with `--lock` keeps its people in their circles; give back only the rows to keep.
 */
import { toCsv } from '../../io/csv-cells.ts';
import type { Circle } from './describe.ts';

export const CIRCLES_CSV_HEADER = ['circle', 'person'];

export function circlesCsv(circles: readonly Circle[]): string {
  return toCsv(CIRCLES_CSV_HEADER, circles.flatMap((c) => c.members.map((m) => [c.name, m.id]))) + '\n';
}
