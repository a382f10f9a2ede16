import { describe, expect, it } from 'vitest';
import { packDataset, packedDatasetProblem, unpackDataset } from '../../../src/engine/core/model/packed-dataset.ts';
import { DATASET_VERSION, DatasetSchema } from '../../../src/engine/core/model/dataset.ts';
import { withColumnsAsBlobs, withColumnsFromBlobs } from '../../../src/viz/state/stored-columns.ts';

const dataset = DatasetSchema.parse({
  version: DATASET_VERSION,
  people: [
    { id: 'ana', label: 'Ana', attributes: { team: 'north' } },
    { id: 'ben', label: 'ben', attributes: {} },
    { id: 'chen', label: 'Chen', attributes: {} },
  ],
  ties: [
    { source: 'ana', target: 'ben', relation: 'advice', weight: 2.5, directed: true, wave: 'w1' },
    { source: 'ben', target: 'chen', relation: 'collaboration', weight: 1, directed: false, date: '2026-01-05' },
  ],
});

describe('tie columns kept as Blobs', () => {
  it('writes every typed column as a Blob and reads the same dataset back', async () => {
    const packed = packDataset(dataset);
    const stored = withColumnsAsBlobs(packed) as { ties: Record<string, unknown> };
    for (const column of ['source', 'target', 'relation', 'wave', 'date', 'directed', 'weight']) expect(stored.ties[column]).toBeInstanceOf(Blob);
    // The dataset handed in is not changed.
    expect(packed.ties.source).toBeInstanceOf(Int32Array);
    const read = await withColumnsFromBlobs(stored);
    expect(packedDatasetProblem(read)).toBeNull();
    expect(unpackDataset(read as ReturnType<typeof packDataset>)).toEqual(unpackDataset(packed));
    expect((read as ReturnType<typeof packDataset>).ties.weight).toEqual(packed.ties.weight);
  });

  it('reads a dataset written before (typed arrays themselves) as it is', async () => {
    const packed = packDataset(dataset);
    expect(await withColumnsFromBlobs(packed)).toBe(packed);
    expect(await withColumnsFromBlobs(null)).toBeNull();
  });

  it('leaves a column whose bytes do not fit its type for the dataset checks to refuse', async () => {
    const stored = withColumnsAsBlobs(packDataset(dataset)) as { ties: Record<string, unknown> };
    stored.ties.weight = new Blob([new Uint8Array(5)]);
    const read = await withColumnsFromBlobs(stored);
    expect((read as { ties: Record<string, unknown> }).ties.weight).toBeInstanceOf(Blob);
    expect(packedDatasetProblem(read)).not.toBeNull();
  });
});
