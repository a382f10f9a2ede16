/**
 * One person's profile: attributes, each metric in plain words with its percentile in this
 * network, and their ties by relation (each a link that selects that person).
 */
import { el, replace } from '../dom.ts';
import { attributeValues, formatNumber, labelOf, percentile, type ViewModel } from '../state/view-model.ts';
import { metricsFor } from '../../engine/analysis/metric-registry.ts';
import { resultContext } from '../../engine/report/build-report.ts';
import type { AppStore } from '../state/app-state.ts';

export function renderProfile(target: HTMLElement, vm: ViewModel, id: string, store: AppStore): void {
  const i = vm.indexOf.get(id);
  if (i === undefined) {
    replace(target, el('p', {}, 'This person is not in the current analysis.'));
    return;
  }
  const person = vm.personOf.get(id);
  const columns = vm.analysis.table.columns as unknown as Record<string, Float64Array>;
  const metrics = metricsFor('profile', resultContext(vm.analysis));
  const attributes = Object.entries(person?.attributes ?? {}).filter(([, v]) => attributeValues(v).length > 0);

  const ties = new Map<string, string[]>();
  const names = vm.analysis.relationNames;
  for (const tie of vm.project.dataset.ties) {
    if (!names.includes(tie.relation)) continue;
    let other: string | null = null;
    let arrow = '';
    if (tie.source === id) {
      other = tie.target;
      arrow = tie.directed ? '→ ' : '';
    } else if (tie.target === id) {
      other = tie.source;
      arrow = tie.directed ? '← ' : '';
    }
    if (other === null) continue;
    const list = ties.get(tie.relation) ?? [];
    list.push(`${arrow}${other}`);
    ties.set(tie.relation, list);
  }
  const community = columns.community![i]!;
  replace(
    target,
    el('h2', {}, labelOf(vm, id)),
    el('p', { class: 'muted' }, `Group ${community + 1}${!person || person.attributes.responded === false ? ' · did not answer the survey: known only from others\' answers' : ''}`),
    attributes.length > 0
      ? el('dl', { class: 'attributes' }, ...attributes.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, attributeValues(v).join(', '))]))
      : el('p', { class: 'muted' }, 'No attributes recorded.'),
    el('h3', {}, 'Position in the network'),
    el(
      'table',
      { class: 'metrics' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Measure'), el('th', {}, 'Value'), el('th', {}, 'Percentile'))),
      el(
        'tbody',
        {},
        ...metrics.map((m) => {
          const value = columns[m.id]![i]!;
          const p = percentile(columns[m.id]!, value);
          return el(
            'tr',
            {},
            el('td', {}, el('div', {}, m.label), el('div', { class: 'explain' }, m.explanation)),
            el('td', { class: 'num' }, formatNumber(value)),
            el('td', { class: 'num' }, el('span', { class: 'bar', style: { width: `${p}%` } }), `${Math.round(p)}`),
          );
        }),
      ),
    ),
    el('h3', {}, 'Ties'),
    ties.size === 0
      ? el('p', {}, 'No ties in the chosen relations: a person to reach out to.')
      : el(
          'div',
          {},
          ...[...ties].map(([relation, others]) =>
            el(
              'div',
              { class: 'tie-group' },
              el('h4', {}, `${relation} (${others.length})`),
              el(
                'ul',
                { class: 'tie-list' },
                ...others.map((entry) => {
                  const arrow = entry.startsWith('→ ') || entry.startsWith('← ') ? entry.slice(0, 2) : '';
                  const other = entry.slice(arrow.length);
                  return el('li', {}, arrow, el('button', { class: 'link', on: { click: () => store.set({ selected: other }) } }, labelOf(vm, other)));
                }),
              ),
            ),
          ),
        ),
  );
}
