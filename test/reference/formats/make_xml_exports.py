#!/usr/bin/python3
"""What networkx reads from netweave's hostile GEXF and GraphML exports.

Run with Debian's interpreter, which has the packages (see test/reference/README.md):

    /usr/bin/python3 test/reference/formats/make_xml_exports.py

Reads test/fixtures/formats/hostile/hostile.gexf and hostile.graphml (our writers' output for
test/engine/io/hostile-export.ts: tabs and line breaks in ids and labels, surrounding spaces,
characters XML 1.0 cannot hold, an attribute named `degree` beside the measure, lists whose
items hold `|`, commas and quotes) with networkx 2.8.8's read_gexf and read_graphml (expat
underneath), and writes test/reference/formats/xml_exports.json: every node's id and data and
every edge's ends and data exactly as networkx gives them. Values of list attributes are the
JSON array text the files hold; this script also decodes them with json.loads (`lists`), so
the test can check they are lists to a reader that knows the convention. Nothing here uses
netweave's code; the test compares this with what netweave meant to write.
"""
import json
import os

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
FIXTURES = os.path.join(ROOT, "test", "fixtures", "formats", "hostile")
OUT = os.path.join(HERE, "xml_exports.json")


def view(graph):
    nodes = {str(node): dict(data) for node, data in graph.nodes(data=True)}
    edges = [[str(s), str(t), dict(data)] for s, t, data in graph.edges(data=True)]
    lists = {}
    for node, data in nodes.items():
        value = data.get("skills")
        if isinstance(value, str):
            lists[node] = json.loads(value)
    return {
        "networkx": nx.__version__,
        "directed": graph.is_directed(),
        "nodes": nodes,
        "edges": edges,
        "lists": lists,
    }


def main():
    out = {
        "gexf": view(nx.read_gexf(os.path.join(FIXTURES, "hostile.gexf"), relabel=False)),
        "graphml": view(nx.read_graphml(os.path.join(FIXTURES, "hostile.graphml"))),
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
