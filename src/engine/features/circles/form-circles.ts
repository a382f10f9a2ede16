/**
 * Peer circles: small groups across work units that maximise new connections.
 *
 * `formCircles` takes the participants (and, when given, the people network, a previous season's
 * pairs and the user's locks) and returns circles that hold as many new pairs as it can find
 * (pairs not already tied in the chosen relations) while keeping the rules: circle sizes in
 * range, at least N different values of the across attribute per circle, nobody with the
 * person they report to, no pair from a previous season, identity wishes for those who asked,
 * locked people where they were locked. People at the edge of the network are spread over the
 * circles and placed with well-connected people. Participants not in the network are kept and
 * placed by their attributes only.
 *
 * It is pure, seeded and deterministic: a greedy start then simulated annealing for a fixed
 * number of steps (`solve.ts`), scored circle by circle (`score.ts`). When rules cannot all
 * hold, the result lists each one relaxed and for whom (`relaxed`), never silently. The same
 * figures are given for a seeded random assignment and the greedy start (`baselines`), on the
 * same input.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { CircleLockSchema, CirclesOptionsSchema, ParticipantSchema, PreviousPairSchema } from './model.ts';
import type { CircleLock, CirclesOptions, CirclesOptionsInput, Participant, PreviousPair } from './model.ts';
import { buildProblem, type Relaxed } from './problem.ts';
import { wishesFromAttributes } from './import-circles.ts';
import { greedyCircles, randomCircles, searchCircles } from './solve.ts';
import { assignmentMetrics, describeCircles, relaxedRules, type Circle, type CircleMetrics } from './describe.ts';
import { z } from 'zod';
import { zodIssuesToInputIssues } from '../../core/util/zod-issues.ts';

/** The fewest search steps, whatever the size: small inputs still get a thorough search. */
export const MIN_SEARCH_STEPS = 20_000;
/** The most search steps, whatever the size: about 5 seconds on one core of the benchmark machine. */
export const MAX_SEARCH_STEPS = 1_000_000;

export interface CirclesInput {
  participants: readonly z.input<typeof ParticipantSchema>[];
  /** The people network: its ties in the chosen relations are the pairs already tied. */
  network?: Dataset;
  previous?: readonly z.input<typeof PreviousPairSchema>[];
  locks?: readonly z.input<typeof CircleLockSchema>[];
}

export interface CirclesResult {
  circles: Circle[];
  metrics: CircleMetrics;
  /** The same figures for a seeded random assignment and the greedy start, on the same input. */
  baselines: { random: CircleMetrics; greedy: CircleMetrics };
  /** Every rule that could not hold, and for whom. */
  relaxed: Relaxed[];
  /** Reports-to names that match no participant (nor anyone in the network). */
  unknownReportsTo: Array<{ person: string; label: string; written: string; file?: string; row?: number }>;
  /** Participants not found in the network: placed by attributes only. */
  notInNetwork: string[];
  settings: Omit<CirclesOptions, 'across' | 'edgeMaxContacts' | 'connectedMinContacts'> & {
    across: string | null;
    minDistinct: number;
    relations: string[];
    steps: number;
    edgeMaxContacts: number | null;
    connectedMinContacts: number | null;
  };
  issues: InputIssue[];
}

const InputSchema = z.object({
  participants: z.array(ParticipantSchema),
  previous: z.array(PreviousPairSchema).default([]),
  locks: z.array(CircleLockSchema).default([]),
});

/** Participants once each: later duplicates are reported and left out. */
function dedupe(list: Participant[], issues: InputIssue[]): Participant[] {
  const seen = new Map<string, Participant>();
  for (const p of list) {
    const first = seen.get(p.id);
    if (first !== undefined) {
      issues.push({ level: 'warning', code: 'duplicate-participant', message: `the participant ${JSON.stringify(p.id)} is listed twice${first.row !== undefined ? ` (first in row ${first.row})` : ''}; the second is left out`, ...(p.file !== undefined ? { file: p.file } : {}), ...(p.row !== undefined ? { row: p.row } : {}) });
      continue;
    }
    seen.set(p.id, p);
  }
  return [...seen.values()];
}

export function searchSteps(options: CirclesOptions, people: number): number {
  return options.iterationsPerPerson === 0 ? 0 : Math.max(MIN_SEARCH_STEPS, Math.min(MAX_SEARCH_STEPS, options.iterationsPerPerson * people));
}

export function formCircles(input: CirclesInput, optionsInput: CirclesOptionsInput = {}): CirclesResult {
  const options = CirclesOptionsSchema.parse(optionsInput);
  const issues: InputIssue[] = [];
  const parsed = InputSchema.safeParse(input);
  if (!parsed.success) {
    issues.push(...zodIssuesToInputIssues(parsed.error.issues.slice(0, 10), input, undefined));
    const none: CircleMetrics = { circles: 0, people: 0, pairs: 0, newPairs: 0, circlesMeetingUnitRule: 0, averageUnits: 0, edgePeople: 0, edgeWithConnector: 0, broken: { reportsTo: 0, previous: 0, units: 0, identity: 0, size: 0 } };
    return { circles: [], metrics: none, baselines: { random: none, greedy: none }, relaxed: [], unknownReportsTo: [], notInNetwork: [], settings: { ...options, across: null, minDistinct: 0, relations: [], steps: 0, edgeMaxContacts: null, connectedMinContacts: null }, issues };
  }
  const read = wishesFromAttributes(dedupe(parsed.data.participants, issues), options);
  issues.push(...read.issues);
  const participants = read.participants;
  const previous: PreviousPair[] = parsed.data.previous;
  const locks: CircleLock[] = parsed.data.locks;
  const built = buildProblem({ participants, network: input.network, previous, locks }, options);
  issues.push(...built.issues);
  const p = built.problem;
  const steps = searchSteps(options, p.n);
  const random = randomCircles(p, options.seed);
  const greedy = greedyCircles(p, options.seed);
  const solved = searchCircles(p, greedy, { seed: options.seed, iterations: steps });
  const relaxed = [...built.relaxed, ...relaxedRules(p, solved)];
  if (relaxed.length > 0) {
    issues.push({ level: 'warning', code: 'rules-relaxed', message: `not every rule could hold: ${relaxed.length} relaxed (${[...new Set(relaxed.map((r) => r.constraint))].join(', ')}); each is listed with the people it concerns` });
  }
  return {
    circles: describeCircles(p, solved),
    metrics: assignmentMetrics(p, solved),
    baselines: { random: assignmentMetrics(p, random), greedy: assignmentMetrics(p, greedy) },
    relaxed,
    unknownReportsTo: built.unknownReportsTo,
    notInNetwork: input.network === undefined ? [] : p.ids.filter((_, i) => p.inNetwork[i] === 0),
    settings: {
      ...options,
      across: p.across,
      minDistinct: p.minDistinct,
      relations: p.relations,
      steps,
      edgeMaxContacts: p.edgeMaxContacts,
      connectedMinContacts: p.connectedMinContacts,
    },
    issues,
  };
}
