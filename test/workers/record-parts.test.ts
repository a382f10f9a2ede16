import { describe, expect, it } from 'vitest';
import { assembleParts, recordParts } from '../../src/workers/record-parts.ts';
import { packDataset } from '../../src/engine/core/model/packed-dataset.ts';
import { packLayout } from '../../src/engine/core/model/packed-layout.ts';
import { DatasetSchema } from '../../src/engine/core/model/dataset.ts';

function roundTrip(record: unknown, itemsPerPart?: number): { back: unknown; parts: number; moved: ArrayBuffer[] } {
  const posted = [...recordParts(record, { itemsPerPart })];
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
  });
});
