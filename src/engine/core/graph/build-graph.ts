/**
 * Builds the graph to analyse from a dataset: one relation layer or several combined, directed
 * or not. Ties between the same pair are merged (weights summed, relations listed), so every
 * metric sees a simple graph, as networkx's Graph/DiGraph would after adding the same edges.
 */
import { isReservedId, reservedIdMessage } from '../model/reserved-ids.ts';
import Graph from 'graphology';
import type { Dataset } from '../model/dataset.ts';

export interface BuildGraphOptions {
  /** Relation layers to include; all of them when omitted or empty. */
  relations?: string[];
  /**
   * Direction of the built graph. `auto` (default): directed when any chosen relation is
   * directed. An undirected graph built from directed ties merges a->b and b->a into one tie
   * whose weight is their sum.
   */
  direction?: 'auto' | 'directed' | 'undirected';
  /**
   * Only ties of this wave (survey round), plus ties that belong to no wave (attendance,
   * mentorships). Default: every tie.
   */
  wave?: string;
}

export interface NodeAttributes {
  label: string;
}

export interface EdgeAttributes {
  weight: number;
  relations: string[];
}

export type NetworkGraph = Graph<NodeAttributes, EdgeAttributes>;

export function selectedRelations(dataset: Dataset, relations: string[] | undefined): string[] {
  const known = new Set<string>([
    ...dataset.relations.map((r) => r.name),
    ...dataset.ties.map((t) => t.relation),
  ]);
  if (!relations || relations.length === 0) return [...known];
  const unknown = relations.filter((r) => !known.has(r));
  if (unknown.length > 0) {
    const list = [...known].map((r) => `"${r}"`).join(', ') || 'none';
    throw new Error(
      `build-graph: no relation named ${unknown.map((r) => `"${r}"`).join(', ')} in this dataset (relations: ${list}).`,
    );
  }
  return relations;
}

export function isDirectedSelection(dataset: Dataset, relations: string[]): boolean {
  const chosen = new Set(relations);
  return (
    dataset.relations.some((r) => chosen.has(r.name) && r.directed) ||
    dataset.ties.some((t) => chosen.has(t.relation) && t.directed)
  );
}

export function buildGraph(dataset: Dataset, options: BuildGraphOptions = {}): NetworkGraph {
  const relations = selectedRelations(dataset, options.relations);
  const direction = options.direction ?? 'auto';
  const directed =
    direction === 'directed' || (direction === 'auto' && isDirectedSelection(dataset, relations));
  const graph: NetworkGraph = new Graph<NodeAttributes, EdgeAttributes>({
    type: directed ? 'directed' : 'undirected',
    multi: false,
    allowSelfLoops: true,
  });
  for (const person of dataset.people) {
    if (isReservedId(person.id)) throw new Error(reservedIdMessage(person.id));
    if (!graph.hasNode(person.id)) graph.addNode(person.id, { label: person.label || person.id });
  }
  const chosen = new Set(relations);
  for (const tie of dataset.ties) {
    if (!chosen.has(tie.relation)) continue;
    if (options.wave !== undefined && tie.wave !== undefined && tie.wave !== options.wave) continue;
    for (const id of [tie.source, tie.target]) {
      if (isReservedId(id)) throw new Error(reservedIdMessage(id));
      if (!graph.hasNode(id)) graph.addNode(id, { label: id });
    }
    // An undirected tie in a directed graph stands for both directions.
    const pairs: Array<[string, string]> =
      directed && !tie.directed && tie.source !== tie.target
        ? [
            [tie.source, tie.target],
            [tie.target, tie.source],
          ]
        : [[tie.source, tie.target]];
    for (const [s, t] of pairs) {
      const existing = graph.edge(s, t);
      if (existing === undefined) {
        graph.addEdge(s, t, { weight: tie.weight, relations: [tie.relation] });
      } else {
        graph.updateEdgeAttributes(existing, (attr) => ({
          weight: attr.weight + tie.weight,
          relations: attr.relations.includes(tie.relation)
            ? attr.relations
            : [...attr.relations, tie.relation],
        }));
      }
    }
  }
  return graph;
}
