import { describe, expect, it } from 'vitest';
import { DatasetSchema } from '../../../src/engine/core/model/dataset.ts';
import { assembleDataset } from '../../../src/engine/io/assemble-dataset.ts';
import { parseEdgeListCsv } from '../../../src/engine/io/csv-edges.ts';
import { importFiles } from '../../../src/engine/io/import-files.ts';
import type { InputIssue } from '../../../src/engine/core/util/issues.ts';
import { formatIssue } from '../../../src/engine/core/util/issues.ts';
import { orThrow, readSoFar, type Result } from '../../../src/engine/core/util/result.ts';
import type { Dataset } from '../../../src/engine/core/model/dataset.ts';
import { classic, fixture } from './fixtures.ts';

/** The dataset of an import that worked, with its warnings; fails the test if it failed. */
function imported(result: Result<Dataset>): { dataset: Dataset; issues: InputIssue[] } {
  if (!result.ok) throw new Error(`expected the import to work: ${result.issues.map(formatIssue).join('; ')}`);
  return { dataset: result.value, issues: result.issues };
}

/** The issues an import failed with, having left nothing to use; fails the test if it worked. */
function failedIssues(result: Result<Dataset>): InputIssue[] {
  expect(result).toEqual({ ok: false, issues: result.issues });
  return result.issues;
}

describe('importFiles on real data', () => {
  it('assembles karate from its edge and node lists: 34 people, 78 weighted ties', () => {
    const { dataset, issues } = imported(importFiles([
      { name: 'edges.csv', text: classic('karate/edges.csv') },
      { name: 'nodes.csv', text: classic('karate/nodes.csv') },
    ]));
    expect(issues).toEqual([]);
    expect(DatasetSchema.parse(dataset)).toEqual(dataset);
    expect(dataset.name).toBe('edges');
    expect(dataset.people).toHaveLength(34);
    // People come in node-list order, with their attributes, even though edges came first.
    expect(dataset.people.map((p) => p.id)).toEqual(Array.from({ length: 34 }, (_, i) => String(i)));
    expect(dataset.people[33]).toEqual({ id: '33', label: '33', attributes: { club: 'Officer' } });
    expect(dataset.ties).toHaveLength(78);
    expect(dataset.ties.reduce((sum, t) => sum + t.weight, 0)).toBe(231);
    expect(dataset.relations).toEqual([{ name: 'tie', directed: false }]);
  });

  it('assembles lesmis: 77 people, 254 ties', () => {
    const { dataset, issues } = imported(importFiles(
      [
        { name: 'lesmis-nodes.csv', text: classic('lesmis/nodes.csv') },
        { name: 'lesmis-edges.csv', text: classic('lesmis/edges.csv') },
      ],
      { name: 'Les Misérables' },
    ));
    expect(issues).toEqual([]);
    expect(dataset.name).toBe('Les Misérables');
    expect(dataset.people).toHaveLength(77);
    expect(dataset.ties).toHaveLength(254);
  });

  it('imports GEXF, GraphML and saved JSON through the same call', () => {
    const gexf = imported(importFiles([{ name: 'coalition.gexf', text: fixture('gephi-coalition.gexf') }]));
    expect(gexf.dataset.people).toHaveLength(5);
    expect(gexf.dataset.description).toContain('Coalition advice');
    expect(gexf.issues.map((i) => i.code)).toEqual(['unknown-id', 'duplicate-edge', 'self-loop']);

    const yed = imported(importFiles([{ name: 'team.xml', text: fixture('yed-team.graphml') }]));
    expect(yed.dataset.people.map((p) => p.label)).toEqual(['María', 'Tom', 'Leila', 'n3']);

    const legacy = imported(importFiles([{ name: 'legacy.json', text: fixture('legacy-v0.json') }]));
    expect(legacy.dataset.name).toBe('Old coalition map');
    expect(legacy.dataset.ties).toHaveLength(3);
  });

  it('uses chosen kinds and columns per file', () => {
    const text = 'Respondent,Named\nAna,Ben\n';
    const { dataset } = imported(importFiles([{ name: 'survey.csv', text }], {
      columns: { 'survey.csv': { source: 'Respondent', target: 'Named' } },
      directed: true,
    }));
    expect(dataset.ties).toEqual([{ source: 'Ana', target: 'Ben', relation: 'tie', directed: true, weight: 1 }]);
    const asNodes = imported(importFiles([{ name: 'who.txt', text: 'who,team\nAna,a\n' }], {
      kinds: { 'who.txt': 'nodes' },
      columns: { 'who.txt': { id: 'who' } },
    }));
    expect(asNodes.dataset.people).toEqual([{ id: 'Ana', label: 'Ana', attributes: { team: 'a' } }]);
  });
});

describe('importFiles with people missing from the people list', () => {
  const nodes = { name: 'people.csv', text: 'id,team\na,x\nb,y\n' };
  const edges = { name: 'ties.csv', text: 'source,target\na,b\nb,zed\nA,b\nzed,a\n' };

  it("adds them by default, warning once per id at the first row it appears, with a hint for near misses", () => {
    const { dataset, issues } = imported(importFiles([nodes, edges]));
    expect(dataset.people.map((p) => p.id)).toEqual(['a', 'b', 'zed', 'A']);
    expect(dataset.people[2]).toEqual({ id: 'zed', label: 'zed', attributes: {} });
    expect(dataset.ties).toHaveLength(4);
    expect(issues.map((i) => [i.level, i.code, i.file, i.row, i.field])).toEqual([
      ['warning', 'unknown-id', 'ties.csv', 3, 'target'],
      ['warning', 'unknown-id', 'ties.csv', 4, 'source'],
    ]);
    expect(issues[0]?.message).toContain('not in the people list (people.csv)');
    expect(issues[1]?.message).toContain('did you mean "a"?');
  });

  it("rejects each such tie with an error when asked, and fails", () => {
    const issues = failedIssues(importFiles([nodes, edges], { unknownIds: 'reject' }));
    expect(issues.map((i) => [i.level, i.code, i.file, i.row, i.field])).toEqual([
      ['error', 'unknown-id', 'ties.csv', 3, 'target'],
      ['error', 'unknown-id', 'ties.csv', 4, 'source'],
      ['error', 'unknown-id', 'ties.csv', 5, 'source'],
    ]);
    expect(issues[0]?.message).toBe('"zed" is not in the people list (people.csv), so this tie was left out');
  });

  it('without a people list, everyone named becomes a person silently', () => {
    const { dataset, issues } = imported(importFiles([edges], { unknownIds: 'reject' }));
    expect(issues).toEqual([]);
    expect(dataset.people.map((p) => [p.id, p.label])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
      ['zed', 'zed'],
      ['A', 'A'],
    ]);
  });
});

describe('importFiles errors', () => {
  it('fails with every issue of every file, with file, row and field', () => {
    const issues = failedIssues(
      importFiles([
        { name: 'ties.csv', text: 'source,target,weight\na,b,abc\nc,,1\nd,d,1\n' },
        { name: 'empty.csv', text: '' },
        { name: 'broken.graphml', text: '<graphml>\n<graph>\n</graphml>' },
      ]),
    );
    expect(issues.map((i) => [i.level, i.code, i.file, i.row, i.field])).toEqual([
      ['error', 'empty-file', 'empty.csv', undefined, undefined],
      ['error', 'bad-weight', 'ties.csv', 2, 'weight'],
      ['error', 'missing-id', 'ties.csv', 3, 'target'],
      ['warning', 'self-loop', 'ties.csv', 4, undefined],
      ['error', 'not-xml', 'broken.graphml', 3, undefined],
    ]);
  });

  it('puts the first errors in the message the command line throws, formatted for people', () => {
    expect(() => orThrow(importFiles([{ name: 'ties.csv', text: 'source,target,weight\na,b,abc\n' }]))).toThrow(
      'ties.csv, row 2, field "weight": weight is not a number: "abc"',
    );
  });

  it('refuses a file of unknown kind and an empty selection', () => {
    const issues = failedIssues(importFiles([{ name: 'attendance.csv', text: 'event,attendee\nS1,Ana\n' }]));
    expect(issues).toEqual([expect.objectContaining({ level: 'error', code: 'unknown-format', file: 'attendance.csv' })]);
    expect(failedIssues(importFiles([]))[0]?.code).toBe('no-files');
  });

  it('refuses a JSON dataset of the wrong version', () => {
    const issues = failedIssues(importFiles([{ name: 'future.json', text: fixture('future-version.json') }]));
    expect(issues).toEqual([expect.objectContaining({ level: 'error', code: 'newer-version', file: 'future.json', field: 'version' })]);
  });
});

describe('assembleDataset', () => {
  it('merges repeats across files, naming the other file', () => {
    const first = parseEdgeListCsv('source,target,weight\na,b,2\n', { file: 'wave1.csv' });
    const second = parseEdgeListCsv('source,target,weight\nb,a,1\n', { file: 'wave2.csv' });
    const assembled = assembleDataset([first, second]);
    const dataset = readSoFar(assembled)!;
    const issues = assembled.issues;
    expect(dataset.ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: false, weight: 3 }]);
    expect(issues).toEqual([expect.objectContaining({ level: 'warning', code: 'duplicate-edge', file: 'wave2.csv', row: 2 })]);
    expect(issues[0]?.message).toContain('wave1.csv row 2');
  });

  it('keeps a relation directed when files disagree, with a warning', () => {
    const undirected = parseEdgeListCsv('source,target\na,b\n', { file: 'u.csv' });
    const directed = parseEdgeListCsv('source,target\nb,c\n', { file: 'd.csv', directed: true });
    const assembled = assembleDataset([undirected, directed]);
    const dataset = readSoFar(assembled)!;
    const issues = assembled.issues;
    expect(dataset.relations).toEqual([{ name: 'tie', directed: true }]);
    expect(issues).toEqual([expect.objectContaining({ level: 'warning', code: 'mixed-direction', file: 'd.csv' })]);
  });

  it('reads ids that differ only by the spaces around them as one person, as the schema does', () => {
    const part = {
      file: 'net.json',
      people: [
        { id: 'a', label: 'a', attributes: {} },
        { id: 'a ', label: 'a ', attributes: {} },
        { id: ' b', label: 'b', attributes: {} },
      ],
      ties: [{ source: '  a', target: 'b\t', relation: 'tie', directed: false, weight: 1 }],
      relations: [],
      attendance: [],
      mentorships: [],
    };
    const assembled = assembleDataset([{ ok: true, value: part, issues: [] }]);
    expect(assembled.ok).toBe(true);
    const dataset = readSoFar(assembled)!;
    expect(dataset.people.map((p) => p.id)).toEqual(['a', 'b']);
    expect(dataset.ties).toEqual([expect.objectContaining({ source: 'a', target: 'b' })]);
    expect(assembled.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'duplicate-node', file: 'net.json' })]);
    expect(assembled.issues[0]!.message).toContain('"a" is listed twice (as "a ", the same id once the spaces around it are dropped)');
  });

  it('fills gaps of a person from a later file and reports conflicting values', () => {
    const { dataset, issues } = imported(importFiles([
      { name: 'roster.csv', text: 'id,team,age\na,x,\n' },
      { name: 'extra.csv', text: 'id,label,team,age\na,Ana,y,30\n' },
    ]));
    expect(dataset.people).toEqual([{ id: 'a', label: 'Ana', attributes: { team: 'x', age: 30 } }]);
    expect(issues).toEqual([expect.objectContaining({ level: 'warning', code: 'conflicting-attribute', file: 'extra.csv', field: 'team' })]);
  });
});

describe('ids the network libraries cannot hold', () => {
  it('refuses "__proto__", "constructor" and the like, once each, with file, row and field', () => {
    const issues = failedIssues(
      importFiles([{ name: 'ties.csv', text: 'source,target\nAna,constructor\n__proto__,Ben\nconstructor,Ben\nAna,Ben\n' }]),
    );
    const reserved = issues.filter((i) => i.code === 'reserved-id');
    expect(reserved.map((i) => [i.file, i.row, i.field])).toEqual([
      ['ties.csv', 2, 'target'],
      ['ties.csv', 3, 'source'],
    ]);
    expect(reserved[0]!.message).toMatch(/^"constructor" cannot be used as a name or id: .*Rename it/);
  });

  it('refuses them in a people list too', () => {
    const issues = failedIssues(
      importFiles(
        [
          { name: 'people.csv', text: 'id,team\ntoString,a\nAna,b\n' },
          { name: 'ties.csv', text: 'source,target\nAna,Ben\n' },
        ],
        { kinds: { 'people.csv': 'nodes', 'ties.csv': 'edges' } },
      ),
    );
    expect(issues.filter((i) => i.code === 'reserved-id').map((i) => [i.file, i.field, i.message.slice(0, 40)])).toEqual([['people.csv', 'id', '"toString" cannot be used as a name or i']]);
  });

  it('names the row or line where a person is written, in every reader with rows', () => {
    const rowOf = (name: string, text: string, kind: 'nodes' | 'vna' | 'pajek' | 'dot' | 'gml' | 'edges'): Array<number | undefined> =>
      failedIssues(importFiles([{ name, text }], { kinds: { [name]: kind } }))
        .filter((i) => i.code === 'reserved-id')
        .map((i) => i.row);
    expect(rowOf('people.csv', 'id,team\nAna,a\ntoString,b\n', 'nodes')).toEqual([3]);
    // A line break of a lone CR, as the fuzzer wrote it.
    expect(rowOf('net.vna', '*Node data\nI\r__proto__', 'vna')).toEqual([3]);
    expect(rowOf('net.net', '*Vertices 2\n1 "Ana"\n2 "constructor"\n*Edges\n1 2\n', 'pajek')).toEqual([3]);
    expect(rowOf('net.gv', 'graph {\n  a -- b\n  valueOf\n}\n', 'dot')).toEqual([3]);
    expect(rowOf('net.gml', 'graph [\n node [ id 1 ]\n node [ id "__proto__" ]\n]\n', 'gml')).toEqual([3]);
  });

  it('keeps ordinary ids that merely contain those words', () => {
    const { dataset } = imported(importFiles([{ name: 'ties.csv', text: 'source,target\nConstructor,proto\nthe constructor,toString()\n' }]));
    expect(dataset.people.map((p) => p.id).sort()).toEqual(['Constructor', 'proto', 'the constructor', 'toString()']);
  });
});
