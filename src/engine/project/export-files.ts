/**
 * The files each export makes: pure functions of the project and its analysis, run in the
 * analysis worker for the app (its page only hands the files to the browser). Shared exports are
 * written from the shared network: people left out are removed before any figure is computed.
 */
import type { Project } from '../core/model/project.ts';
import { ProjectCirclesSchema } from '../core/model/circles.ts';
import { withoutUnnamedDetails } from '../features/sharing/consent.ts';
import { shareDataset, sharingRestricts } from '../features/sharing/share.ts';
import type { AnalysisResult } from '../analysis/analysis-result.ts';
import { peopleCsv } from '../export/people-csv.ts';
import { exportGraphFromResult } from '../export/from-analysis.ts';
import type { ExportGraph } from '../io/export-graph.ts';
import { toGexf } from '../io/gexf-writer.ts';
import { xmlReplacedCount } from '../io/export-graph.ts';
import { toGraphml } from '../io/graphml-writer.ts';
import { pajekEnding, toPajek } from '../io/pajek-writer.ts';
import { toGml } from '../io/gml-writer.ts';
import { toGraphologyJson } from '../io/graphology-json-writer.ts';
import { toUcinetDl } from '../io/ucinet-dl-writer.ts';
import { toKumuWorkbook } from '../io/kumu-writer.ts';
import { toCsv } from '../io/csv-cells.ts';
import { serializeProject } from './project-file.ts';
import { factorsCsv, kumuJson, linksCsv, systemMapGraphml } from '../features/systemmap/export.ts';
import { INTRODUCTION_KINDS } from '../report/insight-words.ts';
import type { Dataset } from '../core/model/dataset.ts';
import { fileSafe, keyFileName, type DownloadFile, type FileExportKind } from './export-kinds.ts';
import type { SystemMap } from '../core/model/systemmap.ts';
import { suggestionId } from '../features/weaving/suggestions.ts';
import { normalizeName } from '../features/systemmap/assemble.ts';

/** How one network format is written from the export graph: its file name's ending, content and type. */
interface NetworkWriter {
  ending: (graph: ExportGraph) => string;
  write: (graph: ExportGraph, projectName: string) => string | Uint8Array;
  type: string;
  /** XML: characters it cannot hold at all are replaced, and the user told how many. */
  xml?: true;
}

/** The network files other tools open, each written from the graph the analysis gives. */
const NETWORK_WRITERS = {
  gexf: { ending: () => 'gexf', write: toGexf, type: 'application/xml', xml: true },
  graphml: { ending: () => 'graphml', write: toGraphml, type: 'application/xml', xml: true },
  // A project (.paj) with attributes and measures as partitions and vectors; a bare network is a .net.
  pajek: { ending: pajekEnding, write: (graph, name) => toPajek(graph, { name }), type: 'text/plain' },
  gml: { ending: () => 'gml', write: toGml, type: 'text/plain' },
  graphology: { ending: () => 'graphology.json', write: toGraphologyJson, type: 'application/json' },
  ucinet: { ending: () => 'dl', write: toUcinetDl, type: 'text/plain' },
  kumu: { ending: () => 'kumu.xlsx', write: toKumuWorkbook, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
} satisfies Record<string, NetworkWriter>;

type NetworkKind = keyof typeof NETWORK_WRITERS;

const isNetworkKind = (kind: FileExportKind): kind is NetworkKind & FileExportKind => Object.hasOwn(NETWORK_WRITERS, kind);

function networkFile(kind: NetworkKind, project: Project, analysis: AnalysisResult): DownloadFile {
  const writer: NetworkWriter = NETWORK_WRITERS[kind];
  const graph = exportGraphFromResult(project.dataset, analysis);
  const name = `${fileSafe(project.name)}.${writer.ending(graph)}`;
  const replaced = writer.xml ? xmlReplacedCount(graph) : 0;
  return {
    name,
    content: writer.write(graph, project.name),
    type: writer.type,
    ...(replaced > 0 ? { note: `${replaced.toLocaleString('en')} character${replaced === 1 ? '' : 's'} in names or attributes cannot be written in XML at all (control characters and the like) and ${replaced === 1 ? 'was' : 'were'} written as \uFFFD in ${name}` } : {}),
  };
}

/** The files one export makes (none when it cannot run: no analysis, or no system map). */
export function exportFiles(kind: FileExportKind, project: Project, analysis: AnalysisResult | null): DownloadFile[] {
  if (isNetworkKind(kind)) return analysis ? [networkFile(kind, project, analysis)] : [];
  const base = fileSafe(project.name);
  switch (kind) {
    case 'people-csv':
      return analysis ? [{ name: `${base}-metrics.csv`, content: peopleCsv(project.dataset, analysis), type: 'text/csv' }] : [];
    case 'project':
    case 'project-own':
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
      return kind === 'systemmap-kumu' ? [{ name: `${name}.kumu.json`, content: kumuJson(map), type: 'application/json' }] : [{ name: `${name}.graphml`, content: systemMapGraphml(map), type: 'application/xml' }];
    }
    case 'introductions':
      return analysis ? [introductionsFile(project, analysis)] : [];
    default:
      return [];
  }
}

/** The introductions list with what was done about each, spreadsheet-safe. */
export function introductionsFile(project: Project, analysis: AnalysisResult): DownloadFile & { content: string } {
  const rows = analysis.introductions.map((s) => [INTRODUCTION_KINDS[s.kind]?.name ?? s.kind, s.sourceLabel, s.targetLabel, s.reason, project.weaving[s.id] ?? 'open', s.score]);
  return { name: `${fileSafe(project.name)}-introductions.csv`, content: toCsv(['introduction', 'person', 'introduce to', 'reason', 'status', 'score'], rows) + '\n', type: 'text/csv' };
}

/** A network as it may be shared (see shareDataset) with its own analysis: what shared exports are written from. */
export interface SharedNetwork {
  dataset: Dataset;
  analysis: AnalysisResult;
  keyCsv: string | null;
  named: number;
  unnamed: number;
  leftOut: number;
  /** Each person kept and their id in the shared dataset. */
  ids: ReadonlyMap<string, string>;
}

/**
 * The system map as shared: actors that are people of the network (by id or name, as the actors
 * overlay matches them) are left out when the person is, and otherwise written as the shared
 * dataset writes the person ("a member", a code); organisations stay.
 */
export function sharedSystemMap(map: SystemMap, people: Dataset['people'], shared: Pick<SharedNetwork, 'dataset' | 'ids'>): SystemMap {
  const byName = new Map<string, string>();
  for (const person of people) {
    byName.set(normalizeName(person.id), person.id);
    byName.set(normalizeName(person.label), person.id);
  }
  const sharedLabel = new Map(shared.dataset.people.map((p) => [p.id, p.label]));
  const actorIds = new Map<string, string | null>();
  const actors: SystemMap['actors'] = [];
  for (const actor of map.actors) {
    const person = byName.get(normalizeName(actor.id)) ?? byName.get(normalizeName(actor.label));
    if (person === undefined) {
      actorIds.set(actor.id, actor.id);
      actors.push(actor);
      continue;
    }
    const id = shared.ids.get(person);
    actorIds.set(actor.id, id ?? null);
    if (id === undefined) continue;
    const label = sharedLabel.get(id) ?? id;
    // A person written otherwise than by their name keeps nothing that could name them.
    actors.push(label === actor.label ? actor : { id, label, attributes: {} });
  }
  const worksOn = map.worksOn.flatMap((w) => {
    const actor = actorIds.get(w.actor);
    return actor === null ? [] : [{ ...w, actor: actor ?? w.actor }];
  });
  return { ...map, actors, worksOn };
}

/**
 * The project as it may be shared: the shared dataset, the layout and the marks on introductions
 * carried to the shared ids, the system map's people shared alike; what could name someone left
 * out (the survey's name decisions, which quote written names; the self-assessment, matched by
 * name; the per-person consent choices; circles, the ledger, the results and the imported files'
 * names).
 */
export function sharedProject(project: Project, shared: SharedNetwork): Project {
  const layout: Project['layout'] = {};
  for (const [id, position] of Object.entries(project.layout)) {
    const to = shared.ids.get(id);
    if (to !== undefined) layout[to] = position;
  }
  const original = new Map([...shared.ids].map(([from, to]) => [to, from]));
  const weaving: Project['weaving'] = {};
  for (const s of shared.analysis.introductions) {
    const a = original.get(s.source);
    const b = original.get(s.target);
    const mark = a !== undefined && b !== undefined ? project.weaving[suggestionId(a, b)] : undefined;
    if (mark !== undefined) weaving[s.id] = mark;
  }
  return {
    ...project,
    dataset: withoutUnnamedDetails(shared.dataset),
    layout,
    weaving,
    survey: { layouts: project.survey.layouts, decisions: [] },
    abilities: null,
    systemMap: project.systemMap ? sharedSystemMap(project.systemMap, project.dataset.people, shared) : null,
    // Circles, the weaving ledger and the imported files' names list people by name and id (and
    // the ledger's notes are free text): none of them is shared.
    circles: ProjectCirclesSchema.parse({}),
    ledger: [],
    // Actions and commitments name people as written: the report shares what consent allows of them.
    results: null,
    sources: [],
    // The column stays where the shared people still carry it (codes keep only the details ticked).
    // Never the secret: with it and the member list the codes could be read back.
    sharing: { consentColumn: sharedColumn(project, shared.dataset), consent: {}, pseudonymise: false, keepAttributes: [], codeSecret: '' },
  };
}

/** The consent column, if the shared people still carry it ('' when codes left it out). */
function sharedColumn(project: Project, dataset: Dataset): string {
  const column = project.sharing.consentColumn;
  return column !== '' && dataset.people.some((p) => Object.hasOwn(p.attributes, column)) ? column : '';
}

/**
 * The files an export makes from the shared network (with the key as a file of its own when
 * people are codes).
 */
export function sharedExportFiles(kind: FileExportKind, project: Project, shared: SharedNetwork): DownloadFile[] {
  const shown = sharedProject(project, shared);
  const files = exportFiles(kind, shown, shared.analysis);
  if (files.length === 0 || shared.keyCsv === null) return files;
  return [...files, { name: keyFileName(project.name), content: shared.keyCsv + '\n', type: 'text/csv' }];
}

/** The exports written from an analysis (the others from the project alone). */
const FROM_ANALYSIS: ReadonlySet<FileExportKind> = new Set(['people-csv', 'gexf', 'graphml', 'pajek', 'gml', 'graphology', 'ucinet', 'kumu', 'introductions']);

/** What sharing did to an export written from the shared network, said to the user as it is saved. */
export interface SharingApplied {
  named: number;
  unnamed: number;
  leftOut: number;
  /** People are codes: a key file goes with the export. */
  codes: boolean;
}

export interface ProjectExportInput {
  kind: FileExportKind;
  project: Project;
  /** The project's own analysis (recalled where it was made already); asked only by the kinds written from one. */
  analysis: () => Promise<AnalysisResult | null>;
  /**
   * Analyses the shared dataset, from which every file is written when the project's sharing
   * changes something (except the weaver's own copy of the project, 'project-own').
   */
  analyzeShared: (dataset: Dataset) => Promise<AnalysisResult>;
  onProgress?: (step: string, fraction: number) => void;
}

/** The files one export makes, as the project's sharing allows, and what sharing did. */
export async function projectExport(input: ProjectExportInput): Promise<{ files: DownloadFile[]; shared: SharingApplied | null }> {
  const { kind, project, analyzeShared } = input;
  if (kind === 'project-own' || !sharingRestricts(project.dataset.people, project.sharing)) {
    const analysis = FROM_ANALYSIS.has(kind) ? await input.analysis() : null;
    input.onProgress?.('writing the file', 1);
    return { files: exportFiles(kind, project, analysis), shared: null };
  }
  input.onProgress?.('applying consent', 0);
  const shared = shareDataset(project.dataset, project.sharing);
  const network: SharedNetwork = { ...shared, analysis: await analyzeShared(shared.dataset) };
  input.onProgress?.('writing the file', 1);
  return {
    files: sharedExportFiles(kind, project, network),
    shared: { named: shared.named, unnamed: shared.unnamed, leftOut: shared.leftOut, codes: shared.keyCsv !== null },
  };
}
