/**
 * mergePajekTies (the Pajek reader's merge over typed columns) gives what mergeTies gives from one
 * draft per tie: the same ties, origins and warnings in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTies, type TieDraft } from '../../../src/engine/io/merge-ties.ts';
import { mergePajekTies, type TieSource } from '../../../src/engine/io/pajek-merge.ts';
import { TieColumns } from '../../../src/engine/io/pajek-ties.ts';

describe('mergePajekTies', () => {
  it('merges repeats (reversed undirected ones too) and reports self-loops exactly as mergeTies', () => {
    const tie = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.integer({ min: 0, max: 2 }));
    const network = fc.record({ ties: fc.array(tie, { maxLength: 60 }), people: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 6, maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(network, { minLength: 1, maxLength: 3 }), (networks) => {
        // Eight people; vertices of different networks may be the same person.
        const personIds = ['ann', 'bo', 'cy', 'dee', 'ed', 'fay', 'gus', 'hal'];
        const drafts: TieDraft[] = [];
        const sources: TieSource[] = networks.map((net) => {
          const columns = new TieColumns();
          const relationName = (key: number) => (key === 0 ? 'tie' : `r${key}`);
          net.ties.forEach(([from, to, weight, directed, key], i) => {
            columns.push(from, to, weight, directed, key, i + 1);
            drafts.push({
              tie: {
                source: personIds[net.people[from - 1] as number] as string,
                target: personIds[net.people[to - 1] as number] as string,
                relation: relationName(key),
                directed,
                weight,
              },
              origin: { file: 'f.net', row: i + 1, rowUnit: 'line', sourceField: 'source', targetField: 'target' },
            });
          });
          return { columns, people: Int32Array.from(net.people), relationName };
        });
        let released = false;
        const merged = mergePajekTies(sources, personIds, 'f.net', () => {
          released = true;
        });
        expect(released).toBe(true);
        expect(merged).toEqual(mergeTies(drafts));
      }),
      { numRuns: 500 },
    );
  });
});
