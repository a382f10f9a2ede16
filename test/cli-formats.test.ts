/**
 * `netweave analyze FILE` on the network files of other tools, named without a format flag: the
 * CLI tells each format from its name and content and reads the people the independent readers
 * found (test/reference/formats, computed by networkx, igraph, Graphviz or plain Python). A file
 * it cannot tell says what it looks like and which flag would force a format; a workbook works
 * with every flag.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workbook, workbookOf } from './helpers/workbook.ts';
import { netweave } from './helpers/cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const formats = join(root, 'test/fixtures/formats');
const reference = (name: string) => JSON.parse(readFileSync(join(root, `test/reference/formats/${name}.json`), 'utf8'));


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

  it('reads a Kumu workbook named alone, or with --kumu, as a people network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-'));
    const file = join(dir, 'stakeholders.xlsx');
    writeFileSync(
      file,
      workbookOf({
        Elements: [['Label', 'Type', 'Sector'], ['Ana Lima', 'Interviewee', 'Nonprofit'], ['Ben Okafor', 'Interviewee', 'Government'], ['Green Alliance', 'Organization', 'Nonprofit']],
        Connections: [['From', 'To', 'Type', 'Direction', 'Strength'], ['Ana Lima|Ben Okafor', 'Green Alliance', 'member of', 'directed', '2'], ['Ana Lima', 'Ben Okafor', '', 'mutual', '']],
      }),
    );
    for (const args of [[file], ['--kumu', file]]) {
      const r = await netweave('analyze', ...args);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as { dataset: unknown; nodes: Array<{ label: string; attributes: Record<string, unknown> }>; edges: Array<Record<string, unknown>> };
      expect(report.dataset).toEqual({ name: 'stakeholders', people: 3, ties: 3, relations: ['member of', 'connection'] });
      expect(report.nodes.map((n) => [n.label, n.attributes.type, n.attributes.kind, n.attributes.Sector])).toEqual([
        ['Ana Lima', 'Interviewee', 'person', 'Nonprofit'],
        ['Ben Okafor', 'Interviewee', 'person', 'Government'],
        ['Green Alliance', 'Organization', 'organisation', 'Nonprofit'],
      ]);
      expect(report.edges.map((e) => [e.source, e.target, e.relation, e.weight, e.directed])).toEqual([
        ['Ana Lima', 'Green Alliance', 'member of', 2, true],
        ['Ben Okafor', 'Green Alliance', 'member of', 2, true],
        ['Ana Lima', 'Ben Okafor', 'connection', 1, false],
      ]);
    }
  });

  it('says which sheet, row and column of a Kumu workbook is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-'));
    const file = join(dir, 'broken.xlsx');
    writeFileSync(file, workbookOf({ Elements: [['Label'], ['Ana Lima']], Connections: [['From', 'To'], ['Ana Lima', 'Ben Okafor'], ['Ana Lima', '']] }));
    const r = await netweave('analyze', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.xlsx, row 3, field "To (sheet Connections)": the connection has no To');
  });
});
