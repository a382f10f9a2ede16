#!/usr/bin/python3
"""Generate reference fixtures for netweave's metric tests.

Run with the Debian interpreter that has networkx / igraph / numpy / scipy:

    apt-get install -y python3-networkx python3-igraph python3-scipy
    /usr/bin/python3 test/reference/make.py

For every graph this script
  1. builds the graph deterministically,
  2. writes it to test/reference/graphs/<name>.csv (source,target,weight) and
     test/reference/graphs/<name>.nodes.csv (id),
  3. READS THOSE CSV FILES BACK and computes every metric on the re-read graph
     (so the TypeScript tests load exactly the graph the values belong to),
  4. cross-checks the networkx values against python-igraph and, for the
     1/weight distance metrics, against an exact rational (fractions.Fraction)
     Brandes/Dijkstra implemented below,
  5. writes test/reference/<name>.json (sorted keys, repr-precision floats).

The script aborts (non-zero exit) if any cross-check differs by more than TOL.
"""

import os
import sys

# Determinism: networkx iterates Python sets of string node ids (weighted clustering
# sums, Louvain's graph aggregation), whose order depends on string hashing. Re-exec
# with a fixed PYTHONHASHSEED so the committed JSON is bit-for-bit reproducible.
if os.environ.get("PYTHONHASHSEED") != "0":
    _env = dict(os.environ, PYTHONHASHSEED="0")
    os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], _env)

# Single-threaded BLAS so ARPACK/BLAS reductions are bit-for-bit reproducible
# between runs (keeps the committed JSON diff-stable). Must precede numpy import.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import csv
import heapq
import itertools
import json
import math
import platform
import random
from fractions import Fraction

try:
    import igraph as ig
    import networkx as nx
    import numpy as np
    import scipy
except ImportError as exc:  # pragma: no cover
    sys.exit(
        "make.py: missing dependency (%s). Run with /usr/bin/python3 after "
        "`apt-get install -y python3-networkx python3-igraph python3-scipy`." % exc
    )

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPH_DIR = os.path.join(HERE, "graphs")
# In-repo copies of the classic datasets (from the project's shared sample data, shared/data/classic).
CLASSIC = os.path.normpath(os.path.join(HERE, "..", "fixtures", "classic"))

TOL = 1e-9
LOUVAIN_SEEDS = list(range(10))
PAGERANK_KW = dict(alpha=0.85, tol=1e-12, max_iter=10000)

GENERATOR = (
    "networkx %s, python-igraph %s, numpy %s, scipy %s, Python %s "
    "(Debian python3-* packages); test/reference/make.py"
    % (nx.__version__, ig.__version__, np.__version__, scipy.__version__, platform.python_version())
)


# --------------------------------------------------------------------------
# Graph construction
# --------------------------------------------------------------------------

def _stringify(G):
    return nx.relabel_nodes(G, {n: str(n) for n in G}, copy=True)


def build_karate():
    G = _stringify(nx.karate_club_graph())
    return G, "networkx.karate_club_graph() (networkx 2.8.8, with integer 'weight' edge attribute); ids are str(int)"


def build_lesmis():
    G = nx.les_miserables_graph()
    return G, "networkx.les_miserables_graph() (integer 'weight' edge attribute); ids are character names"


def build_florentine():
    G = nx.florentine_families_graph()
    return G, "networkx.florentine_families_graph() (marriage ties, 15 families, unweighted)"


KRACK_DIR = os.path.join(CLASSIC, "krackhardt")
EXTERNAL_INPUTS = [os.path.join(KRACK_DIR, "edges_advice.csv"), os.path.join(KRACK_DIR, "nodes.csv")]


def check_inputs():
    for p in EXTERNAL_INPUTS:
        if not os.path.isfile(p):
            sys.exit(
                "make.py: required input file not found: %s\n"
                "(the classic datasets are kept in the repository at %s; see its README.md)"
                % (p, CLASSIC)
            )


def build_krackhardt_advice():
    edges_path, nodes_path = EXTERNAL_INPUTS
    for p in (edges_path, nodes_path):
        if not os.path.isfile(p):
            sys.exit(
                "make.py: required input file not found: %s\n"
                "(the classic datasets are kept in the repository at %s; see its README.md)"
                % (p, CLASSIC)
            )
    G = nx.DiGraph()
    with open(nodes_path, newline="") as fh:
        rdr = csv.DictReader(fh)
        if "id" not in rdr.fieldnames:
            sys.exit("make.py: %s has no 'id' column (header: %s)" % (nodes_path, rdr.fieldnames))
        for row in rdr:
            G.add_node(row["id"].strip())
    with open(edges_path, newline="") as fh:
        rdr = csv.DictReader(fh)
        for col in ("source", "target"):
            if col not in rdr.fieldnames:
                sys.exit("make.py: %s has no '%s' column (header: %s)" % (edges_path, col, rdr.fieldnames))
        for row in rdr:
            s, t = row["source"].strip(), row["target"].strip()
            if s not in G or t not in G:
                sys.exit("make.py: edge %s->%s in %s references a node missing from nodes.csv" % (s, t, edges_path))
            if G.has_edge(s, t):
                sys.exit("make.py: duplicate arc %s->%s in %s" % (s, t, edges_path))
            G.add_edge(s, t)
    # The description names the files' origin (test/fixtures/classic/krackhardt is a copy of
    # shared/data/classic/krackhardt); it is kept as it was so the committed JSON stays the same.
    return G, (
        "Krackhardt (1987) high-tech managers, advice relation (arc i->j: i goes to j for advice); "
        "read from shared/data/classic/krackhardt/edges_advice.csv + nodes.csv; unweighted DiGraph"
    )


def build_grid():
    G0 = nx.grid_2d_graph(20, 20)
    G = nx.relabel_nodes(G0, {(r, c): "%d_%d" % (r, c) for (r, c) in G0}, copy=True)
    return G, "networkx.grid_2d_graph(20, 20) relabelled (r, c) -> 'r_c'; unweighted 4-neighbour lattice"


def build_disconnected():
    G = nx.Graph()
    # component 1: path of 5
    path = ["p0", "p1", "p2", "p3", "p4"]
    G.add_nodes_from(path)
    G.add_edges_from(zip(path, path[1:]))
    # component 2: triangle
    tri = ["t0", "t1", "t2"]
    G.add_nodes_from(tri)
    G.add_edges_from([("t0", "t1"), ("t1", "t2"), ("t0", "t2")])
    # component 3: star on 4 nodes (centre s0, leaves s1..s3)
    G.add_nodes_from(["s0", "s1", "s2", "s3"])
    G.add_edges_from([("s0", "s1"), ("s0", "s2"), ("s0", "s3")])
    # component 4: an isolate
    G.add_node("iso")
    return G, (
        "hand-built: path p0-p1-p2-p3-p4, triangle t0-t1-t2, star s0-{s1,s2,s3}, isolate 'iso' "
        "(3 non-trivial components + 1 isolate = 4 connected components); unweighted"
    )


def build_directed_dag_like():
    G = nx.DiGraph()
    G.add_nodes_from("ABCDEFGHIJKL")
    G.add_edges_from([
        # SCC {A,B,C} with a reciprocated pair A<->C
        ("A", "B"), ("B", "C"), ("C", "A"), ("A", "C"),
        # SCC {D,E,F,G} (a directed 4-cycle) reached from C
        ("C", "D"), ("D", "E"), ("E", "F"), ("F", "G"), ("G", "D"),
        # dangling sink H (out-degree 0)
        ("E", "H"), ("G", "H"),
        # SCC {I,J,K} feeding into A and E, with dangling sink L
        ("I", "J"), ("J", "K"), ("K", "I"), ("I", "A"), ("J", "E"), ("K", "L"),
    ])
    return G, (
        "hand-built DiGraph on A..L: SCCs {A,B,C} (with A<->C), {D,E,F,G}, {I,J,K}, "
        "sinks H and L (out-degree 0); weakly connected, not strongly connected; unweighted"
    )


GRAPHS = [
    # name, builder, weighted (non-unit weights -> weighted variants)
    ("karate", build_karate, True),
    ("lesmis", build_lesmis, True),
    ("florentine", build_florentine, False),
    ("krackhardt_advice", build_krackhardt_advice, False),
    ("grid", build_grid, False),
    ("disconnected", build_disconnected, False),
    ("directed_dag_like", build_directed_dag_like, False),
]


# --------------------------------------------------------------------------
# CSV round trip
# --------------------------------------------------------------------------

def write_csv(name, G, weighted):
    os.makedirs(GRAPH_DIR, exist_ok=True)
    epath = os.path.join(GRAPH_DIR, name + ".csv")
    npath = os.path.join(GRAPH_DIR, name + ".nodes.csv")
    with open(npath, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id"])
        for n in G.nodes():
            assert isinstance(n, str), n
            w.writerow([n])
    with open(epath, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["source", "target", "weight"])
        for u, v, d in G.edges(data=True):
            wt = d.get("weight", 1) if weighted else 1
            assert isinstance(wt, int) and wt > 0, (u, v, wt)
            w.writerow([u, v, wt])
    return epath, npath


def read_csv(epath, npath, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    with open(npath, newline="") as fh:
        for row in csv.DictReader(fh):
            G.add_node(row["id"])
    with open(epath, newline="") as fh:
        for row in csv.DictReader(fh):
            s, t = row["source"], row["target"]
            assert s in G and t in G, (s, t)
            assert not G.has_edge(s, t), ("duplicate edge", s, t)
            wt = float(row["weight"])
            G.add_edge(s, t, weight=int(wt) if wt.is_integer() else wt)
    return G


def same_graph(A, B, weighted):
    if list(A.nodes()) != list(B.nodes()) or A.number_of_edges() != B.number_of_edges():
        return False
    for u, v, d in A.edges(data=True):
        if not B.has_edge(u, v):
            return False
        if weighted and B[u][v]["weight"] != d["weight"]:
            return False
    return True


# --------------------------------------------------------------------------
# Exact rational shortest paths (for distance = 1/weight)
# --------------------------------------------------------------------------

def exact_sssp(G, s, dist):
    """Dijkstra with exact Fraction distances.

    Returns (S, P, sigma, D): settle order, predecessor lists, integer path
    counts, exact distances. dist(u, v) -> Fraction > 0.
    """
    D = {}
    seen = {s: Fraction(0)}
    P = {s: []}
    sigma = {}
    S = []
    c = itertools.count()
    heap = [(Fraction(0), next(c), s)]
    while heap:
        d, _, v = heapq.heappop(heap)
        if v in D:
            continue
        D[v] = d
        S.append(v)
        # all predecessors of v are settled (strictly smaller distance), so sigma[v] is final
        sigma[v] = 1 if v == s else sum(sigma[p] for p in P[v])
        for w in (G.successors(v) if G.is_directed() else G.neighbors(v)):
            if w in D:
                continue
            nd = d + dist(v, w)
            if w not in seen or nd < seen[w]:
                seen[w] = nd
                P[w] = [v]
                heapq.heappush(heap, (nd, next(c), w))
            elif nd == seen[w]:
                P[w].append(v)
    return S, P, sigma, D


def exact_metrics(G, dist):
    """Exact betweenness (networkx normalisation), closeness (wf_improved) and harmonic.

    Closeness / harmonic follow networkx: for directed graphs they use incoming
    distances d(v, u), obtained by running the searches on G.reverse().
    """
    n = len(G)
    bc = {v: Fraction(0) for v in G}
    for s in G:
        S, P, sigma, _ = exact_sssp(G, s, dist)
        delta = {v: Fraction(0) for v in S}
        for w in reversed(S):
            for v in P[w]:
                delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
            if w != s:
                bc[w] += delta[w]
    # networkx normalized=True: divide by (n-1)(n-2) for both directed and undirected
    # (undirected raw sums count every unordered pair twice, as ours does).
    scale = Fraction(1, (n - 1) * (n - 2)) if n > 2 else Fraction(1)
    betweenness = {v: float(bc[v] * scale) for v in G}

    H = G.reverse(copy=True) if G.is_directed() else G
    rdist = (lambda a, b: dist(b, a)) if G.is_directed() else dist
    closeness, harmonic = {}, {}
    for u in G:
        _, _, _, D = exact_sssp(H, u, rdist)
        tot = sum(D.values(), Fraction(0))
        r = len(D)
        if tot > 0 and n > 1:
            closeness[u] = float(Fraction(r - 1) / tot * Fraction(r - 1, n - 1))
        else:
            closeness[u] = 0.0
        harmonic[u] = float(sum((1 / d for d in D.values() if d != 0), Fraction(0)))
    return betweenness, closeness, harmonic


# --------------------------------------------------------------------------
# igraph helpers (independent implementation used for cross-checks)
# --------------------------------------------------------------------------

def to_igraph(G, weight_fn=None):
    nodes = list(G.nodes())
    idx = {v: i for i, v in enumerate(nodes)}
    edges = list(G.edges(data=True))
    g = ig.Graph(n=len(nodes), edges=[(idx[u], idx[v]) for u, v, _ in edges], directed=G.is_directed())
    g.vs["name"] = nodes
    if weight_fn is not None:
        g.es["w"] = [weight_fn(d) for _, _, d in edges]
    return g, nodes


def ig_dist_metrics(g, nodes, weights=None):
    """betweenness (nx normalisation), closeness wf (in & out), harmonic (in & out) from igraph."""
    n = g.vcount()
    bt = g.betweenness(directed=g.is_directed(), weights=weights)
    if n > 2:
        f = (1.0 if g.is_directed() else 2.0) / ((n - 1) * (n - 2))
        bt = [b * f for b in bt]
    M = g.distances(weights=weights, mode="out")  # M[i][j] = d(i -> j)

    def clo_har(vals):
        ds = [d for d in vals if math.isfinite(d) and d > 0]
        tot = sum(ds)
        r = len(ds) + 1
        c = ((r - 1) / tot) * ((r - 1) / (n - 1)) if tot > 0 else 0.0
        return c, sum(1.0 / d for d in ds)

    res = {"betweenness": dict(zip(nodes, bt)), "closeness": {}, "harmonic": {}, "closeness_out": {}, "harmonic_out": {}}
    for j, v in enumerate(nodes):
        c, h = clo_har([M[i][j] for i in range(n) if i != j])  # incoming distances
        res["closeness"][v], res["harmonic"][v] = c, h
        c, h = clo_har([M[j][i] for i in range(n) if i != j])  # outgoing distances
        res["closeness_out"][v], res["harmonic_out"][v] = c, h
    return res


def unit_l2(vals):
    norm = math.sqrt(sum(x * x for x in vals.values()))
    return {k: x / norm for k, x in vals.items()}


def maxdiff(a, b):
    assert set(a) == set(b), "key mismatch"
    return max((abs(float(a[k]) - float(b[k])) for k in a), default=0.0)


# --------------------------------------------------------------------------
# Definitions (one sentence per metric)
# --------------------------------------------------------------------------

DEFS = {
    # graph metrics
    "n": "G.number_of_nodes().",
    "m": "G.number_of_edges() (arcs for directed graphs).",
    "density": "nx.density(G): 2m/(n(n-1)) undirected, m/(n(n-1)) directed.",
    "components": "nx.number_connected_components(G) (undirected) or nx.number_weakly_connected_components(G) (directed); isolates count as components.",
    "strong_components": "nx.number_strongly_connected_components(G) for directed graphs, null for undirected.",
    "largest_component_size": "len(max(nx.connected_components(G), key=len)) (undirected) or of nx.weakly_connected_components(G) (directed).",
    "largest_strong_component_size": "len(max(nx.strongly_connected_components(G), key=len)) for directed graphs, null for undirected.",
    "asp_subgraph_size": "number of nodes of the subgraph used for average_shortest_path_length and diameter (largest connected component, or largest strongly connected component for directed).",
    "average_shortest_path_length": "nx.average_shortest_path_length(G.subgraph(C)) unweighted, C = largest connected component (undirected) / largest strongly connected component (directed).",
    "diameter": "nx.diameter(G.subgraph(C)) unweighted, same C as average_shortest_path_length.",
    "transitivity": "nx.transitivity(G) (global clustering, 3*triangles/connected triples); for directed graphs computed on G.to_undirected().",
    "average_clustering": "nx.average_clustering(G) unweighted, zeros included (count_zeros=True); for directed graphs computed on G.to_undirected().",
    "reciprocity": "nx.reciprocity(G) (fraction of arcs whose reverse arc exists) for directed graphs, null for undirected.",
    "self_loops": "nx.number_of_selfloops(G).",
    "isolates": "nx.number_of_isolates(G).",
    # node metrics
    "degree": "dict(G.degree()) (in+out for directed graphs).",
    "in_degree": "dict(G.in_degree()) (directed only).",
    "out_degree": "dict(G.out_degree()) (directed only).",
    "strength": "dict(G.degree(weight='weight')) (sum of incident edge weights; equals degree when all weights are 1; in+out for directed).",
    "degree_centrality": "nx.degree_centrality(G) = degree/(n-1) (for directed graphs networkx uses in+out degree, so values can exceed 1).",
    "in_degree_centrality": "nx.in_degree_centrality(G) = in_degree/(n-1) (directed only).",
    "out_degree_centrality": "nx.out_degree_centrality(G) = out_degree/(n-1) (directed only).",
    "betweenness": "nx.betweenness_centrality(G, normalized=True, weight=None): sum over ordered (s,t) pairs of sigma_st(v)/sigma_st divided by (n-1)(n-2) (for undirected graphs this equals 2/((n-1)(n-2)) times the unordered-pair sum).",
    "closeness": "nx.closeness_centrality(G) (unweighted, wf_improved=True): ((r-1)/sum of distances to the r-1 reachable nodes) * (r-1)/(n-1), 0 if nothing reachable; for directed graphs networkx uses INCOMING distances d(v,u).",
    "closeness_out": "nx.closeness_centrality(G.reverse()) i.e. the same formula with OUTGOING distances d(u,v) (directed only).",
    "harmonic": "nx.harmonic_centrality(G) unnormalised: sum over v != u of 1/d(v,u) (unreachable contribute 0); for directed graphs networkx uses INCOMING distances.",
    "harmonic_out": "nx.harmonic_centrality(G.reverse()): sum of 1/d(u,v) over OUTGOING distances (directed only).",
    "eigenvector": "nx.eigenvector_centrality_numpy(G, weight=None): Perron eigenvector of the adjacency matrix scaled to unit Euclidean norm, positive; for directed graphs the left eigenvector (centrality from in-arcs). Null when the graph is not (strongly) connected.",
    "pagerank": "nx.pagerank(G, alpha=0.85, weight=None, tol=1e-12, max_iter=10000); undirected edges act as two arcs; dangling nodes' mass is redistributed uniformly over all nodes; sums to 1.",
    "clustering": "nx.clustering(G) unweighted local clustering (0 for degree < 2); for directed graphs computed on G.to_undirected().",
    "core_number": "nx.core_number(G) k-core index; for directed graphs networkx uses in+out degree (a reciprocated pair counts twice).",
    "betweenness_w_dist": "nx.betweenness_centrality(G, normalized=True, weight='weight'): edge weight used as a DISTANCE (integers, so ties are exact).",
    "closeness_w_dist": "nx.closeness_centrality(G, distance='weight') (wf_improved=True): edge weight used as a DISTANCE.",
    "pagerank_weighted": "nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-12, max_iter=10000): transition probability proportional to edge weight.",
    "eigenvector_weighted": "nx.eigenvector_centrality_numpy(G, weight='weight'): Perron eigenvector of the weighted adjacency matrix, unit Euclidean norm.",
    "clustering_weighted": "nx.clustering(G, weight='weight'): Onnela et al. geometric-mean weighted clustering with weights normalised by the maximum edge weight.",
    "betweenness_w_inv": "betweenness with distance = 1/weight, computed EXACTLY with fractions.Fraction distances (own Brandes with exact tie detection and integer path counts), same normalisation as nx.betweenness_centrality(normalized=True); equals nx.betweenness_centrality with a Fraction(1, w) distance attribute.",
    "closeness_w_inv": "closeness with distance = 1/weight (exact Fraction Dijkstra), same formula as nx.closeness_centrality(G, distance=...) with wf_improved=True.",
    "harmonic_w_inv": "harmonic centrality with distance = 1/weight (exact Fraction Dijkstra), unnormalised sum of weight-inverse-distance reciprocals, as nx.harmonic_centrality(G, distance=...).",
    # louvain
    "louvain": "runs[]: for seed in 0..9: nx.algorithms.community.louvain_communities(G, weight=W, resolution=1, threshold=1e-7, seed=seed) and nx.algorithms.community.modularity(G, communities, weight=W, resolution=1); W=None for 'unweighted', W='weight' for 'weighted'; best_* = the run with the highest modularity (lowest seed on ties), best_communities = its communities as sorted id lists ordered by size desc; undirected graphs only.",
}


# --------------------------------------------------------------------------
# Per-graph computation
# --------------------------------------------------------------------------

def fdict(d):
    out = {}
    for k, v in d.items():
        v = float(v)
        if not math.isfinite(v):
            raise ValueError("non-finite value %r for node %r" % (v, k))
        out[str(k)] = v
    return out


def idict(d):
    return {str(k): int(v) for k, v in d.items()}


def compute(name, G, weighted, source):
    directed = G.is_directed()
    n = G.number_of_nodes()
    notes = {}
    UG = G.to_undirected() if directed else G

    # ---------------- graph metrics ----------------
    if directed:
        comps = list(nx.weakly_connected_components(G))
        sccs = list(nx.strongly_connected_components(G))
        asp_sets = sccs
    else:
        comps = list(nx.connected_components(G))
        sccs = None
        asp_sets = comps
    biggest = max(len(c) for c in asp_sets)
    cands = [c for c in asp_sets if len(c) == biggest]
    if len(cands) != 1:
        sys.exit("make.py: %s: largest (strongly) connected component is not unique" % name)
    C = G.subgraph(cands[0]).copy()
    gm = {
        "n": n,
        "m": G.number_of_edges(),
        "density": float(nx.density(G)),
        "components": len(comps),
        "strong_components": len(sccs) if directed else None,
        "largest_component_size": max(len(c) for c in comps),
        "largest_strong_component_size": max(len(c) for c in sccs) if directed else None,
        "asp_subgraph_size": C.number_of_nodes(),
        "average_shortest_path_length": float(nx.average_shortest_path_length(C)),
        "diameter": int(nx.diameter(C)),
        "transitivity": float(nx.transitivity(UG)),
        "average_clustering": float(nx.average_clustering(UG)),
        "reciprocity": float(nx.reciprocity(G)) if directed else None,
        "self_loops": nx.number_of_selfloops(G),
        "isolates": nx.number_of_isolates(G),
    }
    if directed:
        notes["transitivity"] = "computed on G.to_undirected() (reciprocated arcs merge into one edge)."
        notes["average_clustering"] = "computed on G.to_undirected()."
        notes["average_shortest_path_length"] = "on the largest strongly connected component (%d nodes)." % C.number_of_nodes()
    elif len(comps) > 1:
        notes["average_shortest_path_length"] = "on the largest connected component (%d nodes)." % C.number_of_nodes()

    # ---------------- node metrics ----------------
    nm = {}
    nm["degree"] = idict(dict(G.degree()))
    if directed:
        nm["in_degree"] = idict(dict(G.in_degree()))
        nm["out_degree"] = idict(dict(G.out_degree()))
        nm["in_degree_centrality"] = fdict(nx.in_degree_centrality(G))
        nm["out_degree_centrality"] = fdict(nx.out_degree_centrality(G))
    nm["strength"] = fdict(dict(G.degree(weight="weight")))
    nm["degree_centrality"] = fdict(nx.degree_centrality(G))
    nm["betweenness"] = fdict(nx.betweenness_centrality(G, normalized=True, weight=None))
    nm["closeness"] = fdict(nx.closeness_centrality(G))
    nm["harmonic"] = fdict(nx.harmonic_centrality(G))
    if directed:
        R = G.reverse(copy=True)
        nm["closeness_out"] = fdict(nx.closeness_centrality(R))
        nm["harmonic_out"] = fdict(nx.harmonic_centrality(R))
        notes["closeness"] = "networkx closeness on a DiGraph uses incoming distances; closeness_out = nx.closeness_centrality(G.reverse())."
        notes["harmonic"] = "networkx harmonic on a DiGraph sums 1/d(v,u) (incoming); harmonic_out = nx.harmonic_centrality(G.reverse())."

    strongly = nx.is_strongly_connected(G) if directed else nx.is_connected(G)
    if strongly:
        nm["eigenvector"] = fdict(nx.eigenvector_centrality_numpy(G, weight=None))
        if directed:
            notes["eigenvector"] = "directed: left Perron eigenvector (centrality flows along arcs to their heads, i.e. from in-arcs); graph is strongly connected so it is unique."
    else:
        nm["eigenvector"] = None
        notes["eigenvector"] = (
            "null: graph is not %s, so the Perron eigenvector is not unique/positive "
            "(networkx would return an arbitrary eigenvector of one component)."
            % ("strongly connected" if directed else "connected")
        )
    nm["pagerank"] = fdict(nx.pagerank(G, weight=None, **PAGERANK_KW))
    nm["clustering"] = fdict(nx.clustering(UG))
    if directed:
        notes["clustering"] = "computed on G.to_undirected() (nx.clustering(G.to_undirected())), not networkx's directed clustering."
    nm["core_number"] = idict(nx.core_number(G))
    if directed:
        notes["core_number"] = "networkx core_number on a DiGraph uses in+out degree; a reciprocated pair contributes 2."
    if any(G.out_degree(v) == 0 for v in G) if directed else nx.number_of_isolates(G) > 0:
        notes["pagerank"] = "graph has dangling nodes (out-degree 0 / isolates); networkx redistributes their rank uniformly over all nodes."

    crosscheck = {}
    informational = {}  # differences that are expected and NOT thresholded

    if weighted:
        nm["betweenness_w_dist"] = fdict(nx.betweenness_centrality(G, normalized=True, weight="weight"))
        nm["closeness_w_dist"] = fdict(nx.closeness_centrality(G, distance="weight"))
        nm["pagerank_weighted"] = fdict(nx.pagerank(G, weight="weight", **PAGERANK_KW))
        if strongly:
            nm["eigenvector_weighted"] = fdict(nx.eigenvector_centrality_numpy(G, weight="weight"))
        else:
            nm["eigenvector_weighted"] = None
            notes["eigenvector_weighted"] = notes["eigenvector"]
        nm["clustering_weighted"] = fdict(nx.clustering(UG, weight="weight"))

        # ---- 1/weight distances, exact ----
        inv = lambda u, v: Fraction(1, G[u][v]["weight"])
        b_ex, c_ex, h_ex = exact_metrics(G, inv)
        nm["betweenness_w_inv"] = b_ex
        nm["closeness_w_inv"] = c_ex
        nm["harmonic_w_inv"] = h_ex

        # networkx itself with Fraction distances (must agree with our exact code)
        GF = G.copy()
        for u, v, d in GF.edges(data=True):
            d["inv"] = Fraction(1, d["weight"])
        nxf_b = nx.betweenness_centrality(GF, normalized=True, weight="inv")
        nxf_c = nx.closeness_centrality(GF, distance="inv")
        nxf_h = nx.harmonic_centrality(GF, distance="inv")
        # networkx with float 1/w distances (shows the float-tie problem)
        for u, v, d in GF.edges(data=True):
            d["invf"] = 1.0 / d["weight"]
        nxfl_b = nx.betweenness_centrality(GF, normalized=True, weight="invf")

        gi, nodes = to_igraph(G, weight_fn=lambda d: 1.0 / d["weight"])
        igr = ig_dist_metrics(gi, nodes, weights="w")
        crosscheck["betweenness_w_inv_vs_networkx_fraction"] = maxdiff(b_ex, nxf_b)
        crosscheck["closeness_w_inv_vs_networkx_fraction"] = maxdiff(c_ex, nxf_c)
        crosscheck["harmonic_w_inv_vs_networkx_fraction"] = maxdiff(h_ex, nxf_h)
        crosscheck["betweenness_w_inv_vs_igraph"] = maxdiff(b_ex, igr["betweenness"])
        crosscheck["closeness_w_inv_vs_igraph"] = maxdiff(c_ex, igr["closeness"])
        crosscheck["harmonic_w_inv_vs_igraph"] = maxdiff(h_ex, igr["harmonic"])
        float_gap = maxdiff(b_ex, nxfl_b)
        notes["betweenness_w_inv"] = (
            "exact rational computation; plain networkx with float 1/w distances differs from it by up to %r "
            "here because it compares float path lengths with == (e.g. 1/4+1/5 != 1/5+1/4 in floating point), "
            "splitting tied shortest paths. The exact values agree with igraph (epsilon tie comparison); "
            "see crosscheck." % float_gap
        )
        informational["betweenness_w_inv_vs_networkx_float_distances"] = float_gap

    # ---------------- igraph cross-checks of the networkx values ----------------
    g, nodes = to_igraph(G, weight_fn=lambda d: float(d.get("weight", 1)))
    igr = ig_dist_metrics(g, nodes)
    crosscheck["betweenness"] = maxdiff(nm["betweenness"], igr["betweenness"])
    crosscheck["closeness"] = maxdiff(nm["closeness"], igr["closeness"])
    crosscheck["harmonic"] = maxdiff(nm["harmonic"], igr["harmonic"])
    if directed:
        crosscheck["closeness_out"] = maxdiff(nm["closeness_out"], igr["closeness_out"])
        crosscheck["harmonic_out"] = maxdiff(nm["harmonic_out"], igr["harmonic_out"])
    crosscheck["degree"] = maxdiff(nm["degree"], dict(zip(nodes, g.degree())))
    crosscheck["core_number"] = maxdiff(nm["core_number"], dict(zip(nodes, g.coreness(mode="all"))))
    crosscheck["pagerank"] = maxdiff(nm["pagerank"], dict(zip(nodes, g.pagerank(damping=0.85, directed=directed))))
    if nm["eigenvector"] is not None:
        ev = unit_l2(dict(zip(nodes, g.eigenvector_centrality(directed=directed, scale=True))))
        crosscheck["eigenvector"] = maxdiff(nm["eigenvector"], ev)
    gu, unodes = to_igraph(UG)
    gu.simplify()
    crosscheck["clustering"] = maxdiff(nm["clustering"], dict(zip(unodes, gu.transitivity_local_undirected(mode="zero"))))
    crosscheck["transitivity"] = abs(gm["transitivity"] - gu.transitivity_undirected())
    crosscheck["average_clustering"] = abs(gm["average_clustering"] - gu.transitivity_avglocal_undirected(mode="zero"))
    gc, _ = to_igraph(C)
    crosscheck["average_shortest_path_length"] = abs(gm["average_shortest_path_length"] - gc.average_path_length(directed=directed))
    crosscheck["diameter"] = abs(gm["diameter"] - gc.diameter(directed=directed))
    if directed:
        crosscheck["components"] = abs(gm["components"] - len(g.connected_components(mode="weak")))
        crosscheck["strong_components"] = abs(gm["strong_components"] - len(g.connected_components(mode="strong")))
        crosscheck["reciprocity"] = abs(gm["reciprocity"] - g.reciprocity(ignore_loops=True, mode="default"))
    else:
        crosscheck["components"] = abs(gm["components"] - len(g.connected_components()))
    crosscheck["density"] = abs(gm["density"] - g.density(loops=False))
    if weighted:
        igw = ig_dist_metrics(g, nodes, weights="w")
        crosscheck["betweenness_w_dist"] = maxdiff(nm["betweenness_w_dist"], igw["betweenness"])
        crosscheck["closeness_w_dist"] = maxdiff(nm["closeness_w_dist"], igw["closeness"])
        crosscheck["strength"] = maxdiff(nm["strength"], dict(zip(nodes, g.strength(weights="w"))))
        crosscheck["pagerank_weighted"] = maxdiff(
            nm["pagerank_weighted"], dict(zip(nodes, g.pagerank(damping=0.85, directed=directed, weights="w"))))
        if nm["eigenvector_weighted"] is not None:
            evw = unit_l2(dict(zip(nodes, g.eigenvector_centrality(directed=directed, scale=True, weights="w"))))
            crosscheck["eigenvector_weighted"] = maxdiff(nm["eigenvector_weighted"], evw)
        notes["clustering_weighted"] = "no igraph equivalent (igraph's weighted local transitivity is Barrat's, networkx's is Onnela's); not cross-checked."

    # ---------------- louvain ----------------
    if directed:
        louvain = None
        notes["louvain"] = "null: Louvain reference values are produced for undirected graphs only."
    else:
        louvain = {}
        variants = [("unweighted", None)] + ([("weighted", "weight")] if weighted else [])
        lv_diff = 0.0
        for label, W in variants:
            runs = []
            for seed in LOUVAIN_SEEDS:
                comms = nx.algorithms.community.louvain_communities(G, weight=W, seed=seed)
                q = float(nx.algorithms.community.modularity(G, comms, weight=W))
                comms_sorted = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c))
                runs.append({"seed": seed, "modularity": q, "n_communities": len(comms_sorted),
                             "_communities": comms_sorted})
                idx = {v: i for i, v in enumerate(nodes)}
                membership = [0] * len(nodes)
                for ci, c in enumerate(comms_sorted):
                    for v in c:
                        membership[idx[v]] = ci
                qi = g.modularity(membership, weights=("w" if W else None))
                lv_diff = max(lv_diff, abs(q - qi))
            best = max(runs, key=lambda r: (r["modularity"], -r["seed"]))
            best_communities = best["_communities"]
            for r in runs:
                del r["_communities"]
            louvain[label] = {
                "weight": W,
                "runs": runs,
                "best_modularity": best["modularity"],
                "best_seed": best["seed"],
                "best_n_communities": best["n_communities"],
                "best_communities": best_communities,
                "min_modularity": min(r["modularity"] for r in runs),
            }
        crosscheck["louvain_modularity"] = lv_diff

    bad = {k: v for k, v in crosscheck.items() if not (v <= TOL)}
    if bad:
        sys.exit("make.py: %s: cross-check failures (> %g): %r" % (name, TOL, bad))

    defs = {k: DEFS[k] for k in list(gm) + list(nm) if k in DEFS}
    defs["louvain"] = DEFS["louvain"]
    return {
        "graph": name,
        "directed": directed,
        "weighted": weighted,
        "generator": GENERATOR,
        "source": source,
        "files": {"edges": "graphs/%s.csv" % name, "nodes": "graphs/%s.nodes.csv" % name},
        "definitions": defs,
        "notes": notes,
        "graph_metrics": gm,
        "node_metrics": nm,
        "louvain": louvain,
        "crosscheck": {
            "tool": "python-igraph %s (and networkx run on fractions.Fraction distances for *_w_inv)" % ig.__version__,
            "tolerance": TOL,
            "max_abs_diff": crosscheck,
            "informational_max_abs_diff": informational,
        },
    }


def main():
    check_inputs()
    random.seed(0)  # python-igraph's default RNG is Python's `random` (used by its ARPACK start vector)
    for name, builder, weighted in GRAPHS:
        G0, source = builder()
        epath, npath = write_csv(name, G0, weighted)
        G = read_csv(epath, npath, G0.is_directed())
        if not same_graph(G0, G, weighted):
            sys.exit("make.py: %s: CSV round trip changed the graph" % name)
        if not weighted and any(d["weight"] != 1 for _, _, d in G.edges(data=True)):
            sys.exit("make.py: %s: unweighted graph has non-unit weights" % name)
        out = compute(name, G, weighted, source)
        with open(os.path.join(HERE, name + ".json"), "w") as fh:
            json.dump(out, fh, indent=1, sort_keys=True, allow_nan=False)
            fh.write("\n")
        print("wrote %s.json (n=%d, m=%d)" % (name, G.number_of_nodes(), G.number_of_edges()))


if __name__ == "__main__":
    main()
