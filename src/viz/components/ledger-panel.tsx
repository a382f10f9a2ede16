/**
 * The weaving ledger in the Weave view: the introductions the weaver recorded, whether each one
 * stuck (checked against later survey waves), the stick rates by level, by kind and by who made
 * them as a bar table (the chart and its numbers in one), and adding, importing and exporting
 * introductions. Names and notes come from the user and are only ever drawn as text.
 */
import { useState } from 'preact/hooks';
import type { LedgerEntry } from '../../engine/core/model/ledger.ts';
import type { LedgerSection, StickRate } from '../../engine/features/ledger/stick.ts';
import { CATEGORY_COLORS, MISSING_COLOR } from '../map/palette.ts';
import { count } from '../format/readable.ts';
import { Choice, PersonLink, Tag, type People } from './insight-parts.tsx';
import { PagedList } from './paged-list.tsx';
import { IntroductionForm, type PeoplePicker } from './introduction-form.tsx';
import { basisWords, kindName, levelName, rateShort, statusWords } from './ledger-words.ts';
import { dayText } from './program-words.ts';
import './ledger.css';

export interface LedgerActions {
  record: (entry: LedgerEntry) => void;
  remove: (index: number) => void;
  /** Reads a ledger file and adds its introductions; resolves to what was added, in words. */
  importFile: (file: File) => Promise<string | null>;
  exportCsv: () => void;
}

export interface LedgerPanelProps {
  /** The ledger checked; null while nothing is recorded. */
  ledger: LedgerSection | null;
  people: People;
  picker: PeoplePicker;
  /** Who made the last introduction recorded. */
  lastWeaver: string;
  actions: LedgerActions;
}

type RateView = 'byLevel' | 'byKind' | 'byWeaver';

const STUCK = CATEGORY_COLORS[0];
const NOT_STUCK = CATEGORY_COLORS[1];

function rateLabel(view: RateView, r: StickRate): string {
  return view === 'byLevel' ? levelName(Number(r.key)) : view === 'byKind' ? kindName(r.key) : r.label;
}

/** One row per level, kind or weaver: a bar split into stuck, did not stick and not yet known, with the counts in words beside it. */
function StickRates({ ledger }: { ledger: LedgerSection }) {
  const [view, setView] = useState<RateView>('byLevel');
  const rows = ledger.rates[view];
  return (
    <div class="stick-rates">
      <Choice
        label="Stick rate by"
        value={view}
        onChange={setView}
        options={[
          { key: 'byLevel', name: 'By level', count: ledger.rates.byLevel.length },
          { key: 'byKind', name: 'By kind', count: ledger.rates.byKind.length },
          { key: 'byWeaver', name: 'By who made them', count: ledger.rates.byWeaver.length },
        ]}
      />
      <table class="stick-table">
        <caption>
          How often introductions stuck, {view === 'byLevel' ? 'by how far they went' : view === 'byKind' ? 'by kind' : 'by who made them'}
        </caption>
        <thead>
          <tr>
            <th scope="col">{view === 'byLevel' ? 'Level' : view === 'byKind' ? 'Kind' : 'Made by'}</th>
            <th scope="col">Stuck</th>
            <th scope="col">Made</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{rateLabel(view, r)}</th>
              <td>
                <span class="stick-bar" aria-hidden="true">
                  <span style={{ width: `${(100 * r.stuck) / r.made}%`, background: STUCK }} />
                  <span style={{ width: `${(100 * r.notStuck) / r.made}%`, background: NOT_STUCK }} />
                  <span style={{ width: `${(100 * r.unknown) / r.made}%`, background: MISSING_COLOR }} />
                </span>
                <span class="stick-words">{rateShort(r)}</span>
              </td>
              <td>{count(r.made)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="stick-legend" aria-hidden="true">
        <span class="swatch" style={{ background: STUCK }} /> stuck <span class="swatch" style={{ background: NOT_STUCK }} /> did not stick <span class="swatch" style={{ background: MISSING_COLOR }} /> not yet known
      </p>
    </div>
  );
}

function Introductions({ ledger, people, remove }: { ledger: LedgerSection; people: People; remove: (index: number) => void }) {
  const strangers = new Set(ledger.notInProject);
  const person = (id: string, label: string) => (strangers.has(id) ? <span class="stranger">{label}</span> : <PersonLink id={id} people={people} />);
  // The latest first: the ones a weaver is following up.
  const items = [...ledger.introductions].sort((a, b) => b.date.localeCompare(a.date) || b.index - a.index);
  return (
    <PagedList
      items={items}
      noun={['introduction', 'introductions']}
      pageSize={8}
      resetKey={ledger}
      itemKey={(i) => String(i.index)}
      itemClass={(i) => `ledger-item ${i.status}`}
      renderItem={(i) => {
        const status = statusWords(i);
        return (
          <>
            <div class="insight-pair">
              {person(i.personA, i.labelA)}
              <span aria-hidden="true"> ↔ </span>
              <span class="sr-only"> and </span>
              {person(i.personB, i.labelB)}
              <Tag warn={status.warn} title={status.words}>
                {status.tag}
              </Tag>
            </div>
            <div class="insight-kind">
              {dayText(i.date)}
              {i.weaver ? ` · by ${i.weaver}` : ''} · {i.levelWords} · {kindName(i.kind)}
            </div>
            <div class="insight-reasons">{status.words}</div>
            {i.alreadyTied && <div class="insight-note">They had already named each other before it.</div>}
            {i.note && <div class="insight-note ledger-note">{i.note}</div>}
            <div class="row-actions">
              <button type="button" class="small" onClick={() => remove(i.index)} aria-label={`Remove the introduction of ${i.labelA} and ${i.labelB} from the record`}>
                Remove
              </button>
            </div>
          </>
        );
      }}
    />
  );
}

export function LedgerPanel({ ledger, people, picker, lastWeaver, actions }: LedgerPanelProps) {
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const pick = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.tsv,.txt,.xlsx';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void actions.importFile(file).then(setAdded);
    });
    input.click();
  };
  const all = ledger?.rates.all;
  return (
    <section class="insights ledger" aria-labelledby="ledger-title">
      <div class="insight-head">
        <h2 id="ledger-title">Introductions made</h2>
      </div>
      <p class="explain">Your record of the introductions you made. When a later survey wave is loaded, each one is checked: did the two name each other?</p>
      {ledger && all ? (
        <>
          <p class="insight-total">
            <strong>{count(all.made)}</strong> recorded: {rateShort(all)}
            {all.unknown > 0 ? `; ${count(all.unknown)} not yet known` : ''}.
          </p>
          <p class="insight-note">{basisWords(ledger)}</p>
        </>
      ) : (
        <p class="muted">None recorded yet. Mark a suggestion above as made, add one you made by hand, or add a ledger file.</p>
      )}
      <div class="row-actions">
        <button type="button" class="small" aria-expanded={adding ? 'true' : 'false'} onClick={() => setAdding(!adding)}>
          Add one made by hand…
        </button>
        <button type="button" class="small" onClick={pick}>
          Add from a file…
        </button>
        <button type="button" class="small" disabled={!ledger} onClick={actions.exportCsv} title="Names and notes as you wrote them: your own record, not for sharing">
          Export (CSV)
        </button>
      </div>
      {added && (
        <p class="insight-note" role="status">
          {added}
        </p>
      )}
      {adding && (
        <IntroductionForm
          people={picker}
          weaver={lastWeaver}
          record={(entry) => {
            actions.record(entry);
            setAdding(false);
          }}
          cancel={() => setAdding(false)}
        />
      )}
      {ledger && ledger.notInProject.length > 0 && (
        <p class="insight-note">
          Not in this project, kept as written: {ledger.notInProject.slice(0, 8).join(', ')}
          {ledger.notInProject.length > 8 ? ` and ${count(ledger.notInProject.length - 8)} more` : ''}.
        </p>
      )}
      {ledger && <StickRates ledger={ledger} />}
      {ledger && <Introductions ledger={ledger} people={people} remove={actions.remove} />}
    </section>
  );
}
