/**
 * What the program did: convenings (who came, new faces, the mix in the room), mentorships
 * (what they connected) and, with two survey waves or more, what changed between waves.
 */
import * as Plot from '@observablehq/plot';
import { el, replace, select } from '../dom.ts';
import { formatNumber, labelOf, type ViewModel } from '../state/view-model.ts';
import type { AppStore } from '../state/app-state.ts';
import { INDICATOR_NAMES, type IndicatorName } from '../../engine/analysis/compare-waves.ts';

export interface ProgramActions {
  addFiles: () => void;
  openMatching: () => void;
  compare: (from: string, to: string) => void;
}

export function renderProgram(target: HTMLElement, vm: ViewModel, store: AppStore, actions: ProgramActions): void {
  const { events, mentorship, change } = vm.analysis.program;
  const { addFiles, openMatching } = actions;
  const person = (id: string) => el('button', { class: 'link', on: { click: () => store.set({ selected: id }) } }, labelOf(vm, id));
  const blocks: HTMLElement[] = [];
  if (change) {
    const names = Object.keys(change.indicators) as IndicatorName[];
    const shown = names.filter((k) => change.indicators[k][0] !== null || change.indicators[k][1] !== null);
    const series = change.waves.flatMap((w) => (['density', 'crossGroupShare', 'largestComponentShare'] as const).filter((k) => w.indicators[k] !== null).map((k) => ({ wave: w.wave, indicator: INDICATOR_NAMES[k], value: w.indicators[k]! })));
    blocks.push(
      el(
        'section',
        {},
        el('h2', {}, `Change: ${change.from} → ${change.to}`),
        change.settings.waves.length > 2 ? compareControls(change.settings.waves, change.from, change.to, actions.compare) : null,
        el('p', {}, `${change.gained.length} ties gained, ${change.lost.length} lost; ${change.movedInward.length} people moved in from the edge.`),
        el(
          'table',
          { class: 'metrics' },
          el('thead', {}, el('tr', {}, el('th', {}, 'Indicator'), el('th', {}, change.from), el('th', {}, change.to))),
          el('tbody', {}, ...shown.map((k) => el('tr', {}, el('td', {}, INDICATOR_NAMES[k]), el('td', { class: 'num' }, formatNumber(change.indicators[k][0])), el('td', { class: 'num' }, formatNumber(change.indicators[k][1]))))),
        ),
        change.waves.length >= 2
          ? Plot.plot({ width: 320, height: 180, x: { label: 'wave', type: 'point' }, y: { label: 'share', grid: true }, color: { legend: true }, marks: [Plot.line(series, { x: 'wave', y: 'value', stroke: 'indicator' }), Plot.dot(series, { x: 'wave', y: 'value', fill: 'indicator' })], ariaLabel: 'Indicators over waves' })
          : null,
        change.movedInward.length > 0 ? el('div', {}, el('h3', {}, 'Moved in from the edge'), el('ul', {}, ...change.movedInward.slice(0, 20).map((id) => el('li', {}, person(id))))) : null,
        el('details', {}, el('summary', {}, `Ties gained (${change.gained.length})`), el('ul', {}, ...change.gained.slice(0, 200).map(([a, b]) => el('li', {}, person(a), ' – ', person(b))))),
        el('details', {}, el('summary', {}, `Ties lost (${change.lost.length})`), el('ul', {}, ...change.lost.slice(0, 200).map(([a, b]) => el('li', {}, person(a), ' – ', person(b))))),
      ),
    );
  }
  if (events) {
    blocks.push(
      el(
        'section',
        {},
        el('h2', {}, 'Convenings'),
        el('p', {}, `${events.eventCount} events, ${events.attendees} people, ${events.records} attendances. People who attended together form the "co-attendance" layer (weight = events shared).`),
        el(
          'table',
          { class: 'metrics' },
          el('thead', {}, el('tr', {}, el('th', {}, 'Event'), el('th', {}, 'People'), el('th', {}, 'New faces'), el('th', {}, events.settings.mixAttribute ?? 'Mix'))),
          el(
            'tbody',
            {},
            ...events.events.map((e) =>
              el('tr', {}, el('td', {}, e.event, e.date ? el('div', { class: 'muted' }, e.date) : null), el('td', { class: 'num' }, String(e.count)), el('td', { class: 'num' }, String(e.newFaces.length)), el('td', {}, e.mix ? `${e.mix.groups} groups` : '–')),
            ),
          ),
        ),
        el('h3', {}, 'Came most often'),
        el('ol', {}, ...events.attendance.slice(0, 8).map((a) => el('li', {}, person(a.id), ` · ${a.events} events`))),
      ),
    );
  }
  if (mentorship) {
    blocks.push(
      el(
        'section',
        {},
        el('h2', {}, 'Mentorships'),
        el('p', {}, `${mentorship.pairs} pairs, ${mentorship.mentors} mentors, ${mentorship.mentees} mentees${mentorship.seasons.length ? ` over ${mentorship.seasons.length} seasons` : ''}.`),
        mentorship.bridgingShare !== null ? el('p', {}, `${Math.round(mentorship.bridgingShare * 100)}% of pairs bridge two groups of the network (${mentorship.bridgingPairs.length} pairs).`) : null,
        ...mentorship.byAttribute.map((a) => el('p', { class: 'explain' }, `${a.attribute}: ${a.crossPairs} pairs cross groups, joining ${a.groupPairs} pairs of groups.`)),
        mentorship.bothRoles.length > 0 ? el('div', {}, el('h3', {}, 'Both mentor and mentee'), el('ul', {}, ...mentorship.bothRoles.map((id) => el('li', {}, person(id))))) : null,
      ),
    );
  }
  replace(
    target,
    ...(blocks.length > 0
      ? blocks
      : [el('h2', {}, 'Program'), el('p', {}, 'Add convening attendance (person, event, date) or mentorship pairs (mentor, mentee, season) to see what the program connected; import two survey waves together to see what changed.')]),
    el('button', { on: { click: addFiles } }, 'Add attendance or mentorships…'),
    el('button', { on: { click: openMatching } }, 'Propose mentor matches…'),
  );
}

/** Pick any two waves to compare (with more than two, the last two are shown first). */
function compareControls(waves: string[], from: string, to: string, compare: (from: string, to: string) => void): HTMLElement {
  let chosenFrom = from;
  let chosenTo = to;
  const options = waves.map((w) => ({ value: w, label: w }));
  return el(
    'div',
    { class: 'row-actions' },
    select(options, from, (v) => (chosenFrom = v), { aria: { label: 'Compare from wave' } }),
    '→',
    select(options, to, (v) => (chosenTo = v), { aria: { label: 'Compare to wave' } }),
    el('button', { class: 'small', on: { click: () => chosenFrom !== chosenTo && compare(chosenFrom, chosenTo) } }, 'Compare'),
  );
}
