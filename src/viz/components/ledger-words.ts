/**
 * The weaving ledger in plain words: what became of an introduction, what the stick rates rest
 * on, and how often a kind of introduction has stuck in this project. No decimals: counts and
 * whole percentages.
 */
import { BY_HAND, levelWords } from '../../engine/core/model/ledger.ts';
import type { CheckedIntroduction, LedgerSection, StickRate } from '../../engine/features/ledger/stick.ts';
import { introductionKind } from './insight-words.ts';

/** A kind of introduction as the weave list names it; "Made by hand" for one made without a suggestion. */
export function kindName(kind: string): string {
  return kind === BY_HAND ? 'Made by hand' : introductionKind(kind).name;
}

/** "3 · Introduced them by email or message". */
export function levelName(level: number): string {
  return `${level} · ${levelWords(level)}`;
}

/** What became of one introduction, and a short tag for it. */
export function statusWords(i: CheckedIntroduction): { tag: string; words: string; warn: boolean } {
  switch (i.status) {
    case 'stuck': {
      const how = [i.relations.length > 0 ? `as ${i.relations.join(', ')}` : '', i.mutual ? 'both ways' : 'one way'].filter(Boolean).join(', ');
      return { tag: 'stuck', words: `They named each other in ${i.wave ?? 'a later wave'} (${how}).`, warn: false };
    }
    case 'not-stuck':
      return { tag: 'did not stick', words: `Neither named the other in ${i.checkedIn.join(', ')}.`, warn: true };
    case 'not-in-project':
      return { tag: 'not in the project', words: 'One of them is not in this project, so it cannot be checked.', warn: true };
    default:
      return { tag: 'not yet known', words: 'Load a survey wave taken after it to see whether it stuck.', warn: false };
  }
}

/** What the check rests on: dated waves, the last wave, or nothing yet. */
export function basisWords(ledger: LedgerSection): string {
  if (ledger.basis === 'dated') return 'Each introduction is checked against the survey waves taken after it.';
  if (ledger.basis === 'last-wave') {
    const last = ledger.waves[ledger.waves.length - 1]?.name ?? 'the last wave';
    return `The waves carry no dates, so each introduction is checked against the last one, ${last}.`;
  }
  return 'No survey wave to check against yet: load a later wave (or a later tie file with a wave) to see which introductions stuck.';
}

/** "5 of 8 stuck (63%)" for a rate; "none checked yet" when nothing could be checked. */
export function rateShort(r: StickRate): string {
  const known = r.stuck + r.notStuck;
  return known === 0 ? 'none checked yet' : `${r.stuck} of ${known} stuck (${Math.round((100 * r.stuck) / known)}%)`;
}

/** Beside a kind of suggestion: "stuck 3 of 5 times in this project", or nothing before any is known. */
export function kindRateWords(r: StickRate | undefined): string | null {
  if (r === undefined) return null;
  const known = r.stuck + r.notStuck;
  return known === 0 ? null : `stuck ${r.stuck} of ${known} ${known === 1 ? 'time' : 'times'} in this project`;
}
