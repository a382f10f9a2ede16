/**
 * Editing a system map as pure functions: `applyEdit(map, operation)` returns a new map (the old
 * one is never changed; untouched records are shared) and the inverse operation that undoes it,
 * or an error in plain words when the operation cannot apply (an unknown factor, a link that
 * already exists, a polarity that is not + or -). Operations are plain data, so they can cross to
 * a worker, be logged, and be kept in an undo history (`edit-history.ts`).
 *
 * Deleting a factor also deletes its links and works-on entries; its inverse puts all of them
 * back in their places. In `update-*` changes, `null` clears an optional field (strength, note,
 * ambiguous, attributes).
 */
import type { Attributes } from '../../core/model/records.ts';
import type { Actor, CausalLink, Factor, Polarity, SystemMap, WorksOn } from '../../core/model/systemmap.ts';
import { appendAll } from '../../core/util/append-all.ts';

export interface FactorChanges {
  label?: string;
  description?: string;
  tags?: string[];
  attributes?: Attributes;
}

export interface LinkChanges {
  from?: string;
  to?: string;
  polarity?: Polarity;
  strength?: number | null;
  delay?: boolean;
  note?: string | null;
  ambiguous?: boolean | null;
  attributes?: Attributes | null;
}

export interface ActorChanges {
  label?: string;
  attributes?: Attributes;
}

/** A factor to add; the id defaults to the label (made unique). */
export type NewFactor = Partial<Pick<Factor, 'id' | 'description' | 'tags' | 'attributes'>> & { label: string };
/** A link to add; the id defaults to `from -> to` (made unique), delay to false. */
export type NewLink = Omit<CausalLink, 'id' | 'delay'> & { id?: string; delay?: boolean };
export type NewActor = Partial<Pick<Actor, 'id' | 'attributes'>> & { label: string };

export type EditOperation =
  | { kind: 'add-factor'; factor: NewFactor; index?: number }
  | { kind: 'update-factor'; id: string; changes: FactorChanges }
  | { kind: 'delete-factor'; id: string }
  | { kind: 'add-link'; link: NewLink; index?: number }
  | { kind: 'update-link'; id: string; changes: LinkChanges }
  | { kind: 'delete-link'; id: string }
  | { kind: 'add-actor'; actor: NewActor; index?: number }
  | { kind: 'update-actor'; id: string; changes: ActorChanges }
  | { kind: 'delete-actor'; id: string }
  | { kind: 'add-works-on'; entry: WorksOn; index?: number }
  | { kind: 'delete-works-on'; actor: string; factor: string }
  | { kind: 'update-map'; changes: { name?: string; description?: string | null } }
  | { kind: 'batch'; label?: string; operations: EditOperation[] };

export type EditResult =
  | {
      ok: true;
      map: SystemMap;
      /** Applying this to `map` gives back the map edited. */
      inverse: EditOperation;
      /** The operation as applied, with generated ids filled in (replaying it is deterministic). */
      applied: EditOperation;
      /** Things worth saying that did not stop the edit, e.g. a self-loop. */
      warnings: string[];
    }
  | { ok: false; error: string };

const fail = (error: string): EditResult => ({ ok: false, error });

function insertAt<T>(list: readonly T[], item: T, index: number | undefined): T[] {
  const copy = list.slice();
  const at = index === undefined || index < 0 || index > copy.length ? copy.length : index;
  copy.splice(at, 0, item);
  return copy;
}

function uniqueId(base: string, taken: (id: string) => boolean): string {
  const trimmed = base.trim();
  let id = trimmed;
  for (let n = 2; taken(id); n++) id = `${trimmed} (${n})`;
  return id;
}

function isPolarity(value: unknown): value is Polarity {
  return value === '+' || value === '-';
}

function checkStrength(strength: number | null | undefined): string | undefined {
  if (strength === undefined || strength === null) return undefined;
  return Number.isFinite(strength) && strength > 0 ? undefined : `a strength must be a number above 0, not ${strength}`;
}

function quote(map: SystemMap, factorId: string): string {
  const factor = map.factors.find((f) => f.id === factorId);
  return `"${factor?.label || factorId}"`;
}

/** Applies one operation. Pure: `map` is not changed. */
export function applyEdit(map: SystemMap, operation: EditOperation): EditResult {
  const factorIds = (): Set<string> => new Set(map.factors.map((f) => f.id));
  const hasFactor = (id: string): boolean => map.factors.some((f) => f.id === id);
  const hasActor = (id: string): boolean => map.actors.some((a) => a.id === id);
  switch (operation.kind) {
    case 'add-factor': {
      const input = operation.factor;
      const label = input.label.trim();
      if (label === '' && (input.id ?? '').trim() === '') return fail('a factor needs a label');
      let id: string;
      if (input.id !== undefined && input.id.trim() !== '') {
        id = input.id.trim();
        if (hasFactor(id) || hasActor(id)) return fail(`the id "${id}" is already used`);
      } else {
        id = uniqueId(label, (x) => hasFactor(x) || hasActor(x));
      }
      const factor: Factor = {
        id,
        label: label || id,
        description: input.description ?? '',
        tags: [...(input.tags ?? [])],
        attributes: { ...(input.attributes ?? {}) },
      };
      const applied: EditOperation = { kind: 'add-factor', factor: { ...factor }, ...(operation.index !== undefined ? { index: operation.index } : {}) };
      return { ok: true, map: { ...map, factors: insertAt(map.factors, factor, operation.index) }, inverse: { kind: 'delete-factor', id }, applied, warnings: [] };
    }
    case 'update-factor': {
      const index = map.factors.findIndex((f) => f.id === operation.id);
      if (index < 0) return fail(`there is no factor "${operation.id}"`);
      const old = map.factors[index]!;
      const changes = operation.changes;
      if (changes.label !== undefined && changes.label.trim() === '') return fail('a factor needs a label');
      const undo: FactorChanges = {};
      const next: Factor = { ...old };
      if (changes.label !== undefined) {
        undo.label = old.label;
        next.label = changes.label.trim();
      }
      if (changes.description !== undefined) {
        undo.description = old.description;
        next.description = changes.description;
      }
      if (changes.tags !== undefined) {
        undo.tags = old.tags;
        next.tags = [...new Set(changes.tags.map((t) => t.trim()).filter((t) => t !== ''))];
      }
      if (changes.attributes !== undefined) {
        undo.attributes = old.attributes;
        next.attributes = { ...changes.attributes };
      }
      const factors = map.factors.slice();
      factors[index] = next;
      return { ok: true, map: { ...map, factors }, inverse: { kind: 'update-factor', id: old.id, changes: undo }, applied: operation, warnings: [] };
    }
    case 'delete-factor': {
      const index = map.factors.findIndex((f) => f.id === operation.id);
      if (index < 0) return fail(`there is no factor "${operation.id}"`);
      const factor = map.factors[index]!;
      const restore: EditOperation[] = [{ kind: 'add-factor', factor: { ...factor }, index }];
      const links: CausalLink[] = [];
      map.links.forEach((link, i) => {
        if (link.from === factor.id || link.to === factor.id) restore.push({ kind: 'add-link', link: { ...link }, index: i });
        else links.push(link);
      });
      const worksOn: WorksOn[] = [];
      map.worksOn.forEach((entry, i) => {
        if (entry.factor === factor.id) restore.push({ kind: 'add-works-on', entry: { ...entry }, index: i });
        else worksOn.push(entry);
      });
      const removed = restore.length - 1;
      return {
        ok: true,
        map: { ...map, factors: map.factors.filter((_, i) => i !== index), links, worksOn },
        inverse: { kind: 'batch', label: `Restore factor ${quote(map, factor.id)}`, operations: restore },
        applied: operation,
        warnings: removed > 0 ? [`${removed} link${removed === 1 ? '' : 's'} and works-on entr${removed === 1 ? 'y' : 'ies'} of ${quote(map, factor.id)} were deleted with it`] : [],
      };
    }
    case 'add-link': {
      const input = operation.link;
      const ids = factorIds();
      for (const end of [input.from, input.to]) if (!ids.has(end)) return fail(`there is no factor "${end}"; add it first`);
      if (!isPolarity(input.polarity)) return fail(`a polarity must be + or -, not "${String(input.polarity)}"`);
      const strengthProblem = checkStrength(input.strength);
      if (strengthProblem !== undefined) return fail(strengthProblem);
      const existing = map.links.find((l) => l.from === input.from && l.to === input.to);
      if (existing !== undefined) return fail(`there is already a link from ${quote(map, input.from)} to ${quote(map, input.to)}; edit that one instead`);
      const linkIds = new Set(map.links.map((l) => l.id));
      let id: string;
      if (input.id !== undefined && input.id.trim() !== '') {
        id = input.id.trim();
        if (linkIds.has(id)) return fail(`the link id "${id}" is already used`);
      } else {
        id = uniqueId(`${input.from} -> ${input.to}`, (x) => linkIds.has(x));
      }
      const link: CausalLink = { ...input, id, delay: input.delay ?? false };
      const warnings = link.from === link.to ? [`${quote(map, link.from)} now drives itself: a feedback loop of one factor`] : [];
      const applied: EditOperation = { kind: 'add-link', link: { ...link }, ...(operation.index !== undefined ? { index: operation.index } : {}) };
      return { ok: true, map: { ...map, links: insertAt(map.links, link, operation.index) }, inverse: { kind: 'delete-link', id }, applied, warnings };
    }
    case 'update-link': {
      const index = map.links.findIndex((l) => l.id === operation.id);
      if (index < 0) return fail(`there is no link "${operation.id}"`);
      const old = map.links[index]!;
      const changes = operation.changes;
      const ids = factorIds();
      for (const end of [changes.from, changes.to]) if (end !== undefined && !ids.has(end)) return fail(`there is no factor "${end}"`);
      if (changes.polarity !== undefined && !isPolarity(changes.polarity)) return fail(`a polarity must be + or -, not "${String(changes.polarity)}"`);
      const strengthProblem = checkStrength(changes.strength);
      if (strengthProblem !== undefined) return fail(strengthProblem);
      const next: CausalLink = { ...old };
      const undo: LinkChanges = {};
      if (changes.from !== undefined) {
        undo.from = old.from;
        next.from = changes.from;
      }
      if (changes.to !== undefined) {
        undo.to = old.to;
        next.to = changes.to;
      }
      if ((next.from !== old.from || next.to !== old.to) && map.links.some((l, i) => i !== index && l.from === next.from && l.to === next.to)) {
        return fail(`there is already a link from ${quote(map, next.from)} to ${quote(map, next.to)}`);
      }
      if (changes.polarity !== undefined) {
        undo.polarity = old.polarity;
        next.polarity = changes.polarity;
      }
      if (changes.delay !== undefined) {
        undo.delay = old.delay;
        next.delay = changes.delay;
      }
      const optional = ['strength', 'note', 'ambiguous', 'attributes'] as const;
      for (const key of optional) {
        const value = changes[key];
        if (value === undefined) continue;
        (undo as Record<string, unknown>)[key] = old[key] ?? null;
        if (value === null) delete next[key];
        else (next as Record<string, unknown>)[key] = key === 'attributes' ? { ...(value as Attributes) } : value;
      }
      const links = map.links.slice();
      links[index] = next;
      const warnings = next.from === next.to && old.from !== old.to ? [`${quote(map, next.from)} now drives itself: a feedback loop of one factor`] : [];
      return { ok: true, map: { ...map, links }, inverse: { kind: 'update-link', id: old.id, changes: undo }, applied: operation, warnings };
    }
    case 'delete-link': {
      const index = map.links.findIndex((l) => l.id === operation.id);
      if (index < 0) return fail(`there is no link "${operation.id}"`);
      const link = map.links[index]!;
      return {
        ok: true,
        map: { ...map, links: map.links.filter((_, i) => i !== index) },
        inverse: { kind: 'add-link', link: { ...link }, index },
        applied: operation,
        warnings: [],
      };
    }
    case 'add-actor': {
      const input = operation.actor;
      const label = input.label.trim();
      if (label === '' && (input.id ?? '').trim() === '') return fail('an actor needs a name');
      let id: string;
      if (input.id !== undefined && input.id.trim() !== '') {
        id = input.id.trim();
        if (hasActor(id) || hasFactor(id)) return fail(`the id "${id}" is already used`);
      } else {
        id = uniqueId(label, (x) => hasFactor(x) || hasActor(x));
      }
      const actor: Actor = { id, label: label || id, attributes: { ...(input.attributes ?? {}) } };
      const applied: EditOperation = { kind: 'add-actor', actor: { ...actor }, ...(operation.index !== undefined ? { index: operation.index } : {}) };
      return { ok: true, map: { ...map, actors: insertAt(map.actors, actor, operation.index) }, inverse: { kind: 'delete-actor', id }, applied, warnings: [] };
    }
    case 'update-actor': {
      const index = map.actors.findIndex((a) => a.id === operation.id);
      if (index < 0) return fail(`there is no actor "${operation.id}"`);
      const old = map.actors[index]!;
      if (operation.changes.label !== undefined && operation.changes.label.trim() === '') return fail('an actor needs a name');
      const undo: ActorChanges = {};
      const next: Actor = { ...old };
      if (operation.changes.label !== undefined) {
        undo.label = old.label;
        next.label = operation.changes.label.trim();
      }
      if (operation.changes.attributes !== undefined) {
        undo.attributes = old.attributes;
        next.attributes = { ...operation.changes.attributes };
      }
      const actors = map.actors.slice();
      actors[index] = next;
      return { ok: true, map: { ...map, actors }, inverse: { kind: 'update-actor', id: old.id, changes: undo }, applied: operation, warnings: [] };
    }
    case 'delete-actor': {
      const index = map.actors.findIndex((a) => a.id === operation.id);
      if (index < 0) return fail(`there is no actor "${operation.id}"`);
      const actor = map.actors[index]!;
      const restore: EditOperation[] = [{ kind: 'add-actor', actor: { ...actor }, index }];
      const worksOn: WorksOn[] = [];
      map.worksOn.forEach((entry, i) => {
        if (entry.actor === actor.id) restore.push({ kind: 'add-works-on', entry: { ...entry }, index: i });
        else worksOn.push(entry);
      });
      return {
        ok: true,
        map: { ...map, actors: map.actors.filter((_, i) => i !== index), worksOn },
        inverse: { kind: 'batch', label: `Restore actor "${actor.label}"`, operations: restore },
        applied: operation,
        warnings: [],
      };
    }
    case 'add-works-on': {
      const { actor, factor } = operation.entry;
      if (!hasActor(actor)) return fail(`there is no actor "${actor}"`);
      if (!hasFactor(factor)) return fail(`there is no factor "${factor}"`);
      if (map.worksOn.some((e) => e.actor === actor && e.factor === factor)) return fail(`"${actor}" already works on ${quote(map, factor)}`);
      return {
        ok: true,
        map: { ...map, worksOn: insertAt(map.worksOn, { ...operation.entry }, operation.index) },
        inverse: { kind: 'delete-works-on', actor, factor },
        applied: operation,
        warnings: [],
      };
    }
    case 'delete-works-on': {
      const index = map.worksOn.findIndex((e) => e.actor === operation.actor && e.factor === operation.factor);
      if (index < 0) return fail(`"${operation.actor}" does not work on ${quote(map, operation.factor)}`);
      return {
        ok: true,
        map: { ...map, worksOn: map.worksOn.filter((_, i) => i !== index) },
        inverse: { kind: 'add-works-on', entry: { ...map.worksOn[index]! }, index },
        applied: operation,
        warnings: [],
      };
    }
    case 'update-map': {
      const next: SystemMap = { ...map };
      const undo: { name?: string; description?: string | null } = {};
      if (operation.changes.name !== undefined) {
        undo.name = map.name;
        next.name = operation.changes.name;
      }
      if (operation.changes.description !== undefined) {
        undo.description = map.description ?? null;
        if (operation.changes.description === null) delete next.description;
        else next.description = operation.changes.description;
      }
      return { ok: true, map: next, inverse: { kind: 'update-map', changes: undo }, applied: operation, warnings: [] };
    }
    case 'batch': {
      let current = map;
      const inverses: EditOperation[] = [];
      const applied: EditOperation[] = [];
      const warnings: string[] = [];
      for (const step of operation.operations) {
        const result = applyEdit(current, step);
        if (!result.ok) return result;
        current = result.map;
        inverses.unshift(result.inverse);
        applied.push(result.applied);
        appendAll(warnings, result.warnings);
      }
      return {
        ok: true,
        map: current,
        inverse: { kind: 'batch', ...(operation.label !== undefined ? { label: `Undo ${operation.label}` } : {}), operations: inverses },
        applied: { ...operation, operations: applied },
        warnings,
      };
    }
  }
}

/** A short description for an undo/redo button: `Add factor "Carbon price"`. */
export function describeEdit(operation: EditOperation, map?: SystemMap): string {
  const factor = (id: string): string => (map !== undefined ? quote(map, id) : `"${id}"`);
  const link = (id: string): string => {
    const l = map?.links.find((x) => x.id === id);
    return l !== undefined ? `${factor(l.from)} -> ${factor(l.to)}` : `"${id}"`;
  };
  switch (operation.kind) {
    case 'add-factor':
      return `Add factor "${operation.factor.label}"`;
    case 'update-factor':
      return `Edit factor ${factor(operation.id)}`;
    case 'delete-factor':
      return `Delete factor ${factor(operation.id)}`;
    case 'add-link':
      return `Add link ${factor(operation.link.from)} -> ${factor(operation.link.to)}`;
    case 'update-link':
      return `Edit link ${link(operation.id)}`;
    case 'delete-link':
      return `Delete link ${link(operation.id)}`;
    case 'add-actor':
      return `Add actor "${operation.actor.label}"`;
    case 'update-actor':
      return `Edit actor "${operation.id}"`;
    case 'delete-actor':
      return `Delete actor "${operation.id}"`;
    case 'add-works-on':
      return `"${operation.entry.actor}" works on ${factor(operation.entry.factor)}`;
    case 'delete-works-on':
      return `"${operation.actor}" no longer works on ${factor(operation.factor)}`;
    case 'update-map':
      return 'Edit map details';
    case 'batch':
      return operation.label ?? `${operation.operations.length} changes`;
  }
}
