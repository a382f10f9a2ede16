/**
 * Network health: the headline figures, each with a sentence on what it means for a
 * coalition, and the degree distribution as a chart.
 */
import * as Plot from '@observablehq/plot';
import { el, replace } from '../dom.ts';
import { formatNumber, type ViewModel } from '../state/view-model.ts';
import { SUMMARY_GLOSSARY } from '../../engine/report/glossary.ts';
import { histogram } from './histogram.ts';

function figure(key: string, value: string): HTMLElement {
  const info = SUMMARY_GLOSSARY[key]!;
  return el('div', { class: 'figure' }, el('div', { class: 'figure-value' }, value), el('div', { class: 'figure-name' }, info.name), el('p', { class: 'explain' }, info.explanation));
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

export function degreeChart(vm: ViewModel): Element {
  const bins = histogram(vm.analysis.table.columns.degree, { bins: 20, integers: true });
  return Plot.plot({
    height: 180,
    width: 320,
    marginLeft: 40,
    x: { label: 'connections per person', round: true },
    y: { label: 'people', grid: true },
    marks: [Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'count', fill: '#0072B2', inset: 0.5 }), Plot.ruleY([0])],
    ariaLabel: 'Degree distribution: how many people have each number of connections',
  });
}

export function renderSummary(target: HTMLElement, vm: ViewModel): void {
  const f = vm.analysis.figures;
  const isolates = f.isolates;
  const figures = [
    figure('nodes', formatNumber(f.nodes)),
    figure('edges', formatNumber(f.edges)),
    figure('density', pct(f.density)),
    figure('components', formatNumber(f.components)),
    figure('largestComponentShare', pct(f.nodes > 0 ? f.largestComponentSize / f.nodes : 0)),
    figure('averagePathLength', formatNumber(f.averagePathLength, 3)),
    figure('transitivity', pct(f.transitivity)),
    ...(f.reciprocity !== null ? [figure('reciprocity', pct(f.reciprocity))] : []),
    figure('modularity', formatNumber(f.modularity, 2)),
    figure('communities', formatNumber(f.communities)),
  ];
  const readings: string[] = [];
  const approx = f.approximation;
  if (approx) readings.push(`Estimated: bridging, closeness and reach come from ${approx.samples.toLocaleString('en')} sampled people; with ${Math.round((1 - approx.delta) * 100)}% confidence each bridging value is within ${approx.epsilon.toFixed(3)} of the exact one.`);
  if (isolates > 0) readings.push(`${isolates} ${isolates === 1 ? 'person has' : 'people have'} no ties in the chosen relations: the first people to engage.`);
  if (f.components > 1) readings.push(`The network falls into ${f.components} separate parts; ${pct(f.largestComponentSize / f.nodes)} of people are in the largest.`);
  if (f.modularity > 0.4) readings.push('Groups are quite separate (modularity above 0.4): people who bridge them matter.');
  const settings = vm.analysis.settings;
  replace(
    target,
    el('h2', {}, 'Network health'),
    el('p', { class: 'muted' }, `Relations: ${settings.relations.join(', ') || 'none'} · ${settings.directed ? 'directed' : 'undirected'} · ${settings.weight === 'none' ? 'unweighted' : `weights read as ${settings.weight}`}`),
    readings.length > 0 ? el('ul', { class: 'readings' }, ...readings.map((r) => el('li', {}, r))) : null,
    el('div', { class: 'figures' }, ...figures),
    vm.analysis.reciprocity.length > 1
      ? el(
          'div',
          {},
          el('h3', {}, 'Two-way ties by question'),
          el('p', { class: 'explain' }, 'Of the people named in each question, the share who named the respondent back.'),
          el('ul', {}, ...vm.analysis.reciprocity.map((r) => el('li', {}, `${r.relation}${r.wave ? ` (${r.wave})` : ''}: ${Math.round(r.reciprocity * 100)}% of ${r.ties.toLocaleString('en')}`))),
        )
      : null,
    el('h3', {}, 'Connections per person'),
    el('p', { class: 'explain' }, 'Most networks have many people with few ties and a few with many. A long tail to the right means a few hubs hold the network together.'),
    degreeChart(vm),
    vm.analysis.warnings.length > 0 ? el('ul', { class: 'warnings' }, ...vm.analysis.warnings.map((w) => el('li', {}, w.message))) : null,
  );
}
