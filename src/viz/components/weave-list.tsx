/**
 * The Weave panel: introductions worth making, best first, a few at a time. Each says in plain
 * words what kind of introduction it is, why, and how often that kind has stuck in this project;
 * the weaver records one as made (when, by whom, how far it went: the weaving ledger) or
 * dismisses it, and can reopen it, sees how many are open, made and dismissed, shows one of those
 * at a time, and exports the list as CSV.
 */
import { useMemo, useState } from 'preact/hooks';
import type { AnySuggestion } from '../../engine/features/skills/merge-suggestions.ts';
import type { ResultIntroduction } from '../../engine/features/results/people-join.ts';
import { count } from '../format/readable.ts';
import { PagedList } from './paged-list.tsx';
import { Choice, PersonLink, Tag, type People } from './insight-parts.tsx';
import { introductionKind, statusCounts, type IntroductionStatus } from './insight-words.ts';
import { IntroductionForm, type PeoplePicker } from './introduction-form.tsx';
import { kindRateWords } from './ledger-words.ts';
import { LEDGER_KINDS, type LedgerEntry, type LedgerKind } from '../../engine/core/model/ledger.ts';
import type { StickRate } from '../../engine/features/ledger/stick.ts';
import './insight-panels.css';

export interface WeaveActions {
  /** Dismisses a suggestion, or opens it again (taking back its record when it was made). */
  mark: (id: string, state: 'dismissed' | null) => void;
  /** Records an introduction made (and marks its suggestion as made). */
  record: (entry: LedgerEntry) => void;
  exportCsv: () => void;
}

function ledgerKind(kind: string): LedgerKind {
  return (LEDGER_KINDS as readonly string[]).includes(kind) ? (kind as LedgerKind) : 'by hand';
}

type Show = IntroductionStatus | 'all';

export type WeaveSuggestion = AnySuggestion | ResultIntroduction;

export interface WeaveListProps {
  /** The analysis's suggestions, and those bringing partners into the work on a result. */
  introductions: readonly WeaveSuggestion[];
  marks: Readonly<Record<string, 'done' | 'dismissed'>>;
  people: People;
  /** Finds people by name for the record of an introduction. */
  picker: PeoplePicker;
  /** How often each kind of introduction stuck in this project, by kind. */
  stuckByKind: ReadonlyMap<string, StickRate>;
  /** Who made the last introduction recorded. */
  lastWeaver: string;
  actions: WeaveActions;
  /** Introductions per page. Default 5: each takes a few lines. */
  pageSize?: number;
}

export function WeaveList({ introductions, marks, people, picker, stuckByKind, lastWeaver, actions, pageSize = 5 }: WeaveListProps) {
  const [show, setShow] = useState<Show>('open');
  // The suggestion whose record is being filled in.
  const [recording, setRecording] = useState<string | null>(null);
  const [kind, setKind] = useState<string>('');
  const ofKind = useMemo(() => (kind ? introductions.filter((s) => s.kind === kind) : introductions), [introductions, kind]);
  const counts = statusCounts(
    ofKind.map((s) => s.id),
    marks,
  );
  const kinds = useMemo(() => {
    const byKind = new Map<string, number>();
    for (const s of introductions) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + 1);
    return [...byKind];
  }, [introductions]);
  // Marking one keeps the page (it leaves the open list); another list or filter starts again.
  const resetKey = useMemo(() => ({ introductions, show, kind }), [introductions, show, kind]);
  const shown = ofKind.filter((s) => show === 'all' || (marks[s.id] ?? 'open') === show);
  const all = statusCounts(
    introductions.map((s) => s.id),
    marks,
  );
  return (
    <div class="insights weave">
      <div class="insight-head">
        <h2>Introductions to make</h2>
        <button type="button" class="small" onClick={actions.exportCsv}>
          Export list (CSV)
        </button>
      </div>
      <p class="insight-total">
        <strong>{count(all.all)}</strong> {all.all === 1 ? 'introduction' : 'introductions'}: {count(all.open)} open · {count(all.done)} made · {count(all.dismissed)} dismissed
      </p>
      <p class="explain">Ranked suggestions, each with its reason. Record the ones you make (they join your introductions made, below) or dismiss them; your choices are saved with the project.</p>
      {introductions.length > 0 && (
        <div class="insight-filters">
          <Choice
            label="Show introductions"
            value={show}
            onChange={setShow}
            options={[
              { key: 'open', name: 'Open', count: counts.open },
              { key: 'done', name: 'Made', count: counts.done },
              { key: 'dismissed', name: 'Dismissed', count: counts.dismissed },
              { key: 'all', name: 'All', count: counts.all },
            ]}
          />
          {kinds.length > 1 && (
            <label class="insight-picker">
              Kind:{' '}
              <select aria-label="Kind of introduction" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value)}>
                <option value="">All kinds ({count(introductions.length)})</option>
                {kinds.map(([k, n]) => (
                  <option key={k} value={k}>
                    {introductionKind(k).name} ({count(n)}){kindRateWords(stuckByKind.get(k)) ? `, ${kindRateWords(stuckByKind.get(k))}` : ''}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
      <PagedList
        items={shown}
        noun={['introduction', 'introductions']}
        pageSize={pageSize}
        resetKey={resetKey}
        itemKey={(s) => s.id}
        itemClass={(s) => (marks[s.id] ? `suggestion ${marks[s.id]}` : 'suggestion')}
        empty={
          <p class="muted">
            {introductions.length === 0 ? 'No introductions to suggest: the network has no gaps these rules look for.' : show === 'open' ? 'Nothing left open here: every introduction is made or dismissed.' : 'None here.'}
          </p>
        }
        renderItem={(s) => {
          const k = introductionKind(s.kind);
          const state = marks[s.id];
          const stuck = kindRateWords(stuckByKind.get(s.kind));
          return (
            <>
              <div class="insight-kind" title={k.explanation}>
                {k.name}
                {stuck && <span class="kind-rate"> · {stuck}</span>}
              </div>
              <div class="insight-pair">
                <PersonLink id={s.source} people={people} />
                <span aria-hidden="true"> ↔ </span>
                <span class="sr-only"> and </span>
                <PersonLink id={s.target} people={people} />
              </div>
              <div class="insight-reasons">{s.reason}</div>
              {state ? (
                <div class="row-actions">
                  <Tag title={state === 'done' ? 'You marked this introduction as made' : 'You dismissed this introduction'}>{state === 'done' ? 'made' : 'dismissed'}</Tag>
                  <button type="button" class="small" onClick={() => actions.mark(s.id, null)}>
                    Reopen
                  </button>
                </div>
              ) : recording === s.id ? (
                <IntroductionForm
                  pair={{ a: s.source, b: s.target }}
                  kind={ledgerKind(s.kind)}
                  suggestion={s.id}
                  people={picker}
                  weaver={lastWeaver}
                  record={(entry) => {
                    setRecording(null);
                    actions.record(entry);
                  }}
                  cancel={() => setRecording(null)}
                />
              ) : (
                <div class="row-actions">
                  <button type="button" class="small" onClick={() => setRecording(s.id)}>
                    Mark as made…
                  </button>
                  <button type="button" class="small" onClick={() => actions.mark(s.id, 'dismissed')}>
                    Dismiss
                  </button>
                </div>
              )}
            </>
          );
        }}
      />
    </div>
  );
}
