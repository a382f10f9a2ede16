/**
 * The shape every graph export writes from: people with attributes and metrics, and ties.
 * Both the CLI's report and the app's analysis convert to it.
 */
import type { Attributes } from '../core/model/records.ts';

export interface ExportNode {
  id: string;
  label: string;
  attributes: Attributes;
  metrics: Record<string, number>;
}

export interface ExportEdge {
  source: string;
  target: string;
  weight: number;
  relation: string;
}

export interface ExportGraph {
  directed: boolean;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** XML text and attribute escaping: labels are untrusted text. */
export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 forbids would make the file unreadable.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

export type AttributeKind = 'string' | 'double' | 'boolean' | 'liststring';

/** Attribute columns with one type each, in first-seen order. */
export function attributeColumns(nodes: ExportNode[]): Array<{ key: string; kind: AttributeKind }> {
  const kinds = new Map<string, AttributeKind>();
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node.attributes)) {
      if (value === null) continue;
      const kind: AttributeKind = Array.isArray(value) ? 'liststring' : typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
      const seen = kinds.get(key);
      kinds.set(key, seen === undefined || seen === kind ? kind : 'string');
    }
  }
  return [...kinds].map(([key, kind]) => ({ key, kind }));
}

export function attributeText(value: Attributes[string], kind: AttributeKind): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return kind === 'liststring' ? value.join('|') : value.join(';');
  return String(value);
}
