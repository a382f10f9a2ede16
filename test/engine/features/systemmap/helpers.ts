/** Test-only file access for the system-map tests: fixtures and networkx reference values. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../../../src/engine/io/types.ts';
import { emptySystemMap } from '../../../../src/engine/core/model/systemmap.ts';
import type { Polarity, SystemMap } from '../../../../src/engine/core/model/systemmap.ts';
import type { InputIssue } from '../../../../src/engine/core/util/issues.ts';
import { readSoFar, type Reading } from '../../../../src/engine/core/util/result.ts';
import type { SystemMapPart } from '../../../../src/engine/features/systemmap/drafts.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** A file under test/fixtures/systemmap/ as the importers take it. */
export function fixture(path: string): SourceFile {
  return { name: path.split('/').at(-1)!, text: readFileSync(`${root}test/fixtures/systemmap/${path}`, 'utf8') };
}

export interface ReferenceCycle {
  factors: string[];
  polarities: Polarity[];
  negative_links: number;
  type: 'R' | 'B';
}

export interface SystemMapReference {
  name: string;
  factors: string[];
  links: Array<{ from: string; to: string; polarity: Polarity }>;
  cycles: ReferenceCycle[];
  counts: { loops: number; R: number; B: number };
  betweenness: Record<string, number>;
  in_degree: Record<string, number>;
  out_degree: Record<string, number>;
  reach_3: Record<string, number>;
  reach_all: Record<string, number>;
  micmac: {
    power: number;
    stable: boolean;
    mean: number;
    direct_influence: Record<string, number>;
    direct_dependence: Record<string, number>;
    indirect_influence: Record<string, number>;
    indirect_dependence: Record<string, number>;
  };
}

export const REFERENCE_MAPS = ['coalition', 'workforce', 'sir', ...Array.from({ length: 12 }, (_, i) => `random_${i + 1}`)];

export function reference(name: string): SystemMapReference {
  return JSON.parse(readFileSync(`${root}test/reference/systemmap/${name}.json`, 'utf8')) as SystemMapReference;
}

/** The reference graph as a map, built directly (no importer involved). */
export function referenceMap(ref: SystemMapReference): SystemMap {
  const map = emptySystemMap(ref.name);
  map.factors = ref.factors.map((id) => ({ id, label: id, description: '', tags: [], attributes: {} }));
  map.links = ref.links.map((l, i) => ({ id: `l${i}`, from: l.from, to: l.to, polarity: l.polarity, delay: false }));
  return map;
}

/** A small map from `A>B+` style specs. */
export function smallMap(factors: string[], links: Array<[string, string, Polarity]>): SystemMap {
  const map = emptySystemMap('test');
  map.factors = factors.map((id) => ({ id, label: id, description: '', tags: [], attributes: {} }));
  map.links = links.map(([from, to, polarity]) => ({ id: `${from} -> ${to}`, from, to, polarity, delay: false }));
  return map;
}

/** A cycle as a string, independent of where it starts: rotated to its smallest id. */
export function cycleKey(ids: readonly string[], order: ReadonlyMap<string, number>): string {
  let start = 0;
  ids.forEach((id, i) => {
    if (order.get(id)! < order.get(ids[start]!)!) start = i;
  });
  return [...ids.slice(start), ...ids.slice(0, start)].join(' > ');
}

/** A system-map import as these tests look at it: the map read (so far, when it failed), `ok` and the issues. */
export function mapRead(result: Reading<SystemMap>): { ok: boolean; map: SystemMap; issues: InputIssue[] } {
  return { ok: result.ok, map: readSoFar(result), issues: result.issues };
}

/** One file's part as these tests look at it: what was read with the issues found. */
export function partRead(result: Reading<SystemMapPart>): SystemMapPart & { issues: InputIssue[] } {
  return { ...readSoFar(result), issues: result.issues };
}
