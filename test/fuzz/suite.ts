/**
 * The fuzz properties of a list of readers, as vitest tests: generated valid files read back as
 * written (readers with a writer, generate.ts), and mutated files (mutate.ts) give a result or a
 * located error, never a throw, a hang or a wrong graph (check.ts), each input run in a worker
 * with a time budget (harness.ts).
 *
 * `npm test` runs a few cases per reader with a fixed seed; `npm run fuzz` runs FUZZ_RUNS cases
 * (FUZZ_SEED for another seed) and saves each failing input as a regression case (regressions.ts).
 */
import { afterAll, describe, it } from 'vitest';
import fc from 'fast-check';
import { FuzzWorker } from './harness.ts';
import { READERS } from './readers.ts';
import { seedsOf } from './seeds.ts';
import { ROUND_TRIP_READERS, validInputs, validSeeds } from './generate.ts';
import { describe as describeMutations, mutateAll, mutations } from './mutate.ts';
import { saveRegression } from './regressions.ts';
import type { FuzzInput, Verdict } from './protocol.ts';
import { workbook } from '../helpers/workbook.ts';

const LONG = process.env.FUZZ_RUNS !== undefined;
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 18);
const SAVE = process.env.FUZZ_SAVE === '1';
/** After a failure, shrinking stops trying candidates once this many more have hung (each costs a budget). */
const HANGS_WHILE_SHRINKING = 3;

function verdictText(input: FuzzInput, verdict: Verdict): string {
  return `${input.reader} (${input.name}, ${input.bytes.length} bytes): ${verdict.outcome} in ${Math.round(verdict.ms)} ms\n  ${verdict.problems.join('\n  ')}`;
}

const bad = (verdict: Verdict): boolean => verdict.problems.length > 0 || verdict.outcome === 'hang' || verdict.outcome === 'crash';

/** A workbook with one cell replaced by hostile text (huge, lone surrogates, XLSX's `_xD800_` escapes, controls). */
const hostileWorkbooks = fc
  .record({
    row: fc.integer({ min: 0, max: 3 }),
    column: fc.integer({ min: 0, max: 3 }),
    text: fc.oneof(
      fc.string({ maxLength: 12, unit: 'binary' }),
      fc.constantFrom('_xD800_', '_x0000_', '_xFFFE_', '_x005F_x0041_', '\uD800', 'NaN', '1e309', '__proto__', '', ' ', '=cmd|x'),
      fc.integer({ min: 1000, max: 100_000 }).map((n) => 'x'.repeat(n)),
    ),
  })
  .map(({ row, column, text }) => {
    const rows = [
      ['source', 'target', 'weight', 'relation'],
      ['Maria Lopez', 'Jin Chen', '2', 'advice'],
      ['Jin Chen', 'Bob Smith', '1', 'friends'],
      ['Bob Smith', 'Ana', '3', 'advice'],
    ];
    rows[row]![column] = text;
    return workbook(rows);
  });

function mutatedInputs(reader: string): fc.Arbitrary<{ input: FuzzInput; how: string }> {
  const spec = READERS[reader]!;
  const seeds = seedsOf(reader);
  const named = fc.constantFrom(...seeds).map((seed) => ({ name: seed.name ?? `input.${spec.ext}`, bytes: seed.bytes }));
  const generated = validSeeds(reader, spec.ext)?.map((bytes) => ({ name: `input.${spec.ext}`, bytes }));
  const workbooks = spec.ext === 'xlsx' ? hostileWorkbooks.map((bytes) => ({ name: `input.${spec.ext}`, bytes })) : undefined;
  const start = fc.oneof(named, ...(generated ? [generated] : []), ...(workbooks ? [workbooks] : []));
  return fc.record({ start, list: mutations, mutated: fc.boolean() }).map(({ start, list, mutated }) => ({
    // Workbooks are also read unmutated: their cells are the mutation.
    input: { reader, name: start.name, bytes: mutated || spec.ext !== 'xlsx' ? mutateAll(start.bytes, list) : start.bytes },
    how: mutated || spec.ext !== 'xlsx' ? describeMutations(list) : 'hostile cell',
  }));
}

async function check<T>(arbitrary: fc.Arbitrary<T>, toInput: (value: T) => FuzzInput, worker: FuzzWorker, how: (value: T) => string): Promise<void> {
  let failed = false;
  let hangsAfter = 0;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      if (failed && hangsAfter >= HANGS_WHILE_SHRINKING) return true;
      const input = toInput(value);
      const verdict = await worker.run(input);
      if (!bad(verdict)) return true;
      if (failed && verdict.outcome === 'hang') hangsAfter++;
      failed = true;
      throw new Error(verdictText(input, verdict));
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: !LONG },
  );
  if (!details.failed || details.counterexample === null) return;
  const [value] = details.counterexample;
  const input = toInput(value);
  const saved = SAVE ? `\nsaved as ${saveRegression(input)}` : '';
  throw new Error(`${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}\nhow: ${how(value)}${saved}\n(seed ${details.seed}, path ${details.counterexamplePath})`);
}

/** Defines the fuzz tests of these readers, sharing one worker. */
export function fuzzReaders(readers: readonly string[]): void {
  const worker = new FuzzWorker();
  afterAll(() => worker.close());
  const timeout = LONG ? 0 : 60_000;
  for (const reader of readers) {
    const spec = READERS[reader]!;
    describe(`fuzz: ${reader}`, () => {
      if (ROUND_TRIP_READERS.includes(reader)) {
        it('reads generated valid files back as the graph written', () => check(validInputs(reader, spec.ext), (input) => input, worker, () => 'valid file'), timeout);
      }
      it('gives a result or a located error on mutated files, never a throw, a hang or a wrong graph', () =>
        check(mutatedInputs(reader), ({ input }) => input, worker, ({ how }) => how), timeout);
    });
  }
}
