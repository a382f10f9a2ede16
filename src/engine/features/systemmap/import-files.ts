/**
 * System maps from the files a user drops: causal links (CSV), factors (CSV), actors (CSV),
 * a Kumu JSON blueprint or workbook, or GraphML, each named by what it holds. Never throws.
 */
import type { SourceFile } from '../../io/types.ts';
import { assembleSystemMap, type SystemMapImportResult } from './assemble.ts';
import type { SystemMapPart } from './drafts.ts';
import type { Reading } from '../../core/util/result.ts';
import { parseActorsCsv, parseFactorsCsv, parseLinksCsv } from './import-csv.ts';
import { parseKumuJson } from './import-kumu.ts';
import { kumuWorkbookParts } from './import-kumu-sheets.ts';
import { isWorkbook } from '../../io/workbook-detect.ts';
import type { KumuTypeRoles } from '../../io/kumu-types.ts';
import { parseSystemMapGraphml } from './import-graphml.ts';

export type SystemMapFileKind = 'map-links' | 'map-factors' | 'map-actors' | 'map-kumu' | 'map-graphml';

export const SYSTEM_MAP_KINDS: readonly SystemMapFileKind[] = ['map-links', 'map-factors', 'map-actors', 'map-kumu', 'map-graphml'];

/** A file for a system map: its kind and, for a Kumu file, what each element type is read as. */
export type SystemMapSourceFile = SourceFile & { kind: SystemMapFileKind; typeRoles?: KumuTypeRoles };

export function importSystemMapFiles(files: SystemMapSourceFile[], name?: string): SystemMapImportResult {
  // Factors first, so links can name them; actors last, so works-on entries find both.
  const order: SystemMapFileKind[] = ['map-factors', 'map-kumu', 'map-graphml', 'map-links', 'map-actors'];
  const parts: Reading<SystemMapPart>[] = [];
  for (const kind of order) {
    for (const file of files.filter((f) => f.kind === kind)) {
      if (kind === 'map-factors') parts.push(parseFactorsCsv(file, {}));
      else if (kind === 'map-links') parts.push(parseLinksCsv(file));
      else if (kind === 'map-actors') parts.push(parseActorsCsv(file));
      else if (kind === 'map-kumu') {
        // A Kumu blueprint (JSON) or workbook (Elements and Connections sheets).
        const roles = file.typeRoles ? { typeRoles: file.typeRoles } : {};
        if (isWorkbook(file)) parts.push(...kumuWorkbookParts(file, roles));
        else parts.push(parseKumuJson(file, roles));
      }
      else parts.push(parseSystemMapGraphml(file, {}));
    }
  }
  return assembleSystemMap(parts, { unknownFactors: 'create', ...(name ? { name } : {}) });
}

/** Whether a CSV header row reads like causal links: from/to plus a polarity-like column. */
export function looksLikeCausalLinks(headers: string[], rows: string[][]): boolean {
  const norm = headers.map((h) => h.trim().toLowerCase());
  const hasEnds = norm.some((h) => /^(from|source|cause)$/.test(h)) && norm.some((h) => /^(to|target|effect)$/.test(h));
  if (!hasEnds) return false;
  if (norm.some((h) => /^(polarity|sign|effect type|link type)$/.test(h))) return true;
  // A column whose cells are mostly + / - signs.
  return norm.some((_, c) => {
    const cells = rows.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
    return cells.length > 0 && cells.filter((v) => /^(\+|-|−|\+\+|--|\+-|-\+|positive|negative|same|opposite|s|o)$/i.test(v)).length >= 0.8 * cells.length;
  });
}
