/** The stories a user writes in the app about an indicator, kept over those of the imported files. */
import type { ResultsSet } from '../../core/model/results.ts';

/** The set with the stories the user wrote in the app over those of the files. */
export function withStories(set: ResultsSet, stories: Readonly<Record<string, string>>): ResultsSet {
  if (Object.keys(stories).length === 0) return set;
  return { ...set, indicators: set.indicators.map((i) => (stories[i.id] !== undefined ? { ...i, story: stories[i.id]! } : i)) };
}
