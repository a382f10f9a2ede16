/**
 * Analyses already made for the dataset in hand, keyed by their options, so that going back to a
 * relation layer, a direction or a wave seen before in this project is instant instead of another
 * run of every shortest-path pass. A new dataset empties it. Results are kept as copies: the
 * worker hands each result's typed arrays over to the page (transfer empties them), so what is
 * kept, and what is given out again, must be buffers of their own.
 */
import type { Dataset } from '../core/model/dataset.ts';
import type { AnalysisOptions } from './analysis-options.ts';
import type { AnalysisResult } from './analysis-result.ts';

export interface ResultCacheOptions {
  /** Analyses kept at most; the least recently used goes first. */
  size: number;
  /** Bytes of columns and tie arrays kept at most: a network of a million ties keeps fewer analyses. */
  maxBytes: number;
}

export const RESULT_CACHE_DEFAULTS: ResultCacheOptions = { size: 4, maxBytes: 192 * 1024 * 1024 };

/** The bytes of a result's typed arrays (its bulk). */
export function resultBytes(result: AnalysisResult): number {
  const columns = Object.values(result.table.columns).reduce((sum, c) => sum + (c?.byteLength ?? 0), 0);
  return columns + result.edgeSource.byteLength + result.edgeTarget.byteLength + result.edgeWeight.byteLength + result.edgeRelations.byteLength;
}

/** The options as a key: object keys sorted, Maps and Sets as sorted entries, so equal options give one key. */
export function optionsKey(options: AnalysisOptions): string {
  const { importWarnings: _warnings, ...rest } = options;
  return JSON.stringify(rest, (_key, value: unknown) => {
    if (value instanceof Map) return { '~map': [...value].sort((a, b) => String(a[0]).localeCompare(String(b[0]))) };
    if (value instanceof Set) return { '~set': [...value].map(String).sort() };
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value)) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return value;
  });
}

/** A copy whose typed arrays have buffers of their own (the rest is shared: it is never changed). */
export function copyResult(result: AnalysisResult): AnalysisResult {
  const columns = Object.fromEntries(Object.entries(result.table.columns).map(([k, c]) => [k, c.slice()])) as AnalysisResult['table']['columns'];
  return {
    ...result,
    table: { ...result.table, columns },
    edgeSource: result.edgeSource.slice(),
    edgeTarget: result.edgeTarget.slice(),
    edgeWeight: result.edgeWeight.slice(),
    edgeRelations: result.edgeRelations.slice(),
  };
}

export interface ResultCache {
  /** A copy of the analysis of `dataset` with `options`, if one was kept. */
  get(dataset: Dataset, options: AnalysisOptions): AnalysisResult | undefined;
  /** Keeps a copy of `result`, the analysis of `dataset` with `options`. */
  set(dataset: Dataset, options: AnalysisOptions, result: AnalysisResult): void;
  clear(): void;
  readonly size: number;
}

export function createResultCache(options: Partial<ResultCacheOptions> = {}): ResultCache {
  const { size, maxBytes } = { ...RESULT_CACHE_DEFAULTS, ...options };
  let of: Dataset | null = null;
  const kept = new Map<string, AnalysisResult>();
  return {
    get(dataset, analysisOptions) {
      if (dataset !== of) return undefined;
      const key = optionsKey(analysisOptions);
      const hit = kept.get(key);
      if (hit === undefined) return undefined;
      // Most recently used last.
      kept.delete(key);
      kept.set(key, hit);
      return copyResult(hit);
    },
    set(dataset, analysisOptions, result) {
      if (size <= 0) return;
      if (dataset !== of) {
        kept.clear();
        of = dataset;
      }
      const bytes = resultBytes(result);
      if (bytes > maxBytes) return;
      const key = optionsKey(analysisOptions);
      kept.delete(key);
      kept.set(key, copyResult(result));
      const total = () => [...kept.values()].reduce((sum, r) => sum + resultBytes(r), 0);
      while (kept.size > size || total() > maxBytes) kept.delete(kept.keys().next().value!);
    },
    clear() {
      kept.clear();
      of = null;
    },
    get size() {
      return kept.size;
    },
  };
}
