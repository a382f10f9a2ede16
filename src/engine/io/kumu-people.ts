/**
 * A Kumu file read as a people network, a JSON blueprint (https://docs.kumu.io/guides/import/blueprints)
 * or a workbook with Elements and Connections sheets
 * (https://docs.kumu.io/guides/import/structure-your-data), both through the same records
 * (kumu-records.ts): elements are people or organisations (the element type is kept as the
 * attribute `type`; what each type is read as, `typeRoles`, defaults in kumu-types.ts),
 * connections are ties, their `type` the relation ("collaborates", "advises"; "connection" when
 * none is given). `direction`: `directed` as given, `mutual` and `undirected` become one
 * undirected tie; `strength` is the weight. Connections name elements by id, internal `_id` or
 * label (in a workbook a `|` names several); messages name them by label. Elements of a type
 * read as "leave out" are left out with their connections, reported once. When the elements kept
 * are of several roles (people and organisations, say), each gets the attribute `kind`. The same
 * file read as a system map is features/systemmap/import-kumu*.ts.
 */
import type { AttributeValue, Person, Relation, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { resultOf, readSoFar, type Result } from '../core/util/result.ts';
import { setAttribute } from './attribute-columns.ts';
import { kumuJsonRecords, kumuNames, kumuWhere, kumuWorkbookRecords, type KumuRecords } from './kumu-records.ts';
import { kumuTypeRole, leftOutMessage, type KumuTypeRole, type KumuTypeRoles } from './kumu-types.ts';
import { parseNumberText } from './numbers.ts';
import { emptyPart, type ImportPart, type SourceFile, type TieOrigin } from './types.ts';

export { looksLikeKumuJson } from './kumu-records.ts';

export interface KumuPeopleOptions {
  file: string;
  /** What each element type is read as; types not given keep their default (kumu-types.ts). */
  typeRoles?: KumuTypeRoles;
}

/** `"a"`, `"a", "b"` ... at most five, then `…`. */
function someNames(names: readonly string[]): string {
  return `${names.slice(0, 5).map((n) => `"${n}"`).join(', ')}${names.length > 5 ? ', …' : ''}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** People and ties from a Kumu file's records (see the module comment). Never throws. */
export function kumuPeopleFromRecords(records: KumuRecords, options: { typeRoles?: KumuTypeRoles } = {}): Result<ImportPart> {
  const file = records.file;
  const part = emptyPart(file);
  const log = new IssueLog(file);
  if (records.name !== undefined) part.name = records.name;
  if (records.description !== undefined) part.description = records.description;

  // Every name a connection may use (id, internal _id, label) leads to one person id.
  const byName = new Map<string, string>();
  const people = new Map<string, Person>();
  const leftOut = new Set<string>();
  const leftTypes: string[] = [];
  const roleOf = new Map<string, KumuTypeRole>();
  const addPerson = (id: string, label: string): Person => {
    const person: Person = { id, label, attributes: {} };
    people.set(id, person);
    part.people.push(person);
    return person;
  };
  for (const element of records.elements) {
    const role = kumuTypeRole(element.type, 'people', options.typeRoles);
    if (role === 'leave out') {
      for (const name of [element.label, element.id, element.alias]) if (name !== undefined) leftOut.add(name);
      leftTypes.push(element.type ?? '');
      continue;
    }
    // The label is the person's id, as people are known by name; an explicit id wins, and a
    // label used twice takes the internal id so that two people stay two.
    let id = element.id ?? element.label;
    if (people.has(id)) {
      if (element.alias !== undefined && !people.has(element.alias)) id = element.alias;
      else {
        log.warn('duplicate-element', `"${element.label}" is listed again; the two were merged`, kumuWhere(element.origin, element.origin.sheet ? 'label' : undefined));
        continue;
      }
    }
    const person = addPerson(id, element.label);
    roleOf.set(id, role);
    if (element.type !== undefined) setAttribute(person.attributes, 'type', element.type);
    for (const [key, v] of Object.entries(element.fields)) if (key !== 'type') setAttribute(person.attributes, key, v);
    for (const name of [id, element.label, element.alias, element.id]) if (name !== undefined && !byName.has(name)) byName.set(name, id);
  }
  // People and organisations (or factors) side by side: each says which it is.
  if (new Set(roleOf.values()).size > 1) {
    for (const [id, role] of roleOf) {
      const attributes = people.get(id)!.attributes;
      if (!Object.prototype.hasOwnProperty.call(attributes, 'kind')) setAttribute(attributes, 'kind', role);
    }
  }

  const relations = new Map<string, Relation>();
  const origins: TieOrigin[] = [];
  const unknown = new Set<string>();
  let droppedConnections = 0;
  // Kumu makes an element for a name it does not know; so does netweave (reported once below).
  const resolve = (name: string): string => {
    const known = byName.get(name);
    if (known !== undefined) return known;
    unknown.add(name);
    addPerson(name, name);
    byName.set(name, name);
    return name;
  };
  for (const connection of records.connections) {
    const where = (key: string) => kumuWhere(connection.origin, key);
    // A workbook's `A|B` names two elements; a JSON blueprint names one.
    const names = (cell: string): string[] => (connection.origin.sheet !== undefined ? kumuNames(cell) : [cell]);
    const froms = names(connection.from).filter((n) => !leftOut.has(n));
    const tos = names(connection.to).filter((n) => !leftOut.has(n));
    if (froms.length === 0 || tos.length === 0) {
      droppedConnections++;
      continue;
    }
    const relation = connection.type ?? 'connection';
    const direction = connection.direction ?? 'directed';
    const directed = direction === 'directed';
    let weight = 1;
    const strength = connection.strength;
    if (strength !== undefined && strength !== '') {
      const n = typeof strength === 'number' ? strength : parseNumberText(strength);
      if (n === undefined || !Number.isFinite(n) || n <= 0) log.warn('bad-strength', `strength ${JSON.stringify(strength)} is not a positive number; the tie counts 1`, where('strength'));
      else weight = n;
    }
    const attributes: Record<string, AttributeValue> = {};
    for (const [key, v] of Object.entries(connection.fields)) setAttribute(attributes, key, v);
    const from = where('from');
    const to = where('to');
    for (const a of froms) {
      for (const b of tos) {
        const tie: Tie = { source: resolve(a), target: resolve(b), relation, directed, weight };
        if (Object.keys(attributes).length > 0) tie.attributes = { ...attributes };
        part.ties.push(tie);
        origins.push({
          file,
          ...(connection.origin.path !== undefined ? { path: connection.origin.path } : {}),
          ...(from.row !== undefined ? { row: from.row } : {}),
          sourceField: connection.origin.sheet !== undefined ? from.field! : 'from',
          targetField: connection.origin.sheet !== undefined ? to.field! : 'to',
        });
      }
    }
    const known = relations.get(relation);
    if (known === undefined) relations.set(relation, { name: relation, directed });
    else if (known.directed !== directed) known.directed = true;
  }
  part.relations = [...relations.values()];
  part.tieOrigins = origins;
  if (leftTypes.length > 0) log.warn('left-out-elements', leftOutMessage(leftTypes, droppedConnections));
  if (unknown.size > 0) {
    const names = [...unknown];
    log.warn('created-element', `${plural(names.length, 'name', 'names')} in connections ${names.length === 1 ? 'is' : 'are'} not an element (${someNames(names)}); each was added as a person, as Kumu does`);
  }
  return resultOf(part, log.issues);
}

function withReadIssues(read: Result<KumuRecords>, options: { typeRoles?: KumuTypeRoles }): Result<ImportPart> {
  const records = readSoFar(read);
  if (records === undefined) return { ok: false, issues: read.issues };
  const people = kumuPeopleFromRecords(records, options);
  return resultOf(readSoFar(people) ?? emptyPart(records.file), [...read.issues, ...people.issues]);
}

/** Reads a Kumu JSON blueprint as people and ties. Never throws. */
export function parseKumuPeople(content: string, options: KumuPeopleOptions): Result<ImportPart> {
  return withReadIssues(kumuJsonRecords(content, options.file), options);
}

/** Reads a Kumu workbook (Elements and Connections sheets) as people and ties. Never throws. */
export function parseKumuWorkbookPeople(file: SourceFile, options: { typeRoles?: KumuTypeRoles } = {}): Result<ImportPart> {
  return withReadIssues(kumuWorkbookRecords(file), options);
}

const SIGNS = new Set(['+', '-', '−', '++', '--', '+-', '-+', 'positive', 'negative', 'same', 'opposite']);

/**
 * What a Kumu file maps, from its records: `system-map` when most typed connections carry a sign
 * (+, -, ++, ...), `people` when its elements are people or organisations and no connection
 * carries a sign, undefined when it cannot tell (the user then chooses).
 */
export function kumuLeaning(records: KumuRecords): 'people' | 'system-map' | undefined {
  const types = records.connections.map((c) => c.type).filter((t): t is string => t !== undefined);
  const signed = types.filter((t) => SIGNS.has(t.toLowerCase())).length;
  if (types.length > 0 && signed >= types.length / 2) return 'system-map';
  const elementTypes = records.elements.map((e) => e.type).filter((t): t is string => t !== undefined);
  const peopleLike = (t: string): boolean => {
    const role = kumuTypeRole(t, 'system-map');
    return role === 'person' || role === 'organisation';
  };
  if (signed === 0 && elementTypes.length > 0 && elementTypes.every(peopleLike)) return 'people';
  return undefined;
}
