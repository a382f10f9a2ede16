/**
 * Peer circles on random small inputs (fast-check): whatever the participants, ties, reports-to
 * lines, earlier pairs, wishes, locks and size range, everyone is placed once, locks are kept,
 * the same seed gives the same circles, and every rule a circle breaks is in `relaxed` with that
 * circle and the people it concerns (never broken silently).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formCircles } from '../../../../src/engine/features/circles/form-circles.ts';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';

const inputArb = fc.integer({ min: 0, max: 24 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    units: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), { minLength: n, maxLength: n }),
    gender: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: n, maxLength: n }),
    wishes: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    bosses: fc.array(fc.option(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { nil: null, freq: 4 }), { minLength: n, maxLength: n }),
    ties: fc.array(fc.tuple(fc.nat(Math.max(0, n - 1)), fc.nat(Math.max(0, n - 1))), { maxLength: n * 3 }),
    previous: fc.array(fc.tuple(fc.nat(Math.max(0, n - 1)), fc.nat(Math.max(0, n - 1))), { maxLength: n }),
    locks: fc.array(fc.tuple(fc.nat(Math.max(0, n - 1)), fc.constantFrom('Circle 1', 'Circle 2', 'Blue')), { maxLength: 4 }),
    minSize: fc.integer({ min: 2, max: 4 }),
    extra: fc.integer({ min: 0, max: 3 }),
    minDistinct: fc.integer({ min: 1, max: 3 }),
    seed: fc.nat(1000),
  }),
);

describe('formCircles on random small inputs', () => {
  it('places everyone once, keeps locks, is deterministic and reports every broken rule as relaxed', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const id = (i: number): string => `p${i}`;
        const participants = Array.from({ length: x.n }, (_, i) => ({
          id: id(i),
          label: `Person ${String.fromCharCode(65 + (i % 26))}${i}`,
          attributes: { ...(x.units[i] !== null ? { unit: `U${x.units[i]}` } : {}), gender: x.gender[i]! },
          ...(x.bosses[i] !== null ? { reportsTo: id(x.bosses[i]!) } : {}),
          wishes: x.wishes[i] ? [{ attribute: 'gender' }] : [],
        }));
        const network: Dataset = {
          format: 'netweave-dataset',
          version: 1,
          name: 'random',
          people: participants.map((p) => ({ id: p.id, label: p.label, attributes: {} })),
          relations: [{ name: 'tie', directed: false }],
          ties: x.ties.filter(([a, b]) => a !== b && x.n > 0).map(([a, b]) => ({ source: id(a), target: id(b), relation: 'tie', directed: false, weight: 1 })),
          attendance: [],
          mentorships: [],
        };
        const seen = new Set<number>();
        const locks = x.locks.filter(([i]) => i < x.n && !seen.has(i) && seen.add(i)).map(([i, circle]) => ({ person: id(i), circle }));
        const previous = x.previous.filter(([a, b]) => a !== b && x.n > 0).map(([a, b]) => ({ a: id(a), b: id(b) }));
        const options = { minSize: x.minSize, maxSize: x.minSize + x.extra, minDistinct: x.minDistinct, across: 'unit', seed: x.seed, iterationsPerPerson: 50 };
        const input = { participants, network, previous, locks };
        const r = formCircles(input, options);

        const at = new Map(r.circles.flatMap((c) => c.members.map((m) => [m.id, c.name] as const)));
        expect(r.circles.reduce((s, c) => s + c.size, 0)).toBe(x.n);
        expect(at.size).toBe(x.n);
        for (const lock of locks) expect(at.get(lock.person)).toBe(lock.circle);
        expect(JSON.stringify(formCircles(input, options).circles)).toBe(JSON.stringify(r.circles));

        const relaxedFor = (constraint: string, circle: string, people: string[]): boolean =>
          r.relaxed.some((q) => q.constraint === constraint && (q.circle === circle || q.circle === undefined) && people.every((p) => q.people.includes(p) || q.circle === undefined));
        const unitsThere = new Set(x.units.filter((u) => u !== null)).size;
        for (const c of r.circles) {
          const ids = c.members.map((m) => m.id);
          if (c.size < options.minSize || c.size > options.maxSize) expect(relaxedFor('size', c.name, ids), `size of ${c.name}`).toBe(true);
          const need = Math.min(options.minDistinct, c.size, unitsThere);
          if (new Set(c.members.map((m) => m.unit).filter((u) => u !== null)).size < need) expect(relaxedFor('across', c.name, ids), `units of ${c.name}`).toBe(true);
          for (const p of participants) {
            if (!ids.includes(p.id)) continue;
            if (p.reportsTo !== undefined && p.reportsTo !== p.id && ids.includes(p.reportsTo)) expect(relaxedFor('reports-to', c.name, [p.id, p.reportsTo]), `${p.id} with their boss`).toBe(true);
            if (p.wishes.length > 0 && !ids.some((q) => q !== p.id && x.gender[Number(q.slice(1))] === p.attributes.gender)) expect(relaxedFor('identity', c.name, [p.id]), `${p.id}'s wish`).toBe(true);
          }
          for (const pair of previous) if (ids.includes(pair.a) && ids.includes(pair.b) && !(participants.find((p) => p.id === pair.a)!.reportsTo === pair.b || participants.find((p) => p.id === pair.b)!.reportsTo === pair.a)) expect(relaxedFor('previous', c.name, [pair.a, pair.b]), 'previous pair').toBe(true);
        }
        if (r.relaxed.length > 0) expect(r.issues.some((i) => i.code === 'rules-relaxed')).toBe(true);
      }),
      { numRuns: 100, seed: 20 },
    );
  });
});
