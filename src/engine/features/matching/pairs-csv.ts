/**
 * The proposed matching as a spreadsheet-safe CSV (`../export/csv-cells.ts`): one row per pair,
 * then one row per mentee left without a mentor (mentor blank, the reason in `explanation`).
 *
 * Columns: `mentee`, `mentor`, `score`, `goal_fit` (0..1), `goals_met` (goals the mentor's
 * strengths meet, `;`-separated), `bridging` (`work unit: A -> B`, blank when not bridging or
 * the bonus is off), `identity` (`met`/`not met` for the preferences the mentee chose, blank when
 * none), `locked` (yes/no), `explanation`, `mentee_id`, `mentor_id`, and an empty `action`
 * column: write `lock` or `reject` there and give the file back with `--lock` to re-solve.
 */
import { toCsv } from '../../io/csv-cells.ts';
import type { MatchingResult } from './match-mentors.ts';

export const PAIRS_CSV_HEADER = ['mentee', 'mentor', 'score', 'goal_fit', 'goals_met', 'bridging', 'identity', 'locked', 'explanation', 'mentee_id', 'mentor_id', 'action'];

export function pairsCsv(result: MatchingResult): string {
  const rows: unknown[][] = result.pairs.map((p) => [
    p.menteeLabel,
    p.mentorLabel,
    p.score,
    p.goalFit,
    p.goalsMet.map((g) => g.goal).join('; '),
    p.bridging !== null ? `${p.bridging.by}: ${p.bridging.mentee} -> ${p.bridging.mentor}` : '',
    p.identity.length === 0 ? '' : p.identity.every((c) => c.met) ? 'met' : p.identity.some((c) => c.met) ? 'partly met' : 'not met',
    p.locked ? 'yes' : 'no',
    p.explanation,
    p.mentee,
    p.mentor,
    '',
  ]);
  for (const u of result.unplaced) rows.push([u.label, '', '', '', '', '', '', 'no', `${u.label} has no mentor: ${u.reason}.`, u.mentee, '', '']);
  return toCsv(PAIRS_CSV_HEADER, rows) + '\n';
}
