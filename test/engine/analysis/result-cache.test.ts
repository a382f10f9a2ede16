/**
 * The worker's cache of analyses: the same options on the same dataset give the analysis kept
 * (equal, in buffers of its own, so handing one to the page leaves the kept one whole), other
 * options or another dataset do not, options written in another order are the same options, and
 * the least recently used goes first.
 */
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/engine/analysis/run-analysis.ts';
import { createResultCache, optionsKey, resultBytes } from '../../../src/engine/analysis/result-cache.ts';
import { importFiles } from '../../../src/engine/io/import-files.ts';
import { orThrow } from '../../../src/engine/core/util/result.ts';

const dataset = orThrow(importFiles([{ name: 'ties.csv', text: 'source,target,relation\nA,B,work\nB,C,work\nC,A,advice\nC,D,advice\nD,E,work\n' }])).value;

describe('the analysis cache', () => {
  it('gives back the analysis kept for the same options, in buffers of its own', async () => {
    const cache = createResultCache({ size: 2 });
    const options = { relations: ['work', 'advice'], direction: 'undirected' as const };
    const result = await runAnalysis(dataset, options);
    cache.set(dataset, options, result);
    const again = cache.get(dataset, { direction: 'undirected', relations: ['work', 'advice'] });
    expect(again).toBeDefined();
    expect(again!.table.columns.degree).toEqual(result.table.columns.degree);
    expect(again!.table.columns.degree.buffer).not.toBe(result.table.columns.degree.buffer);
    expect(again!.edgeSource).toEqual(result.edgeSource);
    // Handing a copy over (which empties its buffers) leaves the kept one whole.
    structuredClone(again, { transfer: [again!.edgeSource.buffer as ArrayBuffer] });
    expect(cache.get(dataset, options)!.edgeSource).toEqual(result.edgeSource);
  });

  it('misses for other options or another dataset, and lets the least recently used go', async () => {
    const cache = createResultCache({ size: 2 });
    const work = { relations: ['work'] };
    const advice = { relations: ['advice'] };
    const both = { relations: ['work', 'advice'] };
    for (const o of [work, advice]) cache.set(dataset, o, await runAnalysis(dataset, o));
    expect(cache.get(dataset, { relations: ['work'], direction: 'directed' })).toBeUndefined();
    expect(cache.get({ ...dataset }, work)).toBeUndefined();
    cache.get(dataset, work);
    cache.set(dataset, both, await runAnalysis(dataset, both));
    expect(cache.size).toBe(2);
    expect(cache.get(dataset, advice)).toBeUndefined();
    expect(cache.get(dataset, work)).toBeDefined();
  });

  it('keeps no more bytes than it may', async () => {
    const result = await runAnalysis(dataset, {});
    const small = createResultCache({ size: 4, maxBytes: resultBytes(result) * 2 });
    for (const seed of [1, 2, 3]) small.set(dataset, { seed }, result);
    expect(small.size).toBe(2);
    const none = createResultCache({ maxBytes: resultBytes(result) - 1 });
    none.set(dataset, {}, result);
    expect(none.size).toBe(0);
  });

  it('reads options as the same whatever the order of their keys or of a Map', () => {
    const a = optionsKey({ seed: 1, ladder: { circles: new Map([['x', 'c1'], ['y', 'c2']]) }, importWarnings: [] });
    const b = optionsKey({ ladder: { circles: new Map([['y', 'c2'], ['x', 'c1']]) }, seed: 1 });
    expect(a).toBe(b);
    expect(optionsKey({ seed: 2 })).not.toBe(optionsKey({ seed: 1 }));
  });
});
