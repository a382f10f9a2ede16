/** Test-only file access: the engine itself never touches the file system. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A file under test/fixtures/ingest/. */
export function fixture(name: string): string {
  return readFileSync(`${root}test/fixtures/ingest/${name}`, 'utf8');
}

/** A classic dataset file from the shared data, e.g. `karate/edges.csv`. */
export function classic(path: string): string {
  return readFileSync(`${root}../shared/data/classic/${path}`, 'utf8');
}

/** A sample file from the shared coalition data, e.g. `people.csv`. */
export function coalition(path: string): string {
  return readFileSync(`${root}../shared/data/coalition/${path}`, 'utf8');
}
