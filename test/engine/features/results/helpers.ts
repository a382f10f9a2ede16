/** Test-only file access for the results tests: the coalition sample's map and results, and a map from a links CSV. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SystemMap } from '../../../../src/engine/core/model/systemmap.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { importSystemMapFiles } from '../../../../src/engine/features/systemmap/import-files.ts';
import type { SystemMapFileKind } from '../../../../src/engine/features/systemmap/import-files.ts';
import { COALITION_DIR } from '../../../helpers/samples.ts';

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
