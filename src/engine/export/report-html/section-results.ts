/**
 * Results and their curves, for a funder reading the report: each indicator's actuals, targets,
 * baseline and trend (labelled a trend) with the story behind the curve, the partners with a role
 * and whether they are in the group and tied to it, the leverage points nobody acts on, actions
 * that move an indicator the wrong way, the action plan and the commitments. People are named
 * only as consent allows (`ReportInput.personName`); organisations by name.
 */
import { html } from '../html/html-text.ts';
import type { IndicatorReport, ResultReport, ResultsReport } from '../../features/results/analyze-results.ts';
import type { LinkedName } from '../../features/results/link-names.ts';
import { CATEGORY_COLORS } from '../../report/palette.ts';
import { commitmentStatus, connectednessWords, indicatorSummary, sectorWords, trendWords, when } from '../../report/results-words.ts';
import { chartSvg, Plot } from './plot-svg.ts';
import { more, table, type ReportSection } from './section-kit.ts';
import { SECTION_ABOUT } from './section-catalogue.ts';

const day = (date: string): Date => new Date(`${date}T00:00:00Z`);

function curve(i: IndicatorReport): ReturnType<typeof chartSvg> {
  const actuals = i.points.filter((p) => p.actual !== undefined).map((p) => ({ date: day(p.date), value: p.actual! }));
  const targets = i.points.filter((p) => p.target !== undefined).map((p) => ({ date: day(p.date), value: p.target! }));
  const trend = i.trend ? [...i.trend.fitted, ...i.trend.forecast].map((p) => ({ date: day(p.date), value: p.value, series: 'trend of the actuals (not a prediction)' })) : [];
  return chartSvg(
    {
      width: 560,
      height: 240,
      marginLeft: 48,
      x: { type: 'utc', label: null },
      y: { label: i.id, grid: true, nice: true },
      color: { legend: true, domain: ['actual', 'target', 'trend of the actuals (not a prediction)'], range: [CATEGORY_COLORS[0]!, CATEGORY_COLORS[1]!, CATEGORY_COLORS[2]!] },
      marks: [
        ...(i.baseline !== null ? [Plot.ruleY([i.baseline], { stroke: '#777777', strokeDasharray: '2 3' })] : []),
        Plot.line(trend, { x: 'date', y: 'value', stroke: () => 'trend of the actuals (not a prediction)', strokeDasharray: '6 4' }),
        Plot.line(actuals, { x: 'date', y: 'value', stroke: () => 'actual', strokeWidth: 2 }),
        Plot.dot(actuals, { x: 'date', y: 'value', fill: () => 'actual', r: 3 }),
        Plot.dot(targets, { x: 'date', y: 'value', stroke: () => 'target', symbol: 'diamond', r: 5, strokeWidth: 2 }),
      ],
    },
    `${i.id}: actuals, targets and the trend of the actuals over time`,
  );
}

/** A person as consent allows, an organisation by name; null for someone who is out. */
type NameOf = (link: LinkedName) => string | null;

function resultBody(r: ResultReport, nameOf: NameOf, listLength: number) {
  // A map actor that is one of the project's people is named as consent allows.
  const partnerName = (p: ResultReport['partners'][number]): string | null => nameOf({ text: p.label, kind: null, id: null, label: p.label, actor: p.id, people: p.people });
  const partners = [...r.partners].filter((p) => partnerName(p) !== null).sort((a, b) => Number(a.inCohort) - Number(b.inCohort) || a.label.localeCompare(b.label, 'en', { numeric: true }));
  const labels = new Map(r.upstream.map((u) => [u.factor, u.label]));
  for (const i of r.indicators) if (i.factor && i.factorLabel) labels.set(i.factor, i.factorLabel);
  const yesNo = (v: boolean | null) => (v === null ? 'not known' : v ? 'yes' : 'no');
  const actions = r.actions.slice(0, listLength);
  return html`<h3>${r.id}</h3>
${r.condition || r.population ? html`<p class="lead">${r.condition}${r.population ? ` (${r.population})` : ''}</p>` : ''}
${r.flags.length > 0 ? html`<ul>${r.flags.map((f) => html`<li>${f}</li>`)}</ul>` : ''}
${r.indicators.map(
  (i) => html`<h4>${i.id}</h4><figure>${curve(i)}</figure><p>${indicatorSummary(i)} ${trendWords(i) ?? ''}</p>${i.story ? html`<p><strong>The story behind the curve:</strong> ${i.story}</p>` : ''}`,
)}
${partners.length > 0
  ? html`<h4>Partners with a role</h4><p>Who works on what the indicator measures, or on a factor upstream of it on the system map.</p>${table(
      ['Partner', 'Works on', 'In the group', 'Tied to it'],
      partners.slice(0, listLength).map((p) => [partnerName(p)!, p.factors.map((f) => labels.get(f) ?? f).join(', '), p.inCohort ? 'yes' : 'no', yesNo(p.tiedToCohort)]),
    )}${more(Math.min(listLength, partners.length), partners.length, 'partners')}`
  : ''}
${r.unactedLeverage.length > 0 ? html`<h4>Leverage points nobody acts on</h4><ul>${r.unactedLeverage.slice(0, listLength).map((l) => html`<li>${l.reason}</li>`)}</ul>` : ''}
${r.wrongDirection.length > 0 ? html`<h4>Actions that move the indicator the wrong way</h4><ul>${r.wrongDirection.map((a) => html`<li>${a.reason}</li>`)}</ul>` : ''}
${r.noPath.length > 0 ? html`<h4>Actions far from the result</h4><ul>${r.noPath.slice(0, listLength).map((a) => html`<li>${a.reason}</li>`)}</ul>` : ''}
${r.cohort.sectors || r.cohort.connectedness
  ? html`<h4>The group aligned to this result</h4>${r.cohort.sectors ? html`<p>${sectorWords(r.cohort.sectors)}</p>` : ''}${r.cohort.connectedness ? html`<p>${connectednessWords(r.cohort.connectedness)}</p>` : ''}`
  : ''}
${actions.length > 0
  ? html`<h4>Action plan</h4>${table(
      ['Action', 'By', 'Pushes', 'Status'],
      actions.map((a) => [
        a.id,
        a.by.flatMap((b) => nameOf(b) ?? []).join(', '),
        `${a.direction === 'increase' ? 'more' : 'less'} ${a.factorLabel ?? a.factorText ?? ''}`,
        `${a.status.replace('-', ' ')}${a.end ? `, to ${when(a.end)}` : ''}`,
      ]),
    )}${more(actions.length, r.actions.length, 'actions')}`
  : ''}`;
}

export const RESULTS: ReportSection = {
  ...SECTION_ABOUT.results,
  render({ input, options }) {
    const report: ResultsReport = input.results!;
    const nameOf: NameOf = (link) => {
      if (link.kind === 'organization' || input.personName === undefined) return link.label;
      const person = input.personName(link.kind === 'person' ? link.id : null, link.label);
      return person === undefined ? link.label : person;
    };
    const commitments = report.commitments.flatMap((c) => {
      const who = nameOf(c.who);
      return who === null ? [] : [[who, c.result, c.what, c.due ? when(c.due) : '', commitmentStatus(c)]];
    });
    return html`${report.results.map((r) => resultBody(r, nameOf, options.listLength))}
${commitments.length > 0 ? html`<h3>Commitments</h3>${table(['Who', 'Result', 'Committed to', 'By when', 'Status'], commitments)}` : ''}`;
  },
};
