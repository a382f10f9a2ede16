/**
 * Looking up the user's saved resolution decisions. A decision is keyed by the normalised
 * written text, optionally narrowed to one respondent and/or one question; the most specific
 * one that fits an answer wins, so "J. Chen means Jin Chen everywhere" and "but when Ana wrote
 * it, it means Jun Chen" can both be said.
 */
import { ResolutionDecisionsFileSchema, ResolutionDecisionsSchema } from '../core/model/survey.ts';
import type { ResolutionDecision } from '../core/model/survey.ts';
import { ok, resultOf, type Reading } from '../core/util/result.ts';
import { nameKey } from './name-normalize.ts';

export interface DecisionBook {
  /** The decision for this written key, respondent and question, if any; marks it used. */
  find(key: string, respondent: string, question: string): ResolutionDecision | undefined;
  /** Decisions never used in this import (the text no longer appears, or the respondent changed). */
  unused(): ResolutionDecision[];
}

export function decisionBook(decisions: readonly ResolutionDecision[]): DecisionBook {
  const byKey = new Map<string, ResolutionDecision>();
  const used = new Set<ResolutionDecision>();
  const slot = (key: string, respondent?: string, question?: string): string => [key, respondent ?? '*', question ?? '*'].join('\u0000');
  for (const decision of decisions) {
    // Later decisions replace earlier ones for the same scope: the user changed their mind.
    byKey.set(slot(nameKey(decision.written), decision.respondent, decision.question), decision);
  }
  return {
    find(key, respondent, question) {
      for (const at of [slot(key, respondent, question), slot(key, respondent), slot(key, undefined, question), slot(key)]) {
        const decision = byKey.get(at);
        if (decision !== undefined) {
          used.add(decision);
          return decision;
        }
      }
      return undefined;
    },
    unused() {
      return [...new Set(byKey.values())].filter((d) => !used.has(d));
    },
  };
}

/**
 * Reads saved decisions from JSON: a `netweave-resolution-decisions` file or a bare array of
 * decisions. Problems are issues naming the file and the decision's position; a failure reads as
 * no decisions (`partial` is []).
 */
export function parseDecisionsJson(text: string, file: string): Reading<ResolutionDecision[]> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return resultOf([], [{ level: 'error', code: 'not-json', message: `the decisions file is not valid JSON (${error instanceof Error ? error.message : String(error)})`, file }]);
  }
  const parsed = Array.isArray(data) ? ResolutionDecisionsSchema.safeParse(data) : ResolutionDecisionsFileSchema.safeParse(data);
  if (parsed.success) return ok(Array.isArray(parsed.data) ? parsed.data : parsed.data.decisions);
  return resultOf(
    [],
    parsed.error.issues.slice(0, 10).map((issue) => ({
      level: 'error' as const,
      code: 'bad-decision',
      message: `${issue.message}${issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : ''}; expected {"format": "netweave-resolution-decisions", "version": 1, "decisions": [{"action": "match", "written": "J. Chen", "person": "Jin Chen"}, ...]}`,
      file,
      field: issue.path.join('.'),
    })),
  );
}
