/**
 * Introductions suggested for one member, each with its reason written to them ("You and Ana are
 * in different groups; Ben knows you both"). Only introductions to someone who agreed to be
 * named: an introduction to "a member" cannot be made. People who could make the introduction
 * are named only when they agreed too, else counted as members. The engine's own reasons are
 * written about both people in the third person with scores; these are not reused.
 */
import type { AnySuggestion } from '../../features/skills/merge-suggestions.ts';
import { counted, listWords } from '../../report/program-words.ts';
import type { MemberView } from './member-view.ts';

export interface PacketIntroduction {
  /** The other person's name. */
  other: string;
  kind: AnySuggestion['kind'];
  reason: string;
}

/** "Ana Lima and 2 members": who knows both, named by consent. */
function whoKnowsBoth(view: MemberView, via: readonly string[]): string | null {
  const names: string[] = [];
  let members = 0;
  for (const id of via) {
    const v = view.indexOf.get(id);
    if (v === undefined) continue;
    if (view.named[v]) names.push(view.shownLabel[v]!);
    else members++;
  }
  const shown = names.slice(0, 3);
  const parts = [...shown];
  if (names.length > shown.length) parts.push(counted(names.length - shown.length, 'other', 'others'));
  if (members > 0) parts.push(members === 1 ? 'a member' : counted(members, 'member', 'members'));
  if (parts.length === 0) return null;
  return `${listWords(parts)} ${names.length + members > 1 ? 'know' : 'knows'} you both and could introduce you`;
}

function also(shared: readonly string[]): string {
  return shared.length > 0 ? ` You both bring ${listWords(shared.slice(0, 3))}.` : '';
}

function reasonFor(view: MemberView, s: AnySuggestion, mine: boolean, other: string): string {
  // `mine`: this member is the suggestion's source (the one the engine's reason starts from).
  const via = whoKnowsBoth(view, s.via);
  switch (s.kind) {
    case 'engage-periphery':
      return mine
        ? `${other} knows many people across the network${s.shared.length > 0 ? ` and shares your interest in ${listWords(s.shared.slice(0, 3))}` : ''}.`
        : `${other}${s.shared.length > 0 ? ` shares your interest in ${listWords(s.shared.slice(0, 3))} and` : ''} would gain from knowing someone as well connected as you.`;
    case 'close-triangle':
      return `You and ${other} are in different groups and not yet tied${via !== null ? `; ${via}` : ''}.${also(s.shared)}`;
    case 'link-communities':
      return `Your group and ${other}’s have no ties between them yet, and you are each well connected in your own.${also(s.shared)}`;
    case 'skill-introduction': {
      const skills = listWords(s.shared.slice(0, 3));
      const bridge = via !== null ? ` (${via})` : '';
      if (mine) {
        return s.purpose === 'need'
          ? `You said you would like help with ${skills}; ${other} has it${bridge}.`
          : `${other} has ${skills}, which none of the people you know has yet${bridge}.`;
      }
      return s.purpose === 'need'
        ? `${other} would like help with ${skills}, and you have it${bridge}.`
        : `You have ${skills}, which none of ${other}’s contacts has yet${bridge}.`;
    }
    default:
      return `${other} is someone worth knowing.`;
  }
}

/** The member's introductions, best first, at most `limit`; only to people who may be named. */
export function introductionsFor(view: MemberView, introductions: readonly AnySuggestion[], v: number, limit: number): PacketIntroduction[] {
  const id = view.ids[v]!;
  const out: PacketIntroduction[] = [];
  for (const s of introductions) {
    if (out.length >= limit) break;
    if (s.source !== id && s.target !== id) continue;
    const mine = s.source === id;
    const u = view.indexOf.get(mine ? s.target : s.source);
    if (u === undefined || !view.named[u]) continue;
    const other = view.shownLabel[u]!;
    out.push({ other, kind: s.kind, reason: reasonFor(view, s, mine, other) });
  }
  return out;
}
