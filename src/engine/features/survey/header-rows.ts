/**
 * Survey tools that write more than one header row. SurveyMonkey writes the question in row 1
 * (once, over all its answer columns) and the answer option in row 2 ("Response",
 * "Open-Ended Response", or a grid's row label such as "Maria Lopez"). Qualtrics writes short
 * ids in row 1 ("Q2_1"), the question text in row 2 ("Who do you know? - Maria Lopez") and
 * import ids in row 3 (`{"ImportId":"QID2_1"}`). Both become one header row of full questions,
 * grids as `Question [Option]` like Google Forms, so detection sees every tool the same way.
 */
import type { CsvTable } from '../../io/csv-read.ts';

export interface NormalizedSurveyTable {
  table: CsvTable;
  /** Header rows in the file (1 when nothing was merged). */
  headerRows: number;
  /** What was done, in words for the user. */
  notes: string[];
}

const IMPORT_ID = /^\{\s*"ImportId"\s*:/i;
/** SurveyMonkey's labels for a question's only answer column. */
const PLAIN_ANSWER = new Set(['response', 'open-ended response', 'open ended response']);

function isQualtrics(table: CsvTable): number | undefined {
  const probe = table.records.slice(0, 2);
  const at = probe.findIndex((record) => record.cells.filter((c) => IMPORT_ID.test(c)).length >= Math.max(1, record.cells.length / 3));
  return at >= 0 ? at : undefined;
}

function isSurveyMonkey(table: CsvTable): boolean {
  const first = table.records[0];
  if (first === undefined || table.records.length < 2) return false;
  const labels = first.cells.map((c) => c.trim().toLowerCase());
  if (labels.some((c) => PLAIN_ANSWER.has(c))) return true;
  // Blank headers whose second row names an option, and a header row that leaves them blank.
  const blankWithLabel = table.headers.filter((h, i) => h === '' && (first.cells[i] ?? '') !== '').length;
  const labelledHeaders = table.headers.filter((h, i) => h !== '' && (first.cells[i] ?? '') !== '').length;
  return blankWithLabel >= 2 && labelledHeaders >= 1 && blankWithLabel + labelledHeaders >= first.cells.filter((c) => c !== '').length;
}

/** The table with its header rows merged into one; records keep their row numbers. */
export function normalizeSurveyTable(table: CsvTable): NormalizedSurveyTable {
  const qualtrics = isQualtrics(table);
  if (qualtrics !== undefined) {
    const questionRow = qualtrics === 1 ? table.records[0] : undefined;
    const headers = table.headers.map((h, i) => {
      const text = (questionRow?.cells[i] ?? '').trim();
      return text !== '' ? text : h;
    });
    return {
      table: { ...table, headers, records: table.records.slice(qualtrics + 1) },
      headerRows: qualtrics + 2,
      notes: [`the file has ${qualtrics + 2} header rows (a Qualtrics export): the question texts were used as column names`],
    };
  }
  if (isSurveyMonkey(table)) {
    const labels = (table.records[0] as CsvTable['records'][number]).cells;
    let question = '';
    const headers = table.headers.map((h, i) => {
      if (h !== '') question = h;
      const label = (labels[i] ?? '').trim();
      const base = h !== '' ? h : question;
      if (label === '' || PLAIN_ANSWER.has(label.toLowerCase()) || label === base) return base;
      return `${base} [${label}]`;
    });
    return {
      table: { ...table, headers, records: table.records.slice(1) },
      headerRows: 2,
      notes: ['the file has 2 header rows (a SurveyMonkey export): each question was joined with its answer options'],
    };
  }
  return { table, headerRows: 1, notes: [] };
}
