/**
 * People: who is at the edge and why, who bridges groups, which introductions to make, and how
 * fairly the groups of one attribute sit in the network. Each list is cut to the report's length
 * and says how many more there are.
 */
import { html, type Html } from '../html/html-text.ts';
import type { AttributeValue } from '../../core/model/records.ts';
import { count, share } from '../../report/readable.ts';
import { counted, listWords, plainReason } from '../../report/program-words.ts';
import { assortativitySentence, edgeNote, introductionKind, matrixSentences, mixingSentence, reasonsText, shareAcross } from '../../report/insight-words.ts';
import { chartSvg, Plot } from './plot-svg.ts';
import { SECTION_ABOUT } from './section-catalogue.ts';
import { figures, more, table, type ReportSection } from './section-kit.ts';

function valueText(value: AttributeValue): string {
  return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}

export const EDGE: ReportSection = {
  ...SECTION_ABOUT.edge,
  mentions: ({ input, options }) => (input.result.insights?.periphery ?? []).slice(0, Math.ceil(options.listLength / 2)).map((p) => p.id),
  render({ input, options, nameOf }) {
    const insights = input.result.insights!;
    const list = insights.periphery;
    const interests = new Set(insights.settings.matchAttributes);
    const shown = list.slice(0, options.listLength);
    const silent = list.filter((p) => p.nonRespondent).length;
    const rows = shown.map((p) => {
      const brings = Object.entries(p.brings).filter(([attribute]) => interests.has(attribute));
      return [
        nameOf(p.id) + (p.nonRespondent ? ' (did not answer)' : ''),
        plainReason(reasonsText(p.reasons)),
        brings.map(([attribute, value]) => `${attribute}: ${valueText(value)}`).join('; ') || '–',
      ];
    });
    const flagged = insights.equity?.groups.filter((g) => g.overRepresentedAtPeriphery) ?? [];
    return html`<p class="lead">${counted(list.length, 'person', 'people')} ${list.length === 1 ? 'is' : 'are'} at the edge of the network (${share(input.result.figures.nodes > 0 ? list.length / input.result.figures.nodes : 0)} of everyone)${silent > 0 ? html`; ${count(silent)} of them did not answer the survey and are known only from what others said` : ''}.</p>
${table(['Person', 'Why they are at the edge', 'What they bring'], rows)}
${more(shown.length, list.length, 'people at the edge')}
${flagged.length > 0 ? html`<h3>Groups over-represented at the edge</h3><ul>${flagged.map((g) => html`<li>${edgeNote(g)}</li>`)}</ul>` : ''}`;
  },
};

export const BROKERS: ReportSection = {
  ...SECTION_ABOUT.brokers,
  mentions: ({ input, options }) => (input.result.insights?.brokers ?? []).slice(0, Math.ceil(options.listLength / 2)).map((b) => b.id),
  render({ input, options, nameOf }) {
    const insights = input.result.insights!;
    const shown = insights.brokers.slice(0, options.listLength);
    const rows = shown.map((b) => [nameOf(b.id), plainReason(reasonsText(b.reasons)), b.groupsReached > 0 ? count(b.groupsReached) : '–']);
    const cut = insights.cutPoints.articulationPoints;
    const players = insights.keyPlayers.players;
    return html`${table(['Person', 'Why they bridge', 'Other groups they reach'], rows, [2])}
${more(shown.length, insights.brokers.length, 'people who bridge')}
${cut.length > 0 ? html`<h3>Who holds the network together</h3><p>If one of these people left, some others would lose every link to the rest: ${listWords(cut.slice(0, options.listLength).map((c) => `${nameOf(c.id)} (${counted(c.cutOff, 'person', 'people')} cut off)`))}${cut.length > options.listLength ? ` and ${count(cut.length - options.listLength)} more` : ''}.</p>` : ''}
${players.length > 0 ? html`<h3>Who to brief first</h3><p>The fewest people who together reach most of the network within two steps: ${listWords(players.slice(0, options.listLength).map((p) => nameOf(p.id)))}; together they reach ${share(players[Math.min(players.length, options.listLength) - 1]!.shareReached)} of everyone.</p>` : ''}`;
  },
};

export const INTRODUCTIONS: ReportSection = {
  ...SECTION_ABOUT.introductions,
  render({ input, options, nameOf }) {
    const list = input.result.introductions;
    const shown = list.slice(0, options.listLength);
    const kinds = new Map<string, number>();
    for (const s of list) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    const rows = shown.map((s) => [`${nameOf(s.source)} and ${nameOf(s.target)}`, introductionKind(s.kind).name, plainReason(reasonsText([s.reason]))]);
    return html`<p>${counted(list.length, 'introduction')} suggested: ${listWords([...kinds].map(([kind, n]) => `${count(n)} to ${introductionKind(kind).name.toLowerCase()}`))}.</p>
${table(['Who', 'What for', 'Why'], rows)}
${more(shown.length, list.length, 'introductions')}`;
  },
};

export const EQUITY: ReportSection = {
  ...SECTION_ABOUT.equity,
  render({ input }) {
    const equity = input.result.insights!.equity!;
    const attribute = equity.attribute;
    const rows = equity.groups.map((g) => [g.value, count(g.size), share(g.shareOfNetwork), share(g.shareOfCore), share(g.shareOfPeriphery), g.ei === null ? '–' : share(shareAcross(g.ei))]);
    const bars = equity.groups.flatMap((g) => [
      { group: g.value, kind: 'of everyone', share: g.shareOfNetwork },
      { group: g.value, kind: 'of the edge', share: g.shareOfPeriphery ?? 0 },
    ]);
    const chart: Html =
      equity.groups.length > 0 && equity.groups.length <= 20
        ? html`<figure>${chartSvg(
            {
              height: 60 + equity.groups.length * 46,
              marginLeft: 150,
              marginRight: 16,
              x: { label: 'Share (%) →', percent: true, grid: true },
              // Which bar is which is in the colour legend; the group names read on the left.
              y: { axis: null },
              fy: { label: null, axis: 'left' },
              color: { domain: ['of everyone', 'of the edge'], range: ['#0072B2', '#E69F00'], legend: true },
              marks: [Plot.barX(bars, { fy: 'group', y: 'kind', x: 'share', fill: 'kind' }), Plot.ruleX([0])],
            },
            `Each ${attribute}'s share of everyone and of the people at the edge`,
          )}<figcaption>A group whose bar for the edge is much longer than its bar for everyone is over-represented at the edge.</figcaption></figure>`
        : html``;
    return html`${figures([
      { value: count(equity.groups.length), name: `Values of ${attribute}` },
      { value: equity.ei === null ? '–' : share(shareAcross(equity.ei)), name: 'Ties that cross groups' },
      ...(equity.unknown > 0 ? [{ value: count(equity.unknown), name: `People with no ${attribute} (left out here)` }] : []),
    ])}
<p>${mixingSentence(equity.ei, attribute)} ${assortativitySentence(equity.assortativity, attribute)}</p>
${equity.notes.length > 0 ? html`<ul>${equity.notes.map((note) => html`<li>${plainReason(note)}</li>`)}</ul>` : ''}
${table([attribute, 'People', 'Share of everyone', 'Share of the core', 'Share of the edge', 'Their ties that cross groups'], rows, [1, 2, 3, 4, 5])}
${matrixSentences(equity.matrix, input.result.settings.directed).map((s) => html`<p>${s}</p>`)}
${chart}`;
  },
};
