/**
 * The System map view's words for a funder: each factor's role (MICMAC quadrant) as a plain name
 * with a one-line explanation that keeps the technical name, each feedback loop as a circle that
 * grows or one that holds steady, why a factor is a leverage point, and why a gap matters.
 * Pure functions, tested in Node.
 */
import type { Quadrant } from '../features/systemmap/leverage.ts';
import type { FeedbackLoop, LoopType } from '../features/systemmap/loops.ts';
import type { Gap } from '../features/systemmap/actors.ts';
import type { FactorReport, SystemMapReport } from '../features/systemmap/analyze-systemmap.ts';
import { count, percentileBand, percentileRanker } from './readable.ts';

import { counted, listWords } from './program-words.ts';

export interface RoleWords {
  /** What the view calls the role. */
  name: string;
  /** Half a line after the name: "a result to watch". */
  short: string;
  /** One line on what it means, ending with the technical name in brackets. */
  explanation: string;
}

/** Roles in the order the view lists them: levers first, loosely connected last. */
export const ROLE_ORDER: readonly Quadrant[] = ['driving', 'linkage', 'dependent', 'autonomous'];

export const ROLES: Readonly<Record<Quadrant, RoleWords>> = {
  driving: {
    name: 'Moves many others',
    short: 'a lever: it changes many factors and few change it',
    explanation: 'It changes many other factors while few change it: a lever to push (a "driving" factor in MICMAC structural analysis).',
  },
  linkage: {
    name: 'Moves others and is moved',
    short: 'changes ripple back',
    explanation: 'It changes many others and many change it, so a push here spreads and comes back through it: powerful, but it can swing back (a "linkage" factor in MICMAC).',
  },
  dependent: {
    name: 'Mostly moved by others',
    short: 'a result to watch',
    explanation: 'Many factors change it and it changes few: a result to watch rather than a lever (a "dependent" factor in MICMAC).',
  },
  autonomous: {
    name: 'Loosely connected',
    short: 'few links in or out',
    explanation: 'Few links in or out: what happens here mostly stays here (an "autonomous" factor in MICMAC).',
  },
};

/** A role's words; an unknown role reads as loosely connected rather than as a code. */
export function roleOf(quadrant: string): RoleWords {
  return ROLES[quadrant as Quadrant] ?? ROLES.autonomous;
}

export interface LoopKindWords {
  /** "Reinforcing" / "Balancing". */
  name: string;
  /** The name with what it means in brackets: "Reinforcing (a vicious or virtuous circle)". */
  phrase: string;
  /** One line on how such a loop behaves, with its technical rule. */
  explanation: string;
}

export const LOOP_KINDS: Readonly<Record<LoopType, LoopKindWords>> = {
  R: {
    name: 'Reinforcing',
    phrase: 'Reinforcing (a vicious or virtuous circle)',
    explanation: 'A change travels around the loop and comes back bigger, so it keeps growing, for better or worse (a reinforcing loop, R: an even number of − links).',
  },
  B: {
    name: 'Balancing',
    phrase: 'Balancing (keeps things steady)',
    explanation: 'A change travels around the loop and comes back opposed, so the loop holds things steady or pulls them towards a limit (a balancing loop, B: an odd number of − links).',
  },
};

/** One step of a loop read aloud: more or less of a factor. */
export interface LoopStep {
  more: boolean;
  label: string;
}

/**
 * The loop as a chain starting from more of its first factor and following each link's sign,
 * back to the first factor: [more A, less B, more A]. A reinforcing loop ends where it started
 * (more), a balancing one opposed (less).
 */
export function loopSteps(loop: Pick<FeedbackLoop, 'labels' | 'polarities'>): LoopStep[] {
  const { labels, polarities } = loop;
  if (labels.length === 0) return [];
  const steps: LoopStep[] = [{ more: true, label: labels[0]! }];
  let more = true;
  for (let i = 0; i < labels.length; i++) {
    if (polarities[i] === '-') more = !more;
    steps.push({ more, label: labels[(i + 1) % labels.length]! });
  }
  return steps;
}

/** The chain as text: "more A → less B → more A". */
export function loopChainText(loop: Pick<FeedbackLoop, 'labels' | 'polarities'>): string {
  return loopSteps(loop)
    .map((s) => `${s.more ? 'more' : 'less'} ${s.label}`)
    .join(' → ');
}

/** What the loop does, in one line: "A rise in Political will comes back as a further rise: it feeds on itself." */
export function loopMeaning(loop: Pick<FeedbackLoop, 'type' | 'labels' | 'delays' | 'uncertain'>): string {
  const first = loop.labels[0] ?? 'the first factor';
  const what =
    loop.type === 'R'
      ? `A rise in ${first} comes back around as a further rise: it feeds on itself.`
      : `A rise in ${first} comes back around to hold it down: the loop keeps it steady.`;
  const delay = loop.delays > 0 ? ` ${loop.delays === 1 ? 'One link acts' : `${count(loop.delays)} links act`} after a delay, so the effect shows slowly.` : '';
  const unsure = loop.uncertain ? " One link's sign is uncertain, so the loop may work the other way." : '';
  return `${what}${delay}${unsure}`;
}

/** "25 factors, 36 causal links, 84 organisations." */
export function mapCountsText(factors: number, links: number, organisations: number): string {
  return `${counted(factors, 'factor')}, ${counted(links, 'causal link')}${organisations > 0 ? `, ${counted(organisations, 'organisation')}` : ''}.`;
}

/** "30 loops: 10 reinforcing, 20 balancing." */
export function loopCountsText(summary: Pick<SystemMapReport['summary'], 'loops' | 'reinforcing' | 'balancing'>): string {
  if (summary.loops === 0) return 'No feedback loops: every chain of causes ends somewhere.';
  return `${counted(summary.loops, 'feedback loop')}: ${count(summary.reinforcing)} reinforcing, ${count(summary.balancing)} balancing.`;
}

/** "No organisation works on it", "1 organisation works on it", "3 organisations work on it". */
export function workersText(organisations: number): string {
  if (organisations === 0) return 'No organisation works on it';
  return organisations === 1 ? '1 organisation works on it' : `${count(organisations)} organisations work on it`;
}

/** "in 5 feedback loops (2 reinforcing, 3 balancing)". */
function loopsPhrase(loops: number, reinforcing: number, balancing: number): string {
  const kinds = [reinforcing > 0 ? `${count(reinforcing)} reinforcing` : '', balancing > 0 ? `${count(balancing)} balancing` : ''].filter(Boolean);
  return `in ${counted(loops, 'feedback loop')}${kinds.length > 0 && loops > 0 ? ` (${listWords(kinds)})` : ''}`;
}

/**
 * Reads every factor's bridging (betweenness) as a band among this map's factors: "top 10%".
 */
export function bridgingBands(factors: readonly Pick<FactorReport, 'betweenness'>[]): (value: number) => string {
  const rank = percentileRanker(Float64Array.from(factors, (f) => f.betweenness));
  return (value) => (Number.isFinite(value) ? percentileBand(rank(value)) : '–');
}

/**
 * Why a factor is a place to push, best reason first: its role, how far a change travels from it,
 * the loops that bring a push back, how much it carries effects across the map, and who works on it.
 */
export function leverageReasons(factor: FactorReport, report: Pick<SystemMapReport, 'settings' | 'factors'>, bands = bridgingBands(report.factors)): string[] {
  const role = roleOf(factor.quadrant);
  const reasons = [`${role.name}: ${role.short}.`];
  const steps = report.settings.reachSteps;
  reasons.push(
    `Directly changes ${counted(factor.influence, 'factor')}; a change here reaches ${counted(factor.reach, 'factor')} within ${counted(steps, 'step')}.`,
  );
  if (factor.loops > 0) reasons.push(`Sits ${loopsPhrase(factor.loops, factor.reinforcingLoops, factor.balancingLoops)}, so a push here comes back around.`);
  const band = bands(factor.betweenness);
  if (band === 'top 1%' || band === 'top 10%' || band === 'top 25%') reasons.push(`Carries effects across the map: ${band} of factors for bridging.`);
  reasons.push(`${workersText(factor.actors.length)}.`);
  return reasons;
}

/**
 * Why a gap matters, in plain words: the loops it sits in, who works on it, and, for a lever, that
 * no one is pulling it. (The engine's own reason names the MICMAC role; this one says what it means.)
 */
export function gapText(gap: Pick<Gap, 'loops' | 'reinforcingLoops' | 'balancingLoops' | 'actors' | 'quadrant'>): string {
  const who = gap.actors === 0 ? 'no organisation works on it' : `only ${workersText(gap.actors).toLowerCase()}`;
  const text = `It sits ${loopsPhrase(gap.loops, gap.reinforcingLoops, gap.balancingLoops)}, but ${who}.`;
  if (gap.quadrant === 'driving' || gap.quadrant === 'linkage') return `${text} It ${gap.quadrant === 'driving' ? 'moves many others' : 'moves others and is moved'}: a lever no one is pulling.`;
  return text;
}

/** How many factors have each role, in ROLE_ORDER. */
export function roleCounts(factors: readonly Pick<FactorReport, 'quadrant'>[]): Array<{ role: Quadrant; count: number }> {
  return ROLE_ORDER.map((role) => ({ role, count: factors.filter((f) => f.quadrant === role).length }));
}

/** An undo/redo label from the edit history as it reads on a button: `Add link "A" → "B"`. */
export function editLabel(label: string): string {
  return label.replaceAll(' -> ', ' → ');
}
