import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../src/engine/io/csv-read.ts';
import { readSoFar } from '../../../../src/engine/core/util/result.ts';
import { actorsFromTable, importSystemMapCsv, linksFromTable } from '../../../../src/engine/features/systemmap/import-csv.ts';
import { formatIssue } from '../../../../src/engine/core/util/issues.ts';
import { fixture, mapRead, partRead } from './helpers.ts';

const file = (name: string, text: string) => ({ name, text });
const summary = (issues: ReadonlyArray<{ level: string; code: string; file?: string; row?: number; field?: string }>) =>
  issues.map((i) => [i.level, i.code, i.file, i.row, i.field]);

describe('importSystemMapCsv on the coalition sample', () => {
  const result = mapRead(importSystemMapCsv({
    links: fixture('coalition/links.csv'),
    factors: fixture('coalition/factors.csv'),
    actors: fixture('coalition/actors.csv'),
  }));

  it('reads 25 factors, 36 signed links and who works on what, with no issues', () => {
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.map.factors).toHaveLength(25);
    expect(result.map.factors[0]).toEqual({ id: 'Coal plant emissions', label: 'Coal plant emissions', description: '', tags: [], attributes: { type: 'factor' } });
    expect(result.map.links).toHaveLength(36);
    expect(result.map.links[7]).toEqual({ id: 'Coal plant retirements -> Coal generation share', from: 'Coal plant retirements', to: 'Coal generation share', polarity: '-', delay: false });
    expect(result.map.actors.map((a) => a.id)).toContain('Business org 1');
    expect(result.map.worksOn).toHaveLength(124);
    expect(result.map.worksOn[0]).toEqual({ actor: 'Business org 1', factor: 'Building energy codes' });
  });
});

describe('links alone', () => {
  it('makes the factors from the links, in order of appearance, and keeps other columns', () => {
    const result = mapRead(importSystemMapCsv({
      links: file('links.csv', 'cause,effect,sign,weight,lag,evidence,source\nA,B,+,2,yes,survey,w1\nB,A,negative,0.5,,,w2\nB,C,-1,,6 months,,w1\n'),
    }));
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.map.factors.map((f) => f.id)).toEqual(['A', 'B', 'C']);
    expect(result.map.links).toEqual([
      { id: 'A -> B', from: 'A', to: 'B', polarity: '+', strength: 2, delay: true, note: 'survey', attributes: { source: 'w1' } },
      { id: 'B -> A', from: 'B', to: 'A', polarity: '-', strength: 0.5, delay: false, attributes: { source: 'w2' } },
      { id: 'B -> C', from: 'B', to: 'C', polarity: '-', delay: true, attributes: { source: 'w1', lag: '6 months' } },
    ]);
  });

  it('without a polarity column reads every link as + and warns once', () => {
    const result = mapRead(importSystemMapCsv({ links: file('l.csv', 'from,to\nA,B\nB,A\n') }));
    expect(result.ok).toBe(true);
    expect(result.map.links.map((l) => l.polarity)).toEqual(['+', '+']);
    expect(summary(result.issues)).toEqual([['warning', 'no-polarity', 'l.csv', undefined, undefined]]);
  });

  it('takes the sign from a signed strength when no polarity is written', () => {
    const result = mapRead(importSystemMapCsv({ links: file('l.csv', 'from,to,polarity,strength\nA,B,,-3\nB,A,+,2\n') }));
    expect(result.map.links.map((l) => [l.polarity, l.strength])).toEqual([
      ['-', 3],
      ['+', 2],
    ]);
  });

  it('lists several factors in one cell with | (Kumu style): A|B -> C is two links', () => {
    const result = mapRead(importSystemMapCsv({ links: file('l.csv', 'from,to,type\nA|B,C,+\nC,A,-\n') }));
    expect(result.map.links.map((l) => `${l.from}>${l.to}${l.polarity}`)).toEqual(['A>C+', 'B>C+', 'C>A-']);
  });

  it('adds the reverse link for Kumu\'s direction "mutual"', () => {
    const result = mapRead(importSystemMapCsv({ links: file('l.csv', 'from,to,type,direction\nA,B,+,mutual\n') }));
    expect(result.map.links.map((l) => `${l.from}>${l.to}${l.polarity}`)).toEqual(['A>B+', 'B>A+']);
  });

  it('reads back the apostrophe that spreadsheet-safe exports put before a leading sign', () => {
    const result = mapRead(importSystemMapCsv({ links: file('l.csv', "from,to,polarity\n'-fees,B,'+\nB,'-fees,'-\n") }));
    expect(result.map.factors.map((f) => f.id)).toEqual(['-fees', 'B']);
    expect(result.map.links.map((l) => l.polarity)).toEqual(['+', '-']);
  });
});

describe('bad input', () => {
  it('a polarity that is neither + nor - is an error naming file, row and field', () => {
    const result = mapRead(importSystemMapCsv({ links: file('links.csv', 'from,to,polarity\nA,B,+\nB,A,maybe\nA,C,\n') }));
    expect(result.ok).toBe(false);
    expect(summary(result.issues)).toEqual([
      ['error', 'bad-polarity', 'links.csv', 3, 'polarity'],
      ['error', 'missing-polarity', 'links.csv', 4, 'polarity'],
    ]);
    expect(formatIssue(result.issues[0]!)).toBe(
      'links.csv, row 3, field "polarity": polarity "maybe" is neither + nor -; write + (both rise together) or - (one rises as the other falls)',
    );
  });

  it('a link to an unknown factor is an error by default, with a suggestion', () => {
    const result = mapRead(importSystemMapCsv({
      factors: file('factors.csv', 'label\nPolitical will\nCarbon price\n'),
      links: file('links.csv', 'from,to,polarity\nPolitical will,Carbon price,+\nCarbon price,Politcal will,+\n'),
    }));
    expect(result.ok).toBe(false);
    expect(summary(result.issues)).toEqual([['error', 'unknown-factor', 'links.csv', 3, 'to']]);
    expect(result.issues[0]!.message).toContain('"Politcal will" is not one of the factors listed in factors.csv (did you mean "Political will"?)');
  });

  it('creates unknown factors on request, reporting each', () => {
    const result = mapRead(importSystemMapCsv(
      { factors: file('factors.csv', 'label\nA\n'), links: file('links.csv', 'from,to,polarity\nA,B,+\nB,A,-\nA,C,+\n') },
      { unknownFactors: 'create' },
    ));
    expect(result.ok).toBe(true);
    expect(result.map.factors.map((f) => f.id)).toEqual(['A', 'B', 'C']);
    expect(result.map.links).toHaveLength(3);
    expect(summary(result.issues)).toEqual([
      ['warning', 'created-factor', 'links.csv', 2, 'to'],
      ['warning', 'created-factor', 'links.csv', 4, 'to'],
    ]);
  });

  it('skips links to unknown factors on request, reporting each', () => {
    const result = mapRead(importSystemMapCsv(
      { factors: file('factors.csv', 'label\nA\nB\n'), links: file('links.csv', 'from,to,polarity\nA,B,+\nB,X,-\n') },
      { unknownFactors: 'skip' },
    ));
    expect(result.ok).toBe(true);
    expect(result.map.links).toHaveLength(1);
    expect(summary(result.issues)).toEqual([['warning', 'unknown-factor', 'links.csv', 3, 'to']]);
  });

  it('keeps a self-loop as a link and a loop, with a warning', () => {
    const result = mapRead(importSystemMapCsv({ links: file('links.csv', 'from,to,polarity\nA,A,-\nA,B,+\n') }));
    expect(result.ok).toBe(true);
    expect(result.map.links.map((l) => `${l.from}>${l.to}`)).toEqual(['A>A', 'A>B']);
    expect(summary(result.issues)).toEqual([['warning', 'self-loop', 'links.csv', 2, 'to']]);
    expect(result.issues[0]!.message).toContain('feedback loop of one factor');
  });

  it('merges a link given twice; opposite signs make it ambiguous; nothing is dropped silently', () => {
    const result = mapRead(importSystemMapCsv({ links: file('links.csv', 'from,to,polarity,note\nA,B,+,x\nA,B,+,y\nB,A,+,\nB,A,-,\n') }));
    expect(result.ok).toBe(true);
    expect(result.map.links).toEqual([
      { id: 'A -> B', from: 'A', to: 'B', polarity: '+', delay: false, note: 'x; y' },
      { id: 'B -> A', from: 'B', to: 'A', polarity: '+', delay: false, ambiguous: true },
    ]);
    expect(summary(result.issues)).toEqual([
      ['warning', 'duplicate-link', 'links.csv', 3, 'to'],
      ['warning', 'conflicting-link', 'links.csv', 5, 'to'],
    ]);
  });

  it('missing from/to columns and empty cells are errors', () => {
    expect(summary(mapRead(importSystemMapCsv({ links: file('l.csv', 'a,b\n1,2\n') })).issues)).toEqual([
      ['error', 'missing-column', 'l.csv', 1, undefined],
      ['error', 'missing-column', 'l.csv', 1, undefined],
    ]);
    expect(summary(mapRead(importSystemMapCsv({ links: file('l.csv', 'from,to,polarity\n,B,+\n') })).issues)).toEqual([['error', 'missing-id', 'l.csv', 2, 'from']]);
  });

  it('a strength that is not a number is kept as text with a warning', () => {
    const result = mapRead(importSystemMapCsv({ links: file('l.csv', 'from,to,polarity,strength\nA,B,+,lots\nB,A,-,strong\n') }));
    expect(result.ok).toBe(true);
    expect(result.map.links[0]).toMatchObject({ attributes: { strength: 'lots' } });
    expect(result.map.links[0]!.strength).toBeUndefined();
    expect(result.map.links[1]!.strength).toBe(3);
    expect(summary(result.issues)).toEqual([['warning', 'bad-strength', 'l.csv', 2, 'strength']]);
  });

  it('a factor listed twice is merged, tags joined', () => {
    const result = mapRead(importSystemMapCsv({
      factors: file('f.csv', 'label,description,tags\nA,first,x|y\nA,,y;z\n'),
      links: file('l.csv', 'from,to,polarity\nA,A,+\n'),
    }));
    expect(result.map.factors).toEqual([{ id: 'A', label: 'A', description: 'first', tags: ['x', 'y', 'z'], attributes: {} }]);
    expect(summary(result.issues)).toContainEqual(['warning', 'duplicate-factor', 'f.csv', 3, 'label']);
  });

  it('matches names ignoring case and spacing, and refuses an ambiguous label', () => {
    const ok = mapRead(importSystemMapCsv({ factors: file('f.csv', 'label\nPolitical will\n'), links: file('l.csv', 'from,to,polarity\npolitical  WILL,Political will,+\n') }));
    expect(ok.ok).toBe(true);
    expect(ok.map.links[0]!.from).toBe('Political will');
    const twice = mapRead(importSystemMapCsv({ factors: file('f.csv', 'id,label\n1,Jobs\n2,Jobs\n'), links: file('l.csv', 'from,to,polarity\nJobs,1,+\n') }));
    expect(summary(twice.issues)).toEqual([['error', 'ambiguous-name', 'l.csv', 2, 'from']]);
  });
});

describe('actors files', () => {
  it('reads one row per actor with several factors in a cell, and actor attributes', () => {
    const table = readSoFar(readCsv('name,factors,sector\nOrg A,Jobs|Wages,Business\nOrg B,Jobs,\n', { file: 'a.csv' }))!;
    const part = partRead(actorsFromTable(table));
    expect(part.actors.map((a) => [a.label, a.attributes])).toEqual([
      ['Org A', { sector: 'Business' }],
      ['Org B', undefined],
    ]);
    const result = mapRead(importSystemMapCsv({ links: file('l.csv', 'from,to,polarity\nJobs,Wages,+\n'), actors: file('a.csv', 'name,factors,sector\nOrg A,Jobs|Wages,Business\nOrg B,Jobs,\n') }));
    expect(result.ok).toBe(true);
    expect(result.map.worksOn).toEqual([
      { actor: 'Org A', factor: 'Jobs' },
      { actor: 'Org A', factor: 'Wages' },
      { actor: 'Org B', factor: 'Jobs' },
    ]);
  });

  it('an actor working on an unknown factor is reported on its row', () => {
    const result = mapRead(importSystemMapCsv({ links: file('l.csv', 'from,to,polarity\nJobs,Wages,+\n'), actors: file('a.csv', 'organization,works on\nOrg A,Jbos\n') }));
    expect(summary(result.issues)).toEqual([['error', 'unknown-factor', 'a.csv', 2, 'works on']]);
  });

  it('a links table without from/to says which columns it found', () => {
    const part = partRead(linksFromTable(readSoFar(readCsv('x,y\n1,2\n', { file: 'l.csv' }))!));
    expect(part.issues[0]!.message).toContain('the columns found are "x", "y"');
  });
});
