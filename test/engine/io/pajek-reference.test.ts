/**
 * parsePajek on real Pajek files (test/fixtures/formats/pajek/, with their origin in its README)
 * against what test/reference/formats/make_pajek.py computed with igraph's and networkx's Pajek
 * readers and netweave's documented rules written anew in Python.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePajek } from '../../../src/engine/io/pajek.ts';
import { partOf } from './read-part.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => readFileSync(`${root}test/fixtures/formats/pajek/${name}`, 'utf8');

type TieRow = [string, string, string, boolean, number];

interface Expected {
  people: Array<[string, string]>;
  relations: Array<[string, boolean]>;
  ties: TieRow[];
  perRelation: Record<string, { ties: number; weightSum: number }>;
  attributes: Record<string, Record<string, number | null>>;
  name: string | null;
  tieLines: number;
  selfLoops: number;
}

const reference = JSON.parse(readFileSync(`${root}test/reference/formats/pajek.json`, 'utf8')) as {
  files: Record<string, Expected>;
};

/** An undirected tie's ends in a fixed order: igraph stores the smaller vertex first, files in any order. */
const normal = (tie: TieRow): TieRow => (tie[3] || tie[0] <= tie[1] ? tie : [tie[1], tie[0], tie[2], tie[3], tie[4]]);

const byTie = (a: TieRow, b: TieRow): number =>
  a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : Number(a[3]) - Number(b[3]);

describe.each(Object.entries(reference.files))('parsePajek(%s) against igraph and networkx', (name, expected) => {
  const result = parsePajek(fixture(name), { file: name });
  const part = partOf(result);

  it('reads without errors', () => {
    expect(result.issues.filter((issue) => issue.level === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    for (const issue of result.issues) expect(issue.file).toBe(name);
  });

  it('reads the same people, ids and labels, in vertex order', () => {
    expect(part.people.map((person) => [person.id, person.label])).toEqual(expected.people);
  });

  it('reads the same relations, each directed or not', () => {
    expect(part.relations.map((relation) => [relation.name, relation.directed])).toEqual(expected.relations);
  });

  it('reads the same ties with the same weights (repeated ties merged)', () => {
    const ties = part.ties.map((tie): TieRow => normal([tie.source, tie.target, tie.relation, tie.directed, tie.weight]));
    expect(ties.sort(byTie)).toEqual(expected.ties.map(normal).sort(byTie));
    const perRelation: Record<string, { ties: number; weightSum: number }> = {};
    for (const tie of part.ties) {
      const entry = (perRelation[tie.relation] ??= { ties: 0, weightSum: 0 });
      entry.ties += 1;
      entry.weightSum += tie.weight;
    }
    for (const [relation, entry] of Object.entries(expected.perRelation)) {
      expect(perRelation[relation]?.ties).toBe(entry.ties);
      expect(perRelation[relation]?.weightSum).toBeCloseTo(entry.weightSum, 9);
    }
    expect(Object.keys(perRelation).sort()).toEqual(Object.keys(expected.perRelation).sort());
  });

  it('keeps where each tie was read, as lines', () => {
    expect(part.tieOrigins).toHaveLength(part.ties.length);
    for (const origin of part.tieOrigins ?? []) {
      expect(origin).toMatchObject({ file: name, rowUnit: 'line' });
      expect(origin.row).toBeGreaterThan(0);
    }
  });

  it('reads partitions and vectors as person attributes (null where a person has no value)', () => {
    const names = Object.keys(expected.attributes);
    for (const person of part.people) expect(Object.keys(person.attributes)).toEqual(names);
    for (const [attribute, column] of Object.entries(expected.attributes)) {
      const read = Object.fromEntries(part.people.map((person) => [person.id, person.attributes[attribute]]));
      expect(read).toEqual(column);
    }
  });

  it('names the dataset after its only network', () => {
    expect(part.name ?? null).toBe(expected.name);
  });
});

describe('the reference itself', () => {
  it('covers a multi-relation network, a .paj with partitions, lists, matrices and several networks', () => {
    const files = reference.files;
    expect(files['Padgett.paj']?.relations.map(([name]) => name)).toEqual(['Business', 'Marital']);
    expect(Object.keys(files['KnokBur.paj']?.attributes ?? {})).toEqual(['KnokSec', 'KnokRat']);
    expect(files['Trade.paj']?.relations).toHaveLength(5);
    expect(files['baboons.paj']?.relations).toHaveLength(4);
    expect(files['LondonTube.net']?.relations).toHaveLength(14);
  });

  it("HighTech.paj is Krackhardt's managers: 190 advice, 102 friendship and 20 reports-to arcs", () => {
    expect(reference.files['HighTech.paj']?.perRelation).toEqual({
      gives_advice_to: { ties: 190, weightSum: 190 },
      is_friend_of: { ties: 102, weightSum: 102 },
      reports_to: { ties: 20, weightSum: 20 },
    });
  });
});
