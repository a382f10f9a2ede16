/**
 * Goal fit: how well a mentor's strengths cover a mentee's goals, 0..1. Goals and strengths are
 * phrases or tags ("public speaking", "managing budgets", "grant writing"). Two phrases compare
 * by their content words, folded (case, accents) and lightly stemmed ("budgets", "budgeting" ->
 * "budget"), with the Dice coefficient 2|A ∩ B| / (|A| + |B|) (Dice 1945): the same words give 1,
 * "public speaking" and "speaking" give 0.67, nothing in common 0. A goal is met as well as its
 * best-matching strength; the fit is the mean over the mentee's goals, so a mentor covering two
 * of three goals fully scores 0.67.
 */
import { foldText } from '../../people/name-normalize.ts';

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'or', 'the', 'of', 'to', 'for', 'in', 'on', 'with', 'at', 'by', 'from', 'my', 'our', 'your', 'their', 'how', 'about',
  'into', 'as', 'be', 'being', 'get', 'getting', 'more', 'better', 'skill', 'skills', 'work', 'i', 'me', 'we', 'want', 'would', 'like', 'learn',
  'learning', 'improve', 'improving', 'develop', 'developing', 'grow', 'growing', 'help', 'some', 'new', 'good', 'strong',
]);

/** A light stemmer: plural and -ing/-ed/-ment endings, so that "budgets" and "budgeting" meet. */
export function stem(word: string): string {
  let w = word;
  for (const suffix of ['ments', 'ment', 'ings', 'ing', 'ies', 'ied', 'ed', 's']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '');
      break;
    }
  }
  return w;
}

/** The content words of a phrase, folded and stemmed, without duplicates. */
export function phraseWords(phrase: string): string[] {
  const words = foldText(phrase)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '' && !STOP_WORDS.has(w))
    .map(stem);
  return [...new Set(words)];
}

/** Similarity of two phrases, 0..1 (Dice coefficient of their content words). */
export function phraseSimilarity(a: string, b: string): number {
  const x = phraseWords(a);
  const y = phraseWords(b);
  if (x.length === 0 || y.length === 0) return 0;
  const set = new Set(y);
  const common = x.filter((w) => set.has(w)).length;
  return (2 * common) / (x.length + y.length);
}

/** Splits a cell of goals or strengths into phrases: `a; b`, `a, b`, `a | b`, one per line. */
export function splitPhrases(cell: string): string[] {
  return cell
    .split(/[;,|\n/]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export interface GoalMatch {
  goal: string;
  /** The strength that meets it best. */
  strength: string;
  similarity: number;
}

export interface GoalFit {
  /** 0..1: mean over goals of the best similarity. */
  score: number;
  /** Goals met at least partly, best first. */
  matches: GoalMatch[];
}

/** How well `strengths` cover `goals`. No goals (or no strengths): 0. */
export function goalFit(goals: readonly string[], strengths: readonly string[]): GoalFit {
  if (goals.length === 0 || strengths.length === 0) return { score: 0, matches: [] };
  const matches: GoalMatch[] = [];
  let total = 0;
  for (const goal of goals) {
    let best: GoalMatch | null = null;
    for (const strength of strengths) {
      const similarity = phraseSimilarity(goal, strength);
      if (similarity > 0 && (best === null || similarity > best.similarity)) best = { goal, strength, similarity };
    }
    if (best !== null) {
      matches.push(best);
      total += best.similarity;
    }
  }
  matches.sort((a, b) => b.similarity - a.similarity);
  return { score: total / goals.length, matches };
}
