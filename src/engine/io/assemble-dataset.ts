/**
 * Merging the parts read from several files into one dataset: people from the people lists
 * (merged by id), then the people that ties, attendance and mentorships name, then relations;
 * the result is validated with DatasetSchema. Takes each file's reading (a part read with
 * errors is still checked against the others, so every problem is reported at once) and gives
 * the dataset, which is usable only when no file and no check found an error.
 */
import { DatasetSchema } from '../core/model/dataset.ts';
import type { Dataset } from '../core/model/dataset.ts';
import type { Attendance, Mentorship, Person, Tie } from '../core/model/records.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { readSoFar, resultOf, type Reading, type Result } from '../core/util/result.ts';
import { collectRelations } from './collect-relations.ts';
import { mergePerson } from './merge-people.ts';
import { issueLocation, mergeTies } from './merge-ties.ts';
import type { TieDraft } from './merge-ties.ts';
import type { ImportPart, TieOrigin } from './types.ts';
import { zodIssuesToInputIssues } from '../core/util/zod-issues.ts';
import { isReservedId, reservedIdMessage } from '../core/model/reserved-ids.ts';
import { appendAll } from '../core/util/append-all.ts';
import { hasLoneSurrogate, showLoneSurrogates } from '../core/util/lone-surrogate.ts';

export interface AssembleOptions {
  /** Dataset name. Default: a name carried by a file (saved dataset), else the first file's name. */
  name?: string;
  /**
   * What to do with a tie naming someone who is not in any people list, when one was given:
   * 'add' them as a person (warning `unknown-id`), or 'reject' the tie (error). Default 'add'.
   * Without any people list, everyone named simply becomes a person.
   */
  unknownIds?: 'add' | 'reject';
}

function stem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

/**
 * Ids as the dataset schema reads them (core/model/records.ts trims every id), so that people
 * are merged and ties matched by the id they will have, not by one that differs only in spaces.
 */
const normalId = (id: string): string => id.trim();

function normalPerson(person: Person): Person {
  const id = normalId(person.id);
  return id === person.id ? person : { ...person, id };
}

function normalTie(tie: Tie): Tie {
  const source = normalId(tie.source);
  const target = normalId(tie.target);
  return source === tie.source && target === tie.target ? tie : { ...tie, source, target };
}

/**
 * Where each person of a part is written: the origin its reader recorded, else the first tie of
 * the part that names them (their row in an edge list), else the file alone. The ties are looked
 * through once, and only when a person without an origin needs a place (an issue about them).
 */
function personLocator(part: ImportPart): (i: number, id: string) => Pick<InputIssue, 'file' | 'row' | 'field'> {
  let firstTie: Map<string, { at: number; end: 'source' | 'target' }> | undefined;
  return (i, id) => {
    const own = part.personOrigins?.[i];
    if (own !== undefined) return issueLocation(own);
    if (firstTie === undefined) {
      firstTie = new Map();
      for (let t = part.ties.length - 1; t >= 0; t--) {
        const tie = part.ties[t] as Tie;
        firstTie.set(normalId(tie.target), { at: t, end: 'target' });
        firstTie.set(normalId(tie.source), { at: t, end: 'source' });
      }
    }
    const first = firstTie.get(id);
    const origin = first === undefined ? undefined : part.tieOrigins?.[first.at];
    if (first === undefined || origin === undefined) return { file: part.file };
    const field = first.end === 'source' ? origin.sourceField : origin.targetField;
    return { ...issueLocation(origin), ...(field !== undefined ? { field } : {}) };
  };
}

/**
 * One dataset from each file's reading. A failure's `partial` is the best effort, validated no
 * further, so that problems are shown; it is never a dataset to use.
 */
export function assembleDataset(readings: readonly Result<ImportPart>[], options: AssembleOptions = {}): Reading<Dataset> {
  const unknownIds = options.unknownIds ?? 'add';
  const issues: InputIssue[] = readings.flatMap((reading) => reading.issues);
  const parts = readings.map(readSoFar).filter((part): part is ImportPart => part !== undefined);

  // People from every part that lists them (people CSVs, matrices, GEXF, GraphML, saved datasets).
  const people: Person[] = [];
  const personFile: string[] = [];
  // Where each person in `people` was first read, as numbers (a million people need no million
  // closures): the part and the person's place in it, or -1 and the place of the tie naming them.
  const personPart: number[] = [];
  const personAt: number[] = [];
  const addedWhere = new Map<number, Pick<InputIssue, 'file' | 'row' | 'field'>>();
  const locators: Array<ReturnType<typeof personLocator>> = [];
  const indexOf = new Map<string, number>();
  const reportedReserved = new Set<string>();
  const damaged = new Set<string>();
  const checkText = (id: string, where: Pick<InputIssue, 'file' | 'row' | 'field'>): void => {
    if (damaged.has(id) || !hasLoneSurrogate(id)) return;
    damaged.add(id);
    issues.push({ level: 'warning', code: 'damaged-text', message: `"${showLoneSurrogates(id)}" holds a damaged character (half of an emoji or other symbol, shown as \uFFFD); check the name in the file`, ...where });
  };
  parts.forEach((part, partIndex) => {
    const locate = personLocator(part);
    locators.push(locate);
    part.people.forEach((read, i) => {
      const person = normalPerson(read);
      const place = (): Pick<InputIssue, 'file' | 'row' | 'field'> => {
        const where = locate(i, person.id);
        return { ...where, field: where.field ?? 'id' };
      };
      if (hasLoneSurrogate(person.id)) checkText(person.id, place());
      if (isReservedId(person.id)) {
        reportedReserved.add(person.id);
        issues.push({ level: 'error', code: 'reserved-id', message: reservedIdMessage(person.id), ...place() });
        return;
      }
      const at = indexOf.get(person.id);
      if (at === undefined) {
        indexOf.set(person.id, people.length);
        people.push(person);
        personFile.push(part.file);
        personPart.push(partIndex);
        personAt.push(i);
        return;
      }
      const firstFile = personFile[at] as string;
      const merged = mergePerson(people[at] as Person, person);
      people[at] = merged.person;
      if (firstFile === part.file) {
        // Ids that differ only by spaces around them are one id (the schema trims them).
        const spaced = read.id !== person.id ? ` (as "${read.id}", the same id once the spaces around it are dropped)` : '';
        issues.push({
          level: 'warning',
          code: 'duplicate-node',
          message: `"${person.id}" is listed twice${spaced}; the two were merged`,
          ...place(),
        });
      } else if (merged.conflicts.length > 0) {
        issues.push({
          level: 'warning',
          code: 'conflicting-attribute',
          message: `"${person.id}" has a different ${merged.conflicts.join(', ')} here than in ${firstFile}; the value from ${firstFile} was kept`,
          ...place(),
          field: merged.conflicts[0] as string,
        });
      }
    });
  });
  const roster = parts.filter((part) => part.people.length > 0).map((part) => part.file);
  const rosterText = roster.join(', ');
  const byLowerCase = new Map(people.map((p) => [p.id.toLowerCase().replace(/\s+/g, ' '), p.id]));
  const hint = (id: string): string => {
    const near = byLowerCase.get(id.toLowerCase().replace(/\s+/g, ' '));
    return near !== undefined && near !== id ? ` (did you mean "${near}"?)` : '';
  };

  /** Makes sure `id` is a person; false when the reference must be rejected. */
  const reported = new Set<string>();
  const admit = (id: string, where: Pick<InputIssue, 'file' | 'row' | 'field'>): boolean => {
    checkText(id, where);
    if (isReservedId(id)) {
      // Once per id: the first place it appears is enough to find and rename it.
      if (!reportedReserved.has(id)) issues.push({ level: 'error', code: 'reserved-id', message: reservedIdMessage(id), ...where });
      reportedReserved.add(id);
      return true;
    }
    if (indexOf.has(id)) return true;
    if (roster.length > 0 && unknownIds === 'reject') return false;
    indexOf.set(id, people.length);
    people.push({ id, label: id, attributes: {} });
    personFile.push(where.file ?? '');
    personPart.push(-1);
    personAt.push(-1);
    addedWhere.set(people.length - 1, where);
    if (roster.length > 0 && !reported.has(id)) {
      reported.add(id);
      issues.push({
        level: 'warning',
        code: 'unknown-id',
        message: `"${id}" is not in the people list (${rosterText})${hint(id)}; they were added as a person without attributes`,
        ...where,
      });
    }
    return true;
  };
  const rejectMessage = (ids: string[], what: string): string =>
    `${ids.map((id) => `"${id}"${hint(id)}`).join(' and ')} ${ids.length > 1 ? 'are' : 'is'} not in the people list (${rosterText}), so this ${what} was left out`;

  const drafts: TieDraft[] = [];
  for (const part of parts) {
    part.ties.forEach((read, i) => {
      const tie = normalTie(read);
      const origin: TieOrigin = part.tieOrigins?.[i] ?? { file: part.file };
      const place = issueLocation(origin);
      const sourceAt = { ...place, ...(origin.sourceField !== undefined ? { field: origin.sourceField } : {}) };
      const targetAt = { ...place, ...(origin.targetField !== undefined ? { field: origin.targetField } : {}) };
      const missing = [
        admit(tie.source, sourceAt) ? undefined : tie.source,
        admit(tie.target, targetAt) ? undefined : tie.target,
      ];
      const rejected = missing.filter((id): id is string => id !== undefined);
      if (rejected.length > 0) {
        issues.push({
          level: 'error',
          code: 'unknown-id',
          message: rejectMessage([...new Set(rejected)], 'tie'),
          ...(missing[0] !== undefined ? sourceAt : targetAt),
        });
        return;
      }
      drafts.push({ tie, origin });
    });
  }
  // Within a file duplicates were merged already; what is left are repeats across files.
  const merged = mergeTies(drafts, { reportSelfLoops: false });
  appendAll(issues, merged.issues);

  const attendance: Attendance[] = [];
  const mentorships: Mentorship[] = [];
  for (const part of parts) {
    for (const read of part.attendance) {
      const record = read.person === read.person.trim() ? read : { ...read, person: read.person.trim() };
      if (admit(record.person, { file: part.file })) attendance.push(record);
      else issues.push({ level: 'error', code: 'unknown-id', message: rejectMessage([record.person], 'attendance'), file: part.file });
    }
    for (const read of part.mentorships) {
      const record = read.mentor === read.mentor.trim() && read.mentee === read.mentee.trim() ? read : { ...read, mentor: read.mentor.trim(), mentee: read.mentee.trim() };
      const rejected = [record.mentor, record.mentee].filter((id) => !admit(id, { file: part.file }));
      if (rejected.length === 0) mentorships.push(record);
      else issues.push({ level: 'error', code: 'unknown-id', message: rejectMessage(rejected, 'mentorship'), file: part.file });
    }
  }

  const relations = collectRelations(
    merged.ties,
    (index) => merged.origins[index]?.file,
    parts.flatMap((part) => part.relations),
  );
  // Each file already reported its own mixed relations; only report mixes across files.
  const ownMixes = new Set(
    readings.flatMap((reading) =>
      reading.issues.filter((i) => i.code === 'mixed-direction').map((i) => `${i.file ?? ''}\u0000${i.message}`),
    ),
  );
  appendAll(issues, relations.issues.filter((i) => !ownMixes.has(`${i.file ?? ''}\u0000${i.message}`)));

  const named = parts.find((part) => part.name !== undefined)?.name;
  const described = parts.find((part) => part.description !== undefined)?.description;
  const firstFile = parts[0]?.file;
  const dataset: Dataset = {
    format: 'netweave-dataset',
    version: 1,
    name: options.name ?? named ?? (firstFile !== undefined && stem(firstFile) !== '' ? stem(firstFile) : 'Untitled network'),
    ...(described !== undefined ? { description: described } : {}),
    people,
    relations: relations.relations,
    ties: merged.ties,
    attendance,
    mentorships,
  };
  const parsed = DatasetSchema.safeParse(dataset);
  if (parsed.success) return resultOf(parsed.data, issues);
  issues.push(
    ...zodIssuesToInputIssues(parsed.error.issues, dataset, undefined, (path) => {
      const [collection, index, ...rest] = path;
      if (collection === 'ties' && typeof index === 'number') {
        const origin = merged.origins[index];
        if (origin !== undefined) {
          return { ...issueLocation(origin), ...(rest.length > 0 ? { field: rest.map(String).join('.') } : {}) };
        }
      }
      if (collection === 'people' && typeof index === 'number') {
        const part = personPart[index] ?? -1;
        const where = part >= 0 ? locators[part]?.(personAt[index] as number, people[index]?.id ?? '') : addedWhere.get(index);
        return { file: personFile[index] ?? '', ...(where?.row !== undefined ? { row: where.row } : {}), field: path.map(String).join('.') };
      }
      return { field: path.map(String).join('.') };
    }),
  );
  return resultOf(dataset, issues);
}
