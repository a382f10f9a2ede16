/**
 * Turns one size's netweave and igraph timings into a Markdown table (printed, and pasted into
 * RESULTS.md as is): per metric, netweave's wall seconds on one thread and on the worker pool,
 * igraph's, both ratios to igraph on wall time, and the one-thread ratio on CPU time (the steadier
 * one when other work shares the machine).
 */
import type { IgraphResult, IgraphStep } from './igraph-runner.ts';
import { isPooledStep, STEP_LABELS, type GraphFacts, type NetweaveResult, type NetweaveStep } from './netweave-runner.ts';
import { formatRatio, formatSeconds } from './timing.ts';

/** Wall and CPU seconds of one side of a row. */
export interface Cost {
  wall: number;
  cpu: number;
}

/** Marks kernels with no all-cores timing: only shortest-path passes run on the pool. */
export const NOT_PARALLEL = 'one thread (not parallelised)';

export interface Row {
  metric: string;
  /** netweave in this thread; null where it has no such step or did not run it at this size. */
  one: Cost | null;
  /** netweave with the path passes on the pool. */
  all: Cost | null | typeof NOT_PARALLEL;
  igraph: Cost | null;
  igraphName: string;
  /** Rows that show an igraph call alone (netweave has no separate step for it). */
  igraphOnly?: boolean;
}

/** What computeMetrics computes, as igraph calls: the summed set the full analysis is held to. */
export const FULL_ANALYSIS_IGRAPH: IgraphStep[] = [
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

/** The kernels without shortest paths, on both sides (all of them single-threaded). */
const NON_PATH_NETWEAVE: NetweaveStep[] = ['degree', 'components', 'pagerank', 'eigenvector', 'clustering', 'coreness', 'louvain10'];
const NON_PATH_IGRAPH: IgraphStep[] = ['degree', 'components', 'pagerank', 'eigenvector', 'clustering', 'coreness', 'louvain10'];

export const EXACT_PATHS_IGRAPH: IgraphStep[] = ['betweenness', 'closeness', 'harmonic'];

/** One netweave step's cost in this thread or on the pool; null where it did not run there. */
function stepCost(nw: NetweaveResult, id: NetweaveStep, on: 'one' | 'pool'): Cost | null {
  let wall: number | undefined;
  let cpu: number | undefined;
  if (on === 'one') {
    wall = nw.seconds[id];
    cpu = nw.cpuSeconds[id];
  } else if (nw.pool !== null && isPooledStep(id)) {
    wall = nw.pool.seconds[id];
    cpu = nw.pool.cpuSeconds[id];
  }
  return wall === undefined || cpu === undefined ? null : { wall, cpu };
}

/** netweave's cost for steps (summed); null unless every one of them ran. */
export function netweaveCost(nw: NetweaveResult, ids: NetweaveStep[], on: 'one' | 'pool'): Cost | null {
  let wall = 0;
  let cpu = 0;
  for (const id of ids) {
    const cost = stepCost(nw, id, on);
    if (cost === null) return null;
    wall += cost.wall;
    cpu += cost.cpu;
  }
  return { wall, cpu };
}

/** igraph's cost for calls (summed); null unless every one of them ran. */
export function igraphCost(ig: IgraphResult | null, keys: IgraphStep[]): Cost | null {
  if (ig === null) return null;
  let wall = 0;
  let cpu = 0;
  for (const key of keys) {
    const w = ig.seconds[key];
    const c = ig.cpuSeconds[key];
    if (w === undefined || c === undefined) return null;
    wall += w;
    cpu += c;
  }
  return { wall, cpu };
}

export function comparisonRows(nw: NetweaveResult, ig: IgraphResult | null): Row[] {
  const one = (id: NetweaveStep): Cost | null => netweaveCost(nw, [id], 'one');
  const all = (id: NetweaveStep): Row['all'] => (isPooledStep(id) ? netweaveCost(nw, [id], 'pool') : NOT_PARALLEL);
  const theirs = (keys: IgraphStep[]): Cost | null => igraphCost(ig, keys);
  const same = (id: NetweaveStep & IgraphStep, igraphName: string): Row => ({
    metric: STEP_LABELS[id],
    one: one(id),
    all: all(id),
    igraph: theirs([id]),
    igraphName,
  });
  const igraphOnly = (metric: string, keys: IgraphStep[], igraphName: string): Row => ({
    metric,
    one: null,
    all: null,
    igraph: theirs(keys),
    igraphName,
    igraphOnly: true,
  });
  const k = nw.sampledSources;
  // Sampled rows compare only when both sides ran from the very same sources.
  const sampledIgraph = (keys: IgraphStep[]): Cost | null => (ig !== null && k !== null && ig.sampledSources === k ? theirs(keys) : null);
  const kText = k === null ? '' : k.toLocaleString('en');
  const defaults = nw.facts.defaultSampledSources;

  const rows: Row[] = [
    same('graphBuild', 'Graph(n, edges)'),
    { metric: STEP_LABELS.csr, one: one('csr'), all: NOT_PARALLEL, igraph: null, igraphName: '(no equivalent step)' },
    same('degree', 'degree'),
    {
      metric: STEP_LABELS.paths,
      one: one('paths'),
      all: all('paths'),
      igraph: theirs(EXACT_PATHS_IGRAPH),
      igraphName: 'betweenness + closeness + harmonic_centrality',
    },
    { metric: '  same pass vs igraph betweenness alone', one: one('paths'), all: all('paths'), igraph: theirs(['betweenness']), igraphName: 'betweenness' },
    igraphOnly('  igraph closeness alone', ['closeness'], 'closeness'),
    igraphOnly('  igraph harmonic alone', ['harmonic'], 'harmonic_centrality'),
    {
      metric: `betweenness+closeness+harmonic from ${kText} sampled sources`,
      one: one('sampledPaths'),
      all: all('sampledPaths'),
      igraph: null,
      igraphName: 'none: igraph 0.10.2 betweenness() cannot be restricted to sources (vertices= only filters its output)',
    },
    {
      metric: `closeness+harmonic from the same ${kText} sources (betweenness: false)`,
      one: one('sampledDistances'),
      all: all('sampledDistances'),
      igraph: sampledIgraph(['closenessSampled', 'harmonicSampled']),
      igraphName: `closeness(vertices=S) + harmonic_centrality(vertices=S), one BFS per source each`,
    },
    {
      metric: '  same pass vs igraph closeness(vertices=S) alone',
      one: one('sampledDistances'),
      all: all('sampledDistances'),
      igraph: sampledIgraph(['closenessSampled']),
      igraphName: 'closeness(vertices=S): as many BFS as netweave runs',
    },
    same('pagerank', 'pagerank (PRPACK)'),
    same('eigenvector', 'eigenvector_centrality (ARPACK)'),
    same('clustering', 'transitivity_local_undirected'),
    same('coreness', 'coreness'),
    same('components', 'connected_components'),
    same('louvain1', 'community_multilevel ×1'),
    same('louvain10', 'community_multilevel ×10, best kept'),
    {
      metric: 'non-path kernels summed (degree … Louvain ×10)',
      one: netweaveCost(nw, NON_PATH_NETWEAVE, 'one'),
      all: NOT_PARALLEL,
      igraph: theirs(NON_PATH_IGRAPH),
      igraphName: 'degree, components, PageRank, eigenvector, clustering, coreness, Louvain ×10',
    },
    {
      metric: STEP_LABELS.computeMetrics,
      one: one('computeMetrics'),
      all: all('computeMetrics'),
      igraph: theirs(FULL_ANALYSIS_IGRAPH),
      igraphName: 'sum of degree, the three exact path calls, … Louvain ×10',
    },
    {
      metric: STEP_LABELS.analyze,
      one: one('analyze'),
      all: all('analyze'),
      igraph: theirs(FULL_ANALYSIS_IGRAPH),
      igraphName: 'the same igraph sum (igraph has no people insights: netweave does more here)',
    },
    {
      metric: defaults === null ? STEP_LABELS.computeMetricsDefault : `full computeMetrics, defaults (paths from ${defaults.toLocaleString('en')} sampled sources)`,
      one: one('computeMetricsDefault'),
      all: all('computeMetricsDefault'),
      igraph: theirs(FULL_ANALYSIS_IGRAPH),
      igraphName: 'the exact igraph sum above (not like-for-like: netweave samples)',
    },
  ];
  // Leave out steps not run at this size (exact paths at huge, sampled ones elsewhere, the
  // sampling defaults at 20,000 nodes or fewer) and igraph calls it did not run.
  return rows.filter((row) => (row.igraphOnly ? row.igraph !== null : row.one !== null));
}

export function markdownTable(rows: Row[], threads: number): string {
  const header = [
    'metric',
    '1 thread s',
    `all cores (${threads}) s`,
    'igraph s',
    '1 thread / igraph',
    'all cores / igraph',
    '1 thread, on CPU time',
    'igraph call',
  ];
  const numeric = new Set([1, 2, 3, 4, 5, 6]);
  const body = rows.map((r) => {
    const pooled = r.all === NOT_PARALLEL ? null : r.all;
    return [
      r.metric,
      formatSeconds(r.one?.wall),
      r.all === NOT_PARALLEL ? NOT_PARALLEL : formatSeconds(pooled?.wall),
      formatSeconds(r.igraph?.wall),
      formatRatio(r.one?.wall, r.igraph?.wall),
      formatRatio(pooled?.wall, r.igraph?.wall),
      formatRatio(r.one?.cpu, r.igraph?.cpu),
      r.igraphName,
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (numeric.has(c) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

export function describeFacts(f: GraphFacts, ig: IgraphResult | null): string {
  const paths =
    f.pathFactsSources === null
      ? `diameter ${f.diameter ?? '—'}, average path length ${f.averagePathLength?.toFixed(2) ?? '—'}`
      : `from ${f.pathFactsSources} sampled sources: diameter ≥ ${f.diameter ?? '—'}, average path length ≈ ${f.averagePathLength?.toFixed(2) ?? '—'}`;
  const lines = [
    `graph: ${f.nodes} nodes, ${f.edges} edges, mean degree ${f.meanDegree.toFixed(2)}, max degree ${f.maxDegree}, ` +
      `${f.components} component(s) (largest ${f.largestComponent})`,
    `  average clustering ${f.averageClustering.toFixed(3)}, transitivity ${f.transitivity.toFixed(3)}, ${paths}`,
    `  netweave Louvain (10 restarts): ${f.louvainCommunities} communities, modularity ${f.louvainModularity.toFixed(4)}; ` +
      `PageRank ${f.pagerankIterations} iterations, eigenvector ${f.eigenvectorIterations} iterations`,
  ];
  if (f.defaultSampledSources !== null && f.defaultEpsilon !== null) {
    lines.push(
      `  computeMetrics defaults sample ${f.defaultSampledSources} path sources here ` +
        `(betweenness within ±${f.defaultEpsilon.toFixed(3)} at 95% confidence); igraph's path figures are exact`,
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

/**
 * What a cache-resident search costs per arc relaxation, in ns: a BFS with Brandes'
 * back-propagation touches each arc about twice per source at 1-2 ns a touch (issue #22). The
 * pass is judged against the upper end, 2 ns; the lower end is printed beside it.
 */
export const TRAVERSAL_LIMIT_NS = { low: 1, high: 2 } as const;

/** The exact pass's cost per arc relaxation: seconds / (sources × directed arcs), in ns. */
export function nsPerArc(seconds: number, sources: number, arcs: number): number {
  return (seconds * 1e9) / (sources * arcs);
}

/**
 * The exact shortest-path pass against the traversal limit, one thread (wall and CPU time) and
 * on the pool (per thread: wall × threads); null where the exact pass did not run.
 */
export function traversalLine(nw: NetweaveResult): string | null {
  const wall = nw.seconds.paths;
  const cpu = nw.cpuSeconds.paths;
  const { nodes, arcs } = nw.facts;
  if (wall === undefined || cpu === undefined || nodes === 0 || arcs === 0) return null;
  const { low, high } = TRAVERSAL_LIMIT_NS;
  const one = nsPerArc(wall, nodes, arcs);
  const parts = [
    `exact shortest-path pass: ${nodes.toLocaleString('en')} sources × ${arcs.toLocaleString('en')} directed arcs; ` +
      `1 thread ${one.toFixed(2)} ns per arc relaxation (wall; ${nsPerArc(cpu, nodes, arcs).toFixed(2)} on CPU time), ` +
      `${(one / high).toFixed(1)}× the traversal limit of ${high} ns per arc (${(one / low).toFixed(1)}× its ${low} ns lower end; issue #22 asks for at most 2×)`,
  ];
  const pooled = nw.pool?.seconds.paths;
  if (nw.pool !== null && pooled !== undefined) {
    parts.push(`  on ${nw.pool.threads} threads: ${nsPerArc(pooled * nw.pool.threads, nodes, arcs).toFixed(2)} ns per arc per thread (wall × threads)`);
  }
  return parts.join('\n');
}
