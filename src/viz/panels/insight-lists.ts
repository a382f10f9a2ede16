/**
 * The "who to engage, who bridges, which introductions" panels: periphery, brokers, equity by
 * an attribute, and weaving suggestions. Peripheral members are framed as people to engage.
 */
import * as Plot from '@observablehq/plot';
import { el, replace, select } from '../dom.ts';
import { attributeValues, formatNumber, labelOf, type ViewModel } from '../state/view-model.ts';
import type { AppStore } from '../state/app-state.ts';
import type { PeopleInsights } from '../../engine/analysis/people-insights.ts';
import type { AnySuggestion } from '../../engine/features/skills/merge-suggestions.ts';

function personButton(vm: ViewModel, store: AppStore, id: string): HTMLElement {
  return el('button', { class: 'link', on: { click: () => store.set({ selected: id }) } }, labelOf(vm, id));
}

function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : `${Math.round(x * 1000) / 10}%`;
}

function brings(entry: PeopleInsights['periphery'][number]): string {
  return Object.entries(entry.brings)
    .map(([k, v]) => `${k}: ${attributeValues(v).join(', ')}`)
    .filter((t) => !t.endsWith(': '))
    .slice(0, 4)
    .join(' · ');
}

export function renderPeriphery(target: HTMLElement, vm: ViewModel, store: AppStore): void {
  const insights = vm.analysis.insights;
  if (!insights) return replace(target, el('p', {}, 'Periphery analysis was not run for this network.'));
  const cp = insights.corePeriphery;
  const list = insights.periphery;
  const isolates = list.filter((p) => p.isolate);
  const pendants = list.filter((p) => p.pendant);
  replace(
    target,
    el('h2', {}, 'People at the edge'),
    el('p', { class: 'explain' }, 'The periphery is an asset: people here often bring new ideas and links to other communities. These are the people to engage, most at the edge first.'),
    el(
      'p',
      {},
      `Core: ${cp.partition.coreSize} people (fit ${formatNumber(cp.partition.fit, 2)}). `,
      cp.partition.density ? `Ties inside the core: ${pct(cp.partition.density.coreCore)}; between core and edge: ${pct(cp.partition.density.corePeriphery)}.` : '',
    ),
    el('p', { class: 'muted' }, `${list.length} people flagged · ${isolates.length} with no ties · ${pendants.length} with a single tie`),
    el(
      'ol',
      { class: 'insight-list' },
      ...list.slice(0, 200).map((entry) =>
        el(
          'li',
          {},
          personButton(vm, store, entry.id),
          entry.nonRespondent ? el('span', { class: 'tag', title: 'Did not answer the survey: known only from what others said' }, 'did not answer') : null,
          el('div', { class: 'explain' }, entry.reasons.join('; ')),
          brings(entry) ? el('div', { class: 'brings' }, `Brings: ${brings(entry)}`) : null,
        ),
      ),
    ),
  );
}

export function renderBrokers(target: HTMLElement, vm: ViewModel, store: AppStore): void {
  const insights = vm.analysis.insights;
  if (!insights) return replace(target, el('p', {}, 'Broker analysis was not run for this network.'));
  const cuts = insights.cutPoints;
  const kp = insights.keyPlayers;
  replace(
    target,
    el('h2', {}, 'Who bridges groups'),
    el('p', { class: 'explain' }, 'Brokers link people and groups that would otherwise be far apart. Bridging = how often someone is on the shortest path between others; constraint = how much all their contacts already know each other (low = a broker).'),
    el(
      'ol',
      { class: 'insight-list' },
      ...insights.brokers.map((b) =>
        el(
          'li',
          {},
          personButton(vm, store, b.id),
          b.articulationPoint ? el('span', { class: 'tag warn', title: 'If they left, some people would lose every link to the rest' }, 'holds the network together') : null,
          el('div', { class: 'explain' }, b.reasons.join('; ')),
          el('div', { class: 'muted' }, `bridging ${formatNumber(b.contactBetweenness)} · constraint ${formatNumber(b.constraint)} · effective size ${formatNumber(b.effectiveSize)}`),
        ),
      ),
    ),
    el('h3', {}, 'If they left, the network would split'),
    cuts.articulationPoints.length === 0
      ? el('p', {}, 'No single person holds parts of the network together: it would stay in one piece if anyone left.')
      : el('ul', {}, ...cuts.articulationPoints.slice(0, 20).map((a) => el('li', {}, personButton(vm, store, a.id), ` (${a.cutOff} ${a.cutOff === 1 ? 'person' : 'people'} would be cut off)`))),
    cuts.soleCommunityLinks.length > 0
      ? el('div', {}, el('h3', {}, 'Only link between two groups'), el('ul', {}, ...cuts.soleCommunityLinks.slice(0, 20).map((l) => el('li', {}, personButton(vm, store, l.source), ' – ', personButton(vm, store, l.target), ` (groups ${l.communities[0] + 1} and ${l.communities[1] + 1})`))))
      : null,
    el('h3', {}, 'Who to brief first'),
    el('p', { class: 'explain' }, `The smallest set of people who together reach most of the network within ${kp.steps} steps.`),
    el('ol', {}, ...kp.players.map((p) => el('li', {}, personButton(vm, store, p.id), ` → ${pct(p.shareReached)} reached`))),
  );
}

export function renderEquity(target: HTMLElement, vm: ViewModel, store: AppStore, choose: (attribute: string) => void): void {
  const insights = vm.analysis.insights;
  const options = [{ value: '', label: 'Choose an attribute…' }, ...vm.categorical.map((c) => ({ value: c.key, label: c.key }))];
  const current = vm.project.settings.groupBy;
  const picker = el('label', {}, 'Compare groups by: ', select(options, current, choose, { aria: { label: 'Attribute to compare groups by' } }));
  const equity = insights?.equity;
  if (!equity) {
    replace(target, el('h2', {}, 'Equity: whose voices are heard'), picker, el('p', { class: 'explain' }, 'Pick an attribute such as sector or region to see how each group sits in the network: its share of the core and of the edge, and how much it ties to other groups.'));
    return;
  }
  const groups = equity.groups;
  // Side by side per group: its share of everyone against its share of the periphery.
  const chart = Plot.plot({
    height: 50 + 34 * groups.length,
    width: 320,
    marginLeft: 110,
    x: { label: 'share (%)', percent: true, grid: true },
    y: { axis: null },
    fy: { label: null },
    color: { legend: true, domain: ['of the network', 'of the edge'], range: ['#0072B2', '#E69F00'] },
    marks: [
      Plot.barX(
        groups.flatMap((g) => [
          { group: g.value, kind: 'of the network', share: g.shareOfNetwork },
          { group: g.value, kind: 'of the edge', share: g.shareOfPeriphery ?? 0 },
        ]),
        { fy: 'group', y: 'kind', x: 'share', fill: 'kind' },
      ),
      Plot.ruleX([0]),
    ],
    ariaLabel: `Each ${equity.attribute}'s share of the network and of the periphery`,
  });
  const max = Math.max(1, ...equity.matrix.ties.flat());
  replace(
    target,
    el('h2', {}, 'Equity: whose voices are heard'),
    picker,
    equity.notes.length > 0 ? el('ul', { class: 'readings' }, ...equity.notes.map((n) => el('li', {}, n))) : null,
    el('p', {}, `E-I index ${formatNumber(equity.ei, 2)} (−1: all ties inside groups, +1: all across) · assortativity ${formatNumber(equity.assortativity, 2)}`),
    chart,
    el(
      'table',
      { class: 'metrics' },
      el('thead', {}, el('tr', {}, el('th', {}, equity.attribute), el('th', {}, 'People'), el('th', {}, 'Share of core'), el('th', {}, 'At the edge'), el('th', {}, 'E-I'))),
      el(
        'tbody',
        {},
        ...groups.map((g) =>
          el(
            'tr',
            { class: g.overRepresentedAtPeriphery ? 'flagged' : '' },
            el('td', {}, g.value, g.overRepresentedAtPeriphery ? el('span', { class: 'tag warn', title: 'More of this group sits at the edge than chance would give' }, 'often at the edge') : null),
            el('td', { class: 'num' }, String(g.size)),
            el('td', { class: 'num' }, pct(g.shareOfCore)),
            el('td', { class: 'num' }, pct(g.peripheralRate)),
            el('td', { class: 'num' }, formatNumber(g.ei, 2)),
          ),
        ),
      ),
    ),
    el('h3', {}, 'Ties between groups'),
    el(
      'table',
      { class: 'matrix', aria: { label: `Ties between each pair of ${equity.attribute} groups` } },
      el('thead', {}, el('tr', {}, el('th', {}, ''), ...equity.matrix.groups.map((g) => el('th', { title: g }, g.slice(0, 10))))),
      el(
        'tbody',
        {},
        ...equity.matrix.groups.map((row, i) =>
          el('tr', {}, el('th', {}, row), ...equity.matrix.ties[i]!.map((v) => el('td', { class: 'num', style: { background: `rgba(0, 114, 178, ${(0.85 * v) / max})`, color: v / max > 0.5 ? '#fff' : '' } }, String(v)))),
        ),
      ),
    ),
    el('p', { class: 'muted' }, equity.unknown > 0 ? `${equity.unknown} people have no ${equity.attribute} and are left out.` : ''),
    void store,
  );
}

export interface WeavingActions {
  mark: (id: string, state: 'done' | 'dismissed' | null) => void;
  exportCsv: () => void;
}

const KIND_LABEL: Record<string, string> = {
  'engage-periphery': 'Engage someone at the edge',
  'close-triangle': 'Close a triangle across groups',
  'link-communities': 'Link two groups with no tie',
  'skill-introduction': 'Spread a skill',
};

export function renderWeaving(target: HTMLElement, vm: ViewModel, store: AppStore, actions: WeavingActions): void {
  const insights = vm.analysis.insights;
  if (!insights) return replace(target, el('p', {}, 'Suggestions were not computed for this network.'));
  const marks = vm.project.weaving;
  const all = vm.analysis.introductions;
  const open = all.filter((s) => !marks[s.id]);
  const closed = all.filter((s) => marks[s.id]);
  const item = (s: AnySuggestion): HTMLElement =>
    el(
      'li',
      { class: marks[s.id] ? `suggestion ${marks[s.id]}` : 'suggestion' },
      el('div', { class: 'muted' }, KIND_LABEL[s.kind] ?? s.kind),
      el('div', {}, personButton(vm, store, s.source), ' ↔ ', personButton(vm, store, s.target)),
      el('div', { class: 'explain' }, s.reason),
      marks[s.id]
        ? el('div', {}, el('span', { class: 'tag' }, marks[s.id] === 'done' ? 'made' : 'dismissed'), ' ', el('button', { class: 'small', on: { click: () => actions.mark(s.id, null) } }, 'Undo'))
        : el('div', { class: 'row-actions' }, el('button', { class: 'small', on: { click: () => actions.mark(s.id, 'done') } }, 'Mark as made'), el('button', { class: 'small', on: { click: () => actions.mark(s.id, 'dismissed') } }, 'Dismiss')),
    );
  replace(
    target,
    el('h2', {}, 'Introductions to make'),
    el('p', { class: 'explain' }, 'Ranked suggestions, each with its reason. Mark the ones you make or dismiss; your choices are saved with the project.'),
    el('button', { on: { click: actions.exportCsv } }, 'Export list (CSV)'),
    el('ol', { class: 'insight-list' }, ...open.map(item)),
    closed.length > 0 ? el('details', {}, el('summary', {}, `${closed.length} made or dismissed`), el('ul', { class: 'insight-list' }, ...closed.map(item))) : null,
  );
}
