#!/usr/bin/python3
"""Reference readings of the edge-list, adjacency-list, GraphML and GEXF fixtures, by networkx
and python-igraph, for netweave's reader tests (test/engine/io/edge-list-text.test.ts,
adjacency-list.test.ts, graphml-formats.test.ts, gexf-formats.test.ts).

Run with the Debian interpreter that has networkx 2.8.8 and python-igraph 0.10.2:

    apt-get install -y python3-networkx python3-igraph
    /usr/bin/python3 test/reference/formats/make_edgelists.py

It reads every fixture under test/fixtures/formats/{edgelist,adjlist,graphml,gexf} with an
independent reader and writes test/reference/formats/edgelists.json (sorted keys): for each
reading, the reader call, the people (node ids, and labels where the format has them), and the
ties as [source, target, weight] (weight null when the reader gives none), sorted.

    /usr/bin/python3 test/reference/formats/make_edgelists.py --write-fixtures

first (re)writes the fixtures that networkx itself produces (networkx-*.edgelist, *.adjlist,
*.gexf; write_adjlist stamps the time, so they differ from run to run only in that comment).
"""

import json
import os
import sys
import warnings
import xml.etree.ElementTree as ET

import igraph as ig
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
FIXTURES = os.path.join(ROOT, "test", "fixtures", "formats")
OUT = os.path.join(HERE, "edgelists.json")


def fixture(path):
    return os.path.join(FIXTURES, path)


def write_fixtures():
    """The fixtures networkx writes: its own writers on its own built-in graphs."""
    nx.write_edgelist(nx.karate_club_graph(), fixture("edgelist/networkx-karate.edgelist"))
    nx.write_edgelist(nx.les_miserables_graph(), fixture("edgelist/networkx-lesmis-weight.edgelist"), data=["weight"])
    nx.write_adjlist(nx.florentine_families_graph(), fixture("adjlist/networkx-florentine.adjlist"))
    nx.write_adjlist(nx.DiGraph(nx.krackhardt_kite_graph()), fixture("adjlist/networkx-kite-directed.adjlist"))
    # Gephi and networkx both allow weight 0: the karate club with one tie's weight set to 0.0.
    karate = nx.karate_club_graph()
    karate.edges[0, 1]["weight"] = 0.0
    nx.write_gexf(karate, fixture("gexf/networkx-karate-zero-weight.gexf"))


def weight_of(data):
    if data is None or "weight" not in data:
        return None
    return float(data["weight"])


def nx_reading(graph, call, notes=None):
    edges = sorted(
        ([str(u), str(v), weight_of(d)] for u, v, d in graph.edges(data=True)),
        key=lambda e: (e[0], e[1]),
    )
    if not graph.is_directed():
        edges = sorted(([*sorted(e[:2]), e[2]] for e in edges), key=lambda e: (e[0], e[1]))
    reading = {
        "reader": call,
        "directed": graph.is_directed(),
        "nodes": sorted(str(n) for n in graph.nodes),
        "node_count": graph.number_of_nodes(),
        "edges": edges,
        "edge_count": graph.number_of_edges(),
    }
    labels = {str(n): d["label"] for n, d in graph.nodes(data=True) if "label" in d}
    if labels:
        reading["labels"] = labels
    if notes:
        reading["notes"] = notes
    return reading


def ig_reading(graph, call, notes=None):
    names = graph.vs["name"]
    weights = graph.es["weight"] if "weight" in graph.es.attributes() else [None] * graph.ecount()
    edges = []
    for (s, t), w in zip(graph.get_edgelist(), weights):
        a, b = names[s], names[t]
        if not graph.is_directed():
            a, b = sorted([a, b])
        edges.append([a, b, None if w is None else float(w)])
    edges.sort(key=lambda e: (e[0], e[1]))
    reading = {
        "reader": call,
        "directed": graph.is_directed(),
        "nodes": sorted(names),
        "node_count": graph.vcount(),
        "edges": edges,
        "edge_count": graph.ecount(),
    }
    if notes:
        reading["notes"] = notes
    return reading


def yfiles_labels(path):
    """Node labels as yEd Live / yFiles for HTML writes them, read with ElementTree."""
    ns = {"g": "http://graphml.graphdrawing.org/xmlns", "y": "http://www.yworks.com/xml/yfiles-common/3.0"}
    tree = ET.parse(path)
    keys = {k.get("id") for k in tree.getroot().findall("g:key", ns) if k.get("attr.name") == "NodeLabels"}
    labels = {}
    for node in tree.getroot().iter("{http://graphml.graphdrawing.org/xmlns}node"):
        for data in node.findall("g:data", ns):
            if data.get("key") not in keys:
                continue
            for label in data.iter("{http://www.yworks.com/xml/yfiles-common/3.0}Label"):
                text = label.get("Text")
                if text is None:
                    inner = label.find("y:Label.Text", ns)
                    text = inner.text if inner is not None else None
                if text:
                    labels.setdefault(node.get("id"), text)
    return labels


def main():
    # networkx warns about yFiles keys without a type and about ports; neither changes a reading.
    warnings.filterwarnings("ignore", category=UserWarning)
    if "--write-fixtures" in sys.argv:
        write_fixtures()
    files = {}

    snap = "edgelist/snap-ca-grqc-head.txt"
    files[snap] = {
        "undirected": nx_reading(nx.read_edgelist(fixture(snap), nodetype=str), "networkx.read_edgelist(path, nodetype=str)",
                                 "Graph: a tie listed in both directions is one edge"),
        "directed": nx_reading(nx.read_edgelist(fixture(snap), nodetype=str, create_using=nx.DiGraph),
                               "networkx.read_edgelist(path, nodetype=str, create_using=nx.DiGraph)"),
        "lines": 326,
        "data_lines": sum(1 for line in open(fixture(snap), encoding="utf-8") if line.strip() and not line.startswith("#")),
    }
    karate = "edgelist/networkx-karate.edgelist"
    files[karate] = {"undirected": nx_reading(nx.read_edgelist(fixture(karate), nodetype=str), "networkx.read_edgelist(path, nodetype=str)")}
    lesmis = "edgelist/networkx-lesmis-weight.edgelist"
    files[lesmis] = {
        "undirected": nx_reading(nx.read_weighted_edgelist(fixture(lesmis), nodetype=str), "networkx.read_weighted_edgelist(path, nodetype=str)"),
        "igraph": ig_reading(ig.Graph.Read_Ncol(fixture(lesmis), names=True, weights=True, directed=False),
                             "igraph.Graph.Read_Ncol(path, names=True, weights=True, directed=False)"),
    }
    for name in ("edgelist/igraph-graph1.ncol", "edgelist/igraph-graph2.ncol"):
        files[name] = {
            "igraph": ig_reading(ig.Graph.Read_Ncol(fixture(name), names=True, weights="auto", directed=False),
                                 "igraph.Graph.Read_Ncol(path, names=True, weights='auto', directed=False)",
                                 "igraph gives a line without a weight weight 0 when other lines have one; netweave gives it 1 and warns"),
        }
    for name in ("adjlist/networkx-florentine.adjlist", "adjlist/socnetv-mexican-power-1940s.lst"):
        files[name] = {
            "undirected": nx_reading(nx.read_adjlist(fixture(name), nodetype=str), "networkx.read_adjlist(path, nodetype=str)"),
            "directed": nx_reading(nx.read_adjlist(fixture(name), nodetype=str, create_using=nx.DiGraph),
                                   "networkx.read_adjlist(path, nodetype=str, create_using=nx.DiGraph)"),
        }
    kite = "adjlist/networkx-kite-directed.adjlist"
    files[kite] = {"directed": nx_reading(nx.read_adjlist(fixture(kite), nodetype=str, create_using=nx.DiGraph),
                                          "networkx.read_adjlist(path, nodetype=str, create_using=nx.DiGraph)")}
    for name, delimiter in (("adjlist/gephi-docs-adjacency.csv", ";"), ("adjlist/gephi-docs-mixed.csv", ",")):
        files[name] = {"directed": nx_reading(nx.read_adjlist(fixture(name), nodetype=str, delimiter=delimiter, create_using=nx.DiGraph),
                                              f"networkx.read_adjlist(path, nodetype=str, delimiter={delimiter!r}, create_using=nx.DiGraph)",
                                              "Gephi adds 1 to a repeated edge's weight; networkx keeps one edge")}

    socnetv = "graphml/socnetv-tinydir-n3-rel2.graphml"
    graphs = list(nx.readwrite.graphml.GraphMLReader()(path=fixture(socnetv)))
    tree = ET.parse(fixture(socnetv))
    ids = [g.get("id") for g in tree.getroot().findall("{http://graphml.graphdrawing.org/xmlns}graph")]
    files[socnetv] = {
        "graphs": [dict(nx_reading(g, "networkx.readwrite.graphml.GraphMLReader()(path=path)"), id=graph_id) for g, graph_id in zip(graphs, ids)],
    }
    yed_live = "graphml/yed-live-simple-model.graphml"
    files[yed_live] = {
        "directed": nx_reading(nx.read_graphml(fixture(yed_live)), "networkx.read_graphml(path)",
                               "networkx reads the structure; labels come from ElementTree (y:Label Text), which networkx does not read"),
        "labels": yfiles_labels(fixture(yed_live)),
    }
    gexf = "gexf/networkx-karate-zero-weight.gexf"
    files[gexf] = {"undirected": nx_reading(nx.read_gexf(fixture(gexf)), "networkx.read_gexf(path)")}

    out = {
        "generator": "test/reference/formats/make_edgelists.py",
        "networkx": nx.__version__,
        "igraph": ig.__version__,
        "files": files,
    }
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1, sort_keys=True, ensure_ascii=False)
        handle.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)}: {len(files)} files")


if __name__ == "__main__":
    main()
