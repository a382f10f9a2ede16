/**
 * What every function that reads a file or user data returns: `Result<T>`.
 *
 * ```ts
 * { ok: true;  value: T; issues }     // usable; issues are warnings only
 * { ok: false; issues; partial?: T }  // at least one issue is an error; nothing usable was read
 * ```
 *
 * `ok` is false exactly when an issue is an error, so "did the import work?" is one check and the
 * value cannot be reached without making it. Every issue names the file and, where it can, the
 * row and field (see `issues.ts`).
 *
 * `partial` is what a reader that goes on after an error had read so far (a CSV table with one
 * bad row, the ties of an edge list with a bad weight): the next step reads it only to find more
 * problems to report at once (ties naming people missing from another file), never as an
 * outcome. Whole imports (`importFiles`, the survey import, a project file) leave it out: a
 * failed import changes nothing.
 *
 * Readers never throw on bad data; the command line turns a failure into an `InputError` with
 * `orThrow`.
 */
import { InputError } from './issues.ts';
import type { InputIssue } from './issues.ts';

export interface Ok<T> {
  readonly ok: true;
  value: T;
  /** Warnings only. */
  issues: InputIssue[];
}

export interface Failed<T> {
  readonly ok: false;
  /** At least one error, with every warning found on the way. */
  issues: InputIssue[];
  /** What was read before or around the errors, to check further; never to be used as the result. */
  partial?: T;
}

export type Result<T> = Ok<T> | Failed<T>;

/**
 * A Result whose failure always carries what was read: what the readers of one file or table
 * return (`resultOf`), so the next step can check it against the other files.
 */
export type Reading<T> = Ok<T> | (Failed<T> & { partial: T });

/** Whether any issue is an error. */
export function hasErrors(issues: readonly InputIssue[]): boolean {
  return issues.some((issue) => issue.level === 'error');
}

/** A usable value; `issues` must be warnings (use `resultOf` when they may hold errors). */
export function ok<T>(value: T, issues: InputIssue[] = []): Ok<T> {
  return { ok: true, value, issues };
}

/** A failure: `issues` holds at least one error; `partial` is what was read so far, if anything. */
export function fail<T = never>(issues: InputIssue[], partial?: T): Failed<T> {
  return partial === undefined ? { ok: false, issues } : { ok: false, issues, partial };
}

/** `ok(value, issues)` when no issue is an error, else a failure keeping `value` as `partial`. */
export function resultOf<T>(value: T, issues: InputIssue[]): Reading<T> {
  return hasErrors(issues) ? { ok: false, issues, partial: value } : ok(value, issues);
}

/** The same as `resultOf` but dropping the value on failure: for whole imports that must not half-apply. */
export function resultOrNothing<T>(value: T, issues: InputIssue[]): Result<T> {
  return hasErrors(issues) ? fail(issues) : ok(value, issues);
}

/** The value, or what a failed reader had read so far (to look for more problems); undefined when nothing was. */
export function readSoFar<T>(result: Reading<T>): T;
export function readSoFar<T>(result: Result<T>): T | undefined;
export function readSoFar<T>(result: Result<T>): T | undefined {
  return result.ok ? result.value : result.partial;
}

/** The same result with its value (and partial value) mapped; issues unchanged. */
export function mapResult<T, U>(result: Result<T>, map: (value: T) => U): Result<U> {
  if (result.ok) return ok(map(result.value), result.issues);
  return result.partial === undefined ? fail(result.issues) : fail(result.issues, map(result.partial));
}

/** The same result with `issues` (warnings) listed before its own: what was found before reading, e.g. decoding notes. */
export function withIssuesBefore<R extends Result<unknown>>(result: R, issues: readonly InputIssue[]): R {
  return issues.length === 0 ? result : { ...result, issues: [...issues, ...result.issues] };
}

/** The value of a usable result; a failure throws an InputError carrying every issue (the command line's way out). */
export function orThrow<T>(result: Result<T>): Ok<T> {
  if (!result.ok) throw new InputError(result.issues);
  return result;
}
