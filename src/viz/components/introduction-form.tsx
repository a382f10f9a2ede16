/**
 * Recording an introduction made: when, who made it, how far it went (levels 1-7) and a note;
 * for one made by hand, also the two people (a name matching no one is kept as written, and the
 * ledger lists it). Used under a suggestion ("Mark as made") and by the ledger ("Add one made by hand").
 */
import { useMemo, useState } from 'preact/hooks';
import { BY_HAND, LEDGER_LEVELS, type LedgerEntry, type LedgerKind } from '../../engine/core/model/ledger.ts';
import { levelName } from './ledger-words.ts';
import { today } from '../format/today.ts';

/** How the form finds people by name. */
export interface PeoplePicker {
  label: (id: string) => string;
  /** A person's id for a name, email or id as typed; null when it matches no one. */
  resolve: (text: string) => string | null;
  /** Names starting with (or containing) the text, a few, for the field's suggestions. */
  matching: (text: string, limit: number) => string[];
}

export interface IntroductionFormProps {
  /** The two people of a suggestion; without them, the form asks for both. */
  pair?: { a: string; b: string };
  kind?: LedgerKind;
  suggestion?: string;
  people: PeoplePicker;
  /** Who made the last introduction recorded: most often the same weaver. */
  weaver: string;
  record: (entry: LedgerEntry) => void;
  cancel: () => void;
}

let formCount = 0;

function PersonField({ label, value, change, people, listId }: { label: string; value: string; change: (text: string) => void; people: PeoplePicker; listId: string }) {
  const options = useMemo(() => (value.trim().length >= 1 ? people.matching(value, 12) : []), [value, people]);
  const known = value.trim() === '' || people.resolve(value) !== null;
  return (
    <label>
      {label}
      <input type="text" list={listId} value={value} autocomplete="off" onInput={(e) => change(e.currentTarget.value)} aria-describedby={known ? undefined : `${listId}-unknown`} />
      <datalist id={listId}>
        {options.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {!known && (
        <span class="muted small-note" id={`${listId}-unknown`}>
          Not in this project: kept as written.
        </span>
      )}
    </label>
  );
}

export function IntroductionForm({ pair, kind = BY_HAND, suggestion, people, weaver: lastWeaver, record, cancel }: IntroductionFormProps) {
  const id = useMemo(() => `introduction-${++formCount}`, []);
  const [date, setDate] = useState(today());
  const [weaver, setWeaver] = useState(lastWeaver);
  const [level, setLevel] = useState(3);
  const [note, setNote] = useState('');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const personA = pair ? pair.a : (people.resolve(a) ?? a.trim());
    const personB = pair ? pair.b : (people.resolve(b) ?? b.trim());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setProblem('Choose the day the introduction was made.');
    if (personA === '' || personB === '') return setProblem('Name both people.');
    if (personA === personB) return setProblem('Name two different people.');
    setProblem(null);
    record({ date, weaver: weaver.trim(), personA, personB, level, kind, note: note.trim(), ...(suggestion !== undefined ? { suggestion } : {}) });
  };

  return (
    <form class="introduction-form" onSubmit={submit} aria-label={pair ? `Record the introduction of ${people.label(pair.a)} and ${people.label(pair.b)}` : 'Record an introduction made by hand'}>
      {!pair && (
        <div class="form-pair">
          <PersonField label="One person" value={a} change={setA} people={people} listId={`${id}-a`} />
          <PersonField label="The other" value={b} change={setB} people={people} listId={`${id}-b`} />
        </div>
      )}
      <div class="form-row">
        <label>
          When
          <input type="date" value={date} required onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <label>
          Made by
          <input type="text" value={weaver} placeholder="Your name" onInput={(e) => setWeaver(e.currentTarget.value)} />
        </label>
      </div>
      <label>
        How far it went
        <select value={String(level)} onChange={(e) => setLevel(Number(e.currentTarget.value))}>
          {LEDGER_LEVELS.map((l) => (
            <option key={l.level} value={String(l.level)}>
              {levelName(l.level)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Note
        <textarea rows={2} value={note} placeholder="Why they should meet, what they might do together" onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {problem && (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="row-actions">
        <button type="submit" class="small primary">
          Record it
        </button>
        <button type="button" class="small" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
