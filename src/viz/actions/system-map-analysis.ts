/**
 * Analysing the open project's system map in the worker: loops, leverage and who works where.
 * A report that lands after the map changed again (an edit, another project) is dropped.
 */
import type { AppContext } from './context.ts';
import { setWorking } from './context.ts';
import { CancelledByUser } from '../../workers/engine-client.ts';
import type { SystemMap } from '../../engine/core/model/systemmap.ts';
import { createEditorState } from '../../engine/features/systemmap/edit-history.ts';

/** The editor follows the project's map: a new map (another project, an import) starts a new history. */
export function ensureEditor(ctx: AppContext, map: SystemMap): void {
  const current = ctx.store.get().systemMap;
  if (current.editor?.map !== map) ctx.store.set({ systemMap: { ...current, editor: createEditorState(map) } });
}

export async function analyseMap(ctx: AppContext, map: SystemMap): Promise<void> {
  const { store, engine, runtime } = ctx;
  runtime.mapAnalysed = map;
  // A people analysis running meanwhile keeps the status line; this one then works quietly.
  const ownsStatus = store.get().status.kind !== 'working';
  if (ownsStatus) setWorking(ctx, 'Finding feedback loops', 'analysing the map', true);
  let report = null;
  try {
    report = await engine.analyzeSystemMap(map, store.get().project?.dataset);
    if (ownsStatus) store.set({ status: { kind: 'idle' } });
  } catch (error) {
    if (runtime.mapAnalysed !== map) return;
    if (error instanceof CancelledByUser) store.set({ status: { kind: 'idle' }, notices: [{ level: 'warning', code: 'cancelled', message: 'Finding the loops was cancelled; the map is shown without them.' }] });
    else store.set({ status: { kind: 'error', message: `The system map could not be analysed: ${(error as Error).message}` } });
  }
  if (runtime.mapAnalysed !== map) return;
  store.set({ systemMap: { ...store.get().systemMap, report, analysed: map } });
}
