/**
 * The relation layers of a UCINET DL or NetDraw VNA file, from the cells each layer holds (a matrix
 * of a DL file, a tie column of a VNA file), to ties. Shared rule: a layer whose cells are
 * symmetric (every a → b has b → a with the same value) is undirected, each pair read once; any
 * other layer is directed, said in one warning. `directed` forces either way: `true` reads every
 * layer as directed; `false` reads every layer as undirected and refuses the pairs whose two
 * directions disagree (in a matrix, any pair whose two cells differ; in a list, a pair listed both
 * ways with different values, since a pair listed one way only is simply an undirected tie).
 * Ties then go through the one rule every importer applies (`mergeTies`: repeated ties merged with
 * their weights added, self-loops kept; both warned about).
 */
import type { Attributes, Relation, Tie } from '../core/model/records.ts';
import type { IssueLog } from '../core/util/issues.ts';
import { mergeTies, type TieDraft } from './merge-ties.ts';
import type { TieOrigin } from './types.ts';

/** One non-zero value of a layer: a tie from person `source` to person `target` (indices). */
export interface LayerCell {
  source: number;
  target: number;
  weight: number;
  /** The line it was read on (1-based). */
  line: number;
  /** The column it was read from, when the format has named columns. */
  field?: string;
  /** Attributes the tie carries (VNA text columns). */
  attributes?: Attributes;
}

export interface LayerDraft {
  /** The relation name. */
  name: string;
  /** Every non-zero value read, in file order; a repeated pair is added up. */
  cells: LayerCell[];
}

export interface LayerOptions {
  file: string;
  /** Undefined: each layer is undirected when symmetric, else directed. */
  directed?: boolean;
  /** What a layer is called in messages: `matrix` (DL) or `column` (VNA). */
  noun: 'matrix' | 'column';
  /**
   * The cells come from a full matrix, where a zero cell is a statement (no tie this way), not
   * a tie left unlisted: an undirected reading then needs every pair equal both ways.
   */
  matrix: boolean;
}

export interface BuiltLayers {
  ties: Tie[];
  origins: TieOrigin[];
  relations: Relation[];
}

/** At most this many pairs are listed one by one when an undirected reading is refused. */
const MAX_LISTED_PAIRS = 10;

interface Asymmetry {
  /** Lower index first. */
  a: number;
  b: number;
  ab: number;
  ba: number;
  cell: LayerCell;
}

interface Found {
  pairs: Asymmetry[];
  count: number;
}

interface Analysis {
  /** The summed value of each cell, keyed `source * size + target`. */
  sums: Map<number, number>;
  /** Pairs present both ways with different values. */
  conflicts: Found;
  /** Pairs present one way only. */
  oneWay: Found;
}

function quoteList(names: readonly string[], limit = 4): string {
  const shown = names.slice(0, limit).map((name) => `"${name}"`);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function record(found: Found, pair: () => Asymmetry): void {
  found.count++;
  if (found.pairs.length < MAX_LISTED_PAIRS) found.pairs.push(pair());
}

/** The summed cells of a layer and the pairs whose two directions differ. Linear in the cells. */
function analyse(cells: readonly LayerCell[], size: number): Analysis {
  const sums = new Map<number, number>();
  for (const cell of cells) {
    const key = cell.source * size + cell.target;
    sums.set(key, (sums.get(key) ?? 0) + cell.weight);
  }
  const conflicts: Found = { pairs: [], count: 0 };
  const oneWay: Found = { pairs: [], count: 0 };
  // The pairs to show are few; the cell each was first read from is looked up afterwards.
  const wanted = new Map<number, Asymmetry>();
  for (const [key, weight] of sums) {
    const source = Math.floor(key / size);
    const target = key - source * size;
    if (source === target) continue;
    const other = sums.get(target * size + source);
    const forward = source < target;
    const pair = (): Asymmetry => {
      const found: Asymmetry = {
        a: Math.min(source, target),
        b: Math.max(source, target),
        ab: forward ? weight : (other ?? 0),
        ba: forward ? (other ?? 0) : weight,
        cell: cells[0] as LayerCell,
      };
      wanted.set(key, found);
      return found;
    };
    if (other === undefined) record(oneWay, pair);
    // A pair present both ways is looked at once, from its lower-index side.
    else if (forward && other !== weight) record(conflicts, pair);
  }
  if (wanted.size > 0) {
    for (let i = cells.length - 1; i >= 0; i--) {
      const cell = cells[i] as LayerCell;
      const found = wanted.get(cell.source * size + cell.target);
      if (found !== undefined) found.cell = cell;
    }
  }
  return { sums, conflicts, oneWay };
}

function where(cell: LayerCell): { row: number; field?: string } {
  return cell.field === undefined ? { row: cell.line } : { row: cell.line, field: cell.field };
}

/** The first pairs of both kinds, in file order, and how many there are. */
function differing(analysis: Analysis, includeOneWay: boolean): Found {
  const pairs = includeOneWay ? analysis.conflicts.pairs.concat(analysis.oneWay.pairs) : analysis.conflicts.pairs.slice();
  pairs.sort((x, y) => x.cell.line - y.cell.line);
  return {
    pairs: pairs.slice(0, MAX_LISTED_PAIRS),
    count: analysis.conflicts.count + (includeOneWay ? analysis.oneWay.count : 0),
  };
}

/**
 * Ties and relations from the layers of one file; `ids[i]` is person i. Issues go to `log`;
 * undefined when the layers cannot be read as asked (an undirected reading of pairs that differ).
 */
export function buildLayers(
  ids: readonly string[],
  layers: readonly LayerDraft[],
  options: LayerOptions,
  log: IssueLog,
): BuiltLayers | undefined {
  const size = Math.max(ids.length, 1);
  const describe = (pair: Asymmetry): string => {
    const a = ids[pair.a] ?? '';
    const b = ids[pair.b] ?? '';
    return `"${a}" → "${b}" is ${pair.ab} while "${b}" → "${a}" is ${pair.ba}`;
  };
  const analyses: Analysis[] = [];
  const directedOf: boolean[] = [];
  const firstDifference: Array<{ layer: string; found: Found }> = [];
  let refused = false;
  for (const layer of layers) {
    const analysis = analyse(layer.cells, size);
    analyses.push(analysis);
    const asymmetric = differing(analysis, true);
    if (options.directed === false) {
      const refusing = differing(analysis, options.matrix);
      if (refusing.count > 0) refused = true;
      const named = layers.length > 1 ? `${options.noun} "${layer.name}" was` : 'the network was';
      for (const pair of refusing.pairs) {
        log.error(
          'asymmetric-matrix',
          `${named} to be read as undirected, yet ${describe(pair)}; make the two equal or import it as directed`,
          where(pair.cell),
        );
      }
      if (refusing.count > refusing.pairs.length) {
        log.error('asymmetric-matrix', `${refusing.count - refusing.pairs.length} more pairs differ between their two directions`);
      }
    }
    if (asymmetric.count > 0) firstDifference.push({ layer: layer.name, found: asymmetric });
    directedOf.push(options.directed ?? asymmetric.count > 0);
  }
  if (refused) return undefined;

  const first = firstDifference[0];
  const firstPair = first?.found.pairs[0];
  if (options.directed === undefined && first !== undefined && firstPair !== undefined) {
    const example = `${describe(firstPair)}${first.found.count > 1 ? `, and ${first.found.count - 1} more pairs differ` : ''}`;
    const undirected = layers.filter((_, i) => directedOf[i] === false).map((layer) => layer.name);
    const hint = options.matrix ? '' : ' (if each tie is listed once and ties have no direction, import the file as undirected)';
    let message: string;
    if (layers.length === 1) {
      message = `the ties are not symmetric (${example}), so they were read as directed${hint}`;
    } else {
      const names = firstDifference.map((entry) => entry.layer);
      const plural = names.length > 1;
      message =
        `${plural ? `${options.noun === 'matrix' ? 'matrices' : 'columns'} ${quoteList(names)} are` : `${options.noun} ${quoteList(names)} is`} not symmetric ` +
        `(in "${first.layer}", ${example}), so ${plural ? 'they were' : 'it was'} read as directed` +
        (undirected.length > 0 ? `; ${quoteList(undirected)} ${undirected.length > 1 ? 'are' : 'is'} symmetric and read as undirected` : '') +
        hint;
    }
    log.warn('asymmetric-matrix', message, where(firstPair.cell));
  }

  const drafts: TieDraft[] = [];
  layers.forEach((layer, index) => {
    const directed = directedOf[index] as boolean;
    const sums = (analyses[index] as Analysis).sums;
    for (const cell of layer.cells) {
      // Undirected: a pair listed both ways is one tie, read from its lower-index side.
      if (!directed && cell.source > cell.target && sums.has(cell.target * size + cell.source)) continue;
      const origin: TieOrigin = { file: options.file, row: cell.line, rowUnit: 'line' };
      if (cell.field !== undefined) origin.targetField = cell.field;
      const tie: Tie = {
        source: ids[cell.source] as string,
        target: ids[cell.target] as string,
        relation: layer.name,
        directed,
        weight: cell.weight,
      };
      if (cell.attributes !== undefined) tie.attributes = cell.attributes;
      drafts.push({ tie, origin });
    }
  });
  const merged = mergeTies(drafts);
  for (const issue of merged.issues) log.issues.push(issue);
  return {
    ties: merged.ties,
    origins: merged.origins,
    relations: layers.map((layer, index) => ({ name: layer.name, directed: directedOf[index] as boolean })),
  };
}
