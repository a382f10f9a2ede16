/**
 * Communities for the bridging bonus, from a people network: Louvain communities of the network
 * without the program's own layers (`baselineCommunities`), given to each mentee and mentor found
 * in it by name or email (the survey's name matching). People not in the network get none, and
 * bridging then counts their work unit only.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { lookupPeople } from '../../people/person-lookup.ts';
import { baselineCommunities } from '../mentorship/reach.ts';

export interface NetworkCommunityOptions {
  /** Louvain seed. Default DEFAULT_SEED (core/util/rng.ts). */
  seed?: number;
  /** Louvain resolution. Default DEFAULT_RESOLUTION (algorithms/communities/modularity.ts). */
  resolution?: number;
}

export function networkCommunities(
  dataset: Dataset,
  people: ReadonlyArray<{ id: string; label: string; email?: string | undefined }>,
  options: NetworkCommunityOptions = {},
): { communities: Record<string, number>; found: number; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const base = baselineCommunities(dataset, options);
  const communities: Record<string, number> = {};
  if (base === null) {
    issues.push({ level: 'warning', code: 'no-communities', message: 'the network has no ties to find communities in; bridging counts work units only' });
    return { communities, found: 0, issues };
  }
  const lookup = lookupPeople(
    people.map((p, i) => ({ text: p.email ?? p.label, file: 'mentees and mentors', row: i + 2, field: 'name' })),
    { people: dataset.people, unknownNames: 'leave', question: 'matching', what: 'network' },
  );
  let found = 0;
  people.forEach((p, i) => {
    const id = lookup.entries[i]?.person ?? null;
    const c = id !== null ? base.of.get(id) : undefined;
    if (c === undefined) return;
    Object.defineProperty(communities, p.id, { value: c, enumerable: true, writable: true, configurable: true });
    found++;
  });
  if (found < people.length) {
    issues.push({
      level: 'warning',
      code: 'not-in-network',
      message: `${people.length - found} of ${people.length} mentees and mentors were not found with ties in the network; for them bridging counts work units only`,
    });
  }
  return { communities, found, issues };
}
