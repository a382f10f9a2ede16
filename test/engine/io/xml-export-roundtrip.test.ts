/**
 * GEXF and GraphML exports read back by our own readers exactly as written, whatever people,
 * names and values hold: line breaks, tabs, CR, surrounding spaces, `|`, commas, quotes, markup,
 * non-Latin scripts, emoji, attribute names such as `degree`, `label` and `__proto__`, lists,
 * numbers, flags and empty values. The one documented change: characters XML 1.0 cannot hold
 * (C0 controls, U+FFFE, U+FFFF, lone surrogates) come back as U+FFFD, and the file says how many.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toGexf } from '../../../src/engine/io/gexf-writer.ts';
import { toGraphml } from '../../../src/engine/io/graphml-writer.ts';
import { parseGexf } from '../../../src/engine/io/gexf.ts';
import { parseGraphml } from '../../../src/engine/io/graphml.ts';
import { xmlColumns, xmlReplacedCount, type ExportEdge, type ExportGraph, type ExportNode } from '../../../src/engine/io/export-graph.ts';
import { setAttribute } from '../../../src/engine/io/attribute-columns.ts';
import type { AttributeValue, Attributes } from '../../../src/engine/core/model/records.ts';

/** What XML 1.0 cannot hold, replaced as the exports document. */
// eslint-disable-next-line no-control-regex
const replaced = (text: string): string => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu, '\uFFFD');

const PIECES = ['a', 'Zoë', 'Ωμέγα', '中文', 'عربى', '😀', '👩🏽‍🌾', '\n', '\t', '\r', '\r\n', ' ', '  ', '|', ',', '[', ']', '\\', '&', '<', '>', '"', "'", '&amp;', ']]>', '\uFFFE', '\uFFFF', '\u0001', '\u000B', '\uD800', '\uDC00x', '\u00A0', '\u2028'];
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
);
const NAMES = ['degree', 'betweenness', 'label', 'Label', 'id', 'name', '__proto__', 'constructor', 'relation', 'weight', 'degree (measure)', ''];
const attributeName = fc.oneof(fc.constantFrom(...NAMES), hostile);
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));

type Kind = 'string' | 'number' | 'boolean' | 'list';
const valueOf: Record<Kind, fc.Arbitrary<AttributeValue>> = {
  string: hostile,
  number,
  boolean: fc.boolean(),
  list: fc.array(hostile, { maxLength: 4 }),
};

/** Ids as netweave keeps them: trimmed, not empty, distinct once written. */
const ids = fc
  .uniqueArray(hostile.map((s) => s.trim()).filter((s) => replaced(s).trim() === s.trim() && s !== ''), { minLength: 1, maxLength: 7, selector: replaced })
  .filter((list) => list.every((id) => replaced(id).trim() !== ''));

const graphs: fc.Arbitrary<ExportGraph> = fc
  .record({
    ids,
    columns: fc.uniqueArray(fc.tuple(attributeName, fc.constantFrom<Kind>('string', 'number', 'boolean', 'list')), {
      maxLength: 5,
      selector: ([name]) => replaced(name),
    }),
    measures: fc.uniqueArray(attributeName, { maxLength: 3, selector: replaced }),
    directed: fc.boolean(),
  })
  .chain(({ ids, columns, measures, directed }) => {
    const node = (id: string): fc.Arbitrary<ExportNode> =>
      fc
        .record({
          label: hostile,
          values: fc.tuple(...columns.map(([, kind]) => fc.option(valueOf[kind], { nil: null }))),
          metrics: fc.tuple(...measures.map(() => number)),
        })
        .map(({ label, values, metrics }) => {
          const attributes: Attributes = {};
          columns.forEach(([name], i) => setAttribute(attributes, name, values[i] ?? null));
          const measured: Record<string, number> = {};
          measures.forEach((name, i) => Object.defineProperty(measured, name, { value: metrics[i], enumerable: true, writable: true, configurable: true }));
          return { id, label, attributes, metrics: measured };
        });
    const relation = hostile.map((s) => s.trim()).filter((s) => s !== '' && replaced(s).trim() === s);
    const edge = fc.record({ s: fc.nat(ids.length - 1), t: fc.nat(ids.length - 1), weight: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), relation });
    // One edge per pair and relation (either order when undirected), never a self-loop: the
    // readers merge and report those, which is not what this test is about.
    const edges: fc.Arbitrary<ExportEdge[]> = ids.length < 2 ? fc.constant<ExportEdge[]>([]) : fc
      .uniqueArray(edge.filter((e) => e.s !== e.t), {
        maxLength: 8,
        selector: (e) => `${directed ? `${e.s}>${e.t}` : [e.s, e.t].sort().join('-')}|${replaced(e.relation)}`,
      })
      .map((list) => list.map((e): ExportEdge => ({ source: ids[e.s] as string, target: ids[e.t] as string, weight: e.weight, relation: e.relation })));
    return fc.record({ directed: fc.constant(directed), nodes: fc.tuple(...ids.map(node)), edges });
  });

/** The value our readers should give back for one written value. */
function expectedValue(value: AttributeValue | undefined, kind: string): AttributeValue {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return kind === 'liststring' ? value.map(replaced) : replaced(value.join(';'));
  if (kind === 'string') return replaced(String(value));
  return value;
}

/** What the file means: people with every column's value (measures under their titles), and ties. */
function expected(graph: ExportGraph, reserved: string[]) {
  const columns = xmlColumns(graph, reserved);
  return {
    people: graph.nodes.map((node) => {
      const attributes: Attributes = {};
      for (const c of columns) {
        const value = c.measure ? (Object.hasOwn(node.metrics, c.name) ? node.metrics[c.name] : null) : expectedValue(Object.hasOwn(node.attributes, c.name) ? node.attributes[c.name] : null, c.kind);
        setAttribute(attributes, replaced(c.measure ? c.title : c.name), value ?? null);
      }
      return { id: replaced(node.id), label: node.label === '' ? replaced(node.id) : replaced(node.label), attributes };
    }),
    ties: graph.edges.map((e) => ({ source: replaced(e.source), target: replaced(e.target), relation: replaced(e.relation), directed: graph.directed, weight: e.weight })),
  };
}

describe.each([
  ['GEXF', toGexf, parseGexf, ['label']],
  ['GraphML', toGraphml, parseGraphml, ['label']],
] as const)('%s export of hostile text', (_name, write, read, reserved) => {
  it('reads back as written: people, labels, typed attributes, measures, ties, weights, relations', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const text = write(graph);
        const result = read(text, { file: 'export' });
        expect(result.issues.filter((i) => i.level === 'error')).toEqual([]);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const want = expected(graph, [...reserved]);
        expect(result.value.people).toEqual(want.people);
        expect(result.value.ties).toEqual(want.ties);
        const count = xmlReplacedCount(graph);
        if (count > 0) expect(text).toContain(`<!-- netweave: ${count} character`);
        else expect(text).not.toContain('<!-- netweave');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});
