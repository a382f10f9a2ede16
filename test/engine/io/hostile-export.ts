/**
 * A network built to trip GEXF and GraphML exports: tabs and line breaks in ids and labels,
 * surrounding spaces, characters XML 1.0 cannot hold, a person's attribute named like a measure
 * (`degree`) and like the label, lists whose items hold `|`, commas and quotes. Its exports are
 * committed under test/fixtures/formats/hostile/ and read there by networkx
 * (test/reference/formats/make_xml_exports.py).
 */
import { setAttribute } from '../../../src/engine/io/attribute-columns.ts';
import type { Attributes } from '../../../src/engine/core/model/records.ts';
import type { ExportGraph } from '../../../src/engine/io/export-graph.ts';

function attributes(entries: Array<[string, Attributes[string]]>): Attributes {
  const out: Attributes = {};
  for (const [name, value] of entries) setAttribute(out, name, value);
  return out;
}

export const HOSTILE_GRAPH: ExportGraph = {
  directed: true,
  nodes: [
    {
      id: 'ana\tlima',
      label: ' Ana\nLima ',
      attributes: attributes([
        ['degree', 'PhD'],
        ['label', 'not the label'],
        ['organisation', `Smith & Co <"'>`],
        ['skills', ['facilitation', 'a|b', 'x, y', 'say "hi"', 'line\nbreak', ' padded ']],
        ['years', 4],
        ['active', true],
        ['__proto__', 'proto'],
        ['note', '  spaced  '],
        ['blank', '   '],
      ]),
      metrics: { degree: 2, betweenness: 0.5 },
    },
    {
      id: 'ben\uFFFE',
      label: 'Ben\uFFFE\u0001 Okafor 😀 中文 عربى',
      attributes: attributes([
        ['degree', 'MSc'],
        ['skills', []],
        ['years', 2.5],
        ['active', false],
        ['note', 'CR\rhere\ttab'],
      ]),
      metrics: { degree: 1, betweenness: 0 },
    },
    { id: 'cara', label: 'Cara', attributes: {}, metrics: { degree: 1, betweenness: 0 } },
  ],
  edges: [
    { source: 'ana\tlima', target: 'ben\uFFFE', weight: 2, relation: 'advice | help' },
    { source: 'cara', target: 'ana\tlima', weight: 0.5, relation: 'works with\tdaily' },
  ],
};
