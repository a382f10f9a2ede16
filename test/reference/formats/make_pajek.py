#!/usr/bin/python3
"""Expected readings of the Pajek fixtures, computed without netweave's reader.

    /usr/bin/python3 test/reference/formats/make_pajek.py

Writes test/reference/formats/pajek.json, which test/engine/io/pajek-reference.test.ts compares
parsePajek against (`files`), and what networkx and igraph read from the files toPajek wrote
into test/fixtures/formats/pajek/written/ (`written`, for pajek-writer.test.ts). Debian's
python3-igraph (0.10.2) and python3-networkx (2.8.8) are needed.

How the values are made:
- This script splits each file into its networks, their vertex lists and their tie sections, and
  its partitions and vectors (a plain line scan: `*Network`, `*Vertices`, `*Arcs :k "name"`, ...).
- Every tie section is handed to igraph's own Pajek parser (`Graph.Read_Pajek`) as a one-section
  file holding the network's `*Vertices` lines, so igraph reads the vertex labels, the vertex
  numbers, the weights, the lists and the matrices. (igraph 0.10 refuses relation headers such as
  `*Arcs :1 "name"` and reads a file mixing arcs and edges as undirected, hence one section per
  file; lines `k: from to` are routed to relation k here first.) networkx's `parse_pajek` reads
  the same one-section files as a cross-check of the tie count and weight sum.
- The rules netweave documents in src/engine/io/pajek.ts are then applied here, written anew:
  people's ids (the label when unique among the vertices of its size, else the vertex number;
  `i:v` for vertices of a network of another size), relation names (`:k "name"`, else
  `relation k`, else the network's name or `tie`), a symmetric matrix as undirected ties, repeated
  ties merged with weights added (an undirected a-b is b-a), a relation directed when any of its
  ties is, partitions and vectors as attributes of the nearest network of their size (a file name
  such as `UciNet\\KnokSec.clu` named `KnokSec`, a repeated name `name (2)`), null where a person
  has no value.
"""
import json
import os
import re
import sys
import tempfile

import igraph
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
FIXTURES = os.path.join(ROOT, 'test', 'fixtures', 'formats', 'pajek')
OUT = os.path.join(HERE, 'pajek.json')

FILES = [
    'zachary.net',
    'GraphSet.net',
    'GraphList.net',
    'GraphMat.net',
    'Padgett.paj',
    'HighTech.paj',
    'KnokBur.paj',
    'LondonTube.net',
    'Trade.paj',
    'baboons.paj',
]

SECTIONS = {'arcs': 'Arcs', 'edges': 'Edges', 'arcslist': 'Arcslist', 'edgeslist': 'Edgeslist', 'matrix': 'Matrix'}
HEADER = re.compile(r'^\*([A-Za-z]+)(.*)$')
RELATION = re.compile(r'^\s*(?::\s*(\d+)|(\d+)\s*:)?\s*(.*)$')
PREFIX = re.compile(r'^\s*(\d+):\s*(.*)$')
LEGEND = re.compile(r'^%\s*(-?\d+(?:\.\d+)?)\s*:\s*(.+)$')


def unquote(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1].strip()
    return text


def split_file(path):
    """Networks (with vertex lines and sections) and partitions/vectors, in file order."""
    with open(path, encoding='utf-8-sig', newline='') as handle:
        lines = handle.read().splitlines()
    networks, values = [], []
    current = None  # object receiving data lines
    pending = None  # a partition/vector waiting for its *Vertices
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        legend = LEGEND.match(text)
        if legend and pending is not None:
            # The legend toPajek writes between *Partition/*Vector and its *Vertices: `% k: JSON`.
            pending.setdefault('legend', {})[float(legend.group(1))] = json.loads(legend.group(2))
            continue
        if not text or text.startswith('%'):
            continue
        match = HEADER.match(text)
        if match:
            keyword, rest = match.group(1).lower(), match.group(2)
            if keyword in ('vertices', 'vertex') and pending is not None:
                pending['size'] = int(rest.split()[0])
                values.append(pending)
                current, pending = pending, None
            elif keyword == 'network':
                current = {'kind': 'network', 'name': unquote(rest) or None, 'line': number, 'size': None,
                           'vertex_lines': [], 'sections': []}
                networks.append(current)
            elif keyword in ('vertices', 'vertex'):
                if not networks or networks[-1]['size'] is not None:
                    networks.append({'kind': 'network', 'name': None, 'line': number, 'size': None,
                                     'vertex_lines': [], 'sections': []})
                current = networks[-1]
                current['size'] = int(rest.split()[0])
                current['section'] = None
            elif keyword in SECTIONS:
                network = networks[-1]
                relation = RELATION.match(rest)
                key = relation.group(1) or relation.group(2)
                section = {'kind': keyword, 'line': number, 'key': int(key) if key is not None else -1,
                           'name': unquote(relation.group(3)), 'lines': []}
                network['sections'].append(section)
                current = section
            elif keyword in ('partition', 'vector'):
                pending = {'kind': keyword, 'name': unquote(rest), 'line': number, 'values': []}
                current = None
            else:
                raise SystemExit(f'{path}:{number}: unexpected section {text}')
            continue
        if current is None:
            raise SystemExit(f'{path}:{number}: data outside a section')
        if current.get('kind') == 'network':
            current['vertex_lines'].append(raw)
        elif current.get('kind') in ('partition', 'vector'):
            current['values'].append(float(text.split()[0]))
        else:
            current['lines'].append(raw)
    return networks, values


def read_with_igraph(network, kind, lines):
    """(from, to, weight) of one tie section, vertex numbers 1-based, and igraph's labels."""
    # LondonTube.net line 71 opens a quote it never closes, which igraph refuses: close it.
    vertex_lines = [line + '"' if line.count('"') % 2 else line for line in network['vertex_lines']]
    body = [f'*Vertices {network["size"]}'] + vertex_lines + [f'*{SECTIONS[kind]}'] + lines
    with tempfile.NamedTemporaryFile('w', suffix='.net', delete=False, encoding='utf-8') as handle:
        handle.write('\n'.join(body) + '\n')
        name = handle.name
    try:
        graph = igraph.Graph.Read_Pajek(name)
        nx_graph = nx.parse_pajek(open(name, encoding='utf-8').read()) if kind in ('arcs', 'edges', 'matrix') else None
    finally:
        os.unlink(name)
    weighted = 'weight' in graph.es.attributes()
    ties = [(e.source + 1, e.target + 1, float(e['weight']) if weighted else 1.0) for e in graph.es]
    labels = graph.vs['id'] if 'id' in graph.vs.attributes() else [None] * network['size']
    if nx_graph is not None and len(set(labels)) == len(labels):
        # networkx keys nodes by label (so only where labels are unique); counts and weights compared.
        nx_weights = [float(d.get('weight', 1.0)) for _, _, d in nx_graph.edges(data=True)]
        if kind == 'matrix':
            ig = sorted(w for _, _, w in ties)
            assert sorted(nx_weights) == ig, (kind, len(nx_weights), len(ig))
        else:
            assert len(nx_weights) == len(ties) and abs(sum(nx_weights) - sum(w for _, _, w in ties)) < 1e-9
    return ties, labels


def clean_label(label):
    if label is None:
        return None
    label = label.strip()
    return re.sub(r'&#(\d+);', lambda m: chr(int(m.group(1))), label) or None


def expected(path):
    networks, values = split_file(path)
    # Vertex labels (igraph) and ties per network and relation key.
    for index, network in enumerate(networks, start=1):
        network['index'] = index
        network['ties'] = []  # (from, to, weight, directed, key, order)
        network['labels'] = None
        network['keys'] = []
        for section in network['sections']:
            if section['key'] not in network['keys']:
                network['keys'].append(section['key'])
            groups = {}
            for raw in section['lines']:
                prefix = PREFIX.match(raw)
                key, line = (int(prefix.group(1)), prefix.group(2)) if prefix else (section['key'], raw)
                groups.setdefault(key, []).append(line)
                if key not in network['keys']:
                    network['keys'].append(key)
            if not groups:
                _, labels = read_with_igraph(network, section['kind'], [])
                network['labels'] = network['labels'] or labels
            for key, lines in groups.items():
                ties, labels = read_with_igraph(network, section['kind'], lines)
                network['labels'] = network['labels'] or labels
                directed = section['kind'] in ('arcs', 'arcslist')
                if section['kind'] == 'matrix':
                    cells = {(a, b): w for a, b, w in ties}
                    symmetric = all(cells.get((b, a)) == w for (a, b), w in cells.items())
                    if symmetric:
                        ties = [(a, b, w) for a, b, w in ties if a <= b]
                    directed = not symmetric
                network['ties'].extend((a, b, w, directed, key) for a, b, w in ties)
            if section['name']:
                network.setdefault('names', {}).setdefault(section['key'], section['name'])
        if network['labels'] is None:
            _, network['labels'] = read_with_igraph(network, 'arcs', [])
        network['labels'] = [clean_label(label) for label in network['labels']]
        if not network['vertex_lines']:
            network['labels'] = [None] * network['size']

    # People: vertex lists grouped by size; ids as documented.
    groups = []
    for network in networks:
        group = next((g for g in groups if g['size'] == network['size']), None)
        if group is None:
            group = {'size': network['size'], 'first': network, 'labels': list(network['labels'])}
            groups.append(group)
        else:
            for v, label in enumerate(network['labels']):
                if group['labels'][v] is None and label is not None:
                    group['labels'][v] = label
        network['group'] = group
    taken = set()
    for group in groups:
        counts = {}
        for label in group['labels']:
            if label is not None:
                counts[label] = counts.get(label, 0) + 1
        group['counts'] = counts
        taken.update(label for label, count in counts.items() if count == 1)
    for position, group in enumerate(groups):
        ids = []
        for v, label in enumerate(group['labels'], start=1):
            if label is not None and group['counts'][label] == 1:
                ids.append(label)
                continue
            base = str(v) if position == 0 else f'{group["first"]["index"]}:{v}'
            candidate, k = base, 1
            while candidate in taken:
                candidate = f'#{base}' if k == 1 else f'#{base}-{k}'
                k += 1
            taken.add(candidate)
            ids.append(candidate)
        group['ids'] = ids
    people, seen = [], set()
    for group in groups:
        for v, person in enumerate(group['ids']):
            if person not in seen:
                seen.add(person)
                people.append([person, group['labels'][v] if group['labels'][v] is not None else str(v + 1)])

    # Relation names, then ties merged as netweave merges them.
    owners = {}
    drafts = []
    for network in networks:
        fallback = network['name'] or (f'network {network["index"]}' if len(networks) > 1 else 'tie')
        names = {}
        for key in network['keys']:
            base = network.get('names', {}).get(key) or (fallback if key == -1 else f'relation {key}')
            owner = owners.get(base)
            if owner is not None and owner is not network:
                names[key] = f'{network["name"] or "network " + str(network["index"])}: {base}'
            else:
                owners[base] = network
                names[key] = base
        ids = network['group']['ids']
        for a, b, w, directed, key in network['ties']:
            drafts.append([ids[a - 1], ids[b - 1], names[key], directed, w])
    merged, where = [], {}
    self_loops = 0
    for source, target, relation, directed, weight in drafts:
        if source == target:
            self_loops += 1
        ends = (source, target) if directed or source <= target else (target, source)
        key = (relation, directed) + ends
        if key in where:
            merged[where[key]][4] += weight
        else:
            where[key] = len(merged)
            merged.append([source, target, relation, directed, weight])
    relations = []
    for _, _, relation, directed, _ in merged:
        known = next((r for r in relations if r[0] == relation), None)
        if known is None:
            relations.append([relation, directed])
        elif directed:
            known[1] = True
    per_relation = {}
    for _, _, relation, _, weight in merged:
        entry = per_relation.setdefault(relation, {'ties': 0, 'weightSum': 0.0})
        entry['ties'] += 1
        entry['weightSum'] += weight

    # Partitions and vectors.
    attributes = {}
    used = set()
    for position, draft in enumerate(values):
        before = [n for n in networks if n['size'] == draft['size'] and n['line'] < draft['line']]
        after = [n for n in networks if n['size'] == draft['size'] and n['line'] > draft['line']]
        network = before[-1] if before else after[0]
        match = re.search(r'(?:^|[\\/])([^\\/]+)\.(?:clu|vec)$', draft['name'], re.IGNORECASE)
        base = (match.group(1) if match else draft['name']).strip() or f'{draft["kind"]} {position + 1}'
        name, k = base, 2
        while name in used:
            name, k = f'{base} ({k})', k + 1
        used.add(name)
        ids = network['group']['ids']
        column = {person: None for person, _ in people}
        legend = draft.get('legend', {})
        for v, value in enumerate(draft['values']):
            column[ids[v]] = legend.get(value, value)
        attributes[name] = column

    only = networks[0] if len(networks) == 1 else None
    return {
        'people': people,
        'relations': relations,
        'ties': merged,
        'perRelation': per_relation,
        'attributes': attributes,
        'name': only['name'] if only is not None else None,
        'tieLines': len(drafts),
        'selfLoops': self_loops,
    }


WRITTEN = os.path.join(FIXTURES, 'written')


def written(name):
    """What networkx's read_pajek and igraph's Read_Pajek make of a file toPajek wrote."""
    path = os.path.join(WRITTEN, name)
    graph = nx.read_pajek(path)
    reading = {
        'networkx': {
            'directed': graph.is_directed(),
            'nodes': list(graph.nodes()),
            'edges': [[u, v, d.get('weight')] for u, v, d in graph.edges(data=True)],
        },
    }
    try:
        ig = igraph.Graph.Read_Pajek(path)
        reading['igraph'] = {'vertices': ig.vcount(), 'edges': ig.ecount(), 'labels': ig.vs['id']}
    except Exception as error:  # igraph refuses `*Edges :k "name"`
        reading['igraph'] = {'error': str(error).split(' -- ')[0]}
    return reading


def project(name):
    """People, ties, relations, partitions and vectors (legends decoded) of a project toPajek wrote."""
    entry = expected(os.path.join(WRITTEN, name))
    return {key: entry[key] for key in ('people', 'ties', 'relations', 'attributes', 'name')}


def dump(value, depth=0):
    """JSON with one person, tie or attribute column per line, so diffs stay readable."""
    compact = lambda item: json.dumps(item, ensure_ascii=False, separators=(',', ':'))
    pad = ' ' * (depth + 1)
    if isinstance(value, dict) and depth < 4:
        items = [f'{pad}{json.dumps(key, ensure_ascii=False)}: {dump(item, depth + 1)}' for key, item in value.items()]
        return '{\n' + ',\n'.join(items) + '\n' + ' ' * depth + '}' if items else '{}'
    if isinstance(value, list) and value and depth < 4:
        return '[\n' + ',\n'.join(pad + compact(item) for item in value) + '\n' + ' ' * depth + ']'
    return compact(value)


def main():
    if os.environ.get('PYTHONHASHSEED') != '0':
        os.environ['PYTHONHASHSEED'] = '0'
        os.execv(sys.executable, [sys.executable] + sys.argv)
    result = {
        'generator': f'test/reference/formats/make_pajek.py with python-igraph {igraph.__version__} and networkx {nx.__version__}',
        'files': {name: expected(os.path.join(FIXTURES, name)) for name in FILES},
        'written': {name: written(name) for name in sorted(os.listdir(WRITTEN)) if name.endswith('.net')},
        # Projects with partitions and vectors, which networkx and igraph do not read: the rules above.
        'writtenProjects': {name: project(name) for name in sorted(os.listdir(WRITTEN)) if name.endswith('.paj')},
    }
    with open(OUT, 'w', encoding='utf-8') as handle:
        handle.write(dump(result) + '\n')
    for name, entry in result['files'].items():
        print(f'{name}: {len(entry["people"])} people, {len(entry["ties"])} ties, relations {[r[0] for r in entry["relations"]]}')


if __name__ == '__main__':
    main()
