/**
 * Group colours that stay put. Each analysis numbers its groups afresh (largest first), so when
 * the user switches survey waves or re-analyses, "Group 2" may be another set of people and the
 * colours would jump. Instead each new group is matched to a group of the previous analysis by
 * the people they share (Jaccard: shared / either, best pairs first, each group matched once)
 * and keeps its colour; groups with no match take a colour not in use.
 *
 * This is display state: it lives in the map (`GroupColors`, one per map view, remembered for
 * the open project while the page is open) and is never written into the analysis, the project
 * or the report, where groups keep their numbers.
 */

/** A group as the matching sees it: its number and members (ids). */
export interface GroupMembers {
  id: number;
  members: readonly string[];
}

/** A pair of groups matched across two analyses. */
export interface GroupMatch {
  /** Index into the new groups. */
  next: number;
  /** Index into the previous groups. */
  previous: number;
  jaccard: number;
}

/** Below this overlap two groups are not the same group (a handful of people moving together). */
export const MIN_JACCARD = 0.1;

/**
 * Greedy Jaccard matching: every pair of groups sharing someone, by overlap (shared people over
 * people in either), the best first; a pair is kept when neither group is matched yet and the
 * overlap is at least `minJaccard`. Ties go to the pair sharing more people, then to the larger
 * (earlier) groups. Linear in the number of people plus the pairs that share someone.
 */
export function matchGroups(previous: readonly GroupMembers[], next: readonly GroupMembers[], minJaccard = MIN_JACCARD): GroupMatch[] {
  const before = new Map<string, number>();
  previous.forEach((group, g) => {
    for (const id of group.members) before.set(id, g);
  });
  const pairs: Array<{ next: number; previous: number; shared: number; jaccard: number }> = [];
  next.forEach((group, n) => {
    const shared = new Map<number, number>();
    for (const id of group.members) {
      const g = before.get(id);
      if (g !== undefined) shared.set(g, (shared.get(g) ?? 0) + 1);
    }
    for (const [g, count] of shared) {
      const union = group.members.length + previous[g]!.members.length - count;
      pairs.push({ next: n, previous: g, shared: count, jaccard: count / union });
    }
  });
  pairs.sort((a, b) => b.jaccard - a.jaccard || b.shared - a.shared || a.next - b.next || a.previous - b.previous);
  const usedNext = new Set<number>();
  const usedPrevious = new Set<number>();
  const matches: GroupMatch[] = [];
  for (const pair of pairs) {
    if (pair.jaccard < minJaccard) break;
    if (usedNext.has(pair.next) || usedPrevious.has(pair.previous)) continue;
    usedNext.add(pair.next);
    usedPrevious.add(pair.previous);
    matches.push({ next: pair.next, previous: pair.previous, jaccard: pair.jaccard });
  }
  return matches;
}

/**
 * Colour slots (palette indices; `colours` and beyond read as "other") for `next`, in its order.
 * Without a previous analysis a group's slot follows its rank (largest first). Otherwise matched
 * groups keep their colour, and the others, largest first, take the lowest colour nobody had
 * before, then a colour freed by a group that is gone, then "other".
 */
export function assignSlots(
  next: readonly GroupMembers[],
  previous: { groups: readonly GroupMembers[]; slots: readonly number[] } | null,
  colours: number,
): number[] {
  if (previous === null) return next.map((_, g) => g);
  const slots = new Array<number>(next.length).fill(-1);
  const taken = new Set<number>();
  for (const match of matchGroups(previous.groups, next)) {
    const slot = previous.slots[match.previous]!;
    // A group that was "other" has no colour to keep: it may take a free one.
    if (slot >= colours) continue;
    slots[match.next] = slot;
    taken.add(slot);
  }
  const usedBefore = new Set(previous.slots);
  const palette = Array.from({ length: colours }, (_, s) => s);
  const free = [...palette.filter((s) => !usedBefore.has(s)), ...palette.filter((s) => usedBefore.has(s) && !taken.has(s))];
  let k = 0;
  let other = colours;
  for (let g = 0; g < next.length; g++) {
    if (slots[g] !== -1) continue;
    let slot = free[k++];
    if (slot === undefined) {
      while (taken.has(other)) other++;
      slot = other++;
    }
    slots[g] = slot;
    taken.add(slot);
  }
  return slots;
}

/**
 * The map's memory of group colours for one project: `update` takes each new analysis's groups
 * and returns their slots, matched to those it gave last time for the same project.
 */
export class GroupColors {
  private projectId: string | null = null;
  private last: { groups: GroupMembers[]; slots: number[] } | null = null;
  private lastInput: readonly GroupMembers[] | null = null;

  constructor(private readonly colours: number) {}

  /** Slots for `groups` (in their order); the same groups again give the same slots. */
  update(projectId: string, groups: readonly GroupMembers[]): number[] {
    if (projectId !== this.projectId) {
      this.projectId = projectId;
      this.last = null;
      this.lastInput = null;
    }
    // The same analysis shown again (back from the system map): nothing to match.
    if (this.last && groups === this.lastInput) return this.last.slots;
    const slots = assignSlots(groups, this.last, this.colours);
    this.last = { groups: groups.map((g) => ({ id: g.id, members: g.members })), slots };
    this.lastInput = groups;
    return slots;
  }
}
