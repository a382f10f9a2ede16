import { partOf } from './read-part.ts';
import { describe, expect, it } from 'vitest';
import { parseNodeListCsv } from '../../../src/engine/io/csv-nodes.ts';
import { classic, coalition } from './fixtures.ts';

describe('parseNodeListCsv', () => {
  it('reads karate: 34 people with a club attribute', () => {
    const part = partOf(parseNodeListCsv(classic('karate/nodes.csv'), { file: 'nodes.csv' }));
    expect(part.issues).toEqual([]);
    expect(part.people).toHaveLength(34);
    expect(part.people[0]).toEqual({ id: '0', label: '0', attributes: { club: 'Mr. Hi' } });
    expect(part.people.filter((p) => p.attributes.club === 'Officer')).toHaveLength(17);
  });

  it('reads a roster whose name column is both id and label, splitting multi-valued cells', () => {
    const part = partOf(parseNodeListCsv(coalition('people.csv'), { file: 'people.csv' }));
    expect(part.issues).toEqual([]);
    expect(part.people).toHaveLength(120);
    expect(part.people[0]).toEqual({
      id: 'Robert Jackson',
      label: 'Robert Jackson',
      attributes: {
        email: 'robert.jackson@example.org',
        organization: 'Nonprofit org 23',
        sector: 'Nonprofit',
        region: 'North',
        skills: ['evaluation', 'budgeting', 'media relations'],
      },
    });
    // A single skill is still a list once the column is a list column.
    expect(part.people.find((p) => p.id === 'Zainab Singh')?.attributes.skills).toEqual(['budgeting']);
  });

  it('reads separate id and label columns and types attributes by column', () => {
    const text = [
      'ID,Full Name,age,team,tags,zip',
      '1,Ana Lima,34,North,a; b,02139',
      '2,,41,,c,10001',
      '3,Caro Ruiz,,South,,',
    ].join('\n');
    const part = partOf(parseNodeListCsv(text, { file: 'people.csv' }));
    expect(part.issues).toEqual([]);
    expect(part.people).toEqual([
      { id: '1', label: 'Ana Lima', attributes: { age: 34, team: 'North', tags: ['a', 'b'], zip: '02139' } },
      { id: '2', label: '2', attributes: { age: 41, team: null, tags: ['c'], zip: '10001' } },
      { id: '3', label: 'Caro Ruiz', attributes: { age: null, team: 'South', tags: null, zip: null } },
    ]);
  });

  it('uses another separator when asked', () => {
    const part = partOf(parseNodeListCsv('id,skills\na,x|y\nb,z\n', { file: 'p.csv', multiValueSeparator: '|' }));
    expect(part.people.map((p) => p.attributes.skills)).toEqual([['x', 'y'], ['z']]);
  });

  it('uses chosen columns', () => {
    const part = partOf(parseNodeListCsv('Email,Who\nana@x.org,Ana\n', { file: 'p.csv', columns: { id: 'email', label: 'who' } }));
    expect(part.people).toEqual([{ id: 'ana@x.org', label: 'Ana', attributes: {} }]);
  });

  it('reports an empty id on its row and column', () => {
    const part = partOf(parseNodeListCsv('name,team\nAna,a\n,b\n', { file: 'people.csv' }));
    expect(part.people).toHaveLength(1);
    expect(part.issues).toEqual([
      {
        level: 'error',
        code: 'missing-id',
        message: 'name is empty; every person needs an id',
        file: 'people.csv',
        row: 3,
        field: 'name',
      },
    ]);
  });

  it('reports a file without an id column', () => {
    const part = partOf(parseNodeListCsv('team,age\na,3\n', { file: 'people.csv' }));
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'missing-column', file: 'people.csv', row: 1 });
    expect(part.issues[0]?.message).toContain('"team", "age"');
  });

  it('merges a repeated id: the later row fills the gaps of the first, with a warning', () => {
    const text = 'id,label,team,age\na,Ana,,34\nb,Ben,x,3\na,Ana L.,North,35\n';
    const part = partOf(parseNodeListCsv(text, { file: 'people.csv' }));
    expect(part.people).toEqual([
      { id: 'a', label: 'Ana', attributes: { team: 'North', age: 34 } },
      { id: 'b', label: 'Ben', attributes: { team: 'x', age: 3 } },
    ]);
    expect(part.issues).toHaveLength(1);
    expect(part.issues[0]).toMatchObject({ level: 'warning', code: 'duplicate-node', file: 'people.csv', row: 4, field: 'id' });
    expect(part.issues[0]?.message).toContain('first in row 2');
    expect(part.issues[0]?.message).toContain('filled in team');
    expect(part.issues[0]?.message).toContain('label, age');
  });

  it('stores a column named __proto__ as an attribute without touching the prototype', () => {
    const part = partOf(parseNodeListCsv('id,__proto__\na,x\n', { file: 'p.csv' }));
    const attributes = part.people[0]?.attributes ?? {};
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.keys(attributes)).toEqual(['__proto__']);
  });
});
