/**
 * What the Export menu offers, declared as data, and when each entry can run. The files are
 * written in the analysis worker (src/engine/project/export-files.ts, run-export.ts): at 50,000
 * people a GEXF file written on the page held it for seconds.
 */
import type { Project } from '../../engine/core/model/project.ts';
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';
import type { DownloadFile as WrittenFile, FileExportKind } from '../../engine/project/export-kinds.ts';

export { fileSafe } from '../../engine/project/export-kinds.ts';

/**
 * A file handed to the browser to save. Files written in the worker come as a Blob made there:
 * made on the page from tens of megabytes of text or bytes, it was a copy of its own (60 ms).
 */
export type DownloadFile = Omit<WrittenFile, 'content'> & { content: WrittenFile['content'] | Blob };

/** Every entry of the menu: the files written from data, and those drawn or made in a dialog of their own. */
export type ExportKind = Exclude<FileExportKind, 'introductions'> | 'map-png' | 'sharing' | 'report' | 'packets';

/**
 * What an export needs before it can run; 'shared-as-is' also needs sharing to change nothing
 * (the map picture is drawn from the screen, where everyone is shown), 'restricted' needs sharing
 * to change something (a copy for the weaver, everyone included).
 */
export type ExportNeeds = 'analysis' | 'project' | 'system-map' | 'shared-as-is' | 'restricted';

/** `sharedLabel`: the entry's name while sharing changes something (consent or codes applied). */
export const EXPORTS: ReadonlyArray<{ kind: ExportKind; label: string; needs: ExportNeeds; sharedLabel?: string }> = [
  { kind: 'report', label: 'Report to share: one page with the map and what it says (HTML)…', needs: 'analysis' },
  { kind: 'packets', label: 'Member packets: a page for each member (zip)…', needs: 'analysis' },
  { kind: 'people-csv', label: 'People and metrics (CSV)', needs: 'analysis' },
  { kind: 'gexf', label: 'Network for Gephi (GEXF)', needs: 'analysis' },
  { kind: 'graphml', label: 'Network as GraphML (yEd, Cytoscape, SocNetV)', needs: 'analysis' },
  { kind: 'graphology', label: 'Network for Gephi Lite (graphology JSON)', needs: 'analysis' },
  { kind: 'pajek', label: 'Network for Pajek (.paj: groups as partitions, measures as vectors)', needs: 'analysis' },
  { kind: 'gml', label: 'Network as GML (igraph, networkx)', needs: 'analysis' },
  { kind: 'ucinet', label: 'Network for UCINET (DL)', needs: 'analysis' },
  { kind: 'kumu', label: 'Network for Kumu (Excel workbook)', needs: 'analysis' },
  { kind: 'map-png', label: 'Map picture (PNG)', needs: 'shared-as-is' },
  { kind: 'project', label: 'Whole project (.netweave.json)', needs: 'project', sharedLabel: 'Whole project as shared, consent and codes applied (.netweave.json)' },
  { kind: 'project-own', label: 'Whole project for yourself, everyone named (.netweave.json)', needs: 'restricted' },
  { kind: 'systemmap-csv', label: 'System map: links and factors (CSV)', needs: 'system-map' },
  { kind: 'systemmap-kumu', label: 'System map for Kumu (JSON)', needs: 'system-map' },
  { kind: 'systemmap-graphml', label: 'System map as GraphML', needs: 'system-map' },
  { kind: 'sharing', label: 'Sharing: consent and pseudonyms…', needs: 'project' },
];

/** Why the map picture cannot be saved while sharing restricts anything. */
export const MAP_PICTURE_RESTRICTED = 'The map picture shows everyone by name: while some people are not to be named or names are replaced with codes, share the network files instead.';

/** Whether an export can run now; `restricted`: the project's sharing changes something (sharingRestricts). */
export function exportAvailable(needs: ExportNeeds, project: Project | null, analysis: AnalysisResult | null, restricted = false): boolean {
  if (needs === 'analysis') return project !== null && analysis !== null;
  if (needs === 'shared-as-is') return project !== null && analysis !== null && !restricted;
  if (needs === 'restricted') return project !== null && restricted;
  if (needs === 'project') return project !== null;
  return Boolean(project?.systemMap);
}
