import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../src/engine/core/util/zod-setup.ts';
import { engineApi } from '../../src/workers/engine-api.ts';
import { unpackDataset } from '../../src/engine/core/model/packed-dataset.ts';
import { assembleParts, partBatches, recordParts, type RecordPart } from '../../src/workers/record-parts.ts';

const demo = (name: string) => ({ name, text: readFileSync(new URL(`../../data/demo/${name}`, import.meta.url), 'utf8') });

describe('an analysis handed over in parts', () => {
  it('puts together to the very result analyze gives, in messages of a few records each', async () => {
    const imported = engineApi.importFiles([demo('people.csv'), demo('ties.csv')], { name: 'demo', kinds: { 'people.csv': 'nodes', 'ties.csv': 'edges' } });
    if (!imported.ok) throw new Error('the demo did not import');
    engineApi.setDataset(unpackDataset(imported.value));
    const options = { seed: 7 };
    const whole = structuredClone(await engineApi.analyze(options));
    const id = await engineApi.analyzeInParts(options);
    const parts: RecordPart[] = [];
    let messages = 0;
    for (;;) {
      const batch = engineApi.nextResultParts(id);
      parts.push(...structuredClone(batch.parts));
      if (batch.done) break;
      messages++;
    }
    expect(assembleParts(parts)).toEqual(whole);
    expect(messages).toBeGreaterThan(1);
    // Taken once: asked again, it says so.
    expect(() => engineApi.nextResultParts(id)).toThrow(/no longer kept/);
    // A newer analysis drops the parts of an older one not yet taken.
    const older = await engineApi.analyzeInParts(options);
    await engineApi.analyzeInParts({ seed: 8 });
    expect(() => engineApi.nextResultParts(older)).toThrow(/no longer kept/);
  });

  it('takes a dataset handed over in parts as it takes one whole', async () => {
    const imported = engineApi.importFiles([demo('people.csv'), demo('ties.csv')], { name: 'demo', kinds: { 'people.csv': 'nodes', 'ties.csv': 'edges' } });
    if (!imported.ok) throw new Error('the demo did not import');
    engineApi.setDataset(imported.value);
    const whole = await engineApi.analyze({ seed: 3 });
    // An unfinished handing-over is dropped by the next one's first part.
    engineApi.stageDataset([{ path: [], op: 'set', value: { format: 'netweave-packed-dataset' } }], true);
    let first = true;
    for (const batch of partBatches(recordParts(imported.value, { itemsPerPart: 50, bytesPerPart: 256 }), 50)) {
      engineApi.stageDataset(structuredClone(batch.parts), first);
      first = false;
    }
    engineApi.setStagedDataset();
    // A new dataset object: analysed afresh, to the same result.
    expect(await engineApi.analyze({ seed: 3 })).toEqual(whole);
    // Nothing staged: said, and the current dataset stays.
    expect(() => engineApi.setStagedDataset()).toThrow(/not whole/);
  });
});
