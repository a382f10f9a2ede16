/**
 * Every input fuzzing ever found breaking a reader (test/fixtures/fuzz/, see its README), read
 * again through the same checks: each must now give a result or a located error, in time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FuzzWorker } from './harness.ts';
import { regressionInputs } from './regressions.ts';

const inputs = regressionInputs();
const worker = new FuzzWorker();
afterAll(() => worker.close());

describe('fuzz regressions', () => {
  it.each(inputs.map((input) => [`${input.reader}: ${input.name} (${input.bytes.length} bytes)`, input] as const))('%s', async (_, input) => {
    const verdict = await worker.run(input);
    expect(verdict.problems, verdict.outcome).toEqual([]);
    expect(['ok', 'failed']).toContain(verdict.outcome);
  });
  it('has the harness stop an input that hangs', async () => {
    const hanging = new FuzzWorker(300);
    try {
      // A reader name the worker runs as a loop that never ends (see check.ts).
      const verdict = await hanging.run({ reader: '__hang__', name: 'input.txt', bytes: new Uint8Array() });
      expect(verdict.outcome).toBe('hang');
      const next = await hanging.run({ reader: 'edges', name: 'input.csv', bytes: new TextEncoder().encode('source,target\na,b\n') });
      expect(next).toMatchObject({ outcome: 'ok', problems: [] });
      expect(hanging.starts).toBe(2);
    } finally {
      await hanging.close();
    }
  });
});
