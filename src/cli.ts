/**
 * netweave's command line: the same engine as the app, for batch runs and reproducible reports.
 * Argument parsing and printing only; every analysis step lives in src/engine.
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runAnalysis } from './engine/analysis/run-analysis.ts';
import { ANALYSIS_DEFAULTS, type AnalysisOptions } from './engine/analysis/analysis-options.ts';
import type { AnalysisResult } from './engine/analysis/analysis-result.ts';
import { buildReport } from './engine/report/build-report.ts';
import { peopleCsv } from './engine/export/people-csv.ts';
import { availableParallelism } from 'node:os';
import { createNodePathPool } from './workers/node-path-pool.ts';
import { runSystemmap } from './cli-systemmap.ts';
import { runCircles } from './cli-circles.ts';
import { runResults } from './cli-results.ts';
import { runReport } from './cli-report.ts';
import { runPackets } from './cli-packets.ts';
import { readAnyFile, readTextFile } from './cli-files.ts';
import { importAbilities } from './engine/features/skills/abilities-import.ts';
import type { SkillsReportOptions } from './engine/features/skills/skills-report.ts';
import { parseLadderRules } from './engine/features/ladder/rules.ts';
import { importFiles, type ImportOptions } from './engine/io/import-files.ts';
import { IMPORT_KINDS, detectFormat, type ImportKind as FileKind } from './engine/io/detect-format.ts';
import { networkSource } from './engine/io/workbook-as-csv.ts';
import { consentedDataset, readConsent, withoutUnnamedDetails } from './engine/features/sharing/consent.ts';
import { pseudonymise } from './engine/features/sharing/pseudonymise.ts';
import { runSurveyImport } from './engine/features/survey/run-survey-import.ts';
import { importNetworkCanvasFiles } from './engine/features/network-canvas/network-canvas-files.ts';
import { formatOf } from './engine/io/file-formats.ts';
import { AUTO_RESOLVE_THRESHOLD } from './engine/people/resolve-names.ts';
import type { Dataset } from './engine/core/model/dataset.ts';
import type { ReportResolutionEntry } from './engine/report/types.ts';
import type { InputIssue } from './engine/core/util/issues.ts';
import { InputError } from './engine/core/util/issues.ts';
import { formatIssueGroup, groupIssues } from './engine/core/util/issue-groups.ts';
import { orThrow, readSoFar } from './engine/core/util/result.ts';
import type { PathWeighting } from './engine/algorithms/metrics/shortest-paths.ts';
import { VERSION } from './engine/core/util/version.ts';
import { emptyDataset } from './engine/core/model/dataset.ts';
import type { Person } from './engine/core/model/records.ts';
import type { ResolutionDecision } from './engine/core/model/survey.ts';
import { readSurveyTable } from './engine/io/read-table.ts';
import { readRoster } from './engine/features/survey/roster.ts';
import { parseDecisionsJson } from './engine/people/decisions.ts';
import type { KnownPerson } from './engine/people/name-match.ts';
import type { CsvTable } from './engine/io/csv-read.ts';
import type { SourceFile } from './engine/io/types.ts';
import { importAttendance } from './engine/features/convenings/import-attendance.ts';
import { withAttendance } from './engine/features/convenings/summaries.ts';
import { importMentorships, withMentorships } from './engine/features/mentorship/import-mentorships.ts';
import { nameSurveyWaves } from './engine/features/change/name-waves.ts';
import { importLedger } from './engine/features/ledger/import-ledger.ts';
import type { LedgerEntry } from './engine/core/model/ledger.ts';
import { matchMentors } from './engine/features/matching/match-mentors.ts';
import { parseMentees, parseMentors, parsePairRules } from './engine/features/matching/import-matching.ts';
import { networkCommunities } from './engine/features/matching/network-communities.ts';
import { pairsCsv } from './engine/features/matching/pairs-csv.ts';
import type { PairRule } from './engine/features/matching/model.ts';

export const HELP = `netweave ${VERSION}: network mapping and collective-leadership analysis

Usage:
  netweave analyze [input files] [options] [--out FILE]
  netweave analyze --survey answers.csv [--roster people.csv] [options] [--out FILE]
  netweave analyze --wave w1=wave1.csv --wave w2=wave2.csv [--roster people.csv]
                   [--attendance attendance.csv] [--mentorships pairs.csv] [--out FILE]
  netweave match --mentees mentees.csv --mentors mentors.csv [--bridge] [--lock pairs.csv]
                 --out pairs.csv          (see netweave match --help)
  netweave circles --participants people.csv [network files] [--size 4-6] [--across COLUMN]
                   [--reports-to COLUMN] [--previous F] [--lock F] --out circles.csv
                                          (see netweave circles --help)
  netweave systemmap --links links.csv [--factors F] [--actors F] [--kumu F] --out map.json
                      (see netweave systemmap --help)
  netweave results --results F --indicators F --actions F [--links F --factors F --actors F]
                   [people files | --survey F --roster F] [--steps K] --out results.json
                                          (see netweave results --help)
  netweave report [input files] [options] [--consent COLUMN] [--sections a,b,...]
                  [--title TEXT] [--intro TEXT] --out report.html
  netweave packets [input files] [options] [--consent COLUMN] [--note TEXT] --out packets.zip
  netweave --help | --version

Input files: name them after "analyze" and netweave tells each format from its name and content
(CSV and Excel tables, GEXF, GraphML, Pajek .net/.paj, UCINET .dl, NetDraw .vna, GML, Graphviz
.dot/.gv, graphology and Gephi Lite JSON, Kumu blueprints and workbooks, Network Canvas exports, edge and
adjacency lists without a header, netweave JSON); or force a format with its flag (repeat a flag for several files; every
file given is combined into one dataset; workbooks work with every flag):
  --edges FILE        CSV edge list: source,target[,weight][,relation] plus any other columns
                      (header names matched case-insensitively; , ; tab or | as delimiter)
  --nodes FILE        CSV node list: an id or name column plus attribute columns
                      (a cell such as "a;b;c" is a list of values)
  --adjacency FILE    CSV adjacency matrix: names in the first row and column, weights inside
  --gexf FILE         GEXF graph (Gephi)
  --graphml FILE      GraphML graph (yEd, Cytoscape, Gephi)
  --json FILE         netweave dataset JSON (the app's project data)
  --pajek FILE        Pajek .net or .paj (several *Arcs/*Edges :k relations become layers;
                      partitions and vectors become attributes)
  --ucinet FILE       UCINET DL (fullmatrix, edgelist1, nodelist1; several matrices as layers)
  --vna FILE          NetDraw VNA (*node data as attributes, *tie data columns as layers)
  --gml FILE          GML            --dot FILE   Graphviz DOT
  --graphology FILE   graphology serialised JSON    --gephi-lite FILE   Gephi Lite project
  --kumu FILE         Kumu blueprint (JSON) or workbook (Excel: Elements and Connections sheets)
                      read as a people network: elements are people and organisations,
                      connections ties (Type = relation, Strength = weight)
  --edgelist FILE     edge list without a header (SNAP, NCOL, networkx write_edgelist)
  --adjlist FILE      adjacency list: a person, then whom they name (a;b;c or networkx)
  --network-canvas FILE
                      a Network Canvas CSV export: give all its files (…_ego.csv,
                      …_attributeList_<Type>.csv, …_edgeList_<Type>.csv); the interviews are merged
                      into one network, alters matched across interviews (and to --roster) like
                      survey names; ties keep "reportedBy" and are "confirmed" when both reported
  --network-canvas-graphml FILE
                      a Network Canvas GraphML export (one graph per interview), merged the same way
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

Convenings, mentorships and waves:
  --attendance FILE   convening attendance, CSV or XLSX: one row per person and event
                      (person or email, event, date), or one column per event marked x/1/yes.
                      People are matched to the roster and the other inputs like survey names.
                      Adds the "co-attendance" relation (weight = events shared), each person's
                      "eventsAttended" and an "events" section (who came, new faces, sector mix)
  --attendance-weight MODE
                      co-attendance weight: "shared" (default: events shared) or "newman"
                      (each shared event adds 1/(attendees - 1))
  --min-shared-events N
                      tie two people only when they shared at least N events (default 1)
  --mentorships FILE  mentor,mentee[,season][,goal] pairs, CSV or XLSX: adds the directed
                      "mentorship" relation and a "mentorship" section (groups connected, pairs
                      bridging communities, people who are both mentor and mentee)
  --wave NAME=FILE    a survey wave (repeat, in time order; instead of --survey). Ties carry the
                      wave; with two or more the "change" section compares the last two
  --compare A,B       compare waves A and B instead of the last two
  --ledger FILE       the weaving ledger, CSV or XLSX: date,weaver,personA,personB,level,kind,note
                      (level 1-7, kind a suggestion kind or "by hand"); adds a "ledger" section:
                      each introduction checked against the waves (stuck: a tie between the two,
                      either way, in a wave after its date or, when waves carry no dates, in the
                      last wave; its relation; mutual or not; or not yet known) and the stick
                      rates by level, by kind and by weaver. Names matching no one are listed, kept

Graph options:
  --relation NAME     analyse only this relation layer (repeat to combine several; default all)
  --directed          treat ties as directed (default: as the data says; edge lists are undirected)
  --undirected        treat ties as undirected (a->b and b->a become one tie, weights summed)
  --weight COLUMN     read tie weights from COLUMN of the edge lists and use them in the analysis
  --weight-as MODE    how weights are read: "strength" (default; a bigger weight is a closer tie,
                      path length = 1/weight) or "distance" (the weight is a path length)
  --unknown-ids MODE  ids in an edge list missing from the node list: "add" them (default) or
                      "reject" those ties (each one reported)

Sharing (what the report may show; nothing else changes):
  --consent COLUMN    each person's consent in COLUMN: named (also yes, true, 1), unnamed (also
                      anonymous: counted but not named) or out (also no, false, 0: left out before
                      anything is computed); an unknown or empty value counts as unnamed
  --pseudonymise      every person becomes a code (P001...), with only --keep-attributes kept;
                      needs --key-out FILE, the CSV linking codes to names (keep it apart)
  --keep-attributes A,B  attributes kept as they are with --pseudonymise (e.g. sector,region)
  With either, the report leaves out the import's warnings and the survey's name resolution,
  which quote names; they are still printed here.

Analysis options:
  --seed N            seed for community detection (default ${ANALYSIS_DEFAULTS.seed}; recorded in the report)
  --resolution X      community resolution (default 1; higher finds smaller groups)
  --group-by COLUMN   attribute for the equity view and brokerage roles (e.g. sector)
  --skills COLUMN     the people attribute listing skills (default: a "skills" column, if any)
  --abilities FILE    leadership-abilities self-assessment (CSV or XLSX, 1-5 scores; see
                      data/abilities-template.csv), matched to people by name or email
  --ladder FILE       engagement ladder rules (JSON: rungs, lowest first, each with conditions;
                      see src/engine/features/ladder/README.md). Adds a "ladder" section: each
                      person's rung per period (survey waves, else half-years of attendance),
                      entry points, movements, who is ready for a next step. Without --ladder,
                      data with waves or attendance gets the default ladder (Aware, Attending,
                      Connected, Contributing, Leading)
  --threads N         worker threads for the shortest-path measures (default: every core)
  --approximate-above N
                      above N people, estimate bridging, closeness and reach from sampled
                      people, with the error bound stated in the report (default ${ANALYSIS_DEFAULTS.approximateAbove})
  --exact             always compute them exactly

Output:
  --out FILE          write the report to FILE (default: standard output)
  --format FORMAT     "json" (default): the full report; "csv": one row per person with metrics

The HTML report (netweave report, same inputs and options as analyze; --out is required):
  one self-contained file (no script, nothing loaded from anywhere; prints on A4 and Letter)
  with the map drawn from a seeded layout and the charts as pictures inside it
  --sections A,B      only these sections, from: health, map, edge, brokers, introductions,
                      groups, equity, skills, change, convenings, mentorship, systemmap, results
                      (default: every one the data holds)
  --title TEXT        the report's title (default "Our network")
  --intro TEXT        an introduction at the top (plain text; a blank line starts a paragraph)
  --results-report F  the results section from what netweave results wrote (--out F.json):
                      each indicator's curve, partners with a role, leverage nobody acts on,
                      the action plan and the commitments (not with --consent or --pseudonymise)

Member packets (netweave packets, same inputs and options as analyze; --out FILE.zip is required):
  one short page per member who agreed to be named (with --consent COLUMN: those marked named;
  without it, everyone): their circle, where they sit in plain words, introductions suggested
  for them and the rare skills they hold, as one HTML file each in a zip, with index.html listing
  who got one; people not to be named or left out get none and appear only as "a member"
  --note TEXT         your note at the top of every page (plain text; line breaks kept)
  -h, --help          show this help
  -v, --version       show the version

Problems with the input are printed to standard error with the file, row and field; the exit
code is 1 for unusable input and 2 for a wrong command line.`;

class UsageError extends Error {}

/** Network Canvas exports: merged as interviews, not read as one network file. */
const NC_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['network-canvas', 'network-canvas-graphml']);

/** A GraphML given with --graphml that Network Canvas wrote is read as its interviews. */
function networkCanvasOr<T extends { text: string; kind: FileKind }>(file: T): T {
  return file.kind === 'graphml' && formatOf('network-canvas-graphml').looksLike?.(file.text) === true ? { ...file, kind: 'network-canvas-graphml' } : file;
}

/** One flag per file format, named after its kind (--edges, --pajek, --gml...), forcing that format. */
const FILE_FLAGS: Array<[string, FileKind]> = IMPORT_KINDS.map((kind) => [kind, kind]);
const FILE_OPTIONS = Object.fromEntries(FILE_FLAGS.map(([flag]) => [flag, { type: 'string' as const, multiple: true as const }]));

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...(FILE_OPTIONS as Record<'edges' | 'nodes' | 'adjacency' | 'gexf' | 'graphml' | 'json', { type: 'string'; multiple: true }>),
      survey: { type: 'string', multiple: true },
      wave: { type: 'string', multiple: true },
      compare: { type: 'string' },
      ledger: { type: 'string' },
      attendance: { type: 'string', multiple: true },
      'attendance-weight': { type: 'string' },
      'min-shared-events': { type: 'string' },
      mentorships: { type: 'string', multiple: true },
      roster: { type: 'string' },
      decisions: { type: 'string' },
      'match-threshold': { type: 'string' },
      consent: { type: 'string' },
      pseudonymise: { type: 'boolean' },
      'key-out': { type: 'string' },
      'keep-attributes': { type: 'string' },
      'group-by': { type: 'string' },
      skills: { type: 'string' },
      abilities: { type: 'string' },
      ladder: { type: 'string' },
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
      sections: { type: 'string' },
      title: { type: 'string' },
      intro: { type: 'string' },
      'results-report': { type: 'string' },
      note: { type: 'string' },
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

/** A file's text, for the importers that read text. */
function readInput(path: string): string {
  return readTextFile(path).text;
}

/**
 * A network file, as in the app: an Excel workbook's first sheet becomes CSV text, except a Kumu
 * workbook (given with --kumu, or named alone with Elements and Connections sheets), which the
 * Kumu reader reads whole; decoding notes are kept for the report.
 */
function readNetworkInput(path: string, kind?: FileKind): SourceFile {
  const { name, text, notes, bytes } = orThrow(networkSource(readAnyFile(path), kind)).value;
  return { name, text, ...(text === '' && bytes !== undefined ? { bytes } : {}), ...(notes !== undefined ? { notes } : {}) };
}

const readBinaryInput = readAnyFile;

/**
 * The warnings on stderr, one line per kind (a count, what was done and the first rows: 804
 * reversed duplicate ties are one line, not 804); every warning is in the report.
 */
function printWarnings(issues: InputIssue[], limit = 10): void {
  const groups = groupIssues(issues);
  for (const group of groups.slice(0, limit)) process.stderr.write(`warning: ${formatIssueGroup(group)}\n`);
  if (groups.length > limit) {
    const rest = groups.slice(limit).reduce((sum, group) => sum + group.count, 0);
    process.stderr.write(`warning: …and ${rest} more of ${groups.length - limit} other kinds (all ${issues.length} are listed in the report's "warnings").\n`);
  }
}

/** The problems of input that cannot be used, one line per kind, at most `limit` kinds. */
function problemLines(issues: readonly InputIssue[], limit = 10): string {
  const errors = issues.filter((issue) => issue.level === 'error');
  const groups = groupIssues(errors.length > 0 ? errors : issues);
  const lines = groups.slice(0, limit).map(formatIssueGroup);
  if (groups.length > limit) lines.push(`(and ${groups.slice(limit).reduce((sum, group) => sum + group.count, 0)} more problems of ${groups.length - limit} other kinds)`);
  return lines.join('\n');
}

/**
 * --skills COLUMN and --abilities FILE: the skills report's options, the assessment matched to the
 * people as imported (by name or email) and then carried to their shared ids (`idOf`: absent for
 * people left out), so those counted but not named still count.
 */
function skillsOptions(values: CliValues, dataset: Dataset, idOf?: ReadonlyMap<string, string>): SkillsReportOptions | undefined {
  if (!values.skills && !values.abilities) return undefined;
  const options: SkillsReportOptions = values.skills ? { skillsAttribute: values.skills } : {};
  if (values.abilities) {
    const read = importAbilities(readBinaryInput(values.abilities), dataset.people);
    printWarnings(read.issues.filter((i) => i.level === 'warning'));
    if (!read.ok) throw new InputError(read.issues);
    if (read.value.matches.length === 0) {
      throw new InputError([{ level: 'error', code: 'no-match', file: basename(values.abilities), message: 'no row names someone in this network' }]);
    }
    const assessment = read.value.assessment;
    options.abilities = idOf === undefined ? assessment : { ...assessment, responses: assessment.responses.flatMap((r) => (idOf.has(r.person) ? [{ ...r, person: idOf.get(r.person)! }] : [])) };
  }
  return options;
}

/** The analysis, its shortest-path passes on a pool of worker threads when there are several. */
async function analyzeOnThreads(threads: number, dataset: Dataset, options: AnalysisOptions): Promise<AnalysisResult> {
  if (threads === 1) return runAnalysis(dataset, options);
  const pool = createNodePathPool(threads);
  try {
    return await runAnalysis(dataset, options, { pathRunner: pool.runner });
  } finally {
    await pool.close();
  }
}

/** What the inputs became: the dataset as it may be shared, its analysis, and what sharing did. */
export interface Analysed {
  dataset: Dataset;
  result: AnalysisResult;
  /** The survey's name resolution (absent when sharing: it quotes names). */
  resolution?: ReportResolutionEntry[];
  /** What --consent and --pseudonymise did, when given. */
  sharing?: SharingDone;
}

export interface SharingDone {
  named: number;
  unnamed: number;
  leftOut: number;
  pseudonymised: boolean;
}

export type CliValues = ReturnType<typeof parse>['values'];

/** The flags only some commands take, and which. */
const COMMAND_FLAGS: ReadonlyArray<{ flag: string; commands: readonly string[] }> = [
  { flag: 'format', commands: ['analyze'] },
  { flag: 'sections', commands: ['report'] },
  { flag: 'title', commands: ['report'] },
  { flag: 'intro', commands: ['report'] },
  { flag: 'results-report', commands: ['report'] },
  { flag: 'note', commands: ['packets'] },
];

function checkCommandFlags(command: string, values: CliValues): void {
  for (const { flag, commands } of COMMAND_FLAGS) {
    if ((values as Record<string, unknown>)[flag] !== undefined && !commands.includes(command)) throw new UsageError(`--${flag} goes with ${commands.map((c) => `netweave ${c}`).join(' or ')}, not netweave ${command}.`);
  }
}

async function runAnalyze(values: CliValues, inputs: string[] = []): Promise<void> {
  const format = oneOf('format', values.format, ['json', 'csv'] as const, 'json');
  const analysed = await analyzeInputs(values, inputs);
  const { result, resolution } = analysed;
  // Each person's row: the unnamed keep no details (they still count in every figure).
  const dataset = analysed.sharing ? withoutUnnamedDetails(analysed.dataset) : analysed.dataset;
  const text = format === 'csv' ? peopleCsv(dataset, result) : JSON.stringify(buildReport(dataset, result, resolution !== undefined ? { resolution } : {}), null, 2) + '\n';
  if (values.out) {
    writeFileSync(values.out, text);
    process.stderr.write(`netweave: ${result.figures.nodes} people, ${result.figures.edges} ties, ${result.figures.communities} communities -> ${values.out}\n`);
  } else {
    process.stdout.write(text);
  }
}

/**
 * The input files read, combined, shared as the sharing flags allow and analysed: what analyze,
 * report and packets all start from.
 */
export async function analyzeInputs(values: CliValues, inputs: string[] = []): Promise<Analysed> {
  if (values.directed && values.undirected) throw new UsageError('Give --directed or --undirected, not both.');
  const waves = waveFlags(values.wave ?? []);
  if (waves.length > 0 && (values.survey ?? []).length > 0) throw new UsageError('Give the surveys either as --survey FILE or as --wave NAME=FILE, not both.');
  const surveys = waves.length > 0 ? waves.map((w) => w.path) : values.survey ?? [];
  const program = (values.attendance ?? []).length + (values.mentorships ?? []).length > 0;
  // Mistakes in the command line itself are said before any file is read.
  if (values.pseudonymise && values['key-out'] === undefined) throw new UsageError('--pseudonymise needs --key-out FILE: the key is the only way back from the codes to the names.');
  if (!values.pseudonymise && (values['key-out'] !== undefined || values['keep-attributes'] !== undefined)) throw new UsageError('--key-out and --keep-attributes go with --pseudonymise.');
  if (values['key-out'] !== undefined) keyOutApart(values['key-out'], values, inputs);
  if ((values.attendance ?? []).length === 0 && (values['attendance-weight'] !== undefined || values['min-shared-events'] !== undefined)) {
    throw new UsageError('--attendance-weight and --min-shared-events go with --attendance.');
  }
  if (program) attendanceSettings(values);
  const files: Array<SourceFile & { kind: FileKind }> = [];
  for (const [flag, kind] of FILE_FLAGS) {
    // A Network Canvas GraphML given as --graphml is still its interviews.
    for (const path of (values as Record<string, string[] | undefined>)[flag] ?? []) files.push(networkCanvasOr({ ...readNetworkInput(path, kind), kind }));
  }
  // Files named without a flag: their format is told from their name and content.
  for (const path of inputs) {
    const file = readNetworkInput(path);
    const detected = detectFormat(file);
    if (detected.kind === 'unknown') {
      const flags = FILE_FLAGS.map(([flag]) => `--${flag}`).join(', ');
      throw new InputError(detected.issues.length > 0 ? detected.issues : [{ level: 'error', code: 'unknown-format', file: file.name, message: `${detected.reason}. To say which format it is, give it with a flag: ${flags}` }]);
    }
    files.push({ ...file, kind: detected.kind });
  }
  const interviews = files.filter((f) => NC_KINDS.has(f.kind));
  if (interviews.length > 0 && surveys.length > 0) throw new UsageError('Give Network Canvas interviews or a survey, not both.');
  const matching = surveys.length > 0 || interviews.length > 0;
  if (!matching && values['match-threshold'] !== undefined) throw new UsageError('--match-threshold goes with --survey, --wave or Network Canvas files.');
  if (!matching && !program && (values.roster || values.decisions)) {
    throw new UsageError('--roster and --decisions go with --survey, --wave, Network Canvas files, --attendance or --mentorships.');
  }
  if (files.length === 0 && surveys.length === 0 && !program) throw new UsageError('Give at least one input file, e.g. --edges ties.csv (see --help).');
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
    const run = orThrow(runSurveyImport({
      surveys: surveys.map(readBinaryInput),
      ...(values.roster ? { roster: readBinaryInput(values.roster) } : {}),
      ...(values.decisions ? { decisions: { name: basename(values.decisions), text: readInput(values.decisions) } } : {}),
      threshold,
      others: files,
      ...(values.directed ? { directed: true } : {}),
      ...(importOptions.unknownIds !== undefined ? { unknownIds: importOptions.unknownIds } : {}),
    }));
    const named = waves.length > 0 ? nameSurveyWaves(run.value, waves.map((w) => w.name)) : run.value;
    imported = { dataset: named.dataset, issues: run.issues };
    resolution = named.resolution;
  } else if (interviews.length > 0) {
    const threshold = numberFlag('match-threshold', values['match-threshold'], AUTO_RESOLVE_THRESHOLD);
    if (threshold < 0 || threshold > 1) throw new UsageError(`--match-threshold must be between 0 and 1; got "${values['match-threshold']}".`);
    const decisions = values.decisions ? orThrow(parseDecisionsJson(readInput(values.decisions), basename(values.decisions))).value : [];
    const run = orThrow(importNetworkCanvasFiles({
      files: interviews,
      ...(values.roster ? { roster: readBinaryInput(values.roster) } : {}),
      others: files.filter((f) => !NC_KINDS.has(f.kind)),
      decisions,
      mode: 'auto',
      threshold,
    }));
    imported = { dataset: run.value.dataset, issues: run.issues };
    resolution = run.value.resolution.map((e) => ({ respondent: e.respondent, written: e.written, person: e.person, confidence: e.confidence, question: e.question }));
  } else if (files.length > 0) {
    const read = orThrow(importFiles(files, importOptions));
    imported = { dataset: read.value, issues: read.issues };
  } else {
    imported = { dataset: emptyDataset('Convenings'), issues: [] };
  }
  if (program) imported = addProgramInputs(imported, values, surveys.length === 0);
  printWarnings(imported.issues);
  const sharing = values.consent !== undefined || values.pseudonymise === true;
  const ledger = values.ledger !== undefined ? ledgerInput(values.ledger, imported, sharingFlags(values)) : undefined;
  const { dataset, done, idOf } = shareDataset(imported.dataset, values);
  // Warnings and the name resolution quote names: a shared report leaves them out.
  const issues = sharing ? [] : imported.issues;
  if (sharing) resolution = undefined;
  const weighting: PathWeighting = values.weight ? weightAs : 'none';
  const threads = numberFlag('threads', values.threads, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads expects a whole number of at least 1; got "${values.threads}".`);
  const analyzeOptions: AnalysisOptions = {
    relations: values.relation,
    ...ladderFlag(values.ladder),
    direction,
    weighting,
    seed: numberFlag('seed', values.seed, ANALYSIS_DEFAULTS.seed),
    resolution: numberFlag('resolution', values.resolution, ANALYSIS_DEFAULTS.resolution),
    groupBy: values['group-by'],
    approximateAbove: values.exact ? Infinity : numberFlag('approximate-above', values['approximate-above'], ANALYSIS_DEFAULTS.approximateAbove),
    importWarnings: issues,
    events: attendanceSettings(values),
    skills: skillsOptions(values, imported.dataset, idOf),
    ...(values.compare !== undefined ? { change: compareFlag(values.compare) } : {}),
    ...(ledger !== undefined ? { ledger } : {}),
  };
  const result = await analyzeOnThreads(threads, dataset, analyzeOptions);
  return { dataset, result, ...(resolution !== undefined ? { resolution } : {}), ...(done !== undefined ? { sharing: done } : {}) };
}

/**
 * The key goes to a file of its own: never over an input (the roster would be lost) nor over the
 * output (the key would be lost, and the names sent with the data).
 */
function keyOutApart(keyOut: string, values: CliValues, inputs: readonly string[]): void {
  const key = resolve(keyOut);
  const named = [...inputs];
  for (const [flag, value] of Object.entries(values)) {
    if (flag === 'key-out') continue;
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') named.push(flag === 'wave' && v.includes('=') ? v.slice(v.indexOf('=') + 1) : v);
  }
  const clash = named.find((path) => path.trim() !== '' && resolve(path) === key);
  if (clash !== undefined) throw new UsageError(`--key-out ${keyOut} is also given as ${values.out !== undefined && resolve(values.out) === key ? '--out' : 'an input'}: the key needs a file of its own.`);
}

/**
 * The dataset as the sharing flags allow: consent applied (people who are out left out, the
 * unnamed as "a member"), then pseudonymised with its key written to --key-out.
 */
function shareDataset(dataset: Dataset, values: CliValues): { dataset: Dataset; done?: SharingDone; idOf?: Map<string, string> } {
  if (values.consent === undefined && values.pseudonymise !== true) return { dataset };
  const done: SharingDone = { named: dataset.people.length, unnamed: 0, leftOut: 0, pseudonymised: values.pseudonymise === true };
  let shared = dataset;
  // Each person kept and their id in the shared dataset.
  const idOf = new Map(dataset.people.map((p) => [p.id, p.id]));
  if (values.consent !== undefined) {
    const column = values.consent;
    if (!dataset.people.some((p) => Object.hasOwn(p.attributes, column))) {
      const columns = [...new Set(dataset.people.flatMap((p) => Object.keys(p.attributes)))];
      throw new UsageError(`--consent: no one has a "${column}" attribute (the attributes are ${columns.map((c) => `"${c}"`).join(', ') || 'none'}).`);
    }
    const read = readConsent(dataset.people, column);
    printWarnings(read.issues);
    const applied = consentedDataset(dataset, read.byPerson);
    process.stderr.write(`netweave: consent: ${read.counts.named} named, ${applied.unnamed} counted but not named, ${applied.leftOut} left out.\n`);
    Object.assign(done, { named: applied.dataset.people.length - applied.unnamed, unnamed: applied.unnamed, leftOut: applied.leftOut });
    for (const [id, consent] of read.byPerson) if (consent === 'out') idOf.delete(id);
    for (const [id, code] of applied.codes) idOf.set(id, code);
    shared = applied.dataset;
  }
  if (values.pseudonymise) {
    const keep = (values['keep-attributes'] ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
    const { dataset: coded, keyCsv, codes } = pseudonymise(shared, { keep });
    for (const [id, was] of idOf) idOf.set(id, codes.get(was) ?? was);
    writeFileSync(values['key-out'] as string, keyCsv);
    process.stderr.write(`netweave: pseudonymised ${coded.people.length} people; the key is in ${values['key-out']} (keep it apart from what you share).\n`);
    shared = coded;
  }
  return { dataset: shared, done, idOf };
}

function sharingFlags(values: CliValues): boolean {
  return values.consent !== undefined || values.pseudonymise === true;
}

/**
 * `--ledger FILE`: the introductions made, people matched to the dataset by name, email or id.
 * Its warnings (names matching no one: kept, and listed) join the import's; a bad level, date or
 * kind is an error. It names people, so it does not go with --consent or --pseudonymise.
 */
function ledgerInput(path: string, imported: { dataset: Dataset; issues: InputIssue[] }, sharing: boolean): LedgerEntry[] {
  if (sharing) throw new UsageError('--ledger names people, so it cannot go with --consent or --pseudonymise.');
  const read = importLedger(readTable(path), { people: imported.dataset.people });
  if (!read.ok) throw new InputError(read.issues);
  printWarnings(read.issues);
  imported.issues.push(...read.issues);
  return read.value.entries;
}

/** `--wave NAME=FILE` flags, in order. */
function waveFlags(flags: readonly string[]): Array<{ name: string; path: string }> {
  const waves = flags.map((flag) => {
    const at = flag.indexOf('=');
    const name = at > 0 ? flag.slice(0, at).trim() : '';
    const path = at > 0 ? flag.slice(at + 1).trim() : '';
    if (name === '' || path === '') throw new UsageError(`--wave expects NAME=FILE (e.g. --wave baseline=wave1.csv); got "${flag}".`);
    return { name, path };
  });
  const names = waves.map((w) => w.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new UsageError(`--wave names must differ; "${twice}" is given twice.`);
  return waves;
}

function compareFlag(value: string): { from: string; to: string } {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') throw new UsageError(`--compare expects two wave names, FROM,TO (e.g. --compare w1,w2); got "${value}".`);
  return { from: parts[0]!, to: parts[1]! };
}

/** `--ladder FILE`: the rules read (a malformed file is an error naming the field); absent, the default ladder. */
function ladderFlag(path: string | undefined): Pick<AnalysisOptions, 'ladder'> {
  if (path === undefined) return {};
  return { ladder: { rules: orThrow(parseLadderRules(readInput(path), basename(path))).value, source: basename(path) } };
}

function attendanceSettings(values: CliValues): { weighting: 'shared' | 'newman'; minShared: number } {
  const weighting = oneOf('attendance-weight', values['attendance-weight'], ['shared', 'newman'] as const, 'shared');
  const minShared = numberFlag('min-shared-events', values['min-shared-events'], 1);
  if (!Number.isInteger(minShared) || minShared < 1) throw new UsageError(`--min-shared-events expects a whole number of at least 1; got "${values['min-shared-events']}".`);
  return { weighting, minShared };
}

/** A CSV or XLSX file as a table, or an InputError naming it. */
function readTable(path: string): CsvTable {
  return orThrow(readSurveyTable(readBinaryInput(path))).value;
}

/**
 * Attendance and mentorship files added to the imported dataset: people matched to the dataset
 * (and, without a survey, to the roster) by name or email; the co-attendance and mentorship layers.
 */
function addProgramInputs(imported: { dataset: Dataset; issues: InputIssue[] }, values: CliValues, rosterApart: boolean): { dataset: Dataset; issues: InputIssue[] } {
  let dataset = imported.dataset;
  const issues = [...imported.issues];
  let known: KnownPerson[] = [];
  if (rosterApart && values.roster) {
    const rosterRead = readRoster(readTable(values.roster));
    issues.push(...rosterRead.issues);
    const roster = readSoFar(rosterRead);
    const have = new Set(dataset.people.map((p) => p.id));
    const people: Person[] = roster.people.filter((p) => !have.has(p.id)).map((p) => ({ id: p.id, label: p.label, attributes: p.attributes }));
    dataset = { ...dataset, people: [...dataset.people, ...people] };
    known = roster.people.map((p) => ({ id: p.id, label: p.label, names: p.names, emails: p.emails }));
  }
  let decisions: ResolutionDecision[] = [];
  if (values.decisions) {
    const parsed = parseDecisionsJson(readInput(values.decisions), basename(values.decisions));
    issues.push(...parsed.issues);
    decisions = readSoFar(parsed);
  }
  // Decisions shared with a survey: the survey reports those it did not need.
  const relevant = (list: InputIssue[]): InputIssue[] => (rosterApart ? list : list.filter((i) => i.code !== 'unused-decision'));
  const settings = attendanceSettings(values);
  for (const path of values.attendance ?? []) {
    const read = importAttendance(readTable(path), { people: dataset.people, known, decisions });
    issues.push(...relevant(read.issues));
    dataset = withAttendance(dataset, readSoFar(read), settings);
  }
  for (const path of values.mentorships ?? []) {
    const read = importMentorships(readTable(path), { people: dataset.people, known, decisions });
    issues.push(...relevant(read.issues));
    dataset = withMentorships(dataset, readSoFar(read));
  }
  if (issues.some((i) => i.level === 'error')) throw new InputError(issues);
  return { dataset, issues };
}

export const MATCH_HELP = `netweave ${VERSION} match: propose mentor-mentee pairs

Usage:
  netweave match --mentees mentees.csv --mentors mentors.csv [options] --out pairs.csv

Input (CSV or XLSX):
  --mentees FILE      one row per mentee: name and/or email, goals ("public speaking; budgets"),
                      any attributes (department, gender, ...) and the identity preferences the
                      mentee chose: a "match on" column ("gender; ethnicity") or yes/no columns
                      such as "prefer same gender". Identity is used only when a mentee asked
  --mentors FILE      one row per mentor: name and/or email, strengths (or skills, expertise),
                      capacity (how many mentees; blank = 1) and attributes
  --lock FILE         pair decisions: mentee,mentor[,action] with action "lock" (the default) or
                      "reject"; the pairs CSV this command writes can be edited and given back
  --network FILE      a people network (any file analyze reads; repeat for several) whose
                      communities count for --bridge

Matching:
  --bridge            prefer pairs across work units (or network communities) to bridge them
  --bridge-by COLUMN  the attribute holding work units (default: work unit, department, team,
                      organisation or sector, whichever the files have)
  --strict-identity   treat identity preferences as requirements, not wishes
  --seed N            community detection seed for --network (default ${ANALYSIS_DEFAULTS.seed})

Output:
  --out FILE          the pairs as CSV (default: standard output): mentee, mentor, score,
                      goal_fit, goals_met, bridging, identity, locked, explanation, mentee_id,
                      mentor_id, action; mentees left without a mentor come last with the reason
  --report FILE       also write the whole result as JSON (pairs, unplaced, mentor loads, warnings)
  -h, --help          show this help

When mentees outnumber the mentor places, the best partial assignment is written and a warning
says how many places are missing. Exit code 1 for unusable input, 2 for a wrong command line.`;

const MATCH_OPTIONS = {
  mentees: { type: 'string' },
  mentors: { type: 'string' },
  lock: { type: 'string', multiple: true },
  network: { type: 'string', multiple: true },
  bridge: { type: 'boolean' },
  'bridge-by': { type: 'string' },
  'strict-identity': { type: 'boolean' },
  seed: { type: 'string' },
  out: { type: 'string' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `netweave match`: reads the files, solves with the engine, writes the pairs CSV. */
async function runMatch(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: false, strict: true, options: MATCH_OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values;
  if (values.help) {
    process.stdout.write(`${MATCH_HELP}
`);
    return 0;
  }
  if (!values.mentees || !values.mentors) throw new UsageError('netweave match needs --mentees FILE and --mentors FILE (see netweave match --help).');
  const issues: InputIssue[] = [];
  const menteesRead = parseMentees(readTable(values.mentees));
  const mentorsRead = parseMentors(readTable(values.mentors));
  issues.push(...menteesRead.issues, ...mentorsRead.issues);
  const mentees = readSoFar(menteesRead);
  const mentors = readSoFar(mentorsRead);
  const rules: PairRule[] = [];
  for (const path of values.lock ?? []) {
    const read = parsePairRules(readTable(path), mentees.mentees, mentors.mentors);
    issues.push(...read.issues);
    rules.push(...readSoFar(read).rules);
  }
  let communities: Record<string, number> | undefined;
  if ((values.network ?? []).length > 0) {
    const network = orThrow(importFiles((values.network ?? []).map((path) => ({ name: basename(path), text: readInput(path) }))));
    issues.push(...network.issues);
    const found = networkCommunities(network.value, [...mentees.mentees, ...mentors.mentors], { seed: numberFlag('seed', values.seed, ANALYSIS_DEFAULTS.seed) });
    issues.push(...found.issues);
    communities = found.communities;
  }
  if (issues.some((i) => i.level === 'error')) throw new InputError(issues);
  const result = matchMentors(
    { mentees: mentees.mentees, mentors: mentors.mentors, rules },
    {
      bridge: values.bridge === true,
      strictIdentity: values['strict-identity'] === true,
      ...(values['bridge-by'] !== undefined ? { bridgeBy: values['bridge-by'] } : {}),
      ...(communities !== undefined ? { communities } : {}),
    },
  );
  issues.push(...result.issues);
  if (issues.some((i) => i.level === 'error')) throw new InputError(issues);
  printWarnings(issues);
  const csv = pairsCsv(result);
  if (values.report) writeFileSync(values.report, JSON.stringify({ format: 'netweave-matching', version: 1, generatedBy: `netweave ${VERSION}`, ...result, issues }, null, 2) + '\n');
  if (values.out) {
    writeFileSync(values.out, csv);
    process.stderr.write(`netweave: ${result.placed} of ${result.mentees} mentees matched to ${result.mentors.filter((m) => m.assigned > 0).length} mentors (${result.places} places) -> ${values.out}\n`);
  } else {
    process.stdout.write(csv);
  }
  return 0;
}

/** Runs the CLI and returns the exit code (0 ok, 1 bad input, 2 bad command line). */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'systemmap') return runSystemmap(argv.slice(1));
  if (argv[0] === 'match') return guarded(() => runMatch(argv.slice(1)));
  if (argv[0] === 'circles') return runCircles(argv.slice(1));
  if (argv[0] === 'results') return runResults(argv.slice(1));
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
    if (command !== undefined) checkCommandFlags(command, values);
    if (command === 'analyze') {
      await runAnalyze(values, rest);
      return 0;
    }
    if (command === 'report') {
      await runReport(values, rest, { analyze: analyzeInputs, usage: (message) => new UsageError(message) });
      return 0;
    }
    if (command === 'packets') {
      await runPackets(values, rest, { analyze: analyzeInputs, usage: (message) => new UsageError(message) });
      return 0;
    }
    throw new UsageError(`Unknown command "${command}". Commands: analyze, report, packets, match, circles, systemmap, results (see --help).`);
  } catch (error) {
    return failure(error);
  }
}

/** Exit code and message for an error: 2 for the command line, 1 for the input. */
function failure(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`netweave: ${error.message}\n`);
    return 2;
  }
  if (error instanceof InputError) {
    process.stderr.write(`netweave: the input cannot be used:\n${problemLines(error.issues)}\n`);
    return 1;
  }
  process.stderr.write(`netweave: ${(error as Error).message}\n`);
  return 1;
}

async function guarded(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    return failure(error);
  }
}
