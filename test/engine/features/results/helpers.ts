/** Test-only file access for the results tests: the coalition sample's map and results, and a map from a links CSV. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SystemMap } from '../../../../src/engine/core/model/systemmap.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { importSystemMapFiles } from '../../../../src/engine/features/systemmap/import-files.ts';
import type { SystemMapFileKind } from '../../../../src/engine/features/systemmap/import-files.ts';
import { COALITION_DIR } from '../../../helpers/samples.ts';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import { importFiles } from '../../../../src/engine/io/import-files.ts';
import type { ResultsSourceFile } from '../../../../src/engine/features/results/import-results.ts';
import type { ResultsFileKind } from '../../../../src/engine/features/results/results-file-kinds.ts';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const RESULTS_DIR = `${COALITION_DIR}results/`;

/** A system map from files given relative to the repository root. */
export function mapFrom(files: Array<[SystemMapFileKind, string]>): SystemMap {
  return orThrow(importSystemMapFiles(files.map(([kind, path]) => ({ kind, name: path.split('/').at(-1)!, text: readFileSync(`${ROOT}${path}`, 'utf8') })))).value;
}

/** The coalition sample's system map: factors, links and who works where. */
export function coalitionMap(): SystemMap {
  const dir = 'data/samples/coalition/systemmap/';
  return mapFrom([
    ['map-factors', `${dir}factors.csv`],
    ['map-links', `${dir}links.csv`],
    ['map-actors', `${dir}actors.csv`],
  ]);
}

/** The coalition sample's results files, each with its kind. */
export function coalitionResultsFiles(): ResultsSourceFile[] {
  const kinds: Array<[ResultsFileKind, string]> = [
    ['results', 'results.csv'],
    ['indicators', 'indicators.csv'],
    ['strategies', 'strategies.csv'],
    ['actions', 'actions.csv'],
    ['commitments', 'commitments.csv'],
    ['scorecard', 'scorecard-data-values.csv'],
  ];
  return kinds.map(([kind, name]) => ({ kind, name, text: readFileSync(`${RESULTS_DIR}${name}`, 'utf8') }));
}

/** The coalition's people (people.csv) with its true ties (truth/ties.json) written by name. */
export function coalitionPeople(): Dataset {
  const truthPeople = JSON.parse(readFileSync(`${COALITION_DIR}truth/people.json`, 'utf8')) as Array<{ id: string; name: string }>;
  const name = new Map(truthPeople.map((p) => [p.id, p.name]));
  const ties = JSON.parse(readFileSync(`${COALITION_DIR}truth/ties.json`, 'utf8')) as Record<'collaborate' | 'advice', Array<[string, string]>>;
  const rows = (['collaborate', 'advice'] as const).flatMap((rel) => ties[rel].map(([a, b]) => `"${name.get(a)}","${name.get(b)}",${rel}`));
  return orThrow(importFiles([{ name: 'people.csv', text: readFileSync(`${COALITION_DIR}people.csv`, 'utf8') }, { name: 'ties.csv', text: ['source,target,relation', ...rows].join('\n') }])).value;
}
