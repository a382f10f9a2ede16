/**
 * What every section is built from: the section's shape as data, the context it renders in
 * (the input, the options, who may be named), and small pieces of markup they share (a table, a
 * row of figures).
 */
import { html, type Html, type HtmlValue } from '../html/html-text.ts';
import type { ReportHtmlOptions, ReportInput } from './report-input.ts';

export interface ReportContext {
  input: ReportInput;
  options: ReportHtmlOptions;
  /** A person's name as the report may write it ("a member" for those not to be named). */
  nameOf(id: string): string;
  /** Whether a person may be named (on the map, in lists). */
  nameable(id: string): boolean;
  /** The network map, drawn once the sections have said whom they talk about. */
  map(): Html;
}

/** What a section is and when the data holds it (section-catalogue.ts). */
export interface SectionAbout {
  /** What `--sections` and the app's dialog call it. */
  id: string;
  title: string;
  /** One line on what the section shows, under its title. */
  explanation: string;
  /** Whether the data holds what the section shows. */
  available(input: ReportInput): boolean;
}

export interface ReportSection extends SectionAbout {
  render(context: ReportContext): Html;
  /** People the section talks about by name, most important first (for the map's labels). */
  mentions?(context: ReportContext): string[];
}

/** A row of headline figures, each with its name and one line on what it means. */
export function figures(items: ReadonlyArray<{ value: string; name: string; explanation?: string }>): Html {
  return html`<ul class="figures">${items.map((f) => html`<li><strong>${f.value}</strong>${f.name}${f.explanation ? html`<span class="explain">${f.explanation}</span>` : ''}</li>`)}</ul>`;
}

/** A table that scrolls inside itself on a phone; `numeric` columns align right. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly HtmlValue[]>, numeric: readonly number[] = []): Html {
  const cls = (i: number): string | false => numeric.includes(i) && 'num';
  return html`<div class="table-wrap"><table><thead><tr>${headers.map((h, i) => html`<th class="${cls(i) || ''}">${h}</th>`)}</tr></thead><tbody>${rows.map(
    (row) => html`<tr>${row.map((cell, i) => html`<td class="${cls(i) || ''}">${cell}</td>`)}</tr>`,
  )}</tbody></table></div>`;
}

/** "and 12 more" under a list cut to the report's length. */
export function more(shown: number, total: number, noun: string): Html {
  return total > shown ? html`<p class="muted">…and ${(total - shown).toLocaleString('en')} more ${noun} (the app and the CSV export list them all).</p>` : html``;
}
