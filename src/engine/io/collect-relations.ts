/**
 * The relation layers a set of ties uses. A relation is directed when its ties are; a relation
 * mixing both is reported, because analysis treats a layer as one or the other.
 */
import type { Relation, Tie } from '../core/model/records.ts';
import type { InputIssue } from '../core/util/issues.ts';

export interface CollectedRelations {
  relations: Relation[];
  issues: InputIssue[];
}

/**
 * One Relation per distinct relation name: `known` relations first (e.g. from a saved dataset,
 * keeping their descriptions), then the others in order of first use. `fileOf` names the file
 * a tie came from, for issues; a string names one file for all ties.
 */
export function collectRelations(
  ties: readonly Tie[],
  fileOf: string | ((tieIndex: number) => string | undefined) | undefined,
  known: readonly Relation[] = [],
): CollectedRelations {
  const byName = new Map<string, Relation>();
  for (const relation of known) {
    if (!byName.has(relation.name)) byName.set(relation.name, { ...relation });
  }
  const firstOfKind = new Map<string, { directed?: number; undirected?: number }>();
  ties.forEach((tie, index) => {
    const kinds = firstOfKind.get(tie.relation) ?? {};
    if (tie.directed) kinds.directed ??= index;
    else kinds.undirected ??= index;
    firstOfKind.set(tie.relation, kinds);
    if (!byName.has(tie.relation)) byName.set(tie.relation, { name: tie.relation, directed: tie.directed });
  });
  const issues: InputIssue[] = [];
  const fileAt = (index: number): { file?: string } => {
    const file = typeof fileOf === 'function' ? fileOf(index) : fileOf;
    return file === undefined ? {} : { file };
  };
  for (const [name, kinds] of firstOfKind) {
    const relation = byName.get(name) as Relation;
    if (kinds.directed !== undefined && kinds.undirected !== undefined) {
      relation.directed = true;
      issues.push({
        level: 'warning',
        code: 'mixed-direction',
        message: `relation "${name}" has both directed and undirected ties; it is treated as directed`,
        ...fileAt(Math.max(kinds.directed, kinds.undirected)),
      });
    } else if (relation.directed !== (kinds.directed !== undefined)) {
      issues.push({
        level: 'warning',
        code: 'mixed-direction',
        message: `relation "${name}" is declared ${relation.directed ? 'directed' : 'undirected'} but its ties are ${relation.directed ? 'undirected' : 'directed'}; it is treated as directed`,
        ...fileAt(kinds.directed ?? kinds.undirected ?? 0),
      });
      relation.directed = true;
    }
  }
  return { relations: [...byName.values()], issues };
}
