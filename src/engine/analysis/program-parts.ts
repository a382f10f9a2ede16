/**
 * The parts of the Program view a user changes without changing the network: the engagement
 * ladder (its rules, the circles formed) and the weaving ledger (introductions recorded). The
 * analysis computes them with everything else; the app computes them again alone when only
 * they change, so recording an introduction does not run the whole analysis.
 */
import type { Dataset } from '../core/model/dataset.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { ladderSection, type LadderSection } from '../features/ladder/ladder-section.ts';
import { checkLedger, type LedgerSection } from '../features/ledger/stick.ts';
import type { AnalysisOptions } from './analysis-options.ts';

export interface ProgramPartsOptions {
  /** Relation layers whose ties count: the analysis's own (its settings' `relations`). */
  relations: readonly string[];
  ladder?: AnalysisOptions['ladder'];
  ledger?: AnalysisOptions['ledger'];
}

export interface ProgramParts {
  /** Null when the ladder is turned off, or the default ladder has no periods. */
  ladder: LadderSection | null;
  /** Null when no introduction is recorded. */
  ledger: LedgerSection | null;
  /** Ladder rules disabled (a column no one has), named. */
  warnings: InputIssue[];
}

export function programParts(dataset: Dataset, options: ProgramPartsOptions): ProgramParts {
  const ladder = options.ladder === false ? null : ladderSection(dataset, { ...options.ladder, relations: options.relations });
  return {
    ladder: ladder?.ladder ?? null,
    ledger: options.ledger !== undefined && options.ledger.length > 0 ? checkLedger(dataset, options.ledger, { relations: options.relations }) : null,
    warnings: ladder?.warnings ?? [],
  };
}
