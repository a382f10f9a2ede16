/**
 * The network as a whole: its health in plain words with the spread of contacts, the map, and
 * the groups with what they are made of.
 */
import { html } from '../html/html-text.ts';
import { SUMMARY_GLOSSARY } from '../../report/glossary.ts';
import { boundWords, count, share } from '../../report/readable.ts';
import { average, counted, listWords } from '../../report/program-words.ts';
import { coreFit } from '../../report/insight-words.ts';
import { chartSvg, Plot } from './plot-svg.ts';
import { SECTION_ABOUT } from './section-catalogue.ts';
import { figures, table, more, type ReportSection } from './section-kit.ts';

const term = (key: string): { name: string; explanation: string } => SUMMARY_GLOSSARY[key]!;

export const HEALTH: ReportSection = {
  ...SECTION_ABOUT.health,
  render({ input }) {
    const f = input.result.figures;
    const insights = input.result.insights;
    const fit = insights ? coreFit(insights.corePeriphery.continuous.fit) : null;
    const cut = insights?.cutPoints.articulationPoints.length ?? 0;
    const parts = f.components === 1 ? 'Everyone can reach everyone else through the ties.' : `The network falls into ${count(f.components)} separate parts: ${share(f.nodes > 0 ? f.largestComponentSize / f.nodes : 0)} of people are in the largest.`;
    const degree = Array.from(input.result.table.columns.degree);
    const chart = chartSvg(
      {
        height: 220,
        marginLeft: 48,
        x: { label: 'Contacts per person →' },
        y: { label: '↑ People', grid: true },
        marks: [Plot.rectY(degree, { ...Plot.binX({ y: 'count' }, { x: (d: number) => d }), fill: '#0072B2', inset: 0.5 }), Plot.ruleY([0])],
      },
      'How many contacts people have: a bar per range of contacts, its height the number of people',
    );
    return html`<p class="lead">${counted(f.nodes, 'person', 'people')} and ${counted(f.edges, 'tie')}, in ${counted(f.communities, 'group')}. ${parts}</p>
${figures([
  { value: count(f.nodes), name: term('nodes').name, explanation: term('nodes').explanation },
  { value: count(f.edges), name: term('edges').name, explanation: term('edges').explanation },
  { value: count(f.components), name: term('components').name, explanation: term('components').explanation },
  { value: share(f.nodes > 0 ? f.largestComponentSize / f.nodes : 0), name: term('largestComponentShare').name, explanation: term('largestComponentShare').explanation },
  { value: average(f.averagePathLength), name: term('averagePathLength').name, explanation: term('averagePathLength').explanation },
  { value: share(f.density), name: term('density').name, explanation: term('density').explanation },
  { value: share(f.transitivity), name: term('transitivity').name, explanation: term('transitivity').explanation },
  { value: share(f.modularity), name: term('modularity').name, explanation: term('modularity').explanation },
  ...(f.reciprocity !== null ? [{ value: share(f.reciprocity), name: term('reciprocity').name, explanation: term('reciprocity').explanation }] : []),
])}
${fit ? html`<p><strong>A core and an edge: ${fit.headline.toLowerCase()}.</strong> ${fit.sentence}</p>` : ''}
${cut > 0 ? html`<p><strong>${counted(cut, 'person', 'people')} ${cut === 1 ? 'holds' : 'hold'} the network together:</strong> if one of them left, some people would lose every link to the rest.</p>` : ''}
${f.approximation ? html`<p class="muted">This network is large, so how people bridge and reach others was estimated from a sample${f.betweennessBound ? ` (bridging ${boundWords(f.betweennessBound)})` : ''}.</p>` : ''}
<figure>${chart}<figcaption>Contacts per person: most networks have many people with a few contacts and a few with many.</figcaption></figure>`;
  },
};

export const MAP: ReportSection = {
  ...SECTION_ABOUT.map,
  render: (context) => context.map(),
};

export const GROUPS: ReportSection = {
  ...SECTION_ABOUT.groups,
  render({ input, options }) {
    const groups = input.result.communities;
    const people = input.result.figures.nodes;
    const shown = groups.slice(0, options.listLength);
    const rows = shown.map((g) => {
      const ties = g.internalEdges + g.externalEdges;
      const traits = Object.entries(g.topAttributes)
        .filter(([, values]) => values.length > 0)
        .slice(0, 3)
        .map(([attribute, values]) => `${attribute}: ${listWords(values.map((v) => `${v.value} ${count(v.count)}`))}`);
      return [g.name, count(g.size), share(people > 0 ? g.size / people : 0), ties > 0 ? share(g.internalEdges / ties) : '–', traits.join('; ') || '–'];
    });
    return html`<p>${counted(groups.length, 'group')}; the largest holds ${share(people > 0 ? (groups[0]?.size ?? 0) / people : 0)} of everyone.</p>
${table(['Group', 'People', 'Share of everyone', 'Ties kept inside', 'Most members share'], rows, [1, 2, 3])}
<p class="explain">"Ties kept inside" is the share of the group's ties that stay among its members: high values mean the group may work apart from the rest.</p>
${more(shown.length, groups.length, 'groups')}`;
  },
};
