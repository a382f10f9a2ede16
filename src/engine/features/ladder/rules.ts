/**
 * The ladder's default rules and the reader of a rules file (`--ladder rules.json`): JSON checked
 * by the zod schema of src/engine/core/model/ladder.ts;
 * a bad field is an error naming its path (`rungs.2.when.0.atLeast`), never a half-read ladder.
 *
 * ```json
 * { "rungs": [
 *   { "name": "Attending", "match": "any", "when": [{ "type": "answered-survey" }, { "type": "attended", "atLeast": 1 }] },
 *   { "name": "Hosting", "when": [{ "type": "attribute", "column": "role", "values": ["host", "lead"] }] } ] }
 * ```
 */
import { LadderRulesSchema, type LadderRules, type LadderRulesInput } from '../../core/model/ladder.ts';
import { ok, fail, type Result } from '../../core/util/result.ts';
import { zodIssuesToInputIssues } from '../../core/util/zod-issues.ts';

export { LadderConditionSchema, LadderRungSchema, LadderRulesSchema } from '../../core/model/ladder.ts';
export type { LadderCondition, LadderRung, LadderRules, LadderRulesInput } from '../../core/model/ladder.ts';

/** The bucket of people no rung holds for, named in every period's counts. */
export const NOT_YET = 'Not yet on the ladder';

/**
 * The default ladder, used when the data has waves or attendance and no rules are given. Its
 * conditions on a `role` or `circle` column are left out quietly when the data has no such column.
 */
export const DEFAULT_LADDER: LadderRules = LadderRulesSchema.parse({
  rungs: [
    { name: 'Aware', when: [{ type: 'known' }] },
    { name: 'Attending', match: 'any', when: [{ type: 'answered-survey' }, { type: 'attended', atLeast: 1 }] },
    { name: 'Connected', match: 'any', when: [{ type: 'named-by', atLeast: 2 }, { type: 'mentorship', as: 'either' }, { type: 'circle' }] },
    {
      name: 'Contributing',
      match: 'any',
      when: [{ type: 'attended', atLeast: 3 }, { type: 'mentorship', as: 'mentor' }, { type: 'attribute', column: 'role', values: ['host', 'organiser', 'organizer'] }],
    },
    { name: 'Leading', match: 'any', when: [{ type: 'named-by', atLeast: 3, topPercent: 10 }, { type: 'attribute', column: 'role', values: ['lead', 'leader'] }] },
  ],
} satisfies LadderRulesInput);

/** A rules file's text as rules, or errors naming the file and the bad field. */
export function parseLadderRules(text: string, file: string): Result<LadderRules> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail([{ level: 'error', code: 'invalid-json', file, message: `is not valid JSON (${(error as Error).message})` }]);
  }
  const parsed = LadderRulesSchema.safeParse(data);
  if (!parsed.success) return fail(zodIssuesToInputIssues(parsed.error.issues, data, file));
  return ok(parsed.data);
}
