import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, describeEdit } from '../../../../src/engine/features/systemmap/edit.ts';
import type { EditOperation } from '../../../../src/engine/features/systemmap/edit.ts';
import { canRedo, canUndo, createEditorState, edit, redo, redoLabel, undo, undoLabel } from '../../../../src/engine/features/systemmap/edit-history.ts';
import type { EditorState } from '../../../../src/engine/features/systemmap/edit-history.ts';
import { checkSystemMap, parseSystemMap } from '../../../../src/engine/core/model/systemmap.ts';
import type { SystemMap } from '../../../../src/engine/core/model/systemmap.ts';
import { smallMap } from './helpers.ts';

function base(): SystemMap {
  const map = smallMap(['A', 'B', 'C'], [
    ['A', 'B', '+'],
    ['B', 'C', '-'],
    ['C', 'A', '+'],
  ]);
  map.actors = [{ id: 'Org', label: 'Org', attributes: {} }];
  map.worksOn = [
    { actor: 'Org', factor: 'B' },
    { actor: 'Org', factor: 'C' },
  ];
  return map;
}

function apply(map: SystemMap, op: EditOperation): { map: SystemMap; inverse: EditOperation; warnings: string[] } {
  const result = applyEdit(map, op);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('applyEdit', () => {
  it('never changes the map it is given, and its inverse restores it exactly', () => {
    const ops: EditOperation[] = [
      { kind: 'add-factor', factor: { label: 'Jobs', tags: ['economy'] } },
      { kind: 'update-factor', id: 'A', changes: { label: 'Alpha', description: 'first', tags: ['x', ' x ', ''] } },
      { kind: 'delete-factor', id: 'B' },
      { kind: 'add-link', link: { from: 'A', to: 'C', polarity: '-', strength: 2 } },
      { kind: 'update-link', id: 'B -> C', changes: { polarity: '+', strength: 3, note: 'checked', delay: true } },
      { kind: 'update-link', id: 'B -> C', changes: { from: 'A', to: 'A' } },
      { kind: 'delete-link', id: 'C -> A' },
      { kind: 'add-actor', actor: { label: 'Guild' } },
      { kind: 'update-actor', id: 'Org', changes: { label: 'Organisation', attributes: { sector: 'x' } } },
      { kind: 'delete-actor', id: 'Org' },
      { kind: 'add-works-on', entry: { actor: 'Org', factor: 'A' } },
      { kind: 'delete-works-on', actor: 'Org', factor: 'C' },
      { kind: 'update-map', changes: { name: 'Renamed', description: 'about' } },
      { kind: 'batch', label: 'two', operations: [{ kind: 'delete-factor', id: 'A' }, { kind: 'add-factor', factor: { id: 'A', label: 'New A' } }] },
    ];
    for (const op of ops) {
      const map = base();
      const before = structuredClone(map);
      const { map: after, inverse } = apply(map, op);
      expect(map, op.kind).toEqual(before);
      expect(after, op.kind).not.toEqual(before);
      expect(checkSystemMap(after), op.kind).toEqual([]);
      expect(apply(after, inverse).map, op.kind).toEqual(before);
    }
  });

  it('deleting a factor deletes its links and works-on entries, and undo puts them back in place', () => {
    const map = base();
    const { map: after, inverse, warnings } = apply(map, { kind: 'delete-factor', id: 'B' });
    expect(after.factors.map((f) => f.id)).toEqual(['A', 'C']);
    expect(after.links.map((l) => l.id)).toEqual(['C -> A']);
    expect(after.worksOn).toEqual([{ actor: 'Org', factor: 'C' }]);
    expect(warnings).toEqual(['3 links and works-on entries of "B" were deleted with it']);
    expect(apply(after, inverse).map).toEqual(map);
  });

  it('fills in ids: a factor from its label, a link from its ends, made unique', () => {
    const { map } = apply(base(), { kind: 'add-factor', factor: { label: 'A' } });
    expect(map.factors.at(-1)!.id).toBe('A (2)');
    const linked = apply(map, { kind: 'add-link', link: { from: 'A (2)', to: 'A', polarity: '+' }, index: 0 }).map;
    expect(linked.links[0]).toEqual({ id: 'A (2) -> A', from: 'A (2)', to: 'A', polarity: '+', delay: false });
  });

  it('refuses edits that would break the map, in plain words', () => {
    const map = base();
    const error = (op: EditOperation) => {
      const result = applyEdit(map, op);
      return result.ok ? undefined : result.error;
    };
    expect(error({ kind: 'add-link', link: { from: 'A', to: 'Z', polarity: '+' } })).toBe('there is no factor "Z"; add it first');
    expect(error({ kind: 'add-link', link: { from: 'A', to: 'B', polarity: '-' } })).toBe('there is already a link from "A" to "B"; edit that one instead');
    expect(error({ kind: 'add-link', link: { from: 'A', to: 'C', polarity: '?' as never } })).toBe('a polarity must be + or -, not "?"');
    expect(error({ kind: 'add-link', link: { from: 'A', to: 'C', polarity: '+', strength: 0 } })).toBe('a strength must be a number above 0, not 0');
    expect(error({ kind: 'update-link', id: 'A -> B', changes: { to: 'C' } })).toBeUndefined();
    expect(error({ kind: 'update-link', id: 'C -> A', changes: { to: 'B', from: 'A' } })).toBe('there is already a link from "A" to "B"');
    expect(error({ kind: 'add-factor', factor: { id: 'A', label: 'again' } })).toBe('the id "A" is already used');
    expect(error({ kind: 'add-factor', factor: { label: '  ' } })).toBe('a factor needs a label');
    expect(error({ kind: 'update-factor', id: 'Q', changes: { label: 'x' } })).toBe('there is no factor "Q"');
    expect(error({ kind: 'add-works-on', entry: { actor: 'Org', factor: 'B' } })).toBe('"Org" already works on "B"');
    // A batch is all or nothing.
    expect(error({ kind: 'batch', operations: [{ kind: 'delete-link', id: 'A -> B' }, { kind: 'delete-link', id: 'A -> B' }] })).toBe('there is no link "A -> B"');
  });

  it('warns about a self-loop but allows it; null clears an optional field', () => {
    const result = apply(base(), { kind: 'add-link', link: { from: 'A', to: 'A', polarity: '-', note: 'x' } });
    expect(result.warnings).toEqual(['"A" now drives itself: a feedback loop of one factor']);
    const cleared = apply(result.map, { kind: 'update-link', id: 'A -> A', changes: { note: null } }).map;
    expect(cleared.links.at(-1)).toEqual({ id: 'A -> A', from: 'A', to: 'A', polarity: '-', delay: false });
  });

  it('describes edits for undo buttons', () => {
    const map = base();
    expect(describeEdit({ kind: 'add-factor', factor: { label: 'Jobs' } }, map)).toBe('Add factor "Jobs"');
    expect(describeEdit({ kind: 'delete-link', id: 'A -> B' }, map)).toBe('Delete link "A" -> "B"');
  });
});

describe('edit history', () => {
  it('undoes and redoes in order; a new edit clears the redo list', () => {
    let state: EditorState = createEditorState(base());
    const original = state.map;
    const step = (op: EditOperation): void => {
      const result = edit(state, op);
      if (!result.ok) throw new Error(result.error);
      state = result.state;
    };
    step({ kind: 'add-factor', factor: { label: 'Jobs' } });
    step({ kind: 'add-link', link: { from: 'Jobs', to: 'A', polarity: '+' } });
    const edited = state.map;
    expect(undoLabel(state)).toBe('Add link "Jobs" -> "A"');
    const u1 = undo(state);
    if (!u1.ok) throw new Error(u1.error);
    const u2 = undo(u1.state);
    if (!u2.ok) throw new Error(u2.error);
    expect(u2.state.map).toEqual(original);
    expect(canUndo(u2.state)).toBe(false);
    expect(canRedo(u2.state)).toBe(true);
    expect(redoLabel(u2.state)).toBe('Add factor "Jobs"');
    const r1 = redo(u2.state);
    if (!r1.ok) throw new Error(r1.error);
    const r2 = redo(r1.state);
    if (!r2.ok) throw new Error(r2.error);
    expect(r2.state.map).toEqual(edited);
    // Undo once, then a new edit: the redo list is gone.
    const u3 = undo(r2.state);
    if (!u3.ok) throw new Error(u3.error);
    const fresh = edit(u3.state, { kind: 'delete-factor', id: 'C' });
    if (!fresh.ok) throw new Error(fresh.error);
    expect(canRedo(fresh.state)).toBe(false);
    // Nothing to undo or redo: the same state.
    expect(undo(createEditorState(original))).toEqual({ ok: true, state: createEditorState(original), warnings: [] });
  });

  it('keeps at most `limit` steps', () => {
    let state = createEditorState(base(), 2);
    for (const label of ['x', 'y', 'z']) {
      const result = edit(state, { kind: 'add-factor', factor: { label } });
      if (!result.ok) throw new Error(result.error);
      state = result.state;
    }
    expect(state.history.past.map((e) => e.label)).toEqual(['Add factor "y"', 'Add factor "z"']);
  });

  it('any sequence of valid edits undone step by step gives back the original map (property)', () => {
    const ids = ['A', 'B', 'C', 'D'];
    const opArb: fc.Arbitrary<EditOperation> = fc.oneof(
      fc.constantFrom(...ids).map((label): EditOperation => ({ kind: 'add-factor', factor: { label } })),
      fc.constantFrom(...ids).map((id): EditOperation => ({ kind: 'delete-factor', id })),
      fc.tuple(fc.constantFrom(...ids), fc.string({ maxLength: 3 })).map(([id, label]): EditOperation => ({ kind: 'update-factor', id, changes: { label: label || 'x', tags: [label] } })),
      fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids), fc.constantFrom('+' as const, '-' as const)).map(([from, to, polarity]): EditOperation => ({ kind: 'add-link', link: { from, to, polarity } })),
      fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)).map(([from, to]): EditOperation => ({ kind: 'delete-link', id: `${from} -> ${to}` })),
      fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids), fc.option(fc.double({ min: 0.5, max: 3, noNaN: true }))).map(([from, to, strength]): EditOperation => ({ kind: 'update-link', id: `${from} -> ${to}`, changes: { strength, delay: true } })),
      fc.constantFrom(...ids).map((factor): EditOperation => ({ kind: 'add-works-on', entry: { actor: 'Org', factor } })),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        let state = createEditorState(base());
        const snapshots = [state.map];
        for (const op of ops) {
          const result = edit(state, op);
          if (!result.ok) continue;
          state = result.state;
          expect(checkSystemMap(state.map)).toEqual([]);
          expect(parseSystemMap(state.map).ok).toBe(true);
          snapshots.push(state.map);
        }
        for (let i = snapshots.length - 2; i >= 0; i--) {
          const result = undo(state);
          if (!result.ok) throw new Error(result.error);
          state = result.state;
          expect(state.map).toEqual(snapshots[i]);
        }
        for (let i = 1; i < snapshots.length; i++) {
          const result = redo(state);
          if (!result.ok) throw new Error(result.error);
          state = result.state;
          expect(state.map).toEqual(snapshots[i]);
        }
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe('parseSystemMap', () => {
  it('accepts a saved map and refuses broken references with their path', () => {
    expect(parseSystemMap(JSON.parse(JSON.stringify(base()))).ok).toBe(true);
    const broken = structuredClone(base()) as SystemMap;
    broken.links.push({ id: 'x', from: 'A', to: 'Nope', polarity: '+', delay: false });
    const result = parseSystemMap(broken, 'project.json');
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'unknown-factor', file: 'project.json', field: 'links.3.to' })]);
    const wrong = parseSystemMap({ version: 1, factors: [{ id: 'A', label: 'A' }], links: [{ id: 'l', from: 'A', to: 'A', polarity: 'up' }] });
    expect(wrong.ok).toBe(false);
    expect(wrong.issues[0]).toMatchObject({ field: 'links.0.polarity', message: 'should be "+" or "-", not the text "up"' });
  });
});
