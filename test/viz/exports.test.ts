/** The Export menu as data, and the files each entry makes from a project and its analysis. */
import { describe, expect, it } from 'vitest';
import { EXPORTS, exportAvailable, fileSafe } from '../../src/viz/actions/exports.ts';
import { exportFiles, introductionsFile } from '../../src/engine/project/export-files.ts';
import { parsePajek } from '../../src/engine/io/pajek.ts';
import { parseGml } from '../../src/engine/io/gml.ts';
import { parseGraphologyJson } from '../../src/engine/io/graphology-json.ts';
import { parseUcinetDl } from '../../src/engine/io/ucinet-dl.ts';
import { readSurveyTable } from '../../src/engine/io/read-table.ts';
import { runAnalysis } from '../../src/engine/analysis/run-analysis.ts';
import { newProject } from '../../src/engine/project/new-project.ts';
import { DatasetSchema } from '../../src/engine/core/model/dataset.ts';

const dataset = DatasetSchema.parse({
  version: 1,
  name: 'Team',
  people: ['Ana', 'Ben', 'Cy', 'Dee', '=HYPERLINK("x")'].map((label, i) => ({ id: `p${i}`, label })),
  ties: [
    ['p0', 'p1'],
    ['p1', 'p2'],
    ['p2', 'p0'],
    ['p2', 'p3'],
    ['p3', 'p4'],
  ].map(([source, target]) => ({ source, target, relation: 'works with' })),
});

describe('exports', () => {
  it('offers each export only when what it needs is there', () => {
    const project = newProject('Team / 2026', dataset);
    expect(EXPORTS.map((e) => e.kind)).toContain('systemmap-kumu');
    expect(exportAvailable('analysis', project, null)).toBe(false);
    expect(exportAvailable('project', project, null)).toBe(true);
    expect(exportAvailable('system-map', project, null)).toBe(false);
    expect(exportFiles('systemmap-csv', project, null)).toEqual([]);
  });

  it('names files safely and writes the people CSV, the network and the introductions', async () => {
    const project = newProject('Team / 2026', dataset);
    const analysis = await runAnalysis(dataset);
    expect(fileSafe('Team / 2026')).toBe('Team-2026');
    const [csv] = exportFiles('people-csv', project, analysis);
    expect(csv!.name).toBe('Team-2026-metrics.csv');
    expect(String(csv!.content).split('\n')[0]).toMatch(/^id,label,degree,/);
    expect(csv!.content).toContain(`"'=HYPERLINK(""x"")"`);
    expect(exportFiles('gexf', project, analysis)[0]!.content).toContain('<gexf');
    expect(exportFiles('project', project, analysis)[0]!.name).toBe('Team-2026.netweave.json');
    const intro = introductionsFile(project, analysis);
    expect(intro.content.split('\n')[0]).toBe('introduction,person,introduce to,reason,status,score');
    for (const line of intro.content.trim().split('\n').slice(1)) expect(line).not.toMatch(/^(engage-periphery|close-triangle|link-communities)/);
  });

  it('says how many characters an XML export had to write as U+FFFD, and only then', async () => {
    const odd = DatasetSchema.parse({ ...dataset, people: dataset.people.map((p, i) => (i === 0 ? { ...p, label: 'An\u0001a\uFFFE' } : p)) });
    const project = newProject('Team', odd);
    const analysis = await runAnalysis(odd);
    for (const kind of ['gexf', 'graphml'] as const) {
      expect(exportFiles(kind, project, analysis)[0]!.note).toContain(`2 characters in names or attributes cannot be written in XML at all`);
      expect(exportFiles(kind, newProject('Team', dataset), await runAnalysis(dataset))[0]!.note).toBeUndefined();
    }
  });

  it('writes the network for Pajek, GML, Gephi Lite and UCINET, and each reads back with the same people and ties', async () => {
    const project = newProject('Team', dataset);
    const analysis = await runAnalysis(dataset);
    const readers = { pajek: parsePajek, gml: parseGml, graphology: parseGraphologyJson, ucinet: parseUcinetDl } as const;
    for (const kind of ['pajek', 'gml', 'graphology', 'ucinet'] as const) {
      const [file] = exportFiles(kind, project, analysis);
      expect(file, kind).toBeDefined();
      const read = readers[kind](String(file!.content), { file: file!.name });
      expect(read.ok, `${kind}: ${read.issues.map((i) => i.message).join('; ')}`).toBe(true);
      if (!read.ok) continue;
      expect(read.value.people.length, kind).toBe(dataset.people.length);
      expect(read.value.ties.length, kind).toBeGreaterThan(0);
    }
    const [paj] = exportFiles('pajek', project, analysis);
    expect(paj!.name).toBe('Team.paj');
    const read = parsePajek(String(paj!.content), { file: paj!.name });
    expect(read.ok && read.value.name).toBe('Team');
    expect(read.ok && Object.keys(read.value.people[0]!.attributes)).toEqual(expect.arrayContaining(['degree', 'community']));
  });

  it('writes the network as a Kumu workbook, its sheets readable as tables', async () => {
    const project = newProject('Team', dataset);
    const analysis = await runAnalysis(dataset);
    const [file] = exportFiles('kumu', project, analysis);
    expect(file!.name).toBe('Team.kumu.xlsx');
    expect(file!.content).toBeInstanceOf(Uint8Array);
    const elements = readSurveyTable({ name: file!.name, text: '', bytes: file!.content as Uint8Array }, { sheet: 'Elements' });
    expect(elements.ok && elements.value.records.length).toBe(dataset.people.length);
  });
});
