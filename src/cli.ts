/**
 * netweave's command line: the same engine as the app, for batch runs and reproducible reports.
 * Argument parsing and printing only; every analysis step lives in src/engine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, analyzeWith, type AnalyzeOptions } from './engine/analysis/analyze.ts';
import { availableParallelism } from 'node:os';
import { createNodePathPool } from './workers/node-path-pool.ts';
import { runSystemmap } from './cli-systemmap.ts';
import { importFiles, type ImportOptions } from './engine/ingest/import-files.ts';
import type { ImportKind as FileKind } from './engine/ingest/detect-format.ts';
import { metricsCsv } from './engine/export/metrics-csv.ts';
import { runSurveyImport } from './engine/survey/run-survey-import.ts';
import { AUTO_RESOLVE_THRESHOLD } from './engine/survey/resolve-names.ts';
import type { Dataset } from './engine/model/dataset.ts';
import type { Report, ReportResolutionEntry } from './engine/report/types.ts';
import type { InputIssue } from './engine/util/issues.ts';
import { exportGraphFromReport } from './engine/export/from-analysis.ts';
import { InputError, formatIssue } from './engine/util/issues.ts';
import type { PathWeighting } from './engine/metrics/shortest-paths.ts';
import { VERSION } from './engine/version.ts';

export const HELP = `netweave ${VERSION}: network mapping and collective-leadership analysis

Usage:
  netweave analyze [input files] [options] [--out FILE]
  netweave analyze --survey answers.csv [--roster people.csv] [options] [--out FILE]
  netweave systemmap --links links.csv [--factors F] [--actors F] [--kumu F] --out map.json
                      (see netweave systemmap --help)
  netweave --help | --version

Input files (repeat a flag to give several files; the files are combined into one dataset):
  --edges FILE        CSV edge list: source,target[,weight][,relation] plus any other columns
                      (header names matched case-insensitively; , ; tab or | as delimiter)
  --nodes FILE        CSV node list: an id or name column plus attribute columns
                      (a cell such as "a;b;c" is a list of values)
  --adjacency FILE    CSV adjacency matrix: names in the first row and column, weights inside
  --gexf FILE         GEXF graph (Gephi)
  --graphml FILE      GraphML graph (yEd, Cytoscape, Gephi)
  --json FILE         netweave dataset JSON (the app's project data)
  --survey FILE       relationship survey export, CSV or XLSX (Google Forms, Microsoft Forms,
                      SurveyMonkey, Qualtrics, Typeform): free recall, grid or long format; repeat
                      for several waves. Names written are resolved to people (see "resolution"
                      in the report); each question becomes a directed relation layer
  --roster FILE       people the survey was sent to (CSV or XLSX: name or first/last name,
                      email, attributes), to resolve names against
  --decisions FILE    saved name-resolution decisions (JSON) to re-apply
  --match-threshold X an ambiguous name takes its best candidate when that candidate's
                      confidence (0..1) is at least X (default ${AUTO_RESOLVE_THRESHOLD}); below it the name is
                      left unresolved. Either way it is listed in the report's warnings

Graph options:
  --relation NAME     analyse only this relation layer (repeat to combine several; default all)
  --directed          treat ties as directed (default: as the data says; edge lists are undirected)
  --undirected        treat ties as undirected (a->b and b->a become one tie, weights summed)
  --weight COLUMN     read tie weights from COLUMN of the edge lists and use them in the analysis
  --weight-as MODE    how weights are read: "strength" (default; a bigger weight is a closer tie,
                      path length = 1/weight) or "distance" (the weight is a path length)
  --unknown-ids MODE  ids in an edge list missing from the node list: "add" them (default) or
                      "reject" those ties (each one reported)

Analysis options:
  --seed N            seed for community detection (default 42; recorded in the report)
  --resolution X      community resolution (default 1; higher finds smaller groups)
  --group-by COLUMN   attribute for the equity view and brokerage roles (e.g. sector)
  --threads N         worker threads for the shortest-path measures (default: every core)
  --approximate-above N
                      above N people, estimate bridging, closeness and reach from sampled
                      people, with the error bound stated in the report (default 20000)
  --exact             always compute them exactly

Output:
  --out FILE          write the report to FILE (default: standard output)
  --format FORMAT     "json" (default): the full report; "csv": one row per person with metrics
  -h, --help          show this help
  -v, --version       show the version

Problems with the input are printed to standard error with the file, row and field; the exit
code is 1 for unusable input and 2 for a wrong command line.`;

class UsageError extends Error {}

const FILE_FLAGS: Array<[string, FileKind]> = [
  ['edges', 'edges'],
  ['nodes', 'nodes'],
  ['adjacency', 'adjacency'],
  ['gexf', 'gexf'],
  ['graphml', 'graphml'],
  ['json', 'json'],
];

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      edges: { type: 'string', multiple: true },
      nodes: { type: 'string', multiple: true },
      adjacency: { type: 'string', multiple: true },
      gexf: { type: 'string', multiple: true },
      graphml: { type: 'string', multiple: true },
      json: { type: 'string', multiple: true },
      survey: { type: 'string', multiple: true },
      roster: { type: 'string' },
      decisions: { type: 'string' },
      'match-threshold': { type: 'string' },
      'group-by': { type: 'string' },
      threads: { type: 'string' },
      exact: { type: 'boolean' },
      'approximate-above': { type: 'string' },
      relation: { type: 'string', multiple: true },
      directed: { type: 'boolean' },
      undirected: { type: 'boolean' },
      weight: { type: 'string' },
      'weight-as': { type: 'string' },
      'unknown-ids': { type: 'string' },
      seed: { type: 'string' },
      resolution: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

function numberFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} expects a number, got "${value}".`);
  return n;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got "${value}".`);
  }
  return value as T;
}

function readInput(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([
      {
        level: 'error',
        code: 'unreadable-file',
        file: basename(path),
        message: code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code ?? String(error)})`,
      },
    ]);
  }
}

/** A survey or roster file: its bytes (for XLSX) and its text (for CSV). */
function readBinaryInput(path: string): { name: string; text: string; bytes: Uint8Array } {
  readInput(path);
  const bytes = new Uint8Array(readFileSync(path));
  return { name: basename(path), text: new TextDecoder('utf-8').decode(bytes), bytes };
}

/** The first warnings on stderr; all of them are in the report. */
function printWarnings(issues: InputIssue[], limit = 10): void {
  for (const issue of issues.slice(0, limit)) process.stderr.write(`warning: ${formatIssue(issue)}\n`);
  if (issues.length > limit) process.stderr.write(`warning: …and ${issues.length - limit} more (all are listed in the report's "warnings").\n`);
}

async function analyzeOnPool(threads: number, dataset: Dataset, options: AnalyzeOptions): Promise<Report> {
  const pool = createNodePathPool(threads);
  try {
    return await analyzeWith(pool.runner, dataset, options);
  } finally {
    await pool.close();
  }
}

async function runAnalyze(values: ReturnType<typeof parse>['values']): Promise<void> {
  if (values.directed && values.undirected) throw new UsageError('Give --directed or --undirected, not both.');
  const files: Array<{ name: string; text: string; kind: FileKind }> = [];
  for (const [flag, kind] of FILE_FLAGS) {
    for (const path of (values as Record<string, string[] | undefined>)[flag] ?? []) {
      files.push({ name: basename(path), text: readInput(path), kind });
    }
  }
  const surveys = values.survey ?? [];
  if (surveys.length === 0 && (values.roster || values.decisions || values['match-threshold'] !== undefined)) {
    throw new UsageError('--roster, --decisions and --match-threshold go with --survey.');
  }
  if (files.length === 0 && surveys.length === 0) throw new UsageError('Give at least one input file, e.g. --edges ties.csv (see --help).');
  const format = oneOf('format', values.format, ['json', 'csv'] as const, 'json');
  const weightAs = oneOf('weight-as', values['weight-as'], ['strength', 'distance'] as const, 'strength');
  const direction = values.directed ? 'directed' : values.undirected ? 'undirected' : 'auto';
  const importOptions: ImportOptions = {
    directed: values.directed ? true : undefined,
    unknownIds: oneOf('unknown-ids', values['unknown-ids'], ['add', 'reject'] as const, 'add'),
    kinds: Object.fromEntries(files.map((f) => [f.name, f.kind])),
    columns: values.weight
      ? Object.fromEntries(files.filter((f) => f.kind === 'edges').map((f) => [f.name, { weight: values.weight! }]))
      : undefined,
  };
  let resolution: ReportResolutionEntry[] | undefined;
  let imported: { dataset: Dataset; issues: InputIssue[] };
  if (surveys.length > 0) {
    const threshold = numberFlag('match-threshold', values['match-threshold'], AUTO_RESOLVE_THRESHOLD);
    if (threshold < 0 || threshold > 1) throw new UsageError(`--match-threshold must be between 0 and 1; got "${values['match-threshold']}".`);
    const run = runSurveyImport({
      surveys: surveys.map(readBinaryInput),
      ...(values.roster ? { roster: readBinaryInput(values.roster) } : {}),
      ...(values.decisions ? { decisions: { name: basename(values.decisions), text: readInput(values.decisions) } } : {}),
      threshold,
      others: files,
      ...(values.directed ? { directed: true } : {}),
      ...(importOptions.unknownIds !== undefined ? { unknownIds: importOptions.unknownIds } : {}),
    });
    imported = run;
    resolution = run.resolution;
  } else {
    imported = importFiles(files, importOptions);
  }
  const { dataset, issues } = imported;
  printWarnings(issues);
  const weighting: PathWeighting = values.weight ? weightAs : 'none';
  const threads = numberFlag('threads', values.threads, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads expects a whole number of at least 1; got "${values.threads}".`);
  const analyzeOptions: AnalyzeOptions = {
    relations: values.relation,
    direction,
    weighting,
    seed: numberFlag('seed', values.seed, 42),
    resolution: numberFlag('resolution', values.resolution, 1),
    groupBy: values['group-by'],
    approximateAbove: values.exact ? Infinity : numberFlag('approximate-above', values['approximate-above'], 20000),
    importWarnings: issues,
  };
  const report = threads === 1 ? analyze(dataset, analyzeOptions) : await analyzeOnPool(threads, dataset, analyzeOptions);
  if (resolution !== undefined) report.resolution = resolution;
  const text = format === 'csv' ? metricsCsv(exportGraphFromReport(report).nodes) : JSON.stringify(report, null, 2) + '\n';
  if (values.out) {
    writeFileSync(values.out, text);
    process.stderr.write(
      `netweave: ${report.summary.nodes} people, ${report.summary.edges} ties, ${report.summary.communities} communities -> ${values.out}\n`,
    );
  } else {
    process.stdout.write(text);
  }
}

/** Runs the CLI and returns the exit code (0 ok, 1 bad input, 2 bad command line). */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'systemmap') return runSystemmap(argv.slice(1));
  try {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(argv);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.version) {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (values.help || positionals.length === 0) {
      process.stdout.write(`${HELP}\n`);
      return values.help ? 0 : 2;
    }
    const [command, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}". Input files need a flag such as --edges.`);
    if (command === 'analyze') {
      await runAnalyze(values);
      return 0;
    }
    throw new UsageError(`Unknown command "${command}". Commands: analyze, systemmap (see --help).`);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`netweave: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`netweave: the input cannot be used:\n${error.message}\n`);
      return 1;
    }
    process.stderr.write(`netweave: ${(error as Error).message}\n`);
    return 1;
  }
}
