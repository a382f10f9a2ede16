/**
 * `netweave results`: results, indicators and aligned actions joined to the system map and the
 * people network. Argument parsing, file reading and printing only; every step lives in
 * src/engine/features/results. `runResults(argv)` takes the arguments after the command name and
 * returns the exit code: 0 ok, 1 unusable input (with file, row and field), 2 wrong command line.
 */
import { basename, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { readAnyFile, readNetworkFiles } from './cli-files.ts';
import { commandLine, printWarnings, runCommand, UsageError, writeOutput } from './cli-command.ts';
import { workbookAsCsv } from './engine/io/workbook-as-csv.ts';
import type { Dataset } from './engine/core/model/dataset.ts';
import type { SystemMap } from './engine/core/model/systemmap.ts';
import { InputError, type InputIssue } from './engine/core/util/issues.ts';
import { orThrow } from './engine/core/util/result.ts';
import { VERSION } from './engine/core/util/version.ts';
import { runSurveyImport } from './engine/features/survey/run-survey-import.ts';
import { importSystemMapFiles, type SystemMapFileKind } from './engine/features/systemmap/import-files.ts';
import { importResultsFiles } from './engine/features/results/import-results.ts';
import type { ResultsFileKind } from './engine/features/results/results-file-kinds.ts';
import { analyzeResults } from './engine/features/results/analyze-results.ts';
import { turnTheCurveCsv } from './engine/features/results/forecast.ts';
import { DEFAULT_UPSTREAM_STEPS } from './engine/features/results/upstream.ts';

export const RESULTS_HELP = `netweave ${VERSION} results: results, indicators and aligned actions joined to the system map and the people

Usage:
  netweave results --results F --indicators F --actions F [--strategies F] [--commitments F]
                   [--scorecard F] [--links F --factors F --actors F | --kumu F]
                   [people inputs] [--steps K] --out results.json

Results (CSV or XLSX; templates in the app's import dialog):
  --results FILE        result,population,condition
  --indicators FILE     indicator,result,factor,date,value,target,baseline,better[,source][,story]
                        one row per date; better is up or down; factor is the system-map factor
                        the indicator measures
  --actions FILE        action,result,by,factor,direction,start,end,status; by names people or
                        organisations separated by ; and direction is increase or decrease
  --strategies FILE     strategy,result,description,measure,kind,date,value,target,better with
                        kind how much, how well or better off (repeatable, like the others)
  --commitments FILE    who,result,what,date,due,status (made, in progress, kept, not kept)
  --scorecard FILE      a scorecard's data values (Clear Impact: id,measure_type,
                        actual_value_date,target_value,actual_value,comment): the id is an
                        indicator's or measure's name in the files above

System map (as "netweave systemmap" reads it):
  --links FILE, --factors FILE, --actors FILE, --kumu FILE

People (optional, for sectors, who is tied to whom and introductions):
  network files         named without a flag, read as "netweave analyze" reads them
  --survey FILE         a relationship survey export (repeatable), with --roster FILE
  --relation NAME       count only ties of this relation (repeatable; default every relation)
  --organization-attribute NAME, --sector-attribute NAME
                        the people attributes naming organisations and sectors (default:
                        organization, organisation, org, ... and sector, industry, field, ...)

Analysis and output:
  --steps K             longest causal path followed upstream of an indicator (default ${DEFAULT_UPSTREAM_STEPS})
  --as-of DATE          the day commitments are judged on: past due and not kept is overdue
                        (YYYY-MM-DD; default today)
  --out FILE            the JSON report (default: standard output)
  --curves DIR          also write one turn-the-curve CSV per indicator into DIR
  -h, --help            show this help

The report holds, per result: its indicators (points, baseline, target, story, and the trend of
the actuals, labelled as a trend), "upstream" (factor, steps, effect up/down/mixed), "partners"
(the map's actors on the indicator's factor or upstream, inCohort, tiedToCohort),
"unactedLeverage", "wrongDirection", "noPath", the cohort's sectors and connectedness, and
introductions to make; then every commitment, and the names and factors matching nothing. Exit
code 1 for unusable input (file, row and field), 2 for a wrong command line.`;

const OPTIONS = {
  results: { type: 'string', multiple: true },
  indicators: { type: 'string', multiple: true },
  actions: { type: 'string', multiple: true },
  strategies: { type: 'string', multiple: true },
  commitments: { type: 'string', multiple: true },
  scorecard: { type: 'string', multiple: true },
  links: { type: 'string', multiple: true },
  factors: { type: 'string', multiple: true },
  actors: { type: 'string', multiple: true },
  kumu: { type: 'string', multiple: true },
  survey: { type: 'string', multiple: true },
  roster: { type: 'string' },
  relation: { type: 'string', multiple: true },
  'organization-attribute': { type: 'string' },
  'sector-attribute': { type: 'string' },
  steps: { type: 'string' },
  'as-of': { type: 'string' },
  out: { type: 'string' },
  curves: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof commandLine<typeof OPTIONS>>['values'];

function wholeNumber(name: string, value: string | undefined, minimum: number, maximum: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < minimum || n > maximum) throw new UsageError(`--${name} expects a whole number from ${minimum} to ${maximum}; got "${value}".`);
  return n;
}

function readMap(values: Values, issues: InputIssue[]): SystemMap | undefined {
  const kinds: Array<[SystemMapFileKind, readonly string[] | undefined]> = [
    ['map-factors', values.factors],
    ['map-links', values.links],
    ['map-actors', values.actors],
    ['map-kumu', values.kumu],
  ];
  const files = kinds.flatMap(([kind, paths]) => (paths ?? []).map((path) => ({ kind, ...readAnyFile(path) })));
  if (files.length === 0) return undefined;
  if ((values.links ?? []).length === 0 && (values.kumu ?? []).length === 0) throw new UsageError('A system map needs its links: --links FILE or --kumu FILE.');
  const map = orThrow(importSystemMapFiles(files, basename((values.links ?? values.kumu)![0]!).replace(/\.[^.]+$/, '')));
  issues.push(...map.issues);
  return map.value;
}

function readPeople(values: Values, positionals: readonly string[], issues: InputIssue[]): Dataset | undefined {
  const surveys = values.survey ?? [];
  if (surveys.length > 0) {
    if (positionals.length > 0) throw new UsageError('Give the people either as a survey (--survey, --roster) or as network files, not both.');
    const run = orThrow(runSurveyImport({ surveys: surveys.map(readAnyFile), ...(values.roster !== undefined ? { roster: readAnyFile(values.roster) } : {}) }));
    issues.push(...run.issues);
    return run.value.dataset;
  }
  if (values.roster !== undefined) throw new UsageError('--roster goes with --survey; a people list alone can be named without a flag.');
  return readNetworkFiles(positionals, issues);
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = commandLine(argv, OPTIONS);
  if (values.help) {
    process.stdout.write(`${RESULTS_HELP}\n`);
    return 0;
  }
  const steps = wholeNumber('steps', values.steps, 1, 10);
  const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of expects a date written YYYY-MM-DD; got "${asOf}".`);
  const kinds: ResultsFileKind[] = ['results', 'indicators', 'strategies', 'actions', 'commitments', 'scorecard'];
  const files = kinds.flatMap((kind) => (values[kind] ?? []).map((path) => ({ kind, ...readTable(path) })));
  if (files.length === 0) throw new UsageError('netweave results needs results files: at least --results, --indicators or --actions (see netweave results --help).');

  const issues: InputIssue[] = [];
  const read = importResultsFiles(files);
  issues.push(...read.issues);
  const map = readMap(values, issues);
  const people = readPeople(values, positionals, issues);
  if (!read.ok || issues.some((i) => i.level === 'error')) throw new InputError(issues);

  const report = analyzeResults(
    read.value,
    { map, people },
    {
      ...(steps !== undefined ? { steps } : {}),
      asOf,
      ...(values.relation !== undefined ? { relations: values.relation } : {}),
      ...(values['organization-attribute'] !== undefined ? { organizationAttribute: values['organization-attribute'] } : {}),
      ...(values['sector-attribute'] !== undefined ? { sectorAttribute: values['sector-attribute'] } : {}),
    },
  );
  printWarnings([...issues, ...report.warnings]);
  for (const note of report.notes) process.stderr.write(`note: ${note}\n`);
  const text = JSON.stringify({ ...report, warnings: [...issues, ...report.warnings] }, null, 2) + '\n';

  const written: string[] = [];
  if (values.curves !== undefined) {
    try {
      mkdirSync(values.curves, { recursive: true });
    } catch (error) {
      throw new InputError([{ level: 'error', code: 'unwritable-file', file: values.curves, message: `cannot make the folder ${values.curves} (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
    }
    const used = new Set<string>();
    for (const result of report.results) {
      for (const indicator of result.indicators) {
        let name = indicator.id.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'indicator';
        while (used.has(name)) name += '-2';
        used.add(name);
        const path = join(values.curves, `${name}.csv`);
        writeOutput(path, turnTheCurveCsv(indicator));
        written.push(path);
      }
    }
  }
  if (values.out === undefined) process.stdout.write(text);
  else {
    writeOutput(values.out, text);
    written.unshift(values.out);
  }
  for (const r of report.results) {
    const c = r.cohort.connectedness;
    process.stderr.write(
      `netweave: "${r.id}": ${r.indicators.length} indicator${r.indicators.length === 1 ? '' : 's'}, ${r.upstream.length} upstream, ${r.partners.length} partners` +
        `${people !== undefined ? ` (${r.partners.filter((p) => !p.inCohort).length} not in the cohort)` : ''}, ${r.wrongDirection.length} wrong-direction, ` +
        `${r.unactedLeverage.length} unacted leverage, ${r.noPath.length} no path${c !== null ? `; cohort of ${c.people} in ${c.parts.length} part${c.parts.length === 1 ? '' : 's'}` : ''}\n`,
    );
  }
  if (written.length > 0) process.stderr.write(`netweave: ${report.results.length} results -> ${written.length > 3 ? `${written.slice(0, 2).join(', ')} and ${written.length - 2} more` : written.join(', ')}\n`);
  return 0;
}

/** A table file: an Excel workbook's first sheet becomes CSV text, as everywhere else. */
function readTable(path: string): { name: string; text: string } {
  const { name, text } = orThrow(workbookAsCsv(readAnyFile(path))).value;
  return { name, text };
}

/** Runs `netweave results` and returns the exit code (0 ok, 1 bad input, 2 bad command line). */
export async function runResults(argv: string[]): Promise<number> {
  return runCommand('results', () => run(argv));
}
