/**
 * The HTML report from a project's dataset and its sharing settings, as the app makes it in its
 * worker: each member's consent (the column, overridden by the choices made per person) applied
 * first, people who are out left out and the unnamed written as "a member" before anything is
 * computed, codes instead of names when the project pseudonymises (the key comes back to be
 * saved apart). The analysis is run again on the shared dataset when anything changed; the
 * analysis already made is used as it is when everyone is named. The project's stored positions
 * follow each person to their shared id, so the map looks as the weaver left it.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { SharingSettings } from '../../core/model/project.ts';
import type { RunHooks } from '../../core/util/cancel.ts';
import type { AnalysisResult } from '../../analysis/analysis-result.ts';
import type { SystemMapReport } from '../../features/systemmap/analyze-systemmap.ts';
import type { ResultsReport } from '../../features/results/analyze-results.ts';
import { consentedDataset, projectConsent } from '../../features/sharing/consent.ts';
import { pseudonymise } from '../../features/sharing/pseudonymise.ts';
import { renderReport } from './render-report.ts';
import type { Point, ReportHtmlOptions } from './report-input.ts';

export interface SharedReportInput {
  dataset: Dataset;
  sharing: Pick<SharingSettings, 'consentColumn' | 'consent' | 'pseudonymise' | 'keepAttributes'> & { codeSecret?: string };
  /**
   * The analysis of `dataset` as it is, if there is one: asked for only when sharing changes
   * nothing (the app's worker recalls it rather than have the page send it).
   */
  analysis: () => Promise<AnalysisResult | null>;
  /** Runs the analysis of the shared dataset (with the project's options, where the caller runs it). */
  analyze: (dataset: Dataset) => Promise<AnalysisResult>;
  /** The project's map positions by person id (`project.layout`); people without one are laid out. */
  layout?: Readonly<Record<string, readonly [number, number]>>;
  /** The project's system map, analysed. */
  systemMap?: SystemMapReport | null;
  /** The project's results joined to its map and to `dataset` as it is: people in it are named as consent allows. */
  results?: ResultsReport | null;
}

export interface ReportMade {
  /** The report file's text. */
  html: string;
  /** The key linking codes to names, when pseudonymised: a separate file to keep. */
  keyCsv: string | null;
  named: number;
  unnamed: number;
  leftOut: number;
}

export async function sharedReport(input: SharedReportInput, options: Partial<ReportHtmlOptions> = {}, hooks?: RunHooks): Promise<ReportMade> {
  hooks?.onProgress?.('applying consent', 0);
  const { byPerson } = projectConsent(input.dataset.people, input.sharing);
  const secret = input.sharing.codeSecret ? { secret: input.sharing.codeSecret } : {};
  const consented = consentedDataset(input.dataset, byPerson, secret);
  // Each person kept, and the id they have in the shared dataset.
  const idOf = new Map<string, string>();
  for (const person of input.dataset.people) if (byPerson.get(person.id) !== 'out') idOf.set(person.id, consented.codes.get(person.id) ?? person.id);
  let dataset = consented.dataset;
  let keyCsv: string | null = null;
  if (input.sharing.pseudonymise) {
    const coded = pseudonymise(dataset, { keep: input.sharing.keepAttributes, ...secret });
    for (const [id, shared] of idOf) idOf.set(id, coded.codes.get(shared) ?? shared);
    dataset = coded.dataset;
    keyCsv = coded.keyCsv;
  }
  const changed = consented.leftOut > 0 || consented.unnamed > 0 || input.sharing.pseudonymise;
  const kept = changed ? null : await input.analysis();
  const result = kept ?? (await input.analyze(dataset));
  const positions: Record<string, Point> = {};
  for (const [id, [x, y]] of Object.entries(input.layout ?? {})) {
    const shared = idOf.get(id);
    if (shared !== undefined) positions[shared] = { x, y };
  }
  const labels = new Map(input.dataset.people.map((p) => [p.id, p.label || p.id]));
  const byLabel = new Map(input.dataset.people.map((p) => [(p.label || p.id).trim().toLowerCase(), p.id]));
  const unnamed = new Set<string>();
  for (const [id, shared] of idOf) if (consented.codes.has(id)) unnamed.add(shared);
  const html = renderReport(
    {
      dataset,
      result,
      positions,
      unnamed,
      ...(changed ? { sharing: { leftOut: consented.leftOut, unnamed: consented.unnamed, pseudonymised: input.sharing.pseudonymise } } : {}),
      ...(input.systemMap ? { systemMap: input.systemMap } : {}),
      ...(input.results
        ? {
            results: input.results,
            // Named only when they agreed and the report does not use codes; "a member" otherwise; left out when out.
            personName: (id: string | null, label: string) => {
              const who = id !== null && labels.has(id) ? id : byLabel.get(label.trim().toLowerCase());
              if (who === undefined) return undefined;
              const consent = byPerson.get(who);
              if (consent === 'out' || !idOf.has(who)) return null;
              return consent === 'named' && !input.sharing.pseudonymise ? (labels.get(who) ?? who) : 'a member';
            },
          }
        : {}),
    },
    options,
    hooks,
  );
  return { html, keyCsv, named: dataset.people.length - consented.unnamed, unnamed: consented.unnamed, leftOut: consented.leftOut };
}
