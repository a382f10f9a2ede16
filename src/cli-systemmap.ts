/**
 * `netweave systemmap`: feedback loops, leverage points and who works where on a system map.
 * Argument parsing, file reading and printing only; every step lives in src/engine/features/systemmap.
 * `runSystemmap(argv)` takes the arguments after the command name (a leading "systemmap" is
 * skipped too) and returns the exit code: 0 ok, 1 unusable input, 2 wrong command line.
 */
import { basename } from 'node:path';
import { importFiles } from './engine/io/import-files.ts';
import type { Dataset } from './engine/core/model/dataset.ts';
import { analyzeSystemMap } from './engine/features/systemmap/analyze-systemmap.ts';
import { assembleSystemMap } from './engine/features/systemmap/assemble.ts';
import type { UnknownFactorPolicy } from './engine/features/systemmap/assemble.ts';
import type { SystemMapPart } from './engine/features/systemmap/drafts.ts';
import { actorsCsv, factorsCsv, kumuJson, linksCsv, systemMapGraphml } from './engine/features/systemmap/export.ts';
import { parseActorsCsv, parseFactorsCsv, parseLinksCsv } from './engine/features/systemmap/import-csv.ts';
import { parseSystemMapGraphml } from './engine/features/systemmap/import-graphml.ts';
import { parseKumuJson } from './engine/features/systemmap/import-kumu.ts';
import { kumuWorkbookParts } from './engine/features/systemmap/import-kumu-sheets.ts';
import { isWorkbook } from './engine/io/workbook-detect.ts';
import { readAnyFile, readTextFile } from './cli-files.ts';
import { commandLine, printWarnings, runCommand, UsageError, writeOutput } from './cli-command.ts';
import { workbookAsCsv } from './engine/io/workbook-as-csv.ts';
import { formatIssueGroup, groupIssues } from './engine/core/util/issue-groups.ts';
import { orThrow, type Result } from './engine/core/util/result.ts';
import { VERSION } from './engine/core/util/version.ts';

export const SYSTEMMAP_HELP = `netweave ${VERSION} systemmap: feedback loops, leverage points and who works where

Usage:
  netweave systemmap --links FILE [--factors FILE] [--actors FILE] [options] [--out FILE]
  netweave systemmap --kumu FILE [--actors FILE] [options] [--out FILE]
  netweave systemmap --graphml FILE [options] [--out FILE]

Input (give at least one map file; several are combined into one map):
  --links FILE              CSV of causal links: from,to,polarity[,strength][,delay][,note]
                            (polarity + or -; a | in from/to lists several factors)
  --factors FILE            CSV of factors: label (or id)[,description][,tags as a|b][,type]
  --actors FILE             CSV of who works on what: organization,works on (one row per pair,
                            or several factors in one cell separated by | or ;)
  --kumu FILE               Kumu blueprint (JSON) or workbook (Excel: Elements and Connections
                            sheets): elements and connections (type + - ++ -- +- -+)
  --kumu-elements FILE      a Kumu Elements sheet saved as CSV (Label, Type, Description, Tags)
  --kumu-connections FILE   a Kumu Connections sheet saved as CSV (From, To, Type, Strength)
  --graphml FILE            GraphML (yEd, Cytoscape, Gephi, networkx) with a polarity or sign key
  --unknown-factors MODE    links naming a factor missing from the factor list: "error"
                            (default: stop and list them), "create" them, or "skip" those links
  --people FILE             the people network (edge list or node list CSV, GEXF, GraphML or
                            netweave JSON; repeat for several files), to suggest introductions
                            between organisations working on the same factor
  --organization-attribute NAME
                            the people attribute naming each person's organisation
                            (default: organization, organisation, org, affiliation, ...)

Analysis:
  --max-loop-length N       longest feedback loop to search, in factors (default: no limit)
  --max-loops N             stop after N loops and say so (default 10000)
  --reach-steps N           steps downstream counted in each factor's reach (default 3)
  --micmac-weights MODE     "binary" (default: every link counts 1) or "strength"

Output:
  --out FILE                write the JSON report to FILE (default: standard output)
  --export-kumu FILE        also write the map as a Kumu JSON blueprint
  --export-graphml FILE     also write the map as GraphML
  --export-factors FILE, --export-links FILE, --export-actors FILE
                            also write the map as CSV files
  -h, --help                show this help

The report holds "loops" (id R1/B1..., type, factors in order, a sentence), "factors" (influence,
dependence, betweenness, loops, reach, MICMAC indirect influence and quadrant), "gaps" (factors
in loops that no actor works on), "introductions", "summary" and "warnings". Problems with the
input are printed with file, row and field; the exit code is 1 for unusable input and 2 for a
wrong command line.`;

const OPTIONS = {
  links: { type: 'string', multiple: true },
  factors: { type: 'string', multiple: true },
  actors: { type: 'string', multiple: true },
  kumu: { type: 'string', multiple: true },
  'kumu-elements': { type: 'string', multiple: true },
  'kumu-connections': { type: 'string', multiple: true },
  graphml: { type: 'string', multiple: true },
  people: { type: 'string', multiple: true },
  'organization-attribute': { type: 'string' },
  'unknown-factors': { type: 'string' },
  'max-loop-length': { type: 'string' },
  'max-loops': { type: 'string' },
  'reach-steps': { type: 'string' },
  'micmac-weights': { type: 'string' },
  out: { type: 'string' },
  'export-kumu': { type: 'string' },
  'export-graphml': { type: 'string' },
  'export-factors': { type: 'string' },
  'export-links': { type: 'string' },
  'export-actors': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function wholeNumber(name: string, value: string | undefined, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < minimum) {
    throw new UsageError(`--${name} expects a whole number of at least ${minimum}, got "${value}".`);
  }
  return n;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got "${value}".`);
  return value as T;
}

const readInput = readTextFile;

/** A table file: an Excel workbook's first sheet becomes CSV text, as in the app and `analyze`. */
function readTable(path: string): { name: string; text: string } {
  const { name, text } = orThrow(workbookAsCsv(readAnyFile(path))).value;
  return { name, text };
}

function readPeople(paths: readonly string[]): Dataset | undefined {
  if (paths.length === 0) return undefined;
  const { value: dataset, issues } = orThrow(importFiles(paths.map(readTable)));
  printWarnings(issues);
  return dataset;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = commandLine(argv, OPTIONS);
  if (values.help) {
    process.stdout.write(`${SYSTEMMAP_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}". Input files need a flag such as --links (see --help).`);
  const mapFlags = ['links', 'kumu', 'kumu-connections', 'graphml'] as const;
  if (mapFlags.every((flag) => (values[flag] ?? []).length === 0)) {
    throw new UsageError('Give a map: --links FILE, --kumu FILE, --kumu-connections FILE or --graphml FILE (see --help).');
  }
  const unknownFactors = oneOf<UnknownFactorPolicy>('unknown-factors', values['unknown-factors'], ['error', 'create', 'skip'], 'error');
  const maxLoopLength = wholeNumber('max-loop-length', values['max-loop-length'], 1) ?? null;
  const maxLoops = wholeNumber('max-loops', values['max-loops'], 1);
  const reachSteps = wholeNumber('reach-steps', values['reach-steps'], 1);
  const micmacWeights = oneOf('micmac-weights', values['micmac-weights'], ['binary', 'strength'] as const, 'binary');

  // Factor lists first, so links and works-on entries resolve against them.
  const parts: Result<SystemMapPart>[] = [];
  for (const path of values.factors ?? []) parts.push(parseFactorsCsv(readTable(path)));
  for (const path of values['kumu-elements'] ?? []) parts.push(parseFactorsCsv(readTable(path)));
  for (const path of values.kumu ?? []) {
    // A Kumu workbook (Elements and Connections sheets) or a blueprint (JSON).
    const file = readAnyFile(path);
    if (isWorkbook(file)) parts.push(...kumuWorkbookParts(file));
    else parts.push(parseKumuJson(file));
  }
  for (const path of values.graphml ?? []) parts.push(parseSystemMapGraphml(readInput(path)));
  for (const path of values.links ?? []) parts.push(parseLinksCsv(readTable(path)));
  for (const path of values['kumu-connections'] ?? []) parts.push(parseLinksCsv(readTable(path)));
  for (const path of values.actors ?? []) parts.push(parseActorsCsv(readTable(path)));
  const firstMap = [...(values.kumu ?? []), ...(values.graphml ?? []), ...(values.links ?? []), ...(values['kumu-connections'] ?? [])][0]!;
  const name = basename(firstMap).replace(/\.[^.]+$/, '');
  const imported = assembleSystemMap(parts, { unknownFactors, name });
  if (!imported.ok) {
    const errors = imported.issues.filter((i) => i.level === 'error');
    const hint = errors.some((i) => i.code === 'unknown-factor')
      ? '(to add the missing factors use --unknown-factors create; to leave those links out, --unknown-factors skip)\n'
      : '';
    process.stderr.write(`netweave systemmap: the input cannot be used:\n${groupIssues(errors).map(formatIssueGroup).join('\n')}\n${hint}`);
    return 1;
  }
  const warnings = imported.issues.filter((i) => i.level === 'warning');
  printWarnings(warnings);
  const people = readPeople(values.people ?? []);

  const report = analyzeSystemMap(imported.value, {
    maxLoopLength,
    ...(maxLoops !== undefined ? { maxLoops } : {}),
    ...(reachSteps !== undefined ? { reachSteps } : {}),
    micmacWeights,
    ...(people !== undefined ? { people } : {}),
    ...(values['organization-attribute'] !== undefined ? { organizationAttribute: values['organization-attribute'] } : {}),
    importWarnings: warnings,
  });
  for (const issue of report.warnings.slice(warnings.length)) process.stderr.write(`warning: ${issue.message}\n`);

  const text = JSON.stringify(report, null, 2) + '\n';
  const exports: Array<[string | undefined, () => string]> = [
    [values['export-kumu'], () => kumuJson(imported.value)],
    [values['export-graphml'], () => systemMapGraphml(imported.value)],
    [values['export-factors'], () => factorsCsv(imported.value)],
    [values['export-links'], () => linksCsv(imported.value)],
    [values['export-actors'], () => actorsCsv(imported.value)],
  ];
  for (const [path, write] of exports) if (path !== undefined) writeOutput(path, write());
  if (values.out !== undefined) {
    writeOutput(values.out, text);
    const s = report.summary;
    process.stderr.write(
      `netweave: ${report.map.factors} factors, ${report.map.links} links, ${s.loops} loops (${s.reinforcing} R, ${s.balancing} B${s.loopsComplete ? '' : ', search limited'}), ` +
        `${s.gaps} gaps, ${s.introductions} introductions -> ${values.out}\n`,
    );
  } else {
    process.stdout.write(text);
  }
  return 0;
}

/** Runs `netweave systemmap` and returns the exit code (0 ok, 1 bad input, 2 bad command line). */
export async function runSystemmap(argv: string[]): Promise<number> {
  return runCommand('systemmap', () => run(argv[0] === 'systemmap' ? argv.slice(1) : argv));
}
