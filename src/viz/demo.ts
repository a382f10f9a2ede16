/**
 * The bundled demo, compiled into the app (no request is made to load it).
 */
import peopleCsv from '../../data/demo/people.csv?raw';
import tiesCsv from '../../data/demo/ties.csv?raw';
import type { SourceFile } from '../engine/io/types.ts';

export const DEMO_NAME = 'Riverbend Climate Coalition';
export const DEMO_DESCRIPTION =
  'A fictional coalition of 140 members from nonprofits, government, business, philanthropy and community groups, mapped from a survey asking who they collaborate with and go to for advice.';

export function loadDemoFiles(): SourceFile[] {
  return [
    { name: 'people.csv', text: peopleCsv },
    { name: 'ties.csv', text: tiesCsv },
  ];
}
