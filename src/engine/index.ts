/**
 * netweave's engine, its public surface: what the command line (src/cli*.ts), the workers
 * (src/workers) and the app (src/viz) use, grouped by tier, lowest first (see README.md and
 * .dependency-cruiser.cjs). Everything here is pure: it runs the same in Node, a Web Worker and
 * the tests.
 *
 * Browser entry points (the page and each worker) import `./core/util/zod-setup.ts` first, for
 * its side effect; this module does not, so importing it configures nothing.
 *
 * Engine files never import this barrel (rule `engine-not-to-own-barrel`): they import each
 * other directly.
 */

// core/util: issues, results, cancellation, version

/** A problem in user input, naming the file and, where it can, the row and field. */
export type { InputIssue } from './core/util/issues.ts';
/** Renders an issue as one line: `people.csv, row 4, field id: ...`. */
export { formatIssue } from './core/util/issues.ts';
/** Issues of one kind grouped, with a count and the first few places ("804 ties also appear in reverse…"). */
export { formatIssueGroup, groupIssues } from './core/util/issue-groups.ts';
/** One group of issues of the same kind (see `groupIssues`). */
export type { IssueGroup } from './core/util/issue-groups.ts';
/** Thrown when input has errors; carries every issue found, never a stack trace for users. */
export { InputError } from './core/util/issues.ts';
/** What every reader of files or user data returns: a usable value with warnings, or a failure with its issues. */
export type { Result } from './core/util/result.ts';
/** A usable result; its issues are warnings only. */
export { ok } from './core/util/result.ts';
/** A failed result: at least one issue is an error. */
export { fail } from './core/util/result.ts';
/** The usable result, or an `InputError` carrying every issue (the command line's way out). */
export { orThrow } from './core/util/result.ts';
/** What a failed reader had read so far, to look for more problems (never to use as the outcome). */
export { readSoFar } from './core/util/result.ts';
/** Progress reporting and a cancellation check that long engine functions accept. */
export type { RunHooks } from './core/util/cancel.ts';
/** Thrown when `RunHooks.isCancelled` says stop. */
export { CancelledError } from './core/util/cancel.ts';
/** netweave's version, as recorded in every report. */
export { VERSION } from './core/util/version.ts';

// core/model: the records (zod schemas are the single source of truth)

/** One set of people with relation layers, attendance and mentorships: what imports produce. */
export type { Dataset } from './core/model/dataset.ts';
/** A dataset with no people and no ties. */
export { emptyDataset } from './core/model/dataset.ts';
/** A person record: id, label, attributes. */
export type { Person } from './core/model/records.ts';
/** An attribute cell as a list of text values (a list gives each value, an empty cell none). */
export { attributeValues } from './core/model/attribute-values.ts';
/** One profile per attribute: categorical, numeric, list, identifier, text or empty, with its values and counts. */
export { profileAttributes } from './core/model/attribute-profile.ts';
/** Whether a profiled attribute makes categories under a rule (DEFAULT_CATEGORY_RULE unless another is given). */
export { isCategorical } from './core/model/attribute-profile.ts';
/** The category rule of the map's colour and filter choices (wider than the reports' groups). */
export { FILTER_CATEGORY_RULE } from './core/model/attribute-profile.ts';
/** A profiled attribute: its kind, how many people have a value, its values with counts. */
export type { AttributeProfile } from './core/model/attribute-profile.ts';
/** A saved project: dataset, settings and layout. */
export type { Project, ProjectSettings } from './core/model/project.ts';
/** The project file format version. */
export { PROJECT_VERSION } from './core/model/project.ts';
/** Validates a saved project, e.g. one read back from IndexedDB. */
export { ProjectSchema } from './core/model/project.ts';
/** Validates a project's settings. */
export { ProjectSettingsSchema } from './core/model/project.ts';
/** A survey export's layout, an ambiguous written name, and the user's decision on one. */
export type { Ambiguity, ResolutionDecision, SurveyLayout } from './core/model/survey.ts';
/** A system map: factors, signed causal links, actors and who works on what. */
export type { SystemMap } from './core/model/systemmap.ts';
/** Map positions keyed by id (ids such as "__proto__" stay ordinary keys). */
export type { Positions } from './core/model/layout-record.ts';
/** The saved position of an id, if it has one of its own. */
export { positionOf } from './core/model/layout-record.ts';
/** Positions from id and position pairs. */
export { positionsFrom } from './core/model/layout-record.ts';
/** Sets one position as an own key (even "__proto__"). */
export { setPosition } from './core/model/layout-record.ts';
/** Tie counts per relation and the waves ties come from, computed once per dataset. */
export { tieSummaryOf } from './core/model/tie-summary.ts';
/** A dataset packed into typed-array columns, to cross threads and go into storage. */
export type { PackedDataset } from './core/model/packed-dataset.ts';
/** Packs a dataset into columns. */
export { packDataset } from './core/model/packed-dataset.ts';
/** Unpacks a packed dataset in one go. */
export { unpackDataset } from './core/model/packed-dataset.ts';
/** Unpacks a packed dataset in slices, so a page never stops for a million ties. */
export { unpackDatasetInSlices } from './core/model/packed-dataset.ts';
/** The buffers to transfer (not copy) with a packed dataset. */
export { packedDatasetTransferables } from './core/model/packed-dataset.ts';
/** Whether a value has the shape of a packed dataset. */
export { isPackedDataset } from './core/model/packed-dataset.ts';
/** What is wrong with a value claimed to be a packed dataset, or null. */
export { packedDatasetProblem } from './core/model/packed-dataset.ts';
/** Notes a dataset's packed form, so it need not be packed again. */
export { rememberPacked } from './core/model/packed-dataset.ts';
/** The packed form of a dataset: remembered from where it came, or packed now. */
export { packedOf } from './core/model/packed-dataset.ts';
/** Whether a value has the shape of a packed layout. */
export { isPackedLayout } from './core/model/packed-layout.ts';
/** The packed form of a layout (ids and one array of coordinates), packed once per layout. */
export { packedLayoutOf } from './core/model/packed-layout.ts';
/** What is wrong with a value claimed to be a packed layout, or null. */
export { packedLayoutProblem } from './core/model/packed-layout.ts';
/** Positions from a packed layout. */
export { unpackLayout } from './core/model/packed-layout.ts';
/** The same in slices, awaiting a pause between them. */
export { unpackLayoutInSlices } from './core/model/packed-layout.ts';
/** Notes a layout's packed form (the map has it in columns), so saving it packs nothing. */
export { rememberPackedLayout } from './core/model/packed-layout.ts';
/** A layout packed: its ids and one array of their coordinates. */
export type { PackedLayout } from './core/model/packed-layout.ts';

// core/graph

/** A graph in compressed sparse row form: the typed arrays path kernels run on and workers receive. */
export type { Csr } from './core/graph/csr.ts';

// io: file formats

/** A file as the engine reads it: name and text or bytes. */
export type { SourceFile } from './io/types.ts';
/** Reads every given file in any supported format into one validated dataset. */
export { importFiles } from './io/import-files.ts';
/** Options of `importFiles`: column roles, direction, unknown ids, ... */
export type { ImportOptions } from './io/import-files.ts';
/** The kinds of file `importFiles` reads (edge list, node list, matrix, GEXF, ...). */
export type { ImportKind } from './io/detect-format.ts';
/** Every network format read, by kind; and what kind a file is, from its name and content, with why. */
export { IMPORT_KINDS, detectFormat } from './io/detect-format.ts';
/** One file format's entry (label, file endings, content check, reader), e.g. to check a GraphML is Network Canvas's. */
export { formatOf } from './io/file-formats.ts';
/** An edge list and a people list with a few example rows, as CSV to hand out. */
export { edgeListTemplateCsv, peopleTemplateCsv } from './io/network-templates.ts';
/** A CSV or workbook sheet read as a table with spreadsheet row numbers. */
export type { CsvTable } from './io/csv-read.ts';
/** Reads a survey export or roster as a table, from CSV or XLSX. */
export { readSurveyTable } from './io/read-table.ts';
/** One sheet of an Excel workbook written back as CSV text, for the CSV importers. */
export { workbookAsCsv } from './io/workbook-as-csv.ts';
/** A file as the network readers take it: a Kumu workbook stays a workbook, any other becomes CSV of its first sheet. */
export { networkSource } from './io/workbook-as-csv.ts';
/** What a Kumu element type is read as (person, organisation, factor, left out), the types of a file with their counts, and the choices. */
export type { KumuTypeCount, KumuTypeRole, KumuTypeRoles } from './io/kumu-types.ts';
/** The roles a Kumu element type can have, and every type's role for a reading: the user's choices over the defaults. */
export { KUMU_TYPE_ROLES, kumuTypeRolesFor } from './io/kumu-types.ts';
/** A dropped file as the engine reads it: workbooks (by their first bytes, else their name) as bytes, the rest as text. */
export { readSourceFile } from './io/workbook-detect.ts';
/** Each member's consent read from an attribute (named, unnamed, out), with unknown and missing values said. */
export { readConsent } from './features/sharing/consent.ts';
/** The dataset as consent allows it to be shared: people who are out left out, the unnamed as "a member". */
export { consentedDataset } from './features/sharing/consent.ts';
/** The shared dataset as files list it person by person: the unnamed keep no details. */
export { withoutUnnamedDetails } from './features/sharing/consent.ts';
/** People as stable codes with only chosen attributes, and the key CSV that restores them. */
export { pseudonymise } from './features/sharing/pseudonymise.ts';
/** The key read back: codes replaced by the ids and names it holds, nothing changed when it does not fit. */
export { restoreNames } from './features/sharing/pseudonymise.ts';
/** Each member's wish about being shown: named, unnamed (counted but not named) or out. */
export type { Consent } from './features/sharing/consent.ts';
/** A project's sharing settings: the consent column, per-person choices, codes and the attributes kept. */
export { SharingSettingsSchema, type SharingSettings } from './core/model/project.ts';
/** How many are named, not named and left out (with the answers not understood); what the column says of one person; whether sharing changes anything. */
export { consentCounts, columnConsent, sharingRestricts, type ConsentCounts } from './features/sharing/share.ts';
/** A dataset as a project's sharing settings allow (consent, then codes with the key), and whether a file's text is a key. */
export { shareDataset, looksLikeKey, type SharedDataset } from './features/sharing/share.ts';
/** An introduction's stable id, from its two people's ids. */
export { suggestionId } from './features/weaving/suggestions.ts';
/** The weaving ledger's record: introductions made, their levels 1-7 in plain words, and where they came from. */
export { LedgerEntrySchema, LEDGER_LEVELS, LEDGER_KINDS, BY_HAND, levelWords } from './core/model/ledger.ts';
/** One introduction in the ledger, and what a level or kind may be. */
export type { LedgerEntry, LedgerEntryInput, LedgerKind, LedgerLevel } from './core/model/ledger.ts';
/** Reads a ledger CSV or sheet, matching people by name, email or id (names matching no one kept and listed). */
export { importLedger } from './features/ledger/import-ledger.ts';
/** What a ledger import found. */
export type { LedgerImport, LedgerStranger } from './features/ledger/import-ledger.ts';
/** The ledger as spreadsheet-safe CSV, read back by `importLedger`, and the columns it has. */
export { ledgerCsv, LEDGER_COLUMNS } from './features/ledger/ledger-csv.ts';
/** Whether each introduction stuck in a later wave, and the stick rates by level, kind and weaver. */
export { checkLedger, ledgerWaves, rateWords } from './features/ledger/stick.ts';
/** The ledger section: each introduction checked, the rates, the waves. */
export type { LedgerSection, CheckedIntroduction, StickRate, StickStatus, LedgerWave } from './features/ledger/stick.ts';
/** A ledger file (CSV or a workbook's first sheet) read against the project's people. */
export { importLedgerFile } from './features/ledger/import-ledger.ts';
/** A system map name as actors are matched by it (trimmed, lower case, runs of spaces as one). */
export { normalizeName } from './features/systemmap/assemble.ts';
/** The largest file netweave reads on the command line and in the app, and the message for one past them. */
export { MAX_FILE_BYTES, MAX_BROWSER_FILE_BYTES, fileTooLargeMessage } from './io/limits.ts';
/** A text file's bytes as text (UTF-8, UTF-16/32 by BOM or zero bytes, else Windows-1252), with notes on what was guessed. */
export { decodeText } from './io/decode-text.ts';
/** Whether a file is an Excel workbook (by its bytes, else its name): the one test of it. */
export { isWorkbook } from './io/workbook-detect.ts';
/** Spreadsheet-safe CSV: cells that could run as formulas are neutralised. */
export { toCsv } from './io/csv-cells.ts';
/** GEXF 1.2 (Gephi, networkx) with every attribute and measure. */
/** How many characters an XML export writes as U+FFFD (XML 1.0 cannot hold them), to tell the user. */
export { xmlReplacedCount } from './io/export-graph.ts';
export { toGexf } from './io/gexf-writer.ts';
/** GraphML (yEd, Cytoscape, Gephi, networkx, igraph) with every attribute and measure. */
export { toGraphml } from './io/graphml-writer.ts';
/** Writes a network for Pajek (`*Vertices`, one `*Arcs`/`*Edges :k` section per relation), a project (.paj) with partitions and vectors when people carry attributes or measures; `pajekEnding` says which. */
export { pajekEnding, toPajek } from './io/pajek-writer.ts';
/** Writes a network as GML (networkx, igraph, Gephi). */
export { toGml } from './io/gml-writer.ts';
/** Writes a network as graphology's serialised JSON, which Gephi Lite opens. */
export { toGraphologyJson } from './io/graphology-json-writer.ts';
/** Writes a network as UCINET DL (edgelist1, one matrix per relation). */
export { toUcinetDl } from './io/ucinet-dl-writer.ts';
/** Writes a network as a Kumu workbook (Elements and Connections sheets). */
export { toKumuWorkbook } from './io/kumu-writer.ts';

// people: written names to people

/** A person as the name matcher knows them: names and emails. */
export type { KnownPerson } from './people/name-match.ts';
/** The confidence at which a non-interactive import takes an ambiguous name's best candidate. */
export { AUTO_RESOLVE_THRESHOLD } from './people/resolve-names.ts';
/** Reads a saved name-decisions file. */
export { parseDecisionsJson } from './people/decisions.ts';

// algorithms

/** Weighting of shortest paths: unweighted, or weights as strength or distance. */
export type { PathWeighting } from './algorithms/metrics/shortest-paths.ts';
/** Partial sums of one batch of shortest-path passes. */
export type { PathPartials } from './algorithms/metrics/shortest-paths.ts';
/** Runs single-source shortest-path passes from some sources (what a path worker does). */
export { shortestPathPass, usePathEngine } from './algorithms/metrics/shortest-paths.ts';
export type { PathEngine } from './algorithms/metrics/shortest-paths.ts';
/** A batch of sources for shortest-path passes, and who runs such batches (thread or pool). */
export type { PathJob, PathRunner } from './algorithms/parallel/path-batches.ts';
/** The path runner that runs every batch in the calling thread. */
export { inThreadRunner } from './algorithms/parallel/path-batches.ts';
/** Splits the sources into the fixed batches every runner uses. */
export { sourceBatches } from './algorithms/parallel/path-batches.ts';
/** Merges batch results in batch order, so any pool size gives identical numbers. */
export { OrderedMerger } from './algorithms/parallel/path-batches.ts';
/** Whether the passes of a job keep one set of distance sums (undirected, all sources). */
export { isSymmetric } from './algorithms/parallel/path-batches.ts';
/** Runs every batch in this thread, in order, with progress and cancellation. */
export { runPathBatches } from './algorithms/parallel/path-batches.ts';

// features

/** Imports relationship survey files the user dropped, in review mode (ambiguous names listed). */
export { importSurveyFiles } from './features/survey/survey-files.ts';
/** Input and result of `importSurveyFiles`. */
export type { SurveyFilesInput, SurveyFilesResult } from './features/survey/survey-files.ts';
/** What a survey import found: the dataset, names to review, hygiene figures. */
export type { SurveyFiles } from './features/survey/survey-files.ts';
/** Imports Network Canvas exports (CSV sets, GraphML): interviews merged into one network, names matched as survey names are. */
export { importNetworkCanvasFiles } from './features/network-canvas/network-canvas-files.ts';
/** Input and result of `importNetworkCanvasFiles`: the dataset, names to review, how many were matched. */
export type { NetworkCanvasFiles, NetworkCanvasFilesInput } from './features/network-canvas/network-canvas-files.ts';
/** The survey pipeline as the CLI runs it, non-interactively. */
export { runSurveyImport } from './features/survey/run-survey-import.ts';
/** Reads a roster: the people a survey went to. */
export { readRoster } from './features/survey/roster.ts';
/** Gives survey waves the names the user chose. */
export { nameSurveyWaves } from './features/change/name-waves.ts';
/** Reads convening attendance, matching names to people. */
export { importAttendance } from './features/convenings/import-attendance.ts';
/** A convening attendance sheet (event, date, attendee, email) with example rows, as CSV to hand out. */
export { attendanceTemplateCsv } from './features/convenings/attendance-template.ts';
/** A dataset with attendance added and its co-attendance layer recomputed. */
export { withAttendance } from './features/convenings/summaries.ts';
/** The mix of groups in the room at one convening. */
export type { GroupMix } from './features/convenings/summaries.ts';
/** Reads engagement ladder rules (JSON), naming the bad field of a malformed file. */
export { parseLadderRules, DEFAULT_LADDER } from './features/ladder/rules.ts';
/** Ladder rules, a rung and one of its conditions. */
export type { LadderRules, LadderRung, LadderCondition } from './features/ladder/rules.ts';
/** The schema of ladder rules, kept with a project and read from a rules file. */
export { LadderRulesSchema } from './core/model/ladder.ts';
/** The report's ladder section and its parts, and how a person first came in. */
export type { LadderSection, LadderPerson, LadderMovement, LadderMove, LadderEntry, EntryKind } from './features/ladder/ladder-section.ts';
/** The ladder and the ledger computed alone, when only they changed (the app's worker). */
export { programParts } from './analysis/program-parts.ts';
/** Analyses already made for the dataset in hand, by their options (the app's worker: going back is instant). */
export { createResultCache, optionsKey, copyResult, resultBytes, RESULT_CACHE_DEFAULTS } from './analysis/result-cache.ts';
export type { ResultCache, ResultCacheOptions } from './analysis/result-cache.ts';
/** What an estimated bridging value promises (`figures.betweennessBound`): method, epsilon, delta, samples, vertex-diameter bound, seed. */
export type { BetweennessBound } from './analysis/analysis-result.ts';
/** A bound in plain words: "estimated: within ±1 point of the exact share, 9 times in 10". */
export { boundWords } from './report/readable.ts';
/** A column's values ascending without blanks, sorted once per column (what percentile bands read). */
export { sortedValues } from './report/readable.ts';
/** What `programParts` is asked and gives back. */
export type { ProgramParts, ProgramPartsOptions } from './analysis/program-parts.ts';
/** Reads mentorship pairs, matching names to people. */
export { importMentorships } from './features/mentorship/import-mentorships.ts';
/** A mentorship pairs sheet (mentor, mentee, season, goal) with example rows, as CSV to hand out. */
export { mentorshipsTemplateCsv } from './features/mentorship/mentorships-template.ts';
/** A dataset with mentorship pairs added and its `mentorship` layer recomputed. */
export { withMentorships } from './features/mentorship/import-mentorships.ts';
/** Reads the mentees, mentors and pair-rule tables for mentor matching. */
export { parseMentees, parseMentors, parsePairRules } from './features/matching/import-matching.ts';
/** A locked or rejected mentor-mentee pair. */
export type { PairRule } from './features/matching/model.ts';
/** Proposes mentor matches (Hungarian algorithm with capacities), each with its reasons. */
export { matchMentors } from './features/matching/match-mentors.ts';
/** The proposed matching: pairs, unmatched mentees, explanations. */
export type { MatchingResult } from './features/matching/match-mentors.ts';
/** Mentor matching from dropped files, never throwing. */
export { matchFiles } from './features/matching/match-files.ts';
/** Input and result of `matchFiles`. */
export type { MatchFilesInput, MatchFilesResult } from './features/matching/match-files.ts';
/** Louvain communities of a people network, for the matching's bridging bonus. */
export { networkCommunities } from './features/matching/network-communities.ts';
/** The proposed matching as a spreadsheet-safe CSV. */
export { pairsCsv } from './features/matching/pairs-csv.ts';
/** Reads a peer circles participants table (reports-to and identity wish columns as named). */
export { parseParticipants, parseCircleLocks, parsePreviousPairs } from './features/circles/import-circles.ts';
/** Forms peer circles: new pairs across units, rules kept or said relaxed, baselines beside. */
export { formCircles } from './features/circles/form-circles.ts';
/** Input and result of `formCircles`. */
export type { CirclesInput, CirclesResult } from './features/circles/form-circles.ts';
/** One circle explained, and the figures of an assignment (solver and baselines alike). */
export type { Circle, CircleMetrics } from './features/circles/describe.ts';
/** Circle records and the settings' defaults. */
export { DEFAULT_CIRCLE_SIZE, DEFAULT_MIN_DISTINCT } from './features/circles/model.ts';
/** A participant, a lock and an earlier season's pair. */
export type { CircleLock, Participant, PreviousPair } from './features/circles/model.ts';
/** Peer circles of an open project (everyone, an attribute value or a file; its mentorships not repeated). */
export { projectCircles, hasValue } from './features/circles/project-circles.ts';
/** What the app asks `projectCircles` for. */
export type { ProjectCirclesRequest, CircleParticipantsChoice } from './features/circles/project-circles.ts';
/** Peer circles kept with a project: choices, locks and the last circles formed. */
export { ProjectCirclesSchema, SavedCirclesResultSchema, CircleChoicesSchema } from './core/model/circles.ts';
/** What a project keeps of its peer circles. */
export type { ProjectCircles, SavedCirclesResult, CircleChoices } from './core/model/circles.ts';
/** The circles as `circle,person` CSV rows. */
export { circlesCsv } from './features/circles/circles-csv.ts';
/** The seed every seeded step uses when none is given. */
export { DEFAULT_SEED } from './core/util/rng.ts';
/** Reads an abilities self-assessment, matching rows to people. */
export { importAbilities } from './features/skills/abilities-import.ts';
/** What `importAbilities` returns. */
export type { AbilitiesImport } from './features/skills/abilities-import.ts';
/** The collective-leadership abilities template as CSV, to hand out. */
export { abilitiesTemplateCsv } from './features/skills/leadership-abilities.ts';
/** The skills and abilities sections, and their options. */
export type { SkillsReport, SkillsReportOptions } from './features/skills/skills-report.ts';
/** An introduction from weaving or skills, in one list. */
export type { AnySuggestion } from './features/skills/merge-suggestions.ts';
/** The whole analysis of a system map: loops, leverage, actors, as one report. */
export { analyzeSystemMap } from './features/systemmap/analyze-systemmap.ts';
/** What `analyzeSystemMap` returns. */
export type { SystemMapReport } from './features/systemmap/analyze-systemmap.ts';
/** One factor of a system map with its leverage, role, loops and the organisations on it. */
export type { FactorReport } from './features/systemmap/analyze-systemmap.ts';
/** A feedback loop of a system map, and its kind: reinforcing (R) or balancing (B). */
export type { FeedbackLoop, LoopType } from './features/systemmap/loops.ts';
/** A factor's role by how much it moves others and is moved (the MICMAC quadrant). */
export type { Quadrant } from './features/systemmap/leverage.ts';
/** An organisation and the factors it works on; a factor in loops that no one works on. */
export type { ActorSummary, Gap } from './features/systemmap/actors.ts';
/** Joins the parts read from several files into one system map. */
export { assembleSystemMap } from './features/systemmap/assemble.ts';
/** The result of assembling a system map, and what to do with links naming unknown factors. */
export type { SystemMapImportResult, UnknownFactorPolicy } from './features/systemmap/assemble.ts';
/** What one system-map file holds before names are resolved. */
export type { SystemMapPart } from './features/systemmap/drafts.ts';
/** System maps from dropped files, never throwing. */
export { importSystemMapFiles } from './features/systemmap/import-files.ts';
/** The parts of a Kumu workbook (Elements and Connections sheets) for a system map. */
export { kumuWorkbookParts } from './features/systemmap/import-kumu-sheets.ts';
/** A system map's links, factors and actors sheets with a small example, as CSV to hand out. */
export { systemMapActorsTemplateCsv, systemMapFactorsTemplateCsv, systemMapLinksTemplateCsv } from './features/systemmap/templates.ts';
/** Every kind of system-map file. */
export { SYSTEM_MAP_KINDS } from './features/systemmap/import-files.ts';
/** A kind of system-map file: links, factors, actors, Kumu JSON, GraphML. */
export type { SystemMapFileKind } from './features/systemmap/import-files.ts';
/** A system-map file with its kind and, for a Kumu file, what each element type is read as. */
export type { SystemMapSourceFile } from './features/systemmap/import-files.ts';
/** Reads a links, factors or actors CSV of a system map. */
export { parseActorsCsv, parseFactorsCsv, parseLinksCsv } from './features/systemmap/import-csv.ts';
/** Reads a Kumu JSON blueprint. */
export { parseKumuJson } from './features/systemmap/import-kumu.ts';
/** Reads a system map from GraphML. */
export { parseSystemMapGraphml } from './features/systemmap/import-graphml.ts';
/** One edit of a system map (add, rename, re-sign, delete...). */
export type { EditOperation } from './features/systemmap/edit.ts';
/** A system map with its undo history, and the result of an edit. */
export type { EditorResult, EditorState } from './features/systemmap/edit-history.ts';
/** Pure edit, undo and redo over a system map's history. */
export { createEditorState, edit, redo, redoLabel, undo, undoLabel } from './features/systemmap/edit-history.ts';
/** A system map written out as CSV files, Kumu JSON or GraphML. */
export { actorsCsv, factorsCsv, kumuJson, linksCsv, systemMapGraphml } from './features/systemmap/export.ts';

// analysis: one pipeline for the CLI and the worker

/** The analysis pipeline: graph, kernels, insights, sections, one columnar result. */
export { runAnalysis } from './analysis/run-analysis.ts';
/** The buffers to transfer (not copy) with an analysis result. */
export { resultTransferables } from './analysis/run-analysis.ts';
/** What one analysis run is asked to do. */
export type { AnalysisOptions } from './analysis/analysis-options.ts';
/** The defaults of `AnalysisOptions`. */
export { ANALYSIS_DEFAULTS } from './analysis/analysis-options.ts';
/** The one result of an analysis run, columnar. */
export type { AnalysisResult } from './analysis/analysis-result.ts';
/** Periphery, brokers, cut points, key players and equity: the insights beside the result's columns. */
export type { InsightSections } from './analysis/analysis-result.ts';
/** One per-person measure as data: id, words, views it shows in. */
export type { MetricDefinition } from './analysis/metric-registry.ts';
/** Every measure the analysis can produce, in the order tables and files show them. */
export { METRICS } from './analysis/metric-registry.ts';
/** The measures a view shows for a result. */
export { metricsFor } from './analysis/metric-registry.ts';
/** A measure's definition by id. */
export { metricDefinition } from './analysis/metric-registry.ts';
/** Periphery, brokers, cut points, key players, equity and suggestions of one analysis. */
export type { PeopleInsights } from './analysis/people-insights.ts';
/** One person at the edge, with the reasons and what they bring. */
export type { PeripheryEntry } from './analysis/people-insights.ts';
/** Plain-words names of the network-health indicators compared between waves. */
export { INDICATOR_NAMES } from './analysis/compare-waves.ts';
/** One network-health indicator compared between waves. */
export type { IndicatorName } from './analysis/compare-waves.ts';

// report: the JSON report as a projection of the result

/** The JSON report of a dataset and its analysis result. */
export { buildReport } from './report/build-report.ts';
/** What kind of run a result comes from, for choosing the measures that apply (`metricsFor`). */
export { resultContext } from './report/build-report.ts';
/** How one written survey name was resolved, as the report lists it. */
export type { ReportResolutionEntry } from './report/types.ts';
/** Plain-words names and explanations of the network-wide figures (density, modularity, ...). */
export { SUMMARY_GLOSSARY } from './report/glossary.ts';

// export: files made from a result

/** The per-person table as spreadsheet-safe CSV. */
export { peopleCsv } from './export/people-csv.ts';
/** A dataset and its result in the shape the GEXF and GraphML writers take. */
export { exportGraphFromResult } from './export/from-analysis.ts';
/** The files one export of a project makes (every format), as its sharing allows, and what sharing did. */
export { projectExport, exportFiles, sharedExportFiles, type SharingApplied, type SharedNetwork } from './project/export-files.ts';
/** The kinds of file an export writes, a file as handed to the browser, and names safe for files. */
export { fileSafe, keyFileName, type DownloadFile, type FileExportKind } from './project/export-kinds.ts';
/** The self-contained HTML report of an analysis: one file, inline SVG map and charts, no script. */
export { renderReport, consentText } from './export/report-html/render-report.ts';
/** The report's sections as data with how each renders, and those an input holds of the ids asked for. */
export { REPORT_SECTIONS, chosenSections } from './export/report-html/sections.ts';
/** What each report section is without its rendering (what a chooser needs), which ones an input holds, and the check of asked-for ids. */
export { SECTION_ABOUT, SECTION_IDS, sectionChoices, unknownSections } from './export/report-html/section-catalogue.ts';
/** What the HTML report is made from and the weaver's choices, with their defaults. */
export { REPORT_HTML_DEFAULTS, reportOptions } from './export/report-html/report-input.ts';
/** Types of the HTML report's input, options and section chooser. */
export type { ReportInput, ReportHtmlOptions, Point } from './export/report-html/report-input.ts';
export type { SectionChoice } from './export/report-html/section-catalogue.ts';
/** A seeded ForceAtlas2 layout for drawing a network that has no stored positions. */
export { seededLayout } from './algorithms/layout/seeded-layout.ts';
/** The HTML report from a project's dataset and sharing settings (consent, codes, stored positions), as the app's worker makes it. */
export { sharedReport } from './export/report-html/shared-report.ts';
/** What `sharedReport` takes and gives back. */
export type { SharedReportInput, ReportMade } from './export/report-html/shared-report.ts';
/** Member packets: one self-contained page per member who agreed to be named, and the zip of them all. */
export { memberPacket, memberPackets } from './export/packets/member-packets.ts';
/** What `memberPackets` returns. */
export type { MemberPackets, PacketFile } from './export/packets/member-packets.ts';
/** What member packets are made from, the weaver's choices, and their defaults. */
export { PACKET_DEFAULTS } from './export/packets/packet-options.ts';
export type { PacketInput, PacketOptions } from './export/packets/packet-options.ts';
/** Member packets from a project's sharing settings (the app's worker), and how many members get one. */
export { sharedPackets } from './export/packets/shared-packets.ts';
/** How many members a packets export would reach: named, counted but not named, left out. */
export { packetCount } from './export/packets/packet-count.ts';
export type { PacketsMade, SharedPacketsInput } from './export/packets/shared-packets.ts';

// project: the open project

/** A project's settings as analysis options, and its ladder and ledger as the part of them the app computes alone. */
export { projectAnalysisOptions, projectProgramOptions } from './project/project-analysis.ts';
/** A new project holding a dataset, with default settings and the relations analysed at first. */
export { newProject, newProjectId, defaultRelations, relationNames } from './project/new-project.ts';
/** The `.netweave.json` project file, written and read back validated. */
export { parseProjectFile, serializeProject } from './project/project-file.ts';
/** A loaded project mended where it contradicts itself (unlisted people, repeated ids, unusable positions, settings naming nothing), with a warning per mending. */
export { repairProject, repairProjectInSlices } from './project/project-consistency.ts';
/** What each dropped file looks like before import: kind, columns, first rows. */
export { previewFiles } from './project/preview-files.ts';
/** What `previewFiles` says about one file. */
export type { FilePreview } from './project/preview-files.ts';
/** What each file dropped together holds, with the evidence for every kind it fits, and a kind only when sure. */
export { judgeFileKinds } from './project/file-kinds.ts';
/** Every kind of file the import reads, in the order the import dialog offers them. */
export { FILE_KINDS } from './project/file-kinds.ts';
/** A kind of file, the evidence for one, a file's verdict, and a file to judge. */
export type { FileKind, FileToJudge, KindEvidence, KindVerdict } from './project/file-kinds.ts';
/** Adds attendance or mentorship files to an open project's dataset. */
export { addProgramFiles } from './project/add-program-files.ts';
/** What a table dropped beside a network holds: a self-assessment, attendance, mentorship pairs, or none of those. */
export { tableKindOf } from './project/add-program-files.ts';
/** A program file's kind, and what adding program files returns. */
export type { ProgramFileKind, ProgramFilesResult, TableKind } from './project/add-program-files.ts';
/** Results-based accountability: results, indicators, measures, actions and commitments (zod, the single source of truth). */
export { ResultsSetSchema, parseResultsSet, checkResultsSet, emptyResultsSet, MEASURE_KIND_WORDS } from './core/model/results.ts';
/** A results set and its records. */
export type { ResultsSet, RbaResult, Indicator, DataPoint, Strategy, PerformanceMeasure, AlignedAction, Commitment, Better, Direction, MeasureKind } from './core/model/results.ts';
/** Reads the results templates and a scorecard's data values (CSV or XLSX), each file with its kind; a failure carries nothing. */
export { importResultsFiles, importResultsTables } from './features/results/import-results.ts';
/** The kinds of results file, by what each holds (the name a user picks a file by). */
export { RESULTS_FILE_KINDS } from './features/results/results-file-kinds.ts';
/** What a results file holds, and a file with its kind. */
export type { ResultsSourceFile, ResultsTable } from './features/results/import-results.ts';
/** One kind of results file. */
export type { ResultsFileKind } from './features/results/results-file-kinds.ts';
/** The results templates to download (file name, what it holds, CSV text). */
export { RESULTS_TEMPLATES, resultsTemplateCsv } from './features/results/templates.ts';
/** Results joined to the system map and the people network, as one report. */
export { analyzeResults } from './features/results/analyze-results.ts';
/** The results report and its parts. */
export type { ResultsReport, ResultReport, ResultsContext, IndicatorReport, UpstreamEntry, Partner, ActionReport, ActionFlag, NoPathFlag, LeverageFlag, CommitmentReport, StrategyReport, MeasureReport } from './features/results/analyze-results.ts';
/** The settings of analyzeResults with their defaults. */
export { ResultsOptionsSchema, resolveResultsOptions } from './features/results/options.ts';
export type { ResultsOptions, ResultsOptionsInput } from './features/results/options.ts';
/** Factors upstream of a factor within K links with the sign of their effect; the default K. */
export { upstreamFactors, DEFAULT_UPSTREAM_STEPS } from './features/results/upstream.ts';
export type { Effect, UpstreamFactor } from './features/results/upstream.ts';
/** The trend of an indicator's actuals (labelled as a trend) and the turn-the-curve CSV. */
export { linearTrend, turnTheCurveCsv, TREND_LABEL } from './features/results/forecast.ts';
export type { Trend, TrendPoint } from './features/results/forecast.ts';
/** An introduction that brings a partner with a role to a result's cohort (kind `result-partner`). */
export type { ResultIntroduction, SectorMix, Connectedness } from './features/results/people-join.ts';
/** Who an action's `by` or a commitment's `who` names. */
export type { LinkedName } from './features/results/link-names.ts';
/** Results kept with a project: the files they were read from, the set and the stories written in the app. */
export { ProjectResultsSchema, StoredResultsFileSchema } from './core/model/project-results.ts';
export type { ProjectResults, StoredResultsFile } from './core/model/project-results.ts';
/** Results files read with those a project holds (kinds told from headers), and the set with the app's stories. */
export { readResultsFiles } from './project/results-files.ts';
/** The set with the stories the user wrote in the app over those of the files. */
export { withStories } from './features/results/stories.ts';
export type { ResultsFilesRead } from './project/results-files.ts';
/** ForceAtlas2 on typed arrays (the map's layout worker steps it), its settings and graphology's suggestion for n people. */
export { Fa2Layout, inferFa2Settings } from './algorithms/layout/fa2-typed.ts';
export type { Fa2Settings } from './algorithms/layout/fa2-typed.ts';
/** Ties as the layout reads them: compressed rows, repeats merged, self-loops dropped. */
export { layoutCsr } from './algorithms/layout/layout-csr.ts';
export type { LayoutCsr } from './algorithms/layout/layout-csr.ts';
/** Gives the event loop a turn (a macrotask, so messages get in): the map's layout worker between iterations. */
export { yieldTurn } from './core/util/yield-turn.ts';
