/**
 * What the commands in their own files (`systemmap`, `circles`) share: a mistake in the command
 * line (exit code 2), writing an output file (a failure is an input error naming it), warnings
 * on stderr, and the exit code and message of a failure, so each says it the same way.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, type InputIssue } from './engine/core/util/issues.ts';
import { formatIssueGroup, groupIssues } from './engine/core/util/issue-groups.ts';

/** A wrong command line: said with exit code 2. */
export class UsageError extends Error {}

/** The flags and the files named without one; a flag the command does not know is a UsageError. */
export function commandLine<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([{ level: 'error', code: 'unwritable-file', file: path, message: `cannot write ${path} (${code ?? String(error)})` }]);
  }
}

/** Warnings on stderr, one line per kind (a count, what was done, the first rows); all are in the output file. */
export function printWarnings(issues: readonly InputIssue[]): void {
  for (const group of groupIssues(issues)) process.stderr.write(`warning: ${formatIssueGroup(group)}\n`);
}

/** Runs a command, turning a failure into its message on stderr and exit code: 2 command line, 1 input. */
export async function runCommand(command: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`netweave ${command}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      const errors = error.issues.filter((i) => i.level === 'error');
      process.stderr.write(`netweave ${command}: the input cannot be used:\n${groupIssues(errors).map(formatIssueGroup).join('\n')}\n`);
      return 1;
    }
    process.stderr.write(`netweave ${command}: ${(error as Error).message}\n`);
    return 1;
  }
}
