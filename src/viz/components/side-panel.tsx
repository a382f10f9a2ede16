/**
 * Map settings, for a weaver: find a person, which relations to analyse and how, what to size and
 * colour people by, and which people to show. It reads the filters and encodings from the store's
 * signals, so it draws itself again when they change wherever they were changed (a table, the
 * legend, a list panel); analysis settings go through `actions.reanalyse`. Every control has a
 * label a screen reader reads, and is a native control, so it works from the keyboard. Names,
 * attribute values and relation names come from the user's files: they are only ever text.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProjectSettings } from '../../engine/core/model/project.ts';
import { tieSummaryOf } from '../../engine/core/model/tie-summary.ts';
import { METRICS, metricDefinition, metricsFor, type MetricDefinition } from '../../engine/analysis/metric-registry.ts';
import { resultContext } from '../../engine/report/build-report.ts';
import { isVisible, labelOf, type ViewModel } from '../state/view-model.ts';
import type { AppStore, Filters, MetricRange } from '../state/app-state.ts';
import { sizeMetrics } from '../map/encodings.ts';
import { bandRanges, count } from '../format/readable.ts';
import './side-panel.css';

export interface SidePanelActions {
  reanalyse: (settings: Partial<ProjectSettings>) => void;
}

export interface SidePanelProps {
  vm: ViewModel;
  store: AppStore;
  actions: SidePanelActions;
}

export function SidePanel({ vm, store, actions }: SidePanelProps) {
  // Read here, so the panel draws again when any of them changes.
  const filters = store.signals.filters.value;
  const sizeBy = store.signals.sizeBy.value;
  const colorBy = store.signals.colorBy.value;
  const setFilters = (patch: Partial<Filters>): void => store.set({ filters: { ...store.get().filters, ...patch } });
  return (
    <div class="side-panel">
      <h2>Find</h2>
      <FindPerson vm={vm} store={store} />
      <h2>Analyse</h2>
      <AnalysisSettings vm={vm} actions={actions} />
      <h2>Show</h2>
      <Encodings vm={vm} sizeBy={sizeBy} colorBy={colorBy} store={store} />
      <h2>Filter</h2>
      <PeopleFilters vm={vm} filters={filters} setFilters={setFilters} />
    </div>
  );
}

// ----- find ---------------------------------------------------------------------------------

/** Matches shown under the box; every match is highlighted on the map. */
const SHOWN_MATCHES = 8;

/**
 * The find box: matches appear as buttons (the down arrow goes to them, up and down through them),
 * Enter picks the first. Every match is highlighted on
 * the map (the store's `highlight`) until the box is cleared; the map, a full redraw on a big
 * network, follows when the typing pauses.
 */
function FindPerson({ vm, store }: { vm: ViewModel; store: AppStore }) {
  const [query, setQuery] = useState('');
  // The highlight this box set, so it only ever clears its own (a list panel's stays).
  const own = useRef<string[] | null>(null);
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const box = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => () => clearTimeout(typing.current), []);

  const matching = (text: string): string[] => {
    const q = text.trim().toLowerCase();
    return q ? vm.ids.filter((id) => labelOf(vm, id).toLowerCase().includes(q)) : [];
  };
  const matches = useMemo(() => matching(query), [vm, query]);
  const highlight = (found: string[]): void => {
    const next = found.length > 0 ? found : null;
    if (next !== null || store.get().highlight === own.current) {
      own.current = next;
      store.set({ highlight: next });
    }
  };
  const shown = matches.slice(0, SHOWN_MATCHES);

  return (
    <>
      <input
        ref={box}
        type="search"
        placeholder="Find a person…"
        aria-label="Find a person by name"
        value={query}
        onInput={(e) => {
          const text = e.currentTarget.value;
          setQuery(text);
          clearTimeout(typing.current);
          typing.current = setTimeout(() => highlight(matching(text)), 150);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            const first = list.current?.querySelector('button');
            if (first) {
              e.preventDefault();
              first.focus();
            }
            return;
          }
          if (e.key !== 'Enter') return;
          clearTimeout(typing.current);
          const found = matching(e.currentTarget.value);
          highlight(found);
          if (found[0]) store.set({ selected: found[0] });
        }}
      />
      <ul
        ref={list}
        class="search-results"
        role="listbox"
        aria-label="Matching people"
        onKeyDown={(e) => {
          // Up and down go through the matches; up from the first, or Escape, back to the box.
          const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
          const at = buttons.indexOf(e.target as HTMLButtonElement);
          if (at < 0) return;
          let next: HTMLElement | undefined;
          if (e.key === 'ArrowDown') next = buttons[Math.min(at + 1, buttons.length - 1)];
          else if (e.key === 'ArrowUp') next = at === 0 ? (box.current ?? undefined) : buttons[at - 1];
          else if (e.key === 'Escape') next = box.current ?? undefined;
          if (!next) return;
          e.preventDefault();
          e.stopPropagation();
          next.focus();
        }}
      >
        {shown.map((id) => (
          <li key={id} role="none">
            <button type="button" role="option" aria-selected="false" class="link" onClick={() => store.set({ selected: id })}>
              {labelOf(vm, id)}
            </button>
          </li>
        ))}
      </ul>
      {query.trim() !== '' && (
        <p class="explain" role="status">
          {matches.length === 0 ? 'No one matches.' : matches.length > SHOWN_MATCHES ? `${count(matches.length)} people match, all highlighted on the map; the first ${SHOWN_MATCHES} are listed.` : ''}
        </p>
      )}
    </>
  );
}

// ----- analysis settings --------------------------------------------------------------------

const DIRECTIONS: Array<{ value: ProjectSettings['direction']; label: string }> = [
  { value: 'auto', label: 'as the data says' },
  { value: 'directed', label: 'one way (who named whom)' },
  { value: 'undirected', label: 'both ways (every tie mutual)' },
];

const WEIGHTINGS: Array<{ value: ProjectSettings['weighting']; label: string }> = [
  { value: 'none', label: 'ignore (all ties equal)' },
  { value: 'strength', label: 'higher means a closer tie' },
  { value: 'distance', label: 'higher means further apart' },
];

function AnalysisSettings({ vm, actions }: { vm: ViewModel; actions: SidePanelActions }) {
  const settings = vm.project.settings;
  const ties = tieSummaryOf(vm.project.dataset);
  const allRelations = [...ties.relations.keys()];
  const chosen = new Set(vm.analysis.settings.relations);
  return (
    <>
      <fieldset>
        <legend>Relations to include</legend>
        <p class="explain">Measures and groups are worked out from these ties only.</p>
        {allRelations.map((name) => (
          <label key={name} class="check">
            <input
              type="checkbox"
              checked={chosen.has(name)}
              onChange={(e) => {
                const box = e.currentTarget;
                const next = allRelations.filter((r) => (r === name ? box.checked : chosen.has(r)));
                // At least one relation stays: there is nothing to analyse without ties.
                if (next.length === 0) {
                  box.checked = true;
                  return;
                }
                actions.reanalyse({ relations: next });
              }}
            />
            {` ${name} `}
            <span class="muted">({count(ties.relations.get(name) ?? 0)} {ties.relations.get(name) === 1 ? 'tie' : 'ties'})</span>
          </label>
        ))}
      </fieldset>
      {ties.waves.length > 1 && (
        <label title="Show one survey round; people stay in place so you can see which ties came and went.">
          Survey wave{' '}
          <select aria-label="Survey wave to show" value={settings.wave} onChange={(e) => actions.reanalyse({ wave: e.currentTarget.value })}>
            <option value="">all waves together</option>
            {ties.waves.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
          <span class="explain hint">People stay in place, so the ties that came and went stand out.</span>
        </label>
      )}
      <label>
        Direction of ties{' '}
        <select aria-label="Direction of ties" value={settings.direction} onChange={(e) => actions.reanalyse({ direction: e.currentTarget.value as ProjectSettings['direction'] })}>
          {DIRECTIONS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
        <span class="explain hint">One way keeps apart who named someone and who was named, as a survey asks.</span>
      </label>
      <label>
        Tie weights{' '}
        <select aria-label="How to read tie weights" value={settings.weighting} onChange={(e) => actions.reanalyse({ weighting: e.currentTarget.value as ProjectSettings['weighting'] })}>
          {WEIGHTINGS.map((w) => (
            <option key={w.value} value={w.value}>
              {w.label}
            </option>
          ))}
        </select>
        <span class="explain hint">A weight is a number on each tie, such as how often two people work together.</span>
      </label>
      <details class="advanced">
        <summary>Advanced</summary>
        <label>
          Estimate bridging, closeness and reach above{' '}
          <input
            type="number"
            min="0"
            step="1"
            aria-label="Estimate bridging, closeness and reach above this many people"
            value={String(settings.approximateAbove)}
            onChange={(e) => {
              const input = e.currentTarget;
              const n = Math.floor(Number(input.value));
              if (input.value.trim() !== '' && Number.isFinite(n) && n >= 0) actions.reanalyse({ approximateAbove: n });
              else input.value = String(settings.approximateAbove);
            }}
          />{' '}
          people
        </label>
        <p class="explain">On very large networks these measures come from a sample of people, so the analysis stays quick; the Network view gives the margin of error.</p>
      </details>
    </>
  );
}

// ----- encodings ----------------------------------------------------------------------------

function Encodings({ vm, sizeBy, colorBy, store }: { vm: ViewModel; sizeBy: string; colorBy: string; store: AppStore }) {
  const sizes = sizeMetrics(vm);
  const colours = [
    { value: 'community', label: 'Group (community)' },
    ...vm.categorical.map((c) => ({ value: `attr:${c.key}`, label: c.key })),
    ...(vm.analysis.skills?.skills.coverage ?? []).slice(0, 30).map((c) => ({ value: `skill:${c.skill}`, label: `has the skill: ${c.skill}` })),
    ...sizes.map((m) => ({ value: m.id, label: m.label })),
  ];
  const sizeExplained = metricDefinition(sizeBy)?.explanation;
  return (
    <>
      <label>
        Size people by{' '}
        <select aria-label="Size people by" value={sizeBy} onChange={(e) => store.set({ sizeBy: e.currentTarget.value })}>
          {sizes.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
        {sizeExplained && <span class="explain hint">{sizeExplained}</span>}
      </label>
      <label>
        Colour people by{' '}
        <select aria-label="Colour people by" value={colorBy} onChange={(e) => store.set({ colorBy: e.currentTarget.value })}>
          {colours.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

// ----- filters ------------------------------------------------------------------------------

function PeopleFilters({ vm, filters, setFilters }: { vm: ViewModel; filters: Filters; setFilters: (patch: Partial<Filters>) => void }) {
  const active = Object.values(filters.attributes).some((v) => v.length > 0) || filters.hiddenRelations.length > 0 || filters.range !== null;
  const peopleActive = Object.values(filters.attributes).some((v) => v.length > 0) || filters.range !== null;
  const shown = useMemo(() => {
    if (!peopleActive) return vm.ids.length;
    let n = 0;
    for (let i = 0; i < vm.ids.length; i++) if (isVisible(vm, filters, i)) n++;
    return n;
  }, [vm, filters, peopleActive]);
  return (
    <>
      {vm.categorical.length > 0 && <p class="explain">Tick values to show only the people who have them.</p>}
      {vm.categorical.slice(0, 6).map((c) => {
        const keep = new Set(filters.attributes[c.key] ?? []);
        return (
          <details key={c.key} class="filter">
            <summary>
              {c.key}
              {keep.size > 0 ? ` (${keep.size} chosen)` : ''}
            </summary>
            {c.values.slice(0, 25).map((value) => (
              <label key={value} class="check">
                <input
                  type="checkbox"
                  checked={keep.has(value)}
                  onChange={(e) => {
                    const next = new Set(keep);
                    if (e.currentTarget.checked) next.add(value);
                    else next.delete(value);
                    setFilters({ attributes: { ...filters.attributes, [c.key]: [...next] } });
                  }}
                />
                {` ${value}`}
              </label>
            ))}
          </details>
        );
      })}
      {vm.analysis.relationNames.length > 1 && (
        <fieldset>
          <legend>Relation layers shown</legend>
          <p class="explain">Ties drawn on the map; hiding some leaves the measures as they are.</p>
          {vm.analysis.relationNames.map((name) => (
            <label key={name} class="check">
              <input
                type="checkbox"
                checked={!filters.hiddenRelations.includes(name)}
                onChange={(e) => {
                  const hidden = new Set(filters.hiddenRelations);
                  if (e.currentTarget.checked) hidden.delete(name);
                  else hidden.add(name);
                  setFilters({ hiddenRelations: [...hidden] });
                }}
              />
              {` ${name}`}
            </label>
          ))}
        </fieldset>
      )}
      <MeasureFilter vm={vm} range={filters.range} setRange={(range) => setFilters({ range })} />
      {peopleActive && (
        <p class="explain" role="status">
          Showing {count(shown)} of {count(vm.ids.length)} people.
        </p>
      )}
      {active && (
        <button type="button" onClick={() => setFilters({ attributes: {}, hiddenRelations: [], range: null })}>
          Clear filters
        </button>
      )}
    </>
  );
}

/** The measures a filter offers: those the map sizes by and the table shows, in registry order. */
function filterMeasures(vm: ViewModel): MetricDefinition[] {
  const context = resultContext(vm.analysis);
  const offered = new Set([...metricsFor('size', context), ...metricsFor('table', context)].map((m) => m.id));
  const columns = vm.analysis.table.columns as Record<string, Float64Array | undefined>;
  return METRICS.filter((m) => offered.has(m.id) && columns[m.id] !== undefined);
}

/**
 * Keep people by one measure, read as the table reads it: a band for a score only meaningful
 * against others ("furthest out 10% (14 people)"), a percentage range for a share, a range of
 * whole numbers for a count, a group by its name. The filter itself holds raw values (a band is
 * the range of values its people hold), so the map and tables apply it as before.
 */
function MeasureFilter({ vm, range, setRange }: { vm: ViewModel; range: MetricRange | null; setRange: (range: MetricRange | null) => void }) {
  const measures = useMemo(() => filterMeasures(vm), [vm]);
  const [picked, setPicked] = useState(range?.metric ?? 'degree');
  // A range set elsewhere (the groups table picks a group) shows as set.
  const metricId = range?.metric ?? picked;
  const metric = metricId === 'community' ? metricDefinition('community')! : (measures.find((m) => m.id === metricId) ?? measures[0]);
  if (!metric) return null;
  return (
    <fieldset class="measure-filter">
      <legend>People by a measure</legend>
      <label>
        Measure{' '}
        <select
          aria-label="Measure to filter by"
          value={metric.id}
          onChange={(e) => {
            setPicked(e.currentTarget.value);
            // Bounds of one measure mean nothing for another.
            if (range) setRange(null);
          }}
        >
          {measures.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
          <option value="community">Group</option>
        </select>
      </label>
      {metric.display === 'group' ? (
        <GroupChoice vm={vm} range={range} setRange={setRange} />
      ) : metric.display === 'percentile' ? (
        <BandChoice key={metric.id} vm={vm} metric={metric} range={range?.metric === metric.id ? range : null} setRange={setRange} />
      ) : (
        <Bounds key={metric.id} metric={metric} range={range?.metric === metric.id ? range : null} setRange={setRange} />
      )}
      <p class="explain">{metric.explanation}</p>
    </fieldset>
  );
}

function GroupChoice({ vm, range, setRange }: { vm: ViewModel; range: MetricRange | null; setRange: (range: MetricRange | null) => void }) {
  const chosen = range && range.metric === 'community' && range.min === range.max ? String(range.min) : '';
  return (
    <label>
      Show{' '}
      <select
        aria-label="Group to show"
        value={chosen}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setRange(v === '' ? null : { metric: 'community', min: Number(v), max: Number(v) });
        }}
      >
        <option value="">every group</option>
        {vm.analysis.communities.map((g) => (
          <option key={g.id} value={String(g.id)}>
            {g.name} ({count(g.size)} {g.size === 1 ? 'person' : 'people'})
          </option>
        ))}
      </select>
    </label>
  );
}

function BandChoice({ vm, metric, range, setRange }: { vm: ViewModel; metric: MetricDefinition; range: MetricRange | null; setRange: (range: MetricRange | null) => void }) {
  const column = (vm.analysis.table.columns as Record<string, Float64Array | undefined>)[metric.id];
  const bands = useMemo(
    () =>
      bandRanges(column ?? [], metric.ends).map((band) => ({
        ...band,
        // Open at the far end, so a top band still holds the top after a re-analysis.
        min: band.id.startsWith('bottom') ? -Infinity : band.min,
        max: band.id.startsWith('top') ? Infinity : band.max,
      })),
    [column, metric],
  );
  const chosen = range ? (bands.find((b) => b.min === range.min && b.max === range.max)?.id ?? 'other') : '';
  return (
    <label>
      Show{' '}
      <select
        aria-label="Which people to show"
        value={chosen}
        onChange={(e) => {
          const band = bands.find((b) => b.id === e.currentTarget.value);
          if (band) setRange({ metric: metric.id, min: band.min, max: band.max });
          else if (e.currentTarget.value === '') setRange(null);
        }}
      >
        <option value="">everyone</option>
        {bands.map((b) => (
          <option key={b.id} value={b.id}>
            {b.label} ({count(b.people)} {b.people === 1 ? 'person' : 'people'})
          </option>
        ))}
        {chosen === 'other' && (
          <option value="other" disabled>
            a range set earlier
          </option>
        )}
      </select>
    </label>
  );
}

/**
 * From–to bounds for a count ("at least 3 and at most 10 connections") or a share, typed as a
 * percentage ("from 20% to 50%") and kept as a share. An empty box leaves that end open.
 */
function Bounds({ metric, range, setRange }: { metric: MetricDefinition; range: MetricRange | null; setRange: (range: MetricRange | null) => void }) {
  const percent = metric.display === 'share';
  const scale = percent ? 100 : 1;
  const minInput = useRef<HTMLInputElement>(null);
  const maxInput = useRef<HTMLInputElement>(null);
  const shown = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '' : String(Math.round(v * scale * 100) / 100));
  const apply = (): void => {
    const read = (input: HTMLInputElement | null, open: number): number => {
      const text = input?.value.trim() ?? '';
      const n = Number(text);
      return text === '' || !Number.isFinite(n) ? open : n / scale;
    };
    const min = read(minInput.current, -Infinity);
    const max = read(maxInput.current, Infinity);
    setRange(min === -Infinity && max === Infinity ? null : { metric: metric.id, min, max });
  };
  const unit = percent ? '%' : '';
  return (
    <div class="range">
      <label>
        {percent ? 'from' : 'at least'}{' '}
        <input ref={minInput} type="number" min="0" max={percent ? '100' : undefined} step="any" aria-label={`${metric.label}: ${percent ? 'from (%)' : 'at least'}`} value={shown(range?.min)} onChange={apply} />
        {unit}
      </label>
      <label>
        {percent ? 'to' : 'at most'}{' '}
        <input ref={maxInput} type="number" min="0" max={percent ? '100' : undefined} step="any" aria-label={`${metric.label}: ${percent ? 'to (%)' : 'at most'}`} value={shown(range?.max)} onChange={apply} />
        {unit}
      </label>
    </div>
  );
}
