/**
 * The System map view's summary, for the drawer beside the map: how big the map is (factors,
 * causal links, organisations), its feedback loops (reinforcing and balancing), leverage points,
 * gaps no one works on, and how to use the view.
 */
import type { SystemMap } from '../../engine/core/model/systemmap.ts';
import type { SystemMapReport } from '../../engine/features/systemmap/analyze-systemmap.ts';
import { count } from '../format/readable.ts';
import { LOOP_KINDS, mapCountsText } from './systemmap-words.ts';
import './systemmap.css';

export interface SystemMapSummaryProps {
  map: Pick<SystemMap, 'factors' | 'links' | 'actors'>;
  /** The map's analysis; null while it runs or when it failed. */
  report: SystemMapReport | null;
}

function Figure({ value, name, explain }: { value: number; name: string; explain: string }) {
  return (
    <div class="systemmap-figure">
      <span class="systemmap-figure-value">{count(value)}</span> <span class="systemmap-figure-name">{name}</span>
      <p class="explain">{explain}</p>
    </div>
  );
}

export function SystemMapSummary({ map, report }: SystemMapSummaryProps) {
  const s = report?.summary;
  return (
    <div class="systemmap-summary">
      <h2>System map</h2>
      <p class="systemmap-counts">{mapCountsText(map.factors.length, map.links.length, map.actors.length)}</p>
      {s ? (
        <div class="systemmap-figures">
          <Figure
            value={s.loops}
            name={s.loops === 1 ? 'feedback loop' : 'feedback loops'}
            explain={`${count(s.reinforcing)} reinforcing (vicious or virtuous circles), ${count(s.balancing)} balancing (they keep things steady).${s.loopsComplete ? '' : ' At least: the search stopped at its limit.'}`}
          />
          <Figure value={s.leveragePoints.length} name={s.leveragePoints.length === 1 ? 'leverage point' : 'leverage points'} explain="Factors that move many others and sit in loops: where a push may move the most." />
          <Figure
            value={s.gaps}
            name={s.gaps === 1 ? 'gap no one works on' : 'gaps no one works on'}
            explain={map.actors.length === 0 ? 'Import who works where (organisation, factor) to find them.' : 'Factors in loops that no organisation works on.'}
          />
        </div>
      ) : (
        <p class="muted">The map is being analysed.</p>
      )}
      <h3>How to use this view</h3>
      <ul class="systemmap-howto">
        <li>
          <strong>Loops</strong>: each loop is {LOOP_KINDS.R.phrase.toLowerCase()} or {LOOP_KINDS.B.phrase.toLowerCase()}; click one to trace it on the map.
        </li>
        <li>
          <strong>Leverage</strong>: where to push, best first, and why.
        </li>
        <li>
          <strong>Who works where</strong>: gaps no one works on, and organisations to introduce.
        </li>
        <li>
          <strong>Edit</strong>: click a factor on the map to rename it or change its links; every change can be undone.
        </li>
        <li>
          The <strong>Export</strong> menu saves the map as CSV, for Kumu, or as GraphML.
        </li>
      </ul>
    </div>
  );
}
