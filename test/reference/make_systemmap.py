#!/usr/bin/python3
"""Generate reference fixtures for netweave's system-map tests (feedback loops and leverage).

Run with the Debian interpreter that has networkx 2.8.8 (the `python3` first on PATH may not):

    /usr/bin/python3 test/reference/make_systemmap.py

For each causal map it writes test/reference/systemmap/<name>.json with
  - `factors` (ids in map order) and `links` (from, to, polarity) exactly as read,
  - `cycles`: every elementary cycle from networkx `simple_cycles` (Johnson's algorithm), each
    rotated to start at its factor that comes first in `factors`, with its link polarities, the
    number of negative links and its type (R = even number of negative links, B = odd), sorted
    by length and then by factor order,
  - `counts` of loops, R and B,
  - `betweenness` (`nx.betweenness_centrality`, normalized, directed), `in_degree` and
    `out_degree` without self-loops, `reach_3` (other factors within 3 steps downstream,
    `nx.single_source_shortest_path_length(cutoff=3)`) and `reach_all`,
  - `micmac`: indirect influence/dependence as row/column sums of (I + M)^k - I in exact
    integer arithmetic (M: 1 per link between two different factors), with k raised until the
    competition ranking ("1224", values within 0.1% tied) of both stays the same for two more
    steps (at most 30), then rescaled to the number of links; and the direct values.

Maps: the coalition sample map (test/fixtures/systemmap/coalition, a copy of
../shared/data/coalition/systemmap), the Vensim workforce and SIR models as causal maps (copies of
../shared/data/classic/systemmap_workforce and systemmap_sir, whose loops.csv list 6 loops, 1 R
and 5 B, and 3 loops), and seeded random signed digraphs (written under
test/reference/systemmap/graphs/random_<seed>.csv, then read back like the others).
"""

import os
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    _env = dict(os.environ, PYTHONHASHSEED="0")
    os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], _env)

import csv
import json
import platform
import random

try:
    import networkx as nx
except ImportError as exc:  # pragma: no cover
    sys.exit("make_systemmap.py: networkx is missing (%s); run with /usr/bin/python3" % exc)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
FIXTURES = os.path.join(ROOT, "test", "fixtures", "systemmap")
OUT = os.path.join(HERE, "systemmap")
GRAPHS = os.path.join(OUT, "graphs")
GENERATOR = "networkx %s simple_cycles, Python %s; test/reference/make_systemmap.py" % (
    nx.__version__,
    platform.python_version(),
)
MAX_POWER = 30

# Random signed digraphs: (seed, factors, arc probability, self-loop probability).
RANDOM_GRAPHS = [
    (1, 5, 0.35, 0.0),
    (2, 6, 0.40, 0.1),
    (3, 7, 0.30, 0.0),
    (4, 8, 0.25, 0.1),
    (5, 9, 0.25, 0.0),
    (6, 10, 0.20, 0.05),
    (7, 10, 0.30, 0.0),
    (8, 12, 0.18, 0.05),
    (9, 12, 0.16, 0.0),
    (10, 14, 0.15, 0.05),
    (11, 16, 0.15, 0.0),
    (12, 20, 0.12, 0.02),
]


def read_links(path):
    """Rows of from,to,polarity; factors in order of first appearance unless a factor list is given."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [(r["from"].strip(), r["to"].strip(), r["polarity"].strip()) for r in rows]


def read_factor_ids(path):
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        key = "id" if "id" in reader.fieldnames else "label"
        return [row[key].strip() for row in reader]


def order_factors(links, listed=None):
    factors = list(listed or [])
    seen = set(factors)
    for a, b, _ in links:
        for x in (a, b):
            if x not in seen:
                seen.add(x)
                factors.append(x)
    return factors


RANK_TOLERANCE = 1e-3


def competition_ranks(values):
    """Ranks "1224", largest first; a value within 0.1% of the next larger one shares its rank."""
    order = sorted(range(len(values)), key=lambda i: (-values[i], i))
    ranks = [0] * len(values)
    rank = 0
    previous = None
    for position, i in enumerate(order):
        if previous is None or not float(values[i]) >= float(previous) * (1 - RANK_TOLERANCE):
            rank = position + 1
        ranks[i] = rank
        previous = values[i]
    return ranks


def micmac(factors, links):
    n = len(factors)
    index = {f: i for i, f in enumerate(factors)}
    arcs = sorted({(index[a], index[b]) for a, b, _ in links if a != b})
    direct_influence = [0] * n
    direct_dependence = [0] * n
    for u, v in arcs:
        direct_influence[u] += 1
        direct_dependence[v] += 1
    row = [1] * n
    col = [1] * n
    previous = None
    stable_steps = 0
    power = 0
    for p in range(1, MAX_POWER + 1):
        next_row = row[:]
        next_col = col[:]
        for u, v in arcs:
            next_row[u] += row[v]
            next_col[v] += col[u]
        row, col = next_row, next_col
        power = p
        current = (competition_ranks([v - 1 for v in row]), competition_ranks([v - 1 for v in col]))
        stable_steps = stable_steps + 1 if previous == current else 0
        previous = current
        if stable_steps >= 2:
            break
    total = len(arcs)

    def rescale(values):
        s = sum(values)
        return [v * total / s if s else 0.0 for v in values]

    has_links = total > 0
    return {
        "power": power,
        "stable": stable_steps >= 2,
        "mean": total / n if n else 0.0,
        "direct_influence": dict(zip(factors, direct_influence)),
        "direct_dependence": dict(zip(factors, direct_dependence)),
        "indirect_influence": dict(zip(factors, rescale([v - 1 for v in row]) if has_links else [0.0] * n)),
        "indirect_dependence": dict(zip(factors, rescale([v - 1 for v in col]) if has_links else [0.0] * n)),
    }


def describe(name, source, factors, links):
    G = nx.DiGraph()
    G.add_nodes_from(factors)
    polarity = {}
    for a, b, p in links:
        if (a, b) in polarity:
            raise SystemExit("%s: duplicate link %s -> %s" % (name, a, b))
        polarity[(a, b)] = p
        G.add_edge(a, b)
    position = {f: i for i, f in enumerate(factors)}
    cycles = []
    for cycle in nx.simple_cycles(G):
        start = min(range(len(cycle)), key=lambda i: position[cycle[i]])
        cycle = cycle[start:] + cycle[:start]
        signs = [polarity[(cycle[i], cycle[(i + 1) % len(cycle)])] for i in range(len(cycle))]
        negative = signs.count("-")
        cycles.append(
            {
                "factors": cycle,
                "polarities": signs,
                "negative_links": negative,
                "type": "R" if negative % 2 == 0 else "B",
            }
        )
    cycles.sort(key=lambda c: (len(c["factors"]), [position[f] for f in c["factors"]]))
    simple = nx.DiGraph(G)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    reach3 = {f: len(nx.single_source_shortest_path_length(G, f, cutoff=3)) - 1 for f in factors}
    reach_all = {f: len(nx.descendants(G, f)) for f in factors}
    return {
        "name": name,
        "source": source,
        "generator": GENERATOR,
        "factors": factors,
        "links": [{"from": a, "to": b, "polarity": p} for a, b, p in links],
        "cycles": cycles,
        "counts": {
            "loops": len(cycles),
            "R": sum(1 for c in cycles if c["type"] == "R"),
            "B": sum(1 for c in cycles if c["type"] == "B"),
        },
        "betweenness": nx.betweenness_centrality(G, normalized=True),
        "in_degree": dict(simple.in_degree()),
        "out_degree": dict(simple.out_degree()),
        "reach_3": reach3,
        "reach_all": reach_all,
        "micmac": micmac(factors, links),
    }


def write(name, data):
    path = os.path.join(OUT, name + ".json")
    # One line per key, and per cycle, so the files stay small and diff well.
    lines = []
    for key in sorted(data):
        value = data[key]
        if key == "cycles" and value:
            body = "[\n  " + ",\n  ".join(json.dumps(c, sort_keys=True, ensure_ascii=False) for c in value) + "\n ]"
        else:
            body = json.dumps(value, sort_keys=True, ensure_ascii=False)
        lines.append(" %s: %s" % (json.dumps(key), body))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("{\n" + ",\n".join(lines) + "\n}\n")
    print("wrote %s: %d factors, %d links, %d loops (%d R, %d B)" % (
        os.path.relpath(path, ROOT), len(data["factors"]), len(data["links"]),
        data["counts"]["loops"], data["counts"]["R"], data["counts"]["B"]))


def random_graph(seed, n, p, p_self):
    rng = random.Random(seed)
    factors = ["F%02d" % i for i in range(n)]
    links = []
    for a in factors:
        for b in factors:
            chance = p_self if a == b else p
            if rng.random() < chance:
                links.append((a, b, "-" if rng.random() < 0.4 else "+"))
    return factors, links


def main():
    os.makedirs(GRAPHS, exist_ok=True)
    maps = [
        ("coalition", "../shared/data/coalition/systemmap (copied to test/fixtures/systemmap/coalition)"),
        ("workforce", "../shared/data/classic/systemmap_workforce: SDXorg/test-models workforce.mdl (MIT)"),
        ("sir", "../shared/data/classic/systemmap_sir: SDXorg/test-models SIR.mdl (MIT)"),
    ]
    for name, source in maps:
        folder = os.path.join(FIXTURES, name)
        links = read_links(os.path.join(folder, "links.csv"))
        factors = order_factors(links, read_factor_ids(os.path.join(folder, "factors.csv")))
        write(name, describe(name, source, factors, links))
    for seed, n, p, p_self in RANDOM_GRAPHS:
        factors, links = random_graph(seed, n, p, p_self)
        graph_path = os.path.join(GRAPHS, "random_%d.csv" % seed)
        with open(graph_path, "w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow(["from", "to", "polarity"])
            out.writerows(links)
        links = read_links(graph_path)
        factors = order_factors(links, factors)
        source = "random signed digraph: random.Random(%d), %d factors, arc probability %s, self-loop probability %s, 40%% negative" % (seed, n, p, p_self)
        write("random_%d" % seed, describe("random_%d" % seed, source, factors, links))

    # The published loop counts of the two classic models must match.
    for name, loops, reinforcing in (("workforce", 6, 1), ("sir", 3, 1)):
        with open(os.path.join(OUT, name + ".json"), encoding="utf-8") as handle:
            counts = json.load(handle)["counts"]
        if counts["loops"] != loops or counts["R"] != reinforcing:
            raise SystemExit("%s: expected %d loops (%d R), got %s" % (name, loops, reinforcing, counts))


if __name__ == "__main__":
    main()
