/**
 * What the Export menu offers, declared as data, and when each entry can run. The files each
 * choice makes are written by export-files.ts, loaded when first exported: its writers (a zip
 * library among them) are not needed to start the app.
 */
import type { Project } from '../../engine/core/model/project.ts';
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';

export interface DownloadFile {
  name: string;
  /** Text, or the bytes of a binary file (a workbook). */
  content: string | Uint8Array;
  type: string;
  /** What the file could not hold as it was, said to the user when it is saved. */
  note?: string;
}

export type ExportKind = 'people-csv' | 'gexf' | 'graphml' | 'pajek' | 'gml' | 'graphology' | 'ucinet' | 'kumu' | 'map-png' | 'project' | 'project-own' | 'systemmap-csv' | 'systemmap-kumu' | 'systemmap-graphml' | 'sharing' | 'report' | 'packets';

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

/** A name safe for a file: letters, digits, dots and dashes, at most 60 characters. */
export function fileSafe(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'netweave';
}

/** The name of the key file that goes with a pseudonymised export. */
export function keyFileName(project: Project): string {
  return `${fileSafe(project.name)}-KEY-keep-apart.csv`;
}
