#!/usr/bin/python3
"""Reference fixtures for netweave's convenings (two-mode projections) and mentor matching.

Run with the Debian interpreter that has networkx 2.8.8, numpy and scipy (the `python3` first on
PATH may lack them):

    /usr/bin/python3 test/reference/make_bipartite.py

Writes test/reference/bipartite/<name>.json:

  davis.json        nx.davis_southern_women_graph() (Davis, Gardner & Gardner 1941: 18 women,
                    14 events): the attendance records, and for both sides
                      shared      bipartite.weighted_projected_graph(B, nodes)        (events shared)
                      newman      bipartite.collaboration_weighted_projected_graph(B, nodes)
                    as {"source", "target", "weight"} edges with source < target. The people
                    projection is checked against test/fixtures/classic/davis/person_projection.csv
                    (a copy of shared/data/classic/davis; the script stops if they differ).
  random_<k>.json   seeded random bipartite graphs (bipartite.random_graph, k = 1..6, with
                    isolated people and single-attendee events), same projections.
  assignment.json   random mentor-matching instances (scores, allowed pairs, capacities), each
                    solved with scipy.optimize.linear_sum_assignment on the expanded problem (a
                    column per mentor place plus one "unplaced" column per mentee, forbidden pairs
                    at +inf), lexicographic objective: most mentees placed, then the highest
                    total score. `placed` and `total` are the optimum the TS solver must reach.

Reproducible: the script re-runs itself with PYTHONHASHSEED=0 and uses seeded generators.
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
    from networkx.algorithms import bipartite
    import numpy as np
    import scipy
    from scipy.optimize import linear_sum_assignment
except ImportError as exc:  # pragma: no cover
    sys.exit("make_bipartite.py: missing dependency (%s); run with /usr/bin/python3." % exc)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "bipartite")
# In-repo copies of the classic datasets (from the project's shared sample data, shared/data/classic).
CLASSIC = os.path.normpath(os.path.join(HERE, "..", "fixtures", "classic"))
GENERATOR = "networkx %s, numpy %s, scipy %s, Python %s; test/reference/make_bipartite.py" % (
    nx.__version__, np.__version__, scipy.__version__, platform.python_version())


def edges_of(G):
    out = []
    for u, v, d in G.edges(data=True):
        a, b = (u, v) if str(u) < str(v) else (v, u)
        out.append({"source": str(a), "target": str(b), "weight": float(d["weight"])})
    out.sort(key=lambda e: (e["source"], e["target"]))
    return out


def projections(B, people, events):
    return {
        "people": {
            "shared": edges_of(bipartite.weighted_projected_graph(B, people)),
            "newman": edges_of(bipartite.collaboration_weighted_projected_graph(B, people)),
        },
        "events": {
            "shared": edges_of(bipartite.weighted_projected_graph(B, events)),
            "newman": edges_of(bipartite.collaboration_weighted_projected_graph(B, events)),
        },
    }


def write(name, data):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".json"), "w") as fh:
        json.dump(data, fh, indent=1, sort_keys=False)
        fh.write("\n")


def davis():
    B = nx.davis_southern_women_graph()
    people = list(B.graph["top"])
    events = list(B.graph["bottom"])
    attendance = [{"person": p, "event": e} for p in people for e in sorted(B[p], key=lambda x: int(x[1:]))]
    data = {
        "graph": "davis_southern_women",
        "generator": GENERATOR,
        "source": "nx.davis_southern_women_graph(); Davis, Gardner & Gardner (1941), Deep South",
        "definitions": {
            "shared": "bipartite.weighted_projected_graph(B, nodes): weight = neighbours in common",
            "newman": "bipartite.collaboration_weighted_projected_graph(B, nodes): sum over shared k of 1/(deg(k) - 1)",
        },
        "people": people,
        "events": events,
        "attendance": attendance,
        "projections": projections(B, people, events),
    }
    shared_csv = os.path.join(CLASSIC, "davis", "person_projection.csv")
    if not os.path.isfile(shared_csv):
        sys.exit("make_bipartite.py: required input not found: %s" % shared_csv)
    with open(shared_csv, newline="") as fh:
        rows = {tuple(sorted((r["source"], r["target"]))): float(r["weight"]) for r in csv.DictReader(fh)}
    mine = {(e["source"], e["target"]): e["weight"] for e in data["projections"]["people"]["shared"]}
    if rows != mine:
        sys.exit("make_bipartite.py: the Davis people projection disagrees with %s" % shared_csv)
    # Names the file's origin (test/fixtures/classic/davis is a copy of it), kept as it was so
    # the committed davis.json stays the same.
    data["checked_against"] = "../shared/data/classic/davis/person_projection.csv"
    write("davis", data)


def random_graphs():
    for k in range(1, 7):
        n_people, n_events, p = [(12, 5, 0.3), (20, 8, 0.2), (30, 6, 0.15), (8, 10, 0.4), (25, 12, 0.1), (40, 9, 0.25)][k - 1]
        B = bipartite.random_graph(n_people, n_events, p, seed=100 + k)
        people = ["p%02d" % i for i in range(n_people)]
        events = ["e%02d" % j for j in range(n_events)]
        mapping = {i: (people[i] if i < n_people else events[i - n_people]) for i in B.nodes}
        B = nx.relabel_nodes(B, mapping)
        attendance = [{"person": u, "event": e} for u in people for e in sorted(B[u])]
        write("random_%d" % k, {
            "graph": "random_%d" % k,
            "generator": GENERATOR,
            "source": "bipartite.random_graph(%d, %d, %s, seed=%d)" % (n_people, n_events, p, 100 + k),
            "people": people,
            "events": events,
            "attendance": attendance,
            "projections": projections(B, people, events),
        })


def solve(scores, allowed, capacity):
    """Lexicographic optimum (placed, total) by linear_sum_assignment on the expanded matrix."""
    n = len(scores)
    m = len(capacity)
    slots = [j for j in range(m) for _ in range(min(capacity[j], n))]
    bonus = 2 * sum(max([abs(scores[i][j]) for j in range(m) if allowed[i][j]] + [0]) for i in range(n)) + 1
    big = 1e9
    cost = np.full((n, len(slots) + n), 0.0)
    for i in range(n):
        for c, j in enumerate(slots):
            cost[i, c] = -(bonus + scores[i][j]) if allowed[i][j] else big
    rows, cols = linear_sum_assignment(cost)
    placed = 0
    total = 0.0
    for i, c in zip(rows, cols):
        if c < len(slots) and allowed[i][slots[c]]:
            placed += 1
            total += scores[i][slots[c]]
    return placed, total


def assignment():
    rng = random.Random(7)
    instances = []
    for k in range(40):
        n = rng.randint(1, 9)
        m = rng.randint(1, 5)
        capacity = [rng.randint(0, 3) for _ in range(m)]
        scores = [[round(rng.random() * rng.choice([1, 1, 2]), 3) for _ in range(m)] for _ in range(n)]
        density = rng.choice([1.0, 0.8, 0.5])
        allowed = [[1 if rng.random() < density else 0 for _ in range(m)] for _ in range(n)]
        placed, total = solve(scores, allowed, capacity)
        instances.append({"scores": scores, "allowed": allowed, "capacity": capacity, "placed": placed, "total": total})
    write("assignment", {
        "generator": GENERATOR,
        "definition": "scipy.optimize.linear_sum_assignment on cost -(bonus + score) per mentor place, 0 per unplaced column, 1e9 for forbidden pairs; bonus = 2 * sum of row maxima + 1",
        "instances": instances,
    })


if __name__ == "__main__":
    davis()
    random_graphs()
    assignment()
    print("make_bipartite.py: wrote %s" % OUT)
