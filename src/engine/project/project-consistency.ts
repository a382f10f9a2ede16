/**
 * A project that passed its schema can still contradict itself: ties to people it does not list,
 * two people with one id, map positions that are not places on a map, settings naming a measure,
 * relation or attribute the project does not have. Hand-edited files, other tools and old or
 * damaged browser storage produce all of these. `repairProject` mends what has one certain
 * mending and says so in plain words (warnings naming the file and field): nothing is changed
 * silently, and a project that needed nothing comes back as it was (the same object).
 */
import type { Project, ProjectSettings } from '../core/model/project.ts';
import { ProjectSettingsSchema } from '../core/model/project.ts';
import type { Person } from '../core/model/records.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { mergePerson } from '../io/merge-people.ts';
import { metricDefinition } from '../analysis/metric-registry.ts';

/** Positions further out than this are no place on a map (the layouts stay within a few thousand). */
export const MAX_POSITION = 1e6;

export interface RepairedProject {
  project: Project;
  /** One warning per kind of repair, in plain words. */
  notes: InputIssue[];
}

const DEFAULT_SETTINGS = ProjectSettingsSchema.parse({});

function quoted(names: readonly string[], most = 3): string {
  const shown = names.slice(0, most).map((n) => `"${n}"`).join(', ');
  return names.length > most ? `${shown} and ${names.length - most} more` : shown;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/**
 * Records looked at between two pauses of `repairProjectInSlices`: a million ties are checked in
 * tasks of a few milliseconds each, so the page stays responsive while a stored project opens
 * (20,000 positions of a stored layout, with a collection, were a 76 ms task).
 */
const SLICE = 10_000;

/** Counts records looked at; a generator yields (a pause) every SLICE of them. */
interface Work {
  n: number;
}

/** One person per id: later entries merged into the first (as imports merge repeats). */
function* uniquePeople(people: readonly Person[], work: Work): Generator<void, { people: Person[]; repeated: string[] }> {
  const at = new Map<string, number>();
  const out: Person[] = [];
  const repeated: string[] = [];
  for (const person of people) {
    if (++work.n % SLICE === 0) yield;
    const index = at.get(person.id);
    if (index === undefined) {
      at.set(person.id, out.length);
      out.push(person);
    } else {
      out[index] = mergePerson(out[index] as Person, person).person;
      repeated.push(person.id);
    }
  }
  return { people: out, repeated };
}

/** Positions that are places on a map, for ids that exist; how many were dropped as unusable. */
function* usablePositions(layout: Project['layout'], known: (id: string) => boolean, work: Work): Generator<void, { layout: Project['layout']; unusable: number; unknown: number }> {
  let unusable = 0;
  let unknown = 0;
  const kept: Array<[string, [number, number]]> = [];
  for (const id of Object.keys(layout)) {
    if (++work.n % SLICE === 0) yield;
    const [x, y] = layout[id]!;
    if (!known(id)) unknown++;
    else if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > MAX_POSITION || Math.abs(y) > MAX_POSITION) unusable++;
    else kept.push([id, [x, y]]);
  }
  return { layout: unusable + unknown === 0 ? layout : (Object.fromEntries(kept) as Project['layout']), unusable, unknown };
}

function* attributeKeys(people: readonly Person[], work: Work): Generator<void, Set<string>> {
  const keys = new Set<string>();
  for (const person of people) {
    if (++work.n % SLICE === 0) yield;
    for (const key of Object.keys(person.attributes)) keys.add(key);
  }
  return keys;
}

/** Whether a colour choice names something this project has (see the app's colour menu). */
function colourExists(colorBy: string, attributes: ReadonlySet<string>): boolean {
  if (colorBy === 'community') return true;
  if (colorBy.startsWith('attr:')) return attributes.has(colorBy.slice(5));
  if (colorBy.startsWith('skill:')) return colorBy.length > 6;
  return metricDefinition(colorBy) !== undefined;
}

function repairSettings(settings: ProjectSettings, relations: ReadonlySet<string>, attributes: ReadonlySet<string>): { settings: ProjectSettings; fixed: string[] } {
  const fixed: string[] = [];
  const next = { ...settings };
  if (metricDefinition(settings.sizeBy) === undefined) {
    fixed.push(`size by "${settings.sizeBy}" (not a measure netweave has)`);
    next.sizeBy = DEFAULT_SETTINGS.sizeBy;
  }
  if (!colourExists(settings.colorBy, attributes)) {
    fixed.push(`colour by "${settings.colorBy}" (nothing in this project)`);
    next.colorBy = DEFAULT_SETTINGS.colorBy;
  }
  const missing = settings.relations.filter((r) => !relations.has(r));
  if (missing.length > 0) {
    fixed.push(`the relation${missing.length === 1 ? '' : 's'} ${quoted(missing)} (no tie has ${missing.length === 1 ? 'it' : 'them'})`);
    next.relations = settings.relations.filter((r) => relations.has(r));
  }
  if (settings.groupBy !== '' && !attributes.has(settings.groupBy)) {
    fixed.push(`compare groups by "${settings.groupBy}" (no one has it)`);
    next.groupBy = '';
  }
  return { settings: fixed.length === 0 ? settings : next, fixed };
}

/** Checks a loaded project for contradictions and mends those with one certain mending. Never throws. */
export function repairProject(project: Project, file: string): RepairedProject {
  const steps = repairSteps(project, file);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `repairProject` in slices, awaiting `between` (e.g. a yield to the page) after each. */
export async function repairProjectInSlices(project: Project, file: string, between: () => Promise<void>): Promise<RepairedProject> {
  const steps = repairSteps(project, file);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await between();
  }
}

function* repairSteps(project: Project, file: string): Generator<void, RepairedProject> {
  const work: Work = { n: 0 };
  const notes: InputIssue[] = [];
  const note = (code: string, message: string, field: string): void => {
    notes.push({ level: 'warning', code, message, file, field });
  };
  const dataset = project.dataset;

  const unique = yield* uniquePeople(dataset.people, work);
  if (unique.repeated.length > 0) {
    note('duplicate-person', `${plural(unique.repeated.length, 'person was', 'people were')} listed twice under one id (${quoted([...new Set(unique.repeated)])}); each id is now one person, with what the entries said merged`, 'dataset.people');
  }
  const ids = new Set(unique.people.map((p) => p.id));
  const added: Person[] = [];
  const mention = (id: string): void => {
    if (ids.has(id)) return;
    ids.add(id);
    added.push({ id, label: id, attributes: {} });
  };
  // The relations the ties hold are gathered on the same pass (the settings must name one of them).
  const relations = new Set(dataset.relations.map((r) => r.name));
  for (const tie of dataset.ties) {
    if (++work.n % SLICE === 0) yield;
    mention(tie.source);
    mention(tie.target);
    relations.add(tie.relation);
  }
  for (const a of dataset.attendance) mention(a.person);
  for (const m of dataset.mentorships) {
    mention(m.mentor);
    mention(m.mentee);
  }
  if (added.length > 0) {
    note('unlisted-people', `${plural(added.length, 'person is', 'people are')} named in ties, attendance or mentorships but missing from the people list (${quoted(added.map((p) => p.id))}); they were added as people without details`, 'dataset.people');
  }
  const people = unique.repeated.length + added.length === 0 ? dataset.people : [...unique.people, ...added];

  const positions = yield* usablePositions(project.layout, (id) => ids.has(id), work);
  if (positions.unusable > 0) note('bad-position', `${plural(positions.unusable, 'map position')} ${positions.unusable === 1 ? 'was' : 'were'} not a usable place (not a number, or far off the map); ${positions.unusable === 1 ? 'that person is' : 'those people are'} placed again`, 'layout');
  const factors = new Set((project.systemMap?.factors ?? []).map((f) => f.id));
  const mapPositions = yield* usablePositions(project.systemMapLayout, (id) => factors.has(id), work);
  if (mapPositions.unusable > 0) note('bad-position', `${plural(mapPositions.unusable, 'system-map position')} ${mapPositions.unusable === 1 ? 'was' : 'were'} not a usable place; ${mapPositions.unusable === 1 ? 'that factor is' : 'those factors are'} placed again`, 'systemMapLayout');

  const settings = repairSettings(project.settings, relations, yield* attributeKeys(people, work));
  if (settings.fixed.length > 0) note('unknown-setting', `the saved view named ${settings.fixed.join('; ')}; ${settings.fixed.length === 1 ? 'it was' : 'they were'} set back to the default`, 'settings');

  const changed = people !== dataset.people || positions.layout !== project.layout || mapPositions.layout !== project.systemMapLayout || settings.settings !== project.settings;
  if (!changed) return { project, notes };
  return {
    project: { ...project, dataset: people === dataset.people ? dataset : { ...dataset, people }, layout: positions.layout, systemMapLayout: mapPositions.layout, settings: settings.settings },
    notes,
  };
}
