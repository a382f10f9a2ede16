/**
 * Where each person sits on the report's map: the project's stored layout when it places
 * everyone, otherwise a seeded ForceAtlas2 layout (the same network and seed, the same picture).
 */
import type { RunHooks } from '../../core/util/cancel.ts';
import { seededLayout } from '../../algorithms/layout/seeded-layout.ts';
import type { ReportHtmlOptions, ReportInput } from './report-input.ts';

/** Positions as [x0, y0, x1, y1, ...] in the order of result.table.ids. */
export function reportPositions(input: ReportInput, options: Pick<ReportHtmlOptions, 'layoutSeed' | 'layoutIterations'>, hooks?: RunHooks): Float64Array {
  const { ids } = input.result.table;
  const stored = input.positions;
  const xy = new Float64Array(ids.length * 2);
  let complete = stored !== undefined;
  for (let i = 0; complete && i < ids.length; i++) {
    const p = Object.hasOwn(stored!, ids[i]!) ? stored![ids[i]!] : undefined;
    if (p === undefined || !Number.isFinite(p.x) || !Number.isFinite(p.y)) complete = false;
    else {
      xy[2 * i] = p.x;
      // The app's map draws y upwards (sigma); SVG draws it downwards.
      xy[2 * i + 1] = -p.y;
    }
  }
  if (complete) return xy;
  const { edgeSource, edgeTarget } = input.result;
  return seededLayout(
    { n: ids.length, source: edgeSource, target: edgeTarget },
    { seed: options.layoutSeed, ...(options.layoutIterations !== undefined ? { iterations: options.layoutIterations } : {}) },
    hooks,
  );
}
