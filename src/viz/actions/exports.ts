/**
 * What the Export menu offers, declared as data, and the files each choice makes: pure
 * functions of the project and its analysis (the app hands the files to the browser). The map
 * picture is the one export drawn from the screen, not from data.
 */
import type { Project } from '../../engine/core/model/project.ts';
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';
import { peopleCsv } from '../../engine/export/people-csv.ts';
import { exportGraphFromResult } from '../../engine/export/from-analysis.ts';
import { toGexf } from '../../engine/io/gexf-writer.ts';
import { xmlReplacedCount } from '../../engine/io/export-graph.ts';
import { toGraphml } from '../../engine/io/graphml-writer.ts';
import { pajekEnding, toPajek } from '../../engine/io/pajek-writer.ts';
import { toGml } from '../../engine/io/gml-writer.ts';
import { toGraphologyJson } from '../../engine/io/graphology-json-writer.ts';
import { toUcinetDl } from '../../engine/io/ucinet-dl-writer.ts';
import { toKumuWorkbook } from '../../engine/io/kumu-writer.ts';
import { toCsv } from '../../engine/io/csv-cells.ts';
import { serializeProject } from '../../engine/project/project-file.ts';
import { factorsCsv, kumuJson, linksCsv, systemMapGraphml } from '../../engine/features/systemmap/export.ts';
import { INTRODUCTION_KINDS } from '../components/insight-words.ts';

export interface DownloadFile {
  name: string;
  /** Text, or the bytes of a binary file (a workbook). */
  content: string | Uint8Array;
  type: string;
  /** What the file could not hold as it was, said to the user when it is saved. */
  note?: string;
}

export type ExportKind = 'people-csv' | 'gexf' | 'graphml' | 'pajek' | 'gml' | 'graphology' | 'ucinet' | 'kumu' | 'map-png' | 'project' | 'systemmap-csv' | 'systemmap-kumu' | 'systemmap-graphml';

/** Formats other tools open, written from the same graph as GEXF and GraphML. */
const GRAPH_WRITERS = {
  gml: { write: toGml, ending: 'gml' },
  graphology: { write: toGraphologyJson, ending: 'graphology.json' },
  ucinet: { write: toUcinetDl, ending: 'dl' },
} as const;

/** What an export needs before it can run. */
export type ExportNeeds = 'analysis' | 'project' | 'system-map';

export const EXPORTS: ReadonlyArray<{ kind: ExportKind; label: string; needs: ExportNeeds }> = [
  { kind: 'people-csv', label: 'People and metrics (CSV)', needs: 'analysis' },
  { kind: 'gexf', label: 'Network for Gephi (GEXF)', needs: 'analysis' },
  { kind: 'graphml', label: 'Network as GraphML (yEd, Cytoscape, SocNetV)', needs: 'analysis' },
  { kind: 'graphology', label: 'Network for Gephi Lite (graphology JSON)', needs: 'analysis' },
  { kind: 'pajek', label: 'Network for Pajek (.paj: groups as partitions, measures as vectors)', needs: 'analysis' },
  { kind: 'gml', label: 'Network as GML (igraph, networkx)', needs: 'analysis' },
  { kind: 'ucinet', label: 'Network for UCINET (DL)', needs: 'analysis' },
  { kind: 'kumu', label: 'Network for Kumu (Excel workbook)', needs: 'analysis' },
  { kind: 'map-png', label: 'Map picture (PNG)', needs: 'analysis' },
  { kind: 'project', label: 'Whole project (.netweave.json)', needs: 'project' },
  { kind: 'systemmap-csv', label: 'System map: links and factors (CSV)', needs: 'system-map' },
  { kind: 'systemmap-kumu', label: 'System map for Kumu (JSON)', needs: 'system-map' },
  { kind: 'systemmap-graphml', label: 'System map as GraphML', needs: 'system-map' },
];

/** Whether an export can run now. */
export function exportAvailable(needs: ExportNeeds, project: Project | null, analysis: AnalysisResult | null): boolean {
  if (needs === 'analysis') return project !== null && analysis !== null;
  if (needs === 'project') return project !== null;
  return Boolean(project?.systemMap);
}

/** A name safe for a file: letters, digits, dots and dashes, at most 60 characters. */
export function fileSafe(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'netweave';
}

/** The files one export makes (empty when it cannot run, and for the map picture, drawn by the map). */
export function exportFiles(kind: ExportKind, project: Project, analysis: AnalysisResult | null): DownloadFile[] {
  const base = fileSafe(project.name);
  const xml = 'application/xml';
  switch (kind) {
    case 'people-csv':
      return analysis ? [{ name: `${base}-metrics.csv`, content: peopleCsv(project.dataset, analysis), type: 'text/csv' }] : [];
    case 'gexf':
    case 'graphml': {
      if (!analysis) return [];
      const graph = exportGraphFromResult(project.dataset, analysis);
      const replaced = xmlReplacedCount(graph);
      return [
        {
          name: `${base}.${kind}`,
          content: kind === 'gexf' ? toGexf(graph) : toGraphml(graph),
          type: xml,
          ...(replaced > 0 ? { note: `${replaced.toLocaleString('en')} character${replaced === 1 ? '' : 's'} in names or attributes cannot be written in XML at all (control characters and the like) and ${replaced === 1 ? 'was' : 'were'} written as \uFFFD in ${base}.${kind}` } : {}),
        },
      ];
    }
    case 'kumu': {
      if (!analysis) return [];
      const graph = exportGraphFromResult(project.dataset, analysis);
      return [{ name: `${base}.kumu.xlsx`, content: toKumuWorkbook(graph), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }];
    }
    case 'pajek': {
      if (!analysis) return [];
      // A project (.paj) with attributes and measures as partitions and vectors; a bare network is a .net.
      const graph = exportGraphFromResult(project.dataset, analysis);
      return [{ name: `${base}.${pajekEnding(graph)}`, content: toPajek(graph, { name: project.name }), type: 'text/plain' }];
    }
    case 'gml':
    case 'graphology':
    case 'ucinet': {
      if (!analysis) return [];
      const graph = exportGraphFromResult(project.dataset, analysis);
      const { write, ending } = GRAPH_WRITERS[kind];
      return [{ name: `${base}.${ending}`, content: write(graph), type: kind === 'graphology' ? 'application/json' : 'text/plain' }];
    }
    case 'project':
      return [{ name: `${base}.netweave.json`, content: serializeProject(project), type: 'application/json' }];
    case 'systemmap-csv':
    case 'systemmap-kumu':
    case 'systemmap-graphml': {
      const map = project.systemMap;
      if (!map) return [];
      const name = fileSafe(map.name || project.name);
      if (kind === 'systemmap-csv') {
        return [
          { name: `${name}-links.csv`, content: linksCsv(map), type: 'text/csv' },
          { name: `${name}-factors.csv`, content: factorsCsv(map), type: 'text/csv' },
        ];
      }
      return kind === 'systemmap-kumu' ? [{ name: `${name}.kumu.json`, content: kumuJson(map), type: 'application/json' }] : [{ name: `${name}.graphml`, content: systemMapGraphml(map), type: xml }];
    }
    default:
      return [];
  }
}

/** The introductions list with what was done about each, spreadsheet-safe. */
export function introductionsFile(project: Project, analysis: AnalysisResult): DownloadFile & { content: string } {
  const rows = analysis.introductions.map((s) => [INTRODUCTION_KINDS[s.kind]?.name ?? s.kind, s.sourceLabel, s.targetLabel, s.reason, project.weaving[s.id] ?? 'open', s.score]);
  return { name: `${fileSafe(project.name)}-introductions.csv`, content: toCsv(['introduction', 'person', 'introduce to', 'reason', 'status', 'score'], rows) + '\n', type: 'text/csv' };
}
