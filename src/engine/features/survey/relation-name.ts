/**
 * A short relation name from a survey question: "Who have you collaborated with in the past 6
 * months?" -> `collaborate`, "Who do you go to for advice?" -> `advice`. The first keyword naming what
 * the relation is about wins (advice, trust, mentor, ...), else the first generic verb (know, work with,
 * go to); without one, the question's first two content words are used. The user can
 * rename it in the layout.
 */
import { withoutBracketed } from '../../core/util/brackets.ts';

/** Keyword stems (folded text) and the relation name each stands for: what the relation is about. */
const KEYWORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcollaborat/, 'collaborate'],
  [/\bco-?operat/, 'collaborate'],
  [/\badvi[cs]e/, 'advice'],
  [/\bmentor/, 'mentor'],
  [/\btrust/, 'trust'],
  [/\bfriend/, 'friendship'],
  [/\bfund(s|ing|ed|er)?\b|\bgrant/, 'funding'],
  [/\binformation\b|\binfo\b|\bnews\b/, 'information'],
  [/\bsupport/, 'support'],
  [/\bhelp/, 'help'],
  [/\bpartner/, 'partner'],
  [/\brefer(red|ral)?/, 'referral'],
  [/\bintroduc/, 'introduce'],
  [/\binfluen/, 'influence'],
  [/\binnovat|\bidea/, 'ideas'],
  [/\bconflict|\bdisagree/, 'conflict'],
];

/** Generic verbs, used only when no keyword above says what the relation is about. */
const GENERIC: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwork(ed|s)? (with|together|alongside)|\bworking (with|together)/, 'work-with'],
  [/\b(contact|communicat|talk|speak|reach out|interact|email|call)/, 'communicate'],
  [/\bmet\b|\bmeet/, 'meet'],
  [/\bknow(n)?\b|\bacquaint|\bfamiliar/, 'know'],
  [/\bgo to\b|\bturn to\b|\brely on\b|\bdepend on\b|\bask\b/, 'go-to'],
];

const STOP = new Set(
  'who whom whose which what when where why how do does did have has had you your yours are is was were be been the a an of in on at to for with by from and or that this these those please list name names up most least past last months month year years weeks week people person persons can could would should will about into within our us we me my i it as any all some'.split(
    ' ',
  ),
);

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A short name for the relation a question asks about. */
export function relationNameFor(question: string): string {
  const text = fold(withoutBracketed(question));
  for (const list of [KEYWORDS, GENERIC]) {
    let best: { at: number; name: string } | undefined;
    for (const [pattern, name] of list) {
      const match = pattern.exec(text);
      if (match !== null && (best === undefined || match.index < best.at)) best = { at: match.index, name };
    }
    if (best !== undefined) return best.name;
  }
  const words = text
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w));
  const name = words.slice(0, 2).join('-');
  return name === '' ? 'named' : name;
}

/** Makes names unique in order: `advice`, `advice-2`, ... */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}-${count}`;
  });
}
