/**
 * "Who should learn X for the group": for a skill a group lacks, or holds only at its edge, the
 * central members who could learn it so that many more people have it within reach. Candidates
 * are people without the skill and not flagged peripheral, ranked by how many people would
 * newly have the skill within two steps if they learned it (reach gained), then by core score
 * (Borgatti-Everett), then by contacts; the best `perGroup` (default 3) are listed.
 *
 * Groups asked about, in this order, up to `limit` (default 30):
 * 1. the whole network, for each stranded skill;
 * 2. each community (of at least minCommunity people) for each skill it holds only at its edge
 *    (skills stranded in the whole network are not asked about again per community);
 * 3. each community for each skill missing there that most other communities hold (its gaps);
 * 4. the whole network, for each rare skill not stranded.
 */
import type { SkillTable } from './skill-table.ts';
import type { CommunitySkills } from './skill-coverage.ts';
import { communityLabel } from './skill-coverage.ts';
import { gainIfLearnedBy, type ContactRows } from './skill-distances.ts';

export interface LearningCandidate {
  id: string;
  label: string;
  /** People newly within two steps of the skill if this person learned it. */
  gain: number;
  coreScore: number;
  contacts: number;
  reason: string;
}

export type LearningWhy = 'stranded' | 'edge-only' | 'missing' | 'rare';

export interface LearningEntry {
  skill: string;
  /** `network`, or a community. */
  scope: 'network' | 'community';
  community?: number;
  /** "the network" or "group 3". */
  label: string;
  why: LearningWhy;
  /** The situation in plain words. */
  text: string;
  candidates: LearningCandidate[];
}

export interface LearningInputs {
  ids: readonly string[];
  labels: readonly string[];
  rows: ContactRows;
  table: SkillTable;
  distances: readonly Uint8Array[];
  community: ArrayLike<number>;
  peripheral: Uint8Array;
  inCore: Uint8Array;
  coreScore: ArrayLike<number>;
  rare: readonly boolean[];
  stranded: readonly boolean[];
  byCommunity: Readonly<Record<string, CommunitySkills>>;
}

export interface LearningOptions {
  /** Default 3. */
  perGroup?: number;
  /** Default 30. */
  limit?: number;
}

const ties = (k: number): string => (k === 1 ? '1 tie' : `${k} ties`);

export function learningCandidates(inp: LearningInputs, options: LearningOptions = {}): LearningEntry[] {
  const perGroup = options.perGroup ?? 3;
  const limit = options.limit ?? 30;
  const { rows, table } = inp;
  const n = rows.n;
  const skillIndex = new Map(table.skills.map((s, i) => [s, i]));
  const seen = new Int32Array(n).fill(-1);
  let stamp = 0;
  const contacts = (v: number): number => rows.offsets[v + 1]! - rows.offsets[v]!;

  const candidatesFor = (s: number, members: readonly number[], where: string): LearningCandidate[] => {
    const dist = inp.distances[s]!;
    const skill = table.skills[s]!;
    const scored = members
      .filter((v) => dist[v] !== 0 && !inp.peripheral[v])
      .map((v) => ({ v, gain: gainIfLearnedBy(rows, dist, v, seen, stamp++) }))
      .filter((c) => c.gain > 0)
      .sort((a, b) => b.gain - a.gain || inp.coreScore[b.v]! - inp.coreScore[a.v]! || contacts(b.v) - contacts(a.v) || a.v - b.v)
      .slice(0, perGroup);
    return scored.map(({ v, gain }) => ({
      id: inp.ids[v]!,
      label: inp.labels[v]!,
      gain,
      coreScore: inp.coreScore[v]!,
      contacts: contacts(v),
      reason: `${inp.labels[v]} is ${inp.inCore[v] ? 'in the core of the network' : 'well connected'} (${ties(contacts(v))})${where}; if they learned ${skill}, ${gain} more ${gain === 1 ? 'person' : 'people'} would have it within two steps.`,
    }));
  };

  const everyone = Array.from({ length: n }, (_, v) => v);
  const membersOf = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    const list = membersOf.get(inp.community[v]!) ?? [];
    list.push(v);
    membersOf.set(inp.community[v]!, list);
  }
  const out: LearningEntry[] = [];
  const add = (entry: Omit<LearningEntry, 'candidates'>, s: number, members: readonly number[], where: string): void => {
    if (out.length >= limit) return;
    const candidates = candidatesFor(s, members, where);
    if (candidates.length > 0) out.push({ ...entry, candidates });
  };
  const holdersText = (s: number): string => {
    const k = table.holders[s]!.length;
    return k === 1 ? 'only 1 person has it' : `only ${k} people have it`;
  };

  table.skills.forEach((skill, s) => {
    if (!inp.stranded[s]) return;
    const edge = [...table.holders[s]!].every((v) => inp.peripheral[v]);
    add(
      {
        skill,
        scope: 'network',
        label: 'the network',
        why: 'stranded',
        text: `${skill} is stranded: ${holdersText(s)}, ${edge ? 'all at the edge of the network' : 'all in one group'}.`,
      },
      s,
      everyone,
      '',
    );
  });
  const communities = Object.values(inp.byCommunity).sort((a, b) => b.size - a.size || a.community - b.community);
  for (const c of communities) {
    for (const skill of c.edgeOnly) {
      const s = skillIndex.get(skill)!;
      if (inp.stranded[s]) continue; // asked about for the whole network already
      add(
        { skill, scope: 'community', community: c.community, label: c.label, why: 'edge-only', text: `In ${c.label}, only members at its edge have ${skill}.` },
        s,
        membersOf.get(c.community) ?? [],
        ` and belongs to ${communityLabel(c.community)}`,
      );
    }
  }
  for (const c of communities) {
    for (const skill of c.missing) {
      const s = skillIndex.get(skill)!;
      add(
        { skill, scope: 'community', community: c.community, label: c.label, why: 'missing', text: `No one in ${c.label} has ${skill}, though most other groups do.` },
        s,
        membersOf.get(c.community) ?? [],
        ` and belongs to ${communityLabel(c.community)}`,
      );
    }
  }
  table.skills.forEach((skill, s) => {
    if (!inp.rare[s] || inp.stranded[s] || table.holders[s]!.length === 0) return;
    add({ skill, scope: 'network', label: 'the network', why: 'rare', text: `${skill} is rare: ${holdersText(s)}.` }, s, everyone, '');
  });
  return out;
}
