/**
 * One member's page: the weaver's note at the top, their circle, where they sit in plain words,
 * introductions suggested for them, the rare skills they hold, and what the page is and who made
 * it. Self-contained (page.ts: no script, nothing loaded); every label is text, never markup.
 */
import { html, type Html } from '../html/html-text.ts';
import { htmlPage } from '../html/page.ts';
import { circleHtml, circleOf } from './circle.ts';
import type { MemberView } from './member-view.ts';
import type { ResolvedPacketOptions } from './packet-options.ts';
import { introductionsFor, type PacketIntroduction } from './packet-introductions.ts';
import { positionLines } from './position-words.ts';
import { rareSkillWords, type RareSkill } from './rare-skills.ts';
import type { AnySuggestion } from '../../features/skills/merge-suggestions.ts';

/** What every page of one run shares, made once. */
export interface PacketContext {
  view: MemberView;
  introductions: readonly AnySuggestion[];
  rareSkills: ReadonlyMap<string, RareSkill[]>;
  options: ResolvedPacketOptions;
}

/** Packets are one short page: no page break between their sections. */
export const PACKET_CSS = `
.packet-section h2 { font-size: 1.25rem; margin-top: 1.75rem; }
ul.circle { columns: 2 16rem; padding-left: 1.2rem; }
ul.circle li { break-inside: avoid; }
ul.position li, ul.introductions li { margin-bottom: .4rem; }
footer { margin-top: 2.5rem; font-size: .92rem; }
@media print { .packet-section h2 { margin-top: 1rem; } }
`;

/** The weaver's note, as written: text only, line breaks kept (the `.note` style keeps them). */
export function noteHtml(note: string | undefined): Html | '' {
  const text = (note ?? '').replace(/\r\n?/g, '\n').trim();
  return text === '' ? '' : html`<div class="note">${text}</div>`;
}

function introductionsHtml(list: readonly PacketIntroduction[]): Html | '' {
  if (list.length === 0) return '';
  return html`<section class="packet-section"><h2>Introductions to consider</h2>
<p class="explain">People you may like to meet, and why. Your network weaver can help make the introduction.</p>
<ul class="introductions">${list.map((i) => html`<li><strong>${i.other}</strong>: ${i.reason}</li>`)}</ul></section>`;
}

function rareSkillsHtml(list: readonly RareSkill[]): Html | '' {
  if (list.length === 0) return '';
  return html`<section class="packet-section"><h2>Skills few others have</h2>
<p class="explain">Skills you hold that few people in this network do: others may come looking for you.</p>
<ul>${list.map((r) => html`<li><strong>${r.skill}</strong>: ${rareSkillWords(r)}.</li>`)}</ul></section>`;
}

function aboutHtml(options: ResolvedPacketOptions): Html {
  return html`<footer class="packet-section"><h2>About this page</h2>
<p>A short page about your place in the ${options.networkName} network, made for you by ${options.madeBy} with netweave${options.date ? ` on ${options.date}` : ''}. It comes from the network map: the ties people reported and, where recorded, who met at convenings and in mentorships.</p>
<p class="muted">Only people who agreed to be named are named here; others appear as “a member”. Nothing here is a score: every place in a network has something to offer, and the map changes as people meet.</p>
</footer>`;
}

/** The page of the person at index `v` (who must be named: checked by the caller). */
export function packetPage(context: PacketContext, v: number): string {
  const { view, options } = context;
  const name = view.shownLabel[v]!;
  const introductions = introductionsFor(view, context.introductions, v, options.introductionLimit);
  const lines = positionLines(view, v, { introductions: introductions.length });
  const body = html`<header>
<p class="muted">${options.networkName}</p>
<h1>${name}: your place in the network</h1>
${noteHtml(options.note)}
</header>
<section class="packet-section"><h2>Your circle</h2>
${circleHtml(circleOf(view, v, options.circleLimit))}
</section>
<section class="packet-section"><h2>Where you sit</h2>
<ul class="position">${lines.map((line) => html`<li>${line}</li>`)}</ul>
</section>
${introductionsHtml(introductions)}
${rareSkillsHtml(context.rareSkills.get(view.ids[v]!) ?? [])}
${aboutHtml(options)}`;
  return htmlPage({ title: `${name}: your place in the network`, body, css: PACKET_CSS });
}
