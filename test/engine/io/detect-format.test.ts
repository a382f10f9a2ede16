import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectFormat, sniffXmlRoot } from '../../../src/engine/io/detect-format.ts';
import { xmlRoot } from '../../../src/engine/io/file-formats.ts';
import { classic, coalition, fixture } from './fixtures.ts';

const kind = (name: string, text: string) => detectFormat({ name, text }).kind;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('detectFormat', () => {
  it('goes by extension for GEXF, GraphML and JSON', () => {
    expect(kind('a.GEXF', '')).toBe('gexf');
    expect(kind('a.graphml', '')).toBe('graphml');
    expect(kind('a.json', '')).toBe('json');
  });

  it('sniffs .xml files and extension-less files by their root element', () => {
    expect(kind('export.xml', fixture('gephi-coalition.gexf'))).toBe('gexf');
    expect(kind('export.xml', fixture('yed-team.graphml'))).toBe('graphml');
    expect(kind('export', fixture('cytoscape-partners.graphml'))).toBe('graphml');
    expect(kind('export', '{"version": 1}')).toBe('json');
    const other = detectFormat({ name: 'feed.xml', text: '<?xml version="1.0"?><rss/>' });
    expect(other.kind).toBe('unknown');
    expect(other.reason).toContain('<rss>');
  });

  it('tells CSV kinds apart by their header', () => {
    expect(kind('edges.csv', classic('karate/edges.csv'))).toBe('edges');
    expect(kind('nodes.csv', classic('karate/nodes.csv'))).toBe('nodes');
    expect(kind('nodes.csv', classic('lesmis/nodes.csv'))).toBe('nodes');
    expect(kind('people.csv', coalition('people.csv'))).toBe('nodes');
    expect(kind('m.csv', ',a,b\na,0,1\nb,1,0\n')).toBe('adjacency');
    expect(kind('m.csv', 'x,b,a\na,0,1\nb,1,0\n')).toBe('adjacency');
    expect(kind('campnet.csv', classic('reference/campnet_adjacency.csv'))).toBe('adjacency');
    expect(kind('tabs.tsv', fixture('tabs.tsv'))).toBe('edges');
    expect(kind('s.txt', fixture('semicolon-bom.csv'))).toBe('edges');
  });

  it('says why when a CSV fits no kind, or passes on why it could not be read', () => {
    const unknown = detectFormat({ name: 'attendance.csv', text: coalition('attendance.csv') });
    expect(unknown.kind).toBe('unknown');
    expect(unknown.reason).toContain('"event", "date", "attendee"');
    const empty = detectFormat({ name: 'empty.csv', text: '' });
    expect(empty.kind).toBe('unknown');
    expect(empty.issues).toEqual([expect.objectContaining({ code: 'empty-file', file: 'empty.csv' })]);
  });

  it('finds the root element past declarations, comments, DOCTYPE and prefixes', () => {
    expect(sniffXmlRoot('\uFEFF<?xml version="1.0"?>\n<!-- <gexf> -->\n<!DOCTYPE x [<!ENTITY a "b">]>\n<g:graphml/>')).toBe('graphml');
    expect(sniffXmlRoot('no xml here')).toBeUndefined();
  });
});

describe('detectFormat on the formats of other tools', () => {
  const formats = (file: string) => readFileSync(path.join(ROOT, 'test/fixtures/formats', file), 'utf8');
  it('knows each by its name and its content', () => {
    const cases: Array<[string, string]> = [
      ['pajek/zachary.net', 'pajek'],
      ['pajek/Padgett.paj', 'pajek'],
      ['ucinet/igraph-edgelist1.dl', 'ucinet'],
      ['gml/karate.gml', 'gml'],
      ['dot/fsm.gv', 'dot'],
      ['graphology/clique3.json', 'graphology'],
      ['gephi-lite/les-miserables.json', 'gephi-lite'],
      ['edgelist/networkx-karate.edgelist', 'edgelist'],
      ['edgelist/snap-ca-grqc-head.txt', 'edgelist'],
      ['adjlist/networkx-florentine.adjlist', 'adjlist'],
    ];
    for (const [file, expected] of cases) {
      expect(kind(path.basename(file), formats(file)), file).toBe(expected);
      // Without a telling name, the content alone says it (lists without a header only as .txt).
      if (expected !== 'edgelist' && expected !== 'adjlist') expect(kind('download', formats(file)), `${file} without its name`).toBe(expected);
    }
    expect(kind('export.txt', formats('pajek/zachary.net'))).toBe('pajek');
  });

  it('goes by content when the name says one format and the content plainly another', () => {
    const wrong = detectFormat({ name: 'network.net', text: formats('gml/karate.gml') });
    expect(wrong.kind).toBe('gml');
    expect(wrong.reason).toContain('named .net, but its content is GML');
  });

  it('asks for a header when a list of ties without one could be a table', () => {
    const unsure = detectFormat({ name: 'ties.csv', text: formats('adjlist/gephi-docs-mixed.csv') });
    expect(unsure.kind).toBe('unknown');
    expect(unsure.reason).toContain('add "source,target" as its first line');
  });
});

describe('xmlRoot on crafted prologs', () => {
  it('finds the root past a DOCTYPE whose subset holds > and brackets, and gives up at once on unfinished or crafted ones', () => {
    expect(xmlRoot('\uFEFF<?xml version="1.0"?>\n<!-- a -->\n<!DOCTYPE g [<!ENTITY a "x>y"> <!-- ] -->]>\n<gexf:gexf xmlns:gexf="x">')).toBe('gexf');
    expect(xmlRoot('<!doctype graphml><graphml>')).toBe('graphml');
    // Each of these took seconds to minutes with the regular expressions that read prologs before.
    const crafted = [
      `<!DOCTYPE[${']'.repeat(66)}`,
      `<!DOCTYPE [${'[]'.repeat(30_000)}`,
      '<?'.repeat(30_000),
      '<!--'.repeat(15_000),
      `<!DOCTYPE x "${'"'.repeat(60_000)}`,
    ];
    for (const text of crafted) expect(xmlRoot(text)).toBeUndefined();
    expect(detectFormat({ name: 'crafted.xml', text: crafted[0]! }).kind).toBe('unknown');
  });
});
