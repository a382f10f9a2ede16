/**
 * The left panel: which relations to analyse and how, what to size and colour people by, a
 * search box, and filters. Everything here is display or analysis settings, never data.
 */
import { el, replace, select } from '../dom.ts';
import { labelOf, type ViewModel } from '../state/view-model.ts';
import type { AppStore } from '../state/app-state.ts';
import type { ProjectSettings } from '../../engine/core/model/project.ts';
import { sizeMetrics } from '../map/encodings.ts';
import { tieSummaryOf } from '../../engine/core/model/tie-summary.ts';

export interface SidePanelActions {
  reanalyse: (settings: Partial<ProjectSettings>) => void;
}

export function renderSidePanel(target: HTMLElement, vm: ViewModel, store: AppStore, actions: SidePanelActions): void {
  const state = store.get();
  const settings = vm.project.settings;
  const ties = tieSummaryOf(vm.project.dataset);
  const allRelations = [...ties.relations.keys()];
  const chosen = new Set(vm.analysis.settings.relations);

  const relationBoxes = allRelations.map((name) => {
    const box = el('input', { type: 'checkbox' });
    box.checked = chosen.has(name);
    box.addEventListener('change', () => {
      const next = allRelations.filter((r) => (r === name ? box.checked : chosen.has(r)));
      if (next.length === 0) {
        box.checked = true;
        return;
      }
      actions.reanalyse({ relations: next });
    });
    const count = ties.relations.get(name) ?? 0;
    return el('label', { class: 'check' }, box, ` ${name} `, el('span', { class: 'muted' }, `(${count})`));
  });

  const sizeOptions = sizeMetrics(vm).map((m) => ({ value: m.id, label: m.label }));
  const colorOptions = [
    { value: 'community', label: 'Group (community)' },
    ...vm.categorical.map((c) => ({ value: `attr:${c.key}`, label: c.key })),
    ...(vm.analysis.skills?.skills.coverage ?? []).slice(0, 30).map((c) => ({ value: `skill:${c.skill}`, label: `holds: ${c.skill}` })),
    ...sizeOptions,
  ];

  // Search: matches appear as buttons; Enter picks the first. Every match is highlighted on the
  // map (the store's `highlight`), until the box is cleared.
  const results = el('ul', { class: 'search-results', role: 'listbox', aria: { label: 'Matching people' } });
  const search = el('input', { type: 'search', placeholder: 'Find a person…', aria: { label: 'Find a person by name' } });
  let searchHighlight: string[] | null = null;
  const matching = (): string[] => {
    const q = search.value.trim().toLowerCase();
    return q ? vm.ids.filter((id) => labelOf(vm, id).toLowerCase().includes(q)) : [];
  };
  const highlightMatches = (matches: string[]): void => {
    const next = matches.length > 0 ? matches : null;
    // The map's highlight is the search's own, or nobody's: a list panel's highlight stays.
    if (next !== null || store.get().highlight === searchHighlight) {
      searchHighlight = next;
      store.set({ highlight: next });
    }
  };
  const runSearch = (): string[] => {
    const matches = matching();
    if (!search.value.trim()) {
      replace(results);
      return [];
    }
    const hits = matches.slice(0, 8);
    replace(results, ...hits.map((id) => el('li', {}, el('button', { class: 'link', on: { click: () => store.set({ selected: id }) } }, labelOf(vm, id)))), hits.length === 0 ? el('li', { class: 'muted' }, 'No one matches.') : null);
    return hits;
  };
  // The map (a full redraw on a big one) follows when the typing pauses.
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    runSearch();
    clearTimeout(typing);
    typing = setTimeout(() => highlightMatches(matching()), 150);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      clearTimeout(typing);
      highlightMatches(matching());
      const first = runSearch()[0];
      if (first) store.set({ selected: first });
    }
  });

  const filters = state.filters;
  const attributeFilters = vm.categorical.slice(0, 6).map((c) => {
    const keep = new Set(filters.attributes[c.key] ?? []);
    return el(
      'details',
      { class: 'filter' },
      el('summary', {}, `${c.key}${keep.size > 0 ? ` (${keep.size} chosen)` : ''}`),
      ...c.values.slice(0, 25).map((value) => {
        const box = el('input', { type: 'checkbox' });
        box.checked = keep.has(value);
        box.addEventListener('change', () => {
          const next = new Set(keep);
          if (box.checked) next.add(value);
          else next.delete(value);
          store.set({ filters: { ...store.get().filters, attributes: { ...store.get().filters.attributes, [c.key]: [...next] } } });
        });
        return el('label', { class: 'check' }, box, ` ${value}`);
      }),
    );
  });

  const layerBoxes = vm.analysis.relationNames.length > 1
    ? vm.analysis.relationNames.map((name) => {
        const box = el('input', { type: 'checkbox' });
        box.checked = !filters.hiddenRelations.includes(name);
        box.addEventListener('change', () => {
          const hidden = new Set(store.get().filters.hiddenRelations);
          if (box.checked) hidden.delete(name);
          else hidden.add(name);
          store.set({ filters: { ...store.get().filters, hiddenRelations: [...hidden] } });
        });
        return el('label', { class: 'check' }, box, ` ${name}`);
      })
    : [];

  const range = filters.range;
  const rangeMetric = range?.metric ?? 'degree';
  const rangeMin = el('input', { type: 'number', value: range ? String(range.min) : '', placeholder: 'min', aria: { label: 'Minimum value' } });
  const rangeMax = el('input', { type: 'number', value: range ? String(range.max) : '', placeholder: 'max', aria: { label: 'Maximum value' } });
  let metricChoice = rangeMetric;
  const applyRange = (): void => {
    const min = rangeMin.value === '' ? -Infinity : Number(rangeMin.value);
    const max = rangeMax.value === '' ? Infinity : Number(rangeMax.value);
    const next = min === -Infinity && max === Infinity ? null : { metric: metricChoice, min, max };
    store.set({ filters: { ...store.get().filters, range: next } });
  };
  rangeMin.addEventListener('change', applyRange);
  rangeMax.addEventListener('change', applyRange);
  const activeFilters = Object.values(filters.attributes).some((v) => v.length > 0) || filters.hiddenRelations.length > 0 || filters.range !== null;

  replace(
    target,
    el('h2', {}, 'Find'),
    search,
    results,
    el('h2', {}, 'Analyse'),
    el('fieldset', {}, el('legend', {}, 'Relations to include'), ...relationBoxes),
    waveSelect(vm, settings, actions),
    el('label', {}, 'Direction: ', select([{ value: 'auto', label: 'as in the data' }, { value: 'directed', label: 'directed' }, { value: 'undirected', label: 'undirected' }], settings.direction, (v) => actions.reanalyse({ direction: v as ProjectSettings['direction'] }), { aria: { label: 'Direction of ties' } })),
    el('label', {}, 'Weights: ', select([{ value: 'none', label: 'ignore (every tie counts the same)' }, { value: 'strength', label: 'higher = closer tie' }, { value: 'distance', label: 'higher = further apart' }], settings.weighting, (v) => actions.reanalyse({ weighting: v as ProjectSettings['weighting'] }), { aria: { label: 'How to read tie weights' } })),
    (() => {
      const input = el('input', { type: 'number', value: String(settings.approximateAbove), aria: { label: 'Estimate path measures above this many people' } });
      input.min = '0';
      input.addEventListener('change', () => {
        const n = Math.floor(Number(input.value));
        if (Number.isFinite(n) && n >= 0) actions.reanalyse({ approximateAbove: n });
      });
      return el('label', { title: 'On very large networks, bridging, closeness and reach are estimated from a sample of people, with the error bound shown in the summary.' }, 'Estimate bridging above ', input, ' people');
    })(),
    el('h2', {}, 'Show'),
    el('label', {}, 'Size by: ', select(sizeOptions, state.sizeBy, (v) => store.set({ sizeBy: v }), { aria: { label: 'Size people by' } })),
    el('label', {}, 'Colour by: ', select(colorOptions, state.colorBy, (v) => store.set({ colorBy: v }), { aria: { label: 'Colour people by' } })),
    el('h2', {}, 'Filter'),
    ...attributeFilters,
    layerBoxes.length > 0 ? el('fieldset', {}, el('legend', {}, 'Relation layers shown'), ...layerBoxes) : null,
    el(
      'fieldset',
      {},
      el('legend', {}, 'Metric range'),
      select(sizeOptions.concat([{ value: 'community', label: 'Group number' }]), rangeMetric, (v) => { metricChoice = v; applyRange(); }, { aria: { label: 'Metric to filter by' } }),
      el('div', { class: 'range' }, rangeMin, '–', rangeMax),
    ),
    activeFilters ? el('button', { on: { click: () => store.set({ filters: { attributes: {}, hiddenRelations: [], range: null } }) } }, 'Clear filters') : null,
  );
}

/**
 * With survey waves, one wave at a time: the map keeps everyone where they were (the layout is
 * saved per person), so ties appearing and disappearing between waves stand out.
 */
function waveSelect(vm: ViewModel, settings: ProjectSettings, actions: SidePanelActions): HTMLElement | null {
  const waves = tieSummaryOf(vm.project.dataset).waves;
  if (waves.length < 2) return null;
  return el(
    'label',
    { title: 'Show one survey round; people stay in place so you can see which ties came and went.' },
    'Wave: ',
    select([{ value: '', label: 'all waves together' }, ...waves.map((w) => ({ value: w, label: w }))], settings.wave, (v) => actions.reanalyse({ wave: v }), { aria: { label: 'Survey wave to show' } }),
  );
}
