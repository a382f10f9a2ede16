/**
 * Upgrading saved datasets. Each entry migrates version N to N+1 as a pure function on the raw
 * JSON; they run in order until DATASET_VERSION, then the result is validated with zod. A
 * migration passes anything it does not understand through, so validation reports it.
 */
import { DATASET_VERSION } from '../core/model/dataset.ts';

export type RawDataset = Record<string, unknown>;
export type Migration = (data: Readonly<RawDataset>) => RawDataset;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asId(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : value;
}

/**
 * Version 0, the legacy shape:
 * `{ version: 0, nodes: [{ id, label?, ...attributes }], edges: [{ source, target, weight?, relation?, directed? }] }`.
 * Nodes become people (label defaults to the id, other fields become attributes), edges ties
 * (relation 'tie' and undirected by default, other fields attributes), and relations are listed.
 */
export const migrateV0ToV1: Migration = (data) => {
  const { nodes, edges, version: _version, ...rest } = data;
  const people = Array.isArray(nodes)
    ? nodes.map((node: unknown) => {
        if (!isObject(node)) return node;
        const { id, label, ...attributes } = node;
        return {
          id: asId(id),
          label: label === undefined || label === null ? String(asId(id) ?? '') : label,
          attributes,
        };
      })
    : nodes;
  const ties = Array.isArray(edges)
    ? edges.map((edge: unknown) => {
        if (!isObject(edge)) return edge;
        const { source, target, weight, relation, directed, ...attributes } = edge;
        return {
          source: asId(source),
          target: asId(target),
          relation: relation ?? 'tie',
          directed: directed ?? false,
          ...(weight !== undefined && weight !== null ? { weight } : {}),
          ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
        };
      })
    : (edges ?? []);
  const relations = new Map<string, { name: string; directed: boolean }>();
  if (Array.isArray(ties)) {
    for (const tie of ties) {
      if (!isObject(tie) || typeof tie.relation !== 'string') continue;
      const known = relations.get(tie.relation);
      const directed = tie.directed === true;
      relations.set(tie.relation, { name: tie.relation, directed: (known?.directed ?? false) || directed });
    }
  }
  return {
    ...rest,
    format: 'netweave-dataset',
    version: 1,
    people: people ?? [],
    relations: [...relations.values()],
    ties,
  };
};

/** Ordered by the version each migration starts from. */
export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map([[0, migrateV0ToV1]]);

export interface MigrationResult {
  data: RawDataset;
  /** The versions migrated from, in order (e.g. [0] for a version 0 file). */
  applied: number[];
}

/**
 * Runs the migrations from `fromVersion` up to DATASET_VERSION. Returns undefined when a step is
 * missing from the registry (a version no netweave release wrote).
 */
export function migrateDataset(data: Readonly<RawDataset>, fromVersion: number): MigrationResult | undefined {
  let current: RawDataset = { ...data };
  const applied: number[] = [];
  for (let version = fromVersion; version < DATASET_VERSION; version++) {
    const migrate = MIGRATIONS.get(version);
    if (migrate === undefined) return undefined;
    current = migrate(current);
    applied.push(version);
  }
  return { data: current, applied };
}
