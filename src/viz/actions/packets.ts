/**
 * Member packets from the open project: made in the worker from the project's sharing settings
 * (consent applied, the analysis run again when anyone is out or not named), then handed to the
 * browser to save as one zip. The dialog (components/packets-dialog.tsx) calls these two.
 */
import type { AppContext } from './context.ts';
import { fileSafe } from './exports.ts';
import type { ProgressCallback } from '../../workers/engine-api.ts';
import type { PacketsMade } from '../../engine/export/packets/shared-packets.ts';
import { projectAnalysisOptions } from '../../engine/project/project-analysis.ts';

/** "7 December 2026": the date the pages say they were made. */
function today(): string {
  return new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Makes the packets of the open project, with the weaver's note at the top of every page. */
export function makePackets(ctx: AppContext, note: string, onProgress: ProgressCallback): Promise<PacketsMade> {
  const { project, view } = ctx.store.get();
  if (project === null) return Promise.reject(new Error('Open a project first.'));
  const request = {
    sharing: project.sharing,
    // The ledger's names and notes are never shared (see sharedProject); it is not checked here.
    options: projectAnalysisOptions({ ...project, ledger: [] }),
    analysedWith: view ? projectAnalysisOptions(project) : null,
    packets: { note, networkName: project.name, date: today() },
  };
  return ctx.engine.memberPackets(project.dataset, request, onProgress);
}

/** The zip's name: the project's, then "-packets.zip". */
export function packetsFileName(projectName: string): string {
  return `${fileSafe(projectName)}-packets.zip`;
}

/** Hands the zip to the browser to save; returns its name. */
export function savePackets(ctx: AppContext, made: PacketsMade): string {
  const name = packetsFileName(ctx.store.get().project?.name ?? 'netweave');
  ctx.page.saveFiles([{ name, content: made.zip, type: 'application/zip' }]);
  return name;
}
