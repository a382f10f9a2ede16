/** Each person's ties by payload index (map-ties.ts), checked against a plain scan of the tie list. */
import { describe, expect, it } from 'vitest';
import { contactsOf, mapTies, tiesOf } from '../../../src/viz/map/map-ties.ts';

describe('map ties', () => {
  it("lists each person's ties and contacts, without self-loops", () => {
    const source = Int32Array.from([0, 1, 2, 2, 3, 1]);
    const target = Int32Array.from([1, 2, 0, 2, 1, 0]);
    const ties = mapTies(4, source, target);
    for (let i = 0; i < 4; i++) {
      const expected = [...source.keys()].filter((e) => source[e] !== target[e] && (source[e] === i || target[e] === i));
      expect([...tiesOf(ties, i)].sort()).toEqual(expected);
    }
    expect([...contactsOf(ties, 1, source, target)].sort()).toEqual([0, 2, 3]);
    expect([...contactsOf(ties, 2, source, target)].sort()).toEqual([0, 1]);
    expect(mapTies(0, [], []).edges.length).toBe(0);
  });
});
