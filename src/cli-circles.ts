/**
 * `netweave circles`: peer circles from a participants list and the network. Argument parsing,
 * file reading and printing only; every step lives in src/engine/features/circles.
 * `runCircles(argv)` takes the arguments after the command name and returns the exit code: 0 ok,
 * 1 unusable input (with file, row and field), 2 wrong command line.
 */
import { readAnyFile, readNetworkFiles } from './cli-files.ts';
import { commandLine, printWarnings, runCommand, UsageError, writeOutput } from './cli-command.ts';
import { readSurveyTable } from './engine/io/read-table.ts';
import type { CsvTable } from './engine/io/csv-read.ts';
import { InputError, type InputIssue } from './engine/core/util/issues.ts';
import { orThrow, readSoFar } from './engine/core/util/result.ts';
import { DEFAULT_SEED } from './engine/core/util/rng.ts';
import { VERSION } from './engine/core/util/version.ts';
import { parseCircleLocks, parseParticipants, parsePreviousPairs } from './engine/features/circles/import-circles.ts';
import { formCircles } from './engine/features/circles/form-circles.ts';
import { circlesCsv } from './engine/features/circles/circles-csv.ts';
import { DEFAULT_CIRCLE_SIZE, DEFAULT_MIN_DISTINCT, type CircleLock, type PreviousPair } from './engine/features/circles/model.ts';

export const CIRCLES_HELP = `netweave ${VERSION} circles: peer circles across work units that make new connections

Usage:
  netweave circles --participants people.csv [network files] [options] --out circles.csv

Input (CSV or XLSX):
  --participants FILE   one row per participant: name (or first and last name), email or id,
                        and any attributes (work unit, sector, ...); the columns named by
                        --reports-to and --identity are read as such
  network files         named without a flag, read as "netweave analyze" reads them (tie lists,
                        GEXF, GraphML, ...): pairs already tied there are not new. Participants
                        are found in the network by id, email or name; those not found are kept
                        and placed by their attributes only
  --relation NAME       count only ties of this relation as "already tied" (repeat for several;
                        default every relation of the network)
  --previous FILE       a previous season: its circles (circle,person) or mentorships
                        (mentor,mentee); those pairs are not put together again (repeatable)
  --lock FILE           people to keep where they are: circle,person rows (the CSV this command
                        writes, or only the rows to keep), kept when solving again (repeatable)

Circles:
  --size MIN-MAX        circle sizes (default ${DEFAULT_CIRCLE_SIZE.min}-${DEFAULT_CIRCLE_SIZE.max}; one number for equal sizes)
  --across COLUMN       the attribute each circle mixes (default: work unit, department, team,
                        organisation or sector, whichever the participants have, in that order)
  --min-distinct N      different values of --across in each circle (default ${DEFAULT_MIN_DISTINCT})
  --reports-to COLUMN   who each person reports to (a name, email or id): never in one circle;
                        names matching no participant are listed
  --identity COLUMN     the identity wish each person wrote, if any ("a circle with other women",
                        "same gender", "gender=woman"): their circle then has at least one other
                        person sharing it. Identity is used only for those who asked
  --seed N              seed of the search and the random baseline (default ${DEFAULT_SEED}); the
                        same seed and input give the same circles

Output:
  --out FILE            circle,person rows (person: the participant's id, as in the JSON), or,
                        when FILE ends in .json, the whole result as JSON (each circle's members
                        and explanation, rules relaxed and for whom, warnings, and the random and
                        greedy baselines) with the CSV beside it (same name, .csv).
                        Default: the CSV on standard output
  -h, --help            show this help

The search keeps every rule it can; a rule that cannot hold is relaxed and said, with the
people it concerns. Exit code 1 for unusable input, 2 for a wrong command line.`;

const OPTIONS = {
  participants: { type: 'string' },
  relation: { type: 'string', multiple: true },
  previous: { type: 'string', multiple: true },
  lock: { type: 'string', multiple: true },
  size: { type: 'string' },
  across: { type: 'string' },
  'min-distinct': { type: 'string' },
  'reports-to': { type: 'string' },
  identity: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function wholeNumber(name: string, value: string | undefined, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < minimum) throw new UsageError(`--${name} expects a whole number of at least ${minimum}; got "${value}".`);
  return n;
}

/** `4-6`, `4..6` or `5`. */
function sizeRange(value: string | undefined): { minSize: number; maxSize: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+)\s*(?:(?:-|\.\.|to)\s*(\d+)\s*)?$/.exec(value);
  const min = m ? Number(m[1]) : NaN;
  const max = m ? Number(m[2] ?? m[1]) : NaN;
  if (!m || min < 2 || max < min) throw new UsageError(`--size expects MIN-MAX with 2 <= MIN <= MAX (e.g. 4-6); got "${value}".`);
  return { minSize: min, maxSize: max };
}

function readTable(path: string): CsvTable {
  return orThrow(readSurveyTable(readAnyFile(path))).value;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = commandLine(argv, OPTIONS);
  if (values.help) {
    process.stdout.write(`${CIRCLES_HELP}\n`);
    return 0;
  }
  if (!values.participants) throw new UsageError('netweave circles needs --participants FILE (see netweave circles --help).');
  const size = sizeRange(values.size);
  const minDistinct = wholeNumber('min-distinct', values['min-distinct'], 1);
  const seed = wholeNumber('seed', values.seed, 0);

  const issues: InputIssue[] = [];
  const participantsRead = parseParticipants(readTable(values.participants), {
    ...(values['reports-to'] !== undefined ? { reportsTo: values['reports-to'] } : {}),
    ...(values.identity !== undefined ? { identity: values.identity } : {}),
    ...(values.across !== undefined ? { across: values.across } : {}),
  });
  issues.push(...participantsRead.issues);
  const participants = readSoFar(participantsRead).participants;
  const previous: PreviousPair[] = [];
  for (const path of values.previous ?? []) {
    const read = parsePreviousPairs(readTable(path), participants);
    issues.push(...read.issues);
    previous.push(...readSoFar(read).pairs);
  }
  const locks: CircleLock[] = [];
  for (const path of values.lock ?? []) {
    const read = parseCircleLocks(readTable(path), participants);
    issues.push(...read.issues);
    locks.push(...readSoFar(read).locks);
  }
  const network = readNetworkFiles(positionals, issues);
  if (issues.some((i) => i.level === 'error')) throw new InputError(issues);

  const result = formCircles(
    { participants, previous, locks, ...(network !== undefined ? { network } : {}) },
    {
      ...(size ?? {}),
      ...(values.across !== undefined ? { across: values.across } : {}),
      ...(minDistinct !== undefined ? { minDistinct } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(values.relation !== undefined ? { relations: values.relation } : {}),
    },
  );
  issues.push(...result.issues);
  if (issues.some((i) => i.level === 'error')) throw new InputError(issues);
  printWarnings(issues);
  for (const r of result.relaxed.slice(0, 10)) process.stderr.write(`relaxed (${r.constraint}): ${r.message}\n`);
  if (result.relaxed.length > 10) process.stderr.write(`relaxed: ...and ${result.relaxed.length - 10} more (all are in the JSON's "relaxed")\n`);

  const csv = circlesCsv(result.circles);
  const out = values.out;
  if (out === undefined) {
    process.stdout.write(csv);
    return 0;
  }
  const written = [out];
  if (/\.json$/i.test(out)) {
    writeOutput(out, JSON.stringify({ format: 'netweave-circles', version: 1, generatedBy: `netweave ${VERSION}`, ...result, issues }, null, 2) + '\n');
    const beside = out.replace(/\.json$/i, '.csv');
    writeOutput(beside, csv);
    written.push(beside);
  } else writeOutput(out, csv);
  const m = result.metrics;
  const b = result.baselines;
  const rule = result.settings.across !== null ? `; ${m.circlesMeetingUnitRule} of ${m.circles} circles hold ${result.settings.minDistinct} or more ${result.settings.across} values` : '';
  process.stderr.write(
    `netweave: ${m.circles} circles of ${m.people} participants: ${m.newPairs} of ${m.pairs} pairs new (random ${b.random.newPairs}, greedy ${b.greedy.newPairs})${rule}; ` +
      `${result.relaxed.length} rule${result.relaxed.length === 1 ? '' : 's'} relaxed -> ${written.join(', ')}\n`,
  );
  return 0;
}

/** Runs `netweave circles` and returns the exit code (0 ok, 1 bad input, 2 bad command line). */
export async function runCircles(argv: string[]): Promise<number> {
  return runCommand('circles', () => run(argv));
}
