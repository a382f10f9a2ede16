#!/usr/bin/python3
"""Reference fixtures for netweave's periphery, brokerage, reach and equity tests.

Run with the Debian interpreter that has networkx 2.8.8 and numpy (the `python3` first on PATH
may lack them):

    /usr/bin/python3 test/reference/make_periphery.py

Writes test/reference/periphery/<name>.json. Every fixture holds its own graph (`nodes` with
attributes, `edges` with weights), so the TypeScript tests need nothing else. Values:

  constraint, effective_size      nx.constraint / nx.effective_size, weight=None and, for
                                  weighted graphs, weight="weight" (NaN -> null)
  articulation_points, bridges    nx.articulation_points / nx.bridges on the graph, or on
                                  G.to_undirected() for directed graphs; sorted
  assortativity                   nx.attribute_assortativity_coefficient(G, attr)
  reach                           nodes within 1, 2, 3 steps (nx.single_source_shortest_path_length
                                  with cutoff) on the undirected view ("both"), and along / against
                                  the arcs ("out" / "in") for directed graphs
  brokerage                       Gould & Fernandez (1989) role counts, by brute force over every
                                  ordered triple (a, b, c) with a->b, b->c, no a->c; undirected
                                  graphs read as symmetric digraphs (UCINET / statnet)
  ei                              Krackhardt & Stern E-I index per group and overall
  core_periphery.json             the shared Borgatti-Everett reference values
                                  (test/fixtures/classic/reference), re-derived here by an
                                  independent numpy implementation (MINRES by principal axes with
                                  iterated communalities, tolerance 1e-5; categorical fit of the
                                  reference core); the script stops if they disagree by > 1e-9.

Inputs: test/reference/graphs/{karate,florentine,krackhardt_advice,disconnected}.csv (written by
make.py), and test/fixtures/classic/{krackhardt,sampson,campnet,florentine,karate,reference}
(copies of the project's shared sample data, shared/data/classic) for attributes and graphs. The
`source` strings written into the JSON name those files' origin, shared/data/classic, as before.
"""

import os
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    _env = dict(os.environ, PYTHONHASHSEED="0")
    os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], _env)
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import csv
import itertools
import json
import math
import platform

try:
    import networkx as nx
    import numpy as np
except ImportError as exc:  # pragma: no cover
    sys.exit("make_periphery.py: missing dependency (%s); run with /usr/bin/python3." % exc)

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = os.path.join(HERE, "graphs")
OUT = os.path.join(HERE, "periphery")
# In-repo copies of the classic datasets (from the project's shared sample data, shared/data/classic).
CLASSIC = os.path.normpath(os.path.join(HERE, "..", "fixtures", "classic"))
GENERATOR = "networkx %s, numpy %s, Python %s; test/reference/make_periphery.py" % (
    nx.__version__, np.__version__, platform.python_version())
TOL = 1e-9


def need(path):
    if not os.path.isfile(path):
        sys.exit("make_periphery.py: required input not found: %s" % path)
    return path


def read_rows(path):
    with open(need(path), newline="") as fh:
        return list(csv.DictReader(fh))


def read_reference_graph(name, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    for row in read_rows(os.path.join(GRAPHS, name + ".nodes.csv")):
        G.add_node(row["id"])
    for row in read_rows(os.path.join(GRAPHS, name + ".csv")):
        G.add_edge(row["source"], row["target"], weight=float(row["weight"]))
    return G


def num(x):
    x = float(x)
    return None if math.isnan(x) else x


def fdict(d):
    return {str(k): num(v) for k, v in d.items()}


# --------------------------------------------------------------------------- brute force

def gould_fernandez(G, attr):
    """Role counts per node by enumerating every ordered triple (independent of the TS code)."""
    D = G if G.is_directed() else G.to_directed()
    roles = {v: dict(coordinator=0, itinerant=0, representative=0, gatekeeper=0, liaison=0) for v in D}
    for b in D:
        gb = D.nodes[b].get(attr)
        for a in D.predecessors(b):
            for c in D.successors(b):
                if len({a, b, c}) < 3 or D.has_edge(a, c):
                    continue
                ga, gc = D.nodes[a].get(attr), D.nodes[c].get(attr)
                if ga is None or gb is None or gc is None:
                    continue
                if ga == gb == gc:
                    role = "coordinator"
                elif ga == gc:
                    role = "itinerant"
                elif ga == gb:
                    role = "representative"
                elif gb == gc:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                roles[b][role] += 1
    return {str(v): r for v, r in roles.items()}


def ei_index(G, attr):
    """Krackhardt-Stern E-I: per group (ties touching it) and overall; undirected ties once."""
    groups = sorted({G.nodes[v][attr] for v in G if G.nodes[v].get(attr) is not None}, key=str)
    per = {str(g): {"internal": 0, "external": 0} for g in groups}
    internal = external = 0
    for u, v in G.edges():
        if u == v:
            continue
        gu, gv = G.nodes[u].get(attr), G.nodes[v].get(attr)
        if gu is None or gv is None:
            continue
        if gu == gv:
            internal += 1
            per[str(gu)]["internal"] += 1
        else:
            external += 1
            per[str(gu)]["external"] += 1
            per[str(gv)]["external"] += 1
    ei = lambda e, i: (e - i) / (e + i) if e + i else None
    for g in per.values():
        g["ei"] = ei(g["external"], g["internal"])
    return {"overall": ei(external, internal), "internal": internal, "external": external, "groups": per}


def reach_counts(G, mode):
    H = G
    if G.is_directed():
        H = G.to_undirected(as_view=True) if mode == "both" else (G if mode == "out" else G.reverse(copy=False))
    out = {}
    for v in H:
        d = nx.single_source_shortest_path_length(H, v, cutoff=3)
        out[str(v)] = [sum(1 for u, k in d.items() if u != v and k <= s) for s in (1, 2, 3)]
    return out


# --------------------------------------------------------------------------- fixtures

def fixture(name, G, source, weighted, attrs=(), brokerage_attr=None):
    U = G.to_undirected() if G.is_directed() else G
    data = {
        "graph": name,
        "directed": G.is_directed(),
        "weighted": weighted,
        "generator": GENERATOR,
        "source": source,
        "nodes": [dict({"id": str(v)}, **{a: G.nodes[v][a] for a in attrs if a in G.nodes[v]}) for v in G],
        "edges": [[str(u), str(v), float(d.get("weight", 1))] for u, v, d in G.edges(data=True)],
        "constraint": fdict(nx.constraint(G)),
        "effective_size": fdict(nx.effective_size(G)),
        "articulation_points": sorted(str(v) for v in nx.articulation_points(U)),
        "bridges": sorted(sorted([str(u), str(v)]) for u, v in nx.bridges(U)),
        "reach": {mode: reach_counts(G, mode) for mode in (("both", "out", "in") if G.is_directed() else ("both",))},
        "assortativity": {a: num(nx.attribute_assortativity_coefficient(G, a)) for a in attrs},
        "ei": {a: ei_index(G, a) for a in attrs},
        "brokerage": {a: gould_fernandez(G, a) for a in ([brokerage_attr] if brokerage_attr else [])},
    }
    if weighted:
        data["constraint_weighted"] = fdict(nx.constraint(G, weight="weight"))
        data["effective_size_weighted"] = fdict(nx.effective_size(G, weight="weight"))
    return data


def karate():
    G = read_reference_graph("karate", False)
    club = nx.karate_club_graph()
    for v in club:
        G.nodes[str(v)]["club"] = club.nodes[v]["club"]
    return fixture("karate", G, "test/reference/graphs/karate.csv (networkx karate_club_graph, integer weights); club from networkx", True, ("club",), "club")


def florentine():
    G = read_reference_graph("florentine", False)
    return fixture("florentine", G, "test/reference/graphs/florentine.csv (networkx florentine_families_graph)", False)


def krackhardt_advice():
    G = read_reference_graph("krackhardt_advice", True)
    for row in read_rows(os.path.join(CLASSIC, "krackhardt", "nodes.csv")):
        G.nodes[row["id"]]["dept"] = row["dept"]
        G.nodes[row["id"]]["level"] = row["level"]
    return fixture("krackhardt_advice", G, "test/reference/graphs/krackhardt_advice.csv; dept and level from shared/data/classic/krackhardt/nodes.csv", False, ("dept", "level"), "dept")


def disconnected():
    G = read_reference_graph("disconnected", False)
    return fixture("disconnected", G, "test/reference/graphs/disconnected.csv (path, triangle, star, isolate)", False)


def small_weighted():
    G = nx.Graph()
    G.add_nodes_from([("a", {"team": "red"}), ("b", {"team": "red"}), ("c", {"team": "blue"}), ("d", {"team": "blue"}),
                      ("e", {"team": "green"}), ("f", {"team": "green"}), ("g", {"team": "red"}), ("h", {"team": "blue"})])
    G.add_weighted_edges_from([("a", "b", 3), ("a", "c", 1), ("b", "c", 2), ("c", "d", 5), ("d", "e", 1),
                               ("e", "f", 4), ("d", "f", 2), ("b", "g", 1), ("g", "h", 2.5), ("a", "g", 0.5)])
    return fixture("small_weighted", G, "hand-built: 8 people in three teams, non-integer weights", True, ("team",), "team")


def small_directed_weighted():
    G = nx.DiGraph()
    G.add_nodes_from([("a", {"team": "red"}), ("b", {"team": "red"}), ("c", {"team": "blue"}), ("d", {"team": "blue"}),
                      ("e", {"team": "green"}), ("f", {"team": "green"}), ("g", {"team": "red"})])
    G.add_weighted_edges_from([("a", "b", 3), ("b", "a", 1), ("a", "c", 2), ("c", "d", 4), ("d", "c", 4),
                               ("d", "e", 1), ("e", "f", 2), ("f", "d", 3), ("b", "g", 1.5), ("g", "c", 1), ("c", "a", 0.5)])
    return fixture("small_directed_weighted", G, "hand-built: 7 people, asymmetric and reciprocated arcs with weights", True, ("team",), "team")


def sampson_like_t3():
    G = nx.DiGraph()
    for row in read_rows(os.path.join(CLASSIC, "sampson", "nodes.csv")):
        G.add_node(row["id"], faction=row["faction"])
    for row in read_rows(os.path.join(CLASSIC, "sampson", "edges_like_t3.csv")):
        G.add_edge(row["source"], row["target"], weight=float(row["weight"]))
    return fixture("sampson_like_t3", G, "shared/data/classic/sampson edges_like_t3.csv (liking at time 3, valued 1-3) and nodes.csv faction", True, ("faction",), "faction")


# --------------------------------------------------------------------------- core/periphery

def paf(A, tol=1e-5, maxit=5000):
    """MINRES one-factor fit by principal axes with iterated communalities (independent)."""
    S = (A + A.T) / 2
    n = len(S)
    d = np.zeros(n)
    c = None
    for it in range(0, maxit + 1):
        M = S.copy()
        np.fill_diagonal(M, d)
        w, V = np.linalg.eigh(M)
        v = V[:, -1] if V[:, -1].sum() >= 0 else -V[:, -1]
        new = math.sqrt(max(w[-1], 0)) * v
        done = c is not None and np.abs(new - c).max() < tol
        c = new
        d = c * c
        if done:
            break
    mask = ~np.eye(n, dtype=bool)
    fit = float(np.corrcoef(S[mask], np.outer(c, c)[mask])[0, 1])
    return np.abs(c) / np.linalg.norm(c), it, fit


def categorical_fit(A, core):
    n = len(A)
    x, y = [], []
    for i in range(n):
        for j in range(n):
            if i == j or (core[i] != core[j]):
                continue
            x.append(A[i, j])
            y.append(1.0 if core[i] else 0.0)
    return float(np.corrcoef(x, y)[0, 1])


CP_CASES = [
    # name, reference file, graph key, directed, edges file
    ("campnet", "campnet", "campnet", True, "campnet/edges.csv"),
    ("florentine", "florentine", "florentine", False, "florentine/edges.csv"),
    ("karate", "karate", "karate", False, "karate/edges.csv"),
    ("krackhardt_advice", "krackhardt", "advice", True, "krackhardt/edges_advice.csv"),
    ("sampson_like_t3", "sampson", "like_t3", True, "sampson/edges_like_t3.csv"),
]


def core_periphery():
    cases = {}
    for name, ref_file, key, directed, edges_file in CP_CASES:
        with open(need(os.path.join(CLASSIC, "reference", ref_file + ".json"))) as fh:
            ref = json.load(fh)["graphs"][key]["core_periphery"]
        nodes_file = os.path.join(CLASSIC, os.path.dirname(edges_file), "nodes.csv")
        nodes = [r["id"] for r in read_rows(nodes_file)]
        idx = {v: i for i, v in enumerate(nodes)}
        edges = []
        for r in read_rows(os.path.join(CLASSIC, edges_file)):
            edges.append([r["source"], r["target"], float(r.get("weight") or 1)])
        case = {"directed": directed, "nodes": nodes, "edges": edges, "variants": {}}
        for variant in ("binary", "valued"):
            if variant not in ref:
                continue
            A = np.zeros((len(nodes), len(nodes)))
            for s, t, w in edges:
                val = w if variant == "valued" else 1.0
                A[idx[s], idx[t]] = val
                if not directed:
                    A[idx[t], idx[s]] = val
            r = ref[variant]
            cont = r["continuous_converged"]
            c, it, fit = paf(A)
            diff = max(abs(c[idx[v]] - x) for v, x in cont["coreness"].items())
            if diff > TOL or abs(fit - cont["fit"]) > TOL or it != cont["iterations"]:
                sys.exit("make_periphery.py: %s %s continuous: numpy %r/%r/%r vs reference %r/%r (max diff %g)"
                         % (name, variant, it, fit, diff, cont["iterations"], cont["fit"], diff))
            cat = r["categorical"]
            core = [v in set(cat["core"]) for v in nodes]
            cfit = categorical_fit(A, core)
            if abs(cfit - cat["fit"]) > TOL:
                sys.exit("make_periphery.py: %s %s categorical fit %r vs reference %r" % (name, variant, cfit, cat["fit"]))
            entry = {
                "continuous": {"coreness": cont["coreness"], "fit": cont["fit"], "iterations": cont["iterations"],
                               "converged": cont["converged"]},
                "categorical": {"core": cat["core"], "fit": cat["fit"], "block_density": cat["block_density"],
                                "exhaustive_optimum_fit": cat.get("exhaustive_optimum_fit")},
            }
            if "continuous_ucinet_maxit100" in r:
                m = r["continuous_ucinet_maxit100"]
                entry["continuous_maxit100"] = {"coreness": m["coreness"], "fit": m["fit"], "iterations": m["iterations"],
                                                "converged": m["converged"]}
            case["variants"][variant] = entry
        cases[name] = case
    with open(need(os.path.join(CLASSIC, "reference", "campnet_coreperiphery_check.json"))) as fh:
        ucinet = json.load(fh)
    return {
        "generator": GENERATOR,
        "source": "shared/data/classic/reference/<dataset>.json core_periphery (binary and valued), re-derived "
                  "by this script's numpy MINRES (principal axes, iterated communalities, tolerance 1e-5 on "
                  "loadings; iterations counted after the first eigen-solve) and categorical fit",
        "definitions": {
            "continuous": "Borgatti-Everett continuous (MINRES, diagonal not valid), coreness = |l|/||l||; directed "
                          "data fitted through (A + A^T)/2; fit = Pearson r between that matrix and l l^T over i != j.",
            "categorical": "Borgatti-Everett categorical; fit = Pearson r vs ideal (CC=1, PP=0, CP/PC ignored), "
                           "diagonal excluded, on A as given (directed arcs as they are).",
        },
        "ucinet_campnet": {"categorical_fit_printed": ucinet["xucinet_categorical"]["fit_printed"],
                           "core": ucinet["xucinet_categorical"]["core"],
                           "continuous_fit_printed": ucinet["xucinet_continuous"]["fit_printed"]},
        "cases": cases,
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    outputs = {
        "karate": karate(),
        "florentine": florentine(),
        "krackhardt_advice": krackhardt_advice(),
        "disconnected": disconnected(),
        "small_weighted": small_weighted(),
        "small_directed_weighted": small_directed_weighted(),
        "sampson_like_t3": sampson_like_t3(),
        "core_periphery": core_periphery(),
    }
    for name, data in outputs.items():
        with open(os.path.join(OUT, name + ".json"), "w") as fh:
            json.dump(data, fh, indent=1, sort_keys=True, allow_nan=False)
            fh.write("\n")
        print("wrote periphery/%s.json" % name)


if __name__ == "__main__":
    main()
