/**
 * Movement on the ladder between two periods as a flow chart: each period a column of rungs
 * (highest at the top, the height of each its number of people), and bands from rung to rung as
 * wide as the people who went that way. Drawn as SVG from numbers only; the table beside it holds
 * the same flows for screen readers and for reading exact counts.
 */
import type { LadderMovement } from '../../engine/features/ladder/ladder-section.ts';
import { categoryColor } from '../map/palette.ts';

export interface LadderFlowProps {
  movement: LadderMovement;
  /** Rung names lowest first, then the bucket for people on none. */
  rungs: readonly string[];
  notYet: string;
}

const WIDTH = 360;
const BAR = 12;
const LEFT = 112;
const RIGHT = WIDTH - 112 - BAR;
const GAP = 6;
const TOP = 18;
const HEIGHT = 220;

interface Node {
  rung: string;
  y: number;
  h: number;
}

/** Nodes of one column, highest rung first, each as tall as its share of people (empty rungs left out). */
function column(order: readonly string[], counts: ReadonlyMap<string, number>, total: number): Map<string, Node> {
  const shown = order.filter((r) => (counts.get(r) ?? 0) > 0);
  const room = HEIGHT - TOP - GAP * Math.max(0, shown.length - 1);
  const nodes = new Map<string, Node>();
  let y = TOP;
  for (const rung of shown) {
    const h = (room * counts.get(rung)!) / total;
    nodes.set(rung, { rung, y, h });
    y += h + GAP;
  }
  return nodes;
}

const LINE = 12;

/** Label heights for a column's nodes: at each node's middle, pushed down where two would overlap. */
function labelYs(nodes: Iterable<Node>): number[] {
  const ys: number[] = [];
  for (const n of nodes) ys.push(Math.max(n.y + n.h / 2, (ys.at(-1) ?? -Infinity) + LINE));
  return ys;
}

export function LadderFlow({ movement, rungs, notYet }: LadderFlowProps) {
  // Highest rung at the top; people on no rung at the bottom.
  const order = [...rungs].reverse().concat(notYet);
  const colour = new Map(order.map((r, i) => [r, r === notYet ? '#999999' : categoryColor(i)]));
  const from = new Map<string, number>();
  const to = new Map<string, number>();
  let total = 0;
  for (const f of movement.flows) {
    from.set(f.from, (from.get(f.from) ?? 0) + f.people);
    to.set(f.to, (to.get(f.to) ?? 0) + f.people);
    total += f.people;
  }
  if (total === 0) return null;
  const left = column(order, from, total);
  const right = column(order, to, total);
  const rank = new Map(order.map((r, i) => [r, i]));
  // Bands leave each rung in the order of where they go, and arrive in the order of where they came from, so they cross least.
  const outAt = new Map([...left].map(([r, n]) => [r, n.y]));
  const inAt = new Map([...right].map(([r, n]) => [r, n.y]));
  const scale = (HEIGHT - TOP - GAP * Math.max(0, left.size - 1)) / total;
  const scaleRight = (HEIGHT - TOP - GAP * Math.max(0, right.size - 1)) / total;
  const flows = [...movement.flows].sort((a, b) => rank.get(a.from)! - rank.get(b.from)! || rank.get(a.to)! - rank.get(b.to)!);
  const arriving = [...movement.flows].sort((a, b) => rank.get(a.to)! - rank.get(b.to)! || rank.get(a.from)! - rank.get(b.from)!);
  const arrivalY = new Map<string, number>();
  for (const f of arriving) {
    const y = inAt.get(f.to)!;
    arrivalY.set(`${f.from}\u0000${f.to}`, y);
    inAt.set(f.to, y + f.people * scaleRight);
  }
  const leftYs = labelYs(left.values());
  const rightYs = labelYs(right.values());
  const bottom = Math.max(HEIGHT, ...leftYs, ...rightYs) + 8;
  const x0 = LEFT + BAR;
  const x1 = RIGHT;
  const mid = (x0 + x1) / 2;
  return (
    <svg class="ladder-flow" viewBox={`0 0 ${WIDTH} ${bottom}`} role="img" aria-label={`How people moved on the ladder from ${movement.from} to ${movement.to}; the table below gives each flow`}>
      <text x={LEFT + BAR / 2} y={11} text-anchor="middle" class="flow-period">
        {movement.from}
      </text>
      <text x={RIGHT + BAR / 2} y={11} text-anchor="middle" class="flow-period">
        {movement.to}
      </text>
      {flows.map((f) => {
        const ya = outAt.get(f.from)!;
        outAt.set(f.from, ya + f.people * scale);
        const yb = arrivalY.get(`${f.from}\u0000${f.to}`)!;
        const ha = f.people * scale;
        const hb = f.people * scaleRight;
        const d = `M${x0},${ya} C${mid},${ya} ${mid},${yb} ${x1},${yb} L${x1},${yb + hb} C${mid},${yb + hb} ${mid},${ya + ha} ${x0},${ya + ha} Z`;
        return <path key={`${f.from}\u0000${f.to}`} d={d} fill={colour.get(f.from)} fill-opacity={f.from === f.to ? 0.25 : 0.55} />;
      })}
      {[...left.values()].map((n, i) => (
        <g key={`l-${n.rung}`}>
          <rect x={LEFT} y={n.y} width={BAR} height={Math.max(1, n.h)} fill={colour.get(n.rung)} />
          <text x={LEFT - 4} y={leftYs[i]} dy="0.35em" text-anchor="end" class="flow-label">
            {n.rung} {from.get(n.rung)}
          </text>
        </g>
      ))}
      {[...right.values()].map((n, i) => (
        <g key={`r-${n.rung}`}>
          <rect x={RIGHT} y={n.y} width={BAR} height={Math.max(1, n.h)} fill={colour.get(n.rung)} />
          <text x={RIGHT + BAR + 4} y={rightYs[i]} dy="0.35em" class="flow-label">
            {n.rung} {to.get(n.rung)}
          </text>
        </g>
      ))}
    </svg>
  );
}
