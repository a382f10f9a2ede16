/**
 * The system map: its feedback loops read aloud, the leverage points with why each is one, and
 * the gaps no organisation works on. Only when the project holds a system map.
 */
import { html } from '../html/html-text.ts';
import { LOOP_KINDS, gapText, leverageReasons, loopChainText, loopCountsText, loopMeaning, mapCountsText } from '../../report/systemmap-words.ts';
import { more, table, type ReportSection } from './section-kit.ts';
import { SECTION_ABOUT } from './section-catalogue.ts';

export const SYSTEM_MAP: ReportSection = {
  ...SECTION_ABOUT.systemmap,
  render({ input, options }) {
    const report = input.systemMap!;
    const loops = report.loops.slice(0, options.listLength);
    const byId = new Map(report.factors.map((f) => [f.id, f]));
    const levers = report.summary.leveragePoints.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])).slice(0, options.listLength);
    return html`<p class="lead">${mapCountsText(report.map.factors, report.map.links, report.map.actors)} ${loopCountsText(report.summary)}</p>
${loops.length > 0 ? html`<h3>Feedback loops</h3>${table(['Loop', 'Kind', 'How it runs', 'What it does'], loops.map((l) => [l.id, LOOP_KINDS[l.type].phrase, loopChainText(l), loopMeaning(l)]))}${more(loops.length, report.loops.length, 'loops')}` : ''}
${levers.length > 0 ? html`<h3>Leverage points</h3><ul>${levers.map((f) => html`<li><strong>${f.label}</strong>: ${leverageReasons(f, report).join(' ')}</li>`)}</ul>` : ''}
${report.gaps.length > 0 ? html`<h3>Gaps no one works on</h3><ul>${report.gaps.slice(0, options.listLength).map((g) => html`<li><strong>${g.label}</strong>: ${gapText(g)}</li>`)}</ul>` : ''}`;
  },
};
