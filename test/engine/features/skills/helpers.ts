/**
 * Shared helpers for the skills tests: the hand-made fixtures (test/fixtures/skills) as a
 * dataset, the whole analysis up to the people insights, and small graphs with positions set by
 * hand so each rule can be tested on its own.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importFiles } from '../../../../src/engine/io/import-files.ts';
import { orThrow, type Result } from '../../../../src/engine/core/util/result.ts';
import type { InputIssue } from '../../../../src/engine/core/util/issues.ts';
import type { AbilitiesImport } from '../../../../src/engine/features/skills/abilities-import.ts';
import type { AbilityAssessment } from '../../../../src/engine/core/model/abilities.ts';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import type { Attributes } from '../../../../src/engine/core/model/records.ts';
import { buildGraph } from '../../../../src/engine/core/graph/build-graph.ts';
import { toCsr, type Csr } from '../../../../src/engine/core/graph/csr.ts';
import { computeMetrics, type MetricTable } from '../../../../src/engine/analysis/compute-metrics.ts';
import { peopleInsights, type PeopleInsights } from '../../../../src/engine/analysis/people-insights.ts';
import type { SkillPositionView } from '../../../../src/engine/features/skills/skills-report.ts';
import { graphOf } from '../../algorithms/periphery/fixtures.ts';

export const fixtures = fileURLToPath(new URL('../../../fixtures/skills/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(`${fixtures}${name}`, 'utf8');
}

/** The fixture network: people.csv + ties.csv. */
export function fixtureDataset(): Dataset {
  return orThrow(
    importFiles([
      { name: 'people.csv', text: fixtureText('people.csv') },
      { name: 'ties.csv', text: fixtureText('ties.csv') },
    ]),
  ).value;
}

export interface Analysed {
  dataset: Dataset;
  csr: Csr;
  table: MetricTable;
  insights: PeopleInsights;
}

/** buildGraph -> CSR -> metrics -> people insights, as the CLI runs them. */
export function analyse(dataset: Dataset): Analysed {
  const graph = buildGraph(dataset);
  const csr = toCsr(graph);
  const { table } = computeMetrics(graph, {}, undefined, csr);
  const insights = peopleInsights(dataset, graph, csr, table, {});
  return { dataset, csr, table, insights };
}

/**
 * A small network with everything set by hand: people (id -> attributes), undirected ties,
 * communities (numbered from 1 as in the metric table; everyone in group 1 unless given) and
 * peripheral flags. Core scores default to 0.5 (0.05 for peripheral people).
 */
export function handMade(
  people: Record<string, Attributes>,
  ties: Array<[string, string]>,
  community: Record<string, number>,
  peripheral: string[] = [],
  inCore: string[] = [],
): { dataset: Dataset; csr: Csr; table: { ids: string[]; columns: { community: Int32Array } }; insights: SkillPositionView } {
  const ids = Object.keys(people);
  const csr = toCsr(graphOf(ids, ties.map(([a, b]) => [a, b, 1]), false));
  const dataset: Dataset = {
    format: 'netweave-dataset',
    version: 1,
    name: 'hand-made',
    people: ids.map((id) => ({ id, label: id.toUpperCase(), attributes: people[id]! })),
    relations: [],
    ties: ties.map(([source, target]) => ({ source, target, relation: 'tie', directed: false, weight: 1 })),
    attendance: [],
    mentorships: [],
  };
  const edge = new Set(peripheral);
  const core = new Set(inCore);
  const nodes: SkillPositionView['nodes'] = {};
  for (const id of csr.ids) {
    nodes[id] = { coreScore: edge.has(id) ? 0.05 : core.has(id) ? 0.9 : 0.5, peripheral: edge.has(id), inCore: core.has(id), peripheryScore: edge.has(id) ? 0.9 : 0.2 };
  }
  return {
    dataset,
    csr,
    table: { ids: csr.ids, columns: { community: Int32Array.from(csr.ids, (id) => community[id] ?? 1) } },
    insights: { nodes, periphery: peripheral.map((id) => ({ id, reasons: [`${id.toUpperCase()} has few ties.`] })) },
  };
}

/** An abilities import as these tests look at it: what it read (no assessment and no rows when it failed) with its issues. */
export function abilitiesRead(result: Result<AbilitiesImport>): Omit<AbilitiesImport, 'assessment'> & { assessment: AbilityAssessment | undefined; issues: InputIssue[] } {
  return result.ok ? { ...result.value, issues: result.issues } : { assessment: undefined, matches: [], unmatched: [], issues: result.issues };
}
