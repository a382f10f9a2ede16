/**
 * `netweave analyze FILE` on the network files of other tools, named without a format flag: the
 * CLI tells each format from its name and content and reads the people the independent readers
 * found (test/reference/formats, computed by networkx, igraph, Graphviz or plain Python). A file
 * it cannot tell says what it looks like and which flag would force a format; a workbook works
 * with every flag.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/netweave.mjs');
const formats = join(root, 'test/fixtures/formats');
const reference = (name: string) => JSON.parse(readFileSync(join(root, `test/reference/formats/${name}.json`), 'utf8'));

async function netweave(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function peopleOf(file: string): Promise<number> {
  const r = await netweave('analyze', join(formats, file));
  expect(r.code, `${file}: ${r.stderr}`).toBe(0);
  return (JSON.parse(r.stdout) as { dataset: { people: number } }).dataset.people;
}

describe('netweave analyze FILE, the format told from the file', () => {
  it('reads Pajek, UCINET, GML, DOT, graphology, Gephi Lite and header-less lists with the people the reference readers found', async () => {
    const pajek = reference('pajek').files;
    const ucinet = reference('ucinet').dl;
    const graphs = reference('gml_dot');
    const cases: Array<[string, number]> = [
      ['pajek/zachary.net', pajek['zachary.net'].people.length],
      ['ucinet/igraph-edgelist1.dl', ucinet['igraph-edgelist1.dl'].people],
      ['gml/karate.gml', graphs.gml['karate.gml'].people],
      ['dot/fsm.gv', graphs.dot['fsm.gv'].people],
      ['gephi-lite/les-miserables.json', graphs['gephi-lite']['les-miserables.json'].people],
    ];
    for (const [file, people] of cases) expect(await peopleOf(file), file).toBe(people);
    expect(await peopleOf('edgelist/networkx-karate.edgelist')).toBe(34);
  }, 120_000);

  it('says what a file it cannot tell looks like, and which flag forces a format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-'));
    const file = join(dir, 'ties.csv');
    writeFileSync(file, 'Ana Lima,Ben Okafor\nChen Wu,Dee Park\n');
    const r = await netweave('analyze', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ties.csv');
    expect(r.stderr).toContain('add "source,target" as its first line');
    expect(r.stderr).toContain('--edgelist');
  });

  it('reads an Excel workbook given with --edges', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-'));
    const file = join(dir, 'ties.xlsx');
    writeFileSync(file, workbook([['source', 'target'], ['Ana', 'Ben'], ['Ben', 'Chen'], ['Chen', 'Ana']]));
    const r = await netweave('analyze', '--edges', file);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { dataset: { people: number; ties: number } };
    expect(report.dataset).toMatchObject({ people: 3, ties: 3 });
  });
});

/** A minimal XLSX (one sheet, inline strings), as a spreadsheet program writes it. */
function workbook(rows: string[][]): Uint8Array {
  const cell = (value: string, r: number, c: number) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${value}</t></is></c>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, r, c)).join('')}</row>`).join('')}</sheetData></worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ties" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}
