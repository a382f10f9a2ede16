/** Test-only file access: the engine itself never touches the file system. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLASSIC_DIR, COALITION_DIR } from '../../helpers/samples.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A file under test/fixtures/ingest/. */
export function fixture(name: string): string {
  return readFileSync(`${root}test/fixtures/ingest/${name}`, 'utf8');
}

/** A classic dataset file under test/fixtures/classic/, e.g. `davis/attendance.csv`. */
export function classic(path: string): string {
  return readFileSync(`${CLASSIC_DIR}${path}`, 'utf8');
}

/** A file of the coalition sample (data/samples/coalition/), e.g. `people.csv`. */
export function coalition(path: string): string {
  return readFileSync(`${COALITION_DIR}${path}`, 'utf8');
}
