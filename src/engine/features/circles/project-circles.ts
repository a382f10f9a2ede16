/**
 * Peer circles of an open project, as the app asks for them: the participants (everyone, the
 * people with one attribute value, or a participants file), the project's own mentorships and
 * any previous-season files as pairs not to repeat, the user's locks, and the project's people
 * network (its chosen relations) for the pairs already tied. Assembled as `netweave circles`
 * assembles its files, then `formCircles`. Never throws: unusable files come back as issues.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { AttributeValue } from '../../core/model/records.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { fail, ok, readSoFar, type Result } from '../../core/util/result.ts';
import type { SourceFile } from '../../io/types.ts';
import { readSurveyTable } from '../../io/read-table.ts';
import { parseParticipants, parsePreviousPairs } from './import-circles.ts';
import { formCircles, type CirclesResult } from './form-circles.ts';
import type { CircleLock, CirclesOptionsInput, Participant, PreviousPair } from './model.ts';

/** Who takes part. */
export type CircleParticipantsChoice = { kind: 'everyone' } | { kind: 'attribute'; attribute: string; value: string } | { kind: 'file'; file: SourceFile };

export interface ProjectCirclesRequest {
  participants: CircleParticipantsChoice;
  /** Earlier seasons' circles (circle,person) or mentorships (mentor,mentee), besides the project's own mentorships. */
  previous: SourceFile[];
  locks: CircleLock[];
  /** across, minDistinct, sizes, reportsTo and identity (attribute names), relations, seed. */
  options: CirclesOptionsInput;
}

/** Whether an attribute value is, or lists, `value` (compared as text, case and spaces aside). */
export function hasValue(cell: AttributeValue | undefined, value: string): boolean {
  const want = value.trim().toLowerCase();
  const values = Array.isArray(cell) ? cell : cell === null || cell === undefined ? [] : [String(cell)];
  return values.some((v) => v.trim().toLowerCase() === want);
}

function projectParticipants(dataset: Dataset, choice: Exclude<CircleParticipantsChoice, { kind: 'file' }>): Participant[] {
  const people = choice.kind === 'everyone' ? dataset.people : dataset.people.filter((p) => hasValue(p.attributes[choice.attribute], choice.value));
  return people.map((p) => ({ id: p.id, label: p.label, attributes: p.attributes, wishes: [] }));
}

/**
 * The project's mentorships as pairs of participants: by id when the participants are the
 * project's people, by name when they come from a file (a name shared by two participants is
 * skipped rather than guessed).
 */
function mentorshipPairs(dataset: Dataset, participants: readonly Participant[]): PreviousPair[] {
  const ids = new Set(participants.map((p) => p.id));
  const byName = new Map<string, string | null>();
  for (const p of participants) {
    const key = p.label.trim().toLowerCase();
    byName.set(key, byName.has(key) ? null : p.id);
  }
  const labels = new Map(dataset.people.map((p) => [p.id, p.label]));
  const find = (id: string): string | null => (ids.has(id) ? id : (byName.get((labels.get(id) ?? '').trim().toLowerCase()) ?? null));
  const pairs: PreviousPair[] = [];
  for (const m of dataset.mentorships) {
    const a = find(m.mentor);
    const b = find(m.mentee);
    if (a !== null && b !== null && a !== b) pairs.push({ a, b, source: m.season ? `mentorship, ${m.season}` : 'mentorship' });
  }
  return pairs;
}

export function projectCircles(dataset: Dataset, request: ProjectCirclesRequest): Result<CirclesResult> {
  const issues: InputIssue[] = [];
  const { options } = request;
  let participants: Participant[];
  if (request.participants.kind === 'file') {
    const table = readSurveyTable(request.participants.file);
    if (!table.ok) return fail(table.issues);
    const read = parseParticipants(table.value, {
      ...(options.reportsTo !== undefined ? { reportsTo: options.reportsTo } : {}),
      ...(options.identity !== undefined ? { identity: options.identity } : {}),
      ...(options.across !== undefined ? { across: options.across } : {}),
    });
    issues.push(...read.issues);
    participants = readSoFar(read).participants;
  } else participants = projectParticipants(dataset, request.participants);
  if (participants.length === 0) {
    issues.push({ level: 'error', code: 'no-participants', message: request.participants.kind === 'attribute' ? `nobody has ${request.participants.attribute} = ${request.participants.value}` : 'there are no participants' });
  }
  const previous = mentorshipPairs(dataset, participants);
  for (const file of request.previous) {
    const table = readSurveyTable(file);
    if (!table.ok) {
      issues.push(...table.issues);
      continue;
    }
    const read = parsePreviousPairs(table.value, participants);
    issues.push(...read.issues);
    previous.push(...readSoFar(read).pairs);
  }
  if (issues.some((i) => i.level === 'error')) return fail(issues);
  // File participants carry their reports-to and wishes already; the project's people carry them as attributes.
  const fromFile = request.participants.kind === 'file';
  const { reportsTo, identity, ...rest } = options;
  const result = formCircles({ participants, previous, locks: request.locks, network: dataset }, fromFile ? rest : { ...rest, ...(reportsTo !== undefined ? { reportsTo } : {}), ...(identity !== undefined ? { identity } : {}) });
  issues.push(...result.issues);
  if (issues.some((i) => i.level === 'error')) return fail(issues);
  return ok({ ...result, issues }, []);
}
