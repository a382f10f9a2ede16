import { partOf } from './read-part.ts';
import { describe, expect, it } from 'vitest';
import { parseGexf } from '../../../src/engine/io/gexf.ts';
import { fixture } from './fixtures.ts';

describe('parseGexf on a Gephi export', () => {
  const part = partOf(parseGexf(fixture('gephi-coalition.gexf'), { file: 'coalition.gexf' }));

  it('reads nodes with labels, entities and character references decoded', () => {
    expect(part.people.map((p) => [p.id, p.label])).toEqual([
      ['ana', 'Ana Lima'],
      ['ben', 'Ben Okafor'],
      ['caro', 'Carolina Ruíz'],
      ['dev', 'Dev Patel'],
      ['zoe', 'zoe'],
    ]);
    expect(part.people[1]?.attributes.organization).toBe('City Hall & Partners');
    expect(part.description).toBe("Coalition advice and collaboration, hand-written for netweave's tests");
  });

  it('types attributes by their declared type, using declared defaults and null otherwise', () => {
    expect(part.people[0]?.attributes).toEqual({
      organization: 'Food Bank',
      years: 12,
      score: 0.75,
      lead: true,
      skills: ['budgeting', 'facilitation'],
    });
    expect(part.people[1]?.attributes).toMatchObject({ years: 3, score: 1.5, lead: false, skills: ['media'] });
    expect(part.people[3]?.attributes).toEqual({
      organization: null,
      years: 0,
      score: null,
      lead: null,
      skills: null,
    });
  });

  it('reads edges: weights, the default and per-edge type, relation from attribute or label', () => {
    expect(part.ties.map((t) => [t.source, t.target, t.relation, t.directed, t.weight])).toEqual([
      ['ana', 'ben', 'advice', true, 3.5],
      ['ben', 'ana', 'advice', true, 1],
      ['ana', 'caro', 'collaboration', false, 3],
      ['caro', 'dev', 'friendship', true, 1],
      ['dev', 'dev', 'friendship', true, 1],
      ['caro', 'zoe', 'advice', true, 1],
    ]);
    expect(part.ties[0]?.attributes).toEqual({ since: 2019 });
    expect(part.relations).toEqual([
      { name: 'advice', directed: true },
      { name: 'collaboration', directed: false },
      { name: 'friendship', directed: true },
    ]);
  });

  it('warns about the undeclared endpoint, the repeated edge and the self-loop, with their lines', () => {
    expect(part.issues.map((i) => [i.level, i.code, i.file, i.row, i.field])).toEqual([
      ['warning', 'unknown-id', 'coalition.gexf', 75, 'target'],
      ['warning', 'duplicate-edge', 'coalition.gexf', 68, undefined],
      ['warning', 'self-loop', 'coalition.gexf', 74, undefined],
    ]);
    expect(part.issues[1]?.message).toContain('line 52');
    expect(part.issues[1]?.message).toContain('2 + 1.5 = 3.5');
  });
});

describe('parseGexf edge cases', () => {
  const wrap = (body: string, graph = 'defaultedgetype="undirected"') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph ${graph}>\n${body}\n</graph>\n</gexf>\n`;

  it('reads a single node and edge (no arrays in the source) and defaults to undirected', () => {
    const part = partOf(parseGexf(wrap('<nodes><node id="a"/></nodes><edges><edge source="a" target="b"/></edges>', ''), { file: 'g.gexf' }));
    expect(part.people.map((p) => p.id)).toEqual(['a', 'b']);
    expect(part.ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: false, weight: 1 }]);
  });

  it('uses the GEXF 1.3 edge kind as relation and mutual as undirected', () => {
    const part = partOf(parseGexf(
      wrap('<nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b" kind="mentoring" type="mutual"/></edges>', 'defaultedgetype="directed"'),
      { file: 'g.gexf' },
    ));
    expect(part.ties[0]).toMatchObject({ relation: 'mentoring', directed: false });
  });

  it('reads GEXF 1.3 bracketed lists', () => {
    const part = partOf(parseGexf(
      wrap(
        '<attributes class="node"><attribute id="s" title="skills" type="liststring"/></attributes>' +
          '<nodes><node id="a"><attvalues><attvalue for="s" value="[grant writing, media]"/></attvalues></node></nodes>',
      ),
      { file: 'g.gexf' },
    ));
    expect(part.people[0]?.attributes.skills).toEqual(['grant writing', 'media']);
  });

  it('reports a bad weight as an error on its line, and a mistyped attribute as a warning', () => {
    const part = partOf(parseGexf(
      wrap(
        '<attributes class="node"><attribute id="0" title="age" type="integer"/></attributes>\n' +
          '<nodes>\n<node id="a"><attvalues><attvalue for="0" value="old"/></attvalues></node>\n<node id="b"/>\n</nodes>\n' +
          '<edges>\n<edge source="a" target="b" weight="heavy"/>\n</edges>',
      ),
      { file: 'g.gexf' },
    ));
    expect(part.ties).toEqual([]);
    expect(part.people[0]?.attributes.age).toBe('old');
    expect(part.issues.map((i) => [i.level, i.code, i.row, i.field, i.message])).toEqual([
      ['warning', 'bad-attribute', 6, 'age', 'age is declared as integer but is not a number: "old"; it was kept as text'],
      ['error', 'bad-weight', 10, 'weight', 'weight is not a number: "heavy"'],
    ]);
  });

  it('reports a file that is not XML with the line the problem is on', () => {
    const part = partOf(parseGexf('<gexf>\n<graph>\n<nodes>\n</graph>\n</gexf>\n', { file: 'broken.gexf' }));
    expect(part.people).toEqual([]);
    expect(part.issues).toHaveLength(1);
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'not-xml', file: 'broken.gexf', row: 4 });
    expect(part.issues[0]?.field).toBeUndefined();
  });

  it('reports CSV text handed in as GEXF', () => {
    const part = partOf(parseGexf('source,target\na,b\n', { file: 'edges.gexf' }));
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'not-xml', file: 'edges.gexf', row: 1 });
  });

  it('reports XML that is not GEXF', () => {
    const part = partOf(parseGexf('<?xml version="1.0"?>\n<graphml><graph/></graphml>', { file: 'x.gexf' }));
    expect(part.issues).toEqual([
      expect.objectContaining({ level: 'error', code: 'wrong-format', file: 'x.gexf', row: 2 }),
    ]);
    expect(part.issues[0]?.message).toContain('looks like GraphML');
  });

  it('refuses external entities and does not expand entity bombs', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE gexf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<gexf><graph><nodes><node id="a" label="&xxe;"/></nodes></graph></gexf>`;
    const part = partOf(parseGexf(xxe, { file: 'xxe.gexf' }));
    expect(part.people).toEqual([]);
    expect(part.issues[0]).toMatchObject({ level: 'error', code: 'not-xml', file: 'xxe.gexf' });

    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE gexf [<!ENTITY l0 "lol">${lol}]>\n<gexf><graph><nodes><node id="a">&l9;</node></nodes></graph></gexf>`;
    const result = partOf(parseGexf(bomb, { file: 'bomb.gexf' }));
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
  });
});
