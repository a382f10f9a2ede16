/**
 * Peer circles against their baselines (issue #20): the solver (greedy start, then simulated
 * annealing), a seeded random assignment and the greedy start alone, on the same input.
 *
 *     npx tsx bench/circles.ts [--seed N] [--participants 1000] [--units 73] [--dense 20]
 *
 * Two inputs:
 * - the coalition sample (data/samples/coalition): its 120 roster members as participants
 *   (circles mixed across sector), the network of its two survey questions from wave 1 (the
 *   survey import with the roster), last season's mentorships as pairs not to repeat, every
 *   tenth person reporting to the one before them, and four identity wishes ("same region");
 * - a generated library system: N staff in U work units (bench/generate-graph.ts, the planted
 *   communities as work units, so most ties are inside a unit, 5 ties per person on average),
 *   half of each unit reporting to its first member, a random earlier season of circles as
 *   pairs not to repeat, and one person in 25 wishing for a circle with the same region;
 * - a first season in that system, as the issue describes one: 67 participants from 44 of its
 *   units (one from each, then 23 more from the same units), the whole system as the network;
 * - the same system with 20 ties per person (a staff that already knows each other well), where
 *   new pairs are scarce enough for the methods to differ;
 * - Krackhardt's 21 high-tech managers (test/fixtures/classic/krackhardt): their departments,
 *   whom each reports to (the reports_to relation), and their dense advice and friendship ties.
 *
 * For each it prints new pairs (of all pairs in circles), circles meeting the unit rule, the
 * average units per circle, people at the edge placed with a well-connected person, rules broken
 * by each assignment, and the solver's wall time. Figures only; nothing here asserts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { formCircles, type CirclesInput, type CirclesResult } from '../src/engine/features/circles/form-circles.ts';
import type { CircleMetrics } from '../src/engine/features/circles/describe.ts';
import type { CirclesOptionsInput, Participant, PreviousPair } from '../src/engine/features/circles/model.ts';
import { parseParticipants, parsePreviousPairs } from '../src/engine/features/circles/import-circles.ts';
import { runSurveyImport } from '../src/engine/features/survey/run-survey-import.ts';
import { readCsv } from '../src/engine/io/csv-read.ts';
import { orThrow } from '../src/engine/core/util/result.ts';
import { createRng } from '../src/engine/core/util/rng.ts';
import type { Dataset } from '../src/engine/core/model/dataset.ts';
import { generateGraph, nodeId } from './generate-graph.ts';

const COALITION = fileURLToPath(new URL('../data/samples/coalition/', import.meta.url));
const KRACKHARDT = fileURLToPath(new URL('../test/fixtures/classic/krackhardt/', import.meta.url));

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function coalitionInput(): CirclesInput {
  const file = (name: string) => ({ name, text: readFileSync(`${COALITION}${name}`, 'utf8') });
  const network = orThrow(runSurveyImport({ surveys: [file('survey_wave1.csv')], roster: file('people.csv') })).value.dataset;
  const lines = readFileSync(`${COALITION}people.csv`, 'utf8').trim().split('\n');
  const rows = lines.slice(1).map((line) => line.split(','));
  const csv = ['name,email,sector,region,reports to,circle wish', ...rows.map((r, i) => [r[0], r[1], r[3], r[4], i % 10 === 1 ? rows[i - 1]![0] : '', i % 30 === 3 ? 'same region' : ''].join(','))].join('\n');
  const participants = orThrow(parseParticipants(orThrow(readCsv(csv, { file: 'participants.csv' })).value, { reportsTo: 'reports to', identity: 'circle wish' })).value.participants;
  const previous = orThrow(parsePreviousPairs(orThrow(readCsv(readFileSync(`${COALITION}mentorships.csv`, 'utf8'), { file: 'mentorships.csv' })).value, participants)).value.pairs;
  return { participants, network, previous };
}

function libraryInput(people: number, units: number, seed: number, tiesPerPerson = 5): CirclesInput {
  const graph = generateGraph({ name: 'small', nodes: people, edges: people * tiesPerPerson }, { seed, communities: units });
  const rng = createRng(seed + 1);
  const regions = ['North', 'South', 'East', 'West'];
  const firstOf = new Map<number, string>();
  const participants: Participant[] = [];
  for (let i = 0; i < people; i++) {
    const unit = graph.planted[i]!;
    const id = nodeId(i);
    const boss = firstOf.get(unit);
    if (boss === undefined) firstOf.set(unit, id);
    participants.push({
      id,
      label: `Staff ${i + 1}`,
      attributes: { 'work unit': `Library ${unit + 1}`, region: regions[Math.floor(rng() * 4)]! },
      ...(boss !== undefined && rng() < 0.5 ? { reportsTo: boss } : {}),
      wishes: i % 25 === 7 ? [{ attribute: 'region' }] : [],
    });
  }
  const network: Dataset = {
    format: 'netweave-dataset',
    version: 1,
    name: 'library system',
    people: participants.map((p) => ({ id: p.id, label: p.label, attributes: p.attributes })),
    relations: [{ name: 'knows', directed: false }],
    ties: Array.from(graph.source, (s, k) => ({ source: nodeId(s), target: nodeId(graph.target[k]!), relation: 'knows', directed: false, weight: 1 })),
    attendance: [],
    mentorships: [],
  };
  // A previous season: random circles of 5.
  const order = participants.map((p) => p.id).sort(() => rng() - 0.5);
  const previous: PreviousPair[] = [];
  for (let start = 0; start < order.length; start += 5) {
    const circle = order.slice(start, start + 5);
    for (let x = 0; x < circle.length; x++) for (let y = x + 1; y < circle.length; y++) previous.push({ a: circle[x]!, b: circle[y]!, source: 'last season' });
  }
  return { participants, network, previous };
}

function krackhardtInput(): CirclesInput {
  const rows = (file: string): string[][] => readFileSync(`${KRACKHARDT}${file}`, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const edges = rows('edges.csv');
  const boss = new Map(edges.filter((e) => e[2] === 'reports_to').map((e) => [e[0]!, e[1]!]));
  const participants: Participant[] = rows('nodes.csv').map(([id, , , , dept]) => ({ id: id!, label: `Manager ${id}`, attributes: { dept: dept! }, ...(boss.has(id!) ? { reportsTo: boss.get(id!)! } : {}), wishes: [] }));
  const network: Dataset = {
    format: 'netweave-dataset',
    version: 1,
    name: 'krackhardt',
    people: participants.map((p) => ({ id: p.id, label: p.label, attributes: {} })),
    relations: [{ name: 'advice', directed: true }, { name: 'friendship', directed: true }],
    ties: edges.filter((e) => e[2] !== 'reports_to').map(([source, target, relation]) => ({ source: source!, target: target!, relation: relation!, directed: true, weight: 1 })),
    attendance: [],
    mentorships: [],
  };
  return { participants, network };
}

/** 67 participants from 44 units: one from each of 44 seeded units, then 23 more from them. */
function firstSeason(system: CirclesInput, seed: number): CirclesInput {
  const rng = createRng(seed + 2);
  const byUnit = new Map<string, Participant[]>();
  for (const p of system.participants as Participant[]) {
    const unit = String(p.attributes['work unit']);
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), p]);
  }
  const units = [...byUnit.keys()].sort(() => rng() - 0.5).slice(0, 44);
  const pool = units.flatMap((u) => byUnit.get(u)!.slice(1));
  const chosen = [...units.map((u) => byUnit.get(u)![0]!), ...pool.sort(() => rng() - 0.5).slice(0, 23)];
  return { ...system, participants: chosen };
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

function row(name: string, m: CircleMetrics): string {
  const broken = m.broken.reportsTo + m.broken.previous + m.broken.units + m.broken.identity + m.broken.size;
  return `| ${name.padEnd(8)} | ${`${m.newPairs} / ${m.pairs} (${pct(m.newPairs, m.pairs)})`.padStart(22)} | ${`${m.circlesMeetingUnitRule} / ${m.circles}`.padStart(9)} | ${m.averageUnits.toFixed(2).padStart(6)} | ${`${m.edgeWithConnector} / ${m.edgePeople}`.padStart(9)} | ${String(broken).padStart(6)} (${m.broken.reportsTo} reports-to, ${m.broken.previous} previous, ${m.broken.units} units, ${m.broken.identity} identity) |`;
}

function report(title: string, input: CirclesInput, options: CirclesOptionsInput): CirclesResult {
  const t0 = performance.now();
  const result = formCircles(input, options);
  const seconds = (performance.now() - t0) / 1000;
  const s = result.settings;
  console.log(`\n## ${title}`);
  console.log(`${result.metrics.people} participants, ${result.metrics.circles} circles of ${s.minSize}-${s.maxSize}, across ${s.across} (at least ${s.minDistinct}), ${s.steps} search steps, seed ${s.seed}; edge: ${s.edgeMaxContacts ?? '-'} contacts or fewer, well connected: ${s.connectedMinContacts ?? '-'} or more; ${result.relaxed.length} rules relaxed; formCircles (solver and both baselines) ${seconds.toFixed(2)} s\n`);
  const sizes = new Map<number, number>();
  for (const c of result.circles) sizes.set(c.size, (sizes.get(c.size) ?? 0) + 1);
  console.log(`solver's circle sizes: ${[...sizes].sort((a, b) => a[0] - b[0]).map(([size, count]) => `${count} of ${size}`).join(', ')}\n`);
  console.log('| method   |      new pairs / pairs | unit rule | units  | edge with connector | rules broken |');
  console.log('|----------|-----------------------:|----------:|-------:|----------:|-------------|');
  console.log(row('random', result.baselines.random));
  console.log(row('greedy', result.baselines.greedy));
  console.log(row('solver', result.metrics));
  return result;
}

const seed = flag('seed', 42);
report('Coalition sample (120 members, wave 1 network, sector)', coalitionInput(), { seed });
const people = flag('participants', 1000);
const units = flag('units', 73);
const system = libraryInput(people, units, seed);
report(`Generated library system (${people} staff in ${units} work units)`, system, { seed, across: 'work unit' });
report('A first season in that system (67 participants from 44 units)', firstSeason(system, seed), { seed, across: 'work unit' });
const dense = flag('dense', 20);
report(`The same system with ${dense} ties per person`, libraryInput(people, units, seed, dense), { seed, across: 'work unit' });
report("Krackhardt's 21 managers (advice and friendship ties, reports-to, across departments)", krackhardtInput(), { seed, across: 'dept' });
