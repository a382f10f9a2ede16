/**
 * Failing inputs kept as regression cases: `npm run fuzz` (FUZZ_SAVE=1) writes each input that
 * broke a property to test/fixtures/fuzz/<reader>/<hash>.<ending>, and every run of the suite
 * reads them all back (fuzz-regressions.test.ts); a valid file that did not read back as written
 * keeps the graph it must give beside it (`<file>.expect.json`). A Network Canvas CSV keeps its name after the
 * hash, since the export's files are told apart by name.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExpectedGraph, FuzzInput } from './protocol.ts';

/** Beside a failing valid input: the graph it must read as (a round trip's expectation). */
const EXPECT = '.expect.json';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/fuzz/', import.meta.url));

/** Writes a failing input (without its expectation) and returns its path, relative to the repository. */
export function saveRegression(input: FuzzInput): string {
  const hash = createHash('sha256').update(input.bytes).digest('hex').slice(0, 16);
  const ending = input.name.startsWith('input.') ? input.name.slice('input.'.length) : input.name;
  const dir = `${FIXTURE_DIR}${input.reader}/`;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}${hash}.${ending}`;
  if (!existsSync(path)) writeFileSync(path, input.bytes);
  if (input.expect !== undefined) writeFileSync(`${path}${EXPECT}`, `${JSON.stringify(input.expect, null, 1)}\n`);
  return `test/fixtures/fuzz/${input.reader}/${hash}.${ending}`;
}

/** Every kept regression input, by reader. */
export function regressionInputs(): FuzzInput[] {
  if (!existsSync(FIXTURE_DIR)) return [];
  const inputs: FuzzInput[] = [];
  for (const reader of readdirSync(FIXTURE_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const dir = `${FIXTURE_DIR}${reader}/`;
    for (const file of readdirSync(dir).filter((f) => !f.endsWith(EXPECT)).sort()) {
      const rest = file.slice(file.indexOf('.') + 1);
      const expect = existsSync(`${dir}${file}${EXPECT}`) ? (JSON.parse(readFileSync(`${dir}${file}${EXPECT}`, 'utf8')) as ExpectedGraph) : undefined;
      inputs.push({ reader, name: rest.includes('.') ? rest : `input.${rest}`, bytes: new Uint8Array(readFileSync(`${dir}${file}`)), ...(expect ? { expect } : {}) });
    }
  }
  return inputs;
}
