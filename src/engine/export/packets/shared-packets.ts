/**
 * Member packets from a project's dataset and its sharing settings, as the app makes them in its
 * worker: each member's consent (the column, overridden by the choices made per person) applied
 * first, people who are out left out and the unnamed written as "a member" before anything is
 * computed; the analysis is run again on that dataset when anyone is out or not named, and the
 * analysis already made is used as it is when everyone is named. Pseudonyms do not apply: a
 * packet is addressed to a member by name.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { SharingSettings } from '../../core/model/project.ts';
import type { RunHooks } from '../../core/util/cancel.ts';
import type { AnalysisResult } from '../../analysis/analysis-result.ts';
import { consentedDataset, projectConsent } from '../../features/sharing/consent.ts';
import { memberPackets, type MemberPackets } from './member-packets.ts';
import type { PacketOptions } from './packet-options.ts';

/** What the page gets back: the zip and the counts (the pages themselves stay in the zip). */
export type PacketsMade = Omit<MemberPackets, 'files'>;

export interface SharedPacketsInput {
  dataset: Dataset;
  sharing: Pick<SharingSettings, 'consentColumn' | 'consent'> & { codeSecret?: string };
  /**
   * The analysis of `dataset` as it is, if there is one: asked for only when consent changes
   * nothing (the app's worker recalls it rather than have the page send it).
   */
  analysis: () => Promise<AnalysisResult | null>;
  /** Runs the analysis of the shared dataset (with the project's options, where the caller runs it). */
  analyze: (dataset: Dataset) => Promise<AnalysisResult>;
}

export async function sharedPackets(input: SharedPacketsInput, options: PacketOptions = {}, hooks?: RunHooks): Promise<PacketsMade> {
  hooks?.onProgress?.('applying consent', 0);
  const { byPerson } = projectConsent(input.dataset.people, input.sharing);
  const shared = consentedDataset(input.dataset, byPerson, input.sharing.codeSecret ? { secret: input.sharing.codeSecret } : {});
  const changed = shared.leftOut > 0 || shared.unnamed > 0;
  const kept = changed ? null : await input.analysis();
  const result = kept ?? (await input.analyze(shared.dataset));
  const { files: _pages, ...made } = memberPackets({ dataset: shared.dataset, result, unnamed: new Set(shared.codes.values()), leftOut: shared.leftOut }, options, hooks);
  return made;
}
