/**
 * zod validation failures as InputIssues a user can act on: the field is the dotted path
 * (`people.3.id`), and zod's generic messages ("Invalid input: expected string, received
 * undefined") are reworded; messages written in the schemas are kept as they are.
 */
import type { z } from 'zod';
import type { InputIssue } from './issues.ts';

type ZodIssue = z.core.$ZodIssue;

export interface IssueLocation {
  file?: string;
  row?: number;
  field?: string;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object ({ ... })',
  null: 'empty (null)',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** zod's own wording, which we replace; a schema's custom message is used as written. */
const GENERIC = /^(Invalid|Too small|Too big|Unrecognized)/;

function messageOf(issue: ZodIssue, data: unknown): string {
  if (!GENERIC.test(issue.message)) return issue.message;
  const value = valueAt(data, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'missing';
      return `should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(value)}`;
    case 'invalid_value':
      return `should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${describeValue(value)}`;
    case 'invalid_union':
      return `should be text, a number, true/false, a list of texts, or null; not ${describeValue(value)}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} items`;
      return `must be ${issue.inclusive ? 'at least' : 'above'} ${String(issue.minimum)}`;
    case 'too_big':
      return `must be ${issue.inclusive ? 'at most' : 'below'} ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `has unexpected fields: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/**
 * One error per zod issue. `locate` may map a path to a file and row (e.g. a tie back to the CSV
 * row it came from); by default the issue names `file` and the path as field, with no row.
 */
export function zodIssuesToInputIssues(
  issues: readonly ZodIssue[],
  data: unknown,
  file: string | undefined,
  locate?: (path: readonly PropertyKey[]) => IssueLocation | undefined,
): InputIssue[] {
  return issues.map((issue): InputIssue => {
    const field = issue.path.map(String).join('.');
    const location = locate?.(issue.path) ?? {
      ...(file !== undefined ? { file } : {}),
      ...(field !== '' ? { field } : {}),
    };
    return { level: 'error', code: 'invalid-value', message: messageOf(issue, data), ...location };
  });
}
