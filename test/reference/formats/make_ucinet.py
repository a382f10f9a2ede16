#!/usr/bin/python3
"""Reference values for netweave's UCINET DL and NetDraw VNA readers and its DL writer.

Run with the Debian interpreter that has python-igraph and networkx:

    /usr/bin/python3 test/reference/formats/make_ucinet.py

It writes test/reference/formats/ucinet.json. The TypeScript tests compare netweave's readings
with it, never with netweave's own output.

How each value is computed, independently of netweave's TypeScript:

- DL files: a plain-Python reader written for this script (`dl_read`). It reads a full matrix as
  UCINET does, as one stream of values that ignores line breaks (netweave reads rows by line, so
  the two agree only when rows really are rows), and edge and node lists line by line.
  python-igraph 0.10.2 (`Graph.Read_DL`) reads only part of the format: a `DL n=...` first line,
  one matrix, no `nm=`, no `row/column/level labels:`, no quoted labels. For every file it can
  read, its reading (vertex names and weighted arcs) is compared with `dl_read`'s and the script
  stops if they differ; the JSON says which reader each file was checked with. networkx 2.8.8
  has no DL reader.
- VNA files: no library reads VNA, so a plain-Python reader (`vna_read`) written for this script.
  The Les Miserables file is cross-checked with networkx's own Les Miserables graph (edge count
  and degree sequence).
- Writer samples (netweave-written-*.dl): the sample networks are written out below by hand; the
  script checks that igraph (the one-relation sample, with the `nm=` and `matrix labels:` lines it
  cannot read removed) and `dl_read` (both samples) read back exactly those people, ties and
  weights.

Derived numbers, as netweave defines them: a layer (a DL matrix, a VNA relation column) is
undirected when symmetric (every pair has the same value both ways, missing = 0), else directed.
`ties` counts the non-zero cells of a directed layer, and the pairs i <= j of an undirected one;
`weight_sum` adds their values; `self_loops` counts non-zero diagonal cells.
"""

import json
import os
import re
import shlex
import sys

try:
    import igraph as ig
    import networkx as nx
except ImportError as exc:  # pragma: no cover
    sys.exit("make_ucinet.py: missing dependency (%s); run with /usr/bin/python3" % exc)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
DL_DIR = os.path.join(ROOT, "test", "fixtures", "formats", "ucinet")
VNA_DIR = os.path.join(ROOT, "test", "fixtures", "formats", "vna")
OUT = os.path.join(HERE, "ucinet.json")


def fail(message):
    sys.exit("make_ucinet.py: " + message)


def read_text(path):
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    return text[1:] if text.startswith("\ufeff") else text


def words(text, extra_separators=","):
    """Words of a text: whitespace and the extra separators split, double quotes group."""
    lex = shlex.shlex(text, posix=True)
    lex.whitespace = " \t\r\n" + extra_separators
    lex.whitespace_split = True
    lex.quotes = '"'
    lex.escape = ""
    lex.commenters = ""
    return list(lex)


# ---------------------------------------------------------------- DL, read by hand

KEYWORD_LINE = re.compile(
    r"^\s*(data\s*:|data\s*$|(row|rows|col|column|columns|matrix|level)\s+labels?\b|labels?\s*(:|embedded)"
    r"|format\s*[=:]|diagonal\b|(n|nr|nc|nm)\s*=)",
    re.I,
)
DATA_LINE = re.compile(r"^\s*data\s*:?", re.I)
FORMATS = {
    "fullmatrix": "fullmatrix", "fm": "fullmatrix", "full": "fullmatrix",
    "edgelist1": "edgelist1", "edgelist": "edgelist1", "el1": "edgelist1",
    "nodelist1": "nodelist1", "nodelist": "nodelist1", "nl1": "nodelist1",
}


def dl_read(path):
    """People and one {(row, col): value} dict per matrix, from a one-mode DL file."""
    lines = read_text(path).splitlines()
    data_at = next(i for i, line in enumerate(lines) if DATA_LINE.match(line))
    header_lines = lines[:data_at]
    header = " ".join(header_lines)
    if not re.match(r"\s*dl\b", header, re.I):
        fail("%s does not start with DL" % path)

    def number(key):
        match = re.search(r"\b%s\s*=?\s*(\d+)" % key, header, re.I)
        return int(match.group(1)) if match else None

    n = number("n")
    nm = number("nm") or 1
    match = re.search(r"\bformat\s*[=:]?\s*([a-z0-9]+)", header, re.I)
    fmt = FORMATS[match.group(1).lower()] if match else "fullmatrix"
    embedded = re.search(r"labels\s+embedded", header, re.I) is not None

    # Label blocks: the keyword's line after the colon, then lines up to the next keyword.
    blocks = {}
    i = 0
    while i < len(header_lines):
        line = header_lines[i]
        found = re.match(r"^\s*(?:(row|rows|col|column|columns|matrix|level)\s+)?labels?\s*:(.*)$", line, re.I)
        if not found:
            i += 1
            continue
        kind = (found.group(1) or "both").lower()
        kind = {"rows": "row", "col": "column", "columns": "column", "level": "matrix"}.get(kind, kind)
        raw = [found.group(2)] if found.group(2).strip() else []
        i += 1
        while i < len(header_lines) and not KEYWORD_LINE.match(header_lines[i]):
            if header_lines[i].strip():
                raw.append(header_lines[i])
            i += 1
        blocks[kind] = raw

    def block_labels(raw, expected):
        labels = words("\n".join(raw), ",=")
        if len(labels) != expected and len(raw) == expected:
            labels = [line.strip().strip('"') for line in raw]
        if len(labels) != expected:
            fail("%s: %d labels where %d were expected" % (path, len(labels), expected))
        return labels

    listed = None
    for kind in ("row", "both", "column"):
        if kind in blocks:
            listed = block_labels(blocks[kind], n)
            break
    matrix_names = block_labels(blocks["matrix"], nm) if "matrix" in blocks else None

    data_line = lines[data_at]
    first = re.sub(r"^\s*data\s*:?", "", data_line, flags=re.I)
    data = [first] + lines[data_at + 1:]
    matrices = []
    labels = listed

    if fmt == "fullmatrix":
        stream = " ".join(data).replace(",", " ").split()
        pos = 0
        for _ in range(nm):
            cells = {}
            columns = None
            if embedded:
                columns = stream[pos:pos + n]
                pos += n
            rows = []
            for r in range(n):
                if embedded:
                    rows.append(stream[pos])
                    pos += 1
                for c in range(n):
                    value = float(stream[pos])
                    pos += 1
                    if value != 0:
                        cells[(r, c)] = value
            if embedded and labels is None:
                labels = columns  # the spelling first seen in the file
            matrices.append(cells)
        if pos != len(stream):
            fail("%s: %d values left over" % (path, len(stream) - pos))
    else:
        names = {}
        current = {}
        matrices.append(current)

        def index(token):
            if embedded:
                if listed is not None:
                    return listed.index(token)
                if token not in names:
                    names[token] = len(names)
                return names[token]
            return int(token) - 1

        for line in data:
            tokens = words(line)
            if not tokens:
                continue
            if tokens == ["!"]:
                current = {}
                matrices.append(current)
                continue
            if fmt == "edgelist1":
                a, b = index(tokens[0]), index(tokens[1])
                value = float(tokens[2]) if len(tokens) > 2 else 1.0
                if value != 0:
                    current[(a, b)] = current.get((a, b), 0.0) + value
            else:
                a = index(tokens[0])
                for token in tokens[1:]:
                    b = index(token)
                    current[(a, b)] = current.get((a, b), 0.0) + 1.0
        if embedded and listed is None:
            labels = sorted(names, key=names.get)
        if len(matrices) != nm:
            fail("%s: %d matrices where %d were expected" % (path, len(matrices), nm))
    if labels is None:
        labels = [str(i + 1) for i in range(n)]
    if matrix_names is None:
        matrix_names = ["tie"] if nm == 1 else ["relation %d" % (k + 1) for k in range(nm)]
    return {"format": fmt, "labels": labels, "matrices": list(zip(matrix_names, matrices))}


def layer_summary(name, cells):
    symmetric = all(cells.get((b, a), 0.0) == value for (a, b), value in cells.items())
    kept = {key: value for key, value in cells.items() if not symmetric or key[0] <= key[1]}
    return {
        "name": name,
        "directed": not symmetric,
        "ties": len(kept),
        "weight_sum": sum(kept.values()),
        "self_loops": sum(1 for (a, b) in kept if a == b),
    }


def igraph_arcs(path, text=None):
    """Weighted arcs as igraph reads a DL file: {(from name, to name): summed weight}."""
    if text is not None:
        tmp = path + ".igraph-tmp"
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
        path = tmp
    try:
        graph = ig.Graph.Read_DL(path, directed=True)
    finally:
        if text is not None:
            os.remove(path)
    names = graph.vs["name"] if "name" in graph.vs.attributes() else [str(i + 1) for i in range(graph.vcount())]
    weights = graph.es["weight"] if "weight" in graph.es.attributes() else [1.0] * graph.ecount()
    arcs = {}
    for (a, b), w in zip(graph.get_edgelist(), weights):
        key = (names[a], names[b])
        # igraph leaves a line without a value NaN when other lines have one; UCINET's rule
        # (and netweave's) is that a missing value is 1.
        arcs[key] = arcs.get(key, 0.0) + (1.0 if w != w else float(w))
    return names, arcs


def named_arcs(read, cells):
    labels = read["labels"]
    return {(labels[a], labels[b]): value for (a, b), value in cells.items()}


# Files igraph 0.10.2 reads (the others use headers or labels it does not parse).
IGRAPH_READS = {
    "igraph-fullmatrix1.dl", "igraph-fullmatrix3.dl", "igraph-fullmatrix4.dl",
    "igraph-edgelist1.dl", "igraph-edgelist2.dl", "igraph-edgelist6.dl",
    "igraph-nodelist1.dl", "igraph-nodelist2.dl",
}


def dl_entry(name):
    path = os.path.join(DL_DIR, name)
    read = dl_read(path)
    entry = {
        "format": read["format"],
        "people": len(read["labels"]),
        "labels": read["labels"] if len(read["labels"]) <= 40 else read["labels"][:10],
        "relations": [layer_summary(rel, cells) for rel, cells in read["matrices"]],
        "checked_with": "dl_read (hand-written in this script)",
    }
    if name in IGRAPH_READS:
        names, arcs = igraph_arcs(path)
        if names != read["labels"]:
            fail("%s: igraph names %r differ from dl_read %r" % (name, names, read["labels"]))
        mine = named_arcs(read, read["matrices"][0][1])
        if arcs != mine:
            fail("%s: igraph arcs %r differ from dl_read %r" % (name, arcs, mine))
        entry["checked_with"] = "dl_read and python-igraph %s Graph.Read_DL (identical)" % ig.__version__
    return entry


# ---------------------------------------------------------------- VNA, read by hand

def vna_fields(line):
    if "," in re.sub(r'"[^"]*"', "", line):
        return [field.strip().strip('"') for field in next(iter(__import__("csv").reader([line])))]
    return words(line, "")


def is_number(text):
    return re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text.strip()) is not None


def vna_read(path):
    sections = []
    for line in read_text(path).splitlines():
        if not line.strip():
            continue
        if line.strip().startswith("*"):
            sections.append({"name": " ".join(line.strip()[1:].lower().split()), "rows": []})
            continue
        sections[-1]["rows"].append(vna_fields(line))
    people = []
    attributes = []
    for section in sections:
        if section["name"] == "node data":
            attributes = section["rows"][0][1:]
            people += [row[0] for row in section["rows"][1:] if row[0] not in people]
    for section in sections:
        if section["name"] == "node properties":
            people += [row[0] for row in section["rows"][1:] if row[0] not in people]
    relations = []
    text_columns = []
    for section in sections:
        if section["name"] != "tie data":
            continue
        header, rows = section["rows"][0], section["rows"][1:]
        for row in rows:
            for person in row[:2]:
                if person not in people:
                    people.append(person)
        numeric = [c for c in range(2, len(header)) if any(is_number(row[c]) for row in rows)]
        text_columns += [header[c] for c in range(2, len(header)) if c not in numeric and any(row[c] for row in rows)]
        if not numeric:
            relations.append(("tie", {(people.index(r[0]), people.index(r[1])): 1.0 for r in rows}))
            continue
        for c in numeric:
            name = "tie" if len(numeric) == 1 and header[c].lower() == "strength" else header[c]
            cells = {}
            for row in rows:
                if is_number(row[c]) and float(row[c]) != 0:
                    key = (people.index(row[0]), people.index(row[1]))
                    cells[key] = cells.get(key, 0.0) + float(row[c])
            relations.append((name, cells))
    return {"people": people, "attributes": attributes, "text_columns": text_columns, "relations": relations}


def vna_entry(name):
    read = vna_read(os.path.join(VNA_DIR, name))
    entry = {
        "people": len(read["people"]),
        "labels": read["people"][:10],
        "attributes": read["attributes"],
        "tie_attributes": read["text_columns"],
        "relations": [layer_summary(rel, cells) for rel, cells in read["relations"]],
        "checked_with": "vna_read (hand-written in this script)",
    }
    if name.startswith("tsnet-lesmis"):
        graph = nx.les_miserables_graph()
        edges = {frozenset(key) for key in read["relations"][0][1]}
        mine = sorted(sum(1 for e in edges if i in e) for i in range(len(read["people"])))
        theirs = sorted(d for _, d in graph.degree())
        if len(edges) != graph.number_of_edges() or mine != theirs:
            fail("%s differs from networkx's Les Miserables graph" % name)
        entry["checked_with"] = (
            "vna_read; edge count and degree sequence equal networkx %s les_miserables_graph()" % nx.__version__
        )
    return entry


# ---------------------------------------------------------------- writer samples

# The networks test/engine/io/ucinet-dl-writer.test.ts writes (SIMPLE_SAMPLE, MULTI_SAMPLE): same
# people (by label), ties, weights and relations.
WRITER_SAMPLES = {
    "netweave-written-simple.dl": {
        "directed": False,
        "people": ["ana", "ben", "caro", "dev", "eli"],
        "ties": [("ana", "ben", "advice", 2.0), ("ben", "caro", "advice", 1.5), ("caro", "ana", "advice", 1.0),
                 ("dev", "caro", "advice", 0.25)],
    },
    "netweave-written-multi.dl": {
        "directed": True,
        "people": ["Ana Lima", "Ben Okafor", "Carolina Ruíz", "Dev, Jr.", "data"],
        "ties": [("Ana Lima", "Ben Okafor", "advice", 3.0), ("Ben Okafor", "Ana Lima", "advice", 1.0),
                 ("Carolina Ruíz", "Dev, Jr.", "advice", 2.5), ("Ana Lima", "Carolina Ruíz", "close friends", 1.0),
                 ("Carolina Ruíz", "Ana Lima", "close friends", 1.0), ("data", "data", "close friends", 4.0)],
    },
}


def expected_arcs(sample, relation=None):
    arcs = {}
    for a, b, rel, w in sample["ties"]:
        if relation is not None and rel != relation:
            continue
        arcs[(a, b)] = arcs.get((a, b), 0.0) + w
        if not sample["directed"] and a != b:
            arcs[(b, a)] = arcs.get((b, a), 0.0) + w
    return arcs


def writer_entry(name):
    path = os.path.join(DL_DIR, name)
    sample = WRITER_SAMPLES[name]
    read = dl_read(path)
    if read["labels"] != sample["people"]:
        fail("%s: people %r, expected %r" % (name, read["labels"], sample["people"]))
    relations = []
    for rel, cells in read["matrices"]:
        if named_arcs(read, cells) != expected_arcs(sample, rel):
            fail("%s: matrix %s differs from the sample" % (name, rel))
        relations.append(rel)
    entry = {
        "people": sample["people"],
        "directed": sample["directed"],
        "relations": relations,
        "ties": [list(tie) for tie in sample["ties"]],
        "checked_with": "dl_read",
    }
    if name == "netweave-written-simple.dl":
        # igraph reads neither `nm=` nor `matrix labels:`; remove them and read the one matrix.
        text = read_text(path)
        text = re.sub(r"\s+nm=\d+", "", text, count=1)
        text = re.sub(r"matrix labels:\n[^\n]*\n", "", text, count=1)
        names, arcs = igraph_arcs(path, text)
        if names != sample["people"] or arcs != expected_arcs(sample):
            fail("%s: igraph reads %r %r" % (name, names, arcs))
        entry["igraph"] = {
            "names": names,
            "arcs": sorted([a, b, w] for (a, b), w in arcs.items()),
        }
        entry["checked_with"] = "dl_read and python-igraph %s Graph.Read_DL (nm= and matrix labels: removed)" % ig.__version__
    return entry


def main():
    dl_files = sorted(
        f for f in os.listdir(DL_DIR) if f.endswith(".dl") and not f.startswith("netweave-written")
    )
    vna_files = sorted(f for f in os.listdir(VNA_DIR) if f.endswith(".vna"))
    result = {
        "generator": "test/reference/formats/make_ucinet.py",
        "versions": {"python-igraph": ig.__version__, "networkx": nx.__version__},
        "notes": [
            "Layers are undirected when symmetric (missing = 0); ties count i <= j pairs of an "
            "undirected layer and all non-zero cells of a directed one.",
            "dl_read and vna_read are plain-Python readers written for this script; python-igraph "
            "cross-checks the DL files it can read (checked_with says which).",
            "No library reads NetDraw VNA; Les Miserables is cross-checked with networkx.",
            "igraph reads an edgelist1 line without a value as NaN when other lines have values; the "
            "cross-check counts it as 1, UCINET's documented default.",
        ],
        "dl": {name: dl_entry(name) for name in dl_files},
        "vna": {name: vna_entry(name) for name in vna_files},
        "writer": {name: writer_entry(name) for name in sorted(WRITER_SAMPLES)},
    }
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1, sort_keys=True, ensure_ascii=False)
        handle.write("\n")
    print("wrote", os.path.relpath(OUT, ROOT))


if __name__ == "__main__":
    main()
