/**
 * `netweave report`: the self-contained HTML report from the same inputs as `analyze`. Reading,
 * consent and analysis are analyze's (`analyzeInputs`, handed in by src/cli.ts so that this file
 * does not import it back); this file checks the report's own flags, lays out and renders with
 * the engine, shows the layout's progress on standard error and writes the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from './engine/core/util/issues.ts';
import type { ResultsReport } from './engine/features/results/analyze-results.ts';
import type { Dataset } from './engine/core/model/dataset.ts';
import type { AnalysisResult } from './engine/analysis/analysis-result.ts';
import { renderReport } from './engine/export/report-html/render-report.ts';
import { SECTION_IDS, sectionChoices, unknownSections } from './engine/export/report-html/section-catalogue.ts';
import type { ReportInput } from './engine/export/report-html/report-input.ts';

/** The flags the report reads itself (the rest are analyze's). */
export interface ReportFlags {
  sections?: string;
  title?: string;
  intro?: string;
  out?: string;
  /** A results report written by `netweave results` (JSON), for the results section. */
  'results-report'?: string;
}

/** What the inputs became (src/cli.ts's `Analysed`, as far as the report needs it). */
export interface ReportAnalysed {
  dataset: Dataset;
  result: AnalysisResult;
  sharing?: { named: number; unnamed: number; leftOut: number; pseudonymised: boolean };
}

export interface ReportCommand<V extends ReportFlags> {
  /** analyze's reading and analysing of the inputs. */
  analyze(values: V, inputs: string[]): Promise<ReportAnalysed>;
  /** A mistake in the command line (exit code 2). */
  usage(message: string): Error;
}

/** `--sections a,b,c` as ids; a usage error names the unknown ones and lists the valid ones. */
export function sectionFlag(value: string | undefined, usage: (message: string) => Error): string[] | null {
  if (value === undefined) return null;
  const ids = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length === 0) throw usage(`--sections expects section names separated by commas: ${SECTION_IDS.join(', ')}.`);
  const unknown = unknownSections(ids);
  if (unknown.length > 0) throw usage(`--sections: no section is called ${unknown.map((id) => `"${id}"`).join(', ')}. The sections are: ${SECTION_IDS.join(', ')}.`);
  return ids;
}

/** Progress on standard error: "laying out the map: 40%", one line rewritten on a terminal. */
function progressLine(): { onProgress: (step: string, fraction: number) => void; done: () => void } {
  let last = -1;
  const tty = process.stderr.isTTY === true;
  return {
    onProgress(step, fraction) {
      if (step !== 'layout') return;
      const percent = Math.floor(fraction * 10) * 10;
      if (percent === last) return;
      last = percent;
      process.stderr.write(`${tty ? '\r' : ''}netweave: laying out the map: ${percent}%${tty ? '' : '\n'}`);
    },
    done() {
      if (tty && last >= 0) process.stderr.write('\n');
    },
  };
}

/**
 * `--results-report F`: the JSON `netweave results` wrote. It names people as the results files
 * wrote them, so it is refused with consent or pseudonyms (the app's report applies consent to it).
 */
function readResultsReport(path: string): ResultsReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError([{ level: 'error', code: 'invalid-json', file: path, message: `cannot be read as JSON (${(error as Error).message})` }]);
  }
  const report = data as Partial<ResultsReport> | null;
  if (report === null || typeof report !== 'object' || report.format !== 'netweave-results-report' || report.version !== 1 || !Array.isArray(report.results) || !Array.isArray(report.commitments)) {
    throw new InputError([{ level: 'error', code: 'not-results-report', file: path, message: 'is not a results report written by netweave results (--out results.json)' }]);
  }
  return report as ResultsReport;
}

export async function runReport<V extends ReportFlags>(values: V, inputs: string[], command: ReportCommand<V>): Promise<void> {
  const sections = sectionFlag(values.sections, command.usage);
  if (values.out === undefined) throw command.usage('netweave report needs --out FILE (e.g. --out report.html).');
  const resultsPath = values['results-report'];
  const results = resultsPath !== undefined ? readResultsReport(resultsPath) : undefined;
  const { dataset, result, sharing } = await command.analyze(values, inputs);
  if (results !== undefined && sharing !== undefined) throw command.usage('--results-report names people as the results files wrote them, so it cannot go with --consent or --pseudonymise; the app\'s report applies consent to results.');
  const input: ReportInput = {
    dataset,
    result,
    ...(sharing ? { sharing: { leftOut: sharing.leftOut, unnamed: sharing.unnamed, pseudonymised: sharing.pseudonymised } } : {}),
    ...(results ? { results } : {}),
  };
  if (sections !== null) {
    const missing = sectionChoices(input).filter((c) => sections.includes(c.id) && !c.available);
    for (const c of missing) process.stderr.write(`warning: the section "${c.id}" (${c.title.toLowerCase()}) is left out: the data does not hold it.\n`);
  }
  const progress = progressLine();
  const text = renderReport(input, { sections, ...(values.title !== undefined ? { title: values.title } : {}), ...(values.intro !== undefined ? { intro: values.intro } : {}) }, { onProgress: progress.onProgress });
  progress.done();
  writeFileSync(values.out, text);
  process.stderr.write(`netweave: report of ${result.figures.nodes} people, ${result.figures.edges} ties (${Math.round(text.length / 1024)} kB) -> ${values.out}\n`);
}
