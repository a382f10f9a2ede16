/**
 * The Edit tab of the System map view: add, rename and delete factors; add links, flip their
 * effect and delete them; undo and redo, each button saying what it would undo or redo. A factor
 * is chosen by clicking it on the map or from the list here (so the keyboard can reach every
 * edit). Every change goes through the shell's `edit`, which keeps the undo history.
 */
import { useState } from 'preact/hooks';
import type { SystemMap } from '../../engine/core/model/systemmap.ts';
import type { SystemMapActions } from './systemmap-actions.ts';
import { counted } from './program-words.ts';
import { usePaged } from './show-more.tsx';
import { editLabel } from './systemmap-words.ts';
import './insight-panels.css';
import './systemmap.css';

export interface MapEditorProps {
  map: SystemMap;
  /** The factor selected on the map, if any. */
  selected: string | null;
  actions: SystemMapActions;
}

const EFFECTS = [
  { value: '+', label: '+ same way: more gives more' },
  { value: '-', label: '− opposite way: more gives less' },
] as const;

function History({ actions }: { actions: SystemMapActions }) {
  return (
    <div class="edit-history">
      <button type="button" disabled={!actions.undoLabel} onClick={actions.undo} title={actions.undoLabel ? `Undo: ${editLabel(actions.undoLabel)}` : 'Nothing to undo'}>
        Undo{actions.undoLabel && <span class="edit-label">: {editLabel(actions.undoLabel)}</span>}
      </button>
      <button type="button" disabled={!actions.redoLabel} onClick={actions.redo} title={actions.redoLabel ? `Redo: ${editLabel(actions.redoLabel)}` : 'Nothing to redo'}>
        Redo{actions.redoLabel && <span class="edit-label">: {editLabel(actions.redoLabel)}</span>}
      </button>
    </div>
  );
}

function AddFactor({ actions }: { actions: SystemMapActions }) {
  const [name, setName] = useState('');
  return (
    <form
      class="edit-row"
      onSubmit={(event) => {
        event.preventDefault();
        const label = name.trim();
        if (!label) return;
        actions.edit({ kind: 'add-factor', factor: { label } });
        setName('');
      }}
    >
      <input type="text" value={name} placeholder='e.g. "Public support"' aria-label="Name of a new factor" onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)} />
      <button type="submit">Add</button>
    </form>
  );
}

function FactorSelect({ map, value, onChange, label, blank }: { map: SystemMap; value: string; onChange: (id: string) => void; label: string; blank?: string }) {
  return (
    <select value={value} aria-label={label} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}>
      {blank !== undefined && <option value="">{blank}</option>}
      {map.factors.map((f) => (
        <option key={f.id} value={f.id}>
          {f.label}
        </option>
      ))}
    </select>
  );
}

function AddLink({ map, selected, actions }: { map: SystemMap; selected: string | null; actions: SystemMapActions }) {
  const has = (id: string | null | undefined): id is string => !!id && map.factors.some((f) => f.id === id);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [polarity, setPolarity] = useState<'+' | '-'>('+');
  const [delay, setDelay] = useState(false);
  const fromId = has(from) ? from : has(selected) ? selected : (map.factors[0]?.id ?? '');
  const toId = has(to) ? to : (map.factors.find((f) => f.id !== fromId)?.id ?? '');
  const exists = map.links.some((l) => l.from === fromId && l.to === toId);
  return (
    <form
      class="edit-link"
      onSubmit={(event) => {
        event.preventDefault();
        if (fromId && toId) actions.edit({ kind: 'add-link', link: { from: fromId, to: toId, polarity, delay } });
      }}
    >
      <label>
        <span>From</span>
        <FactorSelect map={map} value={fromId} onChange={setFrom} label="Link from" />
      </label>
      <label>
        <span>To</span>
        <FactorSelect map={map} value={toId} onChange={setTo} label="Link to" />
      </label>
      <label>
        <span>Effect</span>
        <select value={polarity} aria-label="Link effect" onChange={(event) => setPolarity((event.currentTarget as HTMLSelectElement).value as '+' | '-')}>
          {EFFECTS.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={delay} onChange={(event) => setDelay((event.currentTarget as HTMLInputElement).checked)} /> takes a while to show (a delay)
      </label>
      {exists && <p class="insight-note">These two factors are already linked this way; a factor can only have one link to another.</p>}
      {fromId && fromId === toId && <p class="insight-note">A link from a factor to itself is a loop of one.</p>}
      <button type="submit" disabled={!fromId || !toId || exists}>
        Add link
      </button>
    </form>
  );
}

function Rename({ id, label, actions }: { id: string; label: string; actions: SystemMapActions }) {
  const [name, setName] = useState(label);
  return (
    <form
      class="edit-row"
      onSubmit={(event) => {
        event.preventDefault();
        const next = name.trim();
        if (next && next !== label) actions.edit({ kind: 'update-factor', id, changes: { label: next } });
      }}
    >
      <input type="text" value={name} aria-label="Factor name" onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)} />
      <button type="submit" disabled={!name.trim() || name.trim() === label}>
        Rename
      </button>
    </form>
  );
}

function FactorLinks({ map, id, actions }: { map: SystemMap; id: string; actions: SystemMapActions }) {
  const labelOf = (f: string): string => map.factors.find((x) => x.id === f)?.label ?? f;
  const links = map.links.filter((l) => l.from === id || l.to === id);
  const { visible, more } = usePaged(links, 8, 'link');
  if (links.length === 0) return <p class="muted">No links yet: add one above.</p>;
  return (
    <>
      <p class="explain">{counted(links.length, 'link')} in or out:</p>
      <ul class="edit-links">
        {visible.map((l) => {
          const name = `${labelOf(l.from)} → ${labelOf(l.to)}`;
          return (
            <li key={l.id}>
              <span class="edit-link-text">
                {labelOf(l.from)} <span class={l.polarity === '+' ? 'effect-plus' : 'effect-minus'}>{l.polarity === '+' ? '+→' : '−→'}</span> {labelOf(l.to)}
                <span class="explain">
                  {' '}
                  ({l.polarity === '+' ? 'more gives more' : 'more gives less'}
                  {l.delay ? ', after a delay' : ''})
                </span>
              </span>
              <span class="row-actions">
                <button
                  type="button"
                  class="small"
                  aria-label={`Flip the effect of ${name} to ${l.polarity === '+' ? 'more gives less' : 'more gives more'}`}
                  onClick={() => actions.edit({ kind: 'update-link', id: l.id, changes: { polarity: l.polarity === '+' ? '-' : '+' } })}
                >
                  Flip sign
                </button>
                <button type="button" class="small danger" aria-label={`Delete the link ${name}`} onClick={() => actions.edit({ kind: 'delete-link', id: l.id })}>
                  Delete
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {more}
    </>
  );
}

export function MapEditor({ map, selected, actions }: MapEditorProps) {
  // The factor chosen here, until another is selected on the map.
  const [picked, setPicked] = useState<{ selected: string | null; id: string | null }>({ selected, id: selected });
  const currentId = picked.selected === selected ? picked.id : selected;
  const factor = currentId ? map.factors.find((f) => f.id === currentId) : undefined;
  const choose = (id: string) => {
    const next = id || null;
    setPicked({ selected, id: next });
    actions.selectFactor(next);
  };
  return (
    <div class="insights systemmap-panel systemmap-editor">
      <h2>Edit the map</h2>
      <p class="explain">Every change can be undone. The analysis (loops, leverage, gaps) follows each change.</p>
      <History actions={actions} />

      <h3>Add a factor</h3>
      <AddFactor actions={actions} />

      {map.factors.length > 0 && (
        <>
          <h3>Add a causal link</h3>
          <AddLink map={map} selected={factor?.id ?? null} actions={actions} />

          <h3>Change a factor</h3>
          <label class="edit-pick">
            <span>Factor</span>
            <FactorSelect map={map} value={factor?.id ?? ''} onChange={choose} label="Factor to change" blank="Choose a factor…" />
          </label>
          {factor ? (
            <div class="edit-factor">
              <Rename key={`${factor.id}\u0000${factor.label}`} id={factor.id} label={factor.label} actions={actions} />
              <FactorLinks key={factor.id} map={map} id={factor.id} actions={actions} />
              <button type="button" class="danger" onClick={() => actions.edit({ kind: 'delete-factor', id: factor.id })}>
                Delete “{factor.label}” and its links
              </button>
            </div>
          ) : (
            <p class="muted">Click a factor on the map, or choose it here, to rename it, change its links or delete it.</p>
          )}
        </>
      )}
    </div>
  );
}
