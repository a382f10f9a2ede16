/**
 * One export as the app's worker makes it (projectExport): from the project's own analysis when
 * sharing changes nothing, asked for only by the kinds written from one; from the shared
 * network, analysed again, when it changes something; the weaver's own copy never shared.
 */
import { describe, expect, it } from 'vitest';
import { projectExport } from '../../../src/engine/project/export-files.ts';
import { runAnalysis } from '../../../src/engine/analysis/run-analysis.ts';
import { newProject } from '../../../src/engine/project/new-project.ts';
import { DatasetSchema, type Dataset } from '../../../src/engine/core/model/dataset.ts';
import type { AnalysisResult } from '../../../src/engine/analysis/analysis-result.ts';
import type { FileExportKind } from '../../../src/engine/project/export-kinds.ts';

const dataset = DatasetSchema.parse({
  version: 1,
  name: 'Team',
  people: ['Ana Lima', 'Ben Okafor', 'Cy Diaz', 'Dee Patel'].map((label, i) => ({ id: `p${i}`, label })),
  ties: [
    ['p0', 'p1'],
    ['p1', 'p2'],
    ['p2', 'p3'],
  ].map(([source, target]) => ({ source, target, relation: 'works with' })),
});

/** Runs an export, counting the analyses it asked for. */
async function exported(kind: FileExportKind, consent: Record<string, 'named' | 'unnamed' | 'out'>) {
  const base = newProject('Team', dataset);
  const project = { ...base, sharing: { ...base.sharing, consent } };
  const asked = { own: 0, shared: 0 };
  const made = await projectExport({
    kind,
    project,
    analysis: async (): Promise<AnalysisResult> => (asked.own++, runAnalysis(dataset)),
    analyzeShared: async (shared: Dataset) => (asked.shared++, runAnalysis(shared)),
  });
  const text = made.files.map((f) => (typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content))).join('\n');
  return { made, asked, text };
}

describe('projectExport', () => {
  it('writes from the analysis on screen when sharing changes nothing, and asks for it only when the kind needs one', async () => {
    const csv = await exported('people-csv', {});
    expect(csv.asked).toEqual({ own: 1, shared: 0 });
    expect(csv.made.shared).toBeNull();
    expect(csv.text).toContain('Dee Patel');
    const file = await exported('project', {});
    expect(file.asked).toEqual({ own: 0, shared: 0 });
    expect(file.made.files[0]!.name).toBe('Team.netweave.json');
  });

  it('writes from the shared network when sharing leaves someone out, and says what it did', async () => {
    const csv = await exported('people-csv', { p3: 'out', p2: 'unnamed' });
    expect(csv.asked).toEqual({ own: 0, shared: 1 });
    expect(csv.made.shared).toEqual({ named: 2, unnamed: 1, leftOut: 1, codes: false });
    expect(csv.text).not.toContain('Dee Patel');
    expect(csv.text).not.toContain('Cy Diaz');
  });

  it("keeps everyone in the weaver's own copy of the project", async () => {
    const own = await exported('project-own', { p3: 'out' });
    expect(own.asked).toEqual({ own: 0, shared: 0 });
    expect(own.made.shared).toBeNull();
    expect(own.text).toContain('Dee Patel');
  });
});
