import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DatasetSchema, type Dataset } from '../../../../src/engine/core/model/dataset.ts';
import { packDataset, packedDatasetProblem, unpackDataset, unpackDatasetInSlices } from '../../../../src/engine/core/model/packed-dataset.ts';
import { importFiles } from '../../../../src/engine/io/import-files.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { coalition } from '../../io/fixtures.ts';

const name = fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s && s !== '');
const attributes = fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })), { maxKeys: 2 });

/** Datasets as the schema makes them: optional tie fields absent or present, attributes on some. */
const datasets = fc
  .record({
    people: fc.uniqueArray(fc.record({ id: name, label: fc.string({ maxLength: 5 }), attributes }), { selector: (p) => p.id, maxLength: 12 }),
    ties: fc.array(
      fc.record(
        { source: name, target: name, relation: name, directed: fc.boolean(), weight: fc.double({ min: 0.01, max: 100, noNaN: true }), wave: name, date: name, attributes },
        { requiredKeys: ['source', 'target', 'relation', 'directed', 'weight'] },
      ),
      { maxLength: 40 },
    ),
  })
  .map((d): Dataset => DatasetSchema.parse({ version: 1, name: 'prop', ...d }));

describe('packed datasets', () => {
  it('unpack to exactly the dataset packed, at once or in slices of any size', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, fc.integer({ min: 1, max: 7 }), async (dataset, sliceSize) => {
        const packed = packDataset(dataset);
        expect(packedDatasetProblem(packed)).toBeNull();
        expect(unpackDataset(packed)).toEqual(dataset);
        let yields = 0;
        const sliced = await unpackDatasetInSlices(structuredClone(packed), { sliceSize, between: async () => void yields++ });
        expect(sliced).toEqual(dataset);
        expect(yields).toBe(Math.ceil(dataset.people.length / sliceSize) + Math.ceil(dataset.ties.length / sliceSize));
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips the coalition survey network and reports the fraction unpacked', async () => {
    const { value: dataset } = orThrow(importFiles([{ name: 'people.csv', text: coalition('people.csv') }, { name: 'mentorships.csv', text: coalition('mentorships.csv') }], { kinds: { 'people.csv': 'nodes', 'mentorships.csv': 'edges' }, columns: { 'people.csv': { id: 'name' }, 'mentorships.csv': { source: 'mentor', target: 'mentee' } } }));
    const fractions: number[] = [];
    const back = await unpackDatasetInSlices(packDataset(dataset), { sliceSize: 10, onProgress: (f) => fractions.push(f) });
    expect(dataset.people.length).toBeGreaterThan(50);
    expect(dataset.people.some((p) => Object.keys(p.attributes).length > 0)).toBe(true);
    expect(back).toEqual(dataset);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it('names what is damaged in a stored packed dataset', () => {
    const dataset = DatasetSchema.parse({ version: 1, people: [{ id: 'a', label: 'A' }, { id: 'b', label: 'b' }], ties: [{ source: 'a', target: 'b' }] });
    const packed = packDataset(dataset);
    expect(packedDatasetProblem({ ...packed, ties: { ...packed.ties, source: Int32Array.of(7) } })).toBe('tie 1 refers to a name that is not stored');
    expect(packedDatasetProblem({ ...packed, ties: { ...packed.ties, weight: Float64Array.of(-1) } })).toBe('tie 1 has a weight that is not a positive number');
    expect(packedDatasetProblem({ ...packed, ties: { ...packed.ties, target: new Int32Array(0) } })).toBe('the target column does not hold 1 values');
    expect(packedDatasetProblem({ ...packed, people: { ...packed.people, ids: ['a', ''] } })).toBe('a person has no id');
    expect(packedDatasetProblem({ ...packed, rest: { ...packed.rest, relations: 'x' } })).toBe('the relations, attendance or mentorships are damaged');
    expect(packedDatasetProblem(null)).toBe('the dataset is missing');
  });
});
