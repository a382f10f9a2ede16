/**
 * Results joined to the system map and the people network, in one plain JSON report that the
 * CLI writes and the app and the HTML report render. For each result:
 *
 * - its indicators with their curve (actuals, targets, baseline), the trend of the actuals, and
 *   the factor each measures;
 * - `upstream`: the factors with a directed path of at most K links (`steps`, default 3) to an
 *   indicator's factor, with the sign of their effect (`upstream.ts`);
 * - `partners`: the map's actors working on an indicator's factor or an upstream one, computed,
 *   not typed, each said to be in the cohort (named by an action or commitment of the result,
 *   or one of its people is) and tied to it (one of its people has a tie to a cohort member);
 * - `wrongDirection`: actions whose push moves an indicator the wrong way: increasing a factor
 *   whose effect is `up` when less is better, and so on; `uncertain` when the effect is mixed;
 * - `unactedLeverage`: the map's leverage points at or upstream of an indicator's factor that
 *   no action of the result pushes;
 * - `noPath`: actions on a factor with no path of at most K links to any indicator's factor
 *   (the shortest path, if any, is given), in plain words;
 * - the cohort's sector mix, connectedness and the introductions to make (`people-join.ts`);
 * - its strategies with their measures, its commitments, and `flags`: sentences for what is
 *   missing (no indicator, no factor, no action reaching the indicator).
 *
 * The map and the people network are both optional: without them those parts are empty and a
 * note says why. Names and factors matching nothing are listed in `unlinked`, never dropped.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import { MEASURE_KIND_WORDS, type AlignedAction, type Better, type Commitment, type DataPoint, type Direction, type MeasureKind, type ResultsSet } from '../../core/model/results.ts';
import type { SystemMap } from '../../core/model/systemmap.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { VERSION } from '../../core/util/version.ts';
import type { NamedCell } from '../../people/person-lookup.ts';
import { actorOverlay } from '../systemmap/actors.ts';
import { factorLeverage } from '../systemmap/leverage.ts';
import { findFeedbackLoops } from '../systemmap/loops.ts';
import { mapGraph } from '../systemmap/map-graph.ts';
import { linearTrend, type Trend } from './forecast.ts';
import { linkNames, type LinkedName } from './link-names.ts';
import { resolveResultsOptions, type ResultsOptions, type ResultsOptionsInput } from './options.ts';
import { connectedness, neighbourSets, partnerIntroductions, sectorMix, type Connectedness, type PartnerForIntroduction, type ResultIntroduction, type SectorMix } from './people-join.ts';
import { distancesTo, factorIdOf, upstreamFactors, type Effect } from './upstream.ts';

/** What the results are joined to. */
export interface ResultsContext {
  map?: SystemMap | undefined;
  people?: Dataset | undefined;
}

export interface IndicatorReport {
  id: string;
  better: Better;
  baseline: number | null;
  source: string;
  story: string;
  /** The factor as written, and the map's factor id and label it names (null when none does). */
  factorText: string | null;
  factor: string | null;
  factorLabel: string | null;
  points: DataPoint[];
  latest: { date: string; actual: number } | null;
  /** The latest target on or after the latest actual, else the last target. */
  target: { date: string; target: number } | null;
  trend: Trend | null;
  /** Whether the trend at the target's date reaches the target (null without a trend or target). */
  trendMeetsTarget: boolean | null;
}

export interface UpstreamEntry {
  /** The indicator whose factor it is upstream of. */
  indicator: string;
  factor: string;
  label: string;
  steps: number;
  effect: Effect;
}

export interface Partner {
  id: string;
  label: string;
  /** The factors it works on among the indicators' factors and those upstream. */
  factors: string[];
  /** People of the project it stands for. */
  people: string[];
  inCohort: boolean;
  /** Null without a people network, or when none of its people is in it. */
  tiedToCohort: boolean | null;
}

export interface ActionReach {
  indicator: string;
  /** Links from the action's factor to the indicator's (0: the same factor). */
  steps: number;
  effect: Effect;
  /** What the push does to the indicator, given which way is better. */
  moves: 'better' | 'worse' | 'uncertain';
}

export interface ActionReport {
  id: string;
  by: LinkedName[];
  factorText: string | null;
  factor: string | null;
  factorLabel: string | null;
  direction: Direction;
  start: string | null;
  end: string | null;
  status: AlignedAction['status'];
  /** The indicators it reaches within K links. */
  reaches: ActionReach[];
}

export interface ActionFlag {
  action: string;
  factor: string;
  label: string;
  direction: Direction;
  indicator: string;
  steps: number;
  reason: string;
}

export interface NoPathFlag {
  action: string;
  factor: string;
  label: string;
  /** Links on the shortest path to an indicator's factor, beyond K; null when there is no path at all. */
  shortestPath: number | null;
  reason: string;
}

export interface LeverageFlag {
  factor: string;
  label: string;
  indicator: string;
  steps: number;
  effect: Effect;
  reason: string;
}

export interface CommitmentReport {
  who: LinkedName;
  result: string;
  what: string;
  date: string | null;
  due: string | null;
  status: Commitment['status'];
  /** Past its due date on `asOf` and not kept; null without `asOf` or a due date. */
  overdue: boolean | null;
}

export interface MeasureReport {
  id: string;
  kind: MeasureKind;
  question: string;
  better: Better;
  points: DataPoint[];
  trend: Trend | null;
}

export interface StrategyReport {
  id: string;
  description: string;
  measures: MeasureReport[];
}

export interface ResultReport {
  id: string;
  population: string;
  condition: string;
  indicators: IndicatorReport[];
  upstream: UpstreamEntry[];
  partners: Partner[];
  unactedLeverage: LeverageFlag[];
  wrongDirection: ActionFlag[];
  /** Actions whose effect on an indicator is mixed (paths of both signs). */
  uncertain: ActionFlag[];
  noPath: NoPathFlag[];
  actions: ActionReport[];
  strategies: StrategyReport[];
  commitments: CommitmentReport[];
  cohort: {
    /** People ids aligned to the result (named, or members of an organisation named). */
    people: string[];
    organizations: string[];
    sectors: SectorMix | null;
    connectedness: Connectedness | null;
  };
  introductions: ResultIntroduction[];
  /** What is missing, in plain words. */
  flags: string[];
}

export interface ResultsReport {
  format: 'netweave-results-report';
  version: 1;
  generatedBy: string;
  /** The settings used; `organizationAttribute` is the one read (null when the people have none). */
  settings: Omit<ResultsOptions, 'organizationAttribute'> & { organizationAttribute: string | null };
  results: ResultReport[];
  /** Every commitment, for the public list: who, what result, what, when, by when, status. */
  commitments: CommitmentReport[];
  /** Names and factors matching nothing, with where they are written. */
  unlinked: { names: NamedCell[]; factors: NamedCell[] };
  notes: string[];
  warnings: InputIssue[];
}

const sign = (effect: Effect): number => (effect === 'up' ? 1 : effect === 'down' ? -1 : 0);
const listWords = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

function indicatorReport(indicator: ResultsSet['indicators'][number], map: SystemMap | undefined, options: ResultsOptions): IndicatorReport {
  const factor = map !== undefined && indicator.factor !== null ? factorIdOf(map, indicator.factor) ?? null : null;
  const actuals = indicator.points.filter((p) => p.actual !== undefined);
  const last = actuals.at(-1);
  const targets = indicator.points.filter((p) => p.target !== undefined);
  const target = targets.find((p) => last === undefined || p.date >= last.date) ?? targets.at(-1);
  const trend = linearTrend(indicator.points, { periods: options.forecastPeriods });
  const trendAt = target === undefined || trend === null ? undefined : [...trend.fitted, ...trend.forecast].find((p) => p.date === target.date);
  return {
    id: indicator.id,
    better: indicator.better,
    baseline: indicator.baseline ?? null,
    source: indicator.source,
    story: indicator.story,
    factorText: indicator.factor,
    factor,
    factorLabel: factor === null ? null : map!.factors.find((f) => f.id === factor)!.label,
    points: indicator.points,
    latest: last === undefined ? null : { date: last.date, actual: last.actual! },
    target: target === undefined ? null : { date: target.date, target: target.target! },
    trend,
    trendMeetsTarget: trendAt === undefined ? null : indicator.better === 'up' ? trendAt.value >= target!.target! : trendAt.value <= target!.target!,
  };
}

/** Analyses results against the map and the people network. Pure; never throws on data. */
export function analyzeResults(set: ResultsSet, context: ResultsContext = {}, input: ResultsOptionsInput = {}): ResultsReport {
  const options = resolveResultsOptions(input);
  const { map, people } = context;
  const notes: string[] = [];
  const warnings: InputIssue[] = [];
  if (map === undefined) notes.push('No system map was given, so upstream factors, partners with a role and the flags on actions are not worked out.');
  if (people === undefined) notes.push('No people network was given, so sectors, connectedness and introductions are not worked out, and the names in actions and commitments are matched to the map\'s organisations only.');

  // Names of actions and commitments, linked once for all results.
  const cells: NamedCell[] = [];
  const where = (r: { file?: string | undefined; row?: number | undefined }, field: string, text: string): NamedCell => ({ text, file: r.file ?? '', row: r.row ?? 0, field });
  for (const a of set.actions) for (const by of a.by) cells.push(where(a, 'by', by));
  for (const c of set.commitments) cells.push(where(c, 'who', c.who));
  const linked = linkNames(cells, { map, people, organizationAttribute: options.organizationAttribute });
  warnings.push(...linked.issues);
  let at = 0;
  const actionBy = set.actions.map((a) => a.by.map(() => linked.links[at++]!));
  const commitmentWho = set.commitments.map(() => linked.links[at++]!);

  // Factors the actions name.
  const unknownFactors: NamedCell[] = [];
  const actionFactor = set.actions.map((a) => {
    if (a.factor === null || map === undefined) return null;
    const id = factorIdOf(map, a.factor);
    if (id === undefined) {
      unknownFactors.push(where(a, 'factor', a.factor));
      warnings.push({ level: 'warning', code: 'unknown-factor', message: `"${a.factor}" is not a factor of the system map; the action "${a.id}" is kept, unlinked`, ...(a.file !== undefined ? { file: a.file } : {}), ...(a.row !== undefined ? { row: a.row } : {}), field: 'factor' });
    }
    return id ?? null;
  });

  // The map's analysis: leverage points and who works where, once.
  const labelOf = new Map((map?.factors ?? []).map((f) => [f.id, f.label]));
  let leveragePoints: string[] = [];
  let overlay: ReturnType<typeof actorOverlay> | undefined;
  if (map !== undefined) {
    if (options.leveragePoints !== undefined) leveragePoints = options.leveragePoints;
    else {
      const graph = mapGraph(map);
      leveragePoints = factorLeverage(map, findFeedbackLoops(map, {}, undefined, graph), {}, undefined, graph).leveragePoints;
    }
    overlay = actorOverlay(map, {}, { ...(people !== undefined ? { people } : {}), ...(options.organizationAttribute !== undefined ? { organizationAttribute: options.organizationAttribute } : {}), ...(options.relations !== undefined ? { relations: options.relations } : {}) });
  }
  const neighbours = people === undefined ? undefined : neighbourSets(people, options.relations);
  const overdue = (c: Commitment): boolean | null => (options.asOf === undefined || c.due === undefined ? null : c.due < options.asOf && c.status !== 'kept');
  const commitmentReports: CommitmentReport[] = set.commitments.map((c, i) => ({ who: commitmentWho[i]!, result: c.result, what: c.what, date: c.date ?? null, due: c.due ?? null, status: c.status, overdue: overdue(c) }));

  const results: ResultReport[] = set.results.map((result) => {
    const flags: string[] = [];
    const indicators = set.indicators.filter((i) => i.result === result.id).map((i) => indicatorReport(i, map, options));
    if (indicators.length === 0) flags.push(`"${result.id}" has no indicator yet: nothing shows whether the condition is getting better.`);
    for (const ind of indicators) {
      if (map !== undefined && ind.factor === null) flags.push(ind.factorText === null ? `The indicator "${ind.id}" names no factor of the system map, so nothing upstream of it can be found.` : `The indicator "${ind.id}" measures "${ind.factorText}", which is not a factor of the system map.`);
    }
    const measured = indicators.filter((i): i is IndicatorReport & { factor: string } => i.factor !== null);
    const ups = map === undefined ? [] : upstreamFactors(map, measured.map((i) => i.factor), { steps: options.steps });
    const upstream: UpstreamEntry[] = ups.flatMap((u, k) => u.factors.map((f) => ({ indicator: measured[k]!.id, factor: f.factor, label: f.label, steps: f.steps, effect: f.effect })));
    if (ups.some((u) => !u.complete)) notes.push(`The paths upstream of "${result.id}" were too many to follow them all; effects may be incomplete.`);
    // Effect of each factor on each measured indicator: itself (steps 0, up) or upstream.
    const effectOn = measured.map((ind, k) => new Map<string, { steps: number; effect: Effect }>([[ind.factor, { steps: 0, effect: 'up' }], ...ups[k]!.factors.map((f) => [f.factor, { steps: f.steps, effect: f.effect }] as const)]));

    const actionIndex = set.actions.map((a, i) => ({ a, i })).filter(({ a }) => a.result === result.id);
    const actions: ActionReport[] = [];
    const wrongDirection: ActionFlag[] = [];
    const uncertain: ActionFlag[] = [];
    const noPath: NoPathFlag[] = [];
    const pushed = new Set<string>();
    for (const { a, i } of actionIndex) {
      const factor = actionFactor[i]!;
      if (factor !== null) pushed.add(factor);
      const reaches: ActionReach[] = [];
      if (factor !== null) {
        measured.forEach((ind, k) => {
          const e = effectOn[k]!.get(factor);
          if (e === undefined) return;
          const wanted = ind.better === 'up' ? 1 : -1;
          const push = a.direction === 'increase' ? 1 : -1;
          const moves = e.effect === 'mixed' ? 'uncertain' : push * sign(e.effect) === wanted ? 'better' : 'worse';
          reaches.push({ indicator: ind.id, steps: e.steps, effect: e.effect, moves });
          const label = labelOf.get(factor) ?? factor;
          const how = e.steps === 0 ? `${label} is what "${ind.id}" measures` : `more ${label} means ${e.effect === 'up' ? 'more' : e.effect === 'down' ? 'less' : 'more or less, depending on the path,'} ${ind.factorLabel} (${e.steps} link${e.steps === 1 ? '' : 's'} away)`;
          if (moves === 'worse') {
            wrongDirection.push({ action: a.id, factor, label, direction: a.direction, indicator: ind.id, steps: e.steps, reason: `"${a.id}" ${a.direction === 'increase' ? 'increases' : 'decreases'} ${label}; ${how}, so it moves "${ind.id}" ${ind.better === 'up' ? 'down' : 'up'}, the wrong way (${ind.better === 'up' ? 'more' : 'less'} is better).` });
          } else if (moves === 'uncertain') {
            uncertain.push({ action: a.id, factor, label, direction: a.direction, indicator: ind.id, steps: e.steps, reason: `"${a.id}" pushes ${label}, which reaches "${ind.id}" by paths of both signs: whether it helps depends on which path is stronger.` });
          }
        });
        if (reaches.length === 0 && measured.length > 0) {
          const shortest = Math.min(...measured.map((ind) => distancesTo(map!, ind.factor).get(factor) ?? Infinity));
          const label = labelOf.get(factor) ?? factor;
          const targets = listWords([...new Set(measured.map((m) => m.factorLabel!))]);
          noPath.push({
            action: a.id,
            factor,
            label,
            shortestPath: Number.isFinite(shortest) ? shortest : null,
            reason: Number.isFinite(shortest)
              ? `"${a.id}" pushes ${label}, which is ${shortest} links from ${targets} on the map, more than the ${options.steps} looked at: its effect on the result is remote.`
              : `"${a.id}" pushes ${label}, and no chain of causes on the map leads from it to ${targets}: as mapped, it cannot move this result.`,
          });
        }
      }
      actions.push({
        id: a.id,
        by: actionBy[i]!,
        factorText: a.factor,
        factor,
        factorLabel: factor === null ? null : labelOf.get(factor) ?? factor,
        direction: a.direction,
        start: a.start ?? null,
        end: a.end ?? null,
        status: a.status,
        reaches,
      });
    }
    if (map !== undefined && measured.length > 0 && actionIndex.length > 0 && actions.every((a) => a.reaches.length === 0)) {
      flags.push(`No action of "${result.id}" pushes a factor within ${options.steps} links of what its indicators measure: as mapped, none of them can move the curve.`);
    }
    if (actionIndex.length === 0) flags.push(`"${result.id}" has no aligned action yet.`);

    const unactedLeverage: LeverageFlag[] = [];
    const flagged = new Set<string>();
    for (const point of leveragePoints) {
      if (pushed.has(point) || flagged.has(point)) continue;
      const hit = measured.map((ind, k) => ({ ind, e: effectOn[k]!.get(point) })).filter((h) => h.e !== undefined).sort((x, y) => x.e!.steps - y.e!.steps)[0];
      if (hit === undefined) continue;
      flagged.add(point);
      const label = labelOf.get(point) ?? point;
      unactedLeverage.push({ factor: point, label, indicator: hit.ind.id, steps: hit.e!.steps, effect: hit.e!.effect, reason: `${label} is a leverage point ${hit.e!.steps === 0 ? `and what "${hit.ind.id}" measures` : `${hit.e!.steps} link${hit.e!.steps === 1 ? '' : 's'} upstream of "${hit.ind.id}"`}, and no action of this result pushes it.` });
    }

    // The cohort: people named by its actions and commitments, and the members of organisations named.
    const named = [...actionIndex.flatMap(({ i }) => actionBy[i]!), ...set.commitments.flatMap((c, i) => (c.result === result.id ? [commitmentWho[i]!] : []))];
    const cohortPeople = [...new Set(named.flatMap((n) => n.people))];
    const cohortSet = new Set(cohortPeople);
    const cohortActors = new Set(named.flatMap((n) => (n.actor === null ? [] : [n.actor])));
    const organizations = [...new Set(named.filter((n) => n.kind === 'organization').map((n) => n.id!))];

    // Partners with a role: actors on an indicator's factor or upstream of it.
    const relevant = new Map<string, number>();
    effectOn.forEach((m) => m.forEach((e, f) => relevant.set(f, Math.min(relevant.get(f) ?? Infinity, e.steps))));
    const partners: Partner[] = [];
    const forIntroductions: PartnerForIntroduction[] = [];
    for (const actor of overlay?.actors ?? []) {
      const factors = actor.factors.filter((f) => relevant.has(f));
      if (factors.length === 0) continue;
      const inCohort = cohortActors.has(actor.id) || actor.people.some((p) => cohortSet.has(p));
      const members = actor.people.filter((p) => neighbours?.has(p) === true);
      const tiedToCohort = neighbours === undefined || members.length === 0 ? null : members.some((m) => [...neighbours.get(m)!].some((c) => cohortSet.has(c) && !actor.people.includes(c)));
      partners.push({ id: actor.id, label: actor.label, factors, people: actor.people, inCohort, tiedToCohort });
      forIntroductions.push({ id: actor.id, label: actor.label, factorLabels: factors.map((f) => labelOf.get(f) ?? f), steps: Math.min(...factors.map((f) => relevant.get(f)!)), people: actor.people, inCohort });
    }
    partners.sort((x, y) => Math.min(...x.factors.map((f) => relevant.get(f)!)) - Math.min(...y.factors.map((f) => relevant.get(f)!)) || (x.label < y.label ? -1 : 1));

    let introductions: ResultIntroduction[] = [];
    if (people !== undefined && neighbours !== undefined) {
      const actingOn = new Map<string, Set<string>>();
      for (const { i } of actionIndex) {
        const f = actionFactor[i];
        if (f === null || f === undefined) continue;
        for (const n of actionBy[i]!) for (const p of n.people) actingOn.set(p, (actingOn.get(p) ?? new Set()).add(labelOf.get(f) ?? f));
      }
      introductions = partnerIntroductions({ id: result.id, label: result.id }, forIntroductions, cohortSet, actingOn, people, neighbours).slice(0, options.maxIntroductions);
    }

    const strategies: StrategyReport[] = set.strategies
      .filter((s) => s.result === result.id)
      .map((s) => ({
        id: s.id,
        description: s.description,
        measures: set.measures.filter((m) => m.strategy === s.id).map((m) => ({ id: m.id, kind: m.kind, question: MEASURE_KIND_WORDS[m.kind], better: m.better, points: m.points, trend: linearTrend(m.points, { periods: options.forecastPeriods }) })),
      }));

    return {
      id: result.id,
      population: result.population,
      condition: result.condition,
      indicators,
      upstream,
      partners,
      unactedLeverage,
      wrongDirection,
      uncertain,
      noPath,
      actions,
      strategies,
      commitments: commitmentReports.filter((c) => c.result === result.id),
      cohort: {
        people: cohortPeople,
        organizations,
        sectors: people === undefined ? null : sectorMix(people, cohortPeople, options),
        connectedness: people === undefined || neighbours === undefined ? null : connectedness(people, cohortPeople, neighbours),
      },
      introductions,
      flags,
    };
  });

  return {
    format: 'netweave-results-report',
    version: 1,
    generatedBy: `netweave ${VERSION}`,
    settings: { ...options, organizationAttribute: overlay?.organizationAttribute ?? null },
    results,
    commitments: commitmentReports,
    unlinked: { names: linked.unlinked, factors: unknownFactors },
    notes,
    warnings,
  };
}
