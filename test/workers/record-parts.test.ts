import { describe, expect, it } from 'vitest';
import { assembleParts, recordParts, type RecordPart } from '../../src/workers/record-parts.ts';
import { packDataset } from '../../src/engine/core/model/packed-dataset.ts';
import { packLayout } from '../../src/engine/core/model/packed-layout.ts';
import { DatasetSchema } from '../../src/engine/core/model/dataset.ts';

function roundTrip(record: unknown, itemsPerPart?: number, bytesPerPart?: number): { back: unknown; parts: number; moved: ArrayBuffer[] } {
  const posted = [...recordParts(record, { itemsPerPart, bytesPerPart })];
  // Through a real structured clone, as postMessage would copy them.
  const parts = structuredClone(posted.map((p) => p.part));
  return { back: assembleParts(parts), parts: posted.length, moved: posted.flatMap((p) => p.transfer) };
}

describe('record parts', () => {
  it('puts a packed dataset and a project record together again, long lists in slices', () => {
    const people = Array.from({ length: 250 }, (_, i) => ({ id: `p${i}`, label: i % 3 === 0 ? `Person ${i}` : `p${i}`, attributes: i % 5 === 0 ? { team: `t${i % 4}` } : {} }));
    const ties = Array.from({ length: 700 }, (_, e) => ({ source: `p${e % 250}`, target: `p${(e * 7 + 1) % 250}`, relation: e % 2 ? 'advice' : 'friend', ...(e % 3 ? { wave: '2025' } : {}), weight: 1 + (e % 4) }));
    const dataset = DatasetSchema.parse({ version: 1, people, relations: [{ name: 'advice', directed: true }], ties });
    const record = {
      project: { id: 'x', name: 'A coalition', layout: packLayout(Object.fromEntries(people.map((p, i) => [p.id, [i, -i]]))), weaving: { 'p1|p2': 'made' }, settings: { relations: ['advice'], directed: null } },
      dataset: packDataset(dataset),
    };
    const { back, parts, moved } = roundTrip(record, 100);
    expect(back).toEqual(record);
    // Typed arrays are moved as copies: the page keeps its own.
    const packed = record.dataset.ties;
    expect(moved.length).toBe(7 + 1);
    for (const buffer of moved) expect([packed.source.buffer, packed.weight.buffer, record.project.layout.xy.buffer]).not.toContain(buffer);
    expect(parts).toBeGreaterThan(10);
    // Columns in pieces of at most 1,000 bytes: five 32-bit tie columns in 3 each, directed in 1,
    // the weights (5,600 bytes) in 6, the layout's 4,000 bytes in 4.
    const small = roundTrip(record, 100, 1000);
    expect(small.back).toEqual(record);
    expect(small.moved.filter((b) => b.byteLength <= 1000).length).toBe(small.moved.length);
    expect(small.moved.length).toBe(5 * 3 + 1 + 6 + 4);
  });

  it('keeps keys that are untrusted text as own keys', () => {
    const record = { consent: JSON.parse('{"__proto__": "share", "constructor": "hide"}') as Record<string, string> };
    const { back } = roundTrip(record);
    const consent = (back as typeof record).consent;
    expect(Object.getPrototypeOf(consent)).toBe(Object.prototype);
    expect(Object.hasOwn(consent, '__proto__')).toBe(true);
    expect(consent.__proto__).toBe('share');
    expect(consent.constructor).toBe('hide');
  });

  it('says where a part has no place to go', () => {
    expect(() => assembleParts([{ path: [], op: 'set', value: {} }, { path: ['a', 'b'], op: 'set', value: 1 }])).toThrow(/a\.b/);
    expect(() => assembleParts([{ path: [], op: 'set', value: {} }, { path: ['a'], op: 'append', value: [1] }])).toThrow(/no list/);
    const column: RecordPart = { path: ['a'], op: 'typed', value: { kind: 'Int32Array', length: 4 } };
    expect(() => assembleParts([{ path: [], op: 'set', value: {} }, column, { path: ['a'], op: 'into', offset: 2, value: Int32Array.of(1, 2, 3) }])).toThrow(/does not fit/);
    expect(() => assembleParts([{ path: [], op: 'set', value: {} }, column, { path: ['a'], op: 'into', offset: 0, value: Float64Array.of(1) }])).toThrow(/does not fit/);
    expect(() => assembleParts([{ path: [], op: 'set', value: {} }, { path: ['a'], op: 'typed', value: { kind: 'Function' as never, length: 1 } }])).toThrow(/no column kind/);
  });
});
