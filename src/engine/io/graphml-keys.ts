/**
 * GraphML `<key>` declarations, shared by the people-network and system-map GraphML readers:
 * which data keys apply to nodes or edges, their names, types and defaults.
 */
import { attribute, children, textOf, type XmlElement } from './xml-read.ts';

export interface GraphmlKey {
  id: string;
  name: string;
  type: string;
  default: string | undefined;
  /** yEd's graphics keys (nodegraphics, edgegraphics, resources) hold drawing, not data. */
  graphics: string | undefined;
}

export type GraphmlKeys = Map<string, GraphmlKey>;

export function readGraphmlKeys(root: XmlElement, kind: 'node' | 'edge'): GraphmlKeys {
  const keys: GraphmlKeys = new Map();
  for (const key of children(root, 'key')) {
    const id = attribute(key, 'id');
    const domain = (attribute(key, 'for') ?? 'all').toLowerCase();
    if (id === undefined || (domain !== kind && domain !== 'all')) continue;
    const fallback = children(key, 'default')[0];
    keys.set(id, {
      id,
      name: attribute(key, 'attr.name') || id,
      type: attribute(key, 'attr.type') ?? 'string',
      default: fallback === undefined ? undefined : textOf(fallback),
      graphics: attribute(key, 'yfiles.type'),
    });
  }
  return keys;
}

/** The first data key (not graphics) whose name is one of `names`, in order of preference. */
export function graphmlKeyNamed(keys: GraphmlKeys, names: readonly string[]): GraphmlKey | undefined {
  for (const name of names) {
    for (const key of keys.values()) {
      if (key.graphics === undefined && key.name.trim().toLowerCase() === name) return key;
    }
  }
  return undefined;
}
