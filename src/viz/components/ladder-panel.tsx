/**
 * The engagement ladder in the Program view: how many people stood on each rung in each period
 * (a table), how they moved between two periods (a flow chart and the same flows as a table), who
 * moved up and who dropped, how people came in, and who is ready for a next step with someone
 * nearby who could help. The ladder's rules are shown in words and can be edited.
 */
import { useState } from 'preact/hooks';
import type { LadderMove, LadderSection } from '../../engine/features/ladder/ladder-section.ts';
import type { LadderRules } from '../../engine/core/model/ladder.ts';
import { DEFAULT_LADDER } from '../../engine/features/ladder/rules.ts';
import { count } from '../format/readable.ts';
import { ShowMoreList } from './show-more.tsx';
import { LadderFlow } from './ladder-flow.tsx';
import { LadderEditor } from './ladder-editor.tsx';
import { entryWords, movementWords, periodWords } from './ladder-words.ts';
import { counted } from './program-words.ts';

export interface LadderActions {
  /** Saves the ladder's rules in the project; null goes back to the default ladder. */
  save: (rules: LadderRules | null) => void;
}

export interface LadderPanelProps {
  ladder: LadderSection;
  /** The project's own ladder, or null when it uses the default. */
  rules: LadderRules | null;
  columns: readonly string[];
  labelOf: (id: string) => string;
  select: (id: string) => void;
  actions: LadderActions;
}

function Person({ id, labelOf, select }: { id: string; labelOf: (id: string) => string; select: (id: string) => void }) {
  return (
    <button type="button" class="link" onClick={() => select(id)}>
      {labelOf(id)}
    </button>
  );
}

/** People per rung (highest first) in each period. */
function CountsTable({ ladder }: { ladder: LadderSection }) {
  const rows = [...ladder.rungs.map((r) => r.name)].reverse().concat(ladder.notYet);
  return (
    <table class="metrics ladder-counts">
      <caption>People on each rung, per period ({count(ladder.total)} in all)</caption>
      <thead>
        <tr>
          <th scope="col">Rung</th>
          {ladder.periods.map((p) => (
            <th scope="col" key={p.name}>
              {p.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((rung) => (
          <tr key={rung}>
            <th scope="row">{rung}</th>
            {ladder.periods.map((p) => (
              <td key={p.name}>{count(p.counts[rung] ?? 0)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** People who changed rung, folded away: "Name: Attending → Connected". */
function MoveList({ title, moves, people }: { title: string; moves: readonly LadderMove[]; people: Pick<LadderPanelProps, 'labelOf' | 'select'> }) {
  if (moves.length === 0) return null;
  return (
    <details class="tie-changes">
      <summary>
        {title} ({count(moves.length)})
      </summary>
      <ShowMoreList
        items={moves}
        first={10}
        render={(p) => (
          <li key={p.id}>
            <Person id={p.id} {...people} />: {p.from} → {p.to}
          </li>
        )}
      />
    </details>
  );
}

function Movement({ ladder, at, people }: { ladder: LadderSection; at: number; people: Pick<LadderPanelProps, 'labelOf' | 'select'> }) {
  const m = ladder.movements[at]!;
  const moved = m.flows.filter((f) => f.from !== f.to);
  return (
    <div class="ladder-movement">
      <p>{movementWords(m)}</p>
      <LadderFlow movement={m} rungs={ladder.rungs.map((r) => r.name)} notYet={ladder.notYet} />
      <details class="tie-changes">
        <summary>The flows as a table ({counted(moved.length, 'change')} of rung)</summary>
        <table class="metrics ladder-flows">
          <thead>
            <tr>
              <th scope="col">From ({m.from})</th>
              <th scope="col">To ({m.to})</th>
              <th scope="col">People</th>
            </tr>
          </thead>
          <tbody>
            {m.flows.map((f) => (
              <tr key={`${f.from}\u0000${f.to}`}>
                <td>{f.from}</td>
                <td>{f.to === f.from ? 'stayed' : f.to}</td>
                <td>{count(f.people)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <MoveList title="Moved up" moves={m.movedUp} people={people} />
      <MoveList title="Dropped" moves={m.dropped} people={people} />
    </div>
  );
}

export function LadderPanel({ ladder, rules, columns, labelOf, select, actions }: LadderPanelProps) {
  const [editing, setEditing] = useState(false);
  const [at, setAt] = useState(ladder.movements.length - 1);
  const people = { labelOf, select };
  const shownAt = Math.min(Math.max(0, at), ladder.movements.length - 1);
  return (
    <section class="program-ladder" aria-labelledby="ladder-title">
      <h2 id="ladder-title">Engagement ladder</h2>
      <p class="explain">
        Each person stands on the highest rung they reached in a period. {periodWords(ladder)} {ladder.source === 'default' ? 'This is the default ladder; you can change it.' : 'This is your own ladder.'}
      </p>
      <details class="ladder-rules">
        <summary>The rungs and what puts someone on them</summary>
        <ol>
          {ladder.rungs.map((r) => (
            <li key={r.name}>
              <strong>{r.name}</strong>: {r.disabled ? <span class="warn-text">not used: {r.disabled}</span> : r.rule}
            </li>
          ))}
        </ol>
      </details>
      <div class="row-actions">
        <button type="button" class="small" aria-expanded={editing ? 'true' : 'false'} onClick={() => setEditing(!editing)}>
          Change the ladder…
        </button>
      </div>
      {editing && (
        <LadderEditor
          rules={rules ?? DEFAULT_LADDER}
          edited={rules !== null}
          columns={columns}
          save={(next) => {
            actions.save(next);
            setEditing(false);
          }}
          close={() => setEditing(false)}
        />
      )}
      <CountsTable ladder={ladder} />
      {ladder.movements.length > 1 && (
        <label class="insight-picker">
          Movement between{' '}
          <select value={String(shownAt)} onChange={(e) => setAt(Number(e.currentTarget.value))}>
            {ladder.movements.map((m, i) => (
              <option key={i} value={String(i)}>
                {m.from} and {m.to}
              </option>
            ))}
          </select>
        </label>
      )}
      {ladder.movements.length > 0 && <Movement ladder={ladder} at={shownAt} people={people} />}
      {ladder.entryPoints.length > 0 && (
        <div>
          <h3>How people came in</h3>
          <ShowMoreList
            items={ladder.entryPoints}
            first={6}
            render={(e) => (
              <li key={`${e.kind}\u0000${e.what}`}>
                {entryWords(e.kind, e.what)}: {counted(e.people, 'person', 'people')}
              </li>
            )}
          />
        </div>
      )}
      <div>
        <h3>Ready for a next step ({count(ladder.readyForNextStep.length)})</h3>
        <p class="explain">Most of their contacts already stand a rung or more higher; someone nearby could help them take the step.</p>
        {ladder.readyForNextStep.length === 0 ? (
          <p class="muted">No one stands out as ready in the last period.</p>
        ) : (
          <ShowMoreList
            items={ladder.readyForNextStep}
            first={8}
            class="ladder-ready"
            render={(r) => (
              <li key={r.id}>
                <Person id={r.id} {...people} /> · {r.rung}, ready for {r.nextRung}
                <div class="insight-note">
                  {count(r.contactsAbove)} of {counted(r.contacts, 'contact')} stand higher. Could help: <Person id={r.mentor.id} {...people} /> ({r.mentor.rung}
                  {r.mentor.via === 'contact of a contact' && r.mentor.through ? `, through ${labelOf(r.mentor.through.id)}` : ''})
                </div>
              </li>
            )}
          />
        )}
      </div>
    </section>
  );
}
