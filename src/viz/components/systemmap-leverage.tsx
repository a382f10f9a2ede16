/**
 * The Leverage tab of the System map view: where to push, best first, each with why in words (its
 * role, how far a change travels, the loops that bring it back, who works on it), five at a time;
 * then every factor by its role, charted as how much it moves others against how much others
 * move it (the MICMAC chart), with each role named and explained.
 */
import { useMemo } from 'preact/hooks';
import type { FactorReport, SystemMapReport } from '../../engine/features/systemmap/analyze-systemmap.ts';
import { count } from '../format/readable.ts';
import { ROLE_COLORS } from '../map/system-map-view.ts';
import { accessibleChart, useChart } from './chart.ts';
import { PagedList } from './paged-list.tsx';
import { ROLES, bridgingBands, leverageReasons, roleCounts, roleOf } from './systemmap-words.ts';
import './insight-panels.css';
import './systemmap.css';

export interface LeveragePanelProps {
  report: SystemMapReport;
  /** Selects a factor (on the map and in the table). */
  selectFactor: (id: string) => void;
  pageSize?: number;
}

/**
 * Every factor placed by how much it moves others (up) and how much others move it (right), split
 * into the four roles at the map's average; the leverage points named.
 */
function RoleChart({ report }: { report: SystemMapReport }) {
  const host = useChart((Plot) => {
    const factors = report.factors;
    const split = report.settings.quadrantSplit;
    const points = new Set(report.summary.leveragePoints.slice(0, 5));
    // The roles name the corners, in bands the dots keep clear of (the scales' insets).
    const corner = (frameAnchor: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right', text: string) =>
      Plot.text([text], { frameAnchor, text: (d: string) => d, fill: '#5d6675', fontSize: 10, dx: frameAnchor.endsWith('left') ? 4 : -4, dy: frameAnchor.startsWith('top') ? 5 : -5 });
    // Names of the leading levers, to the right of a dot in the left half and to the left in the right half.
    const named = factors.filter((f) => points.has(f.id));
    const name = (left: boolean) =>
      Plot.text(
        named.filter((f) => (f.indirectDependence <= split) === left),
        { x: 'indirectDependence', y: 'indirectInfluence', text: 'label', textAnchor: left ? 'start' : 'end', dx: left ? 7 : -7, fontSize: 10, fill: '#1d2430', stroke: '#ffffff', strokeWidth: 3, paintOrder: 'stroke' },
      );
    const chart = Plot.plot({
      width: 340,
      height: 320,
      marginLeft: 40,
      marginTop: 24,
      marginBottom: 36,
      x: { label: 'Moved by others →', labelAnchor: 'right', ticks: 4, inset: 8 },
      y: { label: '↑ Moves others', labelAnchor: 'top', ticks: 4, inset: 20 },
      marks: [
        Plot.frame({ stroke: '#dde1e7' }),
        Plot.ruleX([split], { stroke: '#999', strokeDasharray: '3,3' }),
        Plot.ruleY([split], { stroke: '#999', strokeDasharray: '3,3' }),
        corner('top-left', ROLES.driving.name),
        corner('top-right', ROLES.linkage.name),
        corner('bottom-right', ROLES.dependent.name),
        corner('bottom-left', ROLES.autonomous.name),
        Plot.dot(factors, {
          x: 'indirectDependence',
          y: 'indirectInfluence',
          fill: (f: FactorReport) => ROLE_COLORS[f.quadrant] ?? '#999999',
          stroke: '#ffffff',
          r: 5,
          title: (f: FactorReport) => `${f.label}: ${roleOf(f.quadrant).name}`,
        }),
        name(true),
        name(false),
      ],
      ariaLabel: 'Every factor placed by how much it moves others (up) against how much others move it (right), in four roles (the MICMAC chart)',
    });
    accessibleChart(chart);
    // Plot names its frame's rect too ("frame"), which ARIA does not allow on an element with no role.
    for (const mark of chart.querySelectorAll('[aria-label]')) if (mark.tagName.toLowerCase() !== 'svg') mark.removeAttribute('aria-label');
    return chart;
  }, [report]);
  return <div class="insight-chart systemmap-chart" ref={host} />;
}

export function LeveragePanel({ report, selectFactor, pageSize = 5 }: LeveragePanelProps) {
  const byId = useMemo(() => new Map(report.factors.map((f) => [f.id, f])), [report]);
  const points = useMemo(() => report.summary.leveragePoints.map((id) => byId.get(id)).filter((f): f is FactorReport => f !== undefined), [report, byId]);
  const bands = useMemo(() => bridgingBands(report.factors), [report]);
  const roles = roleCounts(report.factors);
  return (
    <div class="insights systemmap-panel systemmap-leverage">
      <h2>Leverage points</h2>
      <p class="insight-total">
        <strong>{count(points.length)}</strong> {points.length === 1 ? 'place' : 'places'} where a push may move the most
      </p>
      <p class="explain">
        Factors that move much of the system and sit in its feedback loops, so effort there can spread and come back around. Best first; click one to see its links on the map.
      </p>
      <PagedList
        items={points}
        noun={['leverage point', 'leverage points']}
        pageSize={pageSize}
        resetKey={report}
        itemKey={(f) => f.id}
        empty={<p class="muted">No factor both moves many others and sits in a feedback loop: the map has no clear lever yet.</p>}
        renderItem={(f) => {
          const [role, ...why] = leverageReasons(f, report, bands);
          return (
            <>
              <button type="button" class="link factor-link" title="Show this factor and its links on the map" onClick={() => selectFactor(f.id)}>
                {f.label}
              </button>
              <ul class="insight-reasons">
                <li class="leverage-role" title={roleOf(f.quadrant).explanation}>
                  {role}
                </li>
                {why.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </>
          );
        }}
      />
      <h3>Every factor by its role</h3>
      <p class="explain">Each dot is a factor: higher moves more of the map, further right is moved by more of it (counting chains of several steps). The dashed lines are the map's average.</p>
      <RoleChart report={report} />
      <ul class="role-list">
        {roles.map(({ role, count: n }) => (
          <li key={role}>
            <span class="swatch" style={{ background: ROLE_COLORS[role] }} aria-hidden="true" />
            <span>
              <strong>{ROLES[role].name}</strong> ({count(n)}): {ROLES[role].explanation}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
