/**
 * What the program did, in plain words: what changed between two survey waves (ties gained and
 * lost, who moved in from the edge, each indicator "up from 34% to 41%"), the engagement ladder,
 * the convenings (who came, new faces, the mix of groups in the room), the mentorships (what they
 * connected) and peer circles.
 * Long lists show a page at a time; every name and value from the data is drawn as text.
 */
import { useState } from 'preact/hooks';
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';
import { INDICATOR_NAMES, type IndicatorName } from '../../engine/analysis/compare-waves.ts';
import { count, share } from '../format/readable.ts';
import { ShowMoreList, usePaged } from './show-more.tsx';
import { counted, dayText, indicatorChange, listWords, mixText, pluralOf } from './program-words.ts';
import { CirclesPanel, type CirclesActions, type CirclesPanelProps } from './circles-panel.tsx';
import { LadderPanel, type LadderActions, type LadderPanelProps } from './ladder-panel.tsx';
import './program-panel.css';
import { useChart } from './chart.ts';

export interface ProgramActions {
  addFiles: () => void;
  openMatching: () => void;
  compare: (from: string, to: string) => void;
  circles: CirclesActions;
  ladder: LadderActions;
}

type Program = AnalysisResult['program'];
type Change = NonNullable<Program['change']>;
type Events = NonNullable<Program['events']>;
type Mentorship = NonNullable<Program['mentorship']>;

export interface ProgramPanelProps {
  program: Program;
  /** A person's name, for an id. */
  labelOf: (id: string) => string;
  /** Selects a person (on the map, in the table, in their profile). */
  select: (id: string) => void;
  actions: ProgramActions;
  /** What the peer circles section shows and chooses from. */
  circles: Omit<CirclesPanelProps, 'actions'>;
  /** The engagement ladder as the project now holds it (null: no periods to place people in), its own rules and the columns to write rules on. */
  ladder: Pick<LadderPanelProps, 'ladder' | 'rules' | 'columns'> | null;
}

interface People {
  labelOf: (id: string) => string;
  select: (id: string) => void;
}

function Person({ id, people }: { id: string; people: People }) {
  return (
    <button type="button" class="link" onClick={() => people.select(id)}>
      {people.labelOf(id)}
    </button>
  );
}

// ----- change between waves ------------------------------------------------------------------------

/** Pick any two waves to compare (with more than two, the last two are shown first). */
function CompareWaves({ waves, from, to, compare }: { waves: string[]; from: string; to: string; compare: (from: string, to: string) => void }) {
  const [chosenFrom, setFrom] = useState(from);
  const [chosenTo, setTo] = useState(to);
  return (
    <div class="row-actions compare-waves">
      <select aria-label="Compare from wave" value={chosenFrom} onChange={(e) => setFrom(e.currentTarget.value)}>
        {waves.map((w) => (
          <option key={w} value={w}>
            {w}
          </option>
        ))}
      </select>
      <span aria-hidden="true">→</span>
      <select aria-label="Compare to wave" value={chosenTo} onChange={(e) => setTo(e.currentTarget.value)}>
        {waves.map((w) => (
          <option key={w} value={w}>
            {w}
          </option>
        ))}
      </select>
      <button type="button" class="small" disabled={chosenFrom === chosenTo} onClick={() => compare(chosenFrom, chosenTo)}>
        Compare
      </button>
    </div>
  );
}

const CHARTED = ['crossGroupShare', 'largestComponentShare', 'density'] as const;

/** The shares over every wave, as percentages. */
function WavesChart({ change }: { change: Change }) {
  const host = useChart((Plot) => {
    const series = change.waves.flatMap((w) => CHARTED.filter((k) => w.indicators[k] !== null).map((k) => ({ wave: w.wave, indicator: INDICATOR_NAMES[k], value: w.indicators[k]! })));
    const chart = Plot.plot({
      width: 320,
      height: 200,
      marginLeft: 40,
      x: { label: null, type: 'point', domain: change.waves.map((w) => w.wave) },
      y: { label: '% of ties or people', grid: true, percent: true, domain: [0, 100] },
      color: { legend: true },
      marks: [Plot.line(series, { x: 'wave', y: 'value', stroke: 'indicator' }), Plot.dot(series, { x: 'wave', y: 'value', fill: 'indicator' })],
      ariaLabel: 'Shares over the survey waves: cross-group ties, connected share and density',
    });
    return chart;
  }, [change]);
  return <div class="chart" ref={host} />;
}

function TieList({ title, ties, people }: { title: string; ties: Array<[string, string]>; people: People }) {
  const { visible, more } = usePaged(ties, 20, 'tie');
  return (
    <details class="tie-changes">
      <summary>
        {title} ({count(ties.length)})
      </summary>
      <ul>
        {visible.map(([a, b]) => (
          <li key={`${a}\u0000${b}`}>
            <Person id={a} people={people} /> – <Person id={b} people={people} />
          </li>
        ))}
      </ul>
      {more}
    </details>
  );
}

function ChangeSection({ change, people, compare }: { change: Change; people: People; compare: ProgramActions['compare'] }) {
  const names = Object.keys(change.indicators) as IndicatorName[];
  const shown = names.filter((k) => change.indicators[k][0] !== null || change.indicators[k][1] !== null);
  const waves: [string, string] = [change.from, change.to];
  return (
    <section class="program-change">
      <h2>
        What changed: {change.from} → {change.to}
      </h2>
      {change.settings.waves.length > 2 && <CompareWaves waves={change.settings.waves} from={change.from} to={change.to} compare={compare} />}
      <p>
        {counted(change.gained.length, 'tie')} gained and {count(change.lost.length)} lost; {counted(change.movedInward.length, 'person', 'people')} moved in from the edge
        {change.movedOutward.length > 0 ? ` and ${count(change.movedOutward.length)} moved out to it` : ''}.
      </p>
      <table class="metrics indicators">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">
              {change.from} → {change.to}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((k) => (
            <tr key={k}>
              <td>{INDICATOR_NAMES[k]}</td>
              <td>{indicatorChange(k, change.indicators[k][0], change.indicators[k][1], waves)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {change.waves.length >= 2 && <WavesChart change={change} />}
      {change.movedInward.length > 0 && (
        <div>
          <h3>Moved in from the edge</h3>
          <ShowMoreList items={change.movedInward} first={10} render={(id) => <li key={id}><Person id={id} people={people} /></li>} />
        </div>
      )}
      {change.movedOutward.length > 0 && (
        <div>
          <h3>Moved out to the edge</h3>
          <ShowMoreList items={change.movedOutward} first={10} render={(id) => <li key={id}><Person id={id} people={people} /></li>} />
        </div>
      )}
      <TieList title="Ties gained" ties={change.gained} people={people} />
      <TieList title="Ties lost" ties={change.lost} people={people} />
    </section>
  );
}

// ----- convenings -----------------------------------------------------------------------------------

function EventsSection({ events, people }: { events: Events; people: People }) {
  const { visible, more } = usePaged(events.events, 10, 'convening');
  const mixBy = events.settings.mixAttribute;
  return (
    <section class="program-events">
      <h2>Convenings</h2>
      <p>
        {counted(events.eventCount, 'convening')}: {counted(events.attendees, 'person', 'people')} came, {counted(events.records, 'attendance')} in all. People who came to the same convening are
        linked in the "co-attendance" layer, more strongly the more convenings they shared.
      </p>
      <ol class="event-list">
        {visible.map((e) => (
          <li key={e.event} class="event">
            <div class="event-head">
              <strong>{e.event}</strong>
              {e.date && <span class="muted"> · {dayText(e.date)}</span>}
            </div>
            <div>
              {counted(e.count, 'person', 'people')}, {e.newFaces.length === 0 ? 'no new faces' : e.newFaces.length === e.count ? 'all new' : counted(e.newFaces.length, 'new face')}
            </div>
            {e.mix && (
              <div class="event-mix" title={mixBy ? `Who came, by ${mixBy}` : undefined}>
                {mixText(e.mix)}
              </div>
            )}
          </li>
        ))}
      </ol>
      {more}
      <h3>Came most often</h3>
      <ShowMoreList
        ordered
        items={events.attendance}
        first={8}
        render={(a) => (
          <li key={a.id}>
            <Person id={a.id} people={people} /> · {count(a.events)} of {counted(events.eventCount, 'convening')}
          </li>
        )}
      />
    </section>
  );
}

// ----- mentorships ------------------------------------------------------------------------------------

function MentorshipSection({ mentorship, people }: { mentorship: Mentorship; people: People }) {
  const seasons = mentorship.seasons;
  return (
    <section class="program-mentorship">
      <h2>Mentorships</h2>
      <p>
        {counted(mentorship.pairs, 'pair')}: {counted(mentorship.mentors, 'mentor')} and {counted(mentorship.mentees, 'mentee')}
        {seasons.length > 0 ? `, over ${counted(seasons.length, 'season')} (${listWords(seasons.length > 6 ? [...seasons.slice(0, 5), `${count(seasons.length - 5)} more`] : seasons)})` : ''}.
      </p>
      {mentorship.bridgingShare !== null && (
        <p>
          {share(mentorship.bridgingShare)} of pairs ({count(mentorship.bridgingPairs.length)}) join two different groups of the network, as the network is without the program's own ties.
        </p>
      )}
      {mentorship.byAttribute.length > 0 && (
        <ul class="mentorship-reach">
          {mentorship.byAttribute.map((a) => (
            <li key={a.attribute}>
              By {a.attribute}: {a.crossShare !== null ? `${share(a.crossShare)} of pairs (${count(a.crossPairs)})` : counted(a.crossPairs, 'pair')} join two different {pluralOf(a.attribute)}, linking{' '}
              {counted(a.groupPairs, 'pair')} of {pluralOf(a.attribute)}.
            </li>
          ))}
        </ul>
      )}
      {mentorship.bothRoles.length > 0 && (
        <div>
          <h3>Both mentor and mentee</h3>
          <p class="explain">They pass on what they learn: the program's relays.</p>
          <ShowMoreList items={mentorship.bothRoles} first={10} render={(id) => <li key={id}><Person id={id} people={people} /></li>} />
        </div>
      )}
    </section>
  );
}

// ----- the panel --------------------------------------------------------------------------------------

export function ProgramPanel({ program, labelOf, select, actions, circles, ladder }: ProgramPanelProps) {
  const { events, mentorship, change } = program;
  const people: People = { labelOf, select };
  const empty = !events && !mentorship && !change && !ladder;
  return (
    <div class="program-panel">
      {empty && (
        <>
          <h2>Program</h2>
          <p>
            Add convening attendance (person, event, date) or mentorship pairs (mentor, mentee, season) to see what the program connected; import two survey waves together to see
            what changed.
          </p>
        </>
      )}
      <div class="row-actions program-actions">
        <button type="button" onClick={actions.addFiles}>
          Add attendance or mentorships…
        </button>
        <button type="button" onClick={actions.openMatching}>
          Propose mentor matches…
        </button>
      </div>
      {change && <ChangeSection change={change} people={people} compare={actions.compare} />}
      {ladder && <LadderPanel {...ladder} labelOf={labelOf} select={select} actions={actions.ladder} />}
      {events && <EventsSection events={events} people={people} />}
      {mentorship && <MentorshipSection mentorship={mentorship} people={people} />}
      <CirclesPanel {...circles} actions={actions.circles} />
    </div>
  );
}
