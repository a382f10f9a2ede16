/**
 * GraphML `<key>` declarations, shared by the people-network and system-map GraphML readers:
 * which data keys apply to nodes or edges, their names, types and defaults.
 */
import { attribute, children, rawAttribute, textValue, type XmlElement } from './xml-read.ts';

export interface GraphmlKey {
  id: string;
  name: string;
  type: string;
  default: string | undefined;
  /**
   * Keys that hold drawing, not data: yEd's `yfiles.type` keys (nodegraphics, edgegraphics,
   * resources), and the keys yFiles for HTML and yEd Live declare with a `y:attr.uri` under
   * www.yworks.com (NodeLabels, NodeGeometry, NodeStyle, zOrder, ...), named by that type or name.
   */
  graphics: string | undefined;
}

const YWORKS_URI = /^https?:\/\/www\.yworks\.com\//i;

/** The graphics kind of a key element, or undefined for a data key. */
function graphicsKind(key: XmlElement): string | undefined {
  const type = attribute(key, 'yfiles.type');
  if (type !== undefined) return type;
  const uri = attribute(key, 'attr.uri');
  if (uri !== undefined && YWORKS_URI.test(uri)) return attribute(key, 'attr.name') || uri;
  return undefined;
}

export type GraphmlKeys = Map<string, GraphmlKey>;

/** The keys that apply to `kind` elements (declared for it or for all). */
export function readGraphmlKeys(root: XmlElement, kind: 'node' | 'edge' | 'graph'): GraphmlKeys {
  const keys: GraphmlKeys = new Map();
  for (const key of children(root, 'key')) {
    const id = attribute(key, 'id');
    const domain = (attribute(key, 'for') ?? 'all').toLowerCase();
    if (id === undefined || (domain !== kind && domain !== 'all')) continue;
    const fallback = children(key, 'default')[0];
    keys.set(id, {
      id,
      // netweave's exports: the attribute's own name where attr.name had to differ, and lists.
      name: rawAttribute(key, 'netweave.name') ?? (rawAttribute(key, 'attr.name') || id),
      type: attribute(key, 'netweave.type') ?? attribute(key, 'attr.type') ?? 'string',
      default: fallback === undefined ? undefined : textValue(fallback),
      graphics: graphicsKind(key),
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
