/**
 * The object the engine worker exposes. Its type is the client's contract
 * (`EngineApi = typeof engineApi`), so the two cannot drift apart.
 */
import * as Comlink from 'comlink';
import { resultTransferables, runAnalysis } from '../engine/analysis/run-analysis.ts';
import type { AnalysisResult } from '../engine/analysis/analysis-result.ts';
import type { AnalysisOptions } from '../engine/analysis/analysis-options.ts';
import { importAbilities, type AbilitiesImport } from '../engine/features/skills/abilities-import.ts';
import { addProgramFiles, type ProgramFileKind, type ProgramFilesResult } from '../engine/project/add-program-files.ts';
import type { ResolutionDecision } from '../engine/core/model/survey.ts';
import { matchFiles, type MatchFilesInput, type MatchFilesResult } from '../engine/features/matching/match-files.ts';
import type { Dataset } from '../engine/core/model/dataset.ts';
import { isPackedDataset, packDataset, packedDatasetTransferables, unpackDataset, type PackedDataset } from '../engine/core/model/packed-dataset.ts';
import { importFiles, type ImportOptions } from '../engine/io/import-files.ts';
import type { RecordPart } from './record-parts.ts';
import { PartsInbox, PartsOutbox, type OfferedBatch } from './parts-transfer.ts';
import { previewFiles, type FilePreview } from '../engine/project/preview-files.ts';
import { networkSource } from '../engine/io/workbook-as-csv.ts';
import { importSystemMapFiles, type SystemMapSourceFile } from '../engine/features/systemmap/import-files.ts';
import type { SystemMapImportResult } from '../engine/features/systemmap/assemble.ts';
import { analyzeSystemMap, type SystemMapReport } from '../engine/features/systemmap/analyze-systemmap.ts';
import type { SystemMap } from '../engine/core/model/systemmap.ts';
import { importSurveyFiles, type SurveyFilesInput, type SurveyFilesResult } from '../engine/features/survey/survey-files.ts';
import type { SourceFile } from '../engine/io/types.ts';
import { importNetworkCanvasFiles, type NetworkCanvasFiles, type NetworkCanvasFilesInput } from '../engine/features/network-canvas/network-canvas-files.ts';
import { fail, ok, type Result } from '../engine/core/util/result.ts';
import { inThreadRunner, type PathJob, type PathRunner } from '../engine/algorithms/parallel/path-batches.ts';
import type { Csr } from '../engine/core/graph/csr.ts';
import type { PathPartials } from '../engine/algorithms/metrics/shortest-paths.ts';
import type { RunHooks } from '../engine/core/util/cancel.ts';
import { createPathRunner, POOL_MIN_NODES } from './path-pool.ts';
import { sharedPackets, type PacketsMade, type SharedPacketsInput } from '../engine/export/packets/shared-packets.ts';
import type { PacketOptions } from '../engine/export/packets/packet-options.ts';
import { projectExport, type SharingApplied } from '../engine/project/export-files.ts';
import type { DownloadFile, FileExportKind } from '../engine/project/export-kinds.ts';
import type { Project } from '../engine/core/model/project.ts';
import { unpackLayout, type PackedLayout } from '../engine/core/model/packed-layout.ts';
import { restoreNames } from '../engine/features/sharing/pseudonymise.ts';
import type { PathApi } from './path-api.ts';
import { sharedReport, type ReportMade, type SharedReportInput } from '../engine/export/report-html/shared-report.ts';
import type { ReportHtmlOptions } from '../engine/export/report-html/report-input.ts';
import { projectCircles, type ProjectCirclesRequest } from '../engine/features/circles/project-circles.ts';
import type { CirclesResult } from '../engine/features/circles/form-circles.ts';
import { importLedgerFile, type LedgerImport } from '../engine/features/ledger/import-ledger.ts';
import { readResultsFiles, type ResultsFilesRead } from '../engine/project/results-files.ts';
import { analyzeResults, type ResultsReport } from '../engine/features/results/analyze-results.ts';
import type { ResultsOptionsInput } from '../engine/features/results/options.ts';
import type { ResultsSet } from '../engine/core/model/results.ts';
import type { StoredResultsFile } from '../engine/core/model/project-results.ts';
import { createResultCache } from '../engine/analysis/result-cache.ts';
import { programParts, type ProgramParts, type ProgramPartsOptions } from '../engine/analysis/program-parts.ts';

export type ImportOutcome = Result<Dataset>;

/** What crosses back to the page: the dataset packed into columns (see packed-dataset.ts). */
export type PackedImportOutcome = Result<PackedDataset>;

export type ProgressCallback = (step: string, fraction: number) => void;

let current: Dataset | null = null;

/** Analyses of the current dataset already made: going back to a layer or a wave seen before is instant. */
const analyses = createResultCache();

/** A dataset being handed over in parts (stageDataset), put together as they come. */
const staging = new PartsInbox();

/** The analysis being handed to the page in parts (analyzeInParts). */
const outgoing = new PartsOutbox('This analysis result is no longer kept in the worker.');
/** Records (people at the edge, ids...) per part of a result, and per message: a few milliseconds of the page's time each. */
const RESULT_PART_ITEMS = 2_000;

/** The analysis of the current dataset: one already made with the same options comes back at once. */
async function analysisOf(options: AnalysisOptions, onProgress?: ProgressCallback): Promise<AnalysisResult> {
  if (current === null) throw new Error('No dataset is loaded in the analysis worker.');
  const dataset = current;
  const kept = analyses.get(dataset, options);
  if (kept !== undefined) {
    onProgress?.('recalled', 1);
    return kept;
  }
  const result = await analyzeWithPool(dataset, options, onProgress);
  analyses.set(dataset, options, result);
  return result;
}

/**
 * Path workers nested in this worker, one per core, started when an analysis needs them and
 * ended after it: a pass over 50,000 people leaves each worker's heap at tens of megabytes that
 * an idle worker would keep. Small networks run in this thread and start none.
 */
class PathWorkers implements PathRunner {
  // Read lazily: Node 20 (the CLI's and the tests' runtime) has no `navigator`.
  get threads(): number {
    return Math.max(1, Math.min((typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 2, 16));
  }
  private workers: Worker[] = [];
  private runner: PathRunner | null = null;

  run(csr: Csr, job: PathJob, hooks?: RunHooks): Promise<PathPartials> {
    if (csr.n < POOL_MIN_NODES) return inThreadRunner.run(csr, job, hooks);
    if (this.runner === null) {
      this.workers = Array.from({ length: this.threads }, (_, i) => new Worker(new URL('./path.worker.ts', import.meta.url), { type: 'module', name: `netweave-paths-${i + 1}` }));
      this.runner = createPathRunner(this.workers.map((w) => Comlink.wrap<PathApi>(w)));
    }
    return this.runner.run(csr, job, hooks);
  }

  release(): void {
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
    this.runner = null;
  }
}

const pathWorkers = new PathWorkers();

/** Progress to the page at most every 50 ms (and at each step's start and end): its event loop stays free. */
function throttled(onProgress: ProgressCallback | undefined): ProgressCallback | undefined {
  if (!onProgress) return undefined;
  let last = 0;
  return (step, fraction) => {
    const now = Date.now();
    if (fraction === 0 || fraction === 1 || now - last > 50) {
      last = now;
      void onProgress(step, fraction);
    }
  };
}

export const engineApi = {
  preview(files: SourceFile[]): FilePreview[] {
    return previewFiles(files);
  },

  /**
   * Imports files into a dataset; bad input comes back as issues, never as a thrown error. The
   * dataset goes back packed, its columns transferred: a million ties arrive in milliseconds.
   */
  importFiles(files: SourceFile[], options: ImportOptions, onProgress?: ProgressCallback): PackedImportOutcome {
    // Workbooks become CSV of their first sheet, except those read as Kumu (both sheets).
    const converted = files.map((f) => networkSource(f, options.kinds?.[f.name]));
    const readIssues = converted.flatMap((c) => c.issues);
    const sources = converted.flatMap((c) => (c.ok ? [c.value] : []));
    if (sources.length < converted.length) return fail(readIssues);
    const imported = importFiles(sources, options, { onProgress: throttled(onProgress) });
    // A workbook's warnings (another sheet was there, formulas without values) come back too.
    if (!imported.ok) return fail([...readIssues, ...imported.issues]);
    // Kept here so the analysis that follows does not need it sent back.
    current = imported.value;
    onProgress?.('handing over the network', 1);
    const packed = packDataset(imported.value);
    return Comlink.transfer(ok(packed, [...readIssues, ...imported.issues]), packedDatasetTransferables(packed));
  },

  /** Survey exports (plus roster and other files), names resolved in review mode. */
  importSurvey(input: SurveyFilesInput): SurveyFilesResult {
    const result = importSurveyFiles(input);
    if (result.ok && result.value.pending.length === 0) current = result.value.dataset;
    return result;
  },

  /** System map files; a Kumu file (blueprint or workbook) carries what each element type is read as. */
  importSystemMap(files: SystemMapSourceFile[], name?: string): SystemMapImportResult {
    return importSystemMapFiles(files, name);
  },

  /** Network Canvas interviews merged into one network, names resolved in review mode. */
  importNetworkCanvas(input: NetworkCanvasFilesInput): Result<NetworkCanvasFiles> {
    const result = importNetworkCanvasFiles({ ...input, mode: 'review' });
    if (result.ok && result.value.pending.length === 0) current = result.value.dataset;
    return result;
  },

  /** Loops, leverage and the actors overlay; `people` joins organisations to the people network. */
  analyzeSystemMap(map: SystemMap, people?: Dataset): SystemMapReport {
    return analyzeSystemMap(map, people ? { people } : {});
  },

  /** Keeps the dataset in the worker so each analysis does not copy it again. */
  setDataset(dataset: Dataset | PackedDataset): void {
    current = isPackedDataset(dataset) ? unpackDataset(dataset) : dataset;
  },

  /**
   * Parts of a packed dataset the page hands over a few at a time (one message of 50,000 people
   * and 250,000 ties was a long task on the page); the first part starts a new one.
   */
  stageDataset(parts: RecordPart[], first: boolean): void {
    staging.add(parts, first);
  },

  /** The dataset whose parts were staged becomes the current one. */
  setStagedDataset(): void {
    const packed = staging.take();
    if (!isPackedDataset(packed)) throw new Error('The dataset handed over in parts is not whole.');
    current = unpackDataset(packed);
  },

  /** Attendance and mentorship files added to a dataset (the current one when none is given). */
  addProgramFiles(dataset: Dataset, files: Array<SourceFile & { kind: ProgramFileKind }>, decisions: ResolutionDecision[]): ProgramFilesResult {
    const result = addProgramFiles(dataset, files, { decisions });
    if (result.ok) current = result.value;
    return result;
  },

  /** Proposes mentor-mentee pairs; `network` lets the bridging bonus use its communities. */
  matchMentors(input: MatchFilesInput): MatchFilesResult {
    return matchFiles({ ...input, ...(current && input.bridge ? { network: current } : {}) });
  },

  /**
   * Peer circles of the current dataset's people (or a participants file), its ties as the pairs
   * already tied and its mentorships as pairs not to repeat. The search reports no progress of its
   * own: a step at the start and the end. Cancel terminates the worker (EngineClient).
   */
  formCircles(request: ProjectCirclesRequest, onProgress?: ProgressCallback): Result<CirclesResult> {
    if (current === null) return fail([{ level: 'error', code: 'no-network', message: 'Open a network before forming circles.' }]);
    onProgress?.('forming circles', 0);
    const result = projectCircles(current, request);
    onProgress?.('forming circles', 1);
    return result;
  },

  /** The ladder and the ledger of the current dataset again, when only they changed (rules, circles, introductions recorded). */
  programParts(options: ProgramPartsOptions): ProgramParts {
    if (current === null) throw new Error('No dataset is loaded in the analysis worker.');
    return programParts(current, options);
  },

  /** Results files read with those the project holds into one set; any error adds nothing. */
  readResults(added: SourceFile[], kept: StoredResultsFile[]): Result<ResultsFilesRead> {
    return readResultsFiles(added, kept);
  },

  /** Results joined to the system map (when given) and to the current dataset's people. */
  analyzeResults(set: ResultsSet, map: SystemMap | null, options: ResultsOptionsInput): ResultsReport {
    return analyzeResults(set, { ...(map ? { map } : {}), ...(current ? { people: current } : {}) }, options);
  },

  /** Reads a ledger file and matches its people to the current dataset's. */
  importLedger(file: SourceFile): Result<LedgerImport> {
    if (current === null) return fail([{ level: 'error', code: 'no-network', message: 'Open a network before adding introductions.', file: file.name }]);
    return importLedgerFile(file, current.people);
  },

  /** Reads a self-assessment and matches its rows to the people of the current dataset. */
  importAbilities(file: SourceFile): Result<AbilitiesImport> {
    if (current === null) return fail([{ level: 'error', code: 'no-network', message: 'Open a network before adding a self-assessment.', file: file.name }]);
    return importAbilities(file, current.people);
  },

  /** The analysis of the current dataset; one already made with the same options comes back at once. */
  async analyze(options: AnalysisOptions, onProgress?: ProgressCallback): Promise<AnalysisResult> {
    const result = await analysisOf(options, onProgress);
    return Comlink.transfer(result, resultTransferables(result));
  },

  /**
   * The same analysis, handed to the page in parts (`nextResultParts`): at 50,000 people one
   * message of it took the page 60-130 ms to read, its list of people at the edge alone two
   * megabytes of small records. Returns the number to ask for the parts by; a newer analysis
   * drops the parts of an older one not yet taken.
   */
  async analyzeInParts(options: AnalysisOptions, onProgress?: ProgressCallback): Promise<number> {
    const result = await analysisOf(options, onProgress);
    return outgoing.offer(result, RESULT_PART_ITEMS, { itemsPerPart: RESULT_PART_ITEMS });
  },

  /** The next message's worth of result `id`'s parts; `done` once they are all taken. */
  nextResultParts(id: number): OfferedBatch {
    return outgoing.take(id);
  },

  /**
   * The files of one export, written here so the page never stalls (at 50,000 people a GEXF
   * file took seconds): from the current dataset and the analysis the page shows (recalled from
   * this worker's results), or from the shared network when sharing changes something.
   */
  async exportFiles(request: ExportRequest, onProgress?: ProgressCallback): Promise<ExportMade> {
    if (current === null) throw new Error('No dataset is loaded in the analysis worker.');
    const { analysedWith, sharedWith } = request;
    const made = await projectExport({
      kind: request.kind,
      project: { ...request.project, dataset: current, layout: request.layout === null ? {} : unpackLayout(request.layout) },
      analysis: recalled(analysedWith, onProgress),
      analyzeShared: (dataset) => analyzeWithPool(dataset, sharedWith, onProgress),
      ...(onProgress ? { onProgress } : {}),
    });
    return { files: made.files.map((f) => ({ ...f, content: new Blob([f.content as BlobPart], { type: f.type }) })), shared: made.shared };
  },

  /**
   * The current dataset with its codes replaced by the ids and names of a key (packed back), or
   * why the key does not fit; the current dataset stays as it is until the page analyses the result.
   */
  restoreNames(keyText: string, file: string): PackedImportOutcome {
    if (current === null) return fail([{ level: 'error', code: 'no-network', message: 'Open a network before giving its key.', file }]);
    const restored = restoreNames(current, keyText, file);
    if (!restored.ok) return fail(restored.issues);
    const packed = packDataset(restored.value);
    return Comlink.transfer(ok(packed, restored.issues), packedDatasetTransferables(packed));
  },

  /**
   * Member packets of the current dataset as its sharing settings allow, made here so the page
   * never stalls: the analysis is run again on the shared dataset when anyone is out or not
   * named; the page's own (recalled by `analysedWith`) is used when everyone is named. The zip
   * crosses back transferred.
   */
  async memberPackets(request: PacketsRequest, onProgress?: ProgressCallback): Promise<PacketsMade> {
    if (current === null) throw new Error('No dataset is loaded in the analysis worker.');
    const progress = throttled(onProgress);
    const analyze = (dataset: Dataset): Promise<AnalysisResult> => analyzeWithPool(dataset, request.options, onProgress);
    const analysis = recalled(request.analysedWith, onProgress);
    const made = await sharedPackets({ dataset: current, sharing: request.sharing, analysis, analyze }, request.packets, progress ? { onProgress: progress } : {});
    return Comlink.transfer(made, [made.zip.buffer as ArrayBuffer]);
  },

  /**
   * The self-contained HTML report of the current dataset as its sharing settings allow, made
   * here so the page never stalls: consent applied first (codes and a key when the project
   * pseudonymises), the analysis run again on the shared dataset when sharing changes anything
   * (the page's own, recalled by `analysedWith`, is used when it changes nothing), the map from
   * the project's stored positions or laid out with progress. Cancel terminates the worker
   * (EngineClient).
   */
  async htmlReport(request: ReportRequest, onProgress?: ProgressCallback): Promise<ReportFile> {
    if (current === null) throw new Error('No dataset is loaded in the analysis worker.');
    const progress = throttled(onProgress);
    const analyze = (dataset: Dataset): Promise<AnalysisResult> => analyzeWithPool(dataset, request.options, onProgress);
    const analysis = recalled(request.analysedWith, onProgress);
    const input: SharedReportInput = { dataset: current, sharing: request.sharing, analysis, analyze, layout: unpackLayout(request.layout), systemMap: request.systemMap, results: request.results };
    const made = await sharedReport(input, request.report, progress ? { onProgress: progress } : {});
    return { ...made, html: new Blob([made.html], { type: 'text/html' }) };
  },
};

/**
 * The analysis the page shows, asked for by the options it was made with: recalled from this
 * worker's results (run again if this worker was started anew). Sending it from the page was a
 * long task there at 50,000 people.
 */
function recalled(analysedWith: AnalysisOptions | null, onProgress?: ProgressCallback): () => Promise<AnalysisResult | null> {
  return () => (analysedWith === null ? Promise.resolve(null) : analysisOf(analysedWith, onProgress));
}

/** An export asked of the worker: the files are written from the dataset it holds. */
export interface ExportRequest {
  kind: FileExportKind;
  /** The project less its dataset, which is this worker's current one, and less its layout. */
  project: Omit<Project, 'dataset' | 'layout'>;
  /** The positions, packed, for the kinds that hold them (the project files), else null. */
  layout: PackedLayout | null;
  /** The options the page's analysis was made with: that analysis is recalled here (or run again), never sent. */
  analysedWith: AnalysisOptions | null;
  /** The options the shared dataset is analysed with, when sharing changes something (told here, not on the page: 50,000 people's consent is a count of its own). */
  sharedWith: AnalysisOptions;
}

/**
 * An export's files, each a Blob made here (crossing to the page by reference: made there from
 * a 50,000-person GEXF file, it was a long task), and what sharing did.
 */
export interface ExportMade {
  files: Array<Omit<DownloadFile, 'content'> & { content: Blob }>;
  shared: SharingApplied | null;
}

/** The report as the page gets it: its text made into a Blob here, for the same reason. */
export type ReportFile = Omit<ReportMade, 'html'> & { html: Blob };

/** Runs an analysis of `dataset` with the path workers, releasing them after. */
async function analyzeWithPool(dataset: Dataset, options: AnalysisOptions, onProgress?: ProgressCallback): Promise<AnalysisResult> {
  try {
    return await runAnalysis(dataset, options, { onProgress: throttled(onProgress), pathRunner: pathWorkers });
  } finally {
    pathWorkers.release();
  }
}

/** What member packets are made from: the project's sharing settings, its analysis options, the weaver's choices. */
export interface PacketsRequest {
  sharing: SharedPacketsInput['sharing'];
  options: AnalysisOptions;
  /** The options the page's analysis was made with (null: none on screen): recalled here, never sent. */
  analysedWith: AnalysisOptions | null;
  packets: PacketOptions;
}

/** What the HTML report is made from: the project's sharing settings, analysis options, layout and system map, and the weaver's choices. */
export interface ReportRequest {
  sharing: SharedReportInput['sharing'];
  options: AnalysisOptions;
  /** The options the page's analysis was made with (null: none on screen): recalled here, never sent. */
  analysedWith: AnalysisOptions | null;
  /** The project's positions, packed: 50,000 of them as records were a long copy on the page. */
  layout: PackedLayout;
  systemMap: SystemMapReport | null;
  /** The project's results joined to its map and people as imported. */
  results: ResultsReport | null;
  report: Partial<ReportHtmlOptions>;
}

export type EngineApi = typeof engineApi;
