#!/usr/bin/python3
"""Times python-igraph's equivalents of netweave's metrics on one benchmark edge list.

Usage: igraph_bench.py EDGES.csv NODES [--warm-up] [--seed N] [--label NAME]
                       [--no-exact-paths] [--sources FILE]

Reads the `source,target` CSV that bench/run.ts wrote (node ids are indices 0..NODES-1), builds
an undirected, unweighted igraph Graph, and times each metric once (after one untimed warm-up run
when --warm-up is given), recording wall and CPU (process_time) seconds. Progress goes to stderr; one JSON object with the timings to stdout.

--no-exact-paths skips the all-pairs betweenness, closeness and harmonic centrality (the huge
size, where they would take tens of minutes each). --sources FILE (one node index a line) times
closeness and harmonic_centrality with vertices= those nodes: one BFS from each listed vertex.
betweenness() has no such restriction in python-igraph 0.10.2: its `vertices` only selects
which results are returned (every source is still traversed) and it takes no `sources`, so no
sampled betweenness is timed here.
"""
import argparse
import csv
import json
import os
import platform
import random
import resource
import sys
import time

import igraph as ig


MAX_LOAD = [0.0]


def peak_rss_mib():
    """This process's own peak RSS. Linux: VmHWM, which starts afresh at exec. ru_maxrss does not:
    it carries over from the parent, so a child of a 1 GiB Node process reports at least ~1 GiB."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    # No /proc: ru_maxrss, in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def log(label, message):
    stamp = time.strftime("%H:%M:%S", time.gmtime())
    load = os.getloadavg()[0]
    MAX_LOAD[0] = max(MAX_LOAD[0], load)
    print(f"[{stamp}] [{label}] [load {load:.2f}] igraph {message}", file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("edges")
    parser.add_argument("nodes", type=int)
    parser.add_argument("--warm-up", action="store_true")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--label", default="igraph")
    parser.add_argument("--no-exact-paths", action="store_true")
    parser.add_argument("--sources")
    args = parser.parse_args()
    label = args.label
    # The interpreter with igraph loaded, before any graph: the floor under peakRssMiB.
    baseline_rss_mib = peak_rss_mib()

    sources = None
    if args.sources:
        with open(args.sources) as handle:
            sources = [int(line) for line in handle if line.strip()]

    with open(args.edges, newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        edge_list = [(int(s), int(t)) for s, t in reader]

    seconds = {}
    cpu_seconds = {}
    results = {}

    def step(name, fn):
        if args.warm_up:
            log(label, f"{name}: warm-up")
            fn()
        log(label, f"{name}: timing...")
        cpu_start = time.process_time()
        start = time.perf_counter()
        value = fn()
        seconds[name] = time.perf_counter() - start
        cpu_seconds[name] = time.process_time() - cpu_start
        log(label, f"{name}: {seconds[name]:.4f} s (CPU {cpu_seconds[name]:.4f} s)")
        return value

    graph = step("graphBuild", lambda: ig.Graph(n=args.nodes, edges=edge_list, directed=False))
    step("degree", lambda: graph.degree())
    if not args.no_exact_paths:
        step("betweenness", lambda: graph.betweenness(directed=False))
        step("closeness", lambda: graph.closeness(mode="all"))
        step("harmonic", lambda: graph.harmonic_centrality(mode="all"))
    if sources is not None:
        step("closenessSampled", lambda: graph.closeness(vertices=sources, mode="all"))
        step("harmonicSampled", lambda: graph.harmonic_centrality(vertices=sources, mode="all"))
    step("pagerank", lambda: graph.pagerank(directed=False))
    step("eigenvector", lambda: graph.eigenvector_centrality(directed=False))
    step("clustering", lambda: graph.transitivity_local_undirected(mode="zero"))
    step("coreness", lambda: graph.coreness())
    components = step("components", lambda: graph.connected_components())

    random.seed(args.seed)
    single = step("louvain1", lambda: graph.community_multilevel())

    def best_of_ten():
        best = None
        for _ in range(10):
            clusters = graph.community_multilevel()
            if best is None or clusters.modularity > best.modularity:
                best = clusters
        return best

    best = step("louvain10", best_of_ten)

    results["components"] = len(components)
    results["largestComponent"] = max(components.sizes()) if len(components) else 0
    results["louvain1Modularity"] = single.modularity
    results["louvain10Modularity"] = best.modularity
    results["louvain10Communities"] = len(best)
    results["transitivity"] = graph.transitivity_undirected()

    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpuSeconds": cpu_seconds,
                "facts": results,
                "igraphVersion": ig.__version__,
                "pythonVersion": platform.python_version(),
                "maxLoadAverage": MAX_LOAD[0],
                "sampledSources": None if sources is None else len(sources),
                "baselineRssMiB": baseline_rss_mib,
                "peakRssMiB": peak_rss_mib(),
            }
        )
    )


if __name__ == "__main__":
    main()
