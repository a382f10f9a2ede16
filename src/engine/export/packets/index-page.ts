/**
 * index.html, for the weaver: which file goes to whom. It lists only people who agreed to be
 * named (the same names their packets carry) and only counts the others, so it says nothing a
 * packet could not; it is for the weaver, who sends each person their own page, not the zip.
 */
import { html } from '../html/html-text.ts';
import { htmlPage } from '../html/page.ts';
import { counted } from '../../report/program-words.ts';
import { noteHtml, PACKET_CSS } from './packet-page.ts';
import type { ResolvedPacketOptions } from './packet-options.ts';

export interface IndexEntry {
  label: string;
  file: string;
}

export interface PacketsSkipped {
  /** Members counted but not named: no packet, since a packet is addressed to a named person. */
  unnamed: number;
  /** Members left out before anything was computed. */
  leftOut: number;
}

export function indexPage(entries: readonly IndexEntry[], skipped: PacketsSkipped, options: ResolvedPacketOptions): string {
  const none: string[] = [];
  if (skipped.unnamed > 0) none.push(`${counted(skipped.unnamed, 'member', 'members')} not to be named`);
  if (skipped.leftOut > 0) none.push(`${counted(skipped.leftOut, 'member', 'members')} left out`);
  const body = html`<h1>Member packets: ${options.networkName}</h1>
<p class="lead">${counted(entries.length, 'packet', 'packets')}, one page per member who agreed to be named. Send each person only their own page.</p>
${none.length > 0 ? html`<p>No packet for ${none.join(' and ')}: their wish is kept on every page, where they appear only as “a member” or not at all.</p>` : ''}
${noteHtml(options.note)}
<ul>${entries.map((e) => html`<li><a href="${e.file}">${e.label}</a> <span class="muted">· ${e.file}</span></li>`)}</ul>
<p class="muted">Made by ${options.madeBy} with netweave${options.date ? ` on ${options.date}` : ''}.</p>`;
  return htmlPage({ title: `Member packets: ${options.networkName}`, body, css: PACKET_CSS });
}
