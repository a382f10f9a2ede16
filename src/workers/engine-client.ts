/**
 * The page's handle on the analysis worker. Cancelling terminates the worker (the only way to
 * stop a busy thread) and the next call starts a fresh one, re-sending the dataset. Reading
 * files is watched: a read that reports no progress for `STALL_MS` (a file built to hang a
 * reader, a reader's bug) is stopped the same way, with a message in plain words, so the page
 * and the open project are never held by it.
 */
import * as Comlink from 'comlink';
import type { EngineApi, ExportMade, ExportRequest, ReportFile, ImportOutcome, PackedImportOutcome, ProgressCallback } from './engine-api.ts';
import { packedOf, rememberPacked, unpackDatasetInSlices } from '../engine/core/model/packed-dataset.ts';
import { sendInParts, takeInParts } from './parts-transfer.ts';
import type { PacketsMade } from '../engine/export/packets/shared-packets.ts';
import type { PacketsRequest } from './engine-api.ts';
import { yieldToPage } from './yield-to-page.ts';
import type { ReportRequest } from './engine-api.ts';
import { fail, ok, type Result } from '../engine/core/util/result.ts';
import type { AnalysisResult } from '../engine/analysis/analysis-result.ts';
import type { AbilitiesImport } from '../engine/features/skills/abilities-import.ts';
import type { ProgramFileKind, ProgramFilesResult } from '../engine/project/add-program-files.ts';
import type { ResolutionDecision } from '../engine/core/model/survey.ts';
import type { MatchFilesInput, MatchFilesResult } from '../engine/features/matching/match-files.ts';
import type { AnalysisOptions } from '../engine/analysis/analysis-options.ts';
import type { Dataset } from '../engine/core/model/dataset.ts';
import type { ImportOptions } from '../engine/io/import-files.ts';
import type { FilePreview } from '../engine/project/preview-files.ts';
import type { SourceFile } from '../engine/io/types.ts';
import type { SurveyFilesInput, SurveyFilesResult } from '../engine/features/survey/survey-files.ts';
import type { NetworkCanvasFiles, NetworkCanvasFilesInput } from '../engine/features/network-canvas/network-canvas-files.ts';
import type { SystemMapSourceFile } from '../engine/features/systemmap/import-files.ts';
import type { SystemMapImportResult } from '../engine/features/systemmap/assemble.ts';
import type { SystemMapReport } from '../engine/features/systemmap/analyze-systemmap.ts';
import type { SystemMap } from '../engine/core/model/systemmap.ts';
import type { ProjectCirclesRequest } from '../engine/features/circles/project-circles.ts';
import type { CirclesResult } from '../engine/features/circles/form-circles.ts';
import type { LedgerImport } from '../engine/features/ledger/import-ledger.ts';
import type { ResultsFilesRead } from '../engine/project/results-files.ts';
import type { ResultsReport } from '../engine/features/results/analyze-results.ts';
import type { ResultsOptionsInput } from '../engine/features/results/options.ts';
import type { ResultsSet } from '../engine/core/model/results.ts';
import type { StoredResultsFile } from '../engine/core/model/project-results.ts';
import type { ProgramParts, ProgramPartsOptions } from '../engine/analysis/program-parts.ts';

/** Work (array items, see record-parts.ts) per message of a dataset handed to the worker. */
const DATASET_PART_WEIGHT = 20_000;

export class CancelledByUser extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'CancelledByUser';
  }
}

/** How long a file task may go without reporting progress before it is stopped. */
export const STALL_MS = 120_000;

/** A task stopped for making no progress. */
export class StalledTask extends Error {
  constructor(ms: number) {
    const seconds = Math.max(1, Math.round(ms / 1000));
    const minutes = Math.round(seconds / 60);
    const wait = seconds >= 60 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${seconds} second${seconds === 1 ? '' : 's'}`;
    super(`netweave stopped after ${wait} without progress: the file may be damaged, or built to make a reader hang`);
    this.name = 'StalledTask';
  }
}

export interface EngineClientOptions {
  /** Milliseconds a file task may go without progress; read at each task. Default STALL_MS. */
  stallMs?: () => number;
}

export class EngineClient {
  private readonly stallMs: () => number;
  /** Resets the running task's stall timer (null when the task is not watched). */
  private touchRunning: (() => void) | null = null;
  private worker: Worker | null = null;
  private api: Comlink.Remote<EngineApi> | null = null;
  private dataset: Dataset | null = null;
  private datasetSent = false;
  private rejectRunning: ((reason: Error) => void) | null = null;

  constructor(options: EngineClientOptions = {}) {
    this.stallMs = options.stallMs ?? (() => STALL_MS);
  }

  private remote(): Comlink.Remote<EngineApi> {
    if (this.api === null) {
      const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'netweave-engine' });
      // A crashed worker (out of memory, a failed load) never answers: fail the call and start afresh next time.
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.fail(new Error(`the analysis worker stopped (${event.message || 'no details'})`));
      });
      this.worker = worker;
      this.api = Comlink.wrap<EngineApi>(this.worker);
      this.datasetSent = false;
    }
    return this.api;
  }

  /**
   * Runs a call that can be cancelled: cancel() rejects it with CancelledByUser. A `watched`
   * call (reading files) is also stopped with StalledTask when it reports no progress
   * (`progress()`) for the stall budget.
   */
  private run<T>(call: (api: Comlink.Remote<EngineApi>) => Promise<T>, watched = false): Promise<T> {
    const api = this.remote();
    return new Promise<T>((resolve, reject) => {
      this.rejectRunning = reject;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const touch = (): void => {
        if (timer !== null) clearTimeout(timer);
        const budget = this.stallMs();
        timer = setTimeout(() => {
          if (this.rejectRunning === reject) this.fail(new StalledTask(budget));
        }, budget);
      };
      if (watched) {
        this.touchRunning = touch;
        touch();
      }
      call(api).then(resolve, (error: unknown) => {
        reject(error instanceof Error ? error : new Error(String(error)));
      }).finally(() => {
        if (timer !== null) clearTimeout(timer);
        if (this.touchRunning === touch) this.touchRunning = null;
        if (this.rejectRunning === reject) this.rejectRunning = null;
      });
    });
  }

  /** A progress callback that also tells the stall watch the task is alive. */
  private alive(onProgress?: ProgressCallback): ProgressCallback {
    return (step, fraction) => {
      this.touchRunning?.();
      onProgress?.(step, fraction);
    };
  }

  preview(files: SourceFile[]): Promise<FilePreview[]> {
    return this.run((api) => api.preview(files), true);
  }

  /**
   * Imports in the worker. The dataset comes back packed and is unpacked here in slices between
   * which the page handles its events (and Cancel): no long task, whatever the size.
   */
  async importFiles(files: SourceFile[], options: ImportOptions, onProgress?: ProgressCallback): Promise<ImportOutcome> {
    const progress = this.alive(onProgress);
    const outcome = await this.run(async (api) => {
      const result = (await api.importFiles(files, options, Comlink.proxy(progress))) as PackedImportOutcome;
      if (!result.ok) return fail(result.issues);
      const dataset = await unpackDatasetInSlices(result.value, { between: yieldToPage, onProgress: (f: number) => progress('unpacking the network', f) });
      rememberPacked(dataset, result.value);
      return ok(dataset, result.issues);
    }, true);
    // The worker now holds this dataset: analysing it needs no copy back.
    if (outcome.ok) {
      this.dataset = outcome.value;
      this.datasetSent = true;
    }
    return outcome;
  }

  importSurvey(input: SurveyFilesInput): Promise<SurveyFilesResult> {
    return this.run((api) => api.importSurvey(input) as Promise<SurveyFilesResult>, true);
  }

  importNetworkCanvas(input: NetworkCanvasFilesInput): Promise<Result<NetworkCanvasFiles>> {
    return this.run((api) => api.importNetworkCanvas(input) as Promise<Result<NetworkCanvasFiles>>, true);
  }

  importSystemMap(files: SystemMapSourceFile[], name?: string): Promise<SystemMapImportResult> {
    return this.run((api) => api.importSystemMap(files, name) as Promise<SystemMapImportResult>, true);
  }

  analyzeSystemMap(map: SystemMap, people?: Dataset): Promise<SystemMapReport> {
    return this.run((api) => api.analyzeSystemMap(map, people) as Promise<SystemMapReport>);
  }

  setDataset(dataset: Dataset): void {
    if (dataset === this.dataset) return;
    this.dataset = dataset;
    this.datasetSent = false;
  }

  async addProgramFiles(dataset: Dataset, files: Array<SourceFile & { kind: ProgramFileKind }>, decisions: ResolutionDecision[]): Promise<ProgramFilesResult> {
    const result = await this.run((api) => api.addProgramFiles(dataset, files, decisions) as Promise<ProgramFilesResult>, true);
    if (result.ok) {
      this.dataset = result.value;
      this.datasetSent = true;
    }
    return result;
  }

  matchMentors(input: MatchFilesInput): Promise<MatchFilesResult> {
    return this.run(async (api) => {
      await this.sendDataset(api);
      return api.matchMentors(input) as Promise<MatchFilesResult>;
    });
  }

  /** Peer circles of `dataset`'s people formed in the worker, with a step at the start and the end; Cancel stops it. */
  formCircles(dataset: Dataset, request: ProjectCirclesRequest, onProgress: ProgressCallback): Promise<Result<CirclesResult>> {
    this.setDataset(dataset);
    return this.run(async (api) => {
      await this.sendDataset(api);
      return api.formCircles(request, Comlink.proxy(onProgress)) as Promise<Result<CirclesResult>>;
    });
  }

  /** The ladder and the ledger of `dataset` computed again in the worker. */
  programParts(dataset: Dataset, options: ProgramPartsOptions): Promise<ProgramParts> {
    this.setDataset(dataset);
    return this.run(async (api) => {
      await this.sendDataset(api);
      return api.programParts(options) as Promise<ProgramParts>;
    });
  }

  readResults(added: SourceFile[], kept: StoredResultsFile[]): Promise<Result<ResultsFilesRead>> {
    return this.run((api) => api.readResults(added, kept) as Promise<Result<ResultsFilesRead>>, true);
  }

  /** Results analysed in the worker against `map` and `dataset`'s people. */
  analyzeResults(dataset: Dataset, set: ResultsSet, map: SystemMap | null, options: ResultsOptionsInput): Promise<ResultsReport> {
    this.setDataset(dataset);
    return this.run(async (api) => {
      await this.sendDataset(api);
      return api.analyzeResults(set, map, options) as Promise<ResultsReport>;
    });
  }

  importLedger(dataset: Dataset, file: SourceFile): Promise<Result<LedgerImport>> {
    this.setDataset(dataset);
    return this.run(async (api) => {
      await this.sendDataset(api);
      return api.importLedger(file) as Promise<Result<LedgerImport>>;
    }, true);
  }

  importAbilities(file: SourceFile): Promise<Result<AbilitiesImport>> {
    return this.run(async (api) => {
      await this.sendDataset(api);
      return api.importAbilities(file) as Promise<Result<AbilitiesImport>>;
    }, true);
  }

  analyze(options: AnalysisOptions, onProgress: ProgressCallback): Promise<AnalysisResult> {
    return this.run(async (api) => {
      if (this.dataset === null) throw new Error('Load a dataset before analysing.');
      await this.sendDataset(api);
      // In parts, a turn of the page's event loop between two: one message of a big result
      // was a long task to read.
      const id = await api.analyzeInParts(options, Comlink.proxy(onProgress));
      return (await takeInParts(() => api.nextResultParts(id))) as AnalysisResult;
    });
  }

  /**
   * The files of one export of `dataset`'s project, written in the worker with progress (and,
   * when sharing changes something, from the shared network analysed there). Cancel stops it.
   */
  exportFiles(dataset: Dataset, request: ExportRequest, onProgress: ProgressCallback): Promise<ExportMade> {
    this.setDataset(dataset);
    return this.run(async (api) => {
      await this.sendDataset(api);
      return api.exportFiles(request, Comlink.proxy(onProgress)) as Promise<ExportMade>;
    });
  }

  /**
   * Member packets of `dataset` as its sharing settings allow, made in the worker; the analysis
   * on screen (recalled there by `request.analysedWith`) is reused when everyone is named.
   * Cancel stops it.
   */
  memberPackets(dataset: Dataset, request: PacketsRequest, onProgress: ProgressCallback): Promise<PacketsMade> {
    this.setDataset(dataset);
    return this.run(async (api) => {
      await this.sendDataset(api);
      return api.memberPackets(request, Comlink.proxy(onProgress)) as Promise<PacketsMade>;
    });
  }

  /**
   * The HTML report of `dataset` as its sharing settings allow, made in the worker (consent,
   * analysis, layout, rendering) with progress; the analysis on screen (recalled there by
   * `request.analysedWith`) is reused when sharing changes nothing. Cancel stops it.
   */
  htmlReport(dataset: Dataset, request: ReportRequest, onProgress: ProgressCallback): Promise<ReportFile> {
    this.setDataset(dataset);
    return this.run(async (api) => {
      await this.sendDataset(api);
      return api.htmlReport(request, Comlink.proxy(onProgress)) as Promise<ReportFile>;
    });
  }

  /**
   * `dataset` with its codes replaced by the names in a key, worked out in the worker (unpacked
   * here in slices); a key that does not fit comes back as its problems.
   */
  restoreNames(dataset: Dataset, keyText: string, file: string): Promise<ImportOutcome> {
    this.setDataset(dataset);
    return this.run(async (api) => {
      await this.sendDataset(api);
      const result = (await api.restoreNames(keyText, file)) as PackedImportOutcome;
      if (!result.ok) return fail(result.issues);
      return ok(await unpackDatasetInSlices(result.value, { between: yieldToPage }), result.issues);
    });
  }

  /**
   * Hands the worker the current dataset, packed, unless it holds it already: in parts (columns
   * as moved copies of a megabyte, long lists in slices), a turn of the page's event loop between
   * two, as one message of a big dataset was a long task.
   */
  private async sendDataset(api: Comlink.Remote<EngineApi>): Promise<void> {
    if (this.datasetSent || this.dataset === null) return;
    const dataset = this.dataset;
    await sendInParts(packedOf(dataset), DATASET_PART_WEIGHT, (batch, first) => api.stageDataset(batch.parts, first));
    await api.setStagedDataset();
    // Another dataset set meanwhile is sent at the next call.
    if (this.dataset === dataset) this.datasetSent = true;
  }

  get busy(): boolean {
    return this.rejectRunning !== null;
  }

  /** Stops whatever the worker is doing. */
  cancel(): void {
    this.fail(new CancelledByUser());
  }

  private fail(error: Error): void {
    const reject = this.rejectRunning;
    this.rejectRunning = null;
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    reject?.(error);
  }
}
