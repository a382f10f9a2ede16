/**
 * Joins the parts read from one or more files into one system map: resolves the names written in
 * links and works-on lists to factors and actors (by id, then label, then ignoring case and
 * spacing), reads polarities, and reports every problem with the file, row and field it came from.
 *
 * Rules, each reported so that nothing is lost silently:
 * - a link to a name that is not a factor: an error by default; `unknownFactors: 'create'` adds
 *   the factor, `'skip'` leaves the link out (both warn). With no factor list at all (links
 *   alone) factors are made from the links without a warning;
 * - a polarity that is neither + nor -: an error naming the cell;
 * - a self-loop (a factor that drives itself): kept, as a loop of length 1, with a warning;
 * - the same ordered pair twice: merged into one link; if the signs disagree the link is kept
 *   as `ambiguous` with the first sign;
 * - a link from an actor to a factor (Kumu maps often draw them): an actor works-on entry;
 * - a factor listed twice: merged (tags joined, first description kept).
 */
import type { Attributes } from '../../core/model/records.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { readSoFar, resultOf, type Reading, type Result } from '../../core/util/result.ts';
import { setAttribute } from '../../io/attribute-columns.ts';
import type { ActorDraft, DraftOrigin, LinkDraft, SystemMapPart, WorksOnDraft } from './drafts.ts';
import { locate } from './drafts.ts';
import { checkSystemMap, SYSTEM_MAP_VERSION } from '../../core/model/systemmap.ts';
import type { Actor, CausalLink, Factor, SystemMap, WorksOn } from '../../core/model/systemmap.ts';
import { parsePolarity } from './polarity.ts';
import { appendAll } from '../../core/util/append-all.ts';

export type UnknownFactorPolicy = 'error' | 'skip' | 'create';

export interface AssembleOptions {
  /**
   * Links and works-on entries naming something that is not a listed factor: `error` (default)
   * stops the import with the row; `create` adds the factor; `skip` leaves the entry out.
   */
  unknownFactors?: UnknownFactorPolicy;
  /** Map name. Default: the name a file carries, else the first file's name. */
  name?: string;
}

/**
 * A map read from files: its value when no issue is an error; a failure's `partial` is the map
 * read so far (it lacks whatever the errors name), to show problems, never to use. Each issue has
 * file, row (or JSON path) and field.
 */
export type SystemMapImportResult = Reading<SystemMap>;

type Entity = { kind: 'factor' | 'actor'; id: string };

/** `Political  Will ` and `political will` are the same name. */
export function normalizeName(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, ' ');
}

function levenshtein(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > cap) return cap + 1;
    prev = row;
  }
  return prev[b.length]!;
}

class Registry {
  readonly factors: Factor[] = [];
  readonly actors: Actor[] = [];
  private readonly factorById = new Map<string, Factor>();
  private readonly actorById = new Map<string, Actor>();
  private readonly byLabel = new Map<string, Entity[]>();
  private readonly byNormal = new Map<string, Entity[]>();
  private readonly origins = new Map<string, DraftOrigin>();
  private readonly aliases = new Map<string, Entity>();

  private index(map: Map<string, Entity[]>, key: string, entity: Entity): void {
    const list = map.get(key) ?? [];
    if (!list.some((e) => e.kind === entity.kind && e.id === entity.id)) list.push(entity);
    map.set(key, list);
  }

  private register(entity: Entity, label: string): void {
    this.index(this.byLabel, label, entity);
    this.index(this.byNormal, normalizeName(label), entity);
    this.index(this.byNormal, normalizeName(entity.id), entity);
  }

  hasId(id: string): boolean {
    return this.factorById.has(id) || this.actorById.has(id);
  }

  factor(id: string): Factor | undefined {
    return this.factorById.get(id);
  }

  actor(id: string): Actor | undefined {
    return this.actorById.get(id);
  }

  originOf(kind: 'factor' | 'actor', id: string): DraftOrigin | undefined {
    return this.origins.get(`${kind}:${id}`);
  }

  addFactor(factor: Factor, origin: DraftOrigin): void {
    this.factors.push(factor);
    this.factorById.set(factor.id, factor);
    this.origins.set(`factor:${factor.id}`, origin);
    this.register({ kind: 'factor', id: factor.id }, factor.label);
  }

  /** Another name for an entity, resolved like its id (see FactorDraft.alias). */
  addAlias(alias: string, entity: Entity): void {
    if (!this.aliases.has(alias) && !this.hasId(alias)) this.aliases.set(alias, entity);
  }

  /** How messages name an entity: by its label. */
  labelOf(entity: Entity): string {
    return (entity.kind === 'factor' ? this.factorById.get(entity.id)?.label : this.actorById.get(entity.id)?.label) ?? entity.id;
  }

  addActor(actor: Actor, origin: DraftOrigin): void {
    this.actors.push(actor);
    this.actorById.set(actor.id, actor);
    this.origins.set(`actor:${actor.id}`, origin);
    this.register({ kind: 'actor', id: actor.id }, actor.label);
  }

  /**
   * What a name refers to: an exact id, else an exact label, else the name ignoring case and
   * spacing. `prefer` breaks ties between a factor and an actor of the same name. A list of
   * several means the name is ambiguous.
   */
  resolve(text: string, prefer: 'factor' | 'actor'): Entity[] {
    const name = text.trim();
    const pick = (list: Entity[]): Entity[] => {
      const preferred = list.filter((e) => e.kind === prefer);
      return preferred.length > 0 ? preferred : list;
    };
    const exact: Entity[] = [];
    if (this.factorById.has(name)) exact.push({ kind: 'factor', id: name });
    if (this.actorById.has(name)) exact.push({ kind: 'actor', id: name });
    if (exact.length > 0) return pick(exact).slice(0, 1);
    const aliased = this.aliases.get(name);
    if (aliased !== undefined) return [aliased];
    const labelled = this.byLabel.get(name);
    if (labelled !== undefined && labelled.length > 0) return pick(labelled);
    const normal = this.byNormal.get(normalizeName(name));
    if (normal !== undefined && normal.length > 0) return pick(normal);
    return [];
  }

  /** The factor label closest to `text` (a likely typo), if any is close. */
  suggest(text: string): string | undefined {
    const target = normalizeName(text);
    // Up to one edit per four characters, and never half the name or more.
    const cap = Math.min(Math.max(1, Math.floor(target.length / 4)), Math.ceil(target.length / 2) - 1);
    if (cap < 1) return undefined;
    let best: string | undefined;
    let bestDistance = cap + 1;
    for (const factor of this.factors) {
      const d = levenshtein(target, normalizeName(factor.label), cap);
      if (d < bestDistance) {
        bestDistance = d;
        best = factor.label;
      }
    }
    return best;
  }
}

function mergeAttributes(into: Attributes, from: Attributes | undefined): void {
  if (from === undefined) return;
  for (const [key, value] of Object.entries(from)) {
    if (!Object.prototype.hasOwnProperty.call(into, key) || into[key] === null) setAttribute(into, key, value);
  }
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base} (${n})`;
  used.add(id);
  return id;
}

function describeRow(origin: DraftOrigin | undefined): string {
  if (origin === undefined) return '';
  if (origin.row !== undefined) return ` (${origin.file}, row ${origin.row})`;
  if (origin.path !== undefined) return ` (${origin.file}, ${origin.path})`;
  return ` (${origin.file})`;
}

/** Joins each file's reading into one map. Never throws; errors are issues and `ok` is false. */
export function assembleSystemMap(readings: readonly Result<SystemMapPart>[], options: AssembleOptions = {}): SystemMapImportResult {
  const issues: InputIssue[] = readings.flatMap((r) => r.issues);
  const parts = readings.map(readSoFar).filter((part): part is SystemMapPart => part !== undefined);
  const warn = (code: string, message: string, at: ReturnType<typeof locate>): void => {
    issues.push({ level: 'warning', code, message, ...at });
  };
  const error = (code: string, message: string, at: ReturnType<typeof locate>): void => {
    issues.push({ level: 'error', code, message, ...at });
  };
  const policy = options.unknownFactors ?? 'error';
  const factorLists = parts.filter((p) => p.listsFactors).map((p) => p.file);
  const listsFactors = factorLists.length > 0;
  const registry = new Registry();

  // 1. Factors, merging repeats.
  for (const part of parts) {
    for (const draft of part.factors) {
      let id = (draft.id ?? draft.label).trim();
      const label = draft.label.trim() || id;
      // Two elements of one label told apart by their internal ids stay two factors.
      if (draft.id === undefined && draft.alias !== undefined && registry.hasId(id)) id = uniqueId(id, new Set(registry.factors.map((f) => f.id)));
      if (draft.alias !== undefined) registry.addAlias(draft.alias.trim(), { kind: 'factor', id });
      const existing = registry.factor(id);
      if (existing !== undefined) {
        warn(
          'duplicate-factor',
          `the factor "${id}" is listed again${describeRow(registry.originOf('factor', id))}; the two were merged`,
          locate(draft.origin, draft.field),
        );
        if (existing.description === '' && draft.description) existing.description = draft.description;
        for (const tag of draft.tags ?? []) if (!existing.tags.includes(tag)) existing.tags.push(tag);
        mergeAttributes(existing.attributes, draft.attributes);
        continue;
      }
      if (registry.actor(id) !== undefined) {
        error('duplicate-id', `"${id}" is already the id of an actor; give the factor another id`, locate(draft.origin, draft.field));
        continue;
      }
      const attributes: Attributes = {};
      mergeAttributes(attributes, draft.attributes);
      registry.addFactor(
        { id, label, description: draft.description ?? '', tags: [...new Set(draft.tags ?? [])], attributes },
        draft.origin,
      );
    }
  }

  // 2. Actors listed as elements (Kumu) or in actor files.
  const addActorDraft = (draft: ActorDraft): void => {
    const id = (draft.id ?? draft.label).trim();
    const existing = registry.actor(id);
    if (existing !== undefined) {
      if (draft.alias !== undefined) registry.addAlias(draft.alias.trim(), { kind: 'actor', id });
      mergeAttributes(existing.attributes, draft.attributes);
      return;
    }
    const attributes: Attributes = {};
    mergeAttributes(attributes, draft.attributes);
    let actorId = id;
    if (registry.factor(id) !== undefined) {
      actorId = uniqueId(`actor: ${id}`, new Set([...registry.factors.map((f) => f.id), ...registry.actors.map((a) => a.id)]));
      warn('actor-factor-name', `"${id}" is both a factor and an actor; the actor was given the id "${actorId}"`, locate(draft.origin, draft.field));
    }
    registry.addActor({ id: actorId, label: draft.label.trim() || id, attributes }, draft.origin);
    if (draft.alias !== undefined) registry.addAlias(draft.alias.trim(), { kind: 'actor', id: actorId });
  };
  for (const part of parts) for (const draft of part.actors) addActorDraft(draft);

  // Unknown names: report, create or skip according to the policy.
  const unknownFactor = (name: string, origin: DraftOrigin, field: string, what: string, silentCreate: boolean): Entity | undefined => {
    const at = locate(origin, field);
    const where = factorLists.length > 0 ? `the factors listed in ${[...new Set(factorLists)].join(', ')}` : 'the factors of the map';
    const hint = registry.suggest(name);
    const didYouMean = hint !== undefined && hint !== name ? ` (did you mean "${hint}"?)` : '';
    if (policy === 'create' || silentCreate) {
      const id = name.trim();
      registry.addFactor({ id, label: id, description: '', tags: [], attributes: {} }, origin);
      if (!silentCreate) {
        warn('created-factor', `"${id}" is not one of ${where}${didYouMean}; it was added as a new factor`, at);
      }
      return { kind: 'factor', id };
    }
    if (policy === 'skip') {
      warn('unknown-factor', `"${name}" is not one of ${where}${didYouMean}; ${what} was left out`, at);
      return undefined;
    }
    error(
      'unknown-factor',
      `"${name}" is not one of ${where}${didYouMean}; fix the name, add the factor, or import with unknown factors created or skipped`,
      at,
    );
    return undefined;
  };

  /** Resolves a cell that may list several names; undefined when any name cannot be used. */
  const resolveCell = (
    text: string,
    origin: DraftOrigin,
    field: string,
    prefer: 'factor' | 'actor',
    separators: RegExp,
    what: string,
    createFactors: boolean,
  ): Entity[] | undefined => {
    const whole = text.trim();
    if (whole === '') {
      error('missing-id', `${field} is empty`, locate(origin, field));
      return undefined;
    }
    let names = [whole];
    if (registry.resolve(whole, prefer).length === 0 && separators.test(whole)) {
      names = whole
        .split(separators)
        .map((n) => n.trim())
        .filter((n) => n !== '');
    }
    const found: Entity[] = [];
    let ok = true;
    for (const name of [...new Set(names)]) {
      const matches = registry.resolve(name, prefer);
      if (matches.length > 1) {
        error(
          'ambiguous-name',
          `"${name}" is the label of several ${matches[0]!.kind}s (ids ${matches.map((m) => `"${m.id}"`).join(', ')}); refer to one by its id`,
          locate(origin, field),
        );
        ok = false;
      } else if (matches.length === 1) {
        found.push(matches[0]!);
      } else {
        const entity = unknownFactor(name, origin, field, what, createFactors);
        if (entity === undefined) ok = false;
        else found.push(entity);
      }
    }
    return ok ? found : undefined;
  };

  // 3. Causal links (and actor -> factor connections, which are works-on entries).
  const links: CausalLink[] = [];
  const linkByPair = new Map<string, { link: CausalLink; origin: DraftOrigin }>();
  const linkIds = new Set<string>();
  const worksOn: WorksOn[] = [];
  const worksOnPairs = new Map<string, DraftOrigin>();
  const noPolarityFiles = new Set<string>();

  const addWorksOn = (actor: string, factor: string, note: string | undefined, origin: DraftOrigin, field: string): void => {
    const key = JSON.stringify([actor, factor]);
    const first = worksOnPairs.get(key);
    if (first !== undefined) {
      warn('duplicate-works-on', `"${actor}" works on "${factor}" is listed again${describeRow(first)}; it is kept once`, locate(origin, field));
      return;
    }
    worksOnPairs.set(key, origin);
    worksOn.push({ actor, factor, ...(note ? { note } : {}) });
  };

  /** Links kept without a sign, by file, named "from → to" by label: reported once per file. */
  const unsigned = new Map<string, string[]>();
  const readLink = (draft: LinkDraft): Omit<CausalLink, 'id' | 'from' | 'to'> | undefined => {
    const polarityField = draft.fields.polarity;
    const strengthField = draft.fields.strength ?? 'strength';
    let strength = draft.strength;
    let polarity: '+' | '-' | undefined;
    let ambiguous = false;
    let strong = false;
    const text = draft.polarity?.trim();
    if (draft.unsigned && (strength === undefined || strength >= 0)) {
      return {
        polarity: '+',
        delay: draft.delay ?? false,
        ...(strength !== undefined ? { strength } : {}),
        ...(draft.note ? { note: draft.note } : {}),
        ambiguous: true,
        ...(draft.attributes !== undefined && Object.keys(draft.attributes).length > 0 ? { attributes: draft.attributes } : {}),
      };
    }
    if (text === undefined || text === '') {
      if (strength !== undefined && strength < 0) {
        polarity = '-';
        strength = -strength;
      } else if (text === undefined) {
        polarity = '+';
        if (!noPolarityFiles.has(draft.origin.file)) {
          noPolarityFiles.add(draft.origin.file);
          warn(
            'no-polarity',
            `no polarity is given for the links (a "polarity", "sign" or "type" column of + and -); every link was read as + (same direction), so loop types may be wrong`,
            { file: draft.origin.file },
          );
        }
      } else {
        error('missing-polarity', `${polarityField} is empty; write + (both rise together) or - (one rises as the other falls)`, locate(draft.origin, polarityField));
        return undefined;
      }
    } else {
      const reading = parsePolarity(text);
      if (reading === undefined) {
        error(
          'bad-polarity',
          `${polarityField} "${text}" is neither + nor -; write + (both rise together) or - (one rises as the other falls)`,
          locate(draft.origin, polarityField),
        );
        return undefined;
      }
      polarity = reading.polarity;
      ambiguous = reading.ambiguous;
      strong = reading.strong;
      if (ambiguous) {
        warn(
          'ambiguous-polarity',
          `${polarityField} "${text}" means the effect can go either way; the link was kept as "${polarity}" and loops through it are marked uncertain`,
          locate(draft.origin, polarityField),
        );
      }
      if (strength !== undefined && strength < 0) {
        if (polarity === '-') strength = -strength;
        else {
          error(
            'bad-strength',
            `${strengthField} is negative (${strength}) but the polarity is "${text}"; give a positive strength, or make the polarity -`,
            locate(draft.origin, strengthField),
          );
          return undefined;
        }
      }
    }
    if (strength === undefined && strong) strength = 2;
    return {
      polarity,
      delay: draft.delay ?? false,
      ...(strength !== undefined ? { strength } : {}),
      ...(draft.note ? { note: draft.note } : {}),
      ...(ambiguous ? { ambiguous: true } : {}),
      ...(draft.attributes !== undefined && Object.keys(draft.attributes).length > 0 ? { attributes: draft.attributes } : {}),
    };
  };

  const addCausal = (from: string, to: string, draft: LinkDraft, body: Omit<CausalLink, 'id' | 'from' | 'to'>): void => {
    const key = JSON.stringify([from, to]);
    const first = linkByPair.get(key);
    const at = locate(draft.origin, draft.fields.to);
    if (first !== undefined) {
      const link = first.link;
      if (link.polarity !== body.polarity) {
        link.ambiguous = true;
        warn(
          'conflicting-link',
          `the link from "${from}" to "${to}" is given again${describeRow(first.origin)} with the opposite sign (${body.polarity}); it was kept once with the first sign (${link.polarity}) and marked ambiguous`,
          at,
        );
      } else {
        warn('duplicate-link', `the link from "${from}" to "${to}" is given again${describeRow(first.origin)}; it is kept once`, at);
      }
      if (link.strength === undefined && body.strength !== undefined) link.strength = body.strength;
      if (body.note && link.note !== body.note) link.note = link.note ? `${link.note}; ${body.note}` : body.note;
      if (body.delay) link.delay = true;
      if (body.ambiguous) link.ambiguous = true;
      return;
    }
    if (from === to) {
      warn(
        'self-loop',
        `"${from}" is linked to itself (${body.polarity}); the link was kept and counts as a feedback loop of one factor`,
        at,
      );
    }
    const requested = draft.id?.trim();
    const id = requested && !linkIds.has(requested) ? (linkIds.add(requested), requested) : uniqueId(`${from} -> ${to}`, linkIds);
    const link: CausalLink = { id, from, to, ...body };
    links.push(link);
    linkByPair.set(key, { link, origin: draft.origin });
  };

  for (const part of parts) {
    for (const draft of part.links) {
      const what = 'the link';
      const froms = resolveCell(draft.from, draft.origin, draft.fields.from, 'actor', /\|/, what, !listsFactors);
      const tos = resolveCell(draft.to, draft.origin, draft.fields.to, 'factor', /\|/, what, !listsFactors);
      if (froms === undefined || tos === undefined) continue;
      let body: Omit<CausalLink, 'id' | 'from' | 'to'> | undefined | null = null;
      for (const a of froms) {
        for (const b of tos) {
          if (a.kind === 'actor' && b.kind === 'factor') {
            addWorksOn(a.id, b.id, draft.note, draft.origin, draft.fields.from);
          } else if (a.kind === 'factor' && b.kind === 'actor') {
            warn('reversed-works-on', `the connection runs from the factor "${registry.labelOf(a)}" to the actor "${registry.labelOf(b)}"; it was read as "${registry.labelOf(b)}" works on "${registry.labelOf(a)}"`, locate(draft.origin, draft.fields.to));
            addWorksOn(b.id, a.id, draft.note, draft.origin, draft.fields.to);
          } else if (a.kind === 'actor' && b.kind === 'actor') {
            warn(
              'actor-link',
              `the connection joins two actors ("${registry.labelOf(a)}" and "${registry.labelOf(b)}"); ties between actors belong in the people network, so it was left out of the system map`,
              locate(draft.origin, draft.fields.from),
            );
          } else {
            if (body === null) body = readLink(draft);
            if (body === undefined) continue;
            if (draft.unsigned && body.ambiguous) {
              const list = unsigned.get(draft.origin.file) ?? [];
              list.push(`${registry.labelOf(a)} → ${registry.labelOf(b)}`);
              unsigned.set(draft.origin.file, list);
            }
            addCausal(a.id, b.id, draft, { ...body });
          }
        }
      }
    }
  }

  for (const [file, links] of unsigned) {
    const shown = links.slice(0, 5).join('; ');
    warn(
      'unsigned-link',
      `${links.length} ${links.length === 1 ? 'connection has' : 'connections have'} no type, so no sign (${shown}${links.length > 5 ? '; …' : ''}); ${links.length === 1 ? 'it was' : 'they were'} kept as + and loops through them are marked uncertain. Give each a type of + or - in Kumu to read their loops`,
      { file },
    );
  }

  // 4. Works-on lists (actor files): actors are created as they appear.
  for (const part of parts) {
    for (const draft of part.worksOn as WorksOnDraft[]) {
      const actorName = draft.actor.trim();
      if (actorName === '') {
        error('missing-id', `${draft.fields.actor} is empty`, locate(draft.origin, draft.fields.actor));
        continue;
      }
      let actor = registry.resolve(actorName, 'actor').find((e) => e.kind === 'actor');
      if (actor === undefined) {
        addActorDraft({ label: actorName, origin: draft.origin, field: draft.fields.actor });
        actor = registry.resolve(actorName, 'actor').find((e) => e.kind === 'actor');
      }
      if (actor === undefined) continue;
      if (draft.factor.trim() === '') {
        // An actor listed without a factor yet: kept as an actor.
        continue;
      }
      const factors = resolveCell(draft.factor, draft.origin, draft.fields.factor, 'factor', /[|;]/, 'the entry', false);
      if (factors === undefined) continue;
      for (const factor of factors) {
        if (factor.kind !== 'factor') {
          warn('actor-works-on-actor', `"${registry.labelOf(factor)}" is an actor, not a factor; the entry was left out`, locate(draft.origin, draft.fields.factor));
          continue;
        }
        addWorksOn(actor.id, factor.id, draft.note, draft.origin, draft.fields.factor);
      }
    }
  }

  const named = parts.find((p) => p.name !== undefined && p.name.trim() !== '');
  const description = parts.find((p) => p.description !== undefined && p.description.trim() !== '')?.description;
  const map: SystemMap = {
    format: 'netweave-systemmap',
    version: SYSTEM_MAP_VERSION,
    name: options.name ?? named?.name ?? parts[0]?.file ?? 'Untitled system map',
    ...(description !== undefined ? { description } : {}),
    factors: registry.factors,
    links,
    actors: registry.actors,
    worksOn,
  };
  if (map.factors.length === 0 && !issues.some((i) => i.level === 'error')) {
    issues.push({
      level: 'error',
      code: 'no-factors',
      message: 'no factors were found: give a links file (from, to, polarity) or a factors file',
      ...(parts[0] !== undefined ? { file: parts[0].file } : {}),
    });
  }
  // A consistency check that should never fire; if it does, say so rather than return a broken map.
  appendAll(issues, checkSystemMap(map));
  return resultOf(map, issues);
}
