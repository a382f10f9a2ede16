/**
 * The Weave panel: introductions worth making, best first, a few at a time. Each says in plain
 * words what kind of introduction it is and why; the weaver marks it made or dismissed (saved
 * with the project) and can reopen it, sees how many are open, made and dismissed, shows one of
 * those at a time, and exports the list as CSV.
 */
import { useMemo, useState } from 'preact/hooks';
import type { AnySuggestion } from '../../engine/features/skills/merge-suggestions.ts';
import { count } from '../format/readable.ts';
import { PagedList } from './paged-list.tsx';
import { Choice, PersonLink, Tag, type People } from './insight-parts.tsx';
import { introductionKind, statusCounts, type IntroductionStatus } from './insight-words.ts';
import './insight-panels.css';

export interface WeaveActions {
  mark: (id: string, state: 'done' | 'dismissed' | null) => void;
  exportCsv: () => void;
}

type Show = IntroductionStatus | 'all';

export interface WeaveListProps {
  introductions: readonly AnySuggestion[];
  marks: Readonly<Record<string, 'done' | 'dismissed'>>;
  people: People;
  actions: WeaveActions;
  /** Introductions per page. Default 5: each takes a few lines. */
  pageSize?: number;
}

export function WeaveList({ introductions, marks, people, actions, pageSize = 5 }: WeaveListProps) {
  const [show, setShow] = useState<Show>('open');
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
      <p class="explain">Ranked suggestions, each with its reason. Mark the ones you make or dismiss; your choices are saved with the project.</p>
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
                    {introductionKind(k).name} ({count(n)})
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
          return (
            <>
              <div class="insight-kind" title={k.explanation}>
                {k.name}
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
              ) : (
                <div class="row-actions">
                  <button type="button" class="small" onClick={() => actions.mark(s.id, 'done')}>
                    Mark as made
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
