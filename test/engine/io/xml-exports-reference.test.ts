/**
 * Our hostile GEXF and GraphML exports as networkx reads them (expat underneath), compared with
 * what netweave meant to write: test/reference/formats/make_xml_exports.py reads the committed
 * files under test/fixtures/formats/hostile/ and records every node's and edge's data.
 * Regenerate the files after a deliberate change to the writers with
 * `UPDATE_HOSTILE=1 npx vitest run test/engine/io/xml-exports-reference.test.ts`, then run the
 * script with /usr/bin/python3.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toGexf } from '../../../src/engine/io/gexf-writer.ts';
import { toGraphml } from '../../../src/engine/io/graphml-writer.ts';
import { parseGexf } from '../../../src/engine/io/gexf.ts';
import { parseGraphml } from '../../../src/engine/io/graphml.ts';
import { HOSTILE_GRAPH } from './hostile-export.ts';

const DIR = 'test/fixtures/formats/hostile';
const reference = JSON.parse(readFileSync('test/reference/formats/xml_exports.json', 'utf8')) as Record<
  'gexf' | 'graphml',
  { directed: boolean; nodes: Record<string, Record<string, unknown>>; edges: Array<[string, string, Record<string, unknown>]>; lists: Record<string, string[]> }
>;

/** The documented replacement: characters XML 1.0 cannot hold are U+FFFD. */
// eslint-disable-next-line no-control-regex
const replaced = (text: string): string => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu, '\uFFFD');

/**
 * The titles we mean other tools to see: each attribute under its own name, except `label`
 * (the label's own key), and the measure degree apart from the person's attribute degree.
 */
const ATTRIBUTE_TITLES: Record<string, string> = { label: 'label (attribute)' };
const MEASURE_TITLES: Record<string, string> = { degree: 'degree (measure)' };

/** What networkx should hold for each person: label, attributes (lists as their JSON text), measures. */
function meant(): { nodes: Record<string, Record<string, unknown>>; lists: Record<string, string[]> } {
  const nodes: Record<string, Record<string, unknown>> = {};
  const lists: Record<string, string[]> = {};
  for (const node of HOSTILE_GRAPH.nodes) {
    const data: Record<string, unknown> = { label: replaced(node.label) };
    for (const [name, value] of Object.entries(node.attributes)) {
      if (value === null) continue;
      const title = Object.hasOwn(ATTRIBUTE_TITLES, name) ? ATTRIBUTE_TITLES[name]! : name;
      if (Array.isArray(value)) lists[replaced(node.id)] = value.map(replaced);
      // defineProperty: `__proto__` is a name like any other here, as in JSON.
      const text = Array.isArray(value) ? JSON.stringify(value.map(replaced)) : typeof value === 'string' ? replaced(value) : value;
      Object.defineProperty(data, title, { value: text, enumerable: true, writable: true, configurable: true });
    }
    for (const [name, value] of Object.entries(node.metrics)) data[Object.hasOwn(MEASURE_TITLES, name) ? MEASURE_TITLES[name]! : name] = value;
    nodes[replaced(node.id)] = data;
  }
  return { nodes, lists };
}

describe.each([
  ['gexf', toGexf, parseGexf, (i: number) => String(i)],
  ['graphml', toGraphml, parseGraphml, (i: number) => `e${i}`],
] as const)('the hostile %s export', (format, write, read, edgeId) => {
  const path = `${DIR}/hostile.${format}`;
  if (process.env.UPDATE_HOSTILE === '1') writeFileSync(path, write(HOSTILE_GRAPH));
  const text = readFileSync(path, 'utf8');

  it('is what the writer writes now', () => {
    expect(text).toBe(write(HOSTILE_GRAPH));
    expect(text).toContain('<!-- netweave: 4 characters that XML 1.0 cannot hold');
  });

  it('reads in networkx as meant: ids, labels, spaces, tabs, CR, lists, the attribute degree beside the measure', () => {
    const got = reference[format];
    const want = meant();
    expect(got.directed).toBe(true);
    expect(got.nodes).toEqual(want.nodes);
    expect(got.lists).toEqual(want.lists);
    expect(got.edges).toEqual(
      HOSTILE_GRAPH.edges.map((e, i) => [replaced(e.source), replaced(e.target), { id: edgeId(i), relation: replaced(e.relation), weight: e.weight }]),
    );
  });

  it('reads back in netweave with the attribute degree and the list items intact', () => {
    const result = read(text, { file: path });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ana = result.value.people[0]!;
    expect(ana.label).toBe(' Ana\nLima ');
    expect(ana.attributes).toMatchObject({ degree: 'PhD', label: 'not the label', 'degree (measure)': 2, skills: ['facilitation', 'a|b', 'x, y', 'say "hi"', 'line\nbreak', ' padded '] });
  });
});
