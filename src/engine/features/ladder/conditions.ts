/**
 * The rungs made ready to test: each condition in plain words and as a test on a person in a
 * period. A condition on a column no one has is disabled and named in a warning (a user's rules)
 * or left out quietly (the default ladder's optional `role` and `circle`); a rung that needs all
 * its conditions loses itself with one, a rung that needs any loses only that condition.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { AttributeValue, Person } from '../../core/model/records.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { normalizeAttributeName } from '../../core/model/group-attributes.ts';
import type { LadderEvidence } from './evidence.ts';
import type { LadderCondition, LadderRules } from './rules.ts';

/** Whether a condition holds for a person in period `p` (an index into the evidence's periods). */
export type ConditionTest = (id: string, p: number) => boolean;

export interface ReadyRung {
  name: string;
  /** The rule in plain words. */
  rule: string;
  /** Why no one can be placed on it, when a condition it needs was disabled. */
  disabled?: string;
  test: ConditionTest;
}

export interface ResolveOptions {
  /** Leave conditions on missing columns out without a warning (the default ladder). */
  quiet?: boolean;
  /** Named in warnings, e.g. the rules file. */
  source?: string;
  /** Circles formed in the project (person id to circle): circle conditions read them instead of a column. */
  circles?: ReadonlyMap<string, string>;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A condition in plain words, e.g. "came to at least 3 convenings in the period". */
export function describeCondition(condition: LadderCondition): string {
  switch (condition.type) {
    case 'known':
      return 'on the roster or seen by then';
    case 'answered-survey':
      return 'answered the survey';
    case 'attended':
      return `came to at least ${plural(condition.atLeast, 'convening')}`;
    case 'mentorship':
      return condition.as === 'mentor' ? 'mentors someone' : condition.as === 'mentee' ? 'has a mentor' : 'is in a mentorship';
    case 'circle':
      return 'is in a peer circle';
    case 'named-by': {
      const top = condition.topPercent !== undefined ? ` and among the ${condition.topPercent}% most named` : '';
      return `named by at least ${plural(condition.atLeast, 'other person', 'other people')}${top}`;
    }
    case 'attribute':
      return `${condition.column} is ${condition.values.join(' or ')}`;
  }
}

/** The person attribute matching a column name (case, spaces and underscores aside), if anyone has a value. */
function findColumn(people: readonly Person[], column: string): string | null {
  const wanted = normalizeAttributeName(column);
  for (const person of people) {
    for (const [key, value] of Object.entries(person.attributes)) {
      if (normalizeAttributeName(key) === wanted && !empty(value)) return key;
    }
  }
  return null;
}

function empty(value: AttributeValue | undefined): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function valuesOf(value: AttributeValue | undefined): string[] {
  if (empty(value)) return [];
  return (Array.isArray(value) ? value : [String(value)]).map((v) => v.trim().toLowerCase());
}

/** The share of people named by the most others: the smallest count still in the top `percent`. */
function topThreshold(counts: ReadonlyMap<string, number>, people: number, percent: number): number {
  const sorted = [...counts.values()].sort((a, b) => b - a);
  const k = Math.max(1, Math.ceil((people * percent) / 100));
  return sorted[k - 1] ?? Infinity;
}

function conditionTest(condition: LadderCondition, dataset: Dataset, evidence: LadderEvidence, column: string | null): ConditionTest {
  const facts = evidence.periods;
  switch (condition.type) {
    case 'known': {
      // Seen in this period or an earlier one.
      const firstSeen = new Map<string, number>();
      facts.forEach((f, p) => f.seen.forEach((id) => firstSeen.has(id) || firstSeen.set(id, p)));
      return (id, p) => evidence.listed.has(id) || (firstSeen.get(id) ?? Infinity) <= p;
    }
    case 'answered-survey':
      return (id, p) => facts[p]!.answered.has(id);
    case 'attended':
      return (id, p) => (facts[p]!.attended.get(id) ?? 0) >= condition.atLeast;
    case 'mentorship':
      return (id) => (condition.as !== 'mentee' && evidence.mentors.has(id)) || (condition.as !== 'mentor' && evidence.mentees.has(id));
    case 'named-by': {
      const thresholds = facts.map((f) => (condition.topPercent === undefined ? 0 : topThreshold(f.namedBy, dataset.people.length, condition.topPercent)));
      return (id, p) => {
        const n = facts[p]!.namedBy.get(id) ?? 0;
        return n >= condition.atLeast && n >= thresholds[p]!;
      };
    }
    case 'circle':
    case 'attribute': {
      const wanted = condition.type === 'attribute' ? new Set(condition.values.map((v) => v.trim().toLowerCase())) : null;
      const holds = new Set(
        dataset.people
          .filter((person) => {
            const values = valuesOf(column === null ? undefined : person.attributes[column]);
            return wanted === null ? values.length > 0 : values.some((v) => wanted.has(v));
          })
          .map((person) => person.id),
      );
      return (id) => holds.has(id);
    }
  }
}

/** The rungs ready to test, and a warning per condition disabled. */
export function resolveRungs(rules: LadderRules, dataset: Dataset, evidence: LadderEvidence, options: ResolveOptions = {}): { rungs: ReadyRung[]; warnings: InputIssue[] } {
  const warnings: InputIssue[] = [];
  const rungs = rules.rungs.map((rung, r): ReadyRung => {
    const kept: Array<{ condition: LadderCondition; test: ConditionTest }> = [];
    const missing: string[] = [];
    rung.when.forEach((condition, c) => {
      if (condition.type === 'circle' && options.circles !== undefined) {
        const circles = options.circles;
        kept.push({ condition, test: (id) => circles.has(id) });
        return;
      }
      const column = condition.type === 'attribute' || condition.type === 'circle' ? condition.column : null;
      const found = column === null ? null : findColumn(dataset.people, column);
      if (column !== null && found === null) {
        missing.push(column);
        if (!options.quiet) {
          const effect = rung.match === 'all' ? `the rung "${rung.name}" is disabled` : `this condition of "${rung.name}" is disabled`;
          warnings.push({ level: 'warning', code: 'ladder-missing-column', ...(options.source ? { file: options.source } : {}), field: `rungs.${r}.when.${c}.column`, message: `no one has a "${column}" column, so ${effect}` });
        }
        return;
      }
      kept.push({ condition, test: conditionTest(condition, dataset, evidence, found) });
    });
    const disabled =
      (rung.match === 'all' && missing.length > 0) || kept.length === 0 ? `no one has a ${missing.map((m) => `"${m}"`).join(' or ')} column` : undefined;
    const words = kept.map((k) => describeCondition(k.condition));
    const rule = disabled !== undefined ? `disabled: ${disabled}` : words.join(rung.match === 'all' ? ' and ' : ', or ');
    const tests = kept.map((k) => k.test);
    const test: ConditionTest =
      disabled !== undefined ? () => false : rung.match === 'all' ? (id, p) => tests.every((t) => t(id, p)) : (id, p) => tests.some((t) => t(id, p));
    return { name: rung.name, rule: capitalise(rule), ...(disabled !== undefined ? { disabled } : {}), test };
  });
  return { rungs, warnings };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
