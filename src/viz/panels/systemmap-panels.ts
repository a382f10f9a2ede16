/**
 * System map panels: feedback loops read as sentences, leverage (MICMAC quadrants), who works
 * where (gaps, introductions), and editing with undo.
 */
import * as Plot from '@observablehq/plot';
import { accessibleChart } from '../components/chart.ts';
import { el, replace, select } from '../dom.ts';
import { formatNumber } from '../state/view-model.ts';
import type { SystemMapReport } from '../../engine/features/systemmap/analyze-systemmap.ts';
import type { SystemMap } from '../../engine/core/model/systemmap.ts';
import type { EditOperation } from '../../engine/features/systemmap/edit.ts';

export interface SystemMapPanelActions {
  highlightLoop: (factors: string[] | null) => void;
  selectFactor: (id: string | null) => void;
  edit: (operation: EditOperation) => void;
  undo: () => void;
  redo: () => void;
  undoLabel: string | undefined;
  redoLabel: string | undefined;
}

function glossary(report: SystemMapReport, key: string): string {
  return report.glossary[key]?.explanation ?? '';
}

export function renderLoops(target: HTMLElement, report: SystemMapReport, actions: SystemMapPanelActions, activeLoop: string | null): void {
  const s = report.summary;
  replace(
    target,
    el('h2', {}, 'Feedback loops'),
    el('p', {}, `${s.loops} loops: ${s.reinforcing} reinforcing (R), ${s.balancing} balancing (B).${s.loopsComplete ? '' : ' The search stopped at its limit: not every loop is listed.'}`),
    el('p', { class: 'explain' }, `${glossary(report, 'reinforcing')} ${glossary(report, 'balancing')}`),
    activeLoop ? el('button', { class: 'small', on: { click: () => actions.highlightLoop(null) } }, 'Show the whole map') : null,
    el(
      'ol',
      { class: 'insight-list loops' },
      ...report.loops.slice(0, 300).map((loop) =>
        el(
          'li',
          { class: loop.id === activeLoop ? 'active' : '' },
          el('button', { class: 'link', title: 'Highlight this loop on the map', on: { click: () => actions.highlightLoop(loop.factors) } }, `${loop.id} · ${loop.type === 'R' ? 'reinforcing' : 'balancing'} · ${loop.length} factors`),
          loop.uncertain ? el('span', { class: 'tag warn' }, 'a link sign is uncertain') : null,
          el('div', { class: 'explain' }, loop.sentence),
        ),
      ),
    ),
  );
}

export function renderLeverage(target: HTMLElement, report: SystemMapReport, actions: SystemMapPanelActions): void {
  const factors = report.factors;
  const split = report.settings.quadrantSplit;
  const chart = Plot.plot({
    width: 320,
    height: 300,
    grid: true,
    x: { label: 'dependence (is driven by) →' },
    y: { label: '↑ influence (drives)' },
    marks: [
      Plot.ruleX([split], { stroke: '#999' }),
      Plot.ruleY([split], { stroke: '#999' }),
      Plot.dot(factors, { x: 'indirectDependence', y: 'indirectInfluence', fill: '#0072B2', r: 4, title: 'label' }),
      Plot.text(factors.filter((f) => report.summary.leveragePoints.includes(f.id)), { x: 'indirectDependence', y: 'indirectInfluence', text: 'label', dy: -8, fontSize: 9 }),
    ],
    ariaLabel: 'Influence against dependence of every factor (MICMAC quadrants)',
  });
  accessibleChart(chart);
  const points = report.summary.leveragePoints.map((id) => factors.find((f) => f.id === id)!).filter(Boolean);
  replace(
    target,
    el('h2', {}, 'Leverage points'),
    el('p', { class: 'explain' }, 'Factors that drive much of the system and sit in its feedback loops: where effort may move the most. Driving factors (top left) influence many others; linkage factors (top right) also depend on many, so change there spreads but is unstable; dependent factors (bottom right) are outcomes; autonomous ones are loosely tied in.'),
    el('ol', {}, ...points.slice(0, 10).map((f) => el('li', {}, el('button', { class: 'link', on: { click: () => actions.selectFactor(f.id) } }, f.label), ` · ${f.quadrant} · in ${f.loops} loops`))),
    chart,
  );
}

export function renderActors(target: HTMLElement, report: SystemMapReport): void {
  replace(
    target,
    el('h2', {}, 'Who works where'),
    el('p', { class: 'explain' }, glossary(report, 'gap')),
    report.gaps.length === 0 ? el('p', {}, report.map.actors === 0 ? 'No organisations are linked to factors yet: import an actors file (organisation, factor).' : 'Every factor in a loop has someone working on it.') : el('ul', {}, ...report.gaps.map((g) => el('li', {}, el('strong', {}, g.label), el('div', { class: 'explain' }, g.reason)))),
    el('h3', {}, 'Introductions between organisations'),
    el('p', { class: 'explain' }, glossary(report, 'introduction')),
    report.introductions.length === 0 ? el('p', { class: 'muted' }, 'None found.') : el('ul', {}, ...report.introductions.slice(0, 50).map((i) => el('li', {}, `${i.labels[0]} ↔ ${i.labels[1]}`, el('div', { class: 'explain' }, i.reason)))),
    ...report.notes.map((n) => el('p', { class: 'muted' }, n)),
  );
}

export function renderEditor(target: HTMLElement, map: SystemMap, selected: string | null, actions: SystemMapPanelActions): void {
  const factorOptions = map.factors.map((f) => ({ value: f.id, label: f.label }));
  const newFactor = el('input', { type: 'text', placeholder: 'New factor, e.g. "Public support"', aria: { label: 'Name of a new factor' } });
  let from = selected ?? factorOptions[0]?.value ?? '';
  let to = factorOptions.find((f) => f.value !== from)?.value ?? '';
  let polarity: '+' | '-' = '+';
  const delay = el('input', { type: 'checkbox' });
  const factor = selected ? map.factors.find((f) => f.id === selected) : undefined;
  const rename = el('input', { type: 'text', value: factor?.label ?? '', aria: { label: 'Factor name' } });
  const links = factor ? map.links.filter((l) => l.from === factor.id || l.to === factor.id) : [];
  const labelOf = (id: string): string => map.factors.find((f) => f.id === id)?.label ?? id;
  replace(
    target,
    el('h2', {}, 'Edit the map'),
    el(
      'div',
      { class: 'row-actions' },
      el('button', { disabled: !actions.undoLabel, title: actions.undoLabel ? `Undo: ${actions.undoLabel}` : 'Nothing to undo', on: { click: actions.undo } }, 'Undo'),
      el('button', { disabled: !actions.redoLabel, title: actions.redoLabel ? `Redo: ${actions.redoLabel}` : 'Nothing to redo', on: { click: actions.redo } }, 'Redo'),
    ),
    el('h3', {}, 'Add a factor'),
    el('div', { class: 'row-actions' }, newFactor, el('button', { on: { click: () => newFactor.value.trim() && actions.edit({ kind: 'add-factor', factor: { label: newFactor.value.trim() } }) } }, 'Add')),
    factorOptions.length >= 1
      ? el(
          'div',
          {},
          el('h3', {}, 'Add a causal link'),
          el('label', {}, 'From ', select(factorOptions, from, (v) => (from = v), { aria: { label: 'Link from' } })),
          el('label', {}, ' to ', select(factorOptions, to, (v) => (to = v), { aria: { label: 'Link to' } })),
          el('label', {}, ' effect ', select([{ value: '+', label: '+ (more gives more)' }, { value: '-', label: '− (more gives less)' }], polarity, (v) => (polarity = v as '+' | '-'), { aria: { label: 'Link polarity' } })),
          el('label', { class: 'check' }, delay, ' with a delay'),
          el('button', { on: { click: () => from && to && actions.edit({ kind: 'add-link', link: { from, to, polarity, delay: delay.checked } }) } }, 'Add link'),
        )
      : null,
    factor
      ? el(
          'div',
          {},
          el('h3', {}, `Selected: ${factor.label}`),
          el('div', { class: 'row-actions' }, rename, el('button', { on: { click: () => rename.value.trim() && actions.edit({ kind: 'update-factor', id: factor.id, changes: { label: rename.value.trim() } }) } }, 'Rename')),
          el('ul', {}, ...links.map((l) => el('li', {}, `${labelOf(l.from)} ${l.polarity === '+' ? '+→' : '−→'} ${labelOf(l.to)} `, el('button', { class: 'small', on: { click: () => actions.edit({ kind: 'update-link', id: l.id, changes: { polarity: l.polarity === '+' ? '-' : '+' } }) } }, 'Flip sign'), ' ', el('button', { class: 'small danger', on: { click: () => actions.edit({ kind: 'delete-link', id: l.id }) } }, 'Delete')))),
          el('button', { class: 'danger', on: { click: () => actions.edit({ kind: 'delete-factor', id: factor.id }) } }, 'Delete this factor and its links'),
        )
      : el('p', { class: 'muted' }, 'Click a factor on the map to rename it, change or delete its links.'),
  );
}

export function factorMetricsLine(report: SystemMapReport, id: string): string {
  const f = report.factors.find((x) => x.id === id);
  return f ? `influences ${f.influence} · depends on ${f.dependence} · in ${f.loops} loops · bridging ${formatNumber(f.betweenness)} · ${f.quadrant}` : '';
}
