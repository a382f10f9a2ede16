/**
 * The Equity panel: for the groups of one attribute (sector, region...), each group's share of
 * everyone, of the core and of the edge, in a chart and a table; whether ties stay inside groups
 * or cross them, in sentences; and the ties between each pair of groups. Colour-blind-safe
 * colours from the map's palette.
 */
import type { InsightSections } from '../../engine/analysis/analysis-result.ts';
import { count, share } from '../format/readable.ts';
import { CATEGORY_COLORS } from '../map/palette.ts';
import { Tag, Terms } from './insight-parts.tsx';
import { TERMS, assortativitySentence, edgeNote, matrixSentences, mixingSentence, shareAcross } from './insight-words.ts';
import './insight-panels.css';
import { useChart } from './chart.ts';

type Equity = NonNullable<InsightSections['equity']>;

/** The chart draws this many groups at most (the largest); the table lists them all. */
const CHART_GROUPS = 12;
const SERIES = [
  { key: 'of everyone', color: CATEGORY_COLORS[0]! },
  { key: 'of the core', color: CATEGORY_COLORS[2]! },
  { key: 'of the edge', color: CATEGORY_COLORS[1]! },
] as const;

const truncate = (text: string, length: number): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function ShareChart({ equity }: { equity: Equity }) {
  const host = useChart((Plot, target) => {
    const groups = [...equity.groups].sort((a, b) => b.size - a.size || (a.value < b.value ? -1 : 1)).slice(0, CHART_GROUPS);
    const width = Math.max(260, Math.min(520, target.clientWidth || 320));
    const rows = groups.flatMap((g) => [
      { group: g.value, kind: SERIES[0].key, share: g.shareOfNetwork },
      { group: g.value, kind: SERIES[1].key, share: g.shareOfCore ?? 0 },
      { group: g.value, kind: SERIES[2].key, share: g.shareOfPeriphery ?? 0 },
    ]);
    const chart = Plot.plot({
      height: 44 + 40 * groups.length,
      width,
      marginLeft: Math.min(130, Math.round(width * 0.35)),
      x: { label: 'share (%)', percent: true, grid: true },
      y: { axis: null, domain: SERIES.map((s) => s.key) },
      fy: { label: null, domain: groups.map((g) => g.value), tickFormat: (d: string) => truncate(d, 18) },
      color: { legend: true, domain: SERIES.map((s) => s.key), range: SERIES.map((s) => s.color) },
      // No rule at zero: the grid marks it, and a rule's labelled group is not allowed an aria-label (axe).
      marks: [Plot.barX(rows, { fy: 'group', y: 'kind', x: 'share', fill: 'kind', title: (d: { group: string; kind: string; share: number }) => `${d.group}: ${share(d.share)} ${d.kind}` })],
      ariaLabel: `Each ${equity.attribute}'s share of everyone, of the core and of the edge`,
    });
    return chart;
  }, [equity]);
  return <div class="chart insight-chart" ref={host} />;
}

export interface EquityViewProps {
  equity: Equity | undefined;
  /** Attributes to compare groups by, and the one in use ('' or null for none). */
  attributes: readonly string[];
  current: string | null | undefined;
  /** Whether ties have a direction (the tie matrix then counts each direction apart). */
  directed: boolean;
  choose: (attribute: string) => void;
}

export function EquityView({ equity, attributes, current, directed, choose }: EquityViewProps) {
  const picker = (
    <label class="insight-picker">
      Compare groups by:{' '}
      <select aria-label="Attribute to compare groups by" value={current ?? ''} onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">Choose an attribute…</option>
        {attributes.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
    </label>
  );
  if (!equity) {
    return (
      <div class="insights equity">
        <h2>Equity: whose voices are heard</h2>
        {picker}
        <p class="explain">Pick an attribute such as sector or region to see how each group sits in the network: its share of the core and of the edge, and how much it ties to other groups.</p>
      </div>
    );
  }
  const attribute = equity.attribute;
  const flagged = equity.groups.filter((g) => g.overRepresentedAtPeriphery).sort((a, b) => (b.peripheryRatio ?? 0) - (a.peripheryRatio ?? 0));
  const max = Math.max(1, ...equity.matrix.ties.flat());
  return (
    <div class="insights equity">
      <h2>Equity: whose voices are heard</h2>
      {picker}
      <p class="insight-total">
        <strong>{count(equity.groups.length)}</strong> groups by {attribute}
        {equity.unknown > 0 && `; ${count(equity.unknown)} ${equity.unknown === 1 ? 'person has' : 'people have'} no ${attribute} and ${equity.unknown === 1 ? 'is' : 'are'} left out`}
      </p>
      {flagged.length > 0 && (
        <ul class="readings">
          {flagged.map((g) => (
            <li key={g.value}>{edgeNote(g)}</li>
          ))}
        </ul>
      )}
      <div class="insight-figure">
        <div class="insight-figure-name">{TERMS.mixing.name}</div>
        <p>{mixingSentence(equity.ei, attribute)}</p>
      </div>
      <div class="insight-figure">
        <div class="insight-figure-name">{TERMS.assortativity.name}</div>
        <p>{assortativitySentence(equity.assortativity, attribute)}</p>
      </div>

      <h3>Each group's share of everyone, of the core and of the edge</h3>
      <p class="explain">A fair network gives each group about the same share of the core as of everyone. A group with a bigger share of the edge than of everyone is heard less.</p>
      {equity.groups.length > CHART_GROUPS && <p class="explain">The chart shows the {CHART_GROUPS} largest groups; the table lists all {count(equity.groups.length)}.</p>}
      <ShareChart equity={equity} />
      {/* Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too. */}
      <div class="insight-scroll" tabIndex={0} role="region" aria-label={`Groups by ${attribute}, as a table`}>
        <table class="metrics insight-table">
          <thead>
            <tr>
              <th scope="col">{attribute}</th>
              <th scope="col" class="num">People</th>
              <th scope="col" class="num" title="This group's share of everyone with a value">Of everyone</th>
              <th scope="col" class="num" title="This group's share of the core">Of the core</th>
              <th scope="col" class="num" title="This group's share of the people at the edge">Of the edge</th>
              <th scope="col" class="num" title="Of this group's ties, the share that go to people of another group">Ties to other groups</th>
            </tr>
          </thead>
          <tbody>
            {equity.groups.map((g) => (
              <tr key={g.value} class={g.overRepresentedAtPeriphery ? 'flagged' : undefined}>
                <th scope="row">
                  {g.value}
                  {g.overRepresentedAtPeriphery && (
                    <Tag warn title="More of this group sits at the edge than its share of everyone would give">
                      often at the edge
                    </Tag>
                  )}
                </th>
                <td class="num">{count(g.size)}</td>
                <td class="num">{share(g.shareOfNetwork)}</td>
                <td class="num">{share(g.shareOfCore)}</td>
                <td class="num">{share(g.shareOfPeriphery)}</td>
                <td class="num">{g.ei === null ? '–' : share(shareAcross(g.ei))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>Ties between groups</h3>
      <ul class="insight-sentences">
        {matrixSentences(equity.matrix, directed).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <div class="insight-scroll" tabIndex={0} role="region" aria-label={`Ties between ${attribute} groups, as a table`}>
        <table class="matrix insight-matrix" aria-label={`Ties between each pair of ${attribute} groups`}>
          <thead>
            <tr>
              <th>
                <span class="sr-only">{attribute}</span>
              </th>
              {equity.matrix.groups.map((g) => (
                <th key={g} scope="col" title={g}>
                  {truncate(g, 10)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {equity.matrix.groups.map((row, i) => (
              <tr key={row}>
                <th scope="row" title={row}>
                  {truncate(row, 18)}
                </th>
                {equity.matrix.ties[i]!.map((v, j) => (
                  <td key={j} class="num" style={{ background: `rgba(0, 114, 178, ${((0.5 * v) / max).toFixed(3)})` }}>
                    {count(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Terms terms={[TERMS.mixing, TERMS.assortativity, { name: 'Core and edge', explanation: TERMS.corePeripheryFit.explanation }]} />
    </div>
  );
}
