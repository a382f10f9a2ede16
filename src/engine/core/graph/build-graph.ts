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
  const known = new Set<string>(dataset.relations.map((r) => r.name));
  for (const tie of dataset.ties) known.add(tie.relation);
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
  const addEndpoint = (id: string): void => {
    if (graph.hasNode(id)) return;
    if (isReservedId(id)) throw new Error(reservedIdMessage(id));
    graph.addNode(id, { label: id });
  };
  const addTie = (s: string, t: string, weight: number, relation: string): void => {
    const existing = graph.edge(s, t);
    if (existing === undefined) {
      graph.addEdge(s, t, { weight, relations: [relation] });
      return;
    }
    const attr = graph.getEdgeAttributes(existing);
    // Attributes are replaced, not changed in place: an earlier graph may share the list.
    graph.replaceEdgeAttributes(existing, {
      weight: attr.weight + weight,
      relations: attr.relations.includes(relation) ? attr.relations : [...attr.relations, relation],
    });
  };
  for (const tie of dataset.ties) {
    if (!chosen.has(tie.relation)) continue;
    if (options.wave !== undefined && tie.wave !== undefined && tie.wave !== options.wave) continue;
    addEndpoint(tie.source);
    addEndpoint(tie.target);
    addTie(tie.source, tie.target, tie.weight, tie.relation);
    // An undirected tie in a directed graph stands for both directions.
    if (directed && !tie.directed && tie.source !== tie.target) addTie(tie.target, tie.source, tie.weight, tie.relation);
  }
  return graph;
}
