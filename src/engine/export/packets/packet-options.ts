/**
 * What member packets are made from and how: the input (the shared dataset and its analysis,
 * who may not be named) and the options, with every default in one place.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { AnalysisResult } from '../../analysis/analysis-result.ts';

export interface PacketInput {
  /**
   * The dataset analysed, as it may be shared (`consentedDataset`): the people who are out are
   * already left out, the people not to be named already "a member".
   */
  dataset: Dataset;
  /** The analysis of exactly that dataset. */
  result: AnalysisResult;
  /**
   * Ids (in `dataset`) of the people counted but not named. Anyone labelled "a member" is treated
   * as not named too, so a dataset from `consentedDataset` needs nothing here. Default: none.
   */
  unnamed?: ReadonlySet<string>;
  /** How many people were left out before the analysis (said on the index page). Default 0. */
  leftOut?: number;
}

export interface PacketOptions {
  /** The weaver's own note, plain text (line breaks kept), at the top of every page. */
  note?: string;
  /** Who made the packets, as the pages say it ("Ana Lima, Riverbend Climate Coalition"). */
  madeBy?: string;
  /** What the network is called on the pages. Default: the dataset's name. */
  networkName?: string;
  /** The date written on the pages, as given ("7 December 2026"). Default: none. */
  date?: string;
  /** Most people listed by name in a circle (the rest are counted). */
  circleLimit?: number;
  /** Most introductions on one page. */
  introductionLimit?: number;
  /** Whether the zip holds index.html, the list of who got a packet, for the weaver. */
  index?: boolean;
  /** The files' time in the zip. Default: now. */
  modified?: Date;
}

export const PACKET_DEFAULTS = {
  madeBy: 'your network weaver',
  circleLimit: 30,
  introductionLimit: 5,
  index: true,
} as const;

export type ResolvedPacketOptions = Required<Omit<PacketOptions, 'note' | 'date' | 'modified' | 'networkName'>> & Pick<PacketOptions, 'note' | 'date'> & { networkName: string; modified: Date };

export function resolvePacketOptions(input: PacketInput, options: PacketOptions = {}): ResolvedPacketOptions {
  return {
    ...PACKET_DEFAULTS,
    ...definedOnly(options),
    madeBy: options.madeBy?.trim() || PACKET_DEFAULTS.madeBy,
    networkName: options.networkName?.trim() || input.dataset.name,
    modified: options.modified ?? new Date(),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
