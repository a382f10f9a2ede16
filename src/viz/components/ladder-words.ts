/**
 * The engagement ladder in plain words: how someone came in, how many moved, and the conditions
 * of the ladder editor, each said as a sentence rather than a rule type.
 */
import type { EntryKind, LadderSection } from '../../engine/features/ladder/ladder-section.ts';
import type { LadderCondition } from '../../engine/core/model/ladder.ts';
import { counted } from './program-words.ts';

/** "Came first to Session 1", "Answered the wave1 survey", "Mentee in a mentorship", "Peer circle Circle 3". */
export function entryWords(kind: EntryKind, what: string): string {
  switch (kind) {
    case 'event':
      return `Came first to ${what}`;
    case 'survey':
      return `Answered the ${what} survey`;
    case 'mentorship':
      return `${what === 'mentor' ? 'Mentor' : 'Mentee'} in a mentorship`;
    default:
      return `In peer circle ${what}`;
  }
}

/** "Between wave1 and wave2: 24 people moved up, 23 people dropped, 73 people stayed on the same rung." */
export function movementWords(m: LadderSection['movements'][number]): string {
  return `Between ${m.from} and ${m.to}: ${counted(m.movedUp.length, 'person', 'people')} moved up, ${counted(m.dropped.length, 'person', 'people')} dropped, ${counted(m.stayed, 'person', 'people')} stayed on the same rung.`;
}

/** What the periods are: survey waves, half-years of attendance, or one period. */
export function periodWords(ladder: LadderSection): string {
  const names = ladder.periods.map((p) => p.name);
  if (ladder.periodKind === 'waves') return `Each survey wave is a period (${names.join(', ')}).`;
  if (ladder.periodKind === 'half-years') return `Each half-year of convenings is a period (${names.join(', ')}).`;
  return 'Everything the project holds counts as one period.';
}

export type ConditionType = LadderCondition['type'];

/** The condition types the editor offers, in the words it offers them. */
export const CONDITION_TYPES: ReadonlyArray<{ type: ConditionType; words: string }> = [
  { type: 'known', words: 'Is on the roster, or has been seen' },
  { type: 'answered-survey', words: 'Answered the survey' },
  { type: 'attended', words: 'Came to convenings' },
  { type: 'mentorship', words: 'Is in a mentorship' },
  { type: 'circle', words: 'Is in a peer circle' },
  { type: 'named-by', words: 'Is named by others' },
  { type: 'attribute', words: 'Has a value in a column' },
];

/** A new condition of `type` with its defaults. */
export function newCondition(type: ConditionType, columns: readonly string[]): LadderCondition {
  switch (type) {
    case 'attended':
      return { type, atLeast: 1 };
    case 'mentorship':
      return { type, as: 'either' };
    case 'circle':
      return { type, column: 'circle' };
    case 'named-by':
      return { type, atLeast: 2 };
    case 'attribute':
      return { type, column: columns.find((c) => /role/i.test(c)) ?? columns[0] ?? 'role', values: [] };
    default:
      return { type };
  }
}
