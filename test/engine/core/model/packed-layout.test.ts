import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packLayout, packedLayoutOf, packedLayoutProblem, rememberPackedLayout, unpackLayout, unpackLayoutInSlices } from '../../../../src/engine/core/model/packed-layout.ts';
import { positionOf, positionsFrom, setPosition, type Positions } from '../../../../src/engine/core/model/layout-record.ts';

/** Ids as users write them, including ones that name Object.prototype's members. */
const id = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'));
const position = fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }));
const layouts = fc.uniqueArray(fc.tuple(id, position), { selector: ([key]) => key, maxLength: 30 }).map((entries) => positionsFrom(entries));

describe('packed layouts', () => {
  it('unpack to exactly the positions packed, whatever the ids', () => {
    fc.assert(
      fc.property(layouts, (layout) => {
        const packed = packLayout(layout);
        expect(packedLayoutProblem(packed)).toBeNull();
        expect(packed.xy).toBeInstanceOf(Float64Array);
        const back = unpackLayout(structuredClone(packed));
        expect(Object.keys(back).sort()).toEqual(Object.keys(layout).sort());
        for (const key of Object.keys(layout)) expect(positionOf(back, key)).toEqual(layout[key]);
      }),
    );
  });

  it('keeps "__proto__" and "constructor" as ordinary ids', () => {
    const layout = positionsFrom([['__proto__', [1, 2]], ['constructor', [3, 4]], ['Ana', [5, 6]]]);
    const back = unpackLayout(packLayout(layout));
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(positionOf(back, '__proto__')).toEqual([1, 2]);
    expect(positionOf(back, 'constructor')).toEqual([3, 4]);
    expect(positionOf(back, 'toString')).toBeUndefined();
    expect(positionOf({}, 'constructor')).toBeUndefined();
  });

  it('names what is wrong with damaged stored layouts', () => {
    const good = packLayout({ a: [1, 2], b: [3, 4] });
    expect(packedLayoutProblem({ ...good, xy: good.xy.subarray(0, 3) })).toMatch(/more ids than positions/);
    // A position that is not a number loses that position (repairProject drops it), never the project.
    expect(packedLayoutProblem({ ...good, xy: Float64Array.from([1, 2, Number.NaN, 4]) })).toBeNull();
    expect(packedLayoutProblem({ ...good, ids: ['a', 7 as unknown as string] })).toMatch(/not text/);
    expect(packedLayoutProblem({ ...good, xy: [1, 2, 3, 4] as unknown as Float64Array })).toMatch(/damaged/);
  });

  it('does not store positions that are not numbers', () => {
    const packed = packLayout({ a: [1, 2], b: [Number.NaN, 4], c: [5, Number.POSITIVE_INFINITY] });
    expect(packed.ids).toEqual(['a']);
    expect(Array.from(packed.xy)).toEqual([1, 2]);
  });

  it('packs a layout once however often it is saved', () => {
    const layout = { a: [1, 2] as [number, number] };
    expect(packedLayoutOf(layout)).toBe(packedLayoutOf(layout));
    expect(packedLayoutOf({ ...layout })).not.toBe(packedLayoutOf(layout));
  });

  it('keeps a packed form noted by the map, built one position at a time with any id', () => {
    const layout: Positions = {};
    const ids = ['a', '__proto__', 'constructor'];
    ids.forEach((i, k) => setPosition(layout, i, [k, -k]));
    expect(Object.getPrototypeOf(layout)).toBe(Object.prototype);
    expect(positionOf(layout, '__proto__')).toEqual([1, -1]);
    const packed = { format: 'netweave-packed-layout' as const, ids, xy: Float64Array.from([0, -0, 1, -1, 2, -2]) };
    rememberPackedLayout(layout, packed);
    expect(packedLayoutOf(layout)).toBe(packed);
    expect(unpackLayout(packed)).toEqual(unpackLayout(packLayout(layout)));
    // One coordinate not a number: not noted, packed again (without it) when saved.
    const odd: Positions = { a: [Number.NaN, 1] };
    rememberPackedLayout(odd, { format: 'netweave-packed-layout', ids: ['a'], xy: Float64Array.from([Number.NaN, 1]) });
    expect(packedLayoutOf(odd).ids).toEqual([]);
  });

  it('unpacks in slices to the same layout', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(id, position), { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), async (pairs, slice) => {
        const packed = packLayout(positionsFrom(pairs));
        let pauses = 0;
        const sliced = await unpackLayoutInSlices(packed, async () => void pauses++, slice);
        expect(sliced).toEqual(unpackLayout(packed));
        expect(Object.getPrototypeOf(sliced)).toBe(Object.prototype);
        expect(pauses).toBe(Math.max(0, Math.ceil(packed.ids.length / slice) - 1));
      }),
      { numRuns: 100 },
    );
  });
});

