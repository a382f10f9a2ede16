/**
 * Peer circles of the open project: formed in the worker (Cancel stops it), kept in the project
 * (choices, locks, the last circles), and saved as a `circle,person` CSV through the page. The
 * Program view's circles section (components/circles-panel.tsx) calls these.
 */
import type { AppContext } from './context.ts';
import { refreshProgram, updateProject } from './analysis.ts';
import { fileSafe } from './exports.ts';
import type { ProgressCallback } from '../../workers/engine-api.ts';
import type { ProjectCircles } from '../../engine/core/model/circles.ts';
import type { ProjectCirclesRequest } from '../../engine/features/circles/project-circles.ts';
import type { CirclesResult } from '../../engine/features/circles/form-circles.ts';
import type { Result } from '../../engine/core/util/result.ts';

export function formCircles(ctx: AppContext, request: ProjectCirclesRequest, onProgress: ProgressCallback): Promise<Result<CirclesResult>> {
  const project = ctx.store.get().project;
  if (project === null) return Promise.reject(new Error('Open a project first.'));
  return ctx.engine.formCircles(project.dataset, request, onProgress);
}

export function saveCircles(ctx: AppContext, circles: ProjectCircles): void {
  const formed = ctx.store.get().project?.circles.last !== circles.last;
  updateProject(ctx, { circles });
  // The ladder's "in a peer circle" reads the circles formed.
  if (formed) void refreshProgram(ctx);
}

/** Hands the CSV to the browser to save; returns its name. */
export function exportCircles(ctx: AppContext, csv: string): string {
  const name = `${fileSafe(ctx.store.get().project?.name ?? 'netweave')}-circles.csv`;
  ctx.page.saveFiles([{ name, content: csv, type: 'text/csv' }]);
  return name;
}
