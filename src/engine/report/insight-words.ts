/**
 * Plain words for the Edge, Brokers, Equity and Weave panels: each technical measure gets a name
 * a network weaver reads at a glance and a one-line explanation that keeps the technical name
 * for those who want it; scores become words or percentages. Pure functions, tested in Node.
 */
import { share } from './readable.ts';

export interface Term {
  /** What the panel calls it. */
  name: string;
  /** One line on what it means, ending with the technical name in brackets. */
  explanation: string;
}

/** Every technical term these panels touch, by the name the engine gives it. */
export const TERMS = {
  corePeripheryFit: {
    name: 'How clearly the network has a core and an edge',
    explanation: 'Whether a well-connected core stands out, with the rest tied mainly to it (core/periphery fit, Borgatti & Everett).',
  },
  coreDensity: {
    name: 'Ties in and around the core',
    explanation: 'Of all the pairs who could be tied, the share who are (block density).',
  },
  bridging: {
    name: 'On the shortest route between others',
    explanation: 'How often they are on the shortest route between two other people (betweenness).',
  },
  separateCircles: {
    name: 'Contacts who do not know one another',
    explanation: "How little their contacts already know one another: a broker's contacts mostly don't (low Burt constraint).",
  },
  cutPoint: {
    name: 'Holds the network together',
    explanation: 'If they left, some people would lose every link to the rest of the network (articulation point).',
  },
  soleLink: {
    name: 'Only link between two groups',
    explanation: 'The one tie that connects two groups found in the network (a bridge between communities).',
  },
  keyPlayers: {
    name: 'Who to brief first',
    explanation: 'The fewest people who, together, reach most of the network within two steps (key player set).',
  },
  mixing: {
    name: 'Ties kept inside groups vs across them',
    explanation: "How many ties stay among people of the same group and how many cross to another (Krackhardt's E-I index).",
  },
  assortativity: {
    name: 'Similar people tied together',
    explanation: 'Whether people tie more often to others like them than chance would give (attribute assortativity).',
  },
} as const satisfies Record<string, Term>;

/** A group found in the network (a community), numbered from 1 as everywhere in the app. */
export function groupName(community: number): string {
  return `Group ${community}`;
}

/** A reason from the engine as a sentence of its own: first letter capitalised. */
export function sentence(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** Reasons from the engine as one or more sentences: "One tie, to Ana; named by no one." */
export function reasonsText(reasons: readonly string[]): string {
  if (reasons.length === 0) return '';
  const text = sentence(reasons.join('; '));
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export type FitWord = 'clear' | 'partial' | 'weak' | 'unknown';

/**
 * The core/periphery fit (a correlation between the ties and the ideal core/edge pattern) as a
 * word: 0.5 and above clear, 0.25 and above partial, below weak.
 */
export function coreFit(fit: number | null | undefined): { word: FitWord; headline: string; sentence: string } {
  if (fit === null || fit === undefined || !Number.isFinite(fit)) {
    return { word: 'unknown', headline: 'Not known', sentence: 'The network is too small or too sparse to tell a core from an edge.' };
  }
  if (fit >= 0.5) return { word: 'clear', headline: 'Clear', sentence: 'A well-connected core stands out, and most others are tied mainly to it.' };
  if (fit >= 0.25) return { word: 'partial', headline: 'Partial', sentence: 'There is a core, but many ties run outside it.' };
  return { word: 'weak', headline: 'Weak', sentence: 'No single core stands out: ties are spread among several groups.' };
}

/** Share of ties that cross between groups, from the E-I index ((across − inside) / all). */
export function shareAcross(ei: number): number {
  return (ei + 1) / 2;
}

/**
 * The E-I index as a plain sentence: "Most ties stay inside groups: 72% of ties link people
 * with the same sector." `attribute` names the groups ("sector").
 */
export function mixingSentence(ei: number | null | undefined, attribute: string): string {
  if (ei === null || ei === undefined || !Number.isFinite(ei)) return `There are no ties between people with a known ${attribute} to compare.`;
  const across = shareAcross(ei);
  const same = `${share(1 - across)} of ties link people with the same ${attribute}`;
  const different = `${share(across)} of ties link people with a different ${attribute}`;
  if (ei <= -0.6) return `Almost all ties stay inside groups: ${same}.`;
  if (ei <= -0.2) return `Most ties stay inside groups: ${same}.`;
  if (ei < 0.2) return `Ties are split about evenly between inside and across groups: ${different}.`;
  if (ei < 0.6) return `Most ties cross groups: ${different}.`;
  return `Almost all ties cross groups: ${different}.`;
}

/** Attribute assortativity (−1..1) as a sentence on whether like ties to like. */
export function assortativitySentence(r: number | null | undefined, attribute: string): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return `Not enough ties to tell whether people tie to others of the same ${attribute}.`;
  if (r >= 0.3) return `People tie to others of the same ${attribute} much more often than chance would give.`;
  if (r >= 0.1) return `People tie to others of the same ${attribute} somewhat more often than chance would give.`;
  if (r > -0.1) return `People tie to others of the same ${attribute} about as often as chance would give.`;
  return `People tie to others with a different ${attribute} more often than chance would give.`;
}

/** A group over-represented at the edge, in a sentence. */
export function edgeNote(g: { value: string; size: number; shareOfNetwork: number; shareOfPeriphery: number | null; peripheralMembers: number }): string {
  return `${g.value}: ${share(g.shareOfNetwork)} of everyone, but ${share(g.shareOfPeriphery)} of the people at the edge (${g.peripheralMembers.toLocaleString('en')} of its ${g.size.toLocaleString('en')} members).`;
}

/**
 * Ties between groups as sentences: the pair with the most ties across, and pairs with none. An
 * undirected matrix holds each tie in both cells of a pair; a directed one holds each direction
 * in its own cell.
 */
export function matrixSentences(matrix: { groups: string[]; ties: number[][] }, directed: boolean): string[] {
  const { groups, ties } = matrix;
  let best: { a: number; b: number; ties: number } | null = null;
  const none: string[] = [];
  for (let a = 0; a < groups.length; a++) {
    for (let b = a + 1; b < groups.length; b++) {
      const t = (ties[a]?.[b] ?? 0) + (directed ? (ties[b]?.[a] ?? 0) : 0);
      if (t === 0) none.push(`${groups[a]} and ${groups[b]}`);
      else if (!best || t > best.ties) best = { a, b, ties: t };
    }
  }
  const out: string[] = [];
  if (best) out.push(`Most ties across groups: ${groups[best.a]} and ${groups[best.b]} (${best.ties.toLocaleString('en')}).`);
  if (none.length > 0) {
    const shown = none.length > 4 ? `${none.slice(0, 4).join('; ')} and ${none.length - 4} more pairs` : none.join('; ');
    out.push(`No ties at all between ${shown}.`);
  } else if (groups.length > 1) out.push('Every pair of groups has at least one tie.');
  return out;
}

/** Each kind of introduction as a plain phrase, with a line on why it matters. */
export const INTRODUCTION_KINDS: Record<string, Term> = {
  'engage-periphery': {
    name: 'Bring someone at the edge in',
    explanation: 'Introduce someone at the edge to a well-connected person who shares an interest with them.',
  },
  'close-triangle': {
    name: 'Introduce two people who share a contact, in different groups',
    explanation: 'They are in different groups and not yet tied, but someone knows both and can make a warm introduction (closing a triangle).',
  },
  'link-communities': {
    name: 'Connect two groups with no ties between them',
    explanation: 'Introduce a well-connected person in each of two groups that have no ties at all.',
  },
  'skill-introduction': {
    name: 'Bring a skill within reach',
    explanation: 'Introduce someone to a person who has a skill that they, or the people around them, lack.',
  },
  'result-partner': {
    name: 'Bring a partner into the work on a result',
    explanation: 'Someone at an organisation with a role in a result (it works on a factor that moves it) is not yet tied to the people acting on it.',
  },
};

export function introductionKind(kind: string): Term {
  return INTRODUCTION_KINDS[kind] ?? { name: kind, explanation: '' };
}

export type IntroductionStatus = 'open' | 'done' | 'dismissed';

/** Counts of introductions by status, from the saved marks. */
export function statusCounts(ids: readonly string[], marks: Readonly<Record<string, 'done' | 'dismissed' | undefined>>): Record<IntroductionStatus | 'all', number> {
  const out = { all: ids.length, open: 0, done: 0, dismissed: 0 };
  for (const id of ids) out[marks[id] ?? 'open']++;
  return out;
}

/** "1 person" / "3 people" and the like. */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
