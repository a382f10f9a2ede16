/**
 * The part of GEXF and GraphML import that is the same for both once elements are read: merging
 * repeated node ids, creating people for edge endpoints the file never declared, and the shared
 * duplicate / self-loop rule for ties.
 */
import type { Person, Tie } from '../core/model/records.ts';
import type { IssueLog } from '../core/util/issues.ts';
import { collectRelations } from './collect-relations.ts';
import { mergePerson } from './merge-people.ts';
import { mergeTies } from './merge-ties.ts';
import type { ImportPart } from './types.ts';
import { attribute, type XmlDocument, type XmlElement } from './xml-read.ts';

export interface XmlNodeDraft {
  person: Person;
  line?: number;
  /**
   * Which `<graph>` of the file declared the node (GraphML files may hold several, one per
   * relation). A node declared again in another graph is the same person, merged silently; a
   * node declared twice in one graph is reported.
   */
  graph?: number;
}

export interface XmlEdgeDraft {
  tie: Tie;
  line?: number;
}

function at(line: number | undefined, field?: string): { row?: number; field?: string } {
  return { ...(line !== undefined ? { row: line } : {}), ...(field !== undefined ? { field } : {}) };
}

export interface EdgeEnds {
  line: number | undefined;
  /** The edge's line as an issue location ({} when unknown). */
  where: { row?: number };
  source: string;
  target: string;
  /** False when an end is missing (an error naming the field is logged). */
  ok: boolean;
}

/** An edge element's source and target ids, as GEXF and GraphML both write them. */
export function edgeEnds(document: XmlDocument, element: XmlElement, log: IssueLog): EdgeEnds {
  const line = document.lineOf(element);
  const where = line !== undefined ? { row: line } : {};
  const source = attribute(element, 'source') ?? '';
  const target = attribute(element, 'target') ?? '';
  let ok = true;
  for (const [value, field] of [
    [source, 'source'],
    [target, 'target'],
  ] as const) {
    if (value === '') {
      log.error('missing-id', `an edge has no ${field}`, { ...where, field });
      ok = false;
    }
  }
  return { line, where, source, target, ok };
}

/** Fills `part` from the nodes and edges a GEXF or GraphML file declared; issues go to `log`. */
export function fillXmlGraph(
  part: ImportPart,
  nodes: readonly XmlNodeDraft[],
  edges: readonly XmlEdgeDraft[],
  log: IssueLog,
): void {
  const people: Person[] = [];
  const index = new Map<string, { at: number; line?: number; graphs?: Set<number> }>();
  for (const { person, line, graph } of nodes) {
    const first = index.get(person.id);
    if (first === undefined) {
      index.set(person.id, {
        at: people.length,
        ...(line !== undefined ? { line } : {}),
        ...(graph !== undefined ? { graphs: new Set([graph]) } : {}),
      });
      people.push(person);
      continue;
    }
    const merged = mergePerson(people[first.at] as Person, person);
    people[first.at] = merged.person;
    if (graph !== undefined && first.graphs !== undefined && !first.graphs.has(graph)) {
      // The same person in another relation's graph: expected, not a repeat.
      first.graphs.add(graph);
      if (merged.conflicts.length > 0) {
        log.warn(
          'conflicting-attribute',
          `node "${person.id}" has a different ${merged.conflicts.join(', ')} in this graph than where it was first declared${first.line !== undefined ? ` (line ${first.line})` : ''}; the first was kept`,
          at(line, 'id'),
        );
      }
      continue;
    }
    const where = first.line !== undefined ? ` (first on line ${first.line})` : '';
    const conflicts =
      merged.conflicts.length > 0
        ? `; where they disagree (${merged.conflicts.join(', ')}) the first was kept`
        : '';
    log.warn('duplicate-node', `node "${person.id}" is declared twice${where}; the two were merged${conflicts}`, at(line, 'id'));
  }
  for (const { tie, line } of edges) {
    for (const [end, field] of [
      [tie.source, 'source'],
      [tie.target, 'target'],
    ] as const) {
      if (index.has(end)) continue;
      index.set(end, { at: people.length, ...(line !== undefined ? { line } : {}) });
      people.push({ id: end, label: end, attributes: {} });
      log.warn(
        'unknown-id',
        `an edge refers to node "${end}", which the file does not declare; it was added as a person`,
        at(line, field),
      );
    }
  }
  const merged = mergeTies(
    edges.map(({ tie, line }) => ({
      tie,
      origin: {
        file: part.file,
        ...(line !== undefined ? { row: line, rowUnit: 'line' as const } : {}),
        sourceField: 'source',
        targetField: 'target',
      },
    })),
  );
  const relations = collectRelations(merged.ties, part.file);
  part.people = people;
  part.personOrigins = people.map((person) => {
    const line = index.get(person.id)?.line;
    return line === undefined ? undefined : { file: part.file, row: line, rowUnit: 'line' as const };
  });
  part.ties = merged.ties;
  part.tieOrigins = merged.origins;
  part.relations = relations.relations;
  // A loop, not push(...): a file can hold more duplicate ties than a call takes arguments.
  for (const issue of merged.issues) log.issues.push(issue);
  for (const issue of relations.issues) log.issues.push(issue);
}
