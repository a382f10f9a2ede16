/**
 * One list of introductions from the weaving suggestions (people insights) and the skill
 * introductions: both use the same stable id for a pair (`suggestionId`), so a pair proposed by
 * both appears once, under its better score (the weaving entry on a tie), with the skills it was
 * proposed for added to `shared`. Best score first, then by id; at most `limit` (default: all).
 */
import type { SuggestionEntry } from '../weaving/suggestions.ts';
import type { SkillIntroduction } from './skill-introductions.ts';

export type AnySuggestion = SuggestionEntry | SkillIntroduction;

export function mergeSuggestions(weaving: readonly SuggestionEntry[], skills: readonly SkillIntroduction[], limit = Infinity): AnySuggestion[] {
  const byId = new Map<string, AnySuggestion>();
  for (const entry of [...weaving, ...skills]) {
    const had = byId.get(entry.id);
    if (had === undefined) {
      byId.set(entry.id, { ...entry, shared: [...entry.shared] });
      continue;
    }
    const [keep, other] = entry.score > had.score ? [{ ...entry, shared: [...entry.shared] }, had] : [had, entry];
    for (const item of other.shared) if (!keep.shared.includes(item)) keep.shared.push(item);
    byId.set(entry.id, keep);
  }
  return [...byId.values()]
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
