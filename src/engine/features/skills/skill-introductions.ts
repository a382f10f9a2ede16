/**
 * Skill-based introductions, in the shape of the weaving suggestions (weaving/suggestions.ts,
 * with the same stable id for a pair: `suggestionId`), of two purposes:
 *
 * - `need`: someone who says they need a skill (a needs attribute) and has no contact holding
 *   it is introduced to a holder: one two steps away when there is one (the contacts they share
 *   can make the introduction), else the nearest holder, else (another part of the network) the
 *   best-connected holder. Score 0.6 + 0.2 if two steps away + 0.2 x reach gained.
 * - `spread`: for each skill that too few people can reach within two steps (fewer than
 *   `targetShare`, default 80%) and for every rare or stranded skill, a greedy cover: the person
 *   whose tie to a holder would bring the skill within two steps of the most people not yet
 *   reaching it (themselves and their contacts) is introduced to their nearest holder; the
 *   reach is updated and the next is chosen, up to `perSkill` (default 2) introductions per
 *   skill while each brings at least `minGain` (default 3) people within reach. Stranded skills
 *   go first, then rare ones, then the least reachable. Score 0.3 + 0.15 stranded (0.075 rare)
 *   + 0.1 if two steps away + 0.45 x reach gained.
 *
 * Reach gained is the number of people newly within two steps of the skill, counted fully from
 * max(3, 5% of the network). A holder is asked at most `perHolder` (default 3) times and a person
 * receives at most `perPerson` (default 2) introductions; a pair proposed for several skills
 * counts once, and appears once, under its best score, with all the skills in `shared`.
 */
import { listNames } from '../../algorithms/brokerage/ranks.ts';
import { suggestionId } from '../weaving/suggestions.ts';
import type { SkillTable } from './skill-table.ts';
import { gainIfHeldAt, stepsFrom, type ContactRows } from './skill-distances.ts';

export type SkillIntroductionPurpose = 'need' | 'spread';

/** A report suggestion (same fields as the weaving suggestions) with its skill. */
export interface SkillIntroduction {
  /** `intro:` + the two ids, as weaving suggestions: the same pair always has the same id. */
  id: string;
  kind: 'skill-introduction';
  purpose: SkillIntroductionPurpose;
  /** The skill the introduction is for (the first, when several). */
  skill: string;
  /** The person who lacks the skill. */
  source: string;
  /** The person who holds it. */
  target: string;
  sourceLabel: string;
  targetLabel: string;
  score: number;
  reason: string;
  /** Every skill this pair was proposed for. */
  shared: string[];
  /** Contacts of both, who could make the introduction (when two steps apart). */
  via: string[];
  /** Steps between the two now (null: no path). */
  steps: number | null;
  /** People newly within two steps of the skill once the two are tied. */
  gain: number;
}

export interface IntroductionInputs {
  ids: readonly string[];
  labels: readonly string[];
  rows: ContactRows;
  table: SkillTable;
  distances: readonly Uint8Array[];
  peripheral: Uint8Array;
  /** How well connected each person is, 0..1 (a percentile of contacts). */
  wellConnected: ArrayLike<number>;
  rare: readonly boolean[];
  stranded: readonly boolean[];
  /** Share of people within two steps of each skill. */
  reach2: readonly number[];
}

export interface IntroductionOptions {
  /** Longest list. Default 40. */
  limit?: number;
  /** Default 2. */
  perSkill?: number;
  /** Default 3. */
  perHolder?: number;
  /** Default 2. */
  perPerson?: number;
  /** Default 3. */
  minGain?: number;
  /** Skills reaching at least this share within two steps get no spread introductions (unless rare or stranded). Default 0.8. */
  targetShare?: number;
}

const ties = (k: number): string => (k === 1 ? '1 tie' : `${k} ties`);

export function skillIntroductions(inp: IntroductionInputs, options: IntroductionOptions = {}): SkillIntroduction[] {
  const { rows, table } = inp;
  const n = rows.n;
  const limit = options.limit ?? 40;
  const perSkill = options.perSkill ?? 2;
  const perHolder = options.perHolder ?? 3;
  const perPerson = options.perPerson ?? 2;
  const minGain = options.minGain ?? 3;
  const targetShare = options.targetShare ?? 0.8;
  const fullGain = Math.max(3, 0.05 * n);
  const contactCount = (v: number): number => rows.offsets[v + 1]! - rows.offsets[v]!;
  const load = new Int32Array(n);
  const received = new Int32Array(n);
  const proposed = new Set<string>();
  const out: SkillIntroduction[] = [];

  /** The holder to introduce `x` to, with the steps between them and their shared contacts. */
  const pickHolder = (x: number, s: number): { y: number; steps: number | null; via: number[] } | undefined => {
    const holders = table.holders[s]!;
    const fromX = stepsFrom(rows, x);
    let best: { y: number; steps: number | null; via: number[]; key: number[] } | undefined;
    const mine = new Set<number>();
    for (let k = rows.offsets[x]!; k < rows.offsets[x + 1]!; k++) mine.add(rows.targets[k]!);
    for (const y of holders) {
      const again = proposed.has(suggestionId(inp.ids[x]!, inp.ids[y]!));
      if (y === x || (load[y]! >= perHolder && !again)) continue;
      const d = fromX[y]!;
      const via: number[] = [];
      if (d === 2) for (let k = rows.offsets[y]!; k < rows.offsets[y + 1]!; k++) if (mine.has(rows.targets[k]!)) via.push(rows.targets[k]!);
      // Nearest first, then more shared contacts, lighter load, better connected, lower index.
      // (A pair already proposed for another skill counts as unloaded: the same meeting serves both.)
      const key = [d < 0 ? Infinity : d, -via.length, again ? -1 : load[y]!, -inp.wellConnected[y]!, y];
      if (best === undefined || lexLess(key, best.key)) best = { y, steps: d < 0 ? null : d, via, key };
    }
    return best === undefined ? undefined : { y: best.y, steps: best.steps, via: best.via.sort((a, b) => a - b) };
  };

  const holderWords = (y: number, s: number): string => {
    const skill = table.skills[s]!;
    const count = table.holders[s]!.length;
    const edge = inp.peripheral[y] ? ' and sits at the edge of the network' : '';
    if (count === 1) return `is the only person with ${skill}${edge}`;
    if (inp.rare[s]) return `is one of only ${count} people with ${skill}${edge}`;
    return `has ${skill}${edge}`;
  };
  const distanceWords = (steps: number | null, via: number[]): string => {
    if (steps === null) return 'they are in separate parts of the network';
    if (steps === 2) {
      const names = via.slice(0, 3).map((v) => inp.labels[v]!);
      const more = via.length > 3 ? ` and ${via.length - 3} more` : '';
      return `they are two steps apart (${via.length === 1 ? `${names[0]} knows both` : `${listNames(names)}${more} know both`})`;
    }
    return `they are ${steps} steps apart`;
  };

  const push = (entry: Omit<SkillIntroduction, 'id' | 'kind' | 'shared' | 'sourceLabel' | 'targetLabel' | 'source' | 'target'>, x: number, y: number): void => {
    const id = suggestionId(inp.ids[x]!, inp.ids[y]!);
    if (!proposed.has(id)) {
      load[y]!++;
      received[x]!++;
    }
    proposed.add(id);
    out.push({
      id,
      kind: 'skill-introduction',
      source: inp.ids[x]!,
      target: inp.ids[y]!,
      sourceLabel: inp.labels[x]!,
      targetLabel: inp.labels[y]!,
      shared: [entry.skill],
      ...entry,
    });
  };

  // 1. Declared needs.
  const needs: Array<{ x: number; s: number }> = [];
  table.needs.forEach((list, x) => list.forEach((s) => needs.push({ x, s })));
  for (const { x, s } of needs) {
    const dist = inp.distances[s]!;
    if (dist[x]! <= 1 || received[x]! >= perPerson) continue;
    const pick = pickHolder(x, s);
    if (pick === undefined) continue;
    const gain = gainIfHeldAt(rows, dist, x);
    const skill = table.skills[s]!;
    const where =
      pick.steps === 2
        ? `, who has ${skill} and is two steps away (${pick.via.length === 1 ? `${inp.labels[pick.via[0]!]} knows both` : `${listNames(pick.via.slice(0, 3).map((v) => inp.labels[v]!))} know both`})`
        : pick.steps === null
          ? `, who has ${skill} but is in a separate part of the network`
          : `, the nearest person with ${skill} (${pick.steps} steps away)`;
    push(
      {
        purpose: 'need',
        skill,
        score: 0.6 + (pick.steps === 2 ? 0.2 : 0) + 0.2 * Math.min(1, gain / fullGain),
        reason: `Connect ${inp.labels[x]}, who needs ${skill} help, to ${inp.labels[pick.y]}${where}.`,
        via: pick.via.map((v) => inp.ids[v]!),
        steps: pick.steps,
        gain,
      },
      x,
      pick.y,
    );
  }

  // 2. Spreading skills few can reach: stranded, then rare, then least reachable.
  const order = table.skills
    .map((_, s) => s)
    .filter((s) => table.holders[s]!.length > 0 && (inp.stranded[s] || inp.rare[s] || inp.reach2[s]! < targetShare))
    .sort((a, b) => Number(inp.stranded[b]) - Number(inp.stranded[a]) || Number(inp.rare[b]) - Number(inp.rare[a]) || inp.reach2[a]! - inp.reach2[b]! || a - b);
  for (const s of order) {
    const dist = Uint8Array.from(inp.distances[s]!);
    const skill = table.skills[s]!;
    for (let round = 0; round < perSkill; round++) {
      let bestX = -1;
      let bestGain = 0;
      for (let x = 0; x < n; x++) {
        if (dist[x] === 0 || received[x]! >= perPerson) continue;
        const gain = gainIfHeldAt(rows, dist, x);
        if (gain > bestGain || (gain === bestGain && bestX >= 0 && inp.wellConnected[x]! > inp.wellConnected[bestX]!)) {
          bestGain = gain;
          bestX = x;
        }
      }
      if (bestX < 0 || bestGain < minGain) break;
      const pick = pickHolder(bestX, s);
      if (pick === undefined) break;
      const x = bestX;
      const k = contactCount(x);
      const lacks = dist[x]! > 2 ? `no one within two steps of them has ${skill}` : `none of their contacts has ${skill}`;
      push(
        {
          purpose: 'spread',
          skill,
          score: 0.3 + (inp.stranded[s] ? 0.15 : inp.rare[s] ? 0.075 : 0) + (pick.steps === 2 ? 0.1 : 0) + 0.45 * Math.min(1, bestGain / fullGain),
          reason: `${inp.labels[x]} has ${ties(k)} but ${lacks}; ${inp.labels[pick.y]} ${holderWords(pick.y, s)}; ${distanceWords(pick.steps, pick.via)}. Introducing them would bring ${skill} within two steps of ${bestGain} more ${bestGain === 1 ? 'person' : 'people'}.`,
          via: pick.via.map((v) => inp.ids[v]!),
          steps: pick.steps,
          gain: bestGain,
        },
        x,
        pick.y,
      );
      // x is now tied to a holder: x is one step from the skill, x's contacts two.
      dist[x] = Math.min(dist[x]!, 1);
      for (let j = rows.offsets[x]!; j < rows.offsets[x + 1]!; j++) {
        const w = rows.targets[j]!;
        dist[w] = Math.min(dist[w]!, 2);
      }
    }
  }

  // One entry per pair, best score first.
  out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map<string, SkillIntroduction>();
  for (const entry of out) {
    const had = byId.get(entry.id);
    if (had === undefined) byId.set(entry.id, entry);
    else if (!had.shared.includes(entry.skill)) had.shared.push(entry.skill);
  }
  return [...byId.values()].slice(0, limit);
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return true;
    if (a[i]! > b[i]!) return false;
  }
  return false;
}
