/**
 * How many ties each relation has and which survey waves the ties come from, in one pass without
 * allocating per tie: the settings panel needs both and redraws on every filter change, and at
 * 250,000 ties a map/filter per relation was tens of milliseconds of garbage each time.
 */
import type { Dataset } from './dataset.ts';
import type { PackedTies } from './packed-ties.ts';
import { knownPacked } from './packed-dataset.ts';

export interface TieSummary {
  /** Every relation, declared or used, in first-seen order, with its tie count. */
  relations: Map<string, number>;
  /** Waves named by ties, sorted. */
  waves: string[];
}

export function tieSummary(dataset: Pick<Dataset, 'relations' | 'ties'>): TieSummary {
  const relations = new Map<string, number>(dataset.relations.map((r) => [r.name, 0]));
  const waves = new Set<string>();
  for (const tie of dataset.ties) {
    relations.set(tie.relation, (relations.get(tie.relation) ?? 0) + 1);
    if (tie.wave !== undefined) waves.add(tie.wave);
  }
  return { relations, waves: [...waves].sort() };
}

/** The same from the packed tie columns: counts over typed arrays, no tie object read. */
export function packedTieSummary(relationsDeclared: Dataset['relations'], ties: PackedTies): TieSummary {
  const relations = new Map<string, number>(relationsDeclared.map((r) => [r.name, 0]));
  const { count, relation, wave } = ties;
  const counts = new Int32Array(ties.strings.length);
  const waveSeen = new Uint8Array(ties.strings.length);
  for (let e = 0; e < count; e++) {
    counts[relation[e]!]!++;
    const w = wave[e]!;
    if (w >= 0) waveSeen[w] = 1;
  }
  // The order relations are first used in, as the tie loop above meets them: found by looking
  // for each used relation's first tie (there are a handful).
  const used: Array<[first: number, r: number]> = [];
  for (let r = 0; r < counts.length; r++) if (counts[r]! > 0) used.push([relation.indexOf(r), r]);
  const firstSeen = used.sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  for (const r of firstSeen) {
    const name = ties.strings[r]!;
    relations.set(name, (relations.get(name) ?? 0) + counts[r]!);
  }
  const waves: string[] = [];
  for (let i = 0; i < waveSeen.length; i++) if (waveSeen[i] === 1) waves.push(ties.strings[i]!);
  return { relations, waves: waves.sort() };
}

const cache = new WeakMap<object, TieSummary>();

/**
 * tieSummary, computed once per dataset object (datasets are never changed in place), from its
 * packed columns where they are known (an imported or stored dataset; a quarter of a million tie
 * objects are some 20 ms to walk).
 */
export function tieSummaryOf(dataset: Pick<Dataset, 'relations' | 'ties'>): TieSummary {
  let summary = cache.get(dataset);
  if (summary === undefined) {
    const packed = knownPacked(dataset as Dataset);
    summary = packed && packed.ties.count === dataset.ties.length ? packedTieSummary(dataset.relations, packed.ties) : tieSummary(dataset);
    cache.set(dataset, summary);
  }
  return summary;
}
