/**
 * Turns one size's netweave and igraph timings into a Markdown table (printed, and pasted into
 * RESULTS.md as is): metric, wall seconds for each, netweave/igraph on wall time, and the same
 * ratio on CPU time (the steadier one when other work shares the machine).
 */
import type { IgraphResult, IgraphStep } from './igraph-runner.ts';
import type { GraphFacts, NetweaveResult, NetweaveStep } from './netweave-runner.ts';
import { STEP_LABELS } from './netweave-runner.ts';
import { formatRatio, formatSeconds } from './timing.ts';

/** Wall and CPU seconds of one side of a row; null where that side has no such step. */
interface Cost {
  wall: number;
  cpu: number;
}

interface Row {
  metric: string;
  /** Rows whose netweave step did not run at this size are left out. */
  skip?: boolean;
  netweave: Cost | null;
  igraph: Cost | null;
  igraphName: string;
}

const ALL_IGRAPH_METRICS: IgraphStep[] = [
  'degree',
  'betweenness',
  'closeness',
  'harmonic',
  'pagerank',
  'eigenvector',
  'clustering',
  'coreness',
  'components',
  'louvain10',
];

export function comparisonRows(nw: NetweaveResult, ig: IgraphResult | null): Row[] {
  const ours = (id: NetweaveStep): Cost | null => {
    const wall = nw.seconds[id];
    const cpu = nw.cpuSeconds[id];
    return wall === undefined || cpu === undefined ? null : { wall, cpu };
  };
  const theirs = (keys: IgraphStep[]): Cost | null =>
    ig === null
      ? null
      : {
          wall: keys.reduce((t, k) => t + ig.seconds[k], 0),
          cpu: keys.reduce((t, k) => t + ig.cpuSeconds[k], 0),
        };
  const same = (id: NetweaveStep & IgraphStep, igraphName: string): Row => ({
    metric: STEP_LABELS[id],
    netweave: ours(id),
    igraph: theirs([id]),
    igraphName,
  });
  return [
    same('graphBuild', 'Graph(n, edges)'),
    { metric: STEP_LABELS.csr, netweave: ours('csr'), igraph: null, igraphName: '(no equivalent step)' },
    same('degree', 'degree'),
    {
      metric: STEP_LABELS.paths,
      netweave: ours('paths'),
      igraph: theirs(['betweenness', 'closeness', 'harmonic']),
      igraphName: 'betweenness + closeness + harmonic_centrality',
    },
    { metric: '  same pass vs igraph betweenness alone', netweave: ours('paths'), igraph: theirs(['betweenness']), igraphName: 'betweenness' },
    { metric: STEP_LABELS.pathsPool, netweave: ours('pathsPool'), igraph: theirs(['betweenness', 'closeness', 'harmonic']), igraphName: 'betweenness + closeness + harmonic_centrality' },
    { metric: '  pooled pass vs igraph betweenness alone', netweave: ours('pathsPool'), igraph: theirs(['betweenness']), igraphName: 'betweenness' },
    { metric: '  igraph closeness alone', netweave: null, igraph: theirs(['closeness']), igraphName: 'closeness' },
    { metric: '  igraph harmonic alone', netweave: null, igraph: theirs(['harmonic']), igraphName: 'harmonic_centrality' },
    same('pagerank', 'pagerank (PRPACK)'),
    same('eigenvector', 'eigenvector_centrality (ARPACK)'),
    same('clustering', 'transitivity_local_undirected'),
    same('coreness', 'coreness'),
    same('components', 'connected_components'),
    same('louvain1', 'community_multilevel ×1'),
    same('louvain10', 'community_multilevel ×10, best kept'),
    {
      metric: STEP_LABELS.computeMetrics,
      netweave: ours('computeMetrics'),
      igraph: theirs(ALL_IGRAPH_METRICS),
      igraphName: 'sum of degree … Louvain ×10 above',
    },
    {
      metric:
        nw.facts.defaultSampledSources === null
          ? STEP_LABELS.computeMetricsDefault
          : `full computeMetrics, defaults (paths from ${nw.facts.defaultSampledSources.toLocaleString('en')} sampled sources)`,
      skip: nw.seconds.computeMetricsDefault === undefined,
      netweave: ours('computeMetricsDefault'),
      igraph: theirs(ALL_IGRAPH_METRICS),
      igraphName: 'same exact igraph sum',
    },
  ].filter((row) => !row.skip);
}

export function markdownTable(rows: Row[]): string {
  const header = ['metric', 'netweave s', 'igraph s', 'netweave/igraph', 'on CPU time', 'igraph call'];
  const numeric = new Set([1, 2, 3, 4]);
  const body = rows.map((r) => [
    r.metric,
    formatSeconds(r.netweave?.wall),
    formatSeconds(r.igraph?.wall),
    formatRatio(r.netweave?.wall, r.igraph?.wall),
    formatRatio(r.netweave?.cpu, r.igraph?.cpu),
    r.igraphName,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (numeric.has(c) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

export function describeFacts(f: GraphFacts, ig: IgraphResult | null): string {
  const lines = [
    `graph: ${f.nodes} nodes, ${f.edges} edges, mean degree ${f.meanDegree.toFixed(2)}, max degree ${f.maxDegree}, ` +
      `${f.components} component(s) (largest ${f.largestComponent})`,
    `  average clustering ${f.averageClustering.toFixed(3)}, transitivity ${f.transitivity.toFixed(3)}, ` +
      `diameter ${f.diameter ?? '—'}, average path length ${f.averagePathLength?.toFixed(2) ?? '—'}`,
    `  netweave Louvain (10 restarts): ${f.louvainCommunities} communities, modularity ${f.louvainModularity.toFixed(4)}; ` +
      `PageRank ${f.pagerankIterations} iterations, eigenvector ${f.eigenvectorIterations} iterations`,
  ];
  if (f.defaultSampledSources !== null && f.defaultEpsilon !== null) {
    lines.push(
      `  computeMetrics defaults sample ${f.defaultSampledSources} path sources here ` +
        `(betweenness within ±${f.defaultEpsilon.toFixed(3)} at 95% confidence); igraph computes them exactly`,
    );
  }
  if (ig) {
    lines.push(
      `  igraph multilevel: modularity ${ig.facts.louvain1Modularity.toFixed(4)} (1 run), ` +
        `${ig.facts.louvain10Modularity.toFixed(4)} (best of 10, ${ig.facts.louvain10Communities} communities); ` +
        `igraph sees ${ig.facts.components} component(s), transitivity ${ig.facts.transitivity.toFixed(3)}`,
    );
  }
  return lines.join('\n');
}
