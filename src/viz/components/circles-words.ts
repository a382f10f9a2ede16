/**
 * Peer circles in plain words and rows, for the Program view's circles section: the comparison
 * with the baselines, the mix rule, rules relaxed with the names of those concerned, the circles
 * CSV with names, the request sent to the worker and the locks after a choice. Pure: tested in Node.
 */
import { toCsv } from '../../engine/io/csv-cells.ts';
import type { CircleChoices, ProjectCircles, SavedCirclesResult } from '../../engine/core/model/circles.ts';
import type { ProjectCirclesRequest } from '../../engine/features/circles/project-circles.ts';
import type { SourceFile } from '../../engine/io/types.ts';

const num = (n: number): string => n.toLocaleString('en');
const plural = (n: number, one: string, many: string): string => `${num(n)} ${n === 1 ? one : many}`;

/** "240 new pairs, against 226 for a random draw and 233 for a simple greedy pass." */
export function baselineText(last: SavedCirclesResult): string {
  const { metrics, baselines } = last;
  return `${plural(metrics.newPairs, 'new pair', 'new pairs')} of ${num(metrics.pairs)}, against ${num(baselines.random.newPairs)} for a random draw and ${num(baselines.greedy.newPairs)} for a simple greedy pass.`;
}

/** "All 28 circles hold 3 or more different Department values." (null without a mix rule) */
export function mixRuleText(last: SavedCirclesResult): string | null {
  const { across, minDistinct } = last.settings;
  if (across === null) return null;
  const { circles, circlesMeetingUnitRule: meeting } = last.metrics;
  const lead = meeting === circles ? (circles === 1 ? 'The circle holds' : `All ${num(circles)} circles hold`) : `${num(meeting)} of ${plural(circles, 'circle', 'circles')} hold`;
  return `${lead} ${num(minDistinct)} or more different ${across} values.`;
}

/** The rows of the comparison table: these circles, the random draw and the greedy pass. */
export function comparisonRows(last: SavedCirclesResult): Array<{ what: string; newPairs: string; mix: string }> {
  const mix = (meeting: number): string => (last.settings.across === null ? 'no mix rule' : `${num(meeting)} of ${num(last.metrics.circles)}`);
  return [
    { what: 'These circles', newPairs: `${num(last.metrics.newPairs)} of ${num(last.metrics.pairs)}`, mix: mix(last.metrics.circlesMeetingUnitRule) },
    { what: 'A random draw', newPairs: `${num(last.baselines.random.newPairs)} of ${num(last.baselines.random.pairs)}`, mix: mix(last.baselines.random.circlesMeetingUnitRule) },
    { what: 'A simple greedy pass', newPairs: `${num(last.baselines.greedy.newPairs)} of ${num(last.baselines.greedy.pairs)}`, mix: mix(last.baselines.greedy.circlesMeetingUnitRule) },
  ];
}

const RULE_NAMES: Record<string, string> = {
  size: 'Circle size',
  across: 'Mix of units',
  'reports-to': 'Not with their manager',
  previous: 'No pair from before',
  identity: 'Identity wish',
  lock: 'Kept where locked',
};

/** Each rule relaxed: its name, the people concerned (names) and what happened. */
export function relaxedRows(last: SavedCirclesResult): Array<{ rule: string; who: string; what: string }> {
  const names = labels(last);
  return last.relaxed.map((r) => ({
    rule: RULE_NAMES[r.constraint] ?? r.constraint,
    who: r.people.length === 0 ? 'everyone' : r.people.length > 8 ? `${r.people.slice(0, 8).map((id) => names.get(id) ?? id).join(', ')} and ${num(r.people.length - 8)} more` : r.people.map((id) => names.get(id) ?? id).join(', '),
    what: r.message.charAt(0).toUpperCase() + r.message.slice(1),
  }));
}

/** Each participant's name by id. */
export function labels(last: SavedCirclesResult): Map<string, string> {
  return new Map(last.circles.flatMap((c) => c.members.map((m) => [m.id, m.label] as const)));
}

/** `circle,person` with each person's name, spreadsheet-safe (cells a spreadsheet would run are neutralised). */
export function circlesCsvWithNames(last: SavedCirclesResult): string {
  return toCsv(['circle', 'person'], last.circles.flatMap((c) => c.members.map((m) => [c.name, m.label]))) + '\n';
}

/** The locks after keeping `person` in `circle` ('' frees them). */
export function withLock(locks: ProjectCircles['locks'], person: string, circle: string): ProjectCircles['locks'] {
  const rest = locks.filter((l) => l.person !== person);
  return circle === '' ? rest : [...rest, { person, circle }];
}

/** The locks that still name a participant of the last circles. */
export function locksKept(locks: ProjectCircles['locks'], last: SavedCirclesResult): ProjectCircles['locks'] {
  const ids = labels(last);
  return locks.filter((l) => ids.has(l.person));
}

/** The columns offered: every column (reports-to, identity) and those that form groups (across). */
export interface Offered {
  columns: readonly string[];
  groups: readonly string[];
}

/** The choices with any column no longer offered (another file, another project) set back to none. */
export function onlyOffered(choices: CircleChoices, offered: Offered): CircleChoices {
  const keep = (value: string, list: readonly string[]): string => (list.includes(value) ? value : '');
  return { ...choices, across: keep(choices.across, offered.groups), reportsTo: keep(choices.reportsTo, offered.columns), identity: keep(choices.identity, offered.columns) };
}

/** What the worker is asked for; null when the choices are not complete (and why). */
export function circlesRequest(choices: CircleChoices, locks: ProjectCircles['locks'], files: { participants: SourceFile | null; previous: SourceFile | null }): ProjectCirclesRequest | string {
  let participants: ProjectCirclesRequest['participants'];
  if (choices.who === 'file') {
    if (files.participants === null) return 'Choose a participants file first.';
    participants = { kind: 'file', file: files.participants };
  } else if (choices.who === 'attribute') {
    if (choices.whoAttribute === '' || choices.whoValue === '') return 'Choose a column and a value for who takes part.';
    participants = { kind: 'attribute', attribute: choices.whoAttribute, value: choices.whoValue };
  } else participants = { kind: 'everyone' };
  if (choices.minSize > choices.maxSize) return 'The smallest circle size must not be above the largest.';
  return {
    participants,
    previous: files.previous ? [files.previous] : [],
    locks: locks.map((l) => ({ person: l.person, circle: l.circle })),
    options: {
      minSize: choices.minSize,
      maxSize: choices.maxSize,
      minDistinct: choices.minDistinct,
      seed: choices.seed,
      ...(choices.across !== '' ? { across: choices.across } : {}),
      ...(choices.reportsTo !== '' ? { reportsTo: choices.reportsTo } : {}),
      ...(choices.identity !== '' ? { identity: choices.identity } : {}),
    },
  };
}
