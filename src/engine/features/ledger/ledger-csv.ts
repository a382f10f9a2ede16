/**
 * The ledger as a spreadsheet-safe CSV (`toCsv`: a cell starting with = + - @ gets a leading
 * apostrophe), in the columns `importLedger` reads: date,weaver,personA,personB,level,kind,note
 * and the suggestion id. People are written by name (their label) so the file reads well and comes
 * back to the same people; a name that matched nobody is written as it was given.
 */
import { toCsv } from '../../io/csv-cells.ts';
import type { LedgerEntry } from '../../core/model/ledger.ts';

/** The columns a ledger file has, in order (the export writes them so, the import reads them). */
export const LEDGER_COLUMNS = ['date', 'weaver', 'personA', 'personB', 'level', 'kind', 'note', 'suggestion'] as const;

export function ledgerCsv(entries: readonly LedgerEntry[], labelOf: (id: string) => string = (id) => id): string {
  return toCsv(
    [...LEDGER_COLUMNS],
    entries.map((e) => [e.date, e.weaver, labelOf(e.personA), labelOf(e.personB), e.level, e.kind, e.note, e.suggestion ?? '']),
  );
}
