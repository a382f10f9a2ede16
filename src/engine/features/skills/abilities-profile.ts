/**
 * Abilities profile: assessment scores aggregated for any set of groups (communities,
 * organisations, regions, ...): per ability the mean, median, number of people who answered and
 * the distribution over the scale points (half points counted at the nearest point, halves
 * rounded up); and each group's strengths and growth areas.
 *
 * Strengths and growth areas read the means of the abilities at least `minRespondents` (default
 * 3) people answered: the strengths are the abilities within `margin` (default 0.25 points) of
 * the highest mean, the growth areas those within `margin` of the lowest (at most `top`, default
 * 2, of each; an ability is never both). A group whose means all lie within `margin` of each
 * other has neither: its profile is flat.
 */
import type { AbilityAssessment, AbilityScale } from '../../core/model/abilities.ts';

export interface AbilityStats {
  /** Null when no one answered. */
  mean: number | null;
  median: number | null;
  /** People who answered. */
  n: number;
  /** Answers per scale point, lowest point first. */
  distribution: number[];
}

export interface GroupAbilityProfile {
  key: string;
  label: string;
  /** People in the network in this group. */
  size: number;
  /** Of them, people who answered the assessment. */
  respondents: number;
  abilities: Record<string, AbilityStats>;
  strengths: string[];
  growthAreas: string[];
}

export interface ProfileOptions {
  /** Default 3. */
  minRespondents?: number;
  /** Default 0.25 (points on the scale). */
  margin?: number;
  /** Most strengths (and growth areas) named per group. Default 2. */
  top?: number;
}

export function abilityStats(values: readonly number[], scale: AbilityScale): AbilityStats {
  const points = scale.max - scale.min + 1;
  const distribution = new Array<number>(points).fill(0);
  for (const value of values) {
    const point = Math.min(points - 1, Math.max(0, Math.floor(value - scale.min + 0.5)));
    distribution[point]!++;
  }
  if (values.length === 0) return { mean: null, median: null, n: 0, distribution };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, median, n: values.length, distribution };
}

/** Strengths and growth areas of one group (see the module comment); `order` breaks ties. */
export function strengthsAndGrowth(
  abilities: Record<string, AbilityStats>,
  order: readonly string[],
  options: ProfileOptions = {},
): { strengths: string[]; growthAreas: string[] } {
  const minRespondents = options.minRespondents ?? 3;
  const margin = options.margin ?? 0.25;
  const top = options.top ?? 2;
  const rated = order
    .filter((a) => (abilities[a]?.n ?? 0) >= minRespondents && abilities[a]?.mean !== null)
    .map((a, i) => ({ ability: a, mean: abilities[a]!.mean!, i }));
  if (rated.length < 2) return { strengths: [], growthAreas: [] };
  const high = Math.max(...rated.map((r) => r.mean));
  const low = Math.min(...rated.map((r) => r.mean));
  if (high - low <= margin) return { strengths: [], growthAreas: [] };
  const strengths = rated
    .filter((r) => r.mean >= high - margin)
    .sort((a, b) => b.mean - a.mean || a.i - b.i)
    .slice(0, top)
    .map((r) => r.ability);
  const growthAreas = rated
    .filter((r) => r.mean <= low + margin && !strengths.includes(r.ability))
    .sort((a, b) => a.mean - b.mean || a.i - b.i)
    .slice(0, top)
    .map((r) => r.ability);
  return { strengths, growthAreas };
}

/** Scores per ability for a set of people (ids), from the assessment's responses. */
export function scoresOf(assessment: AbilityAssessment, people: Iterable<string>): Record<string, number[]> {
  const byPerson = new Map(assessment.responses.map((r) => [r.person, r]));
  const out: Record<string, number[]> = {};
  for (const ability of assessment.abilities) out[ability] = [];
  for (const id of people) {
    const response = byPerson.get(id);
    if (!response) continue;
    for (const ability of assessment.abilities) {
      const score = response.scores[ability];
      if (score !== null && score !== undefined) out[ability]!.push(score);
    }
  }
  return out;
}

/** The profile of each group: `groups` lists each group's key, label and members (ids). */
export function groupProfiles(
  assessment: AbilityAssessment,
  groups: ReadonlyArray<{ key: string; label: string; members: readonly string[] }>,
  options: ProfileOptions = {},
): GroupAbilityProfile[] {
  const answered = new Set(assessment.responses.map((r) => r.person));
  return groups.map((group) => {
    const scores = scoresOf(assessment, group.members);
    const abilities: Record<string, AbilityStats> = {};
    for (const ability of assessment.abilities) abilities[ability] = abilityStats(scores[ability]!, assessment.scale);
    return {
      key: group.key,
      label: group.label,
      size: group.members.length,
      respondents: group.members.filter((id) => answered.has(id)).length,
      abilities,
      ...strengthsAndGrowth(abilities, assessment.abilities, options),
    };
  });
}
