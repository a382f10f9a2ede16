/**
 * The self-contained HTML report: one analysis (and the project's system map, if any) as one
 * file a weaver can send on, open offline and print. Pure but for the layout's progress: the same
 * input and options always give the same text.
 */
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { VERSION } from '../../core/util/version.ts';
import { UNNAMED_LABEL } from '../../features/sharing/consent.ts';
import { count } from '../../report/readable.ts';
import { html, type Html } from '../html/html-text.ts';
import { htmlPage } from '../html/page.ts';
import { networkMap } from './network-map.ts';
import { reportOptions, type ReportHtmlOptions, type ReportInput } from './report-input.ts';
import { reportPositions } from './report-positions.ts';
import type { ReportContext, ReportSection } from './section-kit.ts';
import { chosenSections } from './sections.ts';

/** The report's own styles, added after the page's shared ones. */
const REPORT_CSS = `
.intro p { white-space: pre-line; }
/* Words in a table break only when they cannot fit, so columns are not squeezed letter by letter. */
table { overflow-wrap: normal; }
th, td { overflow-wrap: break-word; }
.consent { background: var(--panel); border-left: 4px solid var(--accent); padding: .6rem 1rem; }
nav.contents ol { padding-left: 1.4rem; columns: 2 16rem; column-gap: 2.5rem; }
.figures .explain { display: block; font-size: .8rem; margin-top: .2rem; }
.network-map > svg { display: block; width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 6px; }
.map-legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .9rem; }
.map-legend .swatch { vertical-align: -1px; margin-right: .3rem; }
footer { margin-top: 3rem; font-size: .85rem; }
@media print {
  nav.contents { break-after: page; }
  .network-map > svg { border: none; max-height: 190mm; }
}
`;

/** The weaver's introduction: blank lines separate paragraphs, single line breaks are kept. */
function introduction(text: string): Html {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  return paragraphs.length > 0 ? html`<div class="intro">${paragraphs.map((p) => html`<p>${p}</p>`)}</div>` : html``;
}

/** What consent did, in the report's opening: who is left out, who is counted but not named. */
export function consentText(sharing: ReportInput['sharing']): string | null {
  if (!sharing) return null;
  const parts: string[] = [];
  if (sharing.leftOut > 0) parts.push(`${count(sharing.leftOut)} ${sharing.leftOut === 1 ? 'member asked' : 'members asked'} not to be included and ${sharing.leftOut === 1 ? 'is' : 'are'} left out of every figure`);
  if (sharing.unnamed > 0) parts.push(`${count(sharing.unnamed)} ${sharing.unnamed === 1 ? 'is' : 'are'} counted but not named ("${UNNAMED_LABEL}")`);
  if (sharing.pseudonymised) parts.push(`${parts.length > 0 ? 'everyone else' : 'everyone'} is shown by a code instead of their name`);
  if (parts.length === 0) return 'Everyone in this report agreed to be named.';
  const text = parts.join('; ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/**
 * The report as the text of one HTML file. `hooks` hears the layout's progress (when there are
 * no stored positions) and may cancel it.
 */
export function renderReport(input: ReportInput, options: Partial<ReportHtmlOptions> = {}, hooks?: RunHooks): string {
  const settings = reportOptions(options);
  const sections = chosenSections(input, settings.sections);
  const labels = new Map(input.dataset.people.map((p) => [p.id, p.label]));
  const unnamed = input.unnamed ?? new Set(input.dataset.people.filter((p) => p.label === UNNAMED_LABEL).map((p) => p.id));
  const nameable = (id: string): boolean => !unnamed.has(id) && labels.get(id) !== UNNAMED_LABEL;
  const nameOf = (id: string): string => (nameable(id) ? labels.get(id) || id : UNNAMED_LABEL);

  const context: ReportContext = {
    input,
    options: settings,
    nameOf,
    nameable,
    map: () => {
      const xy = reportPositions(input, settings, hooks);
      const seen = new Set<string>();
      const labelled = sections
        .flatMap((s) => s.mentions?.(context) ?? [])
        .filter((id) => nameable(id) && !seen.has(id) && seen.add(id) !== undefined)
        .slice(0, settings.mapLabels)
        .map((id) => ({ id, label: nameOf(id) }));
      return networkMap(input.result, { xy, labelled, tieBudget: settings.mapTies });
    },
  };

  const rendered = sections.map((section, i) => {
    checkCancelled(hooks);
    hooks?.onProgress?.('report', i / sections.length);
    return renderSection(section, context);
  });
  hooks?.onProgress?.('report', 1);
  const consent = consentText(input.sharing);
  const body = html`<header>
<h1>${settings.title}</h1>
${introduction(settings.intro)}
${consent !== null ? html`<p class="consent">${consent}</p>` : ''}
</header>
${sections.length > 1 ? html`<nav class="contents" aria-label="Contents"><h2>Contents</h2><ol>${sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`)}</ol></nav>` : ''}
${rendered}
<footer class="muted"><p>Made with netweave ${VERSION} from ${input.result.dataset.name}: ${count(input.result.figures.nodes)} people and ${count(input.result.figures.edges)} ties, as people reported them. Figures are shares, counts and bands (such as "top 10%") so that no one is reduced to a score.</p></footer>`;
  return htmlPage({ title: settings.title, body, css: REPORT_CSS });
}

function renderSection(section: ReportSection, context: ReportContext): Html {
  return html`<section class="report-section" id="${section.id}" aria-labelledby="${section.id}-title">
<h2 id="${section.id}-title">${section.title}</h2>
<p class="explain">${section.explanation}</p>
${section.render(context)}
</section>`;
}
