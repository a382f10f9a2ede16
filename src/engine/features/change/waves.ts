/**
 * Waves: a dataset may hold several rounds of the same network (two survey rounds, ties dated by
 * event), each tie carrying its `wave` (src/engine/core/model/records.ts). These helpers list the
 * waves in order and cut one wave's network out of the dataset. Ties without a wave (the
 * co-attendance and mentorship layers, an edge list) belong to no wave and are left out.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { Person, Tie } from '../../core/model/records.ts';
import { setAttribute } from '../../io/attribute-columns.ts';

/** The waves ties carry, in order of first appearance (the order surveys were imported in). */
export function listWaves(dataset: Dataset, relations?: readonly string[]): string[] {
  const chosen = relations !== undefined && relations.length > 0 ? new Set(relations) : null;
  const waves: string[] = [];
  const seen = new Set<string>();
  for (const tie of dataset.ties) {
    if (tie.wave === undefined || tie.wave === '' || (chosen !== null && !chosen.has(tie.relation))) continue;
    if (!seen.has(tie.wave)) {
      seen.add(tie.wave);
      waves.push(tie.wave);
    }
  }
  return waves;
}

/** Relations with ties that carry a wave. */
export function waveRelations(dataset: Dataset): string[] {
  const out: string[] = [];
  for (const tie of dataset.ties) if (tie.wave !== undefined && tie.wave !== '' && !out.includes(tie.relation)) out.push(tie.relation);
  return out;
}

/**
 * One wave's network: every person of the dataset, the ties of that wave in the chosen relations.
 * People whose `respondedIn` attribute lists the waves they answered (several surveys imported
 * together) get `responded` for this wave, so the periphery judges non-respondents by wave.
 */
export function waveDataset(dataset: Dataset, wave: string, relations?: readonly string[]): Dataset {
  const chosen = relations !== undefined && relations.length > 0 ? new Set(relations) : null;
  const ties: Tie[] = dataset.ties.filter((t) => t.wave === wave && (chosen === null || chosen.has(t.relation)));
  const used = new Set(ties.map((t) => t.relation));
  const people: Person[] = dataset.people.map((person) => {
    const waves = person.attributes.respondedIn;
    if (!Array.isArray(waves)) return person;
    const attributes = { ...person.attributes };
    setAttribute(attributes, 'responded', waves.includes(wave));
    return { ...person, attributes };
  });
  return {
    ...dataset,
    people,
    name: `${dataset.name} (${wave})`,
    relations: dataset.relations.filter((r) => used.has(r.name)),
    ties,
    attendance: [],
    mentorships: [],
  };
}

/** Key of an unordered pair of ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The pairs of people tied (either way, any chosen relation) in a wave; self-ties left out. */
export function wavePairs(dataset: Dataset, wave: string, relations?: readonly string[]): Set<string> {
  const chosen = relations !== undefined && relations.length > 0 ? new Set(relations) : null;
  const pairs = new Set<string>();
  for (const tie of dataset.ties) {
    if (tie.wave !== wave || tie.source === tie.target || (chosen !== null && !chosen.has(tie.relation))) continue;
    pairs.add(pairKey(tie.source, tie.target));
  }
  return pairs;
}
