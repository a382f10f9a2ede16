/**
 * The Loops tab of the System map view: every feedback loop as a chain of "more" and "less" with
 * what it does in one line, reinforcing (a vicious or virtuous circle) or balancing (keeps things
 * steady), ten at a time. Clicking a loop traces it on the map; clicking it again, or "Show the
 * whole map", shows everything again.
 */
import { useMemo, useState } from 'preact/hooks';
import type { SystemMapReport } from '../../engine/features/systemmap/analyze-systemmap.ts';
import type { FeedbackLoop, LoopType } from '../../engine/features/systemmap/loops.ts';
import { counted } from './program-words.ts';
import { PagedList } from './paged-list.tsx';
import { Choice, Tag, Terms } from './insight-parts.tsx';
import { LOOP_KINDS, loopMeaning, loopSteps, loopCountsText } from './systemmap-words.ts';
import './insight-panels.css';
import './systemmap.css';

type Show = 'all' | LoopType;

const LOOP_TERMS = {
  R: { name: LOOP_KINDS.R.phrase, explanation: LOOP_KINDS.R.explanation },
  B: { name: LOOP_KINDS.B.phrase, explanation: LOOP_KINDS.B.explanation },
};

export interface LoopsPanelProps {
  report: SystemMapReport;
  /** The id of the loop traced on the map (`R1`), if any. */
  activeLoop: string | null;
  /** Traces a loop on the map, or shows the whole map again (null). */
  trace: (loop: FeedbackLoop | null) => void;
  pageSize?: number;
}

/** The loop as "more A → less B → more A", each factor's name kept whole. */
function Chain({ loop }: { loop: FeedbackLoop }) {
  const steps = loopSteps(loop);
  return (
    <p class="loop-chain">
      {steps.map((s, i) => (
        <span key={i} class="loop-step">
          {i > 0 && (
            <span class="loop-arrow" aria-hidden="true">
              {' → '}
            </span>
          )}
          <span class={s.more ? 'loop-more' : 'loop-less'}>{s.more ? 'more' : 'less'}</span> {s.label}
        </span>
      ))}
    </p>
  );
}

export function LoopsPanel({ report, activeLoop, trace, pageSize = 10 }: LoopsPanelProps) {
  const [show, setShow] = useState<Show>('all');
  const loops = report.loops;
  const s = report.summary;
  const options = useMemo(
    () =>
      [
        { key: 'all' as Show, name: 'All', count: loops.length },
        { key: 'R' as Show, name: 'Reinforcing', count: loops.filter((l) => l.type === 'R').length },
        { key: 'B' as Show, name: 'Balancing', count: loops.filter((l) => l.type === 'B').length },
      ].filter((o) => o.key === 'all' || o.count > 0),
    [loops],
  );
  const current = options.some((o) => o.key === show) ? show : 'all';
  const shown = useMemo(() => (current === 'all' ? loops : loops.filter((l) => l.type === current)), [loops, current]);
  const active = activeLoop ? loops.find((l) => l.id === activeLoop) : undefined;
  return (
    <div class="insights systemmap-panel systemmap-loops">
      <h2>Feedback loops</h2>
      <p class="insight-total">{loopCountsText(s)}</p>
      {!s.loopsComplete && <p class="insight-note">The search stopped at its limit: not every loop is listed, and the counts are at least these.</p>}
      {loops.length > 0 && <p class="explain">Reinforcing loops make a change grow, for better or worse; balancing loops hold things steady. Click a loop to trace it on the map.</p>}
      {options.length > 2 && <Choice label="Show loops" options={options} value={current} onChange={setShow} />}
      {active && (
        <p class="loop-tracing row-actions" aria-live="polite">
          <span>
            Tracing loop {active.id} on the map.
          </span>
          <button type="button" class="small" onClick={() => trace(null)}>
            Show the whole map
          </button>
        </p>
      )}
      <PagedList
        items={shown}
        noun={['loop', 'loops']}
        pageSize={pageSize}
        resetKey={shown}
        itemKey={(l) => l.id}
        itemClass={(l) => (l.id === activeLoop ? 'is-selected loop-active' : undefined)}
        empty={<p class="muted">{loops.length === 0 ? 'This map has no feedback loops: every chain of causes ends somewhere.' : 'No loops of this kind.'}</p>}
        renderItem={(loop) => {
          const on = loop.id === activeLoop;
          return (
            <>
              <button
                type="button"
                class="link loop-name"
                aria-pressed={on ? 'true' : 'false'}
                title={on ? 'Show the whole map again' : 'Trace this loop on the map'}
                onClick={() => trace(on ? null : loop)}
              >
                Loop {loop.id} · {LOOP_KINDS[loop.type].phrase}
              </button>
              <span class="loop-tags">
                <Tag title="How many factors the loop passes through: shorter loops act faster">{counted(loop.length, 'factor')}</Tag>
                {loop.uncertain && (
                  <Tag warn title="A link in this loop has an uncertain sign, so the loop may work the other way">
                    a sign is uncertain
                  </Tag>
                )}
              </span>
              <Chain loop={loop} />
              <p class="explain loop-meaning">{loopMeaning(loop)}</p>
            </>
          );
        }}
      />
      <Terms terms={[LOOP_TERMS.R, LOOP_TERMS.B, { name: 'Delay', explanation: 'A link that takes a while to show its effect (drawn || on the map): a loop with one reacts slowly, and may overshoot.' }]} />
    </div>
  );
}
