/**
 * Warnings that scale: a file with 14,000 reversed duplicate ties gives 14,000 issues, one per
 * row, which is right for the report (every row can be found) but unreadable as a list. Issues of
 * one kind (same level and code, and for a few codes the same variant, e.g. a duplicate tie that
 * is the reverse of an earlier one) are grouped into one entry with a count, a summary in words
 * and the first few rows:
 *
 *     edges.txt: 804 ties also appear in reverse (b – a after a – b); each was merged into the
 *     first one and the weights added: rows 3, 7, 12, 15, 20, …
 *
 * A group of one reads exactly as `formatIssue` reads that issue. Grouping never drops an issue:
 * `count` says how many there were, and the caller keeps the full list for the report.
 */
import { formatIssue, type InputIssue, type IssueLevel } from './issues.ts';

export interface IssueGroup {
  level: IssueLevel;
  code: string;
  /** How many issues the group stands for (at least 1). */
  count: number;
  /**
   * What the issues say, without locations: the issue's own message for a group of one, else
   * a count and what was done ("804 ties also appear in reverse; ...").
   */
  message: string;
  /** Every file the issues name, in order of first appearance. */
  files: string[];
  /** The first issues of the group, in input order (at most `examples` of them), for their rows and fields. */
  examples: InputIssue[];
}

export interface GroupIssuesOptions {
  /** How many issues to keep per group as examples (their rows are listed). Default 5. */
  examples?: number;
  /**
   * Issues of one kind are grouped only when there are at least this many; fewer stay apart,
   * each a group of one that reads as `formatIssue` reads it (two or three lines read better
   * than a summary). Default 4; 1 groups every kind.
   */
  groupFrom?: number;
}

interface Kind {
  /** Splits one code into kinds that read differently (optional). */
  variant?: (issue: InputIssue) => string;
  /** The summary of `count` (> 1) issues of this code and variant. */
  many: (count: number, variant: string) => string;
}

/**
 * Summaries for the codes the importers report most often. A code not listed here is still
 * grouped, with a generic summary quoting the first issue's message.
 */
const KINDS: Record<string, Kind> = {
  'duplicate-edge': {
    // merge-ties.ts says "the same undirected tie as a – b" when the repeat is the reverse.
    variant: (issue) => (issue.message.includes('the same undirected tie as') ? 'reversed' : 'repeated'),
    many: (count, variant) =>
      variant === 'reversed'
        ? `${count} ties also appear in reverse (b – a after a – b); each was merged into the first one and the weights added`
        : `${count} ties are listed more than once; each repeat was merged into the first one and the weights added`,
  },
  'self-loop': { many: (count) => `${count} ties go from a person to themself; they were kept` },
  'unknown-id': {
    many: (count) => `${count} names are not declared as people in the file or the people list; they were added as people`,
  },
  'zero-weight': {
    many: (count) =>
      `${count} ties have weight 0; they were kept with weight 1 (analyses that ignore weights, the default, count them as ties; weighted analyses would count them with weight 1, so remove them if 0 means "no tie")`,
  },
  'missing-weight': { many: (count) => `${count} ties have no weight; they were given weight 1` },
  'extra-weight': {
    many: (count) => `${count} lines have a weight while most have none; weights were read where given, the others given weight 1`,
  },
  'bad-weight': { many: (count) => `${count} weights cannot be used; those ties were not read` },
  'missing-id': { many: (count) => `${count} ties lack a source or a target; they were not read` },
  'missing-label': { many: (count) => `${count} people have no label; their ids are shown instead` },
  'duplicate-node': { many: (count) => `${count} people are declared more than once; each was merged into the first` },
  'bad-attribute': {
    many: (count) => `${count} values do not match the type declared for them; they were kept as text`,
  },
  'unknown-attribute': { many: (count) => `${count} values refer to attributes the file does not declare; they were ignored` },
  'mixed-direction': { many: (count) => `${count} relations mix directed and undirected ties; they are treated as directed` },
  'one-name': { many: (count) => `${count} lines hold only one name; a tie needs two` },
  'extra-values': { many: (count) => `${count} lines hold more values than an edge list has (two names and a weight)` },
  'three-names': { many: (count) => `${count} lines hold three names; an edge list has two names and an optional weight` },
};

function keyOf(issue: InputIssue): string {
  const variant = KINDS[issue.code]?.variant?.(issue) ?? '';
  return `${issue.level}\u0000${issue.code}\u0000${variant}`;
}

interface Building {
  group: IssueGroup;
  variant: string;
  files: Set<string>;
}

/**
 * Issues grouped by level and code (errors before warnings, otherwise in order of first
 * appearance); a kind with fewer than `groupFrom` issues stays as separate groups of one.
 * Linear in the number of issues; never throws.
 */
export function groupIssues(issues: readonly InputIssue[], options: GroupIssuesOptions = {}): IssueGroup[] {
  const keep = Math.max(1, Math.floor(options.examples ?? 5));
  const groupFrom = Math.max(1, Math.floor(options.groupFrom ?? 4));
  const byKey = new Map<string, Building>();
  const order: Building[] = [];
  for (const issue of issues) {
    const key = keyOf(issue);
    let building = byKey.get(key);
    if (building === undefined) {
      building = {
        group: { level: issue.level, code: issue.code, count: 0, message: issue.message, files: [], examples: [] },
        variant: KINDS[issue.code]?.variant?.(issue) ?? '',
        files: new Set(),
      };
      byKey.set(key, building);
      order.push(building);
    }
    const { group } = building;
    group.count += 1;
    if (group.examples.length < keep) group.examples.push(issue);
    if (issue.file !== undefined && !building.files.has(issue.file)) {
      building.files.add(issue.file);
      group.files.push(issue.file);
    }
  }
  const groups: IssueGroup[] = [];
  for (const { group, variant } of order) {
    if (group.count === 1) {
      groups.push(group);
    } else if (group.count < groupFrom && group.count <= group.examples.length) {
      // A few of a kind: each on its own.
      for (const issue of group.examples) {
        groups.push({ ...group, count: 1, message: issue.message, files: issue.file === undefined ? [] : [issue.file], examples: [issue] });
      }
    } else {
      const kind = KINDS[group.code];
      const first = group.examples[0] as InputIssue;
      group.message =
        kind !== undefined
          ? kind.many(group.count, variant)
          : `${group.count} ${group.level === 'error' ? 'errors' : 'warnings'} like this (${group.code}): ${first.message}`;
      groups.push(group);
    }
  }
  const errors = groups.filter((group) => group.level === 'error');
  const warnings = groups.filter((group) => group.level !== 'error');
  return errors.length === 0 || warnings.length === 0 ? groups : [...errors, ...warnings];
}

/**
 * One group as one line: `formatIssue` for a group of one; otherwise where (file, and field when
 * all examples share one), the summary with the count, and the rows of the first issues, `…`
 * when there are more: `edges.txt: 804 ties also appear in reverse ...: rows 3, 7, 12, 15, 20, …`.
 */
export function formatIssueGroup(group: IssueGroup): string {
  const examples = group.examples;
  const first = examples[0];
  if (group.count === 1 && first !== undefined) return formatIssue(first);
  const fields = new Set(examples.map((issue) => issue.field));
  const field = fields.size === 1 ? first?.field : undefined;
  const manyFiles = group.files.length > 1;
  const where: string[] = [];
  if (group.files.length === 1) where.push(group.files[0] as string);
  else if (manyFiles) where.push(`${group.files.length} files (${group.files.join(', ')})`);
  if (field !== undefined) where.push(`field "${field}"`);
  const head = where.length > 0 ? `${where.join(', ')}: ${group.message}` : group.message;

  let places: string[];
  if (!manyFiles && fields.size === 1 && examples.every((issue) => issue.row !== undefined)) {
    const rows = [...new Set(examples.map((issue) => issue.row as number))];
    places = [`${rows.length === 1 && group.count === 1 ? 'row' : 'rows'} ${rows.join(', ')}`];
  } else {
    places = [
      ...new Set(
        examples.map((issue) =>
          [
            manyFiles ? issue.file : undefined,
            issue.row !== undefined ? `row ${issue.row}` : undefined,
            field === undefined && issue.field !== undefined ? `field "${issue.field}"` : undefined,
          ]
            .filter((part): part is string => part !== undefined)
            .join(' '),
        ),
      ),
    ].filter((place) => place !== '');
  }
  if (places.length === 0) return head;
  // The count is in the summary; the list shows where the first ones are.
  return `${head}: ${places.join(', ')}${group.count > examples.length ? ', …' : ''}`;
}
