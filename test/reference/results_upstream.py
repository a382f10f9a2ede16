#!/usr/bin/python3
"""Reference values for netweave's results join (src/engine/features/results/upstream.ts).

Run with the Debian interpreter that has networkx (the `python3` first on PATH may not):

    /usr/bin/python3 test/reference/results_upstream.py

For each signed causal map and every factor of it as the target (the factor an indicator
measures), and for K = 1, 2, 3 and 4, it lists the factors upstream of the target: every other
factor with a directed path of at most K links to it (`nx.all_simple_paths(G, s, t, cutoff=K)`),
with
  - `steps`: `nx.shortest_path_length(G, s, t)`, the links on the shortest path,
  - `positive` / `negative`: how many of those simple paths have a positive / negative product
    of link signs,
  - `effect`: "up" when every path is positive, "down" when every path is negative, "mixed"
    when both occur.
Self-loops are dropped first (a simple path never uses one). The maps have no ambiguous links.

Maps: the coalition sample (data/samples/coalition/systemmap/links.csv) and three of the seeded
random signed maps of make_systemmap.py (test/reference/systemmap/graphs/random_{1,2,3}.csv).
Output: test/reference/results_upstream.json.
"""

import csv
import json
import os
import platform
import sys

try:
    import networkx as nx
except ImportError as exc:  # pragma: no cover
    sys.exit("results_upstream.py: networkx is missing (%s); run with /usr/bin/python3" % exc)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
MAPS = {
    "coalition": os.path.join(ROOT, "data", "samples", "coalition", "systemmap", "links.csv"),
    "random_1": os.path.join(HERE, "systemmap", "graphs", "random_1.csv"),
    "random_2": os.path.join(HERE, "systemmap", "graphs", "random_2.csv"),
    "random_3": os.path.join(HERE, "systemmap", "graphs", "random_3.csv"),
}
STEPS = [1, 2, 3, 4]


def read_map(path):
    graph = nx.DiGraph()
    order = []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            a, b, sign = row["from"].strip(), row["to"].strip(), row["polarity"].strip()
            for node in (a, b):
                if node not in graph:
                    graph.add_node(node)
                    order.append(node)
            if sign not in ("+", "-"):
                raise SystemExit("unexpected polarity %r in %s" % (sign, path))
            if a != b:
                graph.add_edge(a, b, sign=1 if sign == "+" else -1)
    return graph, order


def upstream(graph, order, target, k):
    out = {}
    for source in order:
        if source == target:
            continue
        positive = negative = 0
        for path in nx.all_simple_paths(graph, source, target, cutoff=k):
            product = 1
            for a, b in zip(path, path[1:]):
                product *= graph[a][b]["sign"]
            if product > 0:
                positive += 1
            else:
                negative += 1
        if positive + negative == 0:
            continue
        effect = "mixed" if positive and negative else ("up" if positive else "down")
        out[source] = {
            "steps": nx.shortest_path_length(graph, source, target),
            "positive": positive,
            "negative": negative,
            "effect": effect,
        }
    return out


def main():
    result = {
        "generator": "test/reference/results_upstream.py",
        "python": platform.python_version(),
        "networkx": nx.__version__,
        "steps": STEPS,
        "maps": {},
    }
    for name, path in MAPS.items():
        graph, order = read_map(path)
        result["maps"][name] = {
            "file": os.path.relpath(path, ROOT),
            "upstream": {
                str(k): {target: upstream(graph, order, target, k) for target in order} for k in STEPS
            },
        }
    with open(os.path.join(HERE, "results_upstream.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
