/**
 * What the fuzz harness (harness.ts) sends its worker (fuzz.worker.ts) and gets back: one input
 * file for one reader, and the verdict of running it.
 */

/** One generated or mutated input: the file a reader is given (as raw bytes, like a dropped file). */
export interface FuzzInput {
  /** A reader of readers.ts, e.g. `edges`, `gexf`, `survey`. */
  reader: string;
  /** The file's name (its ending matters to format detection and workbook detection). */
  name: string;
  bytes: Uint8Array;
  /** For generated valid inputs: the graph the reader must give back (round trip). */
  expect?: ExpectedGraph;
}

/** A graph as compared after a round trip: people and ties as canonical strings, sorted. */
export interface ExpectedGraph {
  /** Which of a person's fields identifies them after reading (formats such as Pajek keep labels, not ids). */
  by: 'id' | 'label';
  people: string[];
  /** `source>target|relation|weight`, endpoints sorted for undirected ties; see `tieKey`. */
  ties: string[];
}

export interface Verdict {
  /** ok: the reader gave a result; failed: a typed failure; the rest are faults. */
  outcome: 'ok' | 'failed' | 'hang' | 'crash';
  /** Every broken property, in words (empty when the input was handled properly). */
  problems: string[];
  ms: number;
}

/** The canonical text of a tie, shared by the generators and the checks. */
export function tieKey(source: string, target: string, directed: boolean, relation: string, weight: number): string {
  const [a, b] = directed || source <= target ? [source, target] : [target, source];
  return `${JSON.stringify(a)}${directed ? '>' : '-'}${JSON.stringify(b)}|${relation}|${weight}`;
}
