/**
 * Pajek networks (`.net`) and project files (`.paj`), as Pajek, igraph, networkx, Gephi and
 * UCINET write them.
 *
 * What is read:
 * - `*Vertices n` and its vertex lines `number label [x y z shape parameters...]`: the number and
 *   the label (quoted or a single word; `&#dddd;` references decoded, trimmed); coordinates,
 *   shapes and drawing parameters are ignored. A network may list no vertex lines at all (Pajek
 *   then labels vertices by number); a list of some but not all, more than `n`, or a number listed
 *   twice is an error. `*Vertices n n1` (two-mode) marks vertices 1..n1 and n1+1..n with the
 *   person attribute `mode` (1 or 2).
 * - Ties, each naming vertices by number: `*Arcs` (directed) and `*Edges` (undirected) lines
 *   `from to [weight] [parameters...]` (no weight: 1; a time interval `[...]` or a drawing
 *   parameter where the weight would be: 1), `*Arcslist` / `*Edgeslist` lines `from to to ...`
 *   (weight 1), and `*Matrix` (n rows of n values, or n1 rows of n-n1 columns in a two-mode
 *   network; 0 is no tie, rows may wrap over lines). A matrix that is symmetric is read as
 *   undirected ties (one per pair, as the CSV adjacency reader does); any other as arcs.
 * - Relations: `*Arcs :k "name"`, `*Edges :k "name"`, `*Matrix :k "name"` (and the lists) put
 *   their ties in relation k, which becomes the relation layer "name" (or `relation k` when no
 *   section names it); a line `k: from to` puts one tie in relation k. Sections without a number
 *   form one relation named after the network (`*Network name`), else `tie` (`network i` when a
 *   project holds several). A relation can mix arcs and edges (Pajek allows it): the layer is
 *   then directed and its edges count both ways (see collect-relations.ts).
 * - Project files (`.paj`): several `*Network` sections, and `*Partition name` / `*Vector name`
 *   (a `*Vertices n` line, then one value per vertex) that become a number-valued person attribute
 *   named after the partition or vector (a file name such as `UciNet\KnokSec.clu` gives
 *   `KnokSec`). A partition belongs to the nearest network before it with n vertices (else the
 *   first one after it). Comments between `*Partition name` (or `*Vector`) and its `*Vertices`
 *   that read `% k: value` are its legend: a vertex with value k gets the value instead, as JSON
 *   when it reads as JSON (`% 1: "Health"`, `% 0: null` for no value, `% 2: ["a","b"]`), else as
 *   text (Batagelj's `% 1: female; 2: male`); values the legend does not name stay numbers. This
 *   is how toPajek (pajek-writer.ts) writes text attributes, so they read back as written. `*Permutation`, `*Cluster` and `*Hierarchy` are skipped with a warning.
 * - Comments (`%` lines; those before the first section become the description), blank lines,
 *   CRLF / LF / CR line ends, a UTF-8 byte-order mark, keywords in any case.
 *
 * People's ids. Pajek has no ids, only vertex numbers 1..n and labels, so a person's id is their
 * label when no other vertex of the network has the same label (what a user recognises, and
 * stable when the file is re-saved with its vertices in another order), else their vertex number
 * (`"3"`), which then keeps the label as its label; a vertex without a label is also identified
 * by its number. In a project, networks with the same number of vertices share them by number,
 * as Pajek's own operations on a project's networks do (each vertex keeps the first label given;
 * other labels are reported); between networks of different sizes, a label unique in each is the
 * same person, and a vertex known only by its number is `"i:v"` (network i, vertex v), all
 * reported. An id that would be taken twice gets a `#` in front (`"#3"`).
 *
 * A signed or zero-weighted tie (`1 2 -1`, `1 2 0`) is an error, as in every netweave reader:
 * tie strengths must be above 0 (a 0 in a matrix is no tie).
 *
 * Every problem is an issue with the file, line and field; any error makes the result a failure
 * (its `partial` is what was read, to check further, never to import). Repeated ties are merged
 * with their weights added and self-ties kept, both reported (as merge-ties.ts does, over typed
 * columns: pajek-merge.ts). Reading is linear in the file's size and never recursive; the ties
 * are held in typed columns until the kept ones become records, so a 100 MB file of 5 million arcs
 * reads in about 1.7 GB of memory at its peak (bench/pajek-memory.ts, bench/RESULTS.md).
 */
import type { AttributeValue, Person } from '../core/model/records.ts';
import type { IssueLog } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { setAttribute } from './attribute-columns.ts';
import { collectRelations } from './collect-relations.ts';
import { mergePajekTies, type TieSource } from './pajek-merge.ts';
import { PajekReader, quoted, UNNUMBERED, type NetworkDraft, type ValuesDraft } from './pajek-sections.ts';
import { forEachLine } from './pajek-text.ts';
import { TieColumns } from './pajek-ties.ts';
import { emptyPart, type ImportPart } from './types.ts';

export { looksLikePajek } from './pajek-text.ts';

export interface PajekOptions {
  /** File name used in issues. */
  file: string;
  /** Called as the file is read, with the fraction read (0..1). */
  onReadProgress?: (fraction: number) => void;
}

/** `*Partition UciNet\KnokSec.clu` is named `KnokSec`; other names are kept as written. */
function attributeBaseName(name: string): string {
  const file = /(?:^|[\\/])([^\\/]+)\.(?:clu|vec)$/i.exec(name);
  return (file?.[1] ?? name).trim();
}

// ------------------------------------------------------------------ from drafts to records

interface VertexGroup {
  /** The first network with this many vertices. */
  first: NetworkDraft;
  /** Label of vertex v (at v-1): from the first network of the group that labels it. */
  labels: Array<string | undefined>;
  /** Line where that label was read. */
  lines: number[];
  /** Person id of vertex v, at v-1. */
  ids: string[];
}

/**
 * People's ids, one group per number of vertices (see the file's header for the rule): networks
 * with as many vertices share them by number, as Pajek's operations on a project's networks do.
 */
function vertexGroups(networks: readonly NetworkDraft[], log: IssueLog): Map<NetworkDraft, VertexGroup> {
  const groups: VertexGroup[] = [];
  const bySize = new Map<number, VertexGroup>();
  const groupOf = new Map<NetworkDraft, VertexGroup>();
  for (const network of networks) {
    let group = bySize.get(network.size);
    if (group === undefined) {
      group = {
        first: network,
        labels: network.labels.slice(),
        lines: network.vertexLines.map((line) => (line === 0 ? network.verticesLine : line)),
        ids: new Array<string>(network.size),
      };
      bySize.set(network.size, group);
      groups.push(group);
    } else {
      let differs = 0;
      for (let v = 0; v < network.size; v += 1) {
        const label = network.labels[v];
        if (label === undefined) continue;
        const kept = group.labels[v];
        if (kept === undefined) {
          group.labels[v] = label;
          group.lines[v] = network.vertexLines[v] ?? network.verticesLine;
        } else if (kept !== label && differs === 0) differs = v + 1;
      }
      if (differs > 0) {
        log.warn(
          'vertex-labels',
          `${quoted(network)} has as many vertices as ${quoted(group.first)} (line ${group.first.line}) but labels some differently ` +
            `(vertex ${differs} is "${network.labels[differs - 1] ?? ''}" here, "${group.labels[differs - 1] ?? ''}" there); ` +
            'as in Pajek, vertices with the same number are the same person, with the first label given',
          { row: network.vertexLines[differs - 1] || network.verticesLine, field: 'label' },
        );
      }
    }
    groupOf.set(network, group);
  }
  const counts = groups.map((group) => {
    const count = new Map<string, number>();
    for (const label of group.labels) if (label !== undefined) count.set(label, (count.get(label) ?? 0) + 1);
    return count;
  });
  const taken = new Set<string>();
  for (const count of counts) for (const [label, n] of count) if (n === 1) taken.add(label);
  groups.forEach((group, position) => {
    const network = group.first;
    const count = counts[position] as Map<string, number>;
    let numbered = 0;
    let shared = 0;
    let example: { vertex: number; id: string; label: string; line: number } | undefined;
    const sharedLabels: string[] = [];
    for (let v = 1; v <= network.size; v += 1) {
      const label = group.labels[v - 1];
      if (label !== undefined && count.get(label) === 1) {
        group.ids[v - 1] = label;
        continue;
      }
      const base = position === 0 ? String(v) : `${network.index}:${v}`;
      let id = base;
      for (let k = 1; taken.has(id); k += 1) id = k === 1 ? `#${base}` : `#${base}-${k}`;
      taken.add(id);
      group.ids[v - 1] = id;
      numbered += 1;
      if (label !== undefined) {
        shared += 1;
        if (sharedLabels.length < 3 && !sharedLabels.includes(label)) sharedLabels.push(label);
        example ??= { vertex: v, id, label, line: group.lines[v - 1] ?? network.verticesLine };
      }
    }
    if (example !== undefined) {
      log.warn(
        'duplicate-label',
        `${shared} vertices share their label with another vertex (${sharedLabels.map((l) => `"${l}"`).join(', ')}); ` +
          `they keep it as their label but are told apart by their vertex number, which is their id (vertex ${example.vertex}, "${example.label}", is "${example.id}")`,
        { row: example.line, field: 'label' },
      );
    }
    if (position > 0) {
      const firstNetwork = (groups[0] as VertexGroup).first;
      log.warn(
        'several-networks',
        `${quoted(network)} has ${network.size} vertices where ${quoted(firstNetwork)} (line ${firstNetwork.line}) has ${firstNetwork.size}; ` +
          'a label found in both, and unique in each, was read as the same person' +
          (numbered > 0 ? `, and a vertex known by its number alone as "${network.index}:number"` : ''),
        { row: network.line },
      );
    }
  });
  return groupOf;
}

/** Relation names per network and key (see the file's header). */
function relationNames(networks: readonly NetworkDraft[], log: IssueLog): Map<NetworkDraft, Map<number, string>> {
  const byNetwork = new Map<NetworkDraft, Map<number, string>>();
  const owners = new Map<string, NetworkDraft>();
  for (const network of networks) {
    const names = new Map<number, string>();
    const fallback = network.name !== undefined && network.name !== '' ? network.name : networks.length > 1 ? `network ${network.index}` : 'tie';
    const ties = new Map<number, number>();
    for (let i = 0; i < network.ties.count; i += 1) {
      const key = network.ties.relation[i] as number;
      ties.set(key, (ties.get(key) ?? 0) + 1);
    }
    for (const [key, line] of network.relationOrder) {
      const given = network.relationNames.get(key);
      const base = given?.name ?? (key === UNNUMBERED ? fallback : `relation ${key}`);
      let name = base;
      const owner = owners.get(base);
      if (owner !== undefined && owner !== network) {
        name = `${network.name ?? `network ${network.index}`}: ${base}`;
        log.warn('relation-renamed', `${quoted(owner)} has a relation "${base}" too; the one of ${quoted(network)} was named "${name}"`, {
          row: given?.line ?? line,
        });
      } else owners.set(base, network);
      names.set(key, name);
      if (given !== undefined && (ties.get(key) ?? 0) === 0) {
        log.warn('empty-relation', `relation "${given.name}" has no ties; it was left out`, { row: given.line });
      }
    }
    byNetwork.set(network, names);
  }
  return byNetwork;
}

/** The network a partition or vector describes: the nearest before it with as many vertices, else the first after. */
function networkOf(values: ValuesDraft, networks: readonly NetworkDraft[]): NetworkDraft | undefined {
  let before: NetworkDraft | undefined;
  for (const network of networks) {
    if (network.size !== values.size) continue;
    if (network.line < values.line) before = network;
    else if (before === undefined) return network;
  }
  return before;
}

function build(reader: PajekReader, part: ImportPart): void {
  const { log } = reader;
  const networks = reader.networks.filter((network) => network.size >= 0);
  const groupOf = vertexGroups(networks, log);

  const people: Person[] = [];
  /** Line where each person's vertex is listed (0 when it is not), aligned with `people`. */
  const personLines: number[] = [];
  const personIds: string[] = [];
  const indexById = new Map<string, number>();
  /** The person of vertex v (at v-1) of each group's vertices. */
  const personOf = new Map<VertexGroup, Int32Array>();
  for (const network of networks) {
    const group = groupOf.get(network) as VertexGroup;
    if (group.first !== network) continue;
    const numbers = new Int32Array(network.size);
    for (let v = 1; v <= network.size; v += 1) {
      const id = group.ids[v - 1] as string;
      let index = indexById.get(id);
      if (index === undefined) {
        index = people.length;
        indexById.set(id, index);
        people.push({ id, label: group.labels[v - 1] ?? String(v), attributes: {} });
        personLines.push(group.lines[v - 1] ?? 0);
        personIds.push(id);
      }
      numbers[v - 1] = index;
    }
    personOf.set(group, numbers);
  }

  const names = relationNames(networks, log);
  const sources: TieSource[] = networks.map((network) => {
    const relationName = names.get(network) as Map<number, string>;
    return {
      columns: network.ties,
      people: personOf.get(groupOf.get(network) as VertexGroup) as Int32Array,
      relationName: (key: number) => relationName.get(key) ?? 'tie',
    };
  });
  const merged = mergePajekTies(sources, personIds, part.file, () => {
    // The columns read from the file are not needed once every tie was looked at.
    for (const network of networks) network.ties = new TieColumns();
    sources.length = 0;
  });
  const relations = collectRelations(merged.ties, part.file);

  // Attributes: the mode of two-mode networks, then partitions and vectors in file order; every
  // person gets every attribute, in that order (null without a value).
  const columns = new Map<string, Map<string, AttributeValue>>();
  const column = (base: string, line: number): Map<string, AttributeValue> => {
    let name = base;
    for (let k = 2; columns.has(name); k += 1) name = `${base} (${k})`;
    if (name !== base) log.warn('duplicate-attribute', `an attribute "${base}" was read already; this one is "${name}"`, { row: line });
    const values = new Map<string, AttributeValue>();
    columns.set(name, values);
    return values;
  };
  let modes: Map<string, AttributeValue> | undefined;
  for (const [network, group] of groupOf) {
    if (network.firstMode <= 0 || group.first !== network) continue;
    modes ??= column('mode', network.verticesLine);
    log.warn(
      'two-mode',
      `*Vertices ${network.size} ${network.firstMode} declares a two-mode network: vertices 1-${network.firstMode} are one kind and the others another; ` +
        'all were read as people, told apart by the attribute "mode" (1 or 2)',
      { row: network.verticesLine, field: '*Vertices' },
    );
    for (let v = 1; v <= network.size; v += 1) modes.set(group.ids[v - 1] as string, v <= network.firstMode ? 1 : 2);
  }
  reader.values.forEach((values, position) => {
    const network = networkOf(values, networks);
    const label = values.kind === 'partition' ? '*Partition' : '*Vector';
    if (network === undefined) {
      log.error('partition-size', `${label} "${values.name}" has ${values.size} values but no network in the file has ${values.size} vertices`, {
        row: values.line,
        field: values.name,
      });
      return;
    }
    const target = column(attributeBaseName(values.name) || `${values.kind} ${position + 1}`, values.line);
    const ids = (groupOf.get(network) as VertexGroup).ids;
    const count = Math.min(values.size, values.values.length);
    const legend = values.legend;
    for (let v = 0; v < count; v += 1) {
      const value = values.values[v] as number;
      if (Number.isNaN(value)) continue;
      target.set(ids[v] as string, legend.size > 0 && legend.has(value) ? (legend.get(value) as AttributeValue) : value);
    }
  });
  if (columns.size > 0) {
    for (const person of people) {
      for (const [name, values] of columns) setAttribute(person.attributes, name, values.get(person.id) ?? null);
    }
  }

  part.people = people;
  part.personOrigins = personLines.map((line) => (line > 0 ? { file: part.file, row: line, rowUnit: 'line' as const } : undefined));
  part.ties = merged.ties;
  part.tieOrigins = merged.origins;
  part.relations = relations.relations;
  const only = networks.length === 1 ? networks[0] : undefined;
  if (only?.name !== undefined && only.name !== '') part.name = only.name;
  const description = reader.comments.join('\n').trim();
  if (description !== '') part.description = description.length > 2000 ? `${description.slice(0, 1999)}…` : description;
  for (const issue of merged.issues) log.issues.push(issue);
  for (const issue of relations.issues) log.issues.push(issue);
}

const PROGRESS_STEP = 1 << 20;

/** Reads a Pajek network (.net) or project (.paj). Never throws: problems come back as the result's issues. */
export function parsePajek(text: string, options: PajekOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const reader = new PajekReader(options.file);
  const progress = options.onReadProgress;
  let read = 0;
  let next = PROGRESS_STEP;
  forEachLine(text, (line, number) => {
    if (progress !== undefined) {
      read += line.length + 1;
      if (read >= next) {
        next += PROGRESS_STEP;
        progress(Math.min(1, read / Math.max(1, text.length)));
      }
    }
    return reader.line(line, number);
  });
  if (!reader.foreign && !reader.stopped) reader.finish();
  if (reader.foreign || reader.stopped) return resultOf(part, reader.log.issues);
  if (!reader.hasContent) {
    reader.log.error('empty-file', 'the file is empty or holds only comments: there is no network in it');
    return resultOf(part, reader.log.issues);
  }
  if (!reader.networks.some((network) => network.size >= 0)) {
    if (!reader.log.hasErrors) reader.log.error('no-network', 'the file has no *Vertices section, so there is no network in it');
    return resultOf(part, reader.log.issues);
  }
  build(reader, part);
  progress?.(1);
  return resultOf(part, reader.log.issues);
}
