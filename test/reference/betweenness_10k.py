"""Exact normalised betweenness of the 10,000-node test graph, for the adaptive estimator's test.

networkx's `betweenness_centrality(G, normalized=True)` (Brandes, every source), an
implementation independent of netweave's. The graph is the benchmark generator's medium size
(10,000 nodes, 50,000 ties), written by `betweenness_10k.ts`:

    npx tsx test/reference/betweenness_10k.ts > /tmp/betweenness_10k.csv
    /usr/bin/python3 test/reference/betweenness_10k.py /tmp/betweenness_10k.csv

Writes `betweenness_10k.json` beside this script: `fingerprint` (FNV-1a of the edge list, the
same as the test computes, so a changed generator reads as a changed graph), `nodes`, `edges`
and `betweenness`, a list by node index, rounded to 1e-12. Takes tens of minutes in one core.
"""
import json
import os
import sys

import networkx as nx


def fingerprint(edges):
    h = 0x811C9DC5
    for s, t in edges:
        for x in (s, t):
            h ^= x
            h = (h * 0x01000193) & 0xFFFFFFFF
    return format(h, "08x")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/betweenness_10k.csv"
    edges = []
    with open(path) as f:
        next(f)
        for line in f:
            s, t = line.strip().split(",")
            edges.append((int(s), int(t)))
    n = 10_000
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    assert g.number_of_edges() == len(edges), "duplicate ties in the input"
    bc = nx.betweenness_centrality(g, normalized=True)
    out = {
        "generator": "bench/generate-graph.ts generateGraph(SIZES.medium, { seed: 2201 }) via betweenness_10k.ts",
        "definition": "networkx.betweenness_centrality(G, normalized=True)",
        "networkx": nx.__version__,
        "fingerprint": fingerprint(edges),
        "nodes": n,
        "edges": len(edges),
        "betweenness": [round(bc[i], 12) for i in range(n)],
    }
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "betweenness_10k.json")
    with open(target, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
