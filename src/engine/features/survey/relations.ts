/**
 * Relation layers of a survey network: reciprocity per relation (the share of directed ties
 * returned, networkx `reciprocity`), and a combined view that unions chosen relations into one
 * layer whose weight counts how many of them a pair shares (or sums or takes the largest of
 * their weights).
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { Tie } from '../../core/model/records.ts';

export interface RelationReciprocity {
  relation: string;
  wave?: string;
  /** Directed ties (self-ties left out). */
  ties: number;
  /** Ties whose reverse is also there. */
  reciprocated: number;
  /** reciprocated / ties (0 when there are no ties). */
  reciprocity: number;
}

/** Reciprocity of each directed relation, per wave when ties carry waves. */
export function reciprocityByRelation(dataset: Dataset): RelationReciprocity[] {
  const groups = new Map<string, { relation: string; wave?: string; pairs: Set<string> }>();
  for (const tie of dataset.ties) {
    if (!tie.directed || tie.source === tie.target) continue;
    const key = `${tie.relation}\u0000${tie.wave ?? ''}`;
    const group = groups.get(key) ?? { relation: tie.relation, ...(tie.wave !== undefined ? { wave: tie.wave } : {}), pairs: new Set<string>() };
    group.pairs.add(`${tie.source}\u0000${tie.target}`);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => {
      let reciprocated = 0;
      for (const pair of group.pairs) {
        const [source, target] = pair.split('\u0000') as [string, string];
        if (group.pairs.has(`${target}\u0000${source}`)) reciprocated++;
      }
      const ties = group.pairs.size;
      return { relation: group.relation, ...(group.wave !== undefined ? { wave: group.wave } : {}), ties, reciprocated, reciprocity: ties === 0 ? 0 : reciprocated / ties };
    })
    .sort((a, b) => (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : (a.wave ?? '') < (b.wave ?? '') ? -1 : 1));
}

export interface CombineOptions {
  /** Relations to union. Default: all of the dataset's relations. */
  relations?: string[];
  /** Name of the combined layer. Default `combined`. */
  name?: string;
  /**
   * Weight of a combined tie: `count` (default) the number of chosen relations the pair shares,
   * `sum` the sum of their weights, `max` the largest.
   */
  weight?: 'count' | 'sum' | 'max';
  /** Keep direction (default true); false makes a-b and b-a one undirected tie. */
  directed?: boolean;
  /** Only ties of this wave. Default: ties of every wave, each wave combined separately. */
  wave?: string;
}

/** The ties of the combined layer (not added to the dataset; see `withCombinedRelation`). */
export function combineRelations(dataset: Dataset, options: CombineOptions = {}): Tie[] {
  const chosen = new Set(options.relations ?? dataset.relations.map((r) => r.name));
  const name = options.name ?? 'combined';
  const directed = options.directed ?? true;
  const mode = options.weight ?? 'count';
  const pairs = new Map<string, { source: string; target: string; wave?: string; relations: Set<string>; sum: number; max: number }>();
  for (const tie of dataset.ties) {
    if (!chosen.has(tie.relation) || tie.relation === name) continue;
    if (options.wave !== undefined && tie.wave !== options.wave) continue;
    const [source, target] = directed || tie.source <= tie.target ? [tie.source, tie.target] : [tie.target, tie.source];
    const key = [source, target, tie.wave ?? ''].join('\u0000');
    const pair = pairs.get(key) ?? { source, target, ...(tie.wave !== undefined ? { wave: tie.wave } : {}), relations: new Set<string>(), sum: 0, max: 0 };
    pair.relations.add(tie.relation);
    pair.sum += tie.weight;
    pair.max = Math.max(pair.max, tie.weight);
    pairs.set(key, pair);
  }
  return [...pairs.values()].map((pair) => ({
    source: pair.source,
    target: pair.target,
    relation: name,
    directed,
    weight: mode === 'count' ? pair.relations.size : mode === 'sum' ? pair.sum : pair.max,
    ...(pair.wave !== undefined ? { wave: pair.wave } : {}),
    attributes: { relations: [...pair.relations].sort() },
  }));
}

/** The dataset with the combined layer added (replacing an earlier layer of the same name). */
export function withCombinedRelation(dataset: Dataset, options: CombineOptions = {}): Dataset {
  const name = options.name ?? 'combined';
  const ties = combineRelations(dataset, options);
  return {
    ...dataset,
    relations: [
      ...dataset.relations.filter((r) => r.name !== name),
      { name, directed: options.directed ?? true, description: `union of ${(options.relations ?? dataset.relations.map((r) => r.name)).filter((r) => r !== name).join(', ')}; weight = ${options.weight ?? 'count'}` },
    ],
    ties: [...dataset.ties.filter((t) => t.relation !== name), ...ties],
  };
}
