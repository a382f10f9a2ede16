/**
 * `netweave analyze` reads a file in whatever encoding its tool saved it: a UTF-16 edge list (as
 * Excel's "Unicode text" writes) and a UTF-16 survey give the same people and ties as their UTF-8
 * originals; a Windows-1252 file reads its accents and says it was guessed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netweave, ROOT } from './helpers/cli.ts';

const example = join(ROOT, 'data/survey-example');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'nw-encodings-'));

/** UTF-16 LE with BOM, as Excel and Windows tools write "Unicode" text. */
function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

interface Report {
  dataset: { people: number; ties: number };
  nodes: Array<{ label: string }>;
  warnings: Array<{ code: string; file?: string; row?: number }>;
}

async function analyze(...args: string[]): Promise<Report> {
  const out = join(tmp(), 'report.json');
  const r = await netweave('analyze', ...args, '--out', out);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

describe('files in other encodings', () => {
  it('a UTF-16 edge list and a UTF-16 survey read as their UTF-8 originals', async () => {
    const dir = tmp();
    const edges = 'source,target,weight\nJosé Núñez,Zoë Ødegaard,2\nZoë Ødegaard,北京 Li,1\n北京 Li,José Núñez,3\n';
    writeFileSync(join(dir, 'ties.csv'), edges);
    writeFileSync(join(dir, 'ties16.csv'), utf16le(edges));
    const plain = await analyze(join(dir, 'ties.csv'));
    const wide = await analyze(join(dir, 'ties16.csv'));
    expect({ ...wide.dataset, name: 'ties' }).toEqual(plain.dataset);
    expect(wide.nodes.map((p) => p.label).sort()).toEqual(['José Núñez', 'Zoë Ødegaard', '北京 Li']);

    writeFileSync(join(dir, 'survey16.csv'), utf16le(readFileSync(join(example, 'survey.csv'), 'utf8')));
    const survey = await analyze('--survey', join(example, 'survey.csv'), '--roster', join(example, 'roster.csv'));
    const survey16 = await analyze('--survey', join(dir, 'survey16.csv'), '--roster', join(example, 'roster.csv'));
    expect({ ...survey16.dataset, name: 'survey' }).toEqual(survey.dataset);
    expect(survey16.nodes.map((p) => p.label).sort()).toEqual(survey.nodes.map((p) => p.label).sort());
  });

  it('a Windows-1252 edge list reads its accents and warns that the encoding was guessed', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old.csv'), Buffer.from('source,target\nJos\xe9,Fran\xe7oise\n', 'latin1'));
    const report = await analyze(join(dir, 'old.csv'));
    expect(report.nodes.map((p) => p.label).sort()).toEqual(['Françoise', 'José']);
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'not-utf8', file: 'old.csv', row: 2 }));
  });
});

describe('damaged text', () => {
  it('an id holding half of a surrogate pair analyses, and a warning names the file', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'lone.json'),
      JSON.stringify({ format: 'netweave-dataset', version: 1, name: 'lone', people: [], ties: [] }).replace('"people":[]', '"people":[{"id":"a\\ud800","label":"a","attributes":{}},{"id":"b","label":"b","attributes":{}},{"id":"c","label":"c","attributes":{}},{"id":"d","label":"d","attributes":{}}]').replace('"ties":[]', '"ties":[{"source":"a\\ud800","target":"b"},{"source":"b","target":"c"},{"source":"c","target":"d"},{"source":"d","target":"b"}]'),
    );
    const report = await analyze(join(dir, 'lone.json'));
    expect(report.dataset).toMatchObject({ people: 4, ties: 4 });
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'damaged-text', file: 'lone.json' }));
  });
});
