/**
 * Where a member sits, in sentences addressed to them: which groups they connect, whether their
 * ties stay in their group, whether they hold part of the network together, how far their circle
 * reaches. Each sentence says what their place makes possible; none ranks them against others
 * ("top 10%", "more than 98% of members") or shows a score, and every number is a whole count.
 */
import { counted, listWords } from '../../report/program-words.ts';
import { count } from '../../report/readable.ts';
import type { MemberView } from './member-view.ts';

export interface PositionContext {
  /** How many introductions the page suggests (the edge sentence points to them). */
  introductions: number;
  /** Most groups named in one sentence. Default 4. */
  groupsNamed?: number;
}

/** "Group 1 (mostly East), Group 3 (mostly West) and 2 more groups", own group first. */
function groupList(view: MemberView, groups: number[], most: number): string {
  const names = groups.slice(0, most).map((g) => view.groupNames[g]!);
  const rest = groups.length - names.length;
  const list = rest > 0 ? `${names.join(', ')} and ${counted(rest, 'more group', 'more groups')}` : listWords(names);
  return view.groupedBy !== null ? `people in ${list} (by ${view.groupedBy})` : list;
}

function groupLines(view: MemberView, v: number, most: number): string[] {
  const own = view.group[v]!;
  const contacts = view.neighbours[v]!;
  const others = new Set<number>();
  let inside = 0;
  for (const { other } of contacts) {
    const g = view.group[other]!;
    if (g < 0) continue;
    if (g === own) inside++;
    else others.add(g);
  }
  const lines: string[] = [];
  if (others.size > 0 && (own >= 0 || others.size >= 2)) {
    const touched = [...(own >= 0 ? [own] : []), ...[...others].sort((a, b) => a - b)];
    lines.push(`You connect ${groupList(view, touched, most)}.`);
  }
  if (own >= 0 && contacts.length >= 2) {
    const ownName = view.groupedBy !== null ? `people in ${view.groupNames[own]} (by ${view.groupedBy})` : view.groupNames[own]!;
    const known = contacts.filter(({ other }) => view.group[other]! >= 0).length;
    if (known > 0) {
      if (inside === known) lines.push(`All your ties are with ${ownName}: one introduction to another group would widen your circle.`);
      else if (inside * 3 >= known * 2) lines.push(`Most of your ties are with ${ownName}.`);
      else if (inside * 3 <= known) lines.push(`Most of your ties reach beyond ${ownName}.`);
      else lines.push(`Your ties are spread between ${ownName} and other groups.`);
    }
  }
  return lines;
}

/** The sentences, most telling first; empty lines are never returned. */
export function positionLines(view: MemberView, v: number, context: PositionContext): string[] {
  const lines: string[] = [];
  const contacts = view.neighbours[v]!.length;
  const others = view.ids.length - 1;
  if (contacts === 0) {
    lines.push(
      context.introductions > 0
        ? 'No ties to you were recorded in this map yet: the introductions below are a way in.'
        : 'No ties to you were recorded in this map yet: your network weaver can help you find a way in.',
    );
  }
  lines.push(...groupLines(view, v, context.groupsNamed ?? 4));
  const cutOff = view.cutOff[v]!;
  if (cutOff > 0) lines.push(`${cutOff === 1 ? 'One person reaches' : `${count(cutOff)} people reach`} the rest of the network only through you: you help hold it together.`);
  if (view.soleLink[v]) lines.push('One of your ties is the only link between two groups: it is worth keeping warm.');
  if (view.broker[v]) lines.push('Many of the people you know do not know one another: you can carry ideas and news between circles.');
  if (view.inCore[v]) lines.push("You are part of the network's well-connected core: many people are a step or two from you.");
  const reach = view.reach2?.[v];
  if (contacts > 0 && reach !== undefined && Number.isFinite(reach) && others > 0) {
    const reached = Math.round(reach * others);
    if (reached * 2 >= others) lines.push(`Through the people you know, most of the network is within two steps of you (${count(reached)} of the ${counted(others, 'other', 'others')}).`);
    else if (reached > contacts) lines.push(`Through the people you know, ${counted(reached, 'other person', 'other people')} are within two steps of you.`);
  }
  if (view.peripheral[v] && contacts > 0) {
    lines.push(`You are near the edge of the network today, where one new tie makes the most difference${context.introductions > 0 ? ': the introductions below are a good start' : ''}.`);
  }
  const events = view.eventsAttended?.[v];
  if (events !== undefined && events > 0) lines.push(`You came to ${counted(events, 'convening')}.`);
  if (view.nonRespondent[v]) lines.push('You did not answer the survey, so this page shows only what others said: you are likely better connected than it shows.');
  return lines;
}
