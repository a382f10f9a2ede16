#!/usr/bin/python3
"""Reference values for netweave's results join to the people network and the actors of the
system map (src/engine/features/results/analyze-results.ts and people-join.ts), on the coalition
sample and its results set (data/samples/coalition/results/).

Run with the Debian interpreter that has networkx:

    /usr/bin/python3 test/reference/results_cohort.py

Definitions (the engine's, written again here from the issue's words, with networkx):
  - the people network: data/samples/coalition/people.csv (name, organization, sector) and the
    true ties of truth/ties.json (collaborate and advice, by name), read undirected;
  - a result's cohort: the people named in its actions' `by` and its commitments' `who`, and
    every member (people.csv organization) of an organisation named there. Names are matched
    exactly, except the one typo the sample holds on purpose ("Tranh Jones", Tran Jones);
  - its indicator factors: indicators.csv `factor`; the relevant factors: those and every
    factor with a directed path of at most K = 3 links to one of them (nx.all_simple_paths on
    systemmap/links.csv);
  - partners: the organisations of systemmap/actors.csv working on a relevant factor, with the
    factors they work on among those, `in_cohort` (named by an action or commitment of the
    result, or one of its members is in the cohort) and `tied_to_cohort` (one of its members has
    a tie to a cohort member outside it; null when it has no member in people.csv);
  - connectedness: the subgraph induced by the cohort: its number of edges, density
    (nx.density), component sizes (nx.connected_components), articulation points
    (nx.articulation_points) each with how many people would no longer be connected to the
    largest remaining piece of its component, and the people outside the cohort tied to two or
    more of its components;
  - sectors: the cohort's people.csv `sector` counts.
Output: test/reference/results_cohort.json.
"""

import csv
import json
import os
import sys

try:
    import networkx as nx
except ImportError as exc:  # pragma: no cover
    sys.exit("results_cohort.py: networkx is missing (%s); run with /usr/bin/python3" % exc)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SAMPLE = os.path.join(ROOT, "data", "samples", "coalition")
K = 3
TYPOS = {"Tranh Jones": "Tran Jones"}


def rows(*path):
    with open(os.path.join(SAMPLE, *path), newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def main():
    people = rows("people.csv")
    org_of = {p["name"]: p["organization"] for p in people}
    sector_of = {p["name"]: p["sector"] for p in people}
    members = {}
    for p in people:
        members.setdefault(p["organization"], []).append(p["name"])
    names = {p["id"]: p["name"] for p in json.load(open(os.path.join(SAMPLE, "truth", "people.json"), encoding="utf-8"))}
    ties = json.load(open(os.path.join(SAMPLE, "truth", "ties.json"), encoding="utf-8"))
    network = nx.Graph()
    network.add_nodes_from(org_of)
    for relation in ("collaborate", "advice"):
        for a, b in ties[relation]:
            if names[a] != names[b]:
                network.add_edge(names[a], names[b])

    causal = nx.DiGraph()
    for link in rows("systemmap", "links.csv"):
        if link["from"] != link["to"]:
            causal.add_edge(link["from"], link["to"])
    works_on = {}
    for row in rows("systemmap", "actors.csv"):
        works_on.setdefault(row["organization"], []).append(row["works on"])

    results = [r["result"] for r in rows("results", "results.csv")]
    indicators = rows("results", "indicators.csv")
    actions = rows("results", "actions.csv")
    commitments = rows("results", "commitments.csv")

    out = {"generator": "test/reference/results_cohort.py", "networkx": nx.__version__, "steps": K, "results": {}}
    for result in results:
        named = [TYPOS.get(n.strip(), n.strip()) for a in actions if a["result"] == result for n in a["by"].split(";") if n.strip()]
        named += [c["who"] for c in commitments if c["result"] == result]
        cohort = set()
        named_orgs = set()
        for name in named:
            if name in members:
                named_orgs.add(name)
                cohort.update(members[name])
            elif name in org_of:
                cohort.add(name)
        targets = {i["factor"] for i in indicators if i["result"] == result}
        relevant = set(targets)
        for target in targets:
            for source in causal.nodes:
                if source != target and any(True for _ in nx.all_simple_paths(causal, source, target, cutoff=K)):
                    relevant.add(source)
        partners = {}
        for org, factors in works_on.items():
            mine = [f for f in factors if f in relevant]
            if not mine:
                continue
            inside = members.get(org, [])
            tied = None
            if inside:
                tied = any(other in cohort and other not in inside for m in inside for other in network[m])
            partners[org] = {
                "factors": sorted(mine),
                "in_cohort": org in named_orgs or any(m in cohort for m in inside),
                "tied_to_cohort": tied,
            }
        sub = network.subgraph(cohort)
        parts = list(nx.connected_components(sub))
        part_of = {v: i for i, part in enumerate(parts) for v in part}
        hold = {}
        for v in nx.articulation_points(sub):
            component = next(part for part in parts if v in part)
            pieces = list(nx.connected_components(sub.subgraph(component - {v})))
            hold[v] = len(component) - 1 - max(len(p) for p in pieces)
        bridges = {}
        for person in network.nodes:
            if person in cohort:
                continue
            touched = {part_of[o] for o in network[person] if o in part_of}
            if len(touched) >= 2:
                bridges[person] = len(touched)
        sectors = {}
        for person in cohort:
            sectors[sector_of[person]] = sectors.get(sector_of[person], 0) + 1
        out["results"][result] = {
            "cohort": sorted(cohort),
            "partners": partners,
            "edges": sub.number_of_edges(),
            "density": nx.density(sub) if len(cohort) > 1 else None,
            "parts": sorted((len(p) for p in parts), reverse=True),
            "hold_together": hold,
            "bridges": bridges,
            "sectors": sectors,
        }
    with open(os.path.join(HERE, "results_cohort.json"), "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
