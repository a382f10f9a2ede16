#!/usr/bin/python3
"""Reference values for netweave's GML, DOT, graphology JSON and Gephi Lite readers.

Run with Debian's interpreter, which has the packages (see test/reference/README.md):

    /usr/bin/python3 test/reference/formats/make_gml_dot.py

Reads the real files under test/fixtures/formats/ and writes test/reference/formats/gml_dot.json.
Every number comes from an implementation other than netweave's:

- GML: python-igraph's Graph.Read_GML (igraph's C parser) gives the people, the edges and their
  attributes; networkx 2.8.8's read_gml(label="id") is the cross-check (it refuses a repeated
  edge unless the graph says `multigraph 1`, so for such files the check reads a copy with that
  line added; this is recorded in `notes`). The script stops if the two disagree.
- DOT: Graphviz itself, through pygraphviz (cgraph, the parser `dot` uses), gives the nodes,
  edges, attributes, strictness and subgraphs. (pydot is not used: its parser cannot read
  unquoted Cyrillic names such as russian.gv's, and networkx 2.8.8's pydot reader adds a node
  named "\\n" to every graph.) HTML labels are turned into text with Python's html.parser.
- graphology JSON and Gephi Lite project files: plain json.load and counting.

The rules netweave documents are applied here on the parsed data, independently:
- ties: edges with the same ends (either order when undirected) and the same relation are one
  tie, weights added; the relation is the edge's `relation`, else `type` (GML, graphology), else
  `label`, else "tie"; the weight is `weight`, else `value` (GML), else 1; in DOT a weight of 0
  reads as 1.
- labels: GML `label`, else `name`, else the id; DOT `label` (\\N is the node's name, line
  breaks become spaces, HTML read as text), else the node's name; graphology `label`, else the key.
"""
import json
import os
import re
import sys
from html.parser import HTMLParser

import igraph
import networkx as nx
import pygraphviz

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
FIXTURES = os.path.join(ROOT, "test", "fixtures", "formats")
OUT = os.path.join(HERE, "gml_dot.json")


def tie_key(source, target, relation, directed):
    a, b = (source, target) if directed or source <= target else (target, source)
    return (relation, a, b)


def summarize(people, edges, directed):
    """people: [(id, label)]; edges: [(source, target, relation, weight)]."""
    ties = {}
    for source, target, relation, weight in edges:
        key = tie_key(source, target, relation, directed)
        ties[key] = ties.get(key, 0) + weight
    return {
        "people": len(people),
        "edges": len(edges),
        "ties": len(ties),
        "directed": directed,
        "weight_sum": round(sum(w for *_, w in edges), 9),
        "relations": sorted({r for _, _, r, _ in edges}),
        "self_loops": sum(1 for s, t, *_ in edges if s == t),
        "first_labels": {pid: label for pid, label in people[:5]},
        "max_tie_weight": round(max(ties.values()), 9) if ties else None,
    }


def text_of(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- GML -------------------------------------------------------------------------------------

GML_FILES = ["karate.gml", "lesmis.gml", "celegansneural.gml", "social_network.gml", "yfiles.gml"]


def gml_relation(attrs):
    for key in ("relation", "type", "label"):
        value = attrs.get(key)
        if value is not None and text_of(value) != "":
            return text_of(value)
    return "tie"


def gml_weight(attrs):
    for key in ("weight", "value"):
        value = attrs.get(key)
        if value is not None:
            return float(value)
    return 1.0


def gml_id(value):
    return text_of(value)


def gml_with_igraph(path):
    g = igraph.Graph.Read_GML(path)
    vattrs = set(g.vs.attributes())
    people = []
    for v in g.vs:
        pid = gml_id(v["id"])
        label = text_of(v["label"]) if "label" in vattrs else ""
        if label == "" and "name" in vattrs:
            label = text_of(v["name"])
        people.append((pid, label or pid))
    eattrs = g.es.attributes()
    edges = []
    for e in g.es:
        attrs = {k: e[k] for k in eattrs}
        # igraph fills attributes an edge does not have with None / nan
        attrs = {k: v for k, v in attrs.items() if v is not None and not (isinstance(v, float) and v != v)}
        edges.append((people[e.source][0], people[e.target][0], gml_relation(attrs), gml_weight(attrs)))
    return summarize(people, edges, g.is_directed())


def gml_with_networkx(path, notes):
    with open(path, "rb") as handle:
        text = handle.read().decode("ascii")
    try:
        graph = nx.parse_gml(text, label="id")
    except nx.NetworkXError as error:
        if "duplicated" not in str(error):
            raise
        notes.append(f"networkx: {os.path.basename(path)} has repeated edges ({error}); read again with 'multigraph 1'")
        graph = nx.parse_gml(re.sub(r"graph\s*\[", "graph [ multigraph 1", text, count=1), label="id")
    people = []
    for node, data in graph.nodes(data=True):
        pid = gml_id(node)
        label = text_of(data.get("label")) or text_of(data.get("name"))
        people.append((pid, label or pid))
    edges = [
        (gml_id(u), gml_id(v), gml_relation(data), gml_weight(data))
        for u, v, data in graph.edges(data=True)
    ]
    return summarize(people, edges, graph.is_directed())


def make_gml(notes):
    out = {}
    for name in GML_FILES:
        path = os.path.join(FIXTURES, "gml", name)
        by_igraph = gml_with_igraph(path)
        by_networkx = gml_with_networkx(path, notes)
        if by_igraph != by_networkx:
            sys.exit(f"{name}: igraph and networkx disagree:\n{by_igraph}\n{by_networkx}")
        out[name] = by_igraph
    return out


# --- DOT -------------------------------------------------------------------------------------

DOT_FILES = [
    "clust4.gv", "unix.gv", "process.gv", "japanese.gv", "russian.gv", "states.gv", "world.gv",
    "Petersen.gv", "ER.gv", "table.gv", "honda-tokoro.gv", "fsm.gv", "inet.dot",
]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.parts.append(" ")

    def handle_endtag(self, tag):
        self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def html_text(value):
    parser = _Text()
    parser.feed(value)
    parser.close()
    return " ".join("".join(parser.parts).split())


def dot_label(value, name, graph_name, is_html):
    if is_html:
        return html_text(value)
    out = []
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            code = value[i + 1]
            out.append({"N": name, "G": graph_name, "\\": "\\", "n": " ", "l": " ", "r": " "}.get(code, ""))
            i += 2
            continue
        out.append(c)
        i += 1
    return " ".join("".join(out).split())


def html_labels(text):
    """Names of nodes whose label is an HTML string (<...>), from the source text."""
    return set(re.findall(r'(\w+)\s*\[[^\]]*?label\s*=\s*<', text))


def dot_with_graphviz(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    graph = pygraphviz.AGraph(string=text)
    graph_name = graph.name or ""
    html_nodes = html_labels(text)
    people = []
    for node in graph.nodes():
        label = node.attr.get("label")
        if label is None or label == "":
            shown = str(node)
        else:
            shown = dot_label(label, str(node), graph_name, str(node) in html_nodes) or str(node)
        people.append((str(node), shown))
    edges = []
    for edge in graph.edges():
        attrs = edge.attr
        raw_relation = attrs.get("relation") or attrs.get("label") or ""
        relation = dot_label(raw_relation, "", graph_name, False) or "tie"
        raw_weight = attrs.get("weight")
        weight = float(raw_weight) if raw_weight not in (None, "") else 1.0
        if weight == 0:
            weight = 1.0
        edges.append((str(edge[0]), str(edge[1]), relation, weight))
    summary = summarize(people, edges, graph.is_directed())
    summary["strict"] = graph.is_strict()
    label = graph.graph_attr.get("label")
    summary["graph_label"] = dot_label(label, "", graph_name, False) if label else None
    clusters = {}

    def visit(parent):
        for sub in parent.subgraphs():
            if sub.name and not sub.name.startswith("%"):
                clusters[sub.name] = {
                    "label": sub.graph_attr.get("label") or None,
                    "members": sorted(str(n) for n in sub.nodes()),
                }
            visit(sub)

    visit(graph)
    summary["subgraphs"] = clusters
    return summary


def make_dot():
    return {name: dot_with_graphviz(os.path.join(FIXTURES, "dot", name)) for name in DOT_FILES}


# --- graphology JSON and Gephi Lite ----------------------------------------------------------

GRAPHOLOGY_FILES = ["clique3.json", "directed500.json", "gephi-lite-test-graphology.json"]


def relation_of(attrs):
    for key in ("relation", "type", "label"):
        value = attrs.get(key)
        if value is not None and text_of(value) != "":
            return text_of(value)
    return "tie"


def weight_of(attrs):
    value = attrs.get("weight")
    return float(value) if value is not None else 1.0


def graphology_summary(data, node_label, edge_attrs):
    options = data.get("options") or {}
    kind = options.get("type", "mixed")
    people = []
    for node in data["nodes"]:
        key = text_of(node["key"])
        label = text_of(node_label(node))
        people.append((key, label or key))
    edges = []
    directed_flags = set()
    for edge in data["edges"]:
        attrs = edge_attrs(edge)
        directed = kind == "directed" or (kind == "mixed" and not edge.get("undirected", False))
        directed_flags.add(directed)
        edges.append((text_of(edge["source"]), text_of(edge["target"]), relation_of(attrs), weight_of(attrs), directed))
    # Ties are keyed with each edge's own direction.
    ties = {}
    for s, t, r, w, d in edges:
        key = (d,) + tie_key(s, t, r, d)
        ties[key] = ties.get(key, 0) + w
    summary = summarize(people, [e[:4] for e in edges], directed_flags == {True})
    summary["ties"] = len(ties)
    summary["max_tie_weight"] = round(max(ties.values()), 9) if ties else None
    summary["graph_type"] = kind
    summary["multi"] = bool(options.get("multi", False))
    summary["name"] = (data.get("attributes") or {}).get("name") or (data.get("attributes") or {}).get("title")
    return summary


def make_graphology():
    out = {}
    for name in GRAPHOLOGY_FILES:
        with open(os.path.join(FIXTURES, "graphology", name), encoding="utf-8") as handle:
            data = json.load(handle)
        out[name] = graphology_summary(
            data,
            lambda node: (node.get("attributes") or {}).get("label"),
            lambda edge: edge.get("attributes") or {},
        )
    return out


def make_gephi_lite():
    with open(os.path.join(FIXTURES, "gephi-lite", "les-miserables.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    dataset = data["graphDataset"]
    node_data = dataset["nodeData"]
    edge_data = dataset["edgeData"]
    summary = graphology_summary(
        dataset["fullGraph"],
        lambda node: node_data.get(node["key"], {}).get("label"),
        lambda edge: edge_data.get(edge["key"], {}),
    )
    summary["version"] = data["version"]
    summary["name"] = dataset["metadata"].get("title")
    return {"les-miserables.json": summary}


def main():
    notes = []
    result = {
        "generator": "test/reference/formats/make_gml_dot.py",
        "versions": {
            "igraph": igraph.__version__,
            "networkx": nx.__version__,
            "pygraphviz": pygraphviz.__version__,
            "graphviz": _graphviz_version(),
        },
        "sources": {
            "gml": "igraph Read_GML, cross-checked with networkx read_gml(label='id')",
            "dot": "Graphviz cgraph through pygraphviz",
            "graphology": "json.load",
            "gephi-lite": "json.load (graphDataset.fullGraph, nodeData, edgeData)",
        },
        "gml": make_gml(notes),
        "dot": make_dot(),
        "graphology": make_graphology(),
        "gephi-lite": make_gephi_lite(),
        "notes": notes,
    }
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1, ensure_ascii=False, sort_keys=True)
        handle.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)}")


def _graphviz_version():
    import subprocess

    try:
        out = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=False)
        return (out.stderr or out.stdout).strip()
    except OSError:
        return None


if __name__ == "__main__":
    main()
