/**
 * A member's circle: the people they are tied to in the analysed network, each by name only when
 * that person agreed to be named (else "a member"), with the kinds of tie and, on directed
 * networks, who named whom; and the counts by relation. Strongest ties first, so a long circle
 * (everyone met at a convening) still shows the closest people within the limit.
 */
import { html, type Html } from '../html/html-text.ts';
import { counted } from '../../report/program-words.ts';
import { count } from '../../report/readable.ts';
import { MENTORSHIP } from '../../features/mentorship/import-mentorships.ts';
import { CO_ATTENDANCE } from '../../features/convenings/projection.ts';
import type { MemberView, Neighbour } from './member-view.ts';

export interface CircleEntry {
  label: string;
  named: boolean;
  relations: string[];
  /** Directed networks only: "both ways", "you named them", "they named you". */
  direction: string | null;
}

export interface RelationCount {
  relation: string;
  people: number;
  /** Directed networks: people this member named, and people who named them, in this relation (null for mentorships). */
  named: number | null;
  namedBy: number | null;
}

export interface Circle {
  size: number;
  shown: CircleEntry[];
  /** People beyond the limit, counted. */
  more: number;
  byRelation: RelationCount[];
  /** Directed networks: how many they named, how many named them. */
  named: number | null;
  namedBy: number | null;
}

/**
 * Bits of the relations whose direction is who named whom: not a mentorship (its direction is who
 * mentors whom) nor sitting in the same room (co-attendance runs both ways and nobody named anyone).
 */
function namingBits(view: MemberView): number {
  let bits = 0;
  view.relationNames.forEach((name, r) => {
    if (name !== MENTORSHIP && name !== CO_ATTENDANCE) bits |= 1 << r;
  });
  return bits;
}

/** The kinds of tie, a directed mentorship said as who mentors whom. */
function relationsOf(view: MemberView, nb: Neighbour): string[] {
  return view.relationNames.flatMap((name, r) => {
    if (!((nb.relations >>> r) & 1)) return [];
    if (name !== MENTORSHIP || !view.directed) return [name];
    return [...((nb.outRelations >>> r) & 1 ? ['you mentor them'] : []), ...((nb.inRelations >>> r) & 1 ? ['your mentor'] : [])];
  });
}

function direction(view: MemberView, nb: Neighbour, naming: number): string | null {
  if (!view.directed) return null;
  const out = nb.outRelations & naming;
  const into = nb.inRelations & naming;
  if (out !== 0 && into !== 0) return 'both ways';
  if (out === 0 && into === 0) return null;
  return out !== 0 ? 'you named them' : 'they named you';
}

function bitCount(x: number): number {
  let c = 0;
  for (let y = x >>> 0; y !== 0; y &= y - 1) c++;
  return c;
}

export function circleOf(view: MemberView, v: number, limit: number): Circle {
  const list = [...view.neighbours[v]!].sort(
    (a, b) =>
      bitCount(b.relations) - bitCount(a.relations) ||
      Number(b.outRelations !== 0 && b.inRelations !== 0) - Number(a.outRelations !== 0 && a.inRelations !== 0) ||
      view.named[b.other]! - view.named[a.other]! ||
      view.shownLabel[a.other]!.localeCompare(view.shownLabel[b.other]!) ||
      a.other - b.other,
  );
  const naming = namingBits(view);
  const byRelation: RelationCount[] = view.relationNames.map((relation, r) => {
    const named = view.directed && (naming >>> r) & 1 ? 0 : null;
    return { relation, people: 0, named, namedBy: named };
  });
  for (const nb of list) {
    view.relationNames.forEach((_, r) => {
      if (!((nb.relations >>> r) & 1)) return;
      const entry = byRelation[r]!;
      entry.people++;
      if (entry.named !== null && (nb.outRelations >>> r) & 1) entry.named++;
      if (entry.namedBy !== null && (nb.inRelations >>> r) & 1) entry.namedBy++;
    });
  }
  return {
    size: list.length,
    shown: list.slice(0, limit).map((nb) => ({
      label: view.shownLabel[nb.other]!,
      named: view.named[nb.other] === 1,
      relations: relationsOf(view, nb),
      direction: direction(view, nb, naming),
    })),
    more: Math.max(0, list.length - limit),
    byRelation: byRelation.filter((r) => r.people > 0),
    named: view.directed ? list.filter((nb) => (nb.outRelations & naming) !== 0).length : null,
    namedBy: view.directed ? list.filter((nb) => (nb.inRelations & naming) !== 0).length : null,
  };
}

export function circleHtml(circle: Circle): Html {
  if (circle.size === 0) return html`<p>No ties to you were recorded in this map yet.</p>`;
  // Who named whom, when some ties were named (mentorships alone say who mentors whom instead).
  const named = circle.named !== null && circle.namedBy !== null && circle.named + circle.namedBy > 0;
  const summary = named
    ? `You are tied to ${counted(circle.size, 'person', 'people')}: you named ${count(circle.named)}, and ${counted(circle.namedBy!, 'person', 'people')} named you.`
    : `You are tied to ${counted(circle.size, 'person', 'people')}.`;
  const directed = named;
  const relations =
    circle.byRelation.length > 1 || directed
      ? html`<div class="table-wrap"><table>
<thead><tr><th scope="col">Kind of tie</th><th scope="col" class="num">People</th>${directed ? html`<th scope="col" class="num">You named</th><th scope="col" class="num">Named you</th>` : ''}</tr></thead>
<tbody>${circle.byRelation.map((r) => html`<tr><td>${r.relation}</td><td class="num">${count(r.people)}</td>${directed ? html`<td class="num">${count(r.named)}</td><td class="num">${count(r.namedBy)}</td>` : ''}</tr>`)}</tbody>
</table></div>`
      : '';
  return html`<p>${summary}</p>
${relations}
<ul class="circle">${circle.shown.map((e) => html`<li><span class="${e.named ? 'who' : 'who muted'}">${e.label}</span> <span class="muted">· ${e.relations.join(', ')}${e.direction !== null ? ` · ${e.direction}` : ''}</span></li>`)}</ul>
${circle.more > 0 ? html`<p class="muted">And ${counted(circle.more, 'more person', 'more people')}.</p>` : ''}`;
}
